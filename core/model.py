"""Immutable results of a comparison.

Every offset in these classes is a Python ``str`` index (code point) into the
*display text* of its side: the document after cleaning, in its original script.
Ranges are half-open ``[start, end)``. The GUI and the exporters only read these
objects; nothing outside ``core`` creates or changes them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

SCHEMA = "duizhao.comparison/1"


class PairKind(StrEnum):
    """How two aligned sections relate (DESIGN §3)."""

    SAME = "same"  # identical after normalization (numbering aside)
    MODIFIED = "modified"  # the same section revised: much of its wording is shared
    RELATED = "related"  # same subject, little shared wording

    @property
    def rank(self) -> int:
        """0 for the closest relation (same), growing as the relation loosens."""
        return _PAIR_RANKS.index(self)


_PAIR_RANKS = (PairKind.SAME, PairKind.MODIFIED, PairKind.RELATED)


class OpKind(StrEnum):
    """A word-level diff operation between two paired sections."""

    EQUAL = "equal"
    DELETE = "delete"  # left only
    INSERT = "insert"  # right only
    REPLACE = "replace"  # left span replaced by right span


class Highlight(StrEnum):
    """The four highlight classes of DESIGN §6, shared by screen and exports."""

    SHARED = "shared"  # wording present in the counterpart
    LEFT_ONLY = "left-only"  # deleted / not taken up
    RIGHT_ONLY = "right-only"  # inserted / local
    ELSEWHERE = "shared-elsewhere"  # found in the other document outside the counterpart


class Relation(StrEnum):
    """How the two documents stand to each other (DESIGN §3); decides every output's words."""

    REVISION = "revision"  # the same document, edited (draft and revision)
    IMPLEMENTATION = "implementation"  # the right document carries out the left one


RELATION_CHOICES = ("auto", Relation.REVISION.value, Relation.IMPLEMENTATION.value)


class CoverageGrade(StrEnum):
    """How a base item was taken up by the implementing document (对标对表)."""

    COPIED = "copied"  # 照搬: its wording carried over nearly whole
    ELABORATED = "elaborated"  # 细化: carried out by several items
    ADAPTED = "adapted"  # 修改: carried out by one item, re-worded
    TOUCHED = "touched"  # 仅涉及: quoted or addressed in passing by an item about something else
    NOT_TAKEN_UP = "not-taken-up"  # 未见落实: nothing in the other document addresses it


@dataclass(frozen=True)
class Correction:
    """A pairing set by hand: the right item carries out ``left`` (None: it is local).

    Labels are kept with the ids so that a correction is applied only to the same items
    when the files are compared again, never to whatever now bears that id.
    """

    right: str
    right_label: str
    left: str | None
    left_label: str = ""


# The shortest shared passage a comparison accepts, inclusive. Below 2 every character would
# be "shared"; above 200 hardly any wording would. The command line, the settings dialog and
# the saved settings all check against Options.valid_min_shared, which reads this range.
MIN_SHARED_RANGE = (2, 200)


@dataclass(frozen=True)
class Options:
    """User-settable comparison options; a value no comparison can use raises ``ValueError``."""

    min_shared: int = 8  # shortest shared passage, in normalized characters
    t2s: bool = True  # convert Traditional to Simplified for comparison
    keep_boilerplate: bool = False  # keep web chrome and page numbers
    relation: str = "auto"  # one of RELATION_CHOICES
    corrections: tuple[Correction, ...] = ()  # pairings set by hand (implementation)

    def __post_init__(self) -> None:
        if not Options.valid_min_shared(self.min_shared):
            low, high = MIN_SHARED_RANGE
            raise ValueError(f"min_shared 应为 {low} 到 {high} 之间的整数：{self.min_shared!r}")
        if self.relation not in RELATION_CHOICES:
            raise ValueError(f"relation 应为 {'、'.join(RELATION_CHOICES)} 之一：{self.relation!r}")

    @staticmethod
    def valid_min_shared(value: object) -> bool:
        """True when ``value`` can be the shortest shared passage: a whole number in ``MIN_SHARED_RANGE``."""
        low, high = MIN_SHARED_RANGE
        # bool is an int to Python, but True is no length
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class Section:
    """One node of a document's outline.

    ``start`` is the first character of the heading (its number, if any); ``end`` is
    exclusive and includes the children. ``heading_end`` is where the heading line
    ends (for run-in headings, after the lead sentence); body text follows it.
    """

    id: str  # "L12" / "R40": side letter + position in document order
    parent: str | None
    level: int  # 1 at the top, grows with depth
    number: str  # the numbering as written, e.g. "（十四）"; "" when unnumbered
    title: str  # heading without its number; lead sentence (without 。) for run-in headings
    start: int
    end: int
    heading_end: int
    role: str  # "preamble" | "heading" | "item" | "paragraph" | "box" | "closing"
    children: tuple[str, ...] = ()

    @property
    def number_end(self) -> int:
        """End of the number, which always opens the heading: ``[start, number_end)``."""
        return self.start + len(self.number)

    @property
    def is_leaf(self) -> bool:
        """True when the section has no sub-sections."""
        return not self.children

    @property
    def is_headed_leaf(self) -> bool:
        """A heading on a line of its own kept with its one paragraph as a leaf: the outline's
        shape of a heading that has more paragraphs as a parent (see ``core.parents``)."""
        return self.is_leaf and self.role == "heading" and self.heading_end < self.end

    @property
    def label(self) -> str:
        """Number and title as a reader would cite the section, on one line."""
        label = " ".join(f"{self.number}{self.title}".split())
        return label or self.role

    def caption(self, limit: int) -> str:
        """The label cut to ``limit`` characters (ending in …) for narrow places."""
        label = self.label
        return label if len(label) <= limit else label[: limit - 1] + "…"


