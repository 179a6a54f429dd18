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

from core import patterns
from core.segmenter import Cutter, cut_all, cutter, engine
from core.word_index import HAN_WORD

# Only ideographs that both engines treat as Chinese reach the segmenter, in the runs of
# HAN_WORD (jieba's own class, U+4E00..U+9FD5); anything else is cut here, by _OTHER, so
# both engines cut alike. ASCII runs keep decimals and a trailing percent sign: "8.5%",
# "5g", "2025"; every other character is a token of its own.
_OTHER = patterns.compiled(r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*%?|.", re.DOTALL)

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
# A value is 百分之 and a number, or a date or quantity with, after a range separator,
# another one (``_value_end``): the pattern of a date or quantity, the costliest to
# compile of the engine's, is compiled once instead of twice.
_PERCENT = patterns.compiled(rf"百分之{_NUMBER}")
_VALUE_PART = patterns.compiled(rf"{_DATE}|{_QUANTITY}")
_VALUE_START = patterns.compiled(f"[0-9第{_CN_DIGITS}]")
_SEPARATORS = frozenset("-~至到")
# A digit after a digit or a decimal point continues a number. After a comma it starts one
# (the comparison form writes ， as ","): a thousands separator lies inside the figure
# before it, whose span ``figure_spans`` skips.
_FIGURE_START = patterns.compiled(r"(?<![0-9])(?<![0-9]\.)[0-9]")
# A value in Chinese numerals found by pattern alone: 百分之 and a number, or a number with
# its unit (三日, 五万元, 二十个); a bare numeral is left to the segmenter (统一, 一体化).
_CHINESE_FIGURE = patterns.compiled(
    rf"(?<![0-9.{_CN_DIGITS}])(?:百分之[{_CN_DIGITS}]+|[{_CN_DIGITS}]+(?:余|多)?(?:{_UNITS}))")


def _spans(text: str, cut: Cutter) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    append = spans.append
    runs = list(HAN_WORD.finditer(text))
    done = 0
    # The han runs are cut all at once, ahead of the scan that places their words.
    for run, words in zip(runs, cut_all(cut, [run.group() for run in runs]), strict=True):
        start = run.start()
        spans += [other.span() for other in _OTHER.finditer(text, done, start)]
        for word in words:
            end = start + len(word)
            append((start, end))
            start = end
        done = run.end()
    spans += [other.span() for other in _OTHER.finditer(text, done)]
    return tuple(spans)


def _value_end(text: str, pos: int) -> int | None:
    """End of the value starting at ``pos``, None when none does: what the pattern
    ``百分之N|PART(?:[-~至到]PART)?`` would match, PART being ``_VALUE_PART``. The
    optional range never makes the first part match otherwise, so it is tried after it."""
    found = _PERCENT.match(text, pos)
    if found is not None:
        return found.end()
    found = _VALUE_PART.match(text, pos)
    if found is None:
        return None
    end = found.end()
    if text[end : end + 1] in _SEPARATORS:
        second = _VALUE_PART.match(text, end + 1)
        if second is not None:
            return second.end()
    return end


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
        end = _value_end(text, pos)
        if end is None or end <= spans[first][1]:
            continue
        last = bisect_right(spans, end, key=_end_of) - 1
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
    """Spans of the values (2025年底, 16.5%, 5-8个, 三日, 五万元), found by pattern alone, in order.

    Cheaper than ``tokenize`` on a whole document (no segmenter), for code that only
    needs to keep a figure whole; without the word boundaries a unit may reach into the
    next word (3个 of 3个人才), which only makes the span a little longer. A Chinese numeral
    counts with its unit only: alone it is as often part of a word (统一).
    """
    spans: list[tuple[int, int]] = []
    for start in _FIGURE_START.finditer(text):
        if spans and start.start() < spans[-1][1]:
            continue  # the second figure of a range
        end = _value_end(text, start.start())
        if end is not None:
            spans.append((start.start(), end))
    chinese = [found.span() for found in _CHINESE_FIGURE.finditer(text)]
    return sorted(spans + chinese) if chinese else spans


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int], ...]:
    """Token spans [start, end) tiling `text` (a comparison-form text: Simplified, folded) in order.

    Chinese is cut into words, runs of ASCII letters and digits stay whole, a value
    (number with unit, percentage, date, range, Chinese numeral) is one token, and
    every other character (punctuation, line breaks) is a token of its own. Results
    are cached: a section is often diffed against several counterparts.
    """
    return _with_values(text, _spans(text, cutter(engine())))
