"""Quantities in comparison-form text.

Finds the targets a drafter negotiates over: numbers with their units and ranges
(1000亿元, 30%, 20%以上, 5-10个, 1.5倍, 万人, 一批, 三年, 百强). Each mention carries a
comparable key, so that 三年 and 3年, or 1000亿元 and 0.1万亿元, count as the same value.
The text must be in comparison form (``core.normalize``): ASCII digits, Simplified
characters, "%" and "-" folded. Dates and deadlines are ``core.dates``, which shares the
``Mention``, the context words and the name rule defined here.

``quantities`` finds every expression; ``is_target`` keeps the commitments among them, from
the words around each one (the contexts are data, ``resources/findings/value_context.txt``):
a number in a slogan or a name is no target: inside a short quoted name ("四个意识",
"全域公园体系+三级绿道+公园社区") or a cited title (《…》), a Chinese-numeral count chained
to another numeral (两个一百年, 五位一体, 六个一体化), and any Chinese-numeral count or
duration without a target context (六个方面, 三级运作机制, 三年行动计划, 未来五年). Arabic
digits and units of measure (1小时, 30%, 一公里) are values.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache

from core import patterns
from core.resources import resource_path

# Chinese numerals; core.dates reads them too (十四五, and no 年内 after a numeral).
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_LARGE)

# Longest first so that 平方公里 wins over 公里 and 个百分点 over 个.
_UNITS = sorted(
    (
        "个百分点", "百分点", "%", "‰", "倍", "元", "美元", "人次", "人", "户", "家", "个月", "个", "批",
        "项", "条", "座", "所", "处", "名", "位", "台", "套", "辆", "艘", "架", "平方公里", "平方米",
        "公里", "米", "亩", "公顷", "吨", "千瓦时", "瓦", "兆瓦", "立方米", "标箱", "年", "天", "日",
        "个工作日", "工作日", "小时", "分钟", "强", "级", "张", "床", "栋", "场", "件", "种", "类",
    ),
    key=len,
    reverse=True,
)
_UNIT = "|".join(re.escape(u) for u in _UNITS)
_ARABIC = r"\d+(?:\.\d+)?[万亿千]*"
_CHINESE = rf"[{CN_CHARS}]+"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_QUANTITY = patterns.compiled(
    rf"(?<![第0-9a-z.{CN_CHARS}])(?P<low>{_NUMBER})(?:[-~至到](?P<high>{_NUMBER}))?"
    rf"(?P<unit>{_UNIT})(?P<qualifier>及以上|及以下|以上|以下|以内|之内|左右|余|多)?"
)
# A rate's base written before its amount (每平方米十元, 每人每月二百元): part of the value.
# Longest first, then by code point: the pattern must be the same string on every start (a
# set's order changes with the hash seed) for ``core.patterns`` to find it compiled.
_PER_UNITS = sorted({*_UNITS, "日", "次", "月", "份", "车", "宗", "株"} - {"%", "‰", "倍", "元", "美元", "强", "级"},
                    key=lambda unit: (-len(unit), unit))
_PER = patterns.compiled("(?:每(?:" + "|".join(re.escape(u) for u in _PER_UNITS) + "))+")
_PER_MAX = 12  # characters of 每… looked for before an amount: 每平方米每月 and more
# Between a floor and the cap closing its range (五千元以上二万元以下, 五千元以上、二万元以下).
_RANGE_GAP = ("", "、", ",")
_CONTEXT_FILE = ("findings", "value_context.txt")
_CLAUSE_END = "，,；;。：:！!？?()\n"  # a target verb governs a number only within its clause
_NAME_MAX = 24  # characters between quotation marks that still make a name, not a quotation
# How far a clause, a sentence or a line is looked for around a value: four times the longest
# sentence and three times the longest line of the sample and labelled documents (the
# longest clause: 158). Searching a text without line breaks (a 1 MB extraction) to its ends
# for every value made findings quadratic.
LOOK_AROUND = 2000
_VERB_GAP = 4  # characters allowed between a verb of achievement and the count it governs
_VAGUE_GAP = 2  # the same for 一批 (培育孵化一批)


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
        if ch in CN_DIGIT:
            if digit is not None:
                return None  # two digits in a row (一二) is a list, not a number
            digit = CN_DIGIT[ch]
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


def quantity_bound(key: Hashable) -> str | None:
    """The bound a quantity key states (以上, 以下, 以内 …, "" for none); None for a key of another kind."""
    return key[3] if isinstance(key, tuple) and len(key) > 3 and key[0] == "quantity" else None


def same_measure(a: Hashable, b: Hashable) -> bool:
    """True when two quantity keys can be one value rewritten: the same unit, two spans of time
    (10日 → 10个工作日, 三个月 → 六十日), or a count and the vague count 一批 (一批 → 三个)."""
    unit_a, unit_b = quantity_unit(a), quantity_unit(b)
    if unit_a == unit_b:
        return True
    words = value_contexts()
    if unit_a in words["duration"] and unit_b in words["duration"]:
        return True
    other = unit_b if unit_a == _VAGUE else unit_a if unit_b == _VAGUE else None
    return other is not None and other not in words["measure"] and other not in words["duration"]


@lru_cache(maxsize=1)
def value_contexts() -> dict[str, tuple[str, ...]]:
    """The word lists of ``resources/findings/value_context.txt``, by section name."""
    out: dict[str, list[str]] = {}
    part = ""
    for raw in resource_path(*_CONTEXT_FILE).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            part = line[1:-1]
            out.setdefault(part, [])
        elif line and part:
            out[part].extend(line.split())
    return {name: tuple(words) for name, words in out.items()}


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, at most ``LOOK_AROUND`` characters either side of it."""
    lo, hi = max(0, pos - LOOK_AROUND), min(len(text), pos + LOOK_AROUND)
    start = text.rfind("\n", lo, pos)
    end = text.find("\n", pos, hi)
    return lo if start < 0 else start + 1, hi if end < 0 else end


