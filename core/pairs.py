"""How sections and passages of the two sides are linked: pairs with their word-level diff,
shared passages, and the base items an implementing item carries out.

Spans are display offsets on both sides (see ``core.document``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.kinds import OpKind, PairKind


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
    its first base item. ``rival`` is a base item the first one barely beat (a near tie,
    decided by the chapters), with no shared wording to settle it: the pairing a drafter
    should check. None when the first stands out, is backed by shared wording, follows
    from the item's kind, was set by hand, or the leaf is no numbered item.
    """

    right: str
    left: tuple[str, ...]
    alternatives: tuple[tuple[str, float], ...]
    margin: float
    terms: tuple[str, ...]
    by_hand: bool = False
    rival: str | None = None

    def to_check(self, left: str | None = None) -> bool:
        """True when the pairing won a near tie the drafter should check; with ``left``, when
        that base item is the one that won it (the first chosen, not one quoted besides)."""
        return self.rival is not None and (left is None or self.left[:1] == (left,))


@dataclass(frozen=True)
class Match:
    """A passage present in both documents (shared wording), with its two locations."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int
