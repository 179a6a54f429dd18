"""Quantities and dates in comparison-form text.

Finds the targets and deadlines a drafter negotiates over: numbers with their units
and ranges (1000亿元, 30%, 20%以上, 5-10个, 1.5倍, 万人, 一批, 三年, 百强) and dates
or periods (2025年, 2022年底前, 2025年6月, "十四五"期间, 年内). Each mention carries a
comparable key, so that 三年 and 3年, or 1000亿元 and 0.1万亿元, count as the same
value. The text must be in comparison form (``core.normalize``): ASCII digits,
Simplified characters, "%" and "-" folded.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_LARGE)

# Longest first so that 平方公里 wins over 公里 and 个百分点 over 个.
_UNITS = sorted(
    (
        "个百分点", "百分点", "%", "‰", "倍", "元", "美元", "人次", "人", "户", "家", "个月", "个", "批",
        "项", "条", "座", "所", "处", "名", "位", "台", "套", "辆", "艘", "架", "平方公里", "平方米",
        "公里", "米", "亩", "公顷", "吨", "千瓦时", "瓦", "兆瓦", "立方米", "标箱", "年", "天", "小时",
        "分钟", "强", "级", "张", "床", "栋", "场", "件", "种", "类",
    ),
    key=len,
    reverse=True,
)
_UNIT = "|".join(re.escape(u) for u in _UNITS)
_ARABIC = r"\d+(?:\.\d+)?[万亿千]*"
_CHINESE = rf"[{_CN_CHARS}]+"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_QUANTITY = re.compile(
    rf"(?<![第0-9a-z.{_CN_CHARS}])(?P<low>{_NUMBER})(?:[-~至到](?P<high>{_NUMBER}))?"
    rf"(?P<unit>{_UNIT})(?P<qualifier>以上|以下|以内|之内|左右|余|多)?"
)

_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    "|".join((
        # 2025年, 2021-2025年, 2022年底前, 2025年6月, 2020年7月31日, 2025年前
        rf"(?<!\d){_YEAR}(?:[-~至到]{_YEAR})?年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?"
        r"(?:底|末|初|上半年|下半年)?(?:前|以前|之前)?",
        # 6月底前, 7月31日 without a year
        r"(?<![\d年])\d{1,2}月(?:\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前)?",
        # plan periods: "十四五"期间, 十四五末
        r'"?十[一二三四五六七八九]五"?(?:期间|时期|前期|中期|后期|末|初)?',
        # relative deadlines; 三年内 is a duration (a quantity), not 年内
        rf"(?<![\d{_CN_CHARS}])年(?:内|底前|底|末)|今年|明年",
    ))
)


@dataclass(frozen=True)
class Mention:
    """One expression found in comparison-form text: ``[start, end)`` and a comparable key."""

    start: int
    end: int
    key: Hashable


def chinese_number(text: str) -> float | None:
    """The value of a Chinese numeral (三, 十四, 一百二十, 两万, 百); None when malformed."""
    total = 0.0  # completed groups of 万/亿
    section = 0.0  # the group being read, below 万
    digit: float | None = None
    for ch in text:
        if ch in _CN_DIGIT:
            if digit is not None:
                return None  # two digits in a row (一二) is a list, not a number
            digit = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_LARGE:
            group = section + (digit or 0)
            total = (total + (group or 1)) * _CN_LARGE[ch]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


def _arabic_number(text: str) -> float:
    digits = text.rstrip("万亿千")
    value = float(digits)
    for ch in text[len(digits):]:
        value *= {"万": 10_000, "亿": 100_000_000, "千": 1000}[ch]
    return value


def number_value(text: str) -> float | None:
    """The value of an Arabic (1.5, 1000亿) or Chinese (三, 百亿) number; None when malformed."""
    if text[0].isdigit():
        return _arabic_number(text)
    return chinese_number(text)


def quantity_unit(key: Hashable) -> Hashable:
    """The unit of a quantity key: two quantities with the same unit measure the same thing."""
    return key[1] if isinstance(key, tuple) else key


def dates(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Dates and deadlines in ``text[lo:hi]``; keys ignore quotation marks."""
    return [
        Mention(m.start(), m.end(), ("date", m.group(0).replace('"', "")))
        for m in _DATE.finditer(text, lo, len(text) if hi is None else hi)
    ]


def quantities(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Numbers with units in ``text[lo:hi]``; the key is (kind, unit, values, qualifier)."""
    out = []
    for m in _QUANTITY.finditer(text, lo, len(text) if hi is None else hi):
        low = number_value(m.group("low"))
        high = number_value(m.group("high")) if m.group("high") else None
        if low is None or (m.group("high") and high is None):
            continue
        values = (low,) if high is None else (low, high)
        out.append(Mention(m.start(), m.end(), ("quantity", m.group("unit"), values, m.group("qualifier") or "")))
    return out
