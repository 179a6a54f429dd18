"""Section alignment: which sections of the two documents correspond, and how.

Leaves are aligned first, on the wording they share (the common runs of
``core.shared``), regardless of order, numbering or parent: that finds re-ordered,
moved, renamed and renumbered sections. A pair is ``modified`` when a substantial
share of the two sections' wording is common, or when one of them is largely made
of the other's wording (splits and merges). Leaves left over are matched on
subject (TF-IDF cosine of character bigrams) as ``related``. Parents are then
paired where their children are; in a revision, a heading that kept its line while
its section lost or gained paragraphs is paired across its two outline shapes
(``_heading_pairs``).

Scores are the share of the two sections' wording that is common (Dice on
characters), so they compare across pairs of any size; a related pair scores its
subject similarity when that is higher (it shares little wording by definition).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from core.implement import Item, Wording, assign
from core.implement import grades as implement_grades
from core.model import Assignment, Correction, CoverageGrade, Document, PairKind, Relation, Section
from core.normalize import Normalized
from core.outline import is_formality
from core.shared import Run
from core.subjects import title_verbs

# Thresholds, on the share of wording in common. A lightly edited section keeps
# 0.8-1.0; a heavily rewritten one 0.4-0.6; an unrelated section that uses the same
# stock phrases 0.0-0.15.
_MODIFIED_DICE = 0.40
_CONTAINED = 0.60  # one side mostly made of the other's wording (split / merge)
_CONTAINED_OTHER = 0.15  # ... while still covering a fair share of the other
_CONTAINED_TITLED = 0.90  # ... or entirely made of it, under the same heading
_TITLE_MIN = 4  # shorter titles are too generic to identify a section
_EXTRA_SHARE = 0.20  # a second counterpart must explain this much of a section not yet explained
_WHOLE = 0.90  # a section this much made of one counterpart's wording
_RELATED_SUBJECT = 0.12  # mean of body and title cosine
_RELATED_DICE = 0.10
_PARENT_AFFINITY = 0.45
_INDEXED_DF = 0.05  # bigrams in more sections than this share are not indexed for subject search
_NEIGHBOURS = 5  # subject candidates examined per section

_CONTENT = re.compile(r"\w+")
_ROW = "row"  # the outline's role of a table row (core.outline)
_BOX = "box"  # ... and of a 专栏 box or a captioned table
_HEADING = "heading"  # ... and of a numbered heading line (not run-in)


@dataclass(frozen=True)
class AlignedPair:
    """A pair found by the aligner (kind and score; the diff is added later)."""

    left: str
    right: str
    kind: PairKind
    score: float


@dataclass
class _Side:
    doc: Document
    norm: Normalized
    spans: dict[str, tuple[int, int]]  # section id -> normalized content span (number excluded)

    def content(self, sid: str) -> str:
        a, b = self.spans[sid]
        return self.norm.text[a:b]

    def title(self, sid: str) -> str:
        """Comparison form of the section's title (its lead sentence for paragraphs)."""
        a, _ = self.spans[sid]
        section = self.doc.by_id[sid]
        begin = self.norm.starts[a] if a < len(self.norm.text) else section.end
        end = min(section.end, begin + len(section.title.rstrip("…")))
        ta, tb = self.norm.from_display(begin, end)
        return self.norm.text[ta:tb]

    def owner(self, position: int) -> Section | None:
        """The deepest section holding a normalized position."""
        return self.doc.section_at(self.norm.starts[position])

    def size(self, sid: str) -> int:
        a, b = self.spans[sid]
        return max(1, b - a - self.norm.text.count("\n", a, b))


def _side(doc: Document, norm: Normalized) -> _Side:
    spans = {s.id: norm.from_display(s.number_end, s.end) for s in doc.sections}
    return _Side(doc, norm, spans)


def _union_length(intervals: list[tuple[int, int]]) -> int:
    total = 0
    end = -1
    for a, b in sorted(intervals):
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total


