"""The redline's unit, a piece of text kept, deleted or inserted, and text turned into pieces.

A diff's ops become pieces in display offsets (``from_ops``); text equal in comparison
form becomes kept pieces, or pieces that differ in written form only (``kept``).

**Differences of written form only.** Text equal in comparison form may still be written
differently: Traditional against Simplified, full against half width, spaces. "Accept
all" must give exactly the right text and "reject all" exactly the left, so those
characters are still a deletion plus an insertion; but they are marked ``form`` and go
under a reviewer of their own (``docx_redline``), so that Word, WPS and LibreOffice show,
hide, accept or reject them apart from the real changes. Differences at most
``FORM_JOIN`` identical characters apart are one revision (經濟圈 is one, not two), never
across a line break; a difference of spacing alone never takes in the text around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

from core.document import Normalized, Section
from core.kinds import OpKind

# Pieces are normalized one by one, in the right's script when ``scripts`` is given: the
# result's comparison forms are of whole documents as written, and OpenCC may convert a
# piece on its own differently (see ``_form_units``), which the pieces must follow.
from core.normalize import normalize
from core.pairs import DiffOp
from core.script import Conversion

PieceKind = Literal["equal", "delete", "insert"]

FORM_JOIN = 4  # identical characters at most between two differences of form that make one revision


@dataclass(frozen=True)
class Piece:
    """A stretch of text kept, deleted (left only) or inserted (right only).

    ``form``: a deletion or insertion whose text differs from the other side's only in
    written form (script, width, spacing). ``move``: n > 0 when the piece is part of
    move n, at its old place (a deletion) or its new place (an insertion).
    """

    kind: PieceKind
    text: str
    form: bool = False
    move: int = 0


@dataclass(frozen=True)
class Forms:
    """How text equal in comparison form is written: ``t2s`` as the comparison ran;
    ``scripts``: the left is in the right's script, and script-only differences take the right's spelling."""

    t2s: bool
    scripts: Conversion | None = None

    def same_wording(self, left_text: str, right_text: str) -> bool:
        """True when the left is in the right's script and the texts are alike or differ in script alone."""
        return self.scripts is not None and (left_text == right_text or self.scripts.script_only(left_text, right_text))

    def variant(self, old: str, new: str) -> bool:
        """True when the left is in the right's script and ``old`` and ``new``, a unit of text equal in
        comparison form, still differ in script alone: the right's spelling is then kept.

        Such a unit is either read alike by OpenCC on its own, or ideographs on both sides
        of one length: equal in comparison form, ideographs can only differ in script
        (瞭 of 瞭解 against 了 of 了解 reads alike only with its neighbour, as the comparison
        form read it); width, quotes and spacing are other characters.
        """
        if self.scripts is None or old == new:
            return False
        return (len(old) == len(new) and _ideographs(old) and _ideographs(new)) or self.scripts.script_only(old, new)


def tiles(ops: Sequence[DiffOp], left: Section, right: Section) -> bool:
    """True when ``ops`` cover both sections from end to end (a pair's diff always should)."""
    return bool(ops) and (ops[0].left_start, ops[0].right_start, ops[-1].left_end, ops[-1].right_end) == (
        left.start, right.start, left.end, right.end)  # fmt: skip


def from_ops(left: str, right: str, ops: Iterable[DiffOp], forms: Forms) -> list[Piece]:
    """Pieces of a diff in display offsets: equal text kept (split where only its form differs)."""
    pieces: list[Piece] = []
    for op in ops:
        left_text = left[op.left_start : op.left_end]
        right_text = right[op.right_start : op.right_end]
        # In the right's script, a change the engine found may be one of script alone (著力 against
        # 着力, which its t2s comparison form keeps apart): then it is no change.
        if op.op is OpKind.EQUAL or forms.same_wording(left_text, right_text):
            pieces += kept(left_text, right_text, forms)
        else:
            pieces += changed(left_text, right_text)
    return pieces


def changed(left_text: str, right_text: str, form: bool = False) -> Iterator[Piece]:
    """``left_text`` deleted and ``right_text`` inserted, each only when it is not empty."""
    if left_text:
        yield Piece("delete", left_text, form)
    if right_text:
        yield Piece("insert", right_text, form)


