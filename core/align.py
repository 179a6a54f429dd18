"""Section alignment: which sections of the two documents correspond, and how.

Leaves are aligned first, on the wording they share (the common runs of
``core.shared``), regardless of order, numbering or parent: that finds re-ordered,
moved, renamed and renumbered sections. A pair is ``modified`` when a substantial
share of the two sections' wording is common, or when one of them is largely made
of the other's wording (splits and merges). In a revision, a leaf left over that is
made of the wording of a counterpart of its own section is that counterpart's piece
(``_contained_pieces``: a point split off a paragraph). Leaves left over are matched on
subject (TF-IDF cosine of character bigrams) as ``related``, a leaf rewritten in place
between two pairs first with the leaf facing it (``_in_place``). Parents are then
paired where their children are; in a revision, a heading that kept its line while
its section lost or gained paragraphs is paired across its two outline shapes
(``heading_pairs``).

Scores are the share of the two sections' wording that is common (Dice on
characters), so they compare across pairs of any size; a related pair scores its
subject similarity when that is higher (it shares little wording by definition).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from core import patterns
from core.document import Document
from core.implement import grades as implement_grades
from core.implementation_pairs import implementation_leaf_pairs
from core.kinds import CoverageGrade, PairKind, Relation
from core.normalize import Normalized
from core.one_to_one import one_to_one
from core.options import Correction
from core.pairs import Assignment
from core.parents import first_paragraph_pairs, heading_pairs, not_above, parent_pairs, shared_dice
from core.shared import Run
from core.subjects import title_verbs
from core.tuning import TUNING
from core.uncross import uncrossed
from core.wording import (
    BOX,
    ROW,
    AlignedPair,
    Candidate,
    Side,
    acceptable,
    leaf_candidates,
    select,
    side,
    wording_of,
)

_CONTENT = patterns.compiled(r"\w+")
# Characters of a leaf, punctuation included, from which it is looked for inside a counterpart
# of its own section (``_contained_pieces``): a shorter one (是；) is found anywhere.
_PIECE_MIN = 5
_CLOSING_MARKS = "；;。，,、：:"


@lru_cache(maxsize=1)
def _title_verbs() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(title_verbs(), key=len, reverse=True))))


def _subject_words(title: str) -> str:
    """A title without its action verbs: what it is about (毗邻地区合作, not 深化)."""
    return _title_verbs().sub(" ", title)


def _bigrams(text: str) -> Counter[str]:
    """Character bigrams within runs of word characters (never across punctuation or a removed verb)."""
    return Counter(run[i : i + 2] for run in _CONTENT.findall(text) for i in range(len(run) - 1))


class _Topics:
    """TF-IDF vectors of character bigrams, with an inverted index for nearest-neighbour search."""

    def __init__(self, texts: dict[str, str]) -> None:
        counts = {sid: _bigrams(t) for sid, t in texts.items()}
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        n = len(counts) + 1
        self.vectors: dict[str, dict[str, float]] = {}
        # Bigrams in more than a few percent of sections weigh little in any cosine; leaving
        # them out of the index keeps the search linear on long documents.
        indexed_df = max(8, int(n * TUNING.related.indexed_df))
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for sid, c in counts.items():
            vec = {g: (1 + math.log(tf)) * math.log(n / df[g]) for g, tf in c.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.vectors[sid] = {g: v / norm for g, v in vec.items()}
            for g, v in self.vectors[sid].items():
                if df[g] <= indexed_df:
                    self.postings[g].append((sid, v))

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(g, 0.0) for g, v in va.items())

    def nearest(self, sid: str, prefix: str, count: int) -> list[str]:
        """Up to ``count`` sections whose id starts with ``prefix``, most similar first."""
        scores: dict[str, float] = defaultdict(float)
        for g, v in self.vectors[sid].items():
            for other, w in self.postings.get(g, ()):
                if other.startswith(prefix):
                    scores[other] += v * w
        return sorted(scores, key=lambda o: (-scores[o], o))[:count]


def _related(left: Side, right: Side, cands: list[Candidate], paired_left: set[str], paired_right: set[str],
             in_place: Mapping[str, str] | None = None) -> list[AlignedPair]:
    """Best subject match for each leaf that found no counterpart by wording.

    Subject similarity averages the TF-IDF cosine of the bodies and of the titles:
    an implementing item often re-words everything but keeps its subject in the title
    (深化毗邻地区合作 for 推动川渝毗邻地区联动发展).

    A table row takes no subject match, on either end: a row is the same row revised
    (paired by wording) or a row inserted or deleted. Rows of one table name the same
    kind of thing (指标, 预期性 ...), so a new indicator would always look "related" to
    an old one and hide that it is new.
    """
    lonely_left = [s.id for s in left.doc.leaves if s.id not in paired_left and s.role != ROW]
    lonely_right = [s.id for s in right.doc.leaves if s.id not in paired_right and s.role != ROW]
    if not lonely_left and not lonely_right:
        return []
    bodies = {s.id: left.content(s.id) for s in left.doc.leaves}
    bodies.update({s.id: right.content(s.id) for s in right.doc.leaves})
    titles = {s.id: _subject_words(left.title(s.id)) for s in left.doc.leaves}
    titles.update({s.id: _subject_words(right.title(s.id)) for s in right.doc.leaves})
    body_topics, title_topics = _Topics(bodies), _Topics(titles)
    dice = {(c.left, c.right): c.dice for c in cands}
    sharing: dict[str, list[str]] = defaultdict(list)  # section -> sections it shares any wording with
    for c in cands:
        sharing[c.left].append(c.right)
        sharing[c.right].append(c.left)

    def score(a: str, b: str) -> float:
        return (body_topics.cosine(a, b) + title_topics.cosine(a, b)) / 2

    left_prefix, right_prefix = left.doc.sections[0].id[0], right.doc.sections[0].id[0]

    rows = {s.id for doc in (left.doc, right.doc) for s in doc.leaves if s.role == ROW}

    def candidates(sid: str, prefix: str) -> set[str]:
        reach = TUNING.related.neighbours
        near = body_topics.nearest(sid, prefix, reach) + title_topics.nearest(sid, prefix, reach)
        return {other for other in (*near, *sharing[sid]) if other not in rows}

    def related(a: str, b: str) -> bool:
        return score(a, b) >= TUNING.related.subject or dice.get((a, b), 0.0) >= TUNING.related.dice

    found: set[tuple[str, str]] = set()
    # A leaf rewritten in place (``_in_place``) is related to its successor before any other.
    placed = {(a, b) for a, b in (in_place or {}).items() if related(a, b)}
    found |= placed
    settled = {a for a, _ in placed} | {b for _, b in placed}
    for a in lonely_left:
        near = candidates(a, right_prefix)
        if near and a not in settled:
            found.add((a, max(sorted(near), key=lambda b: score(a, b))))
    for b in lonely_right:
        near = candidates(b, left_prefix)
        if near and b not in settled:
            found.add((max(sorted(near), key=lambda a: score(a, b)), b))
    return [AlignedPair(a, b, PairKind.RELATED, round(max(dice.get((a, b), 0.0), score(a, b)), 4))
            for a, b in sorted(found) if related(a, b)]


@dataclass(frozen=True)
class Alignment:
    """What the aligner found: section pairs, the base item(s) of every implementing item
    and the coverage grade of every left leaf that is a provision. ``units`` maps each
    side's leaves to the item they belong to (implementation only: there an item is
    paired whole, and its leaves share its pairs)."""

    pairs: tuple[AlignedPair, ...]
    assignments: tuple[Assignment, ...]
    grades: tuple[tuple[str, CoverageGrade], ...]
    units: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {})


def _revision_leaf_pairs(left: Side, right: Side, cands: list[Candidate]) -> list[AlignedPair]:
    """Leaf pairs of a revision: wording first, then subject for what is left over."""
    chosen = uncrossed(select([c for c in cands if acceptable(c)], left, right), cands, left.doc, right.doc,
                       acceptable)
    pairs = []
    for c in chosen:
        same = left.content(c.left).strip() == right.content(c.right).strip()
        kind = PairKind.SAME if same else PairKind.MODIFIED
        pairs.append(AlignedPair(c.left, c.right, kind, 1.0 if same else round(c.dice, 4)))
    pairs.extend(_box_pairs(left, right, {p.left for p in pairs}, {p.right for p in pairs}))
    pairs.extend(_identical_pairs(left, right, {p.left for p in pairs}, {p.right for p in pairs}))
    pairs.extend(_contained_pieces(left, right, pairs, cands))
    facing = _in_place(left, right, pairs)
    pairs.extend(_related(left, right, cands, {p.left for p in pairs}, {p.right for p in pairs}, facing))
    return pairs


def _in_place(left: Side, right: Side, pairs: Sequence[AlignedPair]) -> dict[str, str]:
    """Unpaired left leaves between two leaves that pair with two right leaves one apart, and
    the unpaired right leaf between those: the leaf rewritten in place, if the two are related
    at all (``_related``). 专利法实施细则 2010 第三十九条（三） 不符合本细则第一百二十一条第一款规定的
    became 2023 第四十四条（三） 申请文件的格式不符合规定的 between points that pair, and was
    related to a leaf elsewhere; 基金条例 2024 第二十五条（三） replaces its old （三） with another
    ground, which shares no subject with it and stays reported added. A table row is never
    rewritten in place: it is revised, or one is deleted and another inserted."""
    paired = {p.left: p.right for p in pairs if p.kind in (PairKind.SAME, PairKind.MODIFIED)}
    taken_left = {p.left for p in pairs}
    taken_right = {p.right for p in pairs}
    out = {}
    for parent in left.doc.sections:
        for before, middle, after in zip(parent.children, parent.children[1:], parent.children[2:], strict=False):
            facing = _between(right.doc, paired.get(before), paired.get(after))
            if (middle not in taken_left and left.doc.by_id[middle].is_leaf and left.doc.by_id[middle].role != ROW
                    and facing is not None and facing not in taken_right and right.doc.by_id[facing].role != ROW):
                out[middle] = facing
    return out


def _between(doc: Document, before: str | None, after: str | None) -> str | None:
    """The leaf between ``before`` and ``after`` when they are siblings one leaf apart, else None."""
    if before is None or after is None:
        return None
    parent = doc.by_id[before].parent
    if parent is None or doc.by_id[after].parent != parent:
        return None
    siblings = doc.by_id[parent].children
    i = siblings.index(before)
    if i + 2 >= len(siblings) or siblings[i + 2] != after or not doc.by_id[siblings[i + 1]].is_leaf:
        return None
    return siblings[i + 1]


def _identical_pairs(left: Side, right: Side, paired_left: set[str], paired_right: set[str]) -> list[AlignedPair]:
    """Unpaired leaves of the same text on both sides, in reading order: a title or a line
    shorter than a shared passage (某某条例, 附件) has no wording to be found by, and matched
    by subject it would be marked deleted and inserted though it did not change."""
    waiting: dict[str, list[str]] = defaultdict(list)
    for section in right.doc.leaves:
        if section.id not in paired_right and (text := right.content(section.id).strip()):
            waiting[text].append(section.id)
    out = []
    for section in left.doc.leaves:
        if section.id in paired_left:
            continue
        found = waiting.get(left.content(section.id).strip())
        if found:
            out.append(AlignedPair(section.id, found.pop(0), PairKind.SAME, 1.0))
    return out


def _contained_pieces(left: Side, right: Side, pairs: Sequence[AlignedPair],
                      cands: Sequence[Candidate]) -> list[AlignedPair]:
    """Unpaired leaves made of a counterpart of their own section's wording: a point split off
    a paragraph, or merged into one. Found word for word where the leaf is too short to share
    a passage (设置会计机构: 会计法 2017 第三十六条's paragraph became 2024 第三十四条's opening and
    four points), or mostly made of its shared passages where it is a small part of a long
    paragraph (在有关机构中设置会计岗位并指定会计主管人员, 90% shared, is 13% of the old paragraph:
    too little of it to be a modification of it on its own). Either was paired by subject, and
    reported new though its text was there."""
    paired_left = {p.left for p in pairs}
    paired_right = {p.right for p in pairs}
    counterparts: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        if p.kind in (PairKind.SAME, PairKind.MODIFIED):
            counterparts[p.left].append(p.right)
            counterparts[p.right].append(p.left)
    # (leaf, other side's leaf) -> Dice, where the leaf is mostly made of the other's wording
    made_of: dict[tuple[str, str], float] = {}
    for c in cands:
        if c.right_share >= TUNING.wording.contained:
            made_of[(c.right, c.left)] = c.dice
        if c.left_share >= TUNING.wording.contained:
            made_of[(c.left, c.right)] = c.dice
    out = []
    for mine, theirs, paired, flip in ((right, left, paired_right, True), (left, right, paired_left, False)):
        for section in mine.doc.leaves:
            piece = mine.content(section.id).strip().rstrip(_CLOSING_MARKS)  # a point ends in ；, the paragraph goes on
            if section.id in paired or len(piece) < _PIECE_MIN or section.parent is None:
                continue
            family = [section.parent, *mine.doc.by_id[section.parent].children]
            around = sorted({other for sid in family for other in counterparts.get(sid, ())
                             if theirs.doc.by_id[other].is_leaf})
            for other in around:
                if piece in theirs.content(other):
                    dice = round(2 * len(piece) / (mine.size(section.id) + theirs.size(other)), 4)
                elif (section.id, other) in made_of:
                    dice = round(made_of[(section.id, other)], 4)
                else:
                    continue
                lid, rid = (other, section.id) if flip else (section.id, other)
                out.append(AlignedPair(lid, rid, PairKind.MODIFIED, dice))
                break
    return out


def _box_pairs(left: Side, right: Side, paired_left: set[str], paired_right: set[str]) -> list[AlignedPair]:
    """Unpaired 专栏 boxes that are the same box revised, judged line by line.

    A table whose cells came one per line (a web page or a PDF copied as text) is a box
    of short lines: 指标, 2020年, 30% ... None reaches the length of a shared passage, so
    by wording the box would share nothing with its own revision. Its lines are the
    units instead: the share of the two boxes' characters on lines found on both sides
    (Dice), and a box keeps its best counterpart at or above the modified threshold.
    """
    lonely_left = [s.id for s in left.doc.leaves if s.role == BOX and s.id not in paired_left]
    lonely_right = [s.id for s in right.doc.leaves if s.role == BOX and s.id not in paired_right]
    if not lonely_left or not lonely_right:
        return []
    lines_right = {rid: Counter(right.content(rid).split("\n")) for rid in lonely_right}
    found = []
    for lid in lonely_left:
        lines_left = Counter(left.content(lid).split("\n"))
        for rid, counted in lines_right.items():
            common = sum(len(line) * n for line, n in (lines_left & counted).items())
            dice = 2 * common / (left.size(lid) + right.size(rid))
            if dice >= TUNING.wording.modified_dice:
                found.append(((-round(dice, 6), lid, rid), lid, rid))
    return [AlignedPair(lid, rid, PairKind.MODIFIED, round(min(1.0, -rank[0]), 4))
            for rank, lid, rid in one_to_one(sorted(found))]


def _assignments_of(right: Side, pairs: Sequence[AlignedPair]) -> tuple[Assignment, ...]:
    """Assignments read off a revision's leaf pairs: closest counterpart first."""
    found: dict[str, list[AlignedPair]] = defaultdict(list)
    for p in pairs:
        found[p.right].append(p)
    out = []
    for leaf in right.doc.leaves:
        ranked = sorted(found.get(leaf.id, []), key=lambda p: (p.kind.rank, -p.score, p.left))
        out.append(Assignment(leaf.id, tuple(p.left for p in ranked),
                              tuple((p.left, p.score) for p in ranked[:3]), 0.0, ()))
    return tuple(out)


