"""The pair diffs of one comparison, each text diffed once.

A parent's diff is composed from its children's pair diffs where they are paired one to
one and in order, instead of diffing all the children's text a second time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from core.diff import NormOp, edit_kind, stretch_ops, to_display, whole
from core.document import Document, Section
from core.kinds import OpKind
from core.normalize import Normalized
from core.pairs import DiffOp


def _joined(pieces: Sequence[Sequence[NormOp]]) -> list[NormOp]:
    """Consecutive pieces' ops as one diff: adjacent equalities, and adjacent edits, become one op.

    The same grouping ``core.unit_diff.grouped`` gives a single diff, so where no edit crosses a
    piece's boundary the result is op for op what diffing the whole would give.
    """
    out: list[NormOp] = []
    for piece in pieces:
        for op in piece:
            if out and (out[-1][0] is OpKind.EQUAL) == (op[0] is OpKind.EQUAL):
                _, a, _, c, _ = out[-1]
                _, _, b, _, d = op
                kind = OpKind.EQUAL if op[0] is OpKind.EQUAL else edit_kind(b > a, d > c)
                out[-1] = (kind, a, b, c, d)
            else:
                out.append(op)
    return out


class PairDiffs:
    """The pair diffs of one comparison, each text diffed once.

    A parent section's text is mostly its children's. Where the children of a pair of
    parents are paired one-to-one and in the same order (by diffed pairs, see
    ``diff``), the parents' diff is their children's pair diffs joined with the diffs
    of the text between them (the parents' headings and any stretch outside a paired
    child), instead of a second diff of all the children's text. Otherwise the parents
    are diffed whole. The two agree except where the whole diff matched text across a
    child's boundary, e.g. a phrase moved from the end of one paired child to the start
    of the next; joined, each child keeps its own pair's diff.
    """

    def __init__(
        self,
        left_doc: Document,
        left_norm: Normalized,
        right_doc: Document,
        right_norm: Normalized,
        diffed: Iterable[tuple[str, str]],
    ) -> None:
        """``diffed``: the ``(left id, right id)`` of every pair that has a diff."""
        self.left_doc, self.left_norm = left_doc, left_norm
        self.right_doc, self.right_norm = right_doc, right_norm
        self._partners: dict[str, set[str]] = {}
        for left_id, right_id in diffed:
            self._partners.setdefault(left_id, set()).add(right_id)
            self._partners.setdefault(right_id, set()).add(left_id)
        self._ops: dict[tuple[str, str], list[NormOp]] = {}

    def diff(self, left_id: str, right_id: str) -> tuple[DiffOp, ...]:
        """The diff of sections ``left_id`` and ``right_id``, as ``diff_sections`` documents it."""
        ls, rs = self.left_doc.by_id[left_id], self.right_doc.by_id[right_id]
        left_span, right_span = (ls.start, ls.end), (rs.start, rs.end)
        left_range = self.left_norm.from_display(*left_span)
        right_range = self.right_norm.from_display(*right_span)
        left_text = self.left_norm.text[slice(*left_range)]
        right_text = self.right_norm.text[slice(*right_range)]
        if left_text == right_text or not left_text or not right_text:
            # diff_sections' own answer for these, spans taken whole
            return whole(left_span, right_span, equal=left_text == right_text)
        ops = self._pair_ops(ls, rs)
        return to_display(ops, self.left_norm, left_span, left_range, self.right_norm, right_span, right_range)

    def _paired_children(self, ls: Section, rs: Section) -> list[tuple[Section, Section]] | None:
        """The pairs of ``ls``'s and ``rs``'s children, in order, or None when the parents are diffed whole.

        None unless at least one child pair exists, no child has two partners among the
        other parent's children and the partners follow in the same order on both sides.
        Parents whose comparison-form texts are equal or empty are diffed whole too:
        that is as cheap, and exactly what ``diff_sections`` gives.
        """
        if ls.is_leaf or rs.is_leaf:
            return None
        left_by, right_by = self.left_doc.by_id, self.right_doc.by_id
        right_children = {c: right_by[c] for c in rs.children}
        pairs: list[tuple[Section, Section]] = []
        taken: set[str] = set()
        for child in sorted((left_by[c] for c in ls.children), key=lambda s: s.start):
            partners = [right_children[r] for r in self._partners.get(child.id, ()) if r in right_children]
            if len(partners) > 1:
                return None
            if partners:
                partner = partners[0]
                if partner.id in taken or sum(p in left_by and left_by[p].parent == ls.id
                                              for p in self._partners[partner.id]) > 1:
                    return None
                if pairs and partner.start < pairs[-1][1].end:
                    return None  # crossed: the whole diff may align them differently
                taken.add(partner.id)
                pairs.append((child, partner))
        if not pairs:
            return None
        lo_l, hi_l = self.left_norm.from_display(ls.start, ls.end)
        lo_r, hi_r = self.right_norm.from_display(rs.start, rs.end)
        left_text, right_text = self.left_norm.text[lo_l:hi_l], self.right_norm.text[lo_r:hi_r]
        if not left_text or not right_text or left_text == right_text:
            return None
        return pairs

    def _pair_ops(self, ls: Section, rs: Section) -> list[NormOp]:
        """Comparison-form ops of one pair of sections, composed where possible; memoized."""
        key = (ls.id, rs.id)
        ops = self._ops.get(key)
        if ops is None:
            left_range = self.left_norm.from_display(ls.start, ls.end)
            right_range = self.right_norm.from_display(rs.start, rs.end)
            children = self._paired_children(ls, rs)
            if children is None:
                ops = stretch_ops(self.left_norm, *left_range, self.right_norm, *right_range)
            else:
                ops = self._composed(left_range, right_range, children)
            self._ops[key] = ops
        return ops

    def _composed(
        self,
        left_range: tuple[int, int],
        right_range: tuple[int, int],
        children: Sequence[tuple[Section, Section]],
    ) -> list[NormOp]:
        """Ops of two parents: the children pairs' ops and the diffs of the text between them."""
        pieces: list[list[NormOp]] = []
        done_l, done_r = left_range[0], right_range[0]
        for lc, rc in children:
            lo_l, hi_l = self.left_norm.from_display(lc.start, lc.end)
            lo_r, hi_r = self.right_norm.from_display(rc.start, rc.end)
            pieces.append(stretch_ops(self.left_norm, done_l, lo_l, self.right_norm, done_r, lo_r,
                                       (bool(pieces), True)))
            pieces.append(self._pair_ops(lc, rc))
            done_l, done_r = hi_l, hi_r
        pieces.append(stretch_ops(self.left_norm, done_l, left_range[1], self.right_norm, done_r, right_range[1],
                                   (True, False)))
        return _joined(pieces)