@dataclass
class _Overlap:
    left: list[tuple[int, int]]
    right: list[tuple[int, int]]


def _overlaps(left: _Side, right: _Side, runs: Sequence[Run]) -> dict[tuple[str, str], _Overlap]:
    """Shared intervals per (left section, right section) holding each run.

    A run never crosses a line, and a line lies in one deepest section, so the
    section holding a run's start holds all of it.
    """
    out: dict[tuple[str, str], _Overlap] = {}
    for run in runs:
        mine, theirs = left.owner(run.left_start), right.owner(run.right_start)
        if mine is None or theirs is None:
            continue
        key = (mine.id, theirs.id)
        overlap = out.get(key)
        if overlap is None:
            overlap = out[key] = _Overlap([], [])
        overlap.left.append((run.left_start, run.left_end))
        overlap.right.append((run.right_start, run.right_end))
    return out


@dataclass(frozen=True)
class _Candidate:
    left: str
    right: str
    dice: float
    left_share: float
    right_share: float
    left_intervals: tuple[tuple[int, int], ...]
    right_intervals: tuple[tuple[int, int], ...]
    same_title: bool  # both have the same (non-trivial) title


def _leaf_candidates(left: _Side, right: _Side, runs: Sequence[Run],
                     units: tuple[Mapping[str, str], Mapping[str, str]] | None = None) -> list[_Candidate]:
    """Pairs of leaves sharing wording, with how much; with ``units`` (leaf id -> the id of
    the item holding it, per side), pairs of those items instead."""
    overlaps = _overlaps(left, right, runs)
    if units is not None:
        merged: dict[tuple[str, str], _Overlap] = {}
        for (lid, rid), overlap in overlaps.items():
            key = (units[0].get(lid, ""), units[1].get(rid, ""))
            if key[0] and key[1]:
                found = merged.setdefault(key, _Overlap([], []))
                found.left.extend(overlap.left)
                found.right.extend(overlap.right)
        overlaps = merged
    out = []
    for (lid, rid), overlap in overlaps.items():
        ls, rs = left.doc.by_id[lid], right.doc.by_id[rid]
        if units is None and not (ls.is_leaf and rs.is_leaf):
            continue
        shared_left = _union_length(overlap.left)
        shared_right = _union_length(overlap.right)
        size_left, size_right = left.size(ls.id), right.size(rs.id)
        left_share = min(1.0, shared_left / size_left)
        right_share = min(1.0, shared_right / size_right)
        dice = min(1.0, (shared_left + shared_right) / (size_left + size_right))
        title = left.title(ls.id)
        same_title = len(title) >= _TITLE_MIN and title == right.title(rs.id)
        out.append(_Candidate(ls.id, rs.id, dice, left_share, right_share,
                              tuple(overlap.left), tuple(overlap.right), same_title))
    return out


def _acceptable(c: _Candidate) -> bool:
    if c.dice >= _MODIFIED_DICE:
        return True
    high, low = max(c.left_share, c.right_share), min(c.left_share, c.right_share)
    if c.same_title and high >= _CONTAINED_TITLED:
        return True  # a section kept with its heading while most of its body went
    return high >= _CONTAINED and low >= _CONTAINED_OTHER


