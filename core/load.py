"""Read a policy document from disk: plain text (any common Chinese encoding), Word .docx or PDF.

``load`` returns the raw text with line breaks normalised to ``"\\n"``; cleaning (web chrome,
PDF noise, reflow) is ``clean.py``'s job. Every problem the user can cause becomes an
``InputError`` whose message names the file and the reason in one line of Chinese.
The input file is only ever opened for reading, and read once.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from core.errors import InputError, os_reason, printable

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# Limits a real policy document never reaches, so that a hostile file is refused before it
# costs minutes or gigabytes. The longest Chinese law, the Civil Code (民法典), has about
# 107,000 characters in some 1,260 articles and 3,000 paragraphs; a five-year plan outline
# has about 70,000 characters and 1,000 paragraphs. Text and paragraphs are capped at 28x
# and 3x that; the comparison's cost grows with the number of paragraphs (sections), so that
# cap is the tighter one.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 3_000_000
MAX_PARAGRAPHS = 10_000
# PDF text is extracted in a child process with these bounds: a content stream that inflates
# to hundreds of megabytes (a few kilobytes on disk) must not take the machine's memory or
# minutes. A 185-page plan extracts in under a second, its child process using some 30 MB.
MAX_PDF_PAGES = 3_000
PDF_MEMORY_BYTES = 768 * 1024 * 1024
PDF_SECONDS = 30.0

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
SUPPORTED = "请使用 .txt、.docx 或 .pdf"

# UTF-8 and GB18030 files saved by careless tools sometimes carry a few broken bytes (a
# truncated character at a cut, a stray byte pasted from elsewhere). We replace them with
# U+FFFD as long as they are at most 1 % of the non-ASCII characters: a wrongly guessed
# encoding produces far more (typically 10-50 %), so the threshold separates the two.
MAX_BAD_SHARE = 0.01
# Share of the non-ASCII characters that must be everyday Chinese characters or punctuation
# for a legacy-encoding guess to be believed. Real documents score above 0.95 (rare characters
# in names are the rest); Big5 read as GBK, GBK read as Big5 or UTF-8 read as GBK score below
# 0.7, mostly kana, Cyrillic, private-use or rare characters.
MIN_PLAUSIBLE_SHARE = 0.85
# A guess this plausible is taken without trying the other codecs; the share is measured on
# the first characters only, which is plenty to tell the encodings apart.
CONFIDENT_SHARE = 0.95
# Behind a UTF-16/32 byte-order mark the bar is lower: the mark is strong evidence of text,
# and the check only has to tell text from binary noise.
MIN_BOM_SHARE = 0.3
PLAUSIBILITY_SAMPLE = 100_000
# Text files hold no control characters besides tab, line and page breaks and ESC; more than
# this share of them in the first block means the file is binary.
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 8192
# The verdict on what is text is taken block by block over the whole decoded file, so that
# it is the same wherever the odd bytes are: characters per block for control characters,
# and non-ASCII characters per block for plausibility. A block of a legacy-encoded file
# whose reading is less plausible than this was written in another encoding.
TEXT_BLOCK = 4096
PLAUSIBLE_LINE = 40
PLAUSIBLE_BLOCK = 200
MIN_BLOCK_SHARE = 0.6

_LEGACY_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")

# Signatures of common non-text files, so that the message can say what the file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF 文件"),
    (b"PK\x03\x04", "ZIP 压缩包"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文件"),
    (b"{\\rtf", "RTF 文件"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"BM", "BMP 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"\x7fELF", "程序文件"),
    (b"MZ", "程序文件"),
    (b"\x1f\x8b", "GZIP 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"Rar!", "RAR 压缩包"),
)


@dataclass(frozen=True)
class Loaded:
    """A document's raw text and where it came from."""

    path: str
    text: str
    source_format: str  # "txt" | "docx" | "pdf"
    encoding: str | None  # detected encoding for txt, None otherwise