@dataclass(frozen=True)
class Document:
    """One side of a comparison, as the user sees it."""

    path: str
    title: str
    text: str  # display text
    sections: tuple[Section, ...]
    source_format: str = "txt"  # "txt" | "docx" | "pdf"
    encoding: str | None = None  # detected encoding of a text file
    removed: tuple[str, ...] = ()  # lines removed by cleaning (web chrome, page numbers)

    @cached_property
    def by_id(self) -> dict[str, Section]:
        """Sections indexed by id."""
        return {s.id: s for s in self.sections}

    @cached_property
    def leaves(self) -> tuple[Section, ...]:
        """Leaf sections in document order."""
        return tuple(s for s in self.sections if s.is_leaf)

    @cached_property
    def ancestors(self) -> dict[str, tuple[str, ...]]:
        """Each section's ancestors' ids, its parent first."""
        out: dict[str, tuple[str, ...]] = {}
        for section in self.sections:
            out[section.id] = (section.parent, *out[section.parent]) if section.parent else ()
        return out

    def containing(self, sid: str) -> tuple[Section, ...]:
        """The sections containing section ``sid``, outermost first."""
        return tuple(self.by_id[parent] for parent in reversed(self.ancestors[sid]))

    def descendants(self, sid: str) -> tuple[Section, ...]:
        """The sections inside section ``sid`` (its children, theirs, ...), in document order."""
        # Parents come first and a section's descendants follow it, before any section
        # starting at or after its end.
        i = self._index[sid]
        end = self.sections[i].end
        found = []
        for section in self.sections[i + 1 :]:
            if section.start >= end:
                break
            found.append(section)
        return tuple(found)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, offset: int) -> Section | None:
        """The deepest section containing display ``offset``, or None outside all sections."""
        # Sections are in document order with parents first, so the deepest container is
        # the last section starting at or before the offset that still contains it.
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            section = self.sections[i]
            if offset < section.end:
                return section
            i = self._index[section.parent] if section.parent else -1
        return None

    @cached_property
    def _index(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.sections)}


@dataclass(frozen=True)
class Normalized:
    """A comparison-form text and, for each of its characters, the display span it came from.

    Built by ``core.normalize``. Unlike the rest of this module, ``text`` and the indexes
    into it are in comparison form; ``to_display`` turns them into display offsets. The
    arrays are never changed once built.
    """

    text: str
    starts: array  # type: ignore[type-arg]  # display start of each normalized character
    ends: array  # type: ignore[type-arg]  # display end of each normalized character
    display_length: int

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display span of the normalized span ``[start, end)``.

        An empty span maps to the display position where its next character starts.
        """
        if start >= end:
            pos = self.starts[start] if start < len(self.text) else self.display_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_display(self, start: int, end: int) -> tuple[int, int]:
        """Normalized span of the characters whose source lies in display ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


@dataclass(frozen=True)
class DiffOp:
    """One diff operation; spans are display offsets on both sides."""

    op: OpKind
    left_start: int
    left_end: int
    right_start: int
    right_end: int


@dataclass(frozen=True)
class Pair:
    """A left section and one of its right counterparts."""

    left: str
    right: str
    kind: PairKind
    score: float  # in [0, 1]: share of the two sections' wording that they have in common
    diff: tuple[DiffOp, ...] = ()  # for SAME and MODIFIED: tiles both sections in order


@dataclass(frozen=True)
class Assignment:
    """The base item(s) one leaf of the right document carries out, with the evidence.

    ``left`` is empty for a local item (本地新增). ``alternatives`` are the best
    candidates by score, best first, whether chosen or not; ``margin`` is how far the
    best stands above the second; ``terms`` are the subject terms the item shares with
    its first base item.
    """

    right: str
    left: tuple[str, ...]
    alternatives: tuple[tuple[str, float], ...]
    margin: float
    terms: tuple[str, ...]
    by_hand: bool = False


@dataclass(frozen=True)
class RelationVerdict:
    """The relation used, whether it was detected or chosen, and why."""

    relation: Relation
    detected: bool
    evidence: tuple[str, ...]  # short Chinese sentences


@dataclass(frozen=True)
class Match:
    """A passage present in both documents (shared wording), with its two locations."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int


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


class FindingKind(StrEnum):
    """What sort of commitment a finding is about (issue: policy findings)."""

    QUANTITY = "quantity"  # numbers with units, targets, ranges
    DATE = "date"  # dates and deadlines
    MODAL = "modal"  # strength of obligation (必须 … 可以)
    DUTY = "duty"  # responsible bodies (牵头单位 / 责任单位 / 配合单位)
    COVERAGE = "coverage"  # base items not taken up, purely local items
    MOVE = "move"  # a section of a revision that now stands elsewhere


class Direction(StrEnum):
    """How the commitment moved from left to right."""

    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    MOVED = "moved"


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
