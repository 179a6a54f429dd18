"""What counts as text: the checks a decoded reading must pass before it is believed.

A file that starts like a known binary format, or is dense with control characters, is not
text; a reading of a legacy encoding that is not believable Chinese (too few everyday
characters, block by block) was decoded with the wrong codec.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from core import patterns
from core.load_limits import fail

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

# Characters that show nothing: spaces of every width (U+3000 included), line and paragraph
# separators, zero-width and other format characters, controls, the braille blank.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc", "Cs"})
_INVISIBLE_EXTRA = frozenset("\u2800\u3164\uffa0\u115f\u1160")


def shows(ch: str) -> bool:
    """Whether a character shows on the page: no space, separator, format or control character."""
    return not ch.isspace() and ch not in _INVISIBLE_EXTRA and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES


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
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
CONTROL_CHARS = patterns.compiled("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ASCII = patterns.compiled(r"[\x00-\x7f]+")


def reject_binary(data: bytes, name: str) -> None:
    """Refuse bytes that open like a known non-text file, or whose first block is dense with
    control bytes."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic) and (len(magic) > 2 or _CONTROL.search(head)):
            fail(name, f"不是文本文件（内容是{what}）")
    if len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head):
        fail(name, "不是文本文件")


def check_controls(text: str, name: str) -> None:
    """Refuse decoded text holding a NUL anywhere, or a block dense with control characters.

    A NUL never occurs in a text document: it is the mark of a binary file or of a file
    damaged on disk, wherever in the file it is. A few other control characters (pasted
    from old systems) are dropped later; many in one block mean binary content.
    """
    nul = text.find("\x00")
    if nul >= 0:
        fail(name, f"不是文本文件（第 {text.count(chr(10), 0, nul) + 1} 行含有空字符 NUL）")
    counts: dict[int, int] = {}
    for m in CONTROL_CHARS.finditer(text):
        block = m.start() // TEXT_BLOCK
        counts[block] = counts.get(block, 0) + 1
    for block, count in sorted(counts.items()):
        size = min(TEXT_BLOCK, len(text) - block * TEXT_BLOCK)
        if count > max(1, MAX_CONTROL_SHARE * size):
            line = text.count("\n", 0, block * TEXT_BLOCK) + 1
            fail(name, f"不是文本文件（第 {line} 行起含有大量控制字符）")


def check_plausible_blocks(text: str, name: str) -> None:
    """Refuse a legacy reading in which some block is not believable Chinese text: part of
    the file is in another encoding, and showing it would be silent mojibake."""
    line = _implausible_line(text)
    if line is not None:
        fail(name, f"文件编码无法识别（第 {line} 行附近混用了另一种编码），请另存为 UTF-8 编码的文本文件后再试")


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


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def bad_share(text: str, genuine_replacements: int) -> float:
    """Share of U+FFFD produced by decoding among the non-ASCII characters of ``text``."""
    bad = text.count("\ufffd") - genuine_replacements
    if bad <= 0:
        return 0.0
    return bad / max(1, _non_ascii(text))


def plausible_share(text: str) -> float:
    """Share of the non-ASCII characters that are everyday Chinese characters or punctuation."""
    others = _ASCII.sub("", text)
    if not others:
        return 1.0
    common = _everyday_chars()
    return sum(map(common.__contains__, others)) / len(others)


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