def _clause_before(text: str, pos: int, ends: str) -> str:
    """The text between the last of ``ends`` before ``pos`` and ``pos`` (``LOOK_AROUND`` at most)."""
    lo = max(0, pos - LOOK_AROUND)
    start = max(text.rfind(ch, lo, pos) for ch in ends)
    return text[lo if start < 0 else start + 1:pos]


def in_name(text: str, start: int, end: int) -> bool:
    """True inside a short quoted name ("四个意识") or a cited title (《…》) on the same line."""
    line_start, line_end = _line_bounds(text, start)
    if text.count('"', line_start, start) % 2:
        opening = text.rfind('"', line_start, start)
        closing = text.find('"', end, line_end)
        if closing >= 0 and closing - opening - 1 <= _NAME_MAX:
            return True
    opened = text.rfind("《", line_start, start)
    return opened > text.rfind("》", line_start, start) and text.find("》", end, line_end) >= 0


def ends_with(before: str, words: tuple[str, ...], gap: int = 0) -> bool:
    """True when one of ``words`` ends at most ``gap`` characters before the end of ``before``."""
    tail = before[-(gap + max(map(len, words), default=0)):]
    return any(tail.rfind(w) >= 0 and len(tail) - tail.rfind(w) - len(w) <= gap for w in words)


_QUANTITY_AT = patterns.compiled(rf"(?P<number>{_NUMBER})(?:[-~至到]{_NUMBER})?(?P<unit>{_UNIT})")
_LEVEL = "级"
_VAGUE = "批"  # 一批 counts what follows it, numeral-led or not (培育一批一流企业)


def governed_by_achievement(text: str, m: Mention) -> bool:
    """True when a verb of achievement governs a quantity (达到30%, 建成三个): the quantity is a
    target to reach, not a rule's number (董事会成员为三人以上) nor a limit (不得超过300个字, 奖金
    不少于4000元), which a target in a plan may be (新增就业不少于5万人)."""
    words = value_contexts()
    verbs = tuple(word for word in words["achieve"] if word not in words["limit"])
    return ends_with(_clause_before(text, m.start, _CLAUSE_END), verbs, _VERB_GAP)


