"""Implementing documents paired item by item: every item of the implementing document with
the base item(s) it carries out (``core.implement``), the drafter's corrections applied."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace

from core import patterns
from core.document import Document, Section
from core.implement import Item, Wording, assign
from core.implement import grades as implement_grades
from core.kinds import CoverageGrade, PairKind
from core.options import Correction
from core.outline import is_formality
from core.pairs import Assignment
from core.shared import Run
from core.wording import ROW, AlignedPair, Side, leaf_candidates, wording_of

_ARTICLE = patterns.compiled(r"第[一二三四五六七八九十百千零〇两\d]+[条條]")


def items_of(doc: Document) -> list[Section]:
    """The units an implementing document is paired by, as a drafter cites them: numbered
    leaves; a numbered item whose body is unnumbered paragraphs, whole, but a box's table
    row by row (a row is an item, as a drafter cites 专栏1's 城镇化率); an article (第X条)
    whole with its paragraphs and enumerated points; unnumbered paragraphs elsewhere,
    except the lines that address or sign the document (``core.outline.is_formality``)."""
    out: dict[str, Section] = {}
    for leaf in doc.leaves:
        if not leaf.number and is_formality(doc.text[leaf.start : leaf.end]):
            continue
        unit = leaf
        parent = doc.by_id[leaf.parent] if leaf.parent else None
        if leaf.role != ROW and not leaf.number and parent is not None and parent.number and not any(
            doc.by_id[child].number for child in parent.children
        ):
            unit = parent
        current = unit
        while current.parent is not None:
            current = doc.by_id[current.parent]
            if _ARTICLE.match(current.number):
                unit = current
        out.setdefault(unit.id, unit)
    return list(out.values())


def unit_map(doc: Document, items: Sequence[Section]) -> dict[str, str]:
    """Section id -> id of the item of ``items`` (``items_of``) holding it, for every section
    (leaf or not) inside an item; sign-off lines have none."""
    starts = [section.start for section in doc.sections]
    out: dict[str, str] = {}
    for item in items:
        for section in doc.sections[bisect_left(starts, item.start) : bisect_left(starts, item.end)]:
            out[section.id] = item.id
    return out


def _leaves_of(doc: Document, holders: Mapping[str, str]) -> dict[str, str]:
    """Leaf id -> id of the item holding it: ``holders`` (``unit_map``) for the leaves only."""
    return {leaf.id: holders[leaf.id] for leaf in doc.leaves if leaf.id in holders}


def implementation_leaf_pairs(
    left: Side, right: Side, runs: Sequence[Run], corrections: Sequence[Correction]
) -> tuple[list[AlignedPair], tuple[Assignment, ...], tuple[tuple[str, CoverageGrade], ...],
           tuple[dict[str, str], dict[str, str]]]:
    """Leaf pairs of an implementing document: every right leaf with the base leaves it
    carries out (``core.implement``), corrections by hand applied."""
    sections = items_of(left.doc), items_of(right.doc)
    # Wording is gathered by every section inside an item, not by its leaves only: an article's
    # first paragraph stands on its heading line and belongs to the article, not to a leaf.
    holders = unit_map(left.doc, sections[0]), unit_map(right.doc, sections[1])
    units = _leaves_of(left.doc, holders[0]), _leaves_of(right.doc, holders[1])
    wording = wording_of(leaf_candidates(left, right, runs, holders), left.norm.text)
    left_items, right_items = ([Item(s.id, side.content(s.id), s.parent, bool(s.number), s.number.strip())
                                for s in found]
                               for side, found in zip((left, right), sections, strict=True))
    found = assign(left_items, right_items, wording)
    rows = {s.id for side in (left, right) for s in side.doc.leaves if s.role == ROW}
    assignments = _corrected(_rows_by_wording(found.assignments, wording, rows), {s.id for s in sections[0]},
                             left.doc, right.doc, corrections)
    subject = found.subject
    touched = {lid: rid for lid, rid in found.touched.items() if _row_link_holds(lid, rid, wording, rows)}
    pairs: dict[tuple[str, str], AlignedPair] = {}
    carried = {lid for a in assignments for lid in a.left}
    links = [(lid, a.right) for a in assignments for lid in a.left]
    links += [(lid, rid) for lid, rid in touched.items() if lid not in carried]
    for lid, rid in links:
        shared = wording.get((lid, rid))
        if left.content(lid).strip() == right.content(rid).strip():
            pairs[(lid, rid)] = AlignedPair(lid, rid, PairKind.SAME, 1.0)
        elif shared is not None and shared.acceptable:
            dice = (shared.left_shared + shared.right_shared) / (left.size(lid) + right.size(rid))
            pairs[(lid, rid)] = AlignedPair(lid, rid, PairKind.MODIFIED, round(min(1.0, dice), 4))
        else:
            pairs[(lid, rid)] = AlignedPair(lid, rid, PairKind.RELATED, subject.get((lid, rid), 0.0))
    unit_grades = dict(implement_grades([item.id for item in left_items], assignments, touched, wording))
    grades = tuple((leaf.id, unit_grades[units[0][leaf.id]]) for leaf in left.doc.leaves if leaf.id in units[0])
    return list(pairs.values()), assignments, grades, units


def _row_link_holds(lid: str, rid: str, wording: Mapping[tuple[str, str], Wording], rows: set[str]) -> bool:
    """Whether a link between two items stands: one involving a table row needs shared wording.

    A row is the same row carried over or edited, or it is new (本地新增) or not taken up
    (未见落实); rows of one table share their subject (指标, 约束性 ...), so a subject match
    would tie every new indicator to some old one and hide that it is new.
    """
    if lid not in rows and rid not in rows:
        return True
    shared = wording.get((lid, rid))
    return shared is not None and shared.acceptable


def _rows_by_wording(assignments: Sequence[Assignment], wording: Mapping[tuple[str, str], Wording],
                     rows: set[str]) -> tuple[Assignment, ...]:
    """Assignments without the subject-only links of table rows (``_row_link_holds``)."""
    out = []
    for a in assignments:
        kept = tuple(lid for lid in a.left if _row_link_holds(lid, a.right, wording, rows))
        # The rival was a rival of the first base item: with that link gone it is none.
        out.append(a if kept == a.left else replace(a, left=kept, rival=a.rival if kept[:1] == a.left[:1] else None))
    return tuple(out)


def _corrected(assignments: Sequence[Assignment], left_items: set[str], left: Document, right: Document,
               corrections: Sequence[Correction]) -> tuple[Assignment, ...]:
    """Assignments with the drafter's corrections in place of the found pairings.

    A correction names an implementing item and a base item (``items_of``: an article whole,
    with its paragraphs and points), and applies only while both still bear the labels it
    was made on.
    """
    rights = {a.right for a in assignments}
    fixed: dict[str, Correction] = {}
    for c in corrections:
        target = right.by_id.get(c.right)
        base = left.by_id.get(c.left) if c.left else None
        if target is None or target.label != c.right_label or c.right not in rights:
            continue
        if c.left and (base is None or base.label != c.left_label or c.left not in left_items):
            continue
        fixed[c.right] = c
    return tuple(
        replace(a, left=(fixed[a.right].left,) if fixed[a.right].left else (), by_hand=True,  # type: ignore[arg-type]
                rival=None)
        if a.right in fixed else a
        for a in assignments
    )
