"""Highlight spans of both sides (DESIGN §6), computed once per comparison.

Precedence, per character: ``shared`` (present in the counterpart: an equal span of
the pair's diff, or a common run whose other end lies in a counterpart) over
``shared-elsewhere`` (a common run whose other end lies anywhere else) over the
side's unique class. Section numbers, spaces and line breaks stay neutral, so
renumbering alone paints nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import Document, Highlight, OpKind, Pair, PairKind, Span
from core.normalize import Normalized
from core.shared import Run

_NEUTRAL, _UNIQUE, _ELSEWHERE, _SHARED = 0, 1, 2, 3


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


def _mark(classes: bytearray, start: int, end: int, value: int) -> None:
    classes[start:end] = classes[start:end].translate(_RAISE[value])


def highlights(
    left: Document,
    left_norm: Normalized,
    right: Document,
    right_norm: Normalized,
    pairs: Sequence[Pair],
    runs: Sequence[Run],
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Sorted, non-overlapping highlight spans of the left and right display texts."""
    left_classes = _base(left)
    right_classes = _base(right)
    for p in pairs:
        if p.kind is PairKind.RELATED or not _is_leaf_pair(left, right, p):
            continue
        for op in p.diff:
            if op.op is OpKind.EQUAL:
                _mark(left_classes, op.left_start, op.left_end, _SHARED)
                _mark(right_classes, op.right_start, op.right_end, _SHARED)

    counterparts = _related_sets(left, pairs, "left")
    for run in runs:
        ls, le = left_norm.to_display(run.left_start, run.left_end)
        rs, re_ = right_norm.to_display(run.right_start, run.right_end)
        mine, theirs = left.section_at(ls), right.section_at(rs)
        value = _ELSEWHERE
        if mine and theirs and counterparts[mine.id] & _ancestor_ids(right, theirs.id):
            value = _SHARED
        _mark(left_classes, ls, le, value)
        _mark(right_classes, rs, re_, value)

    for doc, classes in ((left, left_classes), (right, right_classes)):
        _neutral_numbers(doc, classes)
    return (_spans(left_classes, Highlight.LEFT_ONLY), _spans(right_classes, Highlight.RIGHT_ONLY))


def _ancestor_ids(doc: Document, sid: str) -> set[str]:
    out = set()
    current: str | None = sid
    while current:
        out.add(current)
        current = doc.by_id[current].parent
    return out


def _is_leaf_pair(left: Document, right: Document, p: Pair) -> bool:
    return left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf


def _base(doc: Document) -> bytearray:
    return bytearray(_NEUTRAL if ch.isspace() else _UNIQUE for ch in doc.text)


def _neutral_numbers(doc: Document, classes: bytearray) -> None:
    for section in doc.sections:
        classes[section.start : section.number_end] = bytes(section.number_end - section.start)


_RUNS = re.compile(rb"\x01+|\x02+|\x03+")


def _spans(classes: bytearray, unique: Highlight) -> tuple[Span, ...]:
    kinds = {_UNIQUE: unique, _ELSEWHERE: Highlight.ELSEWHERE, _SHARED: Highlight.SHARED}
    return tuple(Span(m.start(), m.end(), kinds[classes[m.start()]]) for m in _RUNS.finditer(classes))
