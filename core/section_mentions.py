"""Commitment mentions per section of one side, in comparison form.

Only commitments count: a number in a slogan or a name (两个一百年, 三级运作机制), the
document's own date and a past event are no target or deadline (``core.quantities``, ``core.dates``).
Mentions are found once per region (a section, or its heading line alone) and carry
normalized offsets; each maps back to the display offsets and display text of its side.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.dates import DocumentDates, dates, document_dates, is_deadline
from core.document import Document, Section
from core.kinds import FindingKind
from core.normalize import Normalized
from core.obligations import duties, modals
from core.quantities import Mention, is_target, quantities
from core.tokens import tokenize


@dataclass
class Side:
    """One document with its comparison form and lazily computed mentions per region."""

    doc: Document
    norm: Normalized
    _numbers: list[tuple[int, int]] = field(default_factory=list)  # normalized spans of section numbers
    _dated: DocumentDates = field(default_factory=DocumentDates)  # the document's own dates
    _cache: dict[tuple[str, bool], dict[FindingKind, list[Mention]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._numbers = sorted(
            self.norm.from_display(s.start, s.number_end) for s in self.doc.sections if s.number
        )
        self._dated = document_dates(self.norm.text)

    def span(self, section: Section, heading_only: bool) -> tuple[int, int]:
        """Normalized span of a section, or of its heading line only."""
        return self.norm.from_display(section.start, section.heading_end if heading_only else section.end)

    def mentions(self, section: Section, heading_only: bool) -> dict[FindingKind, list[Mention]]:
        """Quantities, dates, modal words and duty bodies of a section (or its heading)."""
        key = (section.id, heading_only)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._extract(section, *self.span(section, heading_only))
        return found

    def _extract(self, section: Section, lo: int, hi: int) -> dict[FindingKind, list[Mention]]:
        text = self.norm.text
        # Every date keeps its characters from the quantities (2020年 is no amount of years);
        # only deadlines and targets are commitments (see ``core.quantities``, ``core.dates``).
        found = [m for m in dates(text, lo, hi) if not self._in_number(m)]
        taken = [(m.start, m.end) for m in found]
        when = [m for m in found if is_deadline(text, m, self._dated)]
        amounts = [m for m in quantities(text, lo, hi)
                   if not self._in_number(m) and not _overlaps_any(m, taken) and is_target(text, m)]
        # Tokens of the whole section, exactly as the diff cut them (and cached them).
        whole_lo, whole_hi = self.span(section, heading_only=False)
        tokens = [(whole_lo + a, whole_lo + b) for a, b in tokenize(text[whole_lo:whole_hi])]
        return {
            FindingKind.QUANTITY: amounts,
            FindingKind.DATE: when,
            FindingKind.MODAL: [m for m in modals(text, tokens, lo, hi) if not self._in_number(m)],
            FindingKind.DUTY: duties(text, lo, hi),
        }

    def _in_number(self, m: Mention) -> bool:
        i = bisect_right(self._numbers, (m.start, 1 << 62)) - 1
        return i >= 0 and self._numbers[i][1] > m.start

    def display(self, m: Mention) -> tuple[tuple[int, int], str]:
        """Display span and display text of a mention."""
        start, end = self.norm.to_display(m.start, m.end)
        return (start, end), self.doc.text[start:end]


def _overlaps_any(m: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < m.end and m.start < e for s, e in spans)
