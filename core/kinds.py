"""The closed vocabularies a comparison's result is written in.

Each is a ``StrEnum`` whose values are the JSON schema's words; ``core.labels`` gives the
Chinese words a reader sees for them.
"""

from __future__ import annotations

from enum import StrEnum


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


class CoverageGrade(StrEnum):
    """How a base item was taken up by the implementing document (对标对表)."""

    COPIED = "copied"  # 照搬: its wording carried over nearly whole
    ELABORATED = "elaborated"  # 细化: carried out by several items
    ADAPTED = "adapted"  # 修改: carried out by one item, re-worded
    TOUCHED = "touched"  # 仅涉及: quoted or addressed in passing by an item about something else
    NOT_TAKEN_UP = "not-taken-up"  # 未见落实: nothing in the other document addresses it


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


class CellKind(StrEnum):
    """How one document takes up one base item."""

    VERBATIM = "verbatim"  # a counterpart identical after normalization (pair kind same)
    MODIFIED = "modified"
    RELATED = "related"
    ABSENT = "absent"  # no counterpart: not taken up

    @property
    def pair_kind(self) -> PairKind | None:
        """The pair kind behind this cell kind (None for absent), the key of the shared palette."""
        return _PAIR_KINDS[self]

    @staticmethod
    def of(pair_kind: PairKind | None) -> CellKind:
        """The cell kind of a counterpart of ``pair_kind`` (None: no counterpart)."""
        return _CELL_KINDS[pair_kind]


_PAIR_KINDS: dict[CellKind, PairKind | None] = {
    CellKind.VERBATIM: PairKind.SAME,
    CellKind.MODIFIED: PairKind.MODIFIED,
    CellKind.RELATED: PairKind.RELATED,
    CellKind.ABSENT: None,
}
_CELL_KINDS = {pair_kind: cell_kind for cell_kind, pair_kind in _PAIR_KINDS.items()}
