"""Parents (篇/章/节 and numbered headings) paired where their children are.

After the leaves, a parent pairs with the parent on the other side holding most of its
paired leaves; in a revision, a heading that kept its line while its section lost or
gained paragraphs is paired across its two outline shapes (``heading_pairs``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from core.document import Document, Section
from core.intervals import union_length
from core.kinds import PairKind
from core.lines import number_scheme
from core.shared import Run
from core.tuning import TUNING
from core.wording import HEADING, ITEM, PREAMBLE, AlignedPair, Side


def _leaf_counts(doc: Document) -> dict[str, int]:
    """Number of leaves under each section (1 for a leaf)."""
    out: dict[str, int] = {}
    for section in reversed(doc.sections):
        out[section.id] = sum(out[child] for child in section.children) if section.children else 1
    return out


def parent_pairs(left: Side, right: Side, leaf_pairs: list[AlignedPair]) -> list[tuple[str, str]]:
    """Parent sections paired where their children are (both ways, mutual affinity)."""
    weight: dict[tuple[str, str], float] = defaultdict(float)
    for p in leaf_pairs:
        w = 1.0 if p.kind is not PairKind.RELATED else 0.5
        weight[(p.left, p.right)] += w
    ancestors_left = left.doc.ancestors
    ancestors_right = right.doc.ancestors
    mass: dict[tuple[str, str], float] = defaultdict(float)
    mass_left: dict[str, float] = defaultdict(float)
    mass_right: dict[str, float] = defaultdict(float)
    for (a, b), w in weight.items():
        for pa in (a, *ancestors_left[a]):
            mass_left[pa] += w
            for pb in (b, *ancestors_right[b]):
                if pa == a and pb == b:
                    continue
                mass[(pa, pb)] += w
        for pb in ancestors_right[b]:
            mass_right[pb] += w
        mass_right[b] += w
    leaves_left, leaves_right = _leaf_counts(left.doc), _leaf_counts(right.doc)
    best_left: dict[str, tuple[float, str]] = {}
    best_right: dict[str, tuple[float, str]] = {}
    schemes = _parent_schemes(left.doc), _parent_schemes(right.doc)
    for (pa, pb), m in mass.items():
        if left.doc.by_id[pa].is_leaf or right.doc.by_id[pb].is_leaf:
            continue
        both = {schemes[0][pa], schemes[1][pb]}
        if "article" in both and both & _DIVISIONS:
            continue
        # Affinity: the pairing weight shared, against the weight and size of both subtrees.
        weight_left = max(mass_left[pa], leaves_left[pa] * 0.5)
        weight_right = max(mass_right[pb], leaves_right[pb] * 0.5)
        affinity = m / math.sqrt(weight_left * weight_right)
        if affinity > best_left.get(pa, (0.0, ""))[0]:
            best_left[pa] = (affinity, pb)
        if affinity > best_right.get(pb, (0.0, ""))[0]:
            best_right[pb] = (affinity, pa)
    out = {(pa, pb) for pa, (affinity, pb) in best_left.items() if affinity >= TUNING.related.parent_affinity}
    out |= {(pa, pb) for pb, (affinity, pa) in best_right.items() if affinity >= TUNING.related.parent_affinity}
    return sorted(out, key=lambda p: (left.doc.by_id[p[0]].start, right.doc.by_id[p[1]].start))


# A division of a text (第一章, 第二节, 第三编) and an article (第五条) are never counterparts as
# parents: the articles of a chapter can all be carried out by one article of a measure without
# chapters, which is still no counterpart of the chapter.
_DIVISIONS = frozenset({"part", "chapter", "section"})


def _parent_schemes(doc: Document) -> dict[str, str | None]:
    """The numbering scheme of each parent section (``core.lines.number_scheme``), read once."""
    return {section.id: number_scheme(section.number) for section in doc.sections if not section.is_leaf}


def _heading_line(side: Side, section: Section) -> str:
    """Comparison form of a section's heading line, its number left out."""
    a, b = side.norm.from_display(section.number_end, section.heading_end)
    return side.norm.text[a:b]


