"""The base document's items with the grade each was taken up with, counted as a drafter counts them.

Coverage grades are kept per leaf, the way the window highlights and the JSON lists them, but a
drafter counts a law by its articles: 邮政法 has 87 articles and 147 paragraphs and list points.
An item here is what the implementing pairs are made of (``core.implementation_pairs.items_of``:
an article whole with its paragraphs and points, a numbered item, a lead paragraph), and its
grade is the strongest of its leaves' (the engine grades the leaves of one item alike; grades
read from pairs alone may differ).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from core.document import Document, Section
from core.implementation_pairs import items_of
from core.kinds import CoverageGrade

_STRENGTH = {grade: rank for rank, grade in enumerate(CoverageGrade)}  # 照搬 first, 未见落实 last


def counted_items(doc: Document) -> list[Section]:
    """The items of a document a drafter counts (``items_of``), its title block left out."""
    return [item for item in items_of(doc) if item.role != "preamble"]


def graded_items(doc: Document, grade_of: Mapping[str, CoverageGrade]) -> list[tuple[Section, CoverageGrade]]:
    """Each item of the base document (``counted_items``), in order, with the strongest grade of
    its leaves; an item with no graded leaf is left out."""
    leaves = doc.leaves
    starts = [leaf.start for leaf in leaves]
    out = []
    for item in counted_items(doc):
        inside = leaves[bisect_left(starts, item.start) : bisect_left(starts, item.end)] if not item.is_leaf else [item]
        found = [grade_of[leaf.id] for leaf in inside if leaf.id in grade_of]
        if found:
            out.append((item, min(found, key=_STRENGTH.__getitem__)))
    return out
