"""The right document as a sequence of kept, deleted and inserted pieces against the left.

Built from a whole-document word diff in comparison form (``core.diff``), so it is
word-granular and independent of the section alignment. Kept text is written with
the right side's characters and deleted text with the left's; where the two sides
agree only in comparison form (Traditional against Simplified, full against half
width, spaces), the differing characters become a deletion plus an insertion. So
"accept all" gives exactly the right text and "reject all" exactly the left text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from core.diff import diff_sections
from core.model import Comparison, OpKind
from core.normalize import normalize

PieceKind = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Piece:
    """A stretch of text kept, deleted (left only) or inserted (right only)."""

    kind: PieceKind
    text: str


def tracked_pieces(comparison: Comparison) -> list[Piece]:
    """The redline of ``comparison``: left text turned into right text, in order."""
    left, right = comparison.left.text, comparison.right.text
    t2s = comparison.options.t2s
    ops = diff_sections(normalize(left, t2s=t2s), (0, len(left)), normalize(right, t2s=t2s), (0, len(right)))
    pieces: list[Piece] = []
    left_pos = right_pos = 0
    for op in ops:
        # The ops tile both texts; should a gap ever appear, it is still accounted for.
        pieces += _changed(left[left_pos : op.left_start], right[right_pos : op.right_start])
        left_text = left[op.left_start : op.left_end]
        right_text = right[op.right_start : op.right_end]
        if op.op is OpKind.EQUAL:
            pieces += _kept(left_text, right_text)
        else:
            pieces += _changed(left_text, right_text)
        left_pos, right_pos = op.left_end, op.right_end
    pieces += _changed(left[left_pos:], right[right_pos:])
    return _merged(pieces)


def _changed(left_text: str, right_text: str) -> Iterator[Piece]:
    if left_text:
        yield Piece("delete", left_text)
    if right_text:
        yield Piece("insert", right_text)


def _kept(left_text: str, right_text: str) -> Iterator[Piece]:
    """Text equal in comparison form, split where its characters differ on the page."""
    if left_text == right_text:
        yield Piece("equal", right_text)
        return
    matcher = SequenceMatcher(None, left_text, right_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield Piece("equal", right_text[j1:j2])
        else:
            yield from _changed(left_text[i1:i2], right_text[j1:j2])


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Adjacent pieces of a kind joined; within a change, the deletion comes first."""
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1].kind == piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        elif piece.kind == "delete" and out and out[-1].kind == "insert":
            # ins + del -> del + ins, merging with a deletion before the insertion
            inserted = out.pop()
            before = out[-1] if out else None
            if before is not None and before.kind == "delete":
                out[-1] = Piece("delete", before.text + piece.text)
            else:
                out.append(piece)
            out.append(inserted)
        else:
            out.append(piece)
    return out