def load(path: str | os.PathLike[str]) -> Loaded:
    """Read ``path`` (.txt/.text/.md, .docx, .pdf; text also without extension) into a ``Loaded``.

    Raises ``InputError`` (and nothing else) for anything unusable: missing file, folder,
    unsupported or mislabelled type, unknown encoding, corrupt file, no text layer, too large.
    """
    p = Path(path)
    name = printable(p.name or str(path))
    data = _read_bytes(p, name)
    kind = _sniff(data)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES or (suffix == "" and kind not in ("pdf", "docx")):
        if kind == "docx":
            _fail(name, "不是文本文件，内容实际是 Word 文档，请把扩展名改为 .docx")
        if kind == "pdf":
            _fail(name, "不是文本文件，内容实际是 PDF 文件，请把扩展名改为 .pdf")
        text, encoding = _decode_text(data, name)
        return Loaded(str(path), _finish(text, name), "txt", encoding)
    if suffix in (".docx", ".doc", "") and kind == "docx":
        return Loaded(str(path), _finish(_docx_text(data, name), name), "docx", None)
    if suffix in (".docx", ".doc"):
        if kind == "pdf":
            _fail(name, "内容实际是 PDF 文件，请把扩展名改为 .pdf")
        if kind == "ole" or suffix == ".doc":
            _fail(name, "这是旧版 Word 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再打开")
        _fail(name, "Word 文件已损坏或无法打开")
    if suffix in (".pdf", ""):
        return Loaded(str(path), _finish(_pdf_text(data, name), name), "pdf", None)
    _fail(name, f"不支持的文件类型 {suffix}，{SUPPORTED}")


def _fail(name: str, reason: str) -> NoReturn:
    raise InputError(f"无法读取 “{name}”：{reason}")


def _read_bytes(p: Path, name: str) -> bytes:
    """The whole file, after checking that it is a readable regular file of sane size.

    The file is read to its end rather than to the size the system reports: files under
    /proc and some network or FUSE file systems report 0 and still have content.
    """
    try:
        st = p.stat()
    except FileNotFoundError:
        _fail(name, "文件不存在")
    except PermissionError:
        _fail(name, "没有读取权限")
    except (OSError, ValueError, RuntimeError) as exc:
        _fail(name, f"无法访问（{os_reason(exc)}）")
    if stat.S_ISDIR(st.st_mode):
        _fail(name, "是文件夹，请选择其中的文件")
    if not stat.S_ISREG(st.st_mode):
        _fail(name, "不是普通文件")
    if st.st_size > MAX_FILE_BYTES:
        _fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    try:
        with open(p, "rb") as fh:
            data = _read_to_end(fh, MAX_FILE_BYTES + 1)  # bounded: the file may grow while read
    except PermissionError:
        _fail(name, "没有读取权限")
    except IsADirectoryError:
        _fail(name, "是文件夹，请选择其中的文件")
    except OSError as exc:
        _fail(name, f"读取失败（{os_reason(exc)}）")
    if len(data) > MAX_FILE_BYTES:
        _fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    if not data.strip():
        _fail(name, "文件为空")
    return data


