"""The rows of a side-by-side report, in the reading order of the right document.

One row per right leaf with its left counterpart(s); a right leaf without any is a row
of its own (local or inserted content). A section paired whole while none of its leaves
is paired on its own (an implementing article with its paragraphs and list points, which
``core.implementation_pairs`` pairs as one item) is one row in their place, as it is one
item to the drafter. A left leaf shown in no row (deleted, or not
taken up) slots in after the row of its nearest preceding left leaf that is shown,
so that a reader meets it where it stood in the base document.

A report that shows only the changes (``changes_only``) leaves out the rows with
nothing to review, and puts in the place of each stretch of them one :class:`Omitted`
line citing what it left out ("第三章至第五章"); right headings wholly unchanged
(``core.verdict``) inside that stretch are left out too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from core.document import Document, Section
from core.kinds import PairKind
from core.pairs import Pair
from core.result import Comparison
from core.verdict import UnchangedRun, run_of


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
    for section in row_sections(comparison):
        found = sorted(comparison.pairs_of(section.id), key=lambda p: left_doc.by_id[p.left].start)
        pairs = _innermost(left_doc, found)
        left = tuple(left_doc.by_id[p.left] for p in pairs)
        paired_rows.append(Row(section, left, tuple(pairs)))

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


def row_sections(comparison: Comparison) -> list[Section]:
    """The right sections the rows show, in reading order: each leaf, or in place of the leaves
    of a section paired whole (or an implementing item, ``Comparison.assignments``) none of whose
    sections below is paired, that section."""
    right = comparison.right
    paired = {pair.right for pair in comparison.pairs if pair.right in right.by_id}
    wholes = paired | {a.right for a in comparison.assignments}
    paired_below = {s.id for sid in paired for s in right.containing(sid)}  # sections holding a paired one
    out: list[Section] = []
    for leaf in right.leaves:
        unit = leaf
        if leaf.id not in paired:
            whole = next((s for s in reversed(right.containing(leaf.id)) if s.id in wholes), None)
            if whole is not None and whole.id not in paired_below:
                unit = whole
        if not out or out[-1].id != unit.id:
            out.append(unit)
    return out


def _innermost(left_doc: Document, pairs: list[Pair]) -> list[Pair]:
    """The pairs of one right leaf without those whose left section holds another one's.

    A revision pairs a heading kept across two outline shapes (``core.parents``) with the
    leaf that now holds it, besides that leaf's own paragraph: the row shows the paragraph,
    and the rest of the left section keeps rows of its own, as it would without the heading.
    """
    sections = [left_doc.by_id[p.left] for p in pairs]
    return [
        p for p, outer in zip(pairs, sections, strict=True)
        if not any(inner.id != outer.id and outer.start <= inner.start and inner.end <= outer.end for inner in sections)
    ]


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
        chain = list(comparison.right.containing(row.right.id))
        yield row, _opened(chain, open_chain)
        open_chain = chain


@dataclass(frozen=True)
class Omitted:
    """Consecutive rows a changes-only report leaves out, and the sections they show.

    ``right`` and ``left`` cite the sections of those rows as runs of unchanged siblings,
    lifted to the largest sections they fill (the rows of 第三章 to 第五章 are cited as
    "第三章至第五章", not item by item). ``hidden`` are the right headings inside the
    stretch, which the report does not write either.
    """

    rows: tuple[Row, ...]
    right: tuple[UnchangedRun, ...]
    left: tuple[UnchangedRun, ...]
    hidden: tuple[str, ...]

    @property
    def anchors(self) -> tuple[str, ...]:
        """Ids of the rows and headings left out: a link to any of them lands on this line."""
        return tuple(row.right.id for row in self.rows if row.right is not None) + self.hidden


# One line of a report's body: a row, or a stretch of rows left out.
Item = Row | Omitted


def changes_only(
    comparison: Comparison,
    ordered: Sequence[Row],
    unchanged: tuple[frozenset[str], frozenset[str]],
    left_out: Callable[[Row], bool],
) -> list[tuple[Item, tuple[Section, ...]]]:
    """The rows a changes-only report shows, each stretch of the others as one ``Omitted``.

    ``left_out`` decides which rows (with a right section) the report leaves out.
    ``unchanged`` holds the ids of the wholly unchanged sections of the left and the
    right document (``core.verdict.unchanged_sections``): a stretch is cited by the
    largest unchanged sections it fills, and an unchanged right heading opens only
    before a row that is shown. Each line comes with the right headings that open just
    before it, as in :func:`with_headings`.
    """
    right_unchanged = unchanged[1]
    out: list[tuple[Item, tuple[Section, ...]]] = []
    open_chain: list[Section] = []  # the right headings the report has written, outermost first
    stretch: list[Row] = []
    stretch_opens: tuple[Section, ...] = ()
    hidden: dict[str, None] = {}

    def close_stretch() -> None:
        nonlocal stretch, hidden
        if stretch:
            out.append((_omitted(comparison, stretch, unchanged, tuple(hidden)), stretch_opens))
        stretch, hidden = [], {}

    for row in ordered:
        if row.right is None:
            close_stretch()
            out.append((row, ()))
            continue
        omit = left_out(row)
        chain = list(comparison.right.containing(row.right.id))
        if omit:
            # Unchanged headings end the chain (a changed section has no unchanged parent).
            hidden.update((s.id, None) for s in chain if s.id in right_unchanged)
            chain = [s for s in chain if s.id not in right_unchanged]
        opens = _opened(chain, open_chain)
        open_chain = chain
        if not omit:
            close_stretch()
            out.append((row, opens))
            continue
        if opens or not stretch:
            close_stretch()
            stretch_opens = opens
        stretch.append(row)
    close_stretch()
    return out


def _opened(chain: list[Section], open_chain: list[Section]) -> tuple[Section, ...]:
    """The headings of ``chain`` that ``open_chain``, the ones written last, does not share."""
    common = 0
    for now, before in zip(chain, open_chain, strict=False):
        if now.id != before.id:
            break
        common += 1
    return tuple(chain[common:])


def _omitted(
    comparison: Comparison,
    stretch: list[Row],
    unchanged: tuple[frozenset[str], frozenset[str]],
    hidden: tuple[str, ...],
) -> Omitted:
    """A stretch of rows left out, with the sections they show on each side cited as runs."""
    left = {s.id: s for row in stretch for s in row.left}
    right = (row.right for row in stretch if row.right is not None)
    return Omitted(
        rows=tuple(stretch),
        right=_as_runs(comparison.right, "R", right, unchanged[1]),
        left=_as_runs(comparison.left, "L", left.values(), unchanged[0]),
        hidden=hidden,
    )


def _as_runs(
    document: Document, side: str, sections: Iterable[Section], unchanged: frozenset[str]
) -> tuple[UnchangedRun, ...]:
    """``sections`` as runs of siblings, each lifted to the largest unchanged section it fills."""
    covered = {s.id for s in sections}
    rising = list(covered)
    while rising:
        parent = document.by_id[rising.pop()].parent
        if parent is None or parent in covered or parent not in unchanged:
            continue
        if all(child in covered for child in document.by_id[parent].children):
            covered.add(parent)
            rising.append(parent)
    tops = sorted((document.by_id[sid] for sid in covered if not _below(document, sid, covered)),
                  key=lambda s: s.start)  # fmt: skip
    runs: list[UnchangedRun] = []
    group: list[Section] = []
    for section in tops:
        # Siblings join one run only when nothing but white space lies between them.
        if group and (section.parent != group[-1].parent or document.text[group[-1].end : section.start].strip()):
            runs.append(run_of(document, side, group))
            group = []
        group.append(section)
    if group:
        runs.append(run_of(document, side, group))
    return tuple(runs)


def _below(document: Document, section_id: str, ids: set[str]) -> bool:
    """True when a section containing the section ``section_id`` is in ``ids``."""
    parent = document.by_id[section_id].parent
    while parent is not None:
        if parent in ids:
            return True
        parent = document.by_id[parent].parent
    return False



