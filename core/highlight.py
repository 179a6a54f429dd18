"""Highlight spans of both sides (DESIGN §6), computed once per comparison.

One marking model, with a precedence rule:

1. Text that a ``same``/``modified`` pair's diff covers is *explained* by it, and that
   diff alone decides its mark: ``shared`` for an equal span, the side's unique class
   (deleted on the left, inserted on the right) for every other op. A section's own
   text (its heading and body, not its sub-sections) is decided by its own pairs: a
   sub-section is decided by the pairs it has itself, so an unpaired paragraph inside
   a modified chapter is left unexplained rather than swallowed by the chapter's diff.
   Where a section has several counterparts, text equal in any of them is shared.
   A section paired with a counterpart of another outline shape (a heading or preamble
   kept while its paragraphs went or came: a parent on one side, one leaf on the other)
   is decided whole by that pair's diff; its paragraphs' own pairs with the same leaf,
   each matching only part of it, decide nothing.
2. Only unexplained text takes marks from the shared wording of the two documents:
   ``shared`` when the passage's other end lies in a counterpart (of the section or
   of an ancestor), ``shared-elsewhere`` when it lies anywhere else. Stock wording
   (``core.shared.is_stock``) marks nothing: it would make new text look old.
3. The rest keeps the side's unique class. Section numbers, spaces and line breaks
   stay neutral, so renumbering alone paints nothing.

So a character a pair's diff marks deleted or inserted is never shown as shared
elsewhere, and a changed value (one token to the diff) is marked whole on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core import patterns
from core.document import Document
from core.kinds import Highlight, OpKind, PairKind
from core.normalize import Normalized
from core.pairs import Pair
from core.result import Span
from core.shared import Run, is_stock

_NEUTRAL, _UNIQUE, _ELSEWHERE, _SHARED = 0, 1, 2, 3
_DIFFED = (PairKind.SAME, PairKind.MODIFIED)


def _related_sets(doc: Document, pairs: Sequence[Pair], side: str) -> dict[str, set[str]]:
    """For each section, the other side's sections that count as its counterpart.

    A counterpart of a section or of any of its ancestors counts, and so does
    anything inside such a counterpart.
    """
    direct: dict[str, set[str]] = {}
    for p in pairs:
        mine, other = (p.left, p.right) if side == "left" else (p.right, p.left)
        direct.setdefault(mine, set()).add(other)
    out: dict[str, set[str]] = {}
    for section in doc.sections:
        inherited = out.get(section.parent, set()) if section.parent else set()
        out[section.id] = inherited | direct.get(section.id, set())
    return out


# _RAISE[v] maps each class to max(class, v): one C-level translate per span.
_RAISE = [bytes(max(i, v) for i in range(256)) for v in range(4)]
_UNEXPLAINED = re.compile(rb"\x00+")
_SPACES = patterns.compiled(r"\s+")


def _mark(classes: bytearray, start: int, end: int, value: int) -> None:
    classes[start:end] = classes[start:end].translate(_RAISE[value])


def _mark_unexplained(classes: bytearray, explained: bytearray, start: int, end: int, value: int) -> None:
    """Raise the class of the characters in ``[start, end)`` that no pair's diff explains."""
    for gap in _UNEXPLAINED.finditer(explained, start, end):
        _mark(classes, gap.start(), gap.end(), value)