def _select(cands: list[_Candidate], left: _Side, right: _Side) -> list[_Candidate]:
    """Keep each section's best counterpart, and further ones only if they explain new wording."""
    chosen: list[_Candidate] = []
    explained_left: dict[str, list[tuple[int, int]]] = defaultdict(list)
    explained_right: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order = {s.id: i for i, s in enumerate(left.doc.sections)}
    order_right = {s.id: i for i, s in enumerate(right.doc.sections)}
    left_len, right_len = max(1, len(left.doc.sections)), max(1, len(right.doc.sections))

    def rank(c: _Candidate) -> tuple[float, float, str, str]:
        # Best wording first; between equals, the one at the same relative place.
        drift = abs(order[c.left] / left_len - order_right[c.right] / right_len)
        return (-round(c.dice, 6), drift, c.left, c.right)

    for c in sorted(cands, key=rank):
        gain_left = _gain(explained_left[c.left], c.left_intervals) / left.size(c.left)
        gain_right = _gain(explained_right[c.right], c.right_intervals) / right.size(c.right)
        first_left = not explained_left[c.left]
        first_right = not explained_right[c.right]
        # A section split off (or merged in) whole is explained entirely by its counterpart:
        # it needs to add only some new ground on the other side.
        whole_right = first_right and c.right_share >= _WHOLE and gain_left > 0
        whole_left = first_left and c.left_share >= _WHOLE and gain_right > 0
        if (first_left or gain_left >= _EXTRA_SHARE or whole_right) and (
            first_right or gain_right >= _EXTRA_SHARE or whole_left
        ):
            chosen.append(c)
            explained_left[c.left].extend(c.left_intervals)
            explained_right[c.right].extend(c.right_intervals)
    return chosen


def _gain(explained: list[tuple[int, int]], new: Sequence[tuple[int, int]]) -> int:
    return _union_length([*explained, *new]) - _union_length(explained)


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
        indexed_df = max(8, int(n * _INDEXED_DF))
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


def _related(left: _Side, right: _Side, cands: list[_Candidate],
             paired_left: set[str], paired_right: set[str]) -> list[AlignedPair]:
    """Best subject match for each leaf that found no counterpart by wording.

    Subject similarity averages the TF-IDF cosine of the bodies and of the titles:
    an implementing item often re-words everything but keeps its subject in the title
    (深化毗邻地区合作 for 推动川渝毗邻地区联动发展).

    A table row takes no subject match, on either end: a row is the same row revised
    (paired by wording) or a row inserted or deleted. Rows of one table name the same
    kind of thing (指标, 预期性 ...), so a new indicator would always look "related" to
    an old one and hide that it is new.
    """
    lonely_left = [s.id for s in left.doc.leaves if s.id not in paired_left and s.role != _ROW]
    lonely_right = [s.id for s in right.doc.leaves if s.id not in paired_right and s.role != _ROW]
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

    rows = {s.id for doc in (left.doc, right.doc) for s in doc.leaves if s.role == _ROW}

    def candidates(sid: str, prefix: str) -> set[str]:
        near = body_topics.nearest(sid, prefix, _NEIGHBOURS) + title_topics.nearest(sid, prefix, _NEIGHBOURS)
        return {other for other in (*near, *sharing[sid]) if other not in rows}

    found: set[tuple[str, str]] = set()
    for a in lonely_left:
        near = candidates(a, right_prefix)
        if near:
            found.add((a, max(sorted(near), key=lambda b: score(a, b))))
    for b in lonely_right:
        near = candidates(b, left_prefix)
        if near:
            found.add((max(sorted(near), key=lambda a: score(a, b)), b))
    return [
        AlignedPair(a, b, PairKind.RELATED, round(max(dice.get((a, b), 0.0), score(a, b)), 4))
        for a, b in sorted(found)
        if score(a, b) >= _RELATED_SUBJECT or dice.get((a, b), 0.0) >= _RELATED_DICE
    ]


def _leaf_counts(doc: Document) -> dict[str, int]:
    """Number of leaves under each section (1 for a leaf)."""
    out: dict[str, int] = {}
    for section in reversed(doc.sections):
        out[section.id] = sum(out[child] for child in section.children) if section.children else 1
    return out


