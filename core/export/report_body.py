"""The lines of a report's body: every row, or only the changes with a line for what is left out.

Shown "changes only", the reports leave out the rows with nothing to review and cite
what they left out where it stood: for a revision the wholly unchanged items
("第三章至第五章 未修改"); for an implementation, whose items are expected to differ
from the base, the items graded 照搬 (the base item's wording carried over nearly
whole) that carry no finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.document import Section
from core.export.report_wording import Wording
from core.export.row_notes import RowNotes
from core.export.rows import Item, Omitted, Row, changes_only, with_headings
from core.kinds import Relation
from core.result import Comparison
from core.verdict import unchanged_sections


def body_items(
    comparison: Comparison, ordered: Sequence[Row], notes: RowNotes, shown_only_changes: bool
) -> list[tuple[Item, tuple[Section, ...]]]:
    """The lines of a report's body, each with the right headings opening before it.

    Every row; or, for a report of the changes only, the rows with something to review
    and one ``Omitted`` line for each stretch of the others.
    """
    if not shown_only_changes:
        return list(with_headings(comparison, ordered))
    left, right = unchanged = (unchanged_sections(comparison, "L"), unchanged_sections(comparison, "R"))

    def left_out(row: Row) -> bool:
        if not notes.unremarkable(row):
            return False
        # An implementation's items are re-worded by nature: 照搬 (unremarkable) is enough.
        # A revision's must be unchanged on both sides, as the window folds them.
        return comparison.relation.relation is Relation.IMPLEMENTATION or (
            row.right is not None and row.right.id in right and all(s.id in left for s in row.left))

    return changes_only(comparison, ordered, unchanged, left_out)


def omitted_line(words: Wording, block: Omitted) -> str:
    """The line standing for a stretch of rows left out: "第三章至第五章 未修改（略去 12 条）".

    Cited by the right document's numbering; the left's follows when it differs (items
    renumbered by an insertion further up are unchanged all the same).
    """
    right = "、".join(run.place + run.label for run in block.right)
    left = "、".join(run.place + run.label for run in block.left)
    said = "未修改" if words.relation is Relation.REVISION else "照搬上级文件"
    extra = [f"{words.left_side}{left}"] if left != right else []
    extra.append(f"略去 {len(block.rows)} 条")
    return f"{right} {said}（{'；'.join(extra)}）"
