"""The engine's moves as blocks of the redline, each at its old and at its new place.

A moved section (``Comparison.moves``) is one block at its old place (deleted pieces
carrying the move's number: Word's ``w:moveFrom``) and one at its new place (inserted
pieces carrying the number: ``w:moveTo``; wording the pair's diff calls inserted stays a
plain insertion inside the move, wording it calls deleted is already in the old place).
A block is whole lines: the section with the indent before it and the line break after
it, so neither place keeps an empty paragraph.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from core.export.redline_pieces import Piece, tiles
from core.kinds import OpKind
from core.pairs import Pair
from core.result import Comparison


@dataclass(frozen=True)
class _Block:
    """One move: whole-line display spans at the old and the new place, and its new-place pieces."""

    number: int
    left: tuple[int, int]
    right: tuple[int, int]
    arrival: tuple[Piece, ...]


def move_blocks(comparison: Comparison) -> Moves:
    """The moves as blocks, numbered in the right side's reading order.

    A move inside (or overlapping) a larger one on either side is left out: the larger
    block carries it.
    """
    left, right = comparison.left.text, comparison.right.text
    chosen: list[tuple[tuple[int, int], tuple[int, int], int]] = []
    taken_left, taken_right = _Spans(), _Spans()
    candidates = [(comparison.left.by_id[m.left], comparison.right.by_id[m.right], m.pair) for m in comparison.moves]
    for left_section, right_section, pair in sorted(candidates, key=lambda c: c[1].start - c[1].end):
        old = _whole_lines(left, left_section.start, left_section.end)
        new = _whole_lines(right, right_section.start, right_section.end)
        if not (taken_left.overlaps(old) or taken_right.overlaps(new)):
            chosen.append((old, new, pair))
            taken_left.add(old)
            taken_right.add(new)
    chosen.sort(key=lambda c: c[1][0])
    return Moves([
        _Block(number, old, new, tuple(_arrival(comparison, comparison.pairs[pair], new, number)))
        for number, (old, new, pair) in enumerate(chosen, 1)
    ])  # fmt: skip


class Moves:
    """The move blocks, found by where they leave (left side) and where they arrive (right side)."""

    def __init__(self, blocks: list[_Block]) -> None:
        self._by_left = sorted(blocks, key=lambda b: b.left)
        self._by_right = sorted(blocks, key=lambda b: b.right)
        self.left = _Spans(b.left for b in self._by_left)
        self.right = _Spans(b.right for b in self._by_right)

    def leaving(self, start: int, end: int) -> list[_Block]:
        """The blocks whose old place starts in left ``[start, end)``."""
        return [self._by_left[i] for i in self.left.within(start, end)]

    def arriving(self, start: int, end: int) -> list[_Block]:
        """The blocks whose new place starts in right ``[start, end)``."""
        return [self._by_right[i] for i in self.right.within(start, end)]


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole lines: the indent before, spaces after, and one line break."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        start = line_start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[end:line_end].strip():
        end = line_end
    if start == line_start and end == line_end:
        # the break after the block goes with it; the last line takes the break before it
        if end < len(text):
            end += 1
        elif start > 0:
            start -= 1
    return start, end


class _Spans:
    """Disjoint spans of one side, kept sorted, for overlap and containment queries in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]

    def add(self, span: tuple[int, int]) -> None:
        at = bisect_left(self._starts, span[0])
        self._spans.insert(at, span)
        self._starts.insert(at, span[0])

    def overlaps(self, span: tuple[int, int]) -> bool:
        """True when some span shares a character with ``span``."""
        at = bisect_left(self._starts, span[1]) - 1  # the last span starting before ``span`` ends
        return at >= 0 and self._spans[at][1] > span[0]

    def within(self, start: int, end: int) -> range:
        """Indexes (in start order) of the spans starting in ``[start, end)``."""
        return range(bisect_left(self._starts, start), bisect_left(self._starts, end))


def _arrival(comparison: Comparison, pair: Pair, span: tuple[int, int], number: int) -> Iterator[Piece]:
    """The moved section at its new place: what its diff keeps is moved, what it inserts is inserted."""
    right = comparison.right.text
    section = comparison.right.by_id[pair.right]
    ops = pair.diff if tiles(pair.diff, comparison.left.by_id[pair.left], section) else ()
    yield Piece("insert", right[span[0] : section.start], move=number)
    if not ops:
        yield Piece("insert", right[section.start : section.end], move=number)
    for op in ops:
        text = right[op.right_start : op.right_end]
        yield Piece("insert", text, move=number if op.op is OpKind.EQUAL else 0)
    yield Piece("insert", right[section.end : span[1]], move=number)


def departure(left: str, block: _Block) -> list[Piece]:
    """The moved section at its old place: one deletion carrying the move's number."""
    return [Piece("delete", left[block.left[0] : block.left[1]], move=block.number)]
