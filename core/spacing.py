"""Whitespace repair: the spacing a PDF extractor inserts goes, a drafter's spacing stays.

Blank lines and trailing spaces go; everything a drafter writes stays: a line's indent
(``　　``), the space between a heading number and its title (``第一条　为了``,
``第一章 总则``), spaces between Chinese words (a title's two clauses, a signature's
columns, ``序　言``), spaces in Latin text and tabs (the cell boundaries of a table row,
see ``core.lines``). What goes is the spacing a PDF extractor inserts, recognised by
where it sits: at a change of glyph source between Chinese text and digits, Latin,
quotes, brackets or marks (``“ 十四五 ”``, ``2021 年 3 月``), after an opening or before a
closing mark, between every character of a letter-spaced line (``加 强 生 态``) and, in
a text whose spacing shows it was extracted throughout, between two Chinese characters
(kerning gaps such as ``品 牌``). The comparison form (``core.normalize``) drops every
space, so none of this ever shows up as a change.
"""

from __future__ import annotations

import re
from functools import cache

from core import patterns
from core.lines import match_heading
from core.text_checks import shows
from core.tuning import TUNING

# Characters of Chinese (and Japanese) running text: ideographs, CJK punctuation and
# symbols, kana, full-width forms, curly quotes, dashes and the number forms and
# enclosed numerals used in headings. No whitespace may be in this class: whitespace
# runs are only handled as whole runs.
CJK = (
    "\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uffef"
    "\U00020000-\U0003ffff\u2018-\u201f\u2014\u2015\u2022\u2026\u00b7"
    "\u2160-\u218f\u2460-\u24ff\u25a0-\u25ff"
)
# Ideographs: between two of them a space is a word space a drafter may type.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"


def _is_han(char: str) -> bool:
    """Whether ``char`` is one of the ideographs of ``_HAN``. Compared rather than matched: a
    character class this big costs a millisecond or two to compile, on every start."""
    return ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
            or "\U00020000" <= char <= "\U0003ffff")  # fmt: skip

# The ideographic space is typed (indents, 第一条　为了, 序　言); extractors emit ASCII spaces.
_IDEOGRAPHIC_SPACE = "\u3000"
_SPACE_RUN = patterns.compiled(r"[^\S\n]+")
_OPENING = frozenset("([{")
_CLOSING = frozenset(",;:!?)]}")
WIDE = patterns.compiled(rf"[{CJK}]")


# The patterns below only some texts need are compiled on first use, not at import: each
# big character class costs a millisecond or two to compile, on every start.
@cache
def _bracketed_cjk() -> re.Pattern[str]:
    """A bracketed Chinese phrase after a space: "G546 (江阳段)" -> "G546(江阳段)"."""
    return patterns.compiled(rf"[(\[][^\S\n]*[{CJK}]")


# A run after a half-width mark, which ``_typed_or_nothing`` removes where the mark closes
# Chinese text ("胜利, 2016年"). This needs the gaps before the mark already gone, hence a
# second pass. The Chinese character before the mark is checked there, with ``WIDE``: one
# more class this big in a pattern costs a millisecond or two to compile, on every start.
_PUNCT_GAP = patterns.compiled(r"(?<=[,;:!?])[^\S\n]+")
# Where the glyph source changes between Chinese text and digits, Latin letters, curly
# quotes or 〇 (set from another font), a PDF extractor inserts a space; a drafter of a
# Chinese document does not. Counted to tell an extracted text from a typed one: a run of
# ``_SWITCH_GAP`` between an ideograph and one of ``_SWITCH_CHARS`` (``_spaced_switch``).
_SWITCH = "0-9A-Za-z\u2018\u2019\u201c\u201d\u3007"
_SWITCH_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                          "\u2018\u2019\u201c\u201d\u3007")
_SWITCH_GAP = patterns.compiled(r"[^\S\n\u3000\t]+")


@cache
def tight_switches(line: str) -> int:
    """How many changes between Chinese text and a digit, letter or quote ``line`` makes
    without a space: where an extractor had put one, the space its repair took out."""
    return len(_tight_switch().findall(line))


def _tight_switch() -> re.Pattern[str]:
    """A change between Chinese text and a digit, letter or quote without a space."""
    return patterns.compiled(rf"[{_HAN}](?=[{_SWITCH}])|[{_SWITCH}](?=[{_HAN}])")


# A run of spaces within a line, tabs excepted (cheap to compile, unlike ``_HAN`` twice).
_GAP = patterns.compiled(r"[^\S\n\t]+")
# A tab between two words is typed: it separates the cells of a table row (a Word or web
# table copied as text) or aligned columns. No extractor emits one, so it always stays.
_TAB = "\t"


@cache
def _han_pair() -> re.Pattern[str]:
    """Two ideographs side by side (matches the first)."""
    return patterns.compiled(rf"[{_HAN}](?=[{_HAN}])")


def repair_whitespace(raw: str, extracted: bool) -> tuple[list[str], list[str]]:
    """Non-blank lines as they were (stripped) and repaired, pairwise."""
    originals: list[str] = []
    lines: list[str] = []
    for original in raw.split("\n"):
        line = repair_line(original, extracted)
        if line:
            originals.append(original.strip())
            lines.append(line)
    return originals, lines