def heading_pairs(left: Side, right: Side, leaf_pairs: Sequence[AlignedPair]) -> list[tuple[str, str]]:
    """A revision's sections whose heading stayed while their outline shape changed.

    The outline keeps a heading with one paragraph as one leaf and makes a heading with
    more paragraphs a parent of paragraph leaves. When a revision drops a section's
    second paragraph (or adds one), the same heading is a parent on one side and the
    head of a leaf on the other: its paragraph pairs with the leaf, and the parent,
    having no parent to pair with, would leave its heading marked deleted on one side
    and inserted on the other. A parent is paired with such a leaf when one of its own
    paragraphs (a child) is the leaf's same or modified counterpart and both heading
    lines are the same, number aside: then the leaf is that section, revised.

    An article's heading line is its first paragraph (第二十九条 县级人民政府……应急演练。), which
    a revision edits like any other: its first lines count as the same heading when they have
    the share of common characters of a modified pair. 突发事件应对法 (2007) 第二十九条, three paragraphs,
    is 2024's 第四十二条, two paragraphs, with 面向社会公众的 inserted in the first; without this
    it was left unpaired, marked deleted.

    A document's opening lines (its preamble: title, issuer, number, addressee) behave the
    same way: with a paragraph among them they are a parent, without (the notice's one
    sentence deleted) one leaf. The parent pairs with the leaf when one of its paragraphs
    pairs with it and the leaf begins with the parent's own lines.
    """
    out: set[tuple[str, str]] = set()
    for p in leaf_pairs:
        if p.kind is PairKind.RELATED:
            continue  # a subject match says nothing about where a paragraph stood
        ls, rs = left.doc.by_id[p.left], right.doc.by_id[p.right]
        if _shaped_leaf(rs) and ls.parent is not None:
            parent = left.doc.by_id[ls.parent]
            if parent.role in _NUMBERED and _same_heading(left, parent, right, rs):
                out.add((parent.id, rs.id))
        if _shaped_leaf(ls) and rs.parent is not None:
            parent = right.doc.by_id[rs.parent]
            if parent.role in _NUMBERED and _same_heading(left, ls, right, parent):
                out.add((ls.id, parent.id))
        if rs.is_leaf and rs.role == PREAMBLE and ls.parent is not None:
            parent = left.doc.by_id[ls.parent]
            if parent.role == PREAMBLE and _opens(right, rs, _own_lines(left, parent)):
                out.add((parent.id, rs.id))
        if ls.is_leaf and ls.role == PREAMBLE and rs.parent is not None:
            parent = right.doc.by_id[rs.parent]
            if parent.role == PREAMBLE and _opens(left, ls, _own_lines(right, parent)):
                out.add((ls.id, parent.id))
    return sorted(out, key=lambda p: (left.doc.by_id[p[0]].start, right.doc.by_id[p[1]].start))


_NUMBERED = (HEADING, ITEM)


def _shaped_leaf(section: Section) -> bool:
    """A numbered heading or item kept with its one paragraph as a leaf (``is_headed_leaf``,
    or an item whose first sentence runs on into more text)."""
    return section.is_leaf and section.role in _NUMBERED and section.heading_end < section.end


def _same_heading(left: Side, a: Section, right: Side, b: Section) -> bool:
    """Whether two sections' heading lines are the same, number aside, or their first lines are
    sentences with the share of common characters of a modified pair (an article's first
    paragraph, revised). Lines are short: compared character by character, wherever else
    their passages recur."""
    if _heading_line(left, a) == _heading_line(right, b):
        return True
    first_left, first_right = _first_line(left, a), _first_line(right, b)
    if not (_is_sentence(first_left) and _is_sentence(first_right)):
        return False  # a title renamed (总体要求 → 总体目标) is a change, not the same heading
    matcher = SequenceMatcher(None, first_left, first_right, autojunk=False)
    return matcher.ratio() >= TUNING.wording.modified_dice