def _read_to_end(fh: IO[bytes], limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fh``, reading until end of file."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = fh.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _sniff(data: bytes) -> str:
    """``"pdf"``, ``"docx"`` (a zip holding word/document.xml), ``"zip"``, ``"ole"`` or ``""``."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import zipfile  # here, not at the top: only a zip needs it (a few ms to import)

        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return ""


# Text ---------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ASCII = re.compile(r"[\x00-\x7f]+")


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file without asking: BOMs, UTF-16 without BOM, UTF-8, then GB18030/Big5,
    and a file mixing UTF-8 lines with legacy-encoded ones line by line."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], codec, label, name), label
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_unicode(data, utf16, utf16, name), utf16
    _reject_binary(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(text, name)
        return text, "utf-8"
    text = data.decode("utf-8", errors="replace")
    if _bad_share(text, data.count(b"\xef\xbf\xbd")) <= MAX_BAD_SHARE:
        _check_controls(text, name)
        return text, "utf-8"
    mixed = _decode_mixed(data, name)
    if mixed is not None:
        return mixed
    text, codec = _decode_legacy(data, name)
    _check_controls(text, name)
    _check_plausible_blocks(text, name)
    return text, codec


def _decode_unicode(body: bytes, codec: str, label: str, name: str) -> str:
    """UTF-8/16/32 with a known codec, tolerating a few broken units."""
    text = body.decode(codec, errors="replace")
    # Any byte pair is some UTF-16 character, so a binary file behind a UTF-16 BOM only shows
    # itself by reading as noise (random pairs are about 10 % everyday characters).
    if not codec.startswith("utf-8") and _plausible_share(text[:PLAUSIBILITY_SAMPLE]) < MIN_BOM_SHARE:
        _fail(name, "不是文本文件")
    _check_controls(text, name)
    if _bad_share(text, 0) > MAX_BAD_SHARE:
        _fail(name, f"文件编码无法识别（按 {label} 解码时有大量错误）")
    return text


def _check_controls(text: str, name: str) -> None:
    """Refuse decoded text holding a NUL anywhere, or a block dense with control characters.

    A NUL never occurs in a text document: it is the mark of a binary file or of a file
    damaged on disk, wherever in the file it is. A few other control characters (pasted
    from old systems) are dropped later; many in one block mean binary content.
    """
    nul = text.find("\x00")
    if nul >= 0:
        _fail(name, f"不是文本文件（第 {text.count(chr(10), 0, nul) + 1} 行含有空字符 NUL）")
    counts: dict[int, int] = {}
    for m in _CONTROL_CHARS.finditer(text):
        block = m.start() // TEXT_BLOCK
        counts[block] = counts.get(block, 0) + 1
    for block, count in sorted(counts.items()):
        size = min(TEXT_BLOCK, len(text) - block * TEXT_BLOCK)
        if count > max(1, MAX_CONTROL_SHARE * size):
            line = text.count("\n", 0, block * TEXT_BLOCK) + 1
            _fail(name, f"不是文本文件（第 {line} 行起含有大量控制字符）")


def _check_plausible_blocks(text: str, name: str) -> None:
    """Refuse a legacy reading in which some block is not believable Chinese text: part of
    the file is in another encoding, and showing it would be silent mojibake."""
    line = _implausible_line(text)
    if line is not None:
        _fail(name, f"文件编码无法识别（第 {line} 行附近混用了另一种编码），请另存为 UTF-8 编码的文本文件后再试")


def _implausible_line(text: str) -> int | None:
    """The first line whose reading is less plausible than MIN_BLOCK_SHARE, or None.

    A line with PLAUSIBLE_LINE non-ASCII characters or more is judged alone; shorter lines
    are judged together, in blocks of about PLAUSIBLE_BLOCK such characters.
    """
    common = _everyday_chars()
    block_start = 1
    total = good = 0
    for number, line in enumerate(text.split("\n"), 1):
        others = _ASCII.sub("", line)
        hits = sum(map(common.__contains__, others))
        if len(others) >= PLAUSIBLE_LINE:
            if hits < MIN_BLOCK_SHARE * len(others):
                return number
            continue
        if not total:
            block_start = number
        total += len(others)
        good += hits
        if total >= PLAUSIBLE_BLOCK:
            if good < MIN_BLOCK_SHARE * total:
                return block_start
            total = good = 0
    if total >= PLAUSIBLE_LINE and good < MIN_BLOCK_SHARE * total:
        return block_start
    return None


# Four or more CJK characters or punctuation marks in UTF-8 (three bytes each) in a row. GBK
# text matches by accident about once in ten million byte positions, and a run is only
# taken when its UTF-8 reading is the more plausible one.
_UTF8_RUN = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){4,}")


def _decode_mixed(data: bytes, name: str) -> tuple[str, str] | None:
    """A file partly in UTF-8 and partly in GB18030/Big5 (text pasted together from several
    sources), decoded line by line and, within a line, run by run; None when no line holds
    UTF-8 (the file is in one legacy encoding).

    UTF-8 is taken only where it is valid and its reading at least as plausible as the
    legacy one: a short GBK line can be valid UTF-8 by accident.
    """
    lines = data.split(b"\n")
    if not any(not raw.isascii() and (_valid_utf8(raw) or _UTF8_RUN.search(raw)) for raw in lines):
        return None
    legacy_parts = [_UTF8_RUN.sub(b" ", raw) for raw in lines if not raw.isascii() and not _valid_utf8(raw)]
    _, codec = _decode_legacy(b"\n".join(legacy_parts), name)
    used_utf8 = False

    def decode(raw: bytes) -> str:
        nonlocal used_utf8
        legacy = raw.decode(codec, errors="replace")
        if _valid_utf8(raw) and _plausible_share(raw.decode("utf-8")) >= _plausible_share(legacy):
            used_utf8 = True
            return raw.decode("utf-8")
        return legacy

    out: list[str] = []
    for raw in lines:
        if raw.isascii() or _valid_utf8(raw):
            out.append(decode(raw))
            continue
        pieces: list[str] = []
        done = 0
        for start, end in _utf8_runs(raw):
            pieces.append(raw[done:start].decode(codec, errors="replace"))
            pieces.append(decode(raw[start:end]))
            done = end
        pieces.append(raw[done:].decode(codec, errors="replace"))
        out.append("".join(pieces))
    text = "\n".join(out)
    if _bad_share(text, 0) > MAX_BAD_SHARE:
        _fail(name, "文件编码无法识别，请另存为 UTF-8 编码的文本文件后再试")
    _check_controls(text, name)
    _check_plausible_blocks(text, name)
    return text, (f"{codec}+utf-8" if used_utf8 else codec)


def _utf8_runs(raw: bytes) -> list[tuple[int, int]]:
    """Where UTF-8 may start inside a line that is not valid UTF-8 as a whole: its longest
    valid UTF-8 opening (a paragraph whose end was pasted from a GBK file), then every
    run of four or more UTF-8 CJK characters."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        opening = exc.start
    else:
        return [(0, len(raw))]
    runs = [(0, opening)] if opening and not raw[:opening].isascii() else []
    runs += [m.span() for m in _UTF8_RUN.finditer(raw, opening)]
    return runs


def _valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NULs (ASCII such as digits and line breaks puts a NUL in
    every other byte) and by the reading being believable Chinese text. UTF-16 without a
    single ASCII character, or only rare characters, is not detected."""
    sample = data[:SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if len(sample) < 4 or even + odd < max(2, len(sample) // 200):
        return None
    # Try the byte order with more NULs on the high-byte side first.
    for codec in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        text = sample.decode(codec, errors="replace")
        if (
            not _CONTROL_CHARS.search(text)
            and _bad_share(text, 0) <= MAX_BAD_SHARE * 10  # the sample may end mid-character
            and _plausible_share(text) >= MIN_PLAUSIBLE_SHARE
        ):
            return codec
    return None


def _reject_binary(data: bytes, name: str) -> None:
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic) and (len(magic) > 2 or _CONTROL.search(head)):
            _fail(name, f"不是文本文件（内容是{what}）")
    if len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        _fail(name, "不是文本文件")


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _bad_share(text: str, genuine_replacements: int) -> float:
    """Share of U+FFFD produced by decoding among the non-ASCII characters of ``text``."""
    bad = text.count("\ufffd") - genuine_replacements
    if bad <= 0:
        return 0.0
    return bad / max(1, _non_ascii(text))


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """GB18030 (covers GBK and GB2312) or Big5: charset-normalizer's guess, restricted to those
    codecs and checked against how many everyday Chinese characters each reading yields."""
    guess = _charset_normalizer_guess(data)
    order = [guess] if guess else []
    order += [c for c in _LEGACY_CANDIDATES if c not in order]
    scored: list[tuple[float, float, str, str]] = []
    for codec in order:
        text = data.decode(codec, errors="replace")
        plausible, bad = _plausible_share(text[:PLAUSIBILITY_SAMPLE]), _bad_share(text, 0)
        if codec == guess and plausible >= CONFIDENT_SHARE and bad <= MAX_BAD_SHARE:
            return text, codec
        scored.append((plausible, bad, codec, text))
    best = max(s[0] for s in scored)
    # Otherwise keep the first reading (guess, GB18030, Big5, CP950, HKSCS) that is about as
    # plausible as the best one.
    for plausible, bad, codec, text in scored:
        if plausible >= best - 0.02 and plausible >= MIN_PLAUSIBLE_SHARE and bad <= MAX_BAD_SHARE:
            return text, codec
    _fail(name, "文件编码无法识别，请另存为 UTF-8 编码的文本文件后再试")


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data, cp_isolation=list(_LEGACY_CANDIDATES)).best()
    except Exception:  # a failed guess only means "no opinion"
        return None
    if best is None:
        return None
    enc = codecs.lookup(best.encoding).name
    for codec in _LEGACY_CANDIDATES:
        if codecs.lookup(codec).name == enc:
            return codec
    return None


@cache
def _everyday_chars() -> frozenset[str]:
    """GB2312 level-1 hanzi, Big5 common hanzi and both codecs' punctuation rows, plus
    the CJK punctuation and full-width blocks."""
    chars: set[str] = set()

    def rows(codec: str, leads: Iterable[int], trails: Iterable[int]) -> None:
        trail_list = list(trails)
        for lead in leads:
            for trail in trail_list:
                with contextlib.suppress(UnicodeDecodeError):
                    chars.add(bytes((lead, trail)).decode(codec))

    rows("gb18030", range(0xA1, 0xA4), range(0xA1, 0xFF))
    rows("gb18030", range(0xB0, 0xD8), range(0xA1, 0xFF))
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    rows("big5", range(0xA1, 0xA4), big5_trails)
    rows("big5", range(0xA4, 0xC7), big5_trails)
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
    chars.update(chr(c) for c in range(0x2010, 0x2070))
    chars.discard("\ufffd")
    return frozenset(chars)


def _plausible_share(text: str) -> float:
    """Share of the non-ASCII characters that are everyday Chinese characters or punctuation."""
    others = _ASCII.sub("", text)
    if not others:
        return 1.0
    common = _everyday_chars()
    return sum(map(common.__contains__, others)) / len(others)


# Finishing ------------------------------------------------------------------------------------

_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff\ufffe]")


def _finish(text: str, name: str) -> str:
    text = _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))
    if not _has_visible(text):
        _fail(name, "文件为空（只有空白或不可见字符）" if text.strip() else "文件为空")
    if len(text) > MAX_TEXT_CHARS:
        _fail(name, f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）")
    paragraphs = count_paragraphs(text)
    if paragraphs > MAX_PARAGRAPHS:
        _fail(name, f"段落过多（{paragraphs:,} 段，上限 {MAX_PARAGRAPHS:,} 段）")
    return text


# Characters that show nothing: spaces of every width (U+3000 included), line and paragraph
# separators, zero-width and other format characters, controls, the braille blank.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc", "Cs"})
_INVISIBLE_EXTRA = frozenset("\u2800\u3164\uffa0\u115f\u1160")


def _has_visible(text: str) -> bool:
    """Whether ``text`` holds at least one character that shows on the page."""
    return any(
        not ch.isspace() and ch not in _INVISIBLE_EXTRA and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
        for ch in text
    )


def count_paragraphs(text: str) -> int:
    """Non-blank lines of ``text``: the paragraphs (and headings) the outline will see."""
    return sum(1 for line in text.split("\n") if line.strip())


# Word and PDF -----------------------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    from core.load_docx import DocxError, docx_text

    try:
        return docx_text(data, MAX_TEXT_CHARS, MAX_PARAGRAPHS)
    except DocxError as exc:
        _fail(name, str(exc))


# pdfium's FPDF_ERR_PASSWORD
_PDF_ERR_PASSWORD = 4

# What the extraction reports besides the pages' text, and what the user is told.
_PDF_MESSAGES = {
    "password": "PDF 设有打开密码，请先去掉密码再试",
    "corrupt": "PDF 文件已损坏或无法打开",
    "damaged": "PDF 文件已损坏，无法读出文字",
    "pages": f"PDF 页数过多（超过 {MAX_PDF_PAGES:,} 页）",
    "long": f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）",
    "memory": "PDF 内容过于庞大（解压后超出内存上限），可能已损坏或是恶意构造的文件",
    "time": f"PDF 文字提取超过 {PDF_SECONDS:.0f} 秒仍未完成，文件可能已损坏或是恶意构造的文件",
}


def _pdf_text(data: bytes, name: str) -> str:
    """Text of every page in order, pages joined by a line break.

    pdfium inflates a page's content streams in memory, so a small file can ask for
    gigabytes; the extraction therefore runs in a child process with a memory limit and a
    time limit, and only the text comes back.
    """
    status, pages = _extract_pdf(data)
    if status != "ok":
        _fail(name, _PDF_MESSAGES[status])
    if not any(p.strip() for p in pages):
        _fail(name, "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）")
    return "\n".join(pages)


def _extract_pdf(data: bytes) -> tuple[str, list[str]]:
    """``(status, pages)`` from a child process; in-process where no child may be started
    (inside a daemonic worker process)."""
    import multiprocessing  # here, not at the top: only a PDF needs it (about 10 ms to import)

    if multiprocessing.current_process().daemon:
        return pdf_pages(data, MAX_TEXT_CHARS, MAX_PDF_PAGES)
    # "spawn" everywhere: forking a process that runs Qt or other threads can deadlock.
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_pdf_child, args=(data, sender), name="duizhao-pdf", daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(PDF_SECONDS):
            return "time", []
        try:
            status, pages = receiver.recv()
        except (EOFError, OSError):  # the child died: pdfium aborts when an allocation fails
            return "memory", []
        return str(status), list(pages)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()


def _pdf_child(data: bytes, sender: Connection) -> None:
    """The child process's work: limit its memory, extract, send ``(status, pages)``."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (PDF_MEMORY_BYTES, PDF_MEMORY_BYTES))
    try:
        result = pdf_pages(data, MAX_TEXT_CHARS, MAX_PDF_PAGES)
    except MemoryError:
        result = ("memory", [])
    sender.send(result)
    sender.close()


def pdf_pages(data: bytes, max_chars: int, max_pages: int) -> tuple[str, list[str]]:
    """``("ok", text of each page)``, or a status naming why not (see ``_PDF_MESSAGES``).

    Stops at the first page past ``max_chars`` characters in total.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return ("password" if getattr(exc, "err_code", None) == _PDF_ERR_PASSWORD else "corrupt"), []
    pages: list[str] = []
    total = 0
    try:
        if len(pdf) > max_pages:
            return "pages", []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(text)
            total += len(text)
            if total > max_chars:
                return "long", []
    except pdfium.PdfiumError:
        return "damaged", []
    finally:
        pdf.close()
    return "ok", pages
