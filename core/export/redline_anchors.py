"""The anchors of the redline: paired leaves taken whole from their pair's own diff.

An anchor is a paired leaf (same or modified, outside every move) of the heaviest chain
standing in the same order on both sides. Each brings its pair's own diff, so the
redline marks exactly what the window and the reports mark. A leaf that holds a heading
kept across outline shapes (a section that lost or gained a paragraph: the heading heads
a leaf on one side and a parent on the other, and ``Comparison.pairs`` pairs the two)
leaves its heading line to the stretch before it, where it meets the parent's heading
line and is kept, as the window shows it; its paragraph's diff has the heading on one
side only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.document import Section
from core.export.redline_pieces import tiles
from core.kinds import OpKind
from core.pairs import DiffOp, Pair
from core.result import Comparison

if TYPE_CHECKING:
    from core.export.redline_moves import Moves


def anchor_chain(comparison: Comparison, moves: Moves) -> list[tuple[Pair, Section, Section]]:
    """The paired leaves the redline takes whole from their pair's diff, in document order.

    Of the same/modified leaf pairs outside every move, the chain in the same order on
    both sides that keeps the most equal text (a heaviest increasing subsequence, found
    with a Fenwick tree of prefix maxima over the right starts).
    """
    candidates: list[tuple[Pair, Section, Section, int]] = []
    for pair in comparison.pairs:
        left, right = comparison.left.by_id[pair.left], comparison.right.by_id[pair.right]
        if not (left.is_leaf and right.is_leaf and tiles(pair.diff, left, right)):
            continue
        if moves.left.overlaps((left.start, left.end)) or moves.right.overlaps((right.start, right.end)):
            continue
        weight = sum(op.right_end - op.right_start for op in pair.diff if op.op is OpKind.EQUAL)
        if weight:
            candidates.append((pair, left, right, weight))
    # by left start; one left leaf's pairs by falling right start, so no two of them chain
    candidates.sort(key=lambda c: (c[1].start, -c[2].start))
    rank = {start: n for n, start in enumerate(sorted({c[2].start for c in candidates}), 1)}
    tree = [(0, -1)] * (len(rank) + 1)  # (best total weight, its last candidate) over right ranks
    previous = [-1] * len(candidates)
    totals = [0] * len(candidates)
    for k, (_, _, right, weight) in enumerate(candidates):
        best, i = (0, -1), rank[right.start] - 1
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        totals[k], previous[k] = best[0] + weight, best[1]
        i = rank[right.start]
        while i < len(tree):
            tree[i] = max(tree[i], (totals[k], k))
            i += i & -i
    chain: list[tuple[Pair, Section, Section]] = []
    k = max(range(len(candidates)), key=lambda n: (totals[n], n), default=-1)
    while k >= 0:
        chain.append(candidates[k][:3])
        k = previous[k]
    return chain[::-1]


def shape_heads(comparison: Comparison) -> tuple[set[str], set[str]]:
    """Ids of the left and of the right leaves whose heading a parent of the other side shares.

    A revision pairs a parent with a leaf headed by the same line when the section lost
    or gained paragraphs (``core.parents``): the pair of a parent with a leaf, as no other
    stage makes one. The leaf is a heading of its own line with its one paragraph.
    """
    left_ids: set[str] = set()
    right_ids: set[str] = set()
    for pair in comparison.pairs:
        left, right = comparison.left.by_id[pair.left], comparison.right.by_id[pair.right]
        if left.is_leaf == right.is_leaf:
            continue
        leaf, ids = (right, right_ids) if right.is_leaf else (left, left_ids)
        if leaf.is_headed_leaf:
            ids.add(leaf.id)
    return left_ids, right_ids


def past_kept_heading(
    comparison: Comparison, ops: Sequence[DiffOp], left: Section, right: Section, heads: tuple[set[str], set[str]]
) -> Sequence[DiffOp]:
    """An anchor's ops, less those of a kept heading line its leaf holds on one side only.

    The paragraph's pair has the heading line of ``left`` (or ``right``) on that side
    only, so its diff deletes (inserts) the line; the heading's own pair, of a parent with
    the leaf, keeps it. Cut at the first op boundary past the heading line, the line goes
    to the stretch before the anchor, which holds the parent's heading line on the other
    side and is diffed line by line. Ops are cut at their boundaries only, so what
    remains still tiles the rest of both sections; a diff that already keeps the line
    is left whole.
    """
    if left.id in heads[0]:
        text, section, side = comparison.left.text, left, 0
    elif right.id in heads[1]:
        text, section, side = comparison.right.text, right, 1
    else:
        return ops
    line_end = text.find("\n", section.heading_end, section.end)
    target = line_end + 1 if line_end >= 0 and not text[section.heading_end : line_end].strip() else section.heading_end
    starts = [op.right_start if side else op.left_start for op in ops]
    cut = next((i for i, start in enumerate(starts) if start >= target), len(ops))
    if all(op.op is OpKind.EQUAL for op in ops[:cut]):
        return ops
    return ops[cut:]
