"""Text files' bytes to text, in whichever common Chinese encoding they were saved.

charset-normalizer's guess is constrained to the Chinese legacy codecs and checked against
how believable each reading is (``core.text_checks``), not trusted.
"""

from __future__ import annotations

import codecs
import re

from core.load_limits import fail
from core.text_checks import (
    CONTROL_CHARS,
    SNIFF_BYTES,
    bad_share,
    check_controls,
    check_plausible_blocks,
    plausible_share,
    reject_binary,
)

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

_LEGACY_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file without asking: BOMs, UTF-16 without BOM, UTF-8, then GB18030/Big5,
    and a file mixing UTF-8 lines with legacy-encoded ones line by line."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], codec, label, name), label
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_unicode(data, utf16, utf16, name), utf16
    reject_binary(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        check_controls(text, name)
        return text, "utf-8"
    text = data.decode("utf-8", errors="replace")
    if bad_share(text, data.count(b"\xef\xbf\xbd")) <= MAX_BAD_SHARE:
        check_controls(text, name)
        return text, "utf-8"
    mixed = _decode_mixed(data, name)
    if mixed is not None:
        return mixed
    text, codec = _decode_legacy(data, name)
    check_controls(text, name)
    check_plausible_blocks(text, name)
    return text, codec


def _decode_unicode(body: bytes, codec: str, label: str, name: str) -> str:
    """UTF-8/16/32 with a known codec, tolerating a few broken units."""
    text = body.decode(codec, errors="replace")
    # Any byte pair is some UTF-16 character, so a binary file behind a UTF-16 BOM only shows
    # itself by reading as noise (random pairs are about 10 % everyday characters).
    if not codec.startswith("utf-8") and plausible_share(text[:PLAUSIBILITY_SAMPLE]) < MIN_BOM_SHARE:
        fail(name, "不是文本文件")
    check_controls(text, name)
    if bad_share(text, 0) > MAX_BAD_SHARE:
        fail(name, f"文件编码无法识别（按 {label} 解码时有大量错误）")
    return text


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
        if _valid_utf8(raw) and plausible_share(raw.decode("utf-8")) >= plausible_share(legacy):
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
    if bad_share(text, 0) > MAX_BAD_SHARE:
        fail(name, "文件编码无法识别，请另存为 UTF-8 编码的文本文件后再试")
    check_controls(text, name)
    check_plausible_blocks(text, name)
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
            not CONTROL_CHARS.search(text)
            and bad_share(text, 0) <= MAX_BAD_SHARE * 10  # the sample may end mid-character
            and plausible_share(text) >= MIN_PLAUSIBLE_SHARE
        ):
            return codec
    return None


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """GB18030 (covers GBK and GB2312) or Big5: charset-normalizer's guess, restricted to those
    codecs and checked against how many everyday Chinese characters each reading yields."""
    guess = _charset_normalizer_guess(data)
    order = [guess] if guess else []
    order += [c for c in _LEGACY_CANDIDATES if c not in order]
    scored: list[tuple[float, float, str, str]] = []
    for codec in order:
        text = data.decode(codec, errors="replace")
        plausible, bad = plausible_share(text[:PLAUSIBILITY_SAMPLE]), bad_share(text, 0)
        if codec == guess and plausible >= CONFIDENT_SHARE and bad <= MAX_BAD_SHARE:
            return text, codec
        scored.append((plausible, bad, codec, text))
    best = max(s[0] for s in scored)
    # Otherwise keep the first reading (guess, GB18030, Big5, CP950, HKSCS) that is about as
    # plausible as the best one.
    for plausible, bad, codec, text in scored:
        if plausible >= best - 0.02 and plausible >= MIN_PLAUSIBLE_SHARE and bad <= MAX_BAD_SHARE:
            return text, codec
    fail(name, "文件编码无法识别，请另存为 UTF-8 编码的文本文件后再试")


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