def extraction_spaced(text: str) -> bool:
    """Whether the spacing of ``text`` is a PDF extractor's rather than its drafter's.

    Extraction leaves a space at most changes between Chinese text and digits, Latin
    letters or quotes (``2021 年``, ``“ 十四五 ”``); a typed Chinese text has almost none.
    The space after a heading number is left out of the count: it is the drafter's, and
    cleaning keeps it, so cleaned text never looks extracted and cleaning stays idempotent.
    """
    spaced = sum(1 for gap in _SWITCH_GAP.finditer(text) if _spaced_switch(text, gap))
    if spaced < TUNING.clean.min_repeats:
        return False  # the usual case, decided in one pass
    # Whitespace never joins two switches, so the counts split exactly at the separators.
    for line in text.split("\n"):
        body = line.strip()
        cut = _title_separator(body) if has_space(body) else None
        gap = _SWITCH_GAP.match(body, cut[0]) if cut else None
        if gap is not None and _spaced_switch(body, gap):
            spaced -= 1
    return spaced >= TUNING.clean.min_repeats and 2 * spaced >= tight_switches(text)


def _spaced_switch(text: str, gap: re.Match[str]) -> bool:
    """Whether ``gap``, a whole run of ``_SWITCH_GAP`` in ``text``, lies between an ideograph
    and a digit, letter, quote or 〇, in either order."""
    start, end = gap.span()
    if start == 0 or end == len(text):
        return False
    before, after = text[start - 1], text[end]
    return (_is_han(before) and after in _SWITCH_CHARS) or (before in _SWITCH_CHARS and _is_han(after))


def has_space(body: str) -> bool:
    """Whether ``body`` holds whitespace (``str.split`` and ``\\s`` agree on what that is)."""
    return len(body.split(maxsplit=1)) > 1


# Web pages space with &nbsp; and typographic spaces where a drafter typed a space; a text
# view shows them as spaces and copies them as such, so the display text says so too.
# The ideographic space (　) is what drafters type and stays.
_WEB_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                          "\u202f\u205f", " "))


def repair_line(line: str, extracted: bool = False) -> str:
    """One line with its extraction spacing removed and its written spacing kept.

    The indent stays as written; trailing whitespace goes (it is invisible and
    nothing a drafter meant); a blank line becomes "".
    """
    line = line.translate(_WEB_SPACES)
    body = line.strip()
    # A web page's empty paragraph holds only a zero-width space (U+200B), which str.strip
    # keeps: shown nothing, it is no paragraph, as a blank line is none.
    if not body or not any(map(shows, body)):
        return ""
    indent = line[: len(line) - len(line.lstrip())]
    if not has_space(body):
        return indent + body  # most lines of Chinese text: nothing to judge
    letter_spaced = _letter_spaced(body)
    cut = None if letter_spaced else _title_separator(body)
    if cut is None:
        return indent + _repair_gaps(body, extracted, letter_spaced)
    start, end = cut
    return (indent + _repair_gaps(body[:start], extracted, letter_spaced) + body[start:end]
            + _repair_gaps(body[end:], extracted, letter_spaced))


def _letter_spaced(body: str) -> bool:
    """Whether a line is spaced out character by character, as extraction of justified
    or spaced print leaves it ("加 强 生 态"); a drafter spaces out only a short heading."""
    gaps = _han_gaps(body)
    # Counting the unspaced pairs is the costly part, and only needed past the minimum.
    return gaps >= TUNING.clean.min_letter_gaps and gaps >= len(_han_pair().findall(body))


def _han_gaps(body: str) -> int:
    """How many runs of spaces (tabs excepted) lie between two ideographs: "加 强 生 态" has 3."""
    end = len(body)
    return sum(1 for gap in _GAP.finditer(body)
               if gap.start() > 0 and gap.end() < end and _is_han(body[gap.start() - 1]) and _is_han(body[gap.end()]))


def _title_separator(body: str) -> tuple[int, int] | None:
    """Span of the whitespace between a heading number and its title, when a drafter put it there.

    That is a run before a Chinese title (第一条 为了, 1. 充分发挥, 一、 总体要求) or any run
    holding an ideographic space. A space before a quote or a digit (第一节 “十四五”)
    is where extraction inserts one, and is judged like any other.
    """
    found = match_heading(body)
    if found is None:
        return None
    start = len(found[1])  # the number opens the (stripped) line
    rest = body[start:]
    end = start + len(rest) - len(rest.lstrip())
    if end == start or end >= len(body):
        return None
    if _IDEOGRAPHIC_SPACE in body[start:end] or _is_han(body[end]):
        return start, end
    return None


def _repair_gaps(text: str, extracted: bool, letter_spaced: bool) -> str:
    """``text`` (no leading or trailing space) with its extraction gaps removed."""

    def gap(match: re.Match[str]) -> str:
        run, after = match.group(), match.end()
        if match.start() == 0 or after == len(text):
            return run  # not a gap: callers pass stripped text
        before, next_char = text[match.start() - 1], text[after]
        if _TAB in run:
            return run
        if _is_han(before) and _is_han(next_char):
            # A word space between two Chinese characters, unless the whole line or the
            # whole text shows the extractor's spacing.
            if letter_spaced or (extracted and _IDEOGRAPHIC_SPACE not in run):
                return ""
            return run
        if _IDEOGRAPHIC_SPACE in run:
            return run
        if WIDE.match(before) or before in _OPENING or WIDE.match(next_char) or next_char in _CLOSING:
            return ""
        if _bracketed_cjk().match(text, after):
            return ""
        return run

    if not text:
        return text
    once = _SPACE_RUN.sub(gap, text)
    if not has_space(once):
        return once
    return _PUNCT_GAP.sub(_typed_or_nothing, once)


def _typed_or_nothing(gap: re.Match[str]) -> str:
    """A gap after a half-width mark: removed where the mark closes Chinese text, unless a
    drafter typed it (an ideographic space, a tab)."""
    run = gap.group()
    closes_chinese = gap.start() >= 2 and WIDE.match(gap.string, gap.start() - 2) is not None
    return "" if closes_chinese and _IDEOGRAPHIC_SPACE not in run and _TAB not in run else run
