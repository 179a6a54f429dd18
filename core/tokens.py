"""Word segmentation of comparison-form text.

Chinese runs are cut by jieba's algorithm (dictionary DAG, no HMM) with the policy
user dictionary ``resources/dict/policy_dict.txt``, so that terms such as
成渝地区双城经济圈 or 放管服 stay whole. rjieba (jieba-rs) is the fast path; the
pure-Python jieba is the reference and the fallback when rjieba is missing. Both
see exactly the same input, pure runs of CJK ideographs, and the same dictionary,
so they cut the same way (a test checks this on the sample documents).

Quantities are atoms: a number with its unit (1200亿元, 500个, 16.5%), a date (2025年底,
2020年7月), a range (5-8个, 10%-15%) and a Chinese numeral (三年, 一百二十, 第十二条) are one
token each, so a changed figure is replaced whole in every diff, never digit by digit.
A value is recognised only where it starts and ends on a word boundary of the
segmenter: 统一 or 一体化 keep their 一, and a policy term that holds a numeral
(三年行动计划, 十四五) stays the one word it is.

The words come from ``core.segmenter`` (rjieba, or jieba where rjieba is missing), which
loads on first use: importing this module is cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from core.segmenter import Cutter, cutter, engine

# Only ideographs that both engines treat as Chinese reach the segmenter (jieba's own
# class is U+4E00..U+9FD5); anything else is cut here, so both engines cut alike.
# ASCII runs keep decimals and a trailing percent sign: "8.5%", "5g", "2025".
_RUNS = re.compile(
    r"(?P<han>[\u4e00-\u9fd5]+)|(?P<ascii>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*%?)|.",
    re.DOTALL,
)

# Numerals: Arabic (with thousands separators and decimals) or Chinese (〇 lies outside
# the ideograph block the segmenter sees, so it arrives as a token of its own).
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = rf"(?:[0-9]+(?:,[0-9]{{3}}(?![0-9]))*(?:\.[0-9]+)?|[{_CN_DIGITS}]+)"
# Units and measure words that follow a number in policy texts, longest first where
# one is a prefix of another; a magnitude (万, 亿) may precede any of them.
_UNITS = (
    "年底|年末|年初|年前|年内|年中|年后|年度|年|个月|月底|月末|月初|月份|月|日|号|季度|周年|周|天|小时|分钟|秒|"
    "个百分点|百分点|个|项|条|款|章|节|家|所|座|名|位|人次|人|户|次|倍|岁|届|批|类|种|件|台|辆|套|张|份|"
    "期|轮|级|处|间|栋|层|床|艘|架|列|趟|场|篇|部|册|宗|笔|元|美元|吨|千克|公斤|克|公里|千米|米|"
    "平方公里|平方米|立方米|亩|公顷|千瓦时|千瓦|兆瓦|瓦|度|升|标箱|%|‰"
)
_QUANTITY = rf"(?:第)?{_NUMBER}(?:余|多)?(?:[十百千万亿]*(?:{_UNITS})|[十百千万亿]+)?"
_DATE = rf"{_NUMBER}年{_NUMBER}月(?:{_NUMBER}[日号])?|{_NUMBER}月{_NUMBER}[日号]"
_VALUE_PART = rf"(?:{_DATE}|{_QUANTITY})"
_VALUE = re.compile(rf"百分之{_NUMBER}|{_VALUE_PART}(?:[-~至到]{_VALUE_PART})?")
_VALUE_START = re.compile(f"[0-9第{_CN_DIGITS}]")
_SEPARATORS = frozenset("-~至到")
# A digit after a digit or a decimal point continues a number. After a comma it starts one
# (the comparison form writes ， as ","): a thousands separator lies inside the figure
# before it, whose span ``figure_spans`` skips.
_FIGURE_START = re.compile(r"(?<![0-9])(?<![0-9]\.)[0-9]")


def _spans(text: str, cut: Cutter) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    append = spans.append
    for match in _RUNS.finditer(text):
        start = match.start()
        if match.lastgroup == "han":
            for word in cut(match.group()):
                end = start + len(word)
                append((start, end))
                start = end
        else:
            append((start, match.end()))
    return tuple(spans)


def _with_values(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` with the tokens of each value (a number with its unit, a date, a range) joined.

    A value is tried at each token start that can begin one and kept up to the last
    token boundary it reaches, so a value never splits a word; a trailing range
    separator is left out. Candidates are found by one regex scan: most tokens cannot
    start a value, and a Python loop over every token would cost more than the cut.
    """
    joins: list[tuple[int, int]] = []  # (first, last) token indices of each value
    resume = 0
    for candidate in _VALUE_START.finditer(text):
        pos = candidate.start()
        if pos < resume:
            continue
        first = bisect_left(spans, pos, key=_start_of)
        if first == len(spans) or spans[first][0] != pos:
            continue
        match = _VALUE.match(text, pos)
        if match is None or match.end() <= spans[first][1]:
            continue
        last = bisect_right(spans, match.end(), key=_end_of) - 1
        while last > first and text[spans[last][0] : spans[last][1]] in _SEPARATORS:
            last -= 1
        if last > first:
            joins.append((first, last))
            resume = spans[last][1]
    if not joins:
        return spans
    out: list[tuple[int, int]] = []
    done = 0
    for first, last in joins:
        out += spans[done:first]
        out.append((spans[first][0], spans[last][1]))
        done = last + 1
    out += spans[done:]
    return tuple(out)


def _start_of(span: tuple[int, int]) -> int:
    return span[0]


def _end_of(span: tuple[int, int]) -> int:
    return span[1]


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the values that start with a digit (2025年底, 16.5%, 5-8个), found by pattern alone.

    Cheaper than ``tokenize`` on a whole document (no segmenter), for code that only
    needs to keep a figure whole; without the word boundaries a unit may reach into the
    next word (3个 of 3个人才), which only makes the span a little longer.
    """
    spans: list[tuple[int, int]] = []
    for start in _FIGURE_START.finditer(text):
        if spans and start.start() < spans[-1][1]:
            continue  # the second figure of a range
        match = _VALUE.match(text, start.start())
        if match is not None:
            spans.append((match.start(), match.end()))
    return spans


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int], ...]:
    """Token spans [start, end) tiling `text` (a comparison-form text: Simplified, folded) in order.

    Chinese is cut into words, runs of ASCII letters and digits stay whole, a value
    (number with unit, percentage, date, range, Chinese numeral) is one token, and
    every other character (punctuation, line breaks) is a token of its own. Results
    are cached: a section is often diffed against several counterparts.
    """
    return _with_values(text, _spans(text, cutter(engine())))