def is_target(text: str, m: Mention) -> bool:
    """True when a quantity found by ``quantities`` is a value, not part of a slogan or a name.

    Arabic numbers and units of measure are values; a Chinese-numeral count or duration
    is one only in a target context (建成三个, 达到二级, 三年内, 用三年时间). Nothing inside
    a quoted name or a cited title, nor a Chinese count chained to a numeral (两个一百年).
    """
    if in_name(text, m.start, m.end):
        return False
    found = _QUANTITY_AT.match(text, number_start(text, m), m.end)
    if found is None:  # not from ``quantities``
        return False
    number, unit = found.group("number"), found.group("unit")
    words = value_contexts()
    if any(text.startswith(w, found.end("unit") - len(unit)) for w in words["not_unit"]):
        return False  # 省道214项目: the "unit" opens a word
    if number == "一" and unit == _LEVEL and text[found.start() - 1:found.start()] in words["administrative"]:
        return False  # 设区的市一级以上派出机构: a tier of government (全市二级以上医院 is a value)
    if number[0].isdigit():
        return True
    if unit in words["measure"]:
        return True
    if unit != _VAGUE and text[m.end:m.end + 1] in CN_CHARS + "0123456789":
        return False  # chained to a numeral: 两个一百年, 五位一体, 四个一线, 六个一体化
    before = _clause_before(text, m.start, _CLAUSE_END)
    if unit in words["duration"]:
        return (text.startswith(words["duration_after"], m.end)
                or ends_with(before, words["duration_before"]))
    # a count (个, 项, 级, 批, 强 …): qualified (三个以上), or governed by a verb of achievement
    # and not summing up a list (政务服务、法治保障、社会建设六个方面; 桃花源等一批)
    if quantity_bound(m.key):
        return True
    if "、" in before or before.endswith("等"):
        return False
    if number == "一":
        # 一 before a counter is the article "a" (是一项系统工程, 落实一张负面清单), except the
        # vague count 一批, which the verb must govern (实施一批重大项目; 依托一批企业 is none)
        return unit == _VAGUE and ends_with(before, words["achieve"], _VAGUE_GAP)
    return ends_with(before, words["achieve"], _VERB_GAP)


def quantities(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Numbers with units in ``text[lo:hi]``; the key is (kind, unit, values, qualifier, rate base).

    A floor followed by the cap of the same unit (处五千元以上二万元以下的罚款) is one value, the
    range from one to the other, as 5000-20000元 is: a drafter reads the fine as one amount, and
    raising both ends is one change. The base of a rate written before it (每平方米十元以上二十元
    以下) belongs to the value: without it the finding would read as a fine of 十元.
    """
    end = len(text) if hi is None else hi
    out: list[Mention] = []
    floor: tuple[int, str, float, str] | None = None  # the last value's start, unit, amount, rate base
    for m in _QUANTITY.finditer(text, lo, end):
        low = number_value(m.group("low"))
        high = number_value(m.group("high")) if m.group("high") else None
        if low is None or (m.group("high") and high is None):
            continue
        values = (low,) if high is None else (low, high)
        qualifier = (m.group("qualifier") or "").removeprefix("及")  # 三级及以上 is 三级以上
        unit = m.group("unit")
        if high is None and qualifier == "以下" and floor is not None:
            at, floor_unit, floor_value, per = floor
            if floor_unit == unit and floor_value <= low and text[out[-1].end:m.start()] in _RANGE_GAP:
                out[-1] = Mention(at, m.end(), ("quantity", unit, (floor_value, low), "", per))
                floor = None
                continue
        start, per = _rate_base(text, max(lo, m.start() - _PER_MAX), m.start())
        out.append(Mention(start, m.end(), ("quantity", unit, values, qualifier, per)))
        # A single amount with 以上 may be the floor of a range the next one closes.
        floor = (start, unit, low, per) if high is None and qualifier == "以上" else None
    return out


def _rate_base(text: str, lo: int, start: int) -> tuple[int, str]:
    """Where a value starting at ``start`` begins with the base of a rate written before it
    (每平方米, 每人每月) found in ``text[lo:start]``, and that base; ``start`` and "" when there is none."""
    for found in _PER.finditer(text, lo, start):
        if found.end() == start:
            return found.start(), found.group()
    return start, ""


def number_start(text: str, m: Mention) -> int:
    """Where the number of a quantity mention begins: after the base of a rate (每平方米)."""
    found = _PER.match(text, m.start, m.end)
    return found.end() if found else m.start
