"""Statistics, coverage and the navigation order of a comparison (the JSON writer is
``core.export.json_report``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.document import Document
from core.kinds import CoverageGrade, PairKind
from core.normalize import Normalized
from core.pairs import Pair
from core.result import Change, Coverage, Stats
from core.shared import presence


def _best_kinds(pairs: Sequence[Pair], side: str) -> dict[str, PairKind]:
    best: dict[str, PairKind] = {}
    for p in pairs:
        sid = p.left if side == "left" else p.right
        if sid not in best or p.kind.rank < best[sid].rank:
            best[sid] = p.kind
    return best


def coverage(left: Document, right: Document, pairs: Sequence[Pair],
             grades: tuple[tuple[str, CoverageGrade], ...] = (),
             units: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {})) -> Coverage:
    """The best counterpart kind of every leaf on both sides (None: unpaired), and the
    coverage grade of every left leaf (as the aligner found it).

    ``units`` (implementation) maps leaves to the items paired whole: a leaf takes its
    item's kind, and the right leaves of items with no counterpart are ``local``."""
    best_left = _best_kinds(pairs, "left")
    best_right = _best_kinds(pairs, "right")

    def kind(best: dict[str, PairKind], unit_of: Mapping[str, str], leaf: str) -> PairKind | None:
        return best.get(leaf) or best.get(unit_of.get(leaf, ""))

    right_kinds = tuple((s.id, kind(best_right, units[1], s.id)) for s in right.leaves)
    return Coverage(
        left=tuple((s.id, kind(best_left, units[0], s.id)) for s in left.leaves),
        right=right_kinds,
        grades=grades,
        # A title block is never local content, whatever the aligner made of it.
        local=tuple(sid for sid, found in right_kinds
                    if found is None and sid in units[1] and right.by_id[sid].role != "preamble"),
    )


def shared_ratio(norm: Normalized, other: Normalized, min_len: int) -> float:
    """Share of ``norm``'s characters lying in a passage of ``min_len`` or more also in ``other``."""
    # Passages never cross a line, so line breaks are never marked and only need leaving out
    # of the denominator.
    countable = len(norm.text) - norm.text.count("\n")
    return round(sum(presence(norm.text, other.text, min_len)) / countable, 4) if countable else 0.0


def statistics(left: Document, right: Document, pairs: Sequence[Pair], cov: Coverage,
               shared: tuple[float, float]) -> Stats:
    """Overall figures: the shared ratios of both sides (``shared_ratio``), leaf coverage
    (as computed by ``coverage``) and pair counts."""
    left_paired = sum(1 for _, kind in cov.left if kind is not None)
    right_paired = sum(1 for _, kind in cov.right if kind is not None)
    leaf_pairs = [p for p in pairs if left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf]
    counts = tuple((kind, sum(1 for p in leaf_pairs if p.kind is kind)) for kind in PairKind)
    return Stats(
        left_shared=shared[0],
        right_shared=shared[1],
        left_leaves_covered=round(left_paired / len(cov.left), 4) if cov.left else 0.0,
        right_leaves_local=round(1 - right_paired / len(cov.right), 4) if cov.right else 0.0,
        pair_counts=counts,
        left_unpaired=len(cov.left) - left_paired,
        right_unpaired=len(cov.right) - right_paired,
    )


def changes(left: Document, right: Document, pairs: Sequence[Pair],
            moved: Sequence[int] = ()) -> tuple[Change, ...]:
    """Navigation stops in the right document's reading order.

    Modified and related leaf pairs and right-only leaves follow the right side;
    each left-only leaf comes right after the stop of its nearest preceding left
    leaf that has a counterpart. A moved section (``moved``: indexes of its pair)
    is one stop, just before its first leaf.
    """
    moved_at: dict[str, int] = {}  # first right leaf of a moved section -> the section's pair
    for i in moved:
        section = right.by_id[pairs[i].right]
        first = next(leaf for leaf in right.leaves if leaf.start >= section.start)
        moved_at[first.id] = i
    leaf_pairs = [
        (i, p) for i, p in enumerate(pairs)
        if left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf
    ]
    by_right: dict[str, list[int]] = {}
    for i, p in leaf_pairs:
        by_right.setdefault(p.right, []).append(i)
    paired_left = {p.left for _, p in leaf_pairs}
    left_after: dict[str, list[str]] = {}  # paired left leaf -> left-only leaves that follow it
    anchor: str | None = None
    for leaf in left.leaves:
        if leaf.id in paired_left:
            anchor = leaf.id
        else:
            left_after.setdefault(anchor or "", []).append(leaf.id)

    out: list[Change] = [Change(sid, None, None) for sid in left_after.get("", [])]
    placed: set[str] = set()
    for leaf in right.leaves:
        if leaf.id in moved_at:
            i = moved_at[leaf.id]
            out.append(Change(pairs[i].left, pairs[i].right, i))
        indices = by_right.get(leaf.id)
        if not indices:
            out.append(Change(None, leaf.id, None))
            continue
        for i in indices:
            p = pairs[i]
            if p.kind is not PairKind.SAME and i not in moved_at.values():
                out.append(Change(p.left, p.right, i))
            if p.left not in placed:
                placed.add(p.left)
                out.extend(Change(sid, None, None) for sid in left_after.get(p.left, []))
    return tuple(out)
