"""The rows of a side-by-side report, in the reading order of the right document.

One row per right leaf with its left counterpart(s); a right leaf without any is a row
of its own (local or inserted content). A left leaf shown in no row (deleted, or not
taken up) slots in after the row of its nearest preceding left leaf that is shown,
so that a reader meets it where it stood in the base document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from core.model import Comparison, Document, Pair, PairKind, Section


@dataclass(frozen=True)
class Row:
    """One aligned part: right section (or None), its left counterparts, and their pairs."""

    right: Section | None
    left: tuple[Section, ...]
    pairs: tuple[Pair, ...]

    @property
    def kind(self) -> PairKind | None:
        """The closest relation among the row's pairs; None for a section unique to its side."""
        if not self.pairs:
            return None
        return min((p.kind for p in self.pairs), key=lambda kind: kind.rank)

    @property
    def score(self) -> float | None:
        """The best score among the row's pairs; None without pairs."""
        return max((p.score for p in self.pairs), default=None)


def rows(comparison: Comparison) -> list[Row]:
    """All rows of the report, in the right document's reading order."""
    left_doc = comparison.left
    paired_rows: list[Row] = []
    for leaf in comparison.right.leaves:
        pairs = sorted(comparison.pairs_of(leaf.id), key=lambda p: left_doc.by_id[p.left].start)
        left = tuple(left_doc.by_id[p.left] for p in pairs)
        paired_rows.append(Row(leaf, left, tuple(pairs)))

    # A left leaf is shown when it, or a section containing it, sits in some row.
    last_row_of: dict[str, int] = {}
    for index, row in enumerate(paired_rows):
        for section in row.left:
            last_row_of[section.id] = index

    def shown_in(leaf: Section) -> int | None:
        found = last_row_of.get(leaf.id)
        parent = leaf.parent
        while found is None and parent is not None:
            found = last_row_of.get(parent)
            parent = left_doc.by_id[parent].parent
        return found

    # Unshown left leaves, keyed by the row they follow (-1: before the first row).
    after: dict[int, list[Section]] = {}
    anchor = -1
    for leaf in left_doc.leaves:
        row_index = shown_in(leaf)
        if row_index is None:
            after.setdefault(anchor, []).append(leaf)
        else:
            anchor = row_index

    ordered = [Row(None, (leaf,), ()) for leaf in after.get(-1, ())]
    for index, row in enumerate(paired_rows):
        ordered.append(row)
        ordered.extend(Row(None, (leaf,), ()) for leaf in after.get(index, ()))
    return ordered


def with_headings(comparison: Comparison, ordered: Sequence[Row]) -> Iterator[tuple[Row, tuple[Section, ...]]]:
    """Each row with the right headings that open just before it, outermost first.

    Those are the ancestors of the row's right section that the previous row with a
    right section did not share; a left-only row opens none.
    """
    open_chain: list[Section] = []
    for row in ordered:
        if row.right is None:
            yield row, ()
            continue
        chain = _ancestors(comparison.right, row.right)
        common = 0
        for now, before in zip(chain, open_chain, strict=False):
            if now.id != before.id:
                break
            common += 1
        open_chain = chain
        yield row, tuple(chain[common:])


def _ancestors(document: Document, section: Section) -> list[Section]:
    """The sections containing ``section``, outermost first."""
    chain: list[Section] = []
    parent = section.parent
    while parent is not None:
        ancestor = document.by_id[parent]
        chain.append(ancestor)
        parent = ancestor.parent
    chain.reverse()
    return chain