def _own_ranges(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """For each section, the ranges of its own text: its extent minus its sub-sections'."""
    by_id = doc.by_id
    out: dict[str, list[tuple[int, int]]] = {}
    for section in doc.sections:
        ranges = []
        pos = section.start
        for child in sorted((by_id[c] for c in section.children), key=lambda s: s.start):
            if child.start > pos:
                ranges.append((pos, child.start))
            pos = max(pos, child.end)
        if section.end > pos:
            ranges.append((pos, section.end))
        out[section.id] = ranges
    return out


def _clipped(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` that lie inside ``ranges``."""
    return [(max(start, a), min(end, b)) for a, b in ranges if a < end and start < b]


class _Side:
    """Classes and the explained mask of one side's display text."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.classes = bytearray([_UNIQUE]) * len(doc.text)
        for space in _SPACES.finditer(doc.text):
            self.classes[space.start() : space.end()] = bytes(space.end() - space.start())
        self.explained = bytearray(len(doc.text))
        self.own = _own_ranges(doc)

    def explain(self, sid: str, start: int, end: int, equal: bool, whole: bool = False) -> None:
        """Mark the part of ``[start, end)`` in section ``sid``'s own text (``whole``: anywhere
        in the section) as decided by a diff."""
        section = self.doc.by_id[sid]
        for a, b in _clipped(start, end, [(section.start, section.end)] if whole else self.own[sid]):
            self.explained[a:b] = b"\x01" * (b - a)
            if equal:
                _mark(self.classes, a, b, _SHARED)

    def finish(self, unique: Highlight) -> tuple[Span, ...]:
        """Neutral section numbers, then the spans of every class."""
        for section in self.doc.sections:
            self.classes[section.start : section.number_end] = bytes(section.number_end - section.start)
        return _spans(self.classes, unique)


def highlights(
    left: Document,
    left_norm: Normalized,
    right: Document,
    right_norm: Normalized,
    pairs: Sequence[Pair],
    runs: Sequence[Run],
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Sorted, non-overlapping highlight spans of the left and right display texts."""
    left_side, right_side = _Side(left), _Side(right)
    shapes = {(p.left, p.right) for p in pairs
              if p.kind in _DIFFED and left.by_id[p.left].is_leaf != right.by_id[p.right].is_leaf}
    inside = _inside_shapes(left, right, shapes)
    for p in pairs:
        if p.kind not in _DIFFED or (p.left, p.right) in inside:
            continue
        whole = (p.left, p.right) in shapes
        for op in p.diff:
            equal = op.op is OpKind.EQUAL
            left_side.explain(p.left, op.left_start, op.left_end, equal, whole)
            right_side.explain(p.right, op.right_start, op.right_end, equal, whole)

    counterparts = _related_sets(left, pairs, "left")
    # Every run passes here, and a document that repeats its passages has many more runs
    # than paragraphs: the display spans are read straight from the offset maps (what
    # Normalized.to_display gives for a non-empty span), and a run whose two ends the
    # pairs' diffs decide whole, as most are, marks nothing and is passed over.
    left_starts, left_ends = left_norm.starts, left_norm.ends
    right_starts, right_ends = right_norm.starts, right_norm.ends
    left_open, right_open = left_side.explained.find, right_side.explained.find
    for run in runs:
        if not run.length:
            continue
        ls, le = left_starts[run.left_start], left_ends[run.left_start + run.length - 1]
        rs, re_ = right_starts[run.right_start], right_ends[run.right_start + run.length - 1]
        if left_open(0, ls, le) < 0 and right_open(0, rs, re_) < 0:
            continue
        if is_stock(left_norm.text[run.left_start : run.left_end]):
            continue  # common policy wording says nothing about where new text came from
        mine, theirs = left.section_at(ls), right.section_at(rs)
        value = _ELSEWHERE
        if mine and theirs and counterparts[mine.id] & {theirs.id, *right.ancestors[theirs.id]}:
            value = _SHARED
        _mark_unexplained(left_side.classes, left_side.explained, ls, le, value)
        _mark_unexplained(right_side.classes, right_side.explained, rs, re_, value)

    return left_side.finish(Highlight.LEFT_ONLY), right_side.finish(Highlight.RIGHT_ONLY)


def _inside_shapes(left: Document, right: Document, shapes: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs of a section inside one side of a shape pair with the leaf on its other side."""
    out = set()
    for a, b in shapes:
        if right.by_id[b].is_leaf:
            out |= {(section.id, b) for section in left.descendants(a)}
        else:
            out |= {(a, section.id) for section in right.descendants(b)}
    return out




_RUNS = re.compile(rb"\x01+|\x02+|\x03+")


def _spans(classes: bytearray, unique: Highlight) -> tuple[Span, ...]:
    kinds = {_UNIQUE: unique, _ELSEWHERE: Highlight.ELSEWHERE, _SHARED: Highlight.SHARED}
    return tuple(Span(m.start(), m.end(), kinds[classes[m.start()]]) for m in _RUNS.finditer(classes))
