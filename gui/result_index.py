"""Look-ups over one immutable result, built once when it arrives.

``Comparison`` offers linear scans (``pairs_of``, ``section_at``); the window asks
such questions on every click and paint, so this index answers them from dicts and
sorted lists instead.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from functools import cached_property

from core.model import Comparison, Document, Match, PairKind, Section

_RANK = {PairKind.SAME: 0, PairKind.MODIFIED: 1, PairKind.RELATED: 2}


class ResultIndex:
    """Derived look-ups of a comparison; read-only like the comparison itself."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        pairs_by_section: dict[str, list[int]] = defaultdict(list)
        for i, pair in enumerate(comparison.pairs):
            pairs_by_section[pair.left].append(i)
            pairs_by_section[pair.right].append(i)
        self._pairs_by_section = dict(pairs_by_section)
        self._starts = {
            "L": [s.start for s in comparison.left.sections],
            "R": [s.start for s in comparison.right.sections],
        }
        self._matches = {
            "L": sorted(comparison.matches, key=lambda m: (m.left_start, m.left_end)),
            "R": sorted(comparison.matches, key=lambda m: (m.right_start, m.right_end)),
        }
        self._match_starts = {
            "L": [m.left_start for m in self._matches["L"]],
            "R": [m.right_start for m in self._matches["R"]],
        }

    def document(self, side: str) -> Document:
        """The document of side "L" or "R"."""
        return self.comparison.left if side == "L" else self.comparison.right

    def pair_indexes(self, section_id: str) -> list[int]:
        """Indexes (into ``comparison.pairs``) of the pairs a section takes part in."""
        return self._pairs_by_section.get(section_id, [])

    def counterparts(self, section_id: str) -> list[str]:
        """Ids of the sections paired with ``section_id``, best score first."""
        pairs = sorted((self.comparison.pairs[i] for i in self.pair_indexes(section_id)), key=lambda p: -p.score)
        return [p.right if p.left == section_id else p.left for p in pairs]

    def status(self, section_id: str) -> PairKind | None:
        """Best kind among a section's pairs (same > modified > related); None when unpaired."""
        kinds = [self.comparison.pairs[i].kind for i in self.pair_indexes(section_id)]
        return min(kinds, key=_RANK.__getitem__) if kinds else None

    @cached_property
    def paired_below(self) -> set[str]:
        """Ids of sections (both sides) with at least one paired descendant."""
        out: set[str] = set()
        for doc in (self.comparison.left, self.comparison.right):
            for section in doc.sections:
                if section.id in self._pairs_by_section:
                    parent = section.parent
                    while parent is not None and parent not in out:
                        out.add(parent)
                        parent = doc.by_id[parent].parent if parent in doc.by_id else None
        return out

    def lowest_paired(self, side: str) -> list[Section]:
        """Paired sections of a side none of whose descendants are paired, in document order."""
        return [
            s for s in self.document(side).sections if s.id in self._pairs_by_section and s.id not in self.paired_below
        ]

    def section_at(self, side: str, offset: int) -> Section | None:
        """The deepest section of a side containing display ``offset``."""
        doc = self.document(side)
        i = bisect_right(self._starts[side], offset) - 1
        # Sections are in document order, so the deepest container is the last one that starts
        # before the offset and still contains it.
        while i >= 0:
            section = doc.sections[i]
            if section.start <= offset < section.end:
                return section
            i -= 1
        return None

    def matches_at(self, side: str, offset: int) -> list[Match]:
        """Shared-wording passages covering display ``offset`` on a side."""
        matches = self._matches[side]
        hits = []
        for m in matches[: bisect_right(self._match_starts[side], offset)]:
            start, end = (m.left_start, m.left_end) if side == "L" else (m.right_start, m.right_end)
            if start <= offset < end:
                hits.append(m)
        return hits
