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
    starts = [leaf.start for leaf in doc.leaves]
    out = []
    for item in counted_items(doc):
        grade = section_grade(doc, item, grade_of, starts)
        if grade is not None:
            out.append((item, grade))
    return out


def section_grade(doc: Document, section: Section, grade_of: Mapping[str, CoverageGrade],
                  starts: list[int] | None = None) -> CoverageGrade | None:
    """The grade of a base section: its own as a leaf, else the strongest of its leaves'; None
    when none is graded. ``starts``: the starts of ``doc.leaves``, when already at hand."""
    if section.is_leaf:
        return grade_of.get(section.id)
    if starts is None:
        starts = [leaf.start for leaf in doc.leaves]
    inside = doc.leaves[bisect_left(starts, section.start) : bisect_left(starts, section.end)]
    found = [grade_of[leaf.id] for leaf in inside if leaf.id in grade_of]
    return min(found, key=_STRENGTH.__getitem__) if found else None
