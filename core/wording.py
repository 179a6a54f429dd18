"""Leaves paired on the wording they share: the candidates every alignment starts from.

A pair of sections is a candidate when the common runs of ``core.shared`` fall in both;
its score is the share of the two sections' wording that is common (Dice on characters),
so scores compare across pairs of any size. A pair is acceptable as ``modified`` when a
substantial share of the two sections' wording is common, or when one of them is largely
made of the other's wording (splits and merges).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.document import Document, Section
from core.implement import Wording
from core.intervals import union_length
from core.kinds import PairKind
from core.normalize import Normalized
from core.shared import Run
from core.tuning import TUNING

ROW = "row"  # the outline's role of a table row (core.outline)
BOX = "box"  # ... and of a 专栏 box or a captioned table
HEADING = "heading"  # ... and of a numbered heading line (not run-in)
ITEM = "item"  # ... and of a numbered item or article whose text runs in after its number
PREAMBLE = "preamble"  # ... and of the lines before the first heading (title, issuer, addressee)


@dataclass(frozen=True)
class AlignedPair:
    """A pair found by the aligner (kind and score; the diff is added later)."""

    left: str
    right: str
    kind: PairKind
    score: float


@dataclass
class Side:
    """One document as the aligner reads it: its outline, its comparison form, and where
    each section's content (its number left out) lies in that form."""

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


def side(doc: Document, norm: Normalized) -> Side:
    """``doc`` and its comparison form ``norm`` as the aligner reads them."""
    spans = {s.id: norm.from_display(s.number_end, s.end) for s in doc.sections}
    return Side(doc, norm, spans)


@dataclass
class _Overlap:
    """The shared intervals of one (left section, right section), on each side."""

    left: list[tuple[int, int]]
    right: list[tuple[int, int]]


def _overlaps(left: Side, right: Side, runs: Sequence[Run]) -> dict[tuple[str, str], _Overlap]:
    """Shared intervals per (left section, right section) holding each run.

    A run never crosses a line, and a line lies in one deepest section, so the section
    holding a run's start holds all of it; except on a heading's line that also holds the
    section's first paragraph as a leaf of its own (``_into_first_paragraph``).
    """
    out: dict[tuple[str, str], _Overlap] = {}
    for run in runs:
        mine, theirs = left.owner(run.left_start), right.owner(run.right_start)
        if mine is None or theirs is None:
            continue
        skip = 0
        if not (mine.is_leaf and theirs.is_leaf):
            mine, theirs, skip = _into_first_paragraph(left, right, run, mine, theirs)
        key = (mine.id, theirs.id)
        overlap = out.get(key)
        if overlap is None:
            overlap = out[key] = _Overlap([], [])
        overlap.left.append((run.left_start + skip, run.left_end))
        overlap.right.append((run.right_start + skip, run.right_end))
    return out


def _into_first_paragraph(left: Side, right: Side, run: Run, mine: Section,
                          theirs: Section) -> tuple[Section, Section, int]:
    """For a run starting on a heading's number (第七十条 违反本条例……) and running into the
    paragraph on the same line, that paragraph on each side and the characters before it:
    the run is the paragraph's wording. Else the sections holding its start, and 0.

    An article whose items follow it holds its first paragraph as a leaf of its own, on the
    heading's line; a run from the line's start belonged to the article, and the paragraph,
    seen only through the runs starting inside it, took the paragraph of another article
    with the same stock opening: a document compared with itself paired two of its
    articles' first paragraphs crosswise."""
    last_left, last_right = left.owner(run.left_end - 1), right.owner(run.right_end - 1)
    if last_left is None or last_right is None or not (last_left.is_leaf and last_right.is_leaf):
        return mine, theirs, 0
    skip = max(0, left.spans[last_left.id][0] - run.left_start, right.spans[last_right.id][0] - run.right_start)
    if skip >= run.length:
        return mine, theirs, 0
    return last_left, last_right, skip


@dataclass(frozen=True)
class Candidate:
    """Two sections sharing wording, and how much of each it covers."""

    left: str
    right: str
    dice: float
    left_share: float
    right_share: float
    left_intervals: tuple[tuple[int, int], ...]
    right_intervals: tuple[tuple[int, int], ...]
    same_title: bool  # both have the same (non-trivial) title


