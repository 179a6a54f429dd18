"""Quantities and dates in comparison-form text.

Finds the targets and deadlines a drafter negotiates over: numbers with their units
and ranges (1000亿元, 30%, 20%以上, 5-10个, 1.5倍, 万人, 一批, 三年, 百强) and dates
or periods (2025年, 2022年底前, 2025年6月, "十四五"期间, 年内). Each mention carries a
comparable key, so that 三年 and 3年, or 1000亿元 and 0.1万亿元, count as the same
value. The text must be in comparison form (``core.normalize``): ASCII digits,
Simplified characters, "%" and "-" folded.

``quantities`` and ``dates`` find every expression; ``is_target`` and ``is_deadline``
keep the commitments among them, from the words around each one (the contexts are data,
``resources/findings/value_context.txt``):

- a number in a slogan or a name is no target: inside a short quoted name ("四个意识",
  "全域公园体系+三级绿道+公园社区") or a cited title (《…》), a Chinese-numeral count
  chained to another numeral (两个一百年, 五位一体, 六个一体化), and any Chinese-numeral
  count or duration without a target context (六个方面, 三级运作机制, 三年行动计划, 未来五年).
  Arabic digits and units of measure (1小时, 30%, 一公里) are values.
- a date is a deadline when a marker makes it one (到2025年, 2025年底前, 力争…, 计划于…),
  or, with no marker, when the rest of its sentence sets a target; never when it is the
  document's own date (title block, adoption line, signature), a status (截至…), the
  start of a span (…以来, …起), a past event (…主持召开…) or earlier than the document's
  own date.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache

from core.resources import resource_path

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
    rf"(?P<unit>{_UNIT})(?P<qualifier>及以上|及以下|以上|以下|以内|之内|左右|余|多)?"
)

_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    "|".join((
        # 2025年, 2021-2025年, 2022年底前, 2025年6月, 2020年7月31日, 2025年前
        rf"(?<!\d)(?P<year>{_YEAR})(?:[-~至到](?P<year_to>{_YEAR}))?年"
        r"(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?"
        r"(?P<part>底|末|初|上半年|下半年)?(?P<by>前|以前|之前)?",
        # 6月底前, 7月31日 without a year
        r"(?<![\d年])(?P<month_only>\d{1,2})月(?:(?P<day_only>\d{1,2})日)?(?P<month_part>底|末|上旬|中旬|下旬)?"
        r"(?P<month_by>前|以前|之前)?",
        # plan periods: "十四五"期间, 十四五末
        r'"?十(?P<plan>[一二三四五六七八九])五"?(?P<phase>期间|时期|前期|中期|后期|末|初)?',
        # relative deadlines; 三年内 is a duration (a quantity), not 年内
        rf"(?<![\d{_CN_CHARS}])(?P<relative>年(?:内|底前|底|末)|今年|明年)",
    ))
)
_YEAR_END_WORDS = ("", "底", "末")  # 2025年, 2025年底, 2025年末 (and 前) are one deadline: the end of 2025
_CONTEXT_FILE = ("findings", "value_context.txt")
_CLAUSE_END = "，,；;。：:！!？?()\n"  # a target verb governs a number only within its clause
_SENTENCE_END = "；;。！!？?\n"
_NAME_MAX = 24  # characters between quotation marks that still make a name, not a quotation
_VERB_GAP = 4  # characters allowed between a verb of achievement and the count it governs
_VAGUE_GAP = 2  # the same for 一批 (培育孵化一批)
_HEAD_LINES = 6  # lines of a title block at most
_OWN_LINE_MAX = 80  # characters of an adoption line ((2020年7月10日…全体会议通过))


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


def same_measure(a: Hashable, b: Hashable) -> bool:
    """True when two quantity keys can be one value rewritten: the same unit, or a count and
    the vague count 一批 (一批 → 三个)."""
    unit_a, unit_b = quantity_unit(a), quantity_unit(b)
    if unit_a == unit_b:
        return True
    words = value_contexts()
    other = unit_b if unit_a == _VAGUE else unit_a if unit_b == _VAGUE else None
    return other is not None and other not in words["measure"] and other not in words["duration"]


def dates(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Dates and periods in ``text[lo:hi]``, each keyed by the point in time it names.

    Wordings of one deadline share a key: 2025年, 2025年底, 2025年底前 and "十四五"末 are
    the end of 2025; "十四五"期间 and "十四五"时期 are one period.
    """
    return [Mention(m.start(), m.end(), ("date", *_date_key(m)))
            for m in _DATE.finditer(text, lo, len(text) if hi is None else hi)]


def _plan_years(digit: str) -> tuple[int, int]:
    """First and last year of the N-th five-year plan (十四五: 2021-2025), from the third on."""
    start = 1966 + 5 * (10 + _CN_DIGIT[digit] - 3)
    return start, start + 4


