"""The right document as kept, deleted, inserted and moved pieces against the left.

Built from what the engine found, not from a second diff of both whole documents:

1. **Moves** (``Comparison.moves``): a moved section is one block at its old place
   (deleted pieces carrying the move's number: Word's ``w:moveFrom``) and one at its
   new place (inserted pieces carrying the number: ``w:moveTo``; wording the pair's diff
   calls inserted stays a plain insertion inside the move, wording it calls deleted is
   already in the old place). A block is whole lines: the section with the indent
   before it and the line break after it, so neither place keeps an empty paragraph.
2. **Anchors**: the heaviest chain of paired leaves (same or modified, outside every
   move) standing in the same order on both sides. Each brings its pair's own diff, so
   the redline marks exactly what the window and the reports mark. A leaf that holds a
   heading kept across outline shapes (a section that lost or gained a paragraph: the
   heading heads a leaf on one side and a parent on the other, and ``Comparison.pairs``
   pairs the two) leaves its heading line to the stretch before it, where it meets the
   parent's heading line and is kept, as the window shows it; its paragraph's diff has
   the heading on one side only.
3. **Between two anchors** is what no pair explains on either side (headings, unpaired
   and related sections, with move blocks cut out). It is diffed line by line, then
   word by word inside changed lines, with a bound on the work (``core.diff.token_diff``'s
   ``limit``): a stretch too long to diff is replaced whole, so no input takes seconds
   and the result never depends on the machine.

**Differences of written form only.** Text equal in comparison form may still be written
differently: Traditional against Simplified, full against half width, spaces. "Accept
all" must give exactly the right text and "reject all" exactly the left, so those
characters are still a deletion plus an insertion; but they are marked ``form`` and go
under a reviewer of their own (``docx_redline``), so that Word, WPS and LibreOffice show,
hide, accept or reject them apart from the real changes. Differences at most
``FORM_JOIN`` identical characters apart are one revision (經濟圈 is one, not two), never
across a line break; a difference of spacing alone never takes in the text around it.

**Documents in different scripts.** Given a ``core.script.Conversion`` (the writer's
default, see ``redline_conversion``), the left text is written in the right's script
before any piece is cut, so that a difference of script is no piece at all. OpenCC keeps
the length of the text, so every offset of the comparison still holds. Where the right
spells shared wording in another variant of its script than OpenCC does (范 for 範 in a
Traditional text converted by machine), the right's spelling is kept: the pieces that
are not insertions spell the left's wording in the right's script.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

# Two stages, on text the engine never compared as such. The anchors and the moves are read
# from the result (the pairs' own diffs, ``Comparison.moves``); the stretches between them,
# with the move blocks cut out, no stage diffed, so they are diffed here with bounds of their
# own. Pieces are normalized one by one, in the right's script when ``scripts`` is given:
# the result's comparison forms are of whole documents as written, and OpenCC may convert a
# piece on its own differently (see ``_form_units``), which the pieces must follow.
from core.diff import diff_sections, encode_units, grouped, token_diff, unit_codes
from core.model import Comparison, DiffOp, Normalized, OpKind, Pair, Section
from core.normalize import normalize
from core.script import Conversion, conversion

PieceKind = Literal["equal", "delete", "insert"]

FORM_JOIN = 4  # identical characters at most between two differences of form that make one revision
WORD_LIMIT = 300  # tokens (both sides) of one stretch between anchors still diffed word by word
LINE_LIMIT = 300  # lines (both sides) of one stretch still diffed line by line
_MAX_LINES = 100_000  # beyond this many lines, no line pass: the unit characters would run short


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
class _Forms:
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


@dataclass(frozen=True)
class _Block:
    """One move: whole-line display spans at the old and the new place, and its new-place pieces."""

    number: int
    left: tuple[int, int]
    right: tuple[int, int]
    arrival: tuple[Piece, ...]


def redline_conversion(comparison: Comparison) -> Conversion | None:
    """How the redline writes the left text in the right document's script; None when it
    writes the left as it is: both in one script, or the engine compared without
    converting scripts (the ``--no-t2s`` option: then a difference of script is a change)."""
    if not comparison.options.t2s:
        return None
    return conversion(comparison.left.text, comparison.right.text)


def tracked_pieces(comparison: Comparison, scripts: Conversion | None = None) -> list[Piece]:
    """The redline of ``comparison``: left text turned into right text, in order.

    The pieces that are not insertions spell the left text, those that are not
    deletions the right text. With ``scripts`` (see ``redline_conversion``) the left
    text is first written in the right's script, and where the two still spell shared
    wording in different variants of that script (範 against 范 in a text converted by
    machine), the right's spelling is kept: the pieces that are not insertions then spell
    the left's wording in the right's script, and no piece differs from its counterpart
    in script alone.
    """
    left, right = comparison.left.text, comparison.right.text
    if scripts is not None:
        left = scripts.convert(left)  # of the same length: every offset of the comparison still holds
    forms = _Forms(comparison.options.t2s, scripts)
    moves = _move_blocks(comparison)
    heads = _shape_heads(comparison)
    pieces: list[Piece] = []
    left_pos = right_pos = 0
    for pair, left_section, right_section in _anchor_chain(comparison, moves):
        ops = _past_kept_heading(comparison, pair.diff, left_section, right_section, heads)
        if not ops:
            continue  # nothing of the pair is left past the heading: the next stretch takes it all
        gap = ((left_pos, ops[0].left_start), (right_pos, ops[0].right_start))
        pieces += _between(left, gap[0], right, gap[1], moves, forms)
        pieces += _from_ops(left, right, ops, forms)
        left_pos, right_pos = left_section.end, right_section.end
    pieces += _between(left, (left_pos, len(left)), right, (right_pos, len(right)), moves, forms)
    return _merged(pieces)


# --- moves ---------------------------------------------------------------------------


def _move_blocks(comparison: Comparison) -> _Moves:
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
    return _Moves([
        _Block(number, old, new, tuple(_arrival(comparison, comparison.pairs[pair], new, number)))
        for number, (old, new, pair) in enumerate(chosen, 1)
    ])  # fmt: skip


class _Moves:
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
    ops = pair.diff if _tiles(pair.diff, comparison.left.by_id[pair.left], section) else ()
    yield Piece("insert", right[span[0] : section.start], move=number)
    if not ops:
        yield Piece("insert", right[section.start : section.end], move=number)
    for op in ops:
        text = right[op.right_start : op.right_end]
        yield Piece("insert", text, move=number if op.op is OpKind.EQUAL else 0)
    yield Piece("insert", right[section.end : span[1]], move=number)


def _departure(left: str, block: _Block) -> list[Piece]:
    return [Piece("delete", left[block.left[0] : block.left[1]], move=block.number)]


# --- anchors -------------------------------------------------------------------------


def _tiles(ops: Sequence[DiffOp], left: Section, right: Section) -> bool:
    """True when ``ops`` cover both sections from end to end (a pair's diff always should)."""
    return bool(ops) and (ops[0].left_start, ops[0].right_start, ops[-1].left_end, ops[-1].right_end) == (
        left.start, right.start, left.end, right.end)  # fmt: skip


def _anchor_chain(comparison: Comparison, moves: _Moves) -> list[tuple[Pair, Section, Section]]:
    """The paired leaves the redline takes whole from their pair's diff, in document order.

    Of the same/modified leaf pairs outside every move, the chain in the same order on
    both sides that keeps the most equal text (a heaviest increasing subsequence, found
    with a Fenwick tree of prefix maxima over the right starts).
    """
    candidates: list[tuple[Pair, Section, Section, int]] = []
    for pair in comparison.pairs:
        left, right = comparison.left.by_id[pair.left], comparison.right.by_id[pair.right]
        if not (left.is_leaf and right.is_leaf and _tiles(pair.diff, left, right)):
            continue
        if moves.left.overlaps((left.start, left.end)) or moves.right.overlaps((right.start, right.end)):
            continue
        weight = sum(op.right_end - op.right_start for op in pair.diff if op.op is OpKind.EQUAL)
        if weight:
            candidates.append((pair, left, right, weight))
    # by left start; one left leaf's pairs by falling right start, so no two of them chain
    candidates.sort(key=lambda c: (c[1].start, -c[2].start))
    rank = {start: n for n, start in enumerate(sorted({c[2].start for c in candidates}), 1)}
    tree = [(0, -1)] * (len(rank) + 1)  # (best total weight, its last candidate) over right ranks
    previous = [-1] * len(candidates)
    totals = [0] * len(candidates)
    for k, (_, _, right, weight) in enumerate(candidates):
        best, i = (0, -1), rank[right.start] - 1
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        totals[k], previous[k] = best[0] + weight, best[1]
        i = rank[right.start]
        while i < len(tree):
            tree[i] = max(tree[i], (totals[k], k))
            i += i & -i
    chain: list[tuple[Pair, Section, Section]] = []
    k = max(range(len(candidates)), key=lambda n: (totals[n], n), default=-1)
    while k >= 0:
        chain.append(candidates[k][:3])
        k = previous[k]
    return chain[::-1]


def _shape_heads(comparison: Comparison) -> tuple[set[str], set[str]]:
    """Ids of the left and of the right leaves whose heading a parent of the other side shares.

    A revision pairs a parent with a leaf headed by the same line when the section lost
    or gained paragraphs (``core.parents``): the pair of a parent with a leaf, as no other
    stage makes one. The leaf is a heading of its own line with its one paragraph.
    """
    left_ids: set[str] = set()
    right_ids: set[str] = set()
    for pair in comparison.pairs:
        left, right = comparison.left.by_id[pair.left], comparison.right.by_id[pair.right]
        if left.is_leaf == right.is_leaf:
            continue
        leaf, ids = (right, right_ids) if right.is_leaf else (left, left_ids)
        if leaf.is_headed_leaf:
            ids.add(leaf.id)
    return left_ids, right_ids


def _past_kept_heading(
    comparison: Comparison, ops: Sequence[DiffOp], left: Section, right: Section, heads: tuple[set[str], set[str]]
) -> Sequence[DiffOp]:
    """An anchor's ops, less those of a kept heading line its leaf holds on one side only.

    The paragraph's pair has the heading line of ``left`` (or ``right``) on that side
    only, so its diff deletes (inserts) the line; the heading's own pair, of a parent with
    the leaf, keeps it. Cut at the first op boundary past the heading line, the line goes
    to the stretch before the anchor, which holds the parent's heading line on the other
    side and is diffed line by line. Ops are cut at their boundaries only, so what
    remains still tiles the rest of both sections; a diff that already keeps the line
    is left whole.
    """
    if left.id in heads[0]:
        text, section, side = comparison.left.text, left, 0
    elif right.id in heads[1]:
        text, section, side = comparison.right.text, right, 1
    else:
        return ops
    line_end = text.find("\n", section.heading_end, section.end)
    target = line_end + 1 if line_end >= 0 and not text[section.heading_end : line_end].strip() else section.heading_end
    starts = [op.right_start if side else op.left_start for op in ops]
    cut = next((i for i, start in enumerate(starts) if start >= target), len(ops))
    if all(op.op is OpKind.EQUAL for op in ops[:cut]):
        return ops
    return ops[cut:]


def _from_ops(left: str, right: str, ops: Iterable[DiffOp], forms: _Forms) -> list[Piece]:
    """Pieces of a diff in display offsets: equal text kept (split where only its form differs)."""
    pieces: list[Piece] = []
    for op in ops:
        left_text = left[op.left_start : op.left_end]
        right_text = right[op.right_start : op.right_end]
        # In the right's script, a change the engine found may be one of script alone (著力 against
        # 着力, which its t2s comparison form keeps apart): then it is no change.
        if op.op is OpKind.EQUAL or forms.same_wording(left_text, right_text):
            pieces += _kept(left_text, right_text, forms)
        else:
            pieces += _changed(left_text, right_text)
    return pieces


# --- between anchors -----------------------------------------------------------------


def _between(
    left: str, left_span: tuple[int, int], right: str, right_span: tuple[int, int], moves: _Moves, forms: _Forms
) -> list[Piece]:
    """The stretch between two anchors: its move blocks in place, the rest diffed with a bound."""
    departures = [(b.left, _departure(left, b)) for b in moves.leaving(*left_span)]
    arrivals = [(b.right, list(b.arrival)) for b in moves.arriving(*right_span)]
    left_rest, left_cuts = _cut(left, left_span, departures)
    right_rest, right_cuts = _cut(right, right_span, arrivals)
    return _spliced(_unaligned(left_rest, right_rest, forms), left_cuts, right_cuts)


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


def _unaligned(left: str, right: str, forms: _Forms) -> list[Piece]:
    """Two stretches no pair aligns: equal lines kept, changed lines diffed word by word."""
    if not left or not right or left == right:
        return _kept(left, right, forms) if left == right else list(_changed(left, right))
    left_norm, right_norm = normalize(left, forms.t2s), normalize(right, forms.t2s)
    left_lines, right_lines = _lines(left), _lines(right)
    if len(left_lines) + len(right_lines) > _MAX_LINES:
        return _from_ops(left, right, diff_sections(left_norm, (0, len(left)), right_norm, (0, len(right)),
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
            pieces += _kept(left_text, right_text, forms)
        elif kind is OpKind.REPLACE:
            pieces += _from_ops(left, right, diff_sections(left_norm, left_span, right_norm, right_span, WORD_LIMIT),
                                forms)  # fmt: skip
        else:
            pieces += _changed(left_text, right_text)
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


# --- kept text and differences of form -----------------------------------------------


def _changed(left_text: str, right_text: str, form: bool = False) -> Iterator[Piece]:
    if left_text:
        yield Piece("delete", left_text, form)
    if right_text:
        yield Piece("insert", right_text, form)


def _kept(left_text: str, right_text: str, forms: _Forms) -> list[Piece]:
    """Text equal in comparison form: kept where written alike, else one revision of form per clause."""
    if left_text == right_text:
        return [Piece("equal", right_text)] if right_text else []
    units = _form_units(left_text, right_text, forms)
    if forms.scripts is not None:
        units = [(new, new) if forms.variant(old, new) else (old, new) for old, new in units]
    pieces: list[Piece] = []
    for old, new in _joined(units):
        pieces += [Piece("equal", new)] if old == new else _changed(old, new, form=True)
    return pieces


def _ideographs(text: str) -> bool:
    """True when ``text`` is all CJK ideographs (unified, extensions and compatibility)."""
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003ffff"
               for ch in text)  # fmt: skip


def _form_units(left_text: str, right_text: str, forms: _Forms) -> list[tuple[str, str]]:
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


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Empty pieces dropped, neighbours of one kind joined; within a change the deletion comes first."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and _key(out[-1]) == _key(piece):
            out[-1] = replace(piece, text=out[-1].text + piece.text)
        elif piece.kind == "delete" and out and _key(out[-1]) == ("insert", piece.form, 0) and not piece.move:
            # ins + del -> del + ins, merging with a deletion before the insertion
            inserted = out.pop()
            if out and _key(out[-1]) == _key(piece):
                out[-1] = replace(piece, text=out[-1].text + piece.text)
            else:
                out.append(piece)
            out.append(inserted)
        else:
            out.append(piece)
    return out


def _key(piece: Piece) -> tuple[str, bool, int]:
    return piece.kind, piece.form, piece.move
