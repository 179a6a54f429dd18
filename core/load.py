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
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import NoReturn

from core.errors import InputError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 3_000_000

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
    name = p.name or str(path)
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
    """The whole file, after checking that it is a readable regular file of sane size."""
    try:
        st = p.stat()
    except FileNotFoundError:
        _fail(name, "文件不存在")
    except PermissionError:
        _fail(name, "没有读取权限")
    except (OSError, ValueError) as exc:
        _fail(name, f"无法访问（{_os_reason(exc)}）")
    if stat.S_ISDIR(st.st_mode):
        _fail(name, "是文件夹，请选择其中的文件")
    if not stat.S_ISREG(st.st_mode):
        _fail(name, "不是普通文件")
    if st.st_size > MAX_FILE_BYTES:
        _fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    try:
        with open(p, "rb") as fh:
            # Bounded read: the file may have grown since stat().
            data = fh.read(min(st.st_size, MAX_FILE_BYTES) + 1)
    except PermissionError:
        _fail(name, "没有读取权限")
    except IsADirectoryError:
        _fail(name, "是文件夹，请选择其中的文件")
    except OSError as exc:
        _fail(name, f"读取失败（{_os_reason(exc)}）")
    if len(data) > MAX_FILE_BYTES:
        _fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    if not data.strip():
        _fail(name, "文件为空")
    return data


def _os_reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or exc.__class__.__name__
    return str(reason).replace("\n", " ")


def _sniff(data: bytes) -> str:
    """``"pdf"``, ``"docx"`` (a zip holding word/document.xml), ``"zip"``, ``"ole"`` or ``""``."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
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
    """Decode a text file without asking: BOMs, UTF-16 without BOM, UTF-8, then GB18030/Big5."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], codec, label, name), label
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_unicode(data, utf16, utf16, name), utf16
    _reject_binary(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if _bad_share(text, data.count(b"\xef\xbf\xbd")) <= MAX_BAD_SHARE:
        return text, "utf-8"
    return _decode_legacy(data, name)


def _decode_unicode(body: bytes, codec: str, label: str, name: str) -> str:
    """UTF-8/16/32 with a known codec, tolerating a few broken units."""
    text = body.decode(codec, errors="replace")
    controls = len(_CONTROL_CHARS.findall(text))
    # Any byte pair is some UTF-16 character, so a binary file behind a UTF-16 BOM only shows
    # itself by reading as noise (random pairs are about 10 % everyday characters).
    noise = not codec.startswith("utf-8") and _plausible_share(text[:PLAUSIBILITY_SAMPLE]) < MIN_BOM_SHARE
    if controls > MAX_CONTROL_SHARE * len(text) or noise:
        _fail(name, "不是文本文件")
    if _bad_share(text, 0) > MAX_BAD_SHARE:
        _fail(name, f"文件编码无法识别（按 {label} 解码时有大量错误）")
    return text


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
    if b"\x00" in head or len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
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
    if not text.strip():
        _fail(name, "文件为空")
    if len(text) > MAX_TEXT_CHARS:
        _fail(name, f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）")
    return text


# Word and PDF -----------------------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    from core.load_docx import DocxError, docx_text

    try:
        return docx_text(data, MAX_TEXT_CHARS)
    except DocxError as exc:
        _fail(name, str(exc))


# pdfium's FPDF_ERR_PASSWORD
_PDF_ERR_PASSWORD = 4


def _pdf_text(data: bytes, name: str) -> str:
    """Text of every page in order, pages joined by a line break."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PDF_ERR_PASSWORD:
            _fail(name, "PDF 设有打开密码，请先去掉密码再试")
        _fail(name, "PDF 文件已损坏或无法打开")
    pages: list[str] = []
    total = 0
    try:
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
            if total > MAX_TEXT_CHARS:
                _fail(name, f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）")
    except pdfium.PdfiumError:
        _fail(name, "PDF 文件已损坏，无法读出文字")
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        _fail(name, "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）")
    return "\n".join(pages)