def kept(left_text: str, right_text: str, forms: Forms) -> list[Piece]:
    """Text equal in comparison form: kept where written alike, else one revision of form per clause."""
    if left_text == right_text:
        return [Piece("equal", right_text)] if right_text else []
    units = _form_units(left_text, right_text, forms)
    if forms.scripts is not None:
        units = [(new, new) if forms.variant(old, new) else (old, new) for old, new in units]
    pieces: list[Piece] = []
    for old, new in _joined(units):
        pieces += [Piece("equal", new)] if old == new else changed(old, new, form=True)
    return pieces


def _ideographs(text: str) -> bool:
    """True when ``text`` is all CJK ideographs (unified, extensions and compatibility)."""
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003ffff"
               for ch in text)  # fmt: skip


def _form_units(left_text: str, right_text: str, forms: Forms) -> list[tuple[str, str]]:
    """The two texts as ``(left, right)`` units that are either written alike or differ whole.

    Both texts have the same comparison form, so its characters pair up one to one; a
    unit ends wherever both sides start a new display character there. Each differing
    unit is trimmed to its differing middle (經 against 经, a space against none).
    """
    left_norm, right_norm = normalize(left_text, forms.t2s), normalize(right_text, forms.t2s)
    if left_norm.text != right_norm.text:
        # converted differently in this context than in the whole document: align literally
        return _literal_units(left_text, right_text)
    size = len(left_norm.text)
    cuts = [0, *(i for i in range(1, size) if _starts_new(left_norm, i) and _starts_new(right_norm, i)), size]
    units: list[tuple[str, str]] = []
    for i, j in pairwise(cuts):
        units += _trimmed(left_text[_display(left_norm, i, size) : _display(left_norm, j, size)],
                          right_text[_display(right_norm, i, size) : _display(right_norm, j, size)])  # fmt: skip
    return units if size else _trimmed(left_text, right_text)


def _starts_new(norm: Normalized, i: int) -> bool:
    return bool(norm.starts[i] != norm.starts[i - 1])


def _display(norm: Normalized, i: int, size: int) -> int:
    """Display offset of unit boundary ``i``: dropped characters (spaces) end the unit before."""
    return 0 if i == 0 else norm.display_length if i == size else int(norm.starts[i])


def _literal_units(left_text: str, right_text: str) -> list[tuple[str, str]]:
    matcher = SequenceMatcher(None, left_text, right_text, autojunk=False)
    return [(left_text[i1:i2], right_text[j1:j2]) for _, i1, i2, j1, j2 in matcher.get_opcodes()]


def _trimmed(old: str, new: str) -> list[tuple[str, str]]:
    """``(old, new)`` as its common head, differing middle and common tail (empty parts left out)."""
    if old == new:
        return [(old, new)]
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    parts = [(old[:head], new[:head]), (old[head : len(old) - tail], new[head : len(new) - tail]),
             (old[len(old) - tail :], new[len(new) - tail :])]  # fmt: skip
    return [(a, b) for a, b in parts if a or b]


def _joined(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Units with neighbours of a kind merged, and two differences of script or width that
    stand at most ``FORM_JOIN`` identical characters apart on one line made one."""
    out: list[tuple[str, str]] = []
    for old, new in units:
        same = old == new
        if out and (out[-1][0] == out[-1][1]) == same:
            out[-1] = (out[-1][0] + old, out[-1][1] + new)
            continue
        if not same and len(out) >= 2 and _joinable(out[-2], out[-1][0], (old, new)):
            between = out.pop()[0]
            before = out.pop()
            out.append((before[0] + between + old, before[1] + between + new))
            continue
        out.append((old, new))
    return out


def _joinable(before: tuple[str, str], between: str, after: tuple[str, str]) -> bool:
    def written(unit: tuple[str, str]) -> bool:
        return bool(unit[0].strip() or unit[1].strip())  # not a difference of spacing alone

    return len(between) <= FORM_JOIN and "\n" not in between and written(before) and written(after)