def _parents(left: _Side, right: _Side, leaf_pairs: list[AlignedPair]) -> list[tuple[str, str]]:
    """Parent sections paired where their children are (both ways, mutual affinity)."""
    weight: dict[tuple[str, str], float] = defaultdict(float)
    for p in leaf_pairs:
        w = 1.0 if p.kind is not PairKind.RELATED else 0.5
        weight[(p.left, p.right)] += w
    ancestors_left = _ancestors(left.doc)
    ancestors_right = _ancestors(right.doc)
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
    for (pa, pb), m in mass.items():
        if left.doc.by_id[pa].is_leaf or right.doc.by_id[pb].is_leaf:
            continue
        # Affinity: the pairing weight shared, against the weight and size of both subtrees.
        weight_left = max(mass_left[pa], leaves_left[pa] * 0.5)
        weight_right = max(mass_right[pb], leaves_right[pb] * 0.5)
        affinity = m / math.sqrt(weight_left * weight_right)
        if affinity > best_left.get(pa, (0.0, ""))[0]:
            best_left[pa] = (affinity, pb)
        if affinity > best_right.get(pb, (0.0, ""))[0]:
            best_right[pb] = (affinity, pa)
    out = {(pa, pb) for pa, (affinity, pb) in best_left.items() if affinity >= _PARENT_AFFINITY}
    out |= {(pa, pb) for pb, (affinity, pa) in best_right.items() if affinity >= _PARENT_AFFINITY}
    return sorted(out, key=lambda p: (left.doc.by_id[p[0]].start, right.doc.by_id[p[1]].start))


def _heading_line(side: _Side, section: Section) -> str:
    """Comparison form of a section's heading line, its number left out."""
    a, b = side.norm.from_display(section.number_end, section.heading_end)
    return side.norm.text[a:b]


def _heading_pairs(left: _Side, right: _Side, leaf_pairs: Sequence[AlignedPair]) -> list[tuple[str, str]]:
    """A revision's sections whose heading stayed while their outline shape changed.

    The outline keeps a heading with one paragraph as one leaf and makes a heading with
    more paragraphs a parent of paragraph leaves. When a revision drops a section's
    second paragraph (or adds one), the same heading is a parent on one side and the
    head of a leaf on the other: its paragraph pairs with the leaf, and the parent,
    having no parent to pair with, would leave its heading marked deleted on one side
    and inserted on the other. A parent is paired with such a leaf when one of its own
    paragraphs (a child) is the leaf's same or modified counterpart and both heading
    lines are the same, number aside: then the leaf is that section, revised.
    """
    out: set[tuple[str, str]] = set()
    for p in leaf_pairs:
        if p.kind is PairKind.RELATED:
            continue  # a subject match says nothing about where a paragraph stood
        ls, rs = left.doc.by_id[p.left], right.doc.by_id[p.right]
        if rs.is_headed_leaf and ls.parent is not None:
            parent = left.doc.by_id[ls.parent]
            if parent.role == _HEADING and _heading_line(left, parent) == _heading_line(right, rs):
                out.add((parent.id, rs.id))
        if ls.is_headed_leaf and rs.parent is not None:
            parent = right.doc.by_id[rs.parent]
            if parent.role == _HEADING and _heading_line(right, parent) == _heading_line(left, ls):
                out.add((ls.id, parent.id))
    return sorted(out, key=lambda p: (left.doc.by_id[p[0]].start, right.doc.by_id[p[1]].start))