def _date_key(m: re.Match[str]) -> tuple[object, ...]:
    if m.group("year"):
        year = int(m.group("year"))
        if m.group("year_to"):
            return ("range", year, int(m.group("year_to")))
        part = m.group("part") or ""
        return (year, int(m.group("month") or 0), int(m.group("day") or 0),
                "" if part in _YEAR_END_WORDS else part)
    if m.group("month_only"):
        part = m.group("month_part") or ""
        return (0, int(m.group("month_only")), int(m.group("day_only") or 0),
                "" if part in _YEAR_END_WORDS else part)
    if m.group("plan"):
        first, last = _plan_years(m.group("plan"))
        phase = m.group("phase") or ""
        if phase == "末":
            return (last, 0, 0, "")
        if phase == "初":
            return (first, 0, 0, "初")
        return ("plan", first, "" if phase in ("期间", "时期") else phase)
    relative = m.group("relative")
    return ("relative", "年末" if relative.startswith("年") else relative)


def _date_time(m: re.Match[str]) -> tuple[int, ...] | None:
    """The latest time a date can mean, as (year[, month[, day]]); None for 年内, 6月底."""
    if m.group("year"):
        year = int(m.group("year_to") or m.group("year"))
        if m.group("year_to") or not m.group("month"):
            return (year,)
        if not m.group("day"):
            return (year, int(m.group("month")))
        return (year, int(m.group("month")), int(m.group("day")))
    if m.group("plan"):
        return (_plan_years(m.group("plan"))[1],)
    return None


