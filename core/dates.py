"""Dates and deadlines in comparison-form text.

Finds the dates and periods a drafter negotiates over (2025年, 2022年底前, 2025年6月,
"十四五"期间, 年内). Each mention carries a comparable key, so that 2025年底 and
"十四五"末 count as the same deadline. The text must be in comparison form
(``core.normalize``), as for ``core.quantities``, whose context words and name rule
these rules share.

``dates`` finds every expression; ``is_deadline`` keeps the deadlines among them, from the
words around each one (``resources/findings/value_context.txt``): a date is a deadline when a
marker makes it one (到2025年, 2025年底前, 力争…, 计划于…), or, with no marker, when the rest
of its sentence sets a target; never when it is the document's own date (title block,
adoption line, signature; ``document_dates``), a status (截至…), the start of a span (…以来,
…起), a past event (…主持召开…) or earlier than the document's own date.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from core import patterns
from core.quantities import CN_CHARS, CN_DIGIT, LOOK_AROUND, Mention, ends_with, in_name, value_contexts

_YEAR = r"(?:19|20)\d{2}"
_DATE = patterns.compiled(
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
        rf"(?<![\d{CN_CHARS}])(?P<relative>年(?:内|底前|底|末)|今年|明年)",
    ))
)
_YEAR_END_WORDS = ("", "底", "末")  # 2025年, 2025年底, 2025年末 (and 前) are one deadline: the end of 2025
_SENTENCE_END = "；;。！!？?\n"
_HEAD_LINES = 6  # lines of a title block at most
_OWN_LINE_MAX = 80  # characters of an adoption line ((2020年7月10日…全体会议通过))


def dates(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Dates and periods in ``text[lo:hi]``, each keyed by the point in time it names.

    Wordings of one deadline share a key: 2025年, 2025年底, 2025年底前 and "十四五"末 are
    the end of 2025; "十四五"期间 and "十四五"时期 are one period.
    """
    return [Mention(m.start(), m.end(), ("date", *_date_key(m)))
            for m in _DATE.finditer(text, lo, len(text) if hi is None else hi)]


def _plan_years(digit: str) -> tuple[int, int]:
    """First and last year of the N-th five-year plan (十四五: 2021-2025), from the third on."""
    start = 1966 + 5 * (10 + CN_DIGIT[digit] - 3)
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


def _clause_after(text: str, pos: int, ends: str) -> str:
    """The text from ``pos`` up to the first of ``ends`` (``LOOK_AROUND`` at most)."""
    hi = min(len(text), pos + LOOK_AROUND)
    found = [i for i in (text.find(ch, pos, hi) for ch in ends) if i >= 0]
    return text[pos:min(found, default=hi)]


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
    return ends_with(text[max(0, m.start() - 4):m.start()], value_contexts()["deadline_before"])


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
    if in_name(text, m.start, m.end):
        return False
    explicit = _explicit_deadline(text, found)
    if (m.start, m.end) in document.own or (m.key in document.own_keys and not explicit):
        return False
    if ends_with(text[max(0, m.start - 4):m.start], words["status_before"]):
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