_SENTENCE_ENDS = ("。", "！", "？", "；")


def _is_sentence(line: str) -> bool:
    """Whether a first line is a sentence (a paragraph, ending in 。), not a title."""
    return line.rstrip().endswith(_SENTENCE_ENDS)


def _first_line(side: Side, section: Section) -> str:
    """Comparison form of a section's first line, its number left out."""
    end = side.doc.text.find("\n", section.number_end, section.end)
    a, b = side.norm.from_display(section.number_end, section.end if end < 0 else end)
    return side.norm.text[a:b]


def first_paragraph_pairs(left: Side, right: Side, headings: Sequence[tuple[str, str]]) -> list[AlignedPair]:
    """For each section found across outline shapes (``heading_pairs``) whose parent side opens
    with a paragraph on its number's line (an article's first paragraph), that paragraph with
    the leaf: it is the leaf's first line, revised, though its passages may recur elsewhere
    and be found there by wording."""
    out = []
    for a, b in headings:
        parent_side, parent_id, leaf_side, leaf_id = (
            (left, a, right, b) if right.doc.by_id[b].is_leaf else (right, b, left, a))
        parent = parent_side.doc.by_id[parent_id]
        first = parent_side.doc.by_id[parent.children[0]] if parent.children else None
        if first is None or first.number or first.start != parent.heading_end:
            continue
        own = parent_side.content(first.id).strip()
        matcher = SequenceMatcher(None, own, _first_line(leaf_side, leaf_side.doc.by_id[leaf_id]), autojunk=False)
        score = round(matcher.ratio(), 4)
        pair = (first.id, leaf_id) if parent_side is left else (leaf_id, first.id)
        out.append(AlignedPair(*pair, PairKind.SAME if score == 1.0 else PairKind.MODIFIED, score))
    return out


def _own_lines(side: Side, section: Section) -> str:
    """Comparison form of a parent's own lines, before its first child."""
    first = side.doc.by_id[section.children[0]]
    a, b = side.norm.from_display(section.number_end, first.start)
    return side.norm.text[a:b].strip()


def _opens(side: Side, section: Section, text: str) -> bool:
    """Whether ``section`` begins with ``text`` (nothing: no)."""
    return bool(text) and side.content(section.id).lstrip().startswith(text)


def not_above(left: Side, right: Side, parents: list[tuple[str, str]],
               headings: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Parent pairs, less those that pair a section found across outline shapes
    (``heading_pairs``) with a section holding its counterpart.

    Such a section's paragraphs pair inside the other side's leaf, so by its children
    alone it looks like the section above that leaf (a 节 like the 章 holding it, an
    article like its chapter): its counterpart is the leaf, and the section above is
    its own parent's.
    """
    if not headings:
        return parents
    ancestors_left, ancestors_right = left.doc.ancestors, right.doc.ancestors
    above = {(a, b_up) for a, b in headings for b_up in ancestors_right[b]}
    above |= {(a_up, b) for a, b in headings for a_up in ancestors_left[a]}
    return [p for p in parents if p not in above]




def shared_dice(left: Side, right: Side, a: str, b: str, runs: Sequence[Run], run_starts: list[int]) -> float:
    """Share of two sections' wording (parents: all their leaves') that is common (Dice)."""
    la, lb = left.spans[a]
    ra, rb = right.spans[b]
    lefts, rights = [], []
    # Runs never cross a line, so only runs starting inside [la, lb) can overlap it.
    for run in runs[bisect_left(run_starts, la) : bisect_left(run_starts, lb)]:
        if run.right_start < rb and run.right_end > ra:
            lefts.append((max(run.left_start, la), min(run.left_end, lb)))
            rights.append((max(run.right_start, ra), min(run.right_end, rb)))
    shared = union_length(lefts) + union_length(rights)
    return min(1.0, shared / (left.size(a) + right.size(b)))
