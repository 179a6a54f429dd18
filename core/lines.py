"""One line of display text: the heading number it opens with, whether it is a table row, whether
it is a note of the title block (a date, a law's 题注) rather than the title.

These tests look at a single line and nothing around it, so every stage that reads lines
asks the same question the same way: cleaning (is this a heading to keep apart from the
web page's chrome), normalization (is this tab a cell boundary or spacing) and the
outline (where sections and rows start). They live below all three so that none of them
imports another for a predicate.
"""

from __future__ import annotations

import re

from core import patterns

CN_NUMERALS = "一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾"
DIGITS = "0-9０-９"  # a character-class body: ASCII and full-width digits

# (scheme, pattern of the number at the start of a line). Order matters: more specific first.
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", patterns.compiled(rf"第[{CN_NUMERALS}{DIGITS}]+[编篇編](?![制写辑者号])\s*")),
    ("chapter", patterns.compiled(rf"第[{CN_NUMERALS}{DIGITS}]+章\s*")),
    ("section", patterns.compiled(rf"第[{CN_NUMERALS}{DIGITS}]+[节節](?![日约能])\s*")),
    # Not a reference running on in a sentence broken at the line's start: 第十条的规定, 第十条第二款,
    # 第五条和第六条, 第三条所称 (a PDF line or a copied text may begin with one).
    # An article inserted by an amendment keeps its place and a suffix: 第一百二十条之一.
    ("article", patterns.compiled(
        rf"第[{CN_NUMERALS}{DIGITS}]+[条條](?:之[{CN_NUMERALS}]+)?(?![件款例的第和或及至之、，,所]|规定)\s*")),
    ("box", patterns.compiled(rf"(?:专栏|專欄)\s*[{CN_NUMERALS}{DIGITS}]*[:：、.．]?\s*")),
    # A table's caption (表1 主要指标, 表 2-1：…): its rows follow, as in a 专栏 box.
    ("table", patterns.compiled(rf"表\s*[{DIGITS}]+(?:[-－—.．][{DIGITS}]+)?(?:[:：、]\s*|\s+|$)")),
    ("cn", patterns.compiled(rf"[{CN_NUMERALS}]+\s*[、．.]\s*")),
    ("cn_paren", patterns.compiled(rf"[（(]\s*[{CN_NUMERALS}]+\s*[）)][、.．]?\s*")),
    ("num", patterns.compiled(rf"[{DIGITS}]{{1,3}}\s*[、．.](?![{DIGITS}])\s*")),
    ("num_paren", patterns.compiled(rf"[（(]\s*[{DIGITS}]{{1,3}}\s*[）)][、.．]?\s*")),
    ("circled", patterns.compiled(r"[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]\s*")),
    ("dash", patterns.compiled(r"(?:——|--|—|－－)\s*")),
)
BOX_SCHEMES = frozenset({"box", "table"})  # schemes whose sections hold a table: role "box"

# A cell boundary: a tab, or a vertical bar with text before it on the line (| 指标 | 2020年 |).
_CELL_BOUNDARY = patterns.compiled(r"\t|(?<=\S)[^\S\n]*[|｜]|[|｜](?=[^\S\n]*\S)")
_CELL_SPLIT = patterns.compiled(r"[^\S\n]*(?:\t|[|｜])[^\S\n]*")


def match_heading(line: str) -> tuple[str, str] | None:
    """The numbering scheme and number of a heading line, or None for body text."""
    for scheme, pattern in _SCHEMES:
        m = pattern.match(line)
        if not m:
            continue
        rest = line[m.end():]
        if not rest.strip() and scheme not in BOX_SCHEMES:
            return None  # a bare number on its own line is noise, not a heading
        if scheme == "cn" and "．" not in m.group(0) and "、" not in m.group(0) and len(rest) > 200:
            return None  # "一.5" style decimals written with a Chinese numeral are not headings
        return scheme, m.group(0).strip()
    return None


def number_scheme(number: str) -> str | None:
    """The numbering scheme a heading's number is written in (第一章: chapter, 第五条: article), or None."""
    number = number.strip()
    return next((scheme for scheme, pattern in _SCHEMES if pattern.fullmatch(number)), None)


def cells(line: str) -> list[str]:
    """The non-empty cells of ``line`` split at tabs and vertical bars (the whole line if none)."""
    return [cell for cell in _CELL_SPLIT.split(line.strip()) if cell]


def is_row(line: str) -> bool:
    """Whether ``line`` reads as a table row: text in at least two cells.

    A heading number that opens the line is not a cell of its own: 第一章, a tab, 总则 is a
    heading; 1., a tab, 城镇化率, a tab, 35% is a row (with a serial number).
    """
    if "\t" not in line and "|" not in line and "｜" not in line:
        return False  # almost every line: decided without a regex
    body = line.strip()
    found = match_heading(body)
    if found is not None:
        body = body[len(found[1]):].strip()
    return len(cells(body)) >= 2 and bool(_CELL_BOUNDARY.search(body))


# The title block ------------------------------------------------------------------------------------

# A line that is a date and nothing else (2020年7月10日, （2020年7月10日）).
DATE_LINE = patterns.compiled(rf"^[（(]?[{CN_NUMERALS}{DIGITS}]{{2,4}}\s*年\s*[{CN_NUMERALS}{DIGITS}]{{1,2}}\s*月"
                              rf"\s*[{CN_NUMERALS}{DIGITS}]{{1,3}}\s*日[）)]?$")
# A law's note of its adoption and amendments under its title (题注): "1986年12月2日 第六届全国人民代表
# 大会常务委员会第十八次会议通过", "（2009年4月24日第十一届……修订）". It is no part of the title.
_PROMULGATION = patterns.compiled(rf"^[（(]?[{CN_NUMERALS}{DIGITS}]{{2,4}}\s*年\s*[{CN_NUMERALS}{DIGITS}]{{1,2}}\s*月"
                                  rf"\s*[{CN_NUMERALS}{DIGITS}]{{1,3}}\s*日.*(?:通过|修订|修正|公布|施行|发布|印发)[）)]?$")

# A line in brackets from its first character to its last, none closing before.
_BRACKETED = patterns.compiled(r"[（(][^）)]*[）)]$")


def is_title_note(line: str) -> bool:
    """True for a line of the title block that is no part of the title: a date, a law's note of
    its adoption and amendments (题注: 1986年12月2日 第六届……会议通过), or a bracketed line
    ((2009年4月24日……修订), （征求意见稿）: bracketed whole, unlike (四川省)泸州市……规划)."""
    text = line.strip()
    return bool(DATE_LINE.match(text) or _PROMULGATION.match(text) or _BRACKETED.match(text))