def leaf_candidates(left: Side, right: Side, runs: Sequence[Run],
                     units: tuple[Mapping[str, str], Mapping[str, str]] | None = None) -> list[Candidate]:
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
        shared_left = union_length(overlap.left)
        shared_right = union_length(overlap.right)
        size_left, size_right = left.size(ls.id), right.size(rs.id)
        left_share = min(1.0, shared_left / size_left)
        right_share = min(1.0, shared_right / size_right)
        dice = min(1.0, (shared_left + shared_right) / (size_left + size_right))
        title = left.title(ls.id)
        same_title = len(title) >= TUNING.wording.title_min and title == right.title(rs.id)
        out.append(Candidate(ls.id, rs.id, dice, left_share, right_share,
                              tuple(overlap.left), tuple(overlap.right), same_title))
    return out


def acceptable(c: Candidate) -> bool:
    """Whether the shared wording alone makes the two sections one section modified."""
    if c.dice >= TUNING.wording.modified_dice:
        return True
    high, low = max(c.left_share, c.right_share), min(c.left_share, c.right_share)
    if c.same_title and high >= TUNING.wording.contained_titled:
        return True  # a section kept with its heading while most of its body went
    return high >= TUNING.wording.contained and low >= TUNING.wording.contained_other


def select(cands: list[Candidate], left: Side, right: Side) -> list[Candidate]:
    """Keep each section's best counterpart, and further ones only if they explain new wording."""
    chosen: list[Candidate] = []
    explained_left: dict[str, list[tuple[int, int]]] = defaultdict(list)
    explained_right: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order = {s.id: i for i, s in enumerate(left.doc.sections)}
    order_right = {s.id: i for i, s in enumerate(right.doc.sections)}
    left_len, right_len = max(1, len(left.doc.sections)), max(1, len(right.doc.sections))
    kin = _kinship(cands, left.doc, right.doc)

    def rank(c: Candidate) -> tuple[float, float, float, str, str]:
        # Best wording first; between equals, the one whose section shares most wording with
        # the other's section (a stock point, 公司章程规定的其他职权, closing the list of powers
        # of 股东会 and 董事会 alike, goes with its own list), then the one at the same relative place.
        drift = abs(order[c.left] / left_len - order_right[c.right] / right_len)
        parents = (left.doc.by_id[c.left].parent, right.doc.by_id[c.right].parent)
        return (-round(c.dice, 6), -kin.get(parents, 0.0), drift, c.left, c.right)

    for c in sorted(cands, key=rank):
        gain_left = _gain(explained_left[c.left], c.left_intervals) / left.size(c.left)
        gain_right = _gain(explained_right[c.right], c.right_intervals) / right.size(c.right)
        first_left = not explained_left[c.left]
        first_right = not explained_right[c.right]
        # A section split off (or merged in) is made of its counterpart's wording (``_made_of``):
        # it needs to add only some new ground on the other side.
        whole_right = first_right and _made_of(c.right_share, c) and gain_left > 0
        whole_left = first_left and _made_of(c.left_share, c) and gain_right > 0
        if (first_left or gain_left >= TUNING.wording.extra_share or whole_right) and (
            first_right or gain_right >= TUNING.wording.extra_share or whole_left
        ):
            chosen.append(c)
            explained_left[c.left].extend(c.left_intervals)
            explained_right[c.right].extend(c.right_intervals)
    return chosen


def _made_of(share: float, c: Candidate) -> bool:
    """Whether a section with ``share`` of its wording in the candidate's other section is made of
    it: entirely, or mostly where the pair is a modification on its own (two articles merged
    into one, each revised: 会计法 2017 第四十三条 and 第四十四条 into 2024 第四十一条)."""
    wording = TUNING.wording
    return share >= wording.whole or (share >= wording.contained and c.dice >= wording.modified_dice)


def _kinship(cands: Sequence[Candidate], left: Document, right: Document) -> dict[tuple[str | None, str | None], float]:
    """The wording each pair of parent sections shares through their children's candidates:
    the sum of the candidates' Dice, by (left parent, right parent)."""
    out: dict[tuple[str | None, str | None], float] = defaultdict(float)
    for c in cands:
        out[(left.by_id[c.left].parent, right.by_id[c.right].parent)] += c.dice
    return out


def _gain(explained: list[tuple[int, int]], new: Sequence[tuple[int, int]]) -> int:
    return union_length([*explained, *new]) - union_length(explained)


def wording_of(cands: Sequence[Candidate], left_text: str = "") -> dict[tuple[str, str], Wording]:
    """The shared wording of each candidate pair, as ``core.implement`` weighs it; with
    ``left_text`` (the base's comparison text), each shared passage on the base side too."""
    return {
        (c.left, c.right): Wording(union_length(c.left_intervals), union_length(c.right_intervals),
                                   c.left_share, c.right_share, acceptable(c),
                                   tuple((a, b, left_text[a:b]) for a, b in c.left_intervals) if left_text else ())
        for c in cands
    }
