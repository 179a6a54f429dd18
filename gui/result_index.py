"""Window look-ups over one immutable result that the model itself does not offer.

``Comparison`` already answers "which pairs does a section take part in" and
``Document`` "which section holds this offset"; this index adds what only the window
asks: counterparts by score, a section's best kind, the lowest paired sections and the
shared passages under a click. Everything is derived once per result, on first use; the
comparison form that find searches is not derived here but read from the result, which
carries it as the engine compared it.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from core.document import Document, Normalized, Section
from core.kinds import PairKind
from core.pairs import Match
from core.result import Comparison
from gui.relation_words import SectionNotes

# Closest relation first; None (unpaired) last.


def kind_rank(kind: PairKind | None) -> int:
    """Sort key of a pair kind, closest first; unpaired last."""
    return kind.rank if kind is not None else len(PairKind)


class ResultIndex:
    """Derived look-ups of a comparison; read-only like the comparison itself."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    @cached_property
    def notes(self) -> SectionNotes:
        """Notes on each section in the words of the result's relation (outline, pair list)."""
        return SectionNotes(self.comparison)

    def document(self, side: str) -> Document:
        """The document of side "L" or "R"."""
        return self.comparison.left if side == "L" else self.comparison.right

    def counterparts(self, section_id: str) -> list[str]:
        """Ids of the sections paired with ``section_id``, best score first."""
        pairs = sorted(self.comparison.pairs_of(section_id), key=lambda p: -p.score)
        return [p.right if p.left == section_id else p.left for p in pairs]

    def status(self, section_id: str) -> PairKind | None:
        """Best kind among a section's pairs (same > modified > related); None when unpaired."""
        return self.comparison.best_kind(section_id)

    @cached_property
    def paired_below(self) -> set[str]:
        """Ids of sections (both sides) with at least one paired descendant."""
        out: set[str] = set()
        for doc in (self.comparison.left, self.comparison.right):
            for section in doc.sections:
                if self.comparison.pair_indexes(section.id):
                    parent = section.parent
                    while parent is not None and parent not in out:
                        out.add(parent)
                        parent = doc.by_id[parent].parent
        return out

    @cached_property
    def _lowest_paired(self) -> dict[str, tuple[Section, ...]]:
        return {
            side: tuple(
                s
                for s in self.document(side).sections
                if self.comparison.pair_indexes(s.id) and s.id not in self.paired_below
            )
            for side in ("L", "R")
        }

    def lowest_paired(self, side: str) -> tuple[Section, ...]:
        """Paired sections of a side none of whose descendants are paired, in document order."""
        return self._lowest_paired[side]

    @cached_property
    def _spans(self) -> dict[str, tuple[list[int], list[tuple[int, int, Match]]]]:
        """Per side: the shared passages as (start, end, match) in start order, and their starts."""
        out = {}
        for side in ("L", "R"):
            if side == "L":
                spans = [(m.left_start, m.left_end, m) for m in self.comparison.matches]
            else:
                spans = [(m.right_start, m.right_end, m) for m in self.comparison.matches]
            spans.sort(key=lambda span: span[:2])
            out[side] = ([start for start, _end, _m in spans], spans)
        return out

    def matches_at(self, side: str, offset: int) -> list[Match]:
        """Shared-wording passages covering display ``offset`` on a side, leftmost first."""
        starts, spans = self._spans[side]
        return [m for _start, end, m in spans[: bisect_right(starts, offset)] if offset < end]

    def normalized(self, side: str) -> Normalized:
        """The comparison form of a side's text, as the result was compared (for find)."""
        form = self.comparison.left_form if side == "L" else self.comparison.right_form
        if form is None:
            # only a result built by hand lacks it; the engine always fills it in
            raise ValueError("the comparison carries no comparison form of its texts")
        return form
