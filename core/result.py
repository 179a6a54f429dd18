"""The immutable result of comparing two documents, and what it records.

Every offset is a display offset of its side (see ``core.document``). The GUI and the
exporters only read these objects; nothing outside ``core`` creates or changes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from core.document import Document, Normalized
from core.kinds import CoverageGrade, Direction, FindingKind, Highlight, PairKind, Relation
from core.options import Options
from core.pairs import Assignment, Match, Pair

SCHEMA = "duizhao.comparison/1"


@dataclass(frozen=True)
class RelationVerdict:
    """The relation used, whether it was detected or chosen, and why."""

    relation: Relation
    detected: bool
    evidence: tuple[str, ...]  # short Chinese sentences


@dataclass(frozen=True)
class Span:
    """A highlighted range of one side's display text."""

    start: int
    end: int
    kind: Highlight


@dataclass(frozen=True)
class Coverage:
    """Which sections found a counterpart, and of which kind.

    ``left`` lists every left leaf with the best kind of its counterparts (None when
    it was not taken up); ``right`` does the same for right leaves (None: local). In an
    implementing document an item is paired whole, so its leaves take its kind; the
    lines that address or sign a document are no item and have no grade.
    """

    left: tuple[tuple[str, PairKind | None], ...]
    right: tuple[tuple[str, PairKind | None], ...]
    grades: tuple[tuple[str, CoverageGrade], ...] = ()  # every left leaf that is a provision, in order
    local: tuple[str, ...] = ()  # implementation: right leaves of items that carry out nothing (本地新增)

    @cached_property
    def grade_of(self) -> dict[str, CoverageGrade]:
        """Left leaf id -> its coverage grade."""
        return dict(self.grades)


@dataclass(frozen=True)
class Stats:
    """Overall figures of a comparison."""

    left_shared: float  # share of the left comparison text found in the right document
    right_shared: float
    left_leaves_covered: float  # share of left leaves with any counterpart
    right_leaves_local: float  # share of right leaves without a counterpart
    pair_counts: tuple[tuple[PairKind, int], ...]  # leaf pairs by kind
    left_unpaired: int  # left leaves without counterpart
    right_unpaired: int


@dataclass(frozen=True)
class Finding:
    """A change that matters to a drafter, with where it is on both sides (display offsets)."""

    kind: FindingKind
    direction: Direction
    left: tuple[int, int] | None
    right: tuple[int, int] | None
    before: str
    after: str
    pair: int | None  # index into Comparison.pairs, None for unpaired sections
    summary: str  # one line in Chinese, e.g. "目标值 30% → 35%"


@dataclass(frozen=True)
class Move:
    """A paired section of a revision that now stands elsewhere in the reading order.

    ``pair`` indexes ``Comparison.pairs``; the places are where a drafter would cite the
    section before and after (第二章第三节).
    """

    pair: int
    left: str
    right: str
    left_place: str
    right_place: str


@dataclass(frozen=True)
class Change:
    """One stop of next/previous-change navigation.

    A modified pair (``pair`` indexes ``Comparison.pairs``) or a section unique to its
    side (the other side's id is None). Ordered by the right side's reading order,
    left-only sections slotted in after their nearest paired predecessor.
    """

    left: str | None
    right: str | None
    pair: int | None


@dataclass(frozen=True)
class Comparison:
    """The whole result of comparing two documents."""

    options: Options
    left: Document
    right: Document
    pairs: tuple[Pair, ...]
    matches: tuple[Match, ...]
    stats: Stats
    coverage: Coverage
    left_highlights: tuple[Span, ...] = ()
    right_highlights: tuple[Span, ...] = ()
    changes: tuple[Change, ...] = ()  # what next/previous change walks, in reading order
    findings: tuple[Finding, ...] = ()  # changed commitments, in the right side's reading order
    relation: RelationVerdict = RelationVerdict(Relation.REVISION, False, ())
    assignments: tuple[Assignment, ...] = ()  # one per right leaf, document order
    moves: tuple[Move, ...] = ()  # revision only: sections moved, in the right side's reading order
    # Each side's text in comparison form, as the engine compared it, so that the window's
    # find reads it instead of normalizing the text again. Not part of the JSON schema
    # (DESIGN: the writer lists its fields); left out of equality and repr, which would
    # otherwise walk two arrays as long as the documents. None only in results built by hand.
    left_form: Normalized | None = field(default=None, compare=False, repr=False)
    right_form: Normalized | None = field(default=None, compare=False, repr=False)

    @property
    def input_paths(self) -> tuple[str, str]:
        """The two compared files: no output may be written over them."""
        return (self.left.path, self.right.path)

    @cached_property
    def _pairs_by_section(self) -> dict[str, tuple[int, ...]]:
        found: dict[str, list[int]] = {}
        for i, p in enumerate(self.pairs):
            found.setdefault(p.left, []).append(i)
            found.setdefault(p.right, []).append(i)
        return {sid: tuple(indices) for sid, indices in found.items()}

    def pair_indexes(self, section_id: str) -> tuple[int, ...]:
        """Indexes into ``pairs`` of the pairs in which the section (of either side) takes part."""
        return self._pairs_by_section.get(section_id, ())

    def pairs_of(self, section_id: str) -> tuple[Pair, ...]:
        """All pairs in which the section (of either side) takes part."""
        return tuple(self.pairs[i] for i in self.pair_indexes(section_id))

    def best_kind(self, section_id: str) -> PairKind | None:
        """The closest kind among a section's pairs; None when it has no counterpart."""
        return min((p.kind for p in self.pairs_of(section_id)), key=lambda kind: kind.rank, default=None)

    def counterparts(self, section_id: str) -> tuple[str, ...]:
        """Ids of the sections on the other side paired with ``section_id``."""
        return tuple(p.right if p.left == section_id else p.left for p in self.pairs_of(section_id))