def _earlier(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True when ``a`` ends before ``b`` begins, compared at the coarser of the two precisions."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


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
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _clause_before(text: str, pos: int, ends: str) -> str:
    """The text between the last of ``ends`` before ``pos`` and ``pos``."""
    start = max(text.rfind(ch, 0, pos) for ch in ends) + 1
    return text[start:pos]


def _clause_after(text: str, pos: int, ends: str) -> str:
    """The text from ``pos`` up to the first of ``ends``."""
    found = [i for i in (text.find(ch, pos) for ch in ends) if i >= 0]
    return text[pos:min(found, default=len(text))]


def _in_name(text: str, start: int, end: int) -> bool:
    """True inside a short quoted name ("四个意识") or a cited title (《…》) on the same line."""
    line_start, line_end = _line_bounds(text, start)
    if text.count('"', line_start, start) % 2:
        opening = text.rfind('"', line_start, start)
        closing = text.find('"', end, line_end)
        if closing >= 0 and closing - opening - 1 <= _NAME_MAX:
            return True
    opened = text.rfind("《", line_start, start)
    return opened > text.rfind("》", line_start, start) and text.find("》", end, line_end) >= 0


def _ends_with(before: str, words: tuple[str, ...], gap: int = 0) -> bool:
    """True when one of ``words`` ends at most ``gap`` characters before the end of ``before``."""
    tail = before[-(gap + max(map(len, words), default=0)):]
    return any(tail.rfind(w) >= 0 and len(tail) - tail.rfind(w) - len(w) <= gap for w in words)


_QUANTITY_AT = re.compile(rf"(?P<number>{_NUMBER})(?:[-~至到]{_NUMBER})?(?P<unit>{_UNIT})")
_VAGUE = "批"  # 一批 counts what follows it, numeral-led or not (培育一批一流企业)


def is_target(text: str, m: Mention) -> bool:
    """True when a quantity found by ``quantities`` is a value, not part of a slogan or a name.

    Arabic numbers and units of measure are values; a Chinese-numeral count or duration
    is one only in a target context (建成三个, 达到二级, 三年内, 用三年时间). Nothing inside
    a quoted name or a cited title, nor a Chinese count chained to a numeral (两个一百年).
    """
    if _in_name(text, m.start, m.end):
        return False
    found = _QUANTITY_AT.match(text, m.start, m.end)
    if found is None:  # not from ``quantities``
        return False
    number, unit = found.group("number"), found.group("unit")
    words = value_contexts()
    if any(text.startswith(w, found.end("unit") - len(unit)) for w in words["not_unit"]):
        return False  # 省道214项目: the "unit" opens a word
    if number[0].isdigit():
        return True
    if unit in words["measure"]:
        return True
    if unit != _VAGUE and text[m.end:m.end + 1] in _CN_CHARS + "0123456789":
        return False  # chained to a numeral: 两个一百年, 五位一体, 四个一线, 六个一体化
    before = _clause_before(text, m.start, _CLAUSE_END)
    if unit in words["duration"]:
        return (text.startswith(words["duration_after"], m.end)
                or _ends_with(before, words["duration_before"]))
    # a count (个, 项, 级, 批, 强 …): qualified (三个以上), or governed by a verb of achievement
    # and not summing up a list (政务服务、法治保障、社会建设六个方面; 桃花源等一批)
    qualifier = m.key[3] if isinstance(m.key, tuple) and len(m.key) > 3 else ""
    if qualifier:
        return True
    if "、" in before or before.endswith("等"):
        return False
    if number == "一":
        # 一 before a counter is the article "a" (是一项系统工程, 落实一张负面清单), except the
        # vague count 一批, which the verb must govern (实施一批重大项目; 依托一批企业 is none)
        return unit == _VAGUE and _ends_with(before, words["achieve"], _VAGUE_GAP)
    return _ends_with(before, words["achieve"], _VERB_GAP)


@dataclass(frozen=True)
class DocumentDates:
    """What a document says about its own date, found once per document.

    ``own`` are the spans of the document's own dates (title block, adoption line,
    signature); ``own_keys`` their keys, so that the same full date elsewhere (the closing)
    is also recognised; ``reference`` the latest of them, before which a date is past.
    """

    own: frozenset[tuple[int, int]] = frozenset()
    own_keys: frozenset[Hashable] = frozenset()
    reference: tuple[int, ...] | None = None


def _explicit_deadline(text: str, m: re.Match[str]) -> bool:
    """A marker in or right before the date: 2025年底前, 6月前, 年内, 到2025年, 力争2025年."""
    if m.group("by") or m.group("month_by") or m.group("relative"):
        return True
    return _ends_with(text[max(0, m.start() - 4):m.start()], value_contexts()["deadline_before"])


def document_dates(text: str) -> DocumentDates:
    """The document's own dates in comparison-form ``text``.

    Own dates: any date without a deadline marker in the title block (the first lines, up
    to the first one with sentence punctuation: title, adoption line, 文号); a line that is
    only a date (the signature); a short line opening with a full date and an adoption word
    (…会议通过, 印发). The reference is the latest of them, with 〔2020〕 of a 文号 as a last resort.
    """
    own: list[tuple[int, int]] = []
    keys: list[Hashable] = []
    times: list[tuple[int, ...]] = []
    adopted = value_contexts()["adopted"]
    head = True
    pos = lines = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        lines += bool(line)
        if head and (lines > _HEAD_LINES or any(ch in line for ch in "，,。；;！!？?")):
            head = False
        for m in _DATE.finditer(text, start, end):
            if _explicit_deadline(text, m):
                continue
            bare = line.strip("()（）[]【】 ")
            full = bool(m.group("year") and m.group("day"))
            alone = bare == m.group(0)
            adoption = full and len(line) <= _OWN_LINE_MAX and bare.startswith(m.group(0)) and any(
                w in line for w in adopted)
            if head or alone or adoption:
                own.append((m.start(), m.end()))
                if full:
                    keys.append(("date", *_date_key(m)))
                # a point in time dates the document; a period it covers does not ((2021-2025年))
                time = _date_time(m)
                if time is not None and not m.group("year_to") and not m.group("plan"):
                    times.append(time)
    if not times:
        times = [(int(y),) for y in re.findall(r"〔((?:19|20)\d{2})〕", text)]
    reference = max(times, key=lambda t: t + (0,) * (3 - len(t))) if times else None
    return DocumentDates(frozenset(own), frozenset(keys), reference)


def is_deadline(text: str, m: Mention, document: DocumentDates | None = None) -> bool:
    """True when a date found by ``dates`` sets a deadline; see the module docstring.

    ``document`` (from ``document_dates`` of the whole text) tells the document's own
    dates and its reference date; without it only the words around the date decide.
    """
    document = document or DocumentDates()
    found = _DATE.match(text, m.start, m.end)
    if found is None or found.end() != m.end:  # not from ``dates``
        return False
    words = value_contexts()
    if _in_name(text, m.start, m.end):
        return False
    explicit = _explicit_deadline(text, found)
    if (m.start, m.end) in document.own or (m.key in document.own_keys and not explicit):
        return False
    if _ends_with(text[max(0, m.start - 4):m.start], words["status_before"]):
        return False
    if text.startswith(words["start_after"], m.end):
        return False
    time = _date_time(found)
    if time is not None and document.reference is not None and _earlier(time, document.reference):
        return False
    if explicit:
        return True
    if found.group("plan"):  # a period or its end, with no marker: a time frame, not a deadline
        return False
    rest = _clause_after(text, m.end, _SENTENCE_END)
    if any(w in rest for w in words["past"]):
        return False
    return any(w in rest for w in words["target"])


def quantities(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Numbers with units in ``text[lo:hi]``; the key is (kind, unit, values, qualifier)."""
    out = []
    for m in _QUANTITY.finditer(text, lo, len(text) if hi is None else hi):
        low = number_value(m.group("low"))
        high = number_value(m.group("high")) if m.group("high") else None
        if low is None or (m.group("high") and high is None):
            continue
        values = (low,) if high is None else (low, high)
        qualifier = (m.group("qualifier") or "").removeprefix("及")  # 三级及以上 is 三级以上
        out.append(Mention(m.start(), m.end(), ("quantity", m.group("unit"), values, qualifier)))
    return out
