"""Moves: paired sections of a revision that stand elsewhere in the reading order.

A revision keeps most of its text in order; what a drafter moved shows as pairs that
break that order. The largest set of leaf pairs (by the length of their text) that
keeps the same order on both sides is taken to have stayed; every other one-to-one
leaf pair moved. A moved leaf is reported through the highest paired section whose
leaves all moved with it (a whole 节 rather than each of its paragraphs), so one move
is one entry, with where it stood and where it stands.

Only a revision has moves: an implementing document re-orders the base on purpose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.document import Document, Section
from core.kinds import PairKind
from core.pairs import Pair
from core.result import Move

_ONE_TO_ONE = (PairKind.SAME, PairKind.MODIFIED)


def moves(left: Document, right: Document, pairs: Sequence[Pair]) -> tuple[Move, ...]:
    """The moved units of a revision, in the right document's reading order."""
    leaf_pairs = _one_to_one_leaf_pairs(left, right, pairs)
    if len(leaf_pairs) < 2:
        return ()
    places = _Places(left), _Places(right)
    stayed = _heaviest_in_order(left, right, leaf_pairs, pairs, places)
    moved = {i for i in leaf_pairs if i not in stayed}
    if not moved:
        return ()
    pair_index = {(p.left, p.right): i for i, p in enumerate(pairs)}
    moved_leaves = {pairs[i].left for i in moved}
    units: dict[int, None] = {}  # insertion-ordered set of pair indexes
    for i in sorted(moved, key=lambda i: right.by_id[pairs[i].right].start):
        units[_unit(left, right, pairs[i], pair_index, moved_leaves)] = None
    return tuple(_move(left, right, pairs, i, places) for i in units)


def _one_to_one_leaf_pairs(left: Document, right: Document, pairs: Sequence[Pair]) -> list[int]:
    """Indexes of the leaf pairs in which each leaf takes part once (splits and merges
    are not moves), of a kind that says it is the same text."""
    leaf = [i for i, p in enumerate(pairs)
            if p.kind in _ONE_TO_ONE and left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf]
    lefts = Counter(pairs[i].left for i in leaf)
    rights = Counter(pairs[i].right for i in leaf)
    return [i for i in leaf if lefts[pairs[i].left] == 1 and rights[pairs[i].right] == 1]


def _heaviest_in_order(left: Document, right: Document, indexes: Sequence[int],
                       pairs: Sequence[Pair], places: tuple[_Places, _Places]) -> set[int]:
    """The pairs of the heaviest subsequence that is in order on both sides.

    A pair standing at the same place on both sides (第一章第六条 and 第一章第六条) weighs
    more than all the others together: what kept its number did not move, whatever moved
    around it (a law that took its 第四条 down past its 第六条 moved the 第四条, and saying
    its 第六条 moved 由第一章第六条移至第一章第六条 tells a drafter nothing). Among the
    rest, weighing by text length lets a long passage that stayed outweigh several short
    ones. Pairs are taken in left order; a Fenwick tree over right ranks keeps the
    heaviest chain ending below each rank, so the search is O(n log n) on long laws.
    """
    placed = sorted(
        ((i, left.by_id[pairs[i].left], right.by_id[pairs[i].right]) for i in indexes),
        key=lambda item: item[1].start,
    )
    lengths = [max(1, ls.end - ls.start) for _, ls, _ in placed]
    kept_place = sum(lengths) + 1
    weights = [length + (kept_place if places[0].of(ls) == places[1].of(rs) else 0)
               for length, (_, ls, rs) in zip(lengths, placed, strict=True)]
    ranks = {start: rank for rank, start in enumerate(sorted({rs.start for _, _, rs in placed}), start=1)}
    tree: list[tuple[int, int]] = [(0, -1)] * (len(ranks) + 1)
    chains: list[tuple[int, int]] = []  # per position in ``placed``: (chain weight, previous position)
    for position, (_, _ls, rs) in enumerate(placed):
        rank = ranks[rs.start]
        below = _prefix_max(tree, rank - 1)
        chains.append((below[0] + weights[position], below[1]))
        _raise(tree, rank, (chains[-1][0], position))
    position = max(range(len(placed)), key=lambda p: (chains[p][0], -p))
    stayed: set[int] = set()
    while position >= 0:
        stayed.add(placed[position][0])
        position = chains[position][1]
    return stayed


def _prefix_max(tree: list[tuple[int, int]], rank: int) -> tuple[int, int]:
    found = (0, -1)
    while rank > 0:
        if tree[rank][0] > found[0]:
            found = tree[rank]
        rank -= rank & -rank
    return found


def _raise(tree: list[tuple[int, int]], rank: int, value: tuple[int, int]) -> None:
    while rank < len(tree):
        if value[0] > tree[rank][0]:
            tree[rank] = value
        rank += rank & -rank


def _leaves_under(doc: Document, section: Section) -> list[str]:
    return [s.id for s in doc.leaves if section.start <= s.start and s.end <= section.end]


def _unit(left: Document, right: Document, pair: Pair, pair_index: dict[tuple[str, str], int],
          moved_leaves: set[str]) -> int:
    """The pair of the highest sections that moved as a whole with this leaf pair."""
    ls, rs = left.by_id[pair.left], right.by_id[pair.right]
    while ls.parent and rs.parent:
        lp, rp = left.by_id[ls.parent], right.by_id[rs.parent]
        if (lp.id, rp.id) not in pair_index or not set(_leaves_under(left, lp)) <= moved_leaves:
            break
        ls, rs = lp, rp
    return pair_index[(ls.id, rs.id)]


class _Places:
    """Where each section of a document stands, as a drafter cites it: 第二章第三节, 第二章第三节第2段."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._index = {child: index for section in doc.sections for index, child in enumerate(section.children)}

    def of(self, section: Section) -> str:
        """The place of ``section``: the numbers of it and its parents, or its paragraph's rank."""
        parts: list[str] = []
        current: Section | None = section
        while current is not None:
            parent = self._doc.by_id[current.parent] if current.parent else None
            if current.number:
                parts.append(current.number)
            elif parent is not None:
                parts.append(f"第{self._index[current.id] + 1}段")
            current = parent
        return "".join(reversed(parts)) or section.label


def _move(left: Document, right: Document, pairs: Sequence[Pair], index: int, places: tuple[_Places, _Places]) -> Move:
    p = pairs[index]
    return Move(index, p.left, p.right, places[0].of(left.by_id[p.left]), places[1].of(right.by_id[p.right]))