def _not_above(left: _Side, right: _Side, parents: list[tuple[str, str]],
               headings: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Parent pairs, less those that pair a section found across outline shapes
    (``_heading_pairs``) with a section holding its counterpart.

    Such a section's paragraphs pair inside the other side's leaf, so by its children
    alone it looks like the section above that leaf (a 节 like the 章 holding it, an
    article like its chapter): its counterpart is the leaf, and the section above is
    its own parent's.
    """
    if not headings:
        return parents
    ancestors_left, ancestors_right = _ancestors(left.doc), _ancestors(right.doc)
    above = {(a, b_up) for a, b in headings for b_up in ancestors_right[b]}
    above |= {(a_up, b) for a, b in headings for a_up in ancestors_left[a]}
    return [p for p in parents if p not in above]


def _ancestors(doc: Document) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for section in doc.sections:
        out[section.id] = (section.parent, *out[section.parent]) if section.parent else ()
    return out


def _shared_dice(left: _Side, right: _Side, a: str, b: str, runs: Sequence[Run], run_starts: list[int]) -> float:
    la, lb = left.spans[a]
    ra, rb = right.spans[b]
    lefts, rights = [], []
    # Runs never cross a line, so only runs starting inside [la, lb) can overlap it.
    for run in runs[bisect_left(run_starts, la) : bisect_left(run_starts, lb)]:
        if run.right_start < rb and run.right_end > ra:
            lefts.append((max(run.left_start, la), min(run.left_end, lb)))
            rights.append((max(run.right_start, ra), min(run.right_end, rb)))
    shared = _union_length(lefts) + _union_length(rights)
    return min(1.0, shared / (left.size(a) + right.size(b)))


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


_ARTICLE = re.compile(r"第[一二三四五六七八九十百千零〇两\d]+[条條]")


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
        if leaf.role != _ROW and not leaf.number and parent is not None and parent.number and not any(
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


def _wording(cands: Sequence[_Candidate]) -> dict[tuple[str, str], Wording]:
    return {
        (c.left, c.right): Wording(_union_length(list(c.left_intervals)), _union_length(list(c.right_intervals)),
                                   c.left_share, c.right_share, _acceptable(c))
        for c in cands
    }


def _revision_leaf_pairs(left: _Side, right: _Side, cands: list[_Candidate]) -> list[AlignedPair]:
    """Leaf pairs of a revision: wording first, then subject for what is left over."""
    chosen = _select([c for c in cands if _acceptable(c)], left, right)
    pairs = []
    for c in chosen:
        same = left.content(c.left).strip() == right.content(c.right).strip()
        kind = PairKind.SAME if same else PairKind.MODIFIED
        pairs.append(AlignedPair(c.left, c.right, kind, 1.0 if same else round(c.dice, 4)))
    pairs.extend(_box_pairs(left, right, {p.left for p in pairs}, {p.right for p in pairs}))
    pairs.extend(_related(left, right, cands, {p.left for p in pairs}, {p.right for p in pairs}))
    return pairs


def _box_pairs(left: _Side, right: _Side, paired_left: set[str], paired_right: set[str]) -> list[AlignedPair]:
    """Unpaired 专栏 boxes that are the same box revised, judged line by line.

    A table whose cells came one per line (a web page or a PDF copied as text) is a box
    of short lines: 指标, 2020年, 30% ... None reaches the length of a shared passage, so
    by wording the box would share nothing with its own revision. Its lines are the
    units instead: the share of the two boxes' characters on lines found on both sides
    (Dice), and a box keeps its best counterpart at or above the modified threshold.
    """
    lonely_left = [s.id for s in left.doc.leaves if s.role == _BOX and s.id not in paired_left]
    lonely_right = [s.id for s in right.doc.leaves if s.role == _BOX and s.id not in paired_right]
    if not lonely_left or not lonely_right:
        return []
    lines_right = {rid: Counter(right.content(rid).split("\n")) for rid in lonely_right}
    found = []
    for lid in lonely_left:
        lines_left = Counter(left.content(lid).split("\n"))
        for rid, counted in lines_right.items():
            common = sum(len(line) * n for line, n in (lines_left & counted).items())
            dice = 2 * common / (left.size(lid) + right.size(rid))
            if dice >= _MODIFIED_DICE:
                found.append((-round(dice, 6), lid, rid))
    pairs = []
    taken_left: set[str] = set()
    taken_right: set[str] = set()
    for negative, lid, rid in sorted(found):
        if lid not in taken_left and rid not in taken_right:
            taken_left.add(lid)
            taken_right.add(rid)
            pairs.append(AlignedPair(lid, rid, PairKind.MODIFIED, round(min(1.0, -negative), 4)))
    return pairs


def _assignments_of(right: _Side, pairs: Sequence[AlignedPair]) -> tuple[Assignment, ...]:
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


def unit_map(doc: Document) -> dict[str, str]:
    """Leaf id -> id of the item (``items_of``) holding it; sign-off lines have none."""
    starts = [leaf.start for leaf in doc.leaves]
    out: dict[str, str] = {}
    for item in items_of(doc):
        for leaf in doc.leaves[bisect_left(starts, item.start) : bisect_left(starts, item.end)]:
            out[leaf.id] = item.id
    return out


def _implementation_leaf_pairs(
    left: _Side, right: _Side, runs: Sequence[Run], corrections: Sequence[Correction]
) -> tuple[list[AlignedPair], tuple[Assignment, ...], tuple[tuple[str, CoverageGrade], ...],
           tuple[dict[str, str], dict[str, str]]]:
    """Leaf pairs of an implementing document: every right leaf with the base leaves it
    carries out (``core.implement``), corrections by hand applied."""
    units = unit_map(left.doc), unit_map(right.doc)
    wording = _wording(_leaf_candidates(left, right, runs, units))
    left_items, right_items = ([Item(s.id, side.content(s.id), s.parent, bool(s.number))
                                for s in items_of(side.doc)] for side in (left, right))
    found = assign(left_items, right_items, wording)
    rows = {s.id for side in (left, right) for s in side.doc.leaves if s.role == _ROW}
    assignments = _corrected(_rows_by_wording(found.assignments, wording, rows), left.doc, right.doc, corrections)
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
        out.append(a if kept == a.left else replace(a, left=kept))
    return tuple(out)


def _corrected(assignments: Sequence[Assignment], left: Document, right: Document,
               corrections: Sequence[Correction]) -> tuple[Assignment, ...]:
    """Assignments with the drafter's corrections in place of the found pairings.

    A correction applies only while both items still bear the labels it was made on.
    """
    fixed: dict[str, Correction] = {}
    for c in corrections:
        target = right.by_id.get(c.right)
        base = left.by_id.get(c.left) if c.left else None
        if target is None or target.label != c.right_label or not target.is_leaf:
            continue
        if c.left and (base is None or base.label != c.left_label or not base.is_leaf):
            continue
        fixed[c.right] = c
    return tuple(
        replace(a, left=(fixed[a.right].left,) if fixed[a.right].left else (), by_hand=True)  # type: ignore[arg-type]
        if a.right in fixed else a
        for a in assignments
    )


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
    left, right = _side(left_doc, left_norm), _side(right_doc, right_norm)
    units: tuple[dict[str, str], dict[str, str]] = ({}, {})
    if relation is Relation.IMPLEMENTATION:
        pairs, assignments, grades, units = _implementation_leaf_pairs(left, right, runs, corrections)
    else:
        cands = _leaf_candidates(left, right, runs)
        pairs = _revision_leaf_pairs(left, right, cands)
        assignments = _assignments_of(right, pairs)
        grades = implement_grades([s.id for s in left_doc.leaves], assignments, {}, _wording(cands))

    run_starts = [r.left_start for r in runs]
    # Computed from the leaf pairs alone, before the parent pairs join them.
    headings = _heading_pairs(left, right, pairs) if relation is Relation.REVISION else []
    for a, b in _not_above(left, right, _parents(left, right, pairs), headings):
        same = left.content(a).strip() == right.content(b).strip()
        if same:
            pairs.append(AlignedPair(a, b, PairKind.SAME, 1.0))
            continue
        dice = _shared_dice(left, right, a, b, runs, run_starts)
        kind = PairKind.MODIFIED if dice >= _MODIFIED_DICE else PairKind.RELATED
        pairs.append(AlignedPair(a, b, kind, round(dice, 4)))
    for a, b in headings:
        # The same section revised, whatever share of its paragraphs went: it is diffed,
        # so that its kept heading and paragraph read as kept and the rest as changed.
        same = left.content(a).strip() == right.content(b).strip()
        dice = _shared_dice(left, right, a, b, runs, run_starts)
        pairs.append(AlignedPair(a, b, PairKind.SAME if same else PairKind.MODIFIED, 1.0 if same else round(dice, 4)))
    pairs.sort(key=lambda p: (left_doc.by_id[p.left].start, right_doc.by_id[p.right].start))
    return Alignment(tuple(pairs), assignments, grades, units)
