"""The stretches of the redline between two anchors: what no pair explains on either side.

Headings, unpaired and related sections, with move blocks cut out and put back in
place. A stretch is diffed line by line, then word by word inside changed lines (in a
revision; an implementing document's changed lines are replaced whole), with a
bound on the work (``core.unit_diff.token_diff``'s ``limit``): a stretch too long to diff is
replaced whole, so no input takes seconds and the result never depends on the machine.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING

# Text the engine never compared as such. The anchors and the moves are read from the result
# (the pairs' own diffs, ``Comparison.moves``); the stretches between them, with the move
# blocks cut out, no stage diffed, so they are diffed here with bounds of their own, each
# normalized on its own as the pieces are (``redline_pieces``).
from core.diff import diff_sections
from core.export.redline_moves import departure
from core.export.redline_pieces import Forms, Piece, changed, from_ops, kept
from core.kinds import OpKind
from core.normalize import normalize
from core.unit_diff import encode_units, grouped, token_diff, unit_codes

if TYPE_CHECKING:
    from core.export.redline_moves import Moves

WORD_LIMIT = 300  # tokens (both sides) of one stretch between anchors still diffed word by word
LINE_LIMIT = 300  # lines (both sides) of one stretch still diffed line by line
_MAX_LINES = 100_000  # beyond this many lines, no line pass: the unit characters would run short


def between(
    left: str, left_span: tuple[int, int], right: str, right_span: tuple[int, int], moves: Moves, forms: Forms,
    words: bool = True,
) -> list[Piece]:
    """The stretch between two anchors: its move blocks in place, the rest diffed with a bound;
    without ``words``, changed lines are replaced whole rather than diffed word by word."""
    departures = [(b.left, departure(left, b)) for b in moves.leaving(*left_span)]
    arrivals = [(b.right, list(b.arrival)) for b in moves.arriving(*right_span)]
    left_rest, left_cuts = _cut(left, left_span, departures)
    right_rest, right_cuts = _cut(right, right_span, arrivals)
    return _spliced(_unaligned(left_rest, right_rest, forms, words), left_cuts, right_cuts)


def _cut(
    text: str, span: tuple[int, int], blocks: list[tuple[tuple[int, int], list[Piece]]]
) -> tuple[str, list[tuple[int, list[Piece]]]]:
    """``text[span]`` without the blocks, and where in what remains each block stood."""
    parts: list[str] = []
    at: list[tuple[int, list[Piece]]] = []
    pos, length = span[0], 0
    for (start, end), pieces in sorted(blocks, key=lambda b: b[0]):
        parts.append(text[pos:start])
        length += start - pos
        at.append((length, pieces))
        pos = end
    parts.append(text[pos : span[1]])
    return "".join(parts), at


def _spliced(
    pieces: list[Piece], left_cuts: list[tuple[int, list[Piece]]], right_cuts: list[tuple[int, list[Piece]]]
) -> list[Piece]:
    """``pieces`` with each cut's pieces put back where the left (or right) text reaches its place."""
    out: list[Piece] = []
    lefts, rights = deque(left_cuts), deque(right_cuts)
    left_pos = right_pos = 0

    def put_back() -> None:
        while lefts and lefts[0][0] == left_pos:
            out.extend(lefts.popleft()[1])
        while rights and rights[0][0] == right_pos:
            out.extend(rights.popleft()[1])

    for piece in pieces:
        text = piece.text
        while text:
            put_back()
            size = len(text)
            if piece.kind != "insert" and lefts:
                size = min(size, lefts[0][0] - left_pos)
            if piece.kind != "delete" and rights:
                size = min(size, rights[0][0] - right_pos)
            out.append(replace(piece, text=text[:size]))
            left_pos += 0 if piece.kind == "insert" else size
            right_pos += 0 if piece.kind == "delete" else size
            text = text[size:]
    put_back()
    return out


def _unaligned(left: str, right: str, forms: Forms, words: bool = True) -> list[Piece]:
    """Two stretches no pair aligns: equal lines kept, changed lines diffed word by word (or,
    without ``words``, replaced whole)."""
    if not left or not right or left == right:
        return kept(left, right, forms) if left == right else list(changed(left, right))
    left_norm, right_norm = normalize(left, forms.t2s), normalize(right, forms.t2s)
    left_lines, right_lines = _lines(left), _lines(right)
    if len(left_lines) + len(right_lines) > _MAX_LINES:
        if not words:
            return list(changed(left, right))
        return from_ops(left, right, diff_sections(left_norm, (0, len(left)), right_norm, (0, len(right)),
                                                   WORD_LIMIT), forms)  # fmt: skip
    codes: dict[str, str] = {}
    pool = unit_codes()
    encoded_left = encode_units(left_norm.text, [left_norm.from_display(*s) for s in left_lines], codes, pool)
    encoded_right = encode_units(right_norm.text, [right_norm.from_display(*s) for s in right_lines], codes, pool)
    pieces: list[Piece] = []
    line_left = line_right = 0
    for kind, n_left, n_right in grouped(token_diff(encoded_left, encoded_right, LINE_LIMIT)):
        left_span = _joined_lines(left_lines, line_left, n_left, len(left))
        right_span = _joined_lines(right_lines, line_right, n_right, len(right))
        line_left, line_right = line_left + n_left, line_right + n_right
        left_text, right_text = left[slice(*left_span)], right[slice(*right_span)]
        if kind is OpKind.EQUAL:
            pieces += kept(left_text, right_text, forms)
        elif kind is OpKind.REPLACE and words:
            pieces += from_ops(left, right, diff_sections(left_norm, left_span, right_norm, right_span, WORD_LIMIT),
                               forms)  # fmt: skip
        else:
            pieces += changed(left_text, right_text)
    return pieces


def _lines(text: str) -> list[tuple[int, int]]:
    """Display spans of the lines of ``text``, each with its line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        spans.append((start, end))
        start = end
    return spans


def _joined_lines(lines: list[tuple[int, int]], first: int, count: int, length: int) -> tuple[int, int]:
    """Display span of ``count`` lines from line ``first`` (empty, at its place, when none)."""
    start = lines[first][0] if first < len(lines) else length
    return (start, lines[first + count - 1][1]) if count else (start, start)