def align(left_doc: Document, left_norm: Normalized, right_doc: Document, right_norm: Normalized,
          runs: Sequence[Run], relation: Relation = Relation.REVISION,
          corrections: Sequence[Correction] = ()) -> Alignment:
    """Pair the sections of two documents.

    ``runs`` are the common runs of the two comparison forms (``core.shared``),
    ordered by their left start as ``common_runs`` returns them. A revision pairs on
    wording first; an implementing document pairs every item with the base item(s) it
    carries out. Returns leaf pairs and parent pairs, each with its kind and score.
    """
    if not left_doc.sections or not right_doc.sections:
        return Alignment((), (), ())
    left, right = side(left_doc, left_norm), side(right_doc, right_norm)
    units: tuple[dict[str, str], dict[str, str]] = ({}, {})
    if relation is Relation.IMPLEMENTATION:
        pairs, assignments, grades, units = implementation_leaf_pairs(left, right, runs, corrections)
    else:
        cands = leaf_candidates(left, right, runs)
        pairs = _revision_leaf_pairs(left, right, cands)
        assignments = _assignments_of(right, pairs)
        grades = implement_grades([s.id for s in left_doc.leaves], assignments, {}, wording_of(cands))

    run_starts = [r.left_start for r in runs]
    # Computed from the leaf pairs alone, before the parent pairs join them.
    headings = heading_pairs(left, right, pairs) if relation is Relation.REVISION else []
    linked = {(p.left, p.right) for p in pairs if p.kind is not PairKind.RELATED}
    firsts = [p for p in first_paragraph_pairs(left, right, headings) if (p.left, p.right) not in linked]
    if firsts:
        # Each such paragraph's subject matches, made while it seemed alone, give way.
        placed = {p.left for p in firsts} | {p.right for p in firsts}
        pairs = [p for p in pairs if p.kind is not PairKind.RELATED or not {p.left, p.right} & placed] + firsts
    for a, b in not_above(left, right, parent_pairs(left, right, pairs), headings):
        same = left.content(a).strip() == right.content(b).strip()
        if same:
            pairs.append(AlignedPair(a, b, PairKind.SAME, 1.0))
            continue
        dice = shared_dice(left, right, a, b, runs, run_starts)
        kind = PairKind.MODIFIED if dice >= TUNING.wording.modified_dice else PairKind.RELATED
        pairs.append(AlignedPair(a, b, kind, round(dice, 4)))
    for a, b in headings:
        # The same section revised, whatever share of its paragraphs went: it is diffed,
        # so that its kept heading and paragraph read as kept and the rest as changed.
        same = left.content(a).strip() == right.content(b).strip()
        dice = shared_dice(left, right, a, b, runs, run_starts)
        pairs.append(AlignedPair(a, b, PairKind.SAME if same else PairKind.MODIFIED, 1.0 if same else round(dice, 4)))
    pairs.sort(key=lambda p: (left_doc.by_id[p.left].start, right_doc.by_id[p.right].start))
    return Alignment(tuple(pairs), assignments, grades, units)
