"""Word-level diff of two aligned sections.

Both sections are compared in comparison form (see ``core.normalize``), word by word
(``core.tokens``: a value such as 2025年, 1200亿元 or 16.5% is one token, so a changed
figure is replaced whole on both sides, never digit by digit): each distinct token
becomes one private-use character, diff-match-patch diffs the two
strings of token characters (no timeout, so the result never depends on machine
speed) and its semantic cleanup merges scattered small edits. The operations are then
mapped back to display offsets so that they tile both sections exactly.

A caller that diffs text nobody aligned (the redline's stretches between paired
sections) passes a ``limit``: a stretch between anchors holding more tokens than that is
replaced whole instead of diffed. The bound is on the work, not the clock, so the
result still never depends on machine speed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from diff_match_patch import diff_match_patch

from core.model import DiffOp, Document, OpKind, Section
from core.normalize import Normalized
from core.tokens import tokenize

# Above this many tokens on either side, the diff is split at anchors (see _token_diff).
_ANCHOR_ABOVE = 300


def unit_codes() -> Iterator[str]:
    """Private-use characters, one per distinct unit (token or line) of a diff."""
    # The BMP private-use area, then supplementary planes 15 and 16: room for
    # 6,400 + 2 x 65,534 distinct tokens, far more than two sections hold.
    for first, last in ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)):
        for code in range(first, last + 1):
            yield chr(code)


def encode_units(text: str, spans: Sequence[tuple[int, int]], codes: dict[str, str], pool: Iterator[str]) -> str:
    """``text``'s units at ``spans`` as one character each; equal units share their character."""
    chars = []
    for start, end in spans:
        token = text[start:end]
        char = codes.get(token)
        if char is None:
            char = codes[token] = next(pool)
        chars.append(char)
    return "".join(chars)


def _anchors(left: str, right: str) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` of tokens found exactly once on each side, in an order both share.

    Patience diff's anchors: the longest run of such tokens that is increasing on both
    sides (longest increasing subsequence), earliest choice on ties.
    """
    count_left, count_right = Counter(left), Counter(right)
    where_right = {ch: j for j, ch in enumerate(right) if count_right[ch] == 1}
    pairs = [(i, where_right[ch]) for i, ch in enumerate(left) if count_left[ch] == 1 and ch in where_right]
    tails: list[int] = []  # tails[n]: index in pairs ending the best run of length n + 1
    tail_js: list[int] = []
    previous = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        n = bisect_left(tail_js, j)
        previous[k] = tails[n - 1] if n else -1
        if n == len(tails):
            tails.append(k)
            tail_js.append(j)
        else:
            tails[n] = k
            tail_js[n] = j
    chain = []
    k = tails[-1] if tails else -1
    while k >= 0:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def token_diff(left: str, right: str, limit: int | None = None, semantic: bool = True) -> list[tuple[int, int]]:
    """diff-match-patch's ``(op, length)`` list over two strings of unit characters, cleaned up.

    Each character stands for one unit (a token, or a whole line). Without ``limit`` the
    diff is optimal between anchors however long it takes; with it, a stretch between
    anchors holding more than ``limit`` units on its two sides together is replaced whole
    (after its common ends), which bounds the work by ``limit`` x the length. Without
    ``semantic`` the diff is left as found, short equalities between edits included.
    """
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: the optimal diff, however long it takes
    if max(len(left), len(right)) <= _ANCHOR_ABOVE and (limit is None or len(left) + len(right) <= limit):
        diffs = dmp.diff_main(left, right, False)
    else:
        # Myers' diff costs length x edit distance, seconds for long, loosely related
        # sections; diffing only between shared unique tokens keeps it near linear.
        diffs = []
        done_left = done_right = 0
        for i, j in [*_anchors(left, right), (len(left), len(right))]:
            diffs += _stretch_diff(dmp, left[done_left:i], right[done_right:j], limit)
            if i < len(left):
                diffs.append((diff_match_patch.DIFF_EQUAL, left[i]))
            done_left, done_right = i + 1, j + 1
        dmp.diff_cleanupMerge(diffs)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


def _line_first_diff(left: str, right: str, newline: str | None, limit: int | None) -> list[tuple[int, int]]:
    """``token_diff`` of two texts, one of several lines at least, with the lines kept whole
    on both sides found first: the semantic cleanup, which folds a short equality between
    two edits into them, never folds a kept line (a signature, a date under a deleted
    paragraph) into an edit. ``newline`` is the unit character of a line break; what lies
    between kept lines is diffed token by token as before.
    """
    if newline is None or (newline not in left and newline not in right):
        return token_diff(left, right, limit)
    left_parts, right_parts = _lines(left, newline), _lines(right, newline)
    codes: dict[str, str] = {}
    pool = unit_codes()
    part_diffs = token_diff(encode_units("".join(left_parts), _spans(left_parts), codes, pool),
                            encode_units("".join(right_parts), _spans(right_parts), codes, pool), limit,
                            semantic=False)
    out: list[tuple[int, int]] = []
    done_left = done_right = 0  # parts (lines and line breaks)
    pending_left = pending_right = 0  # parts of the current edit

    def flush() -> None:
        nonlocal done_left, done_right, pending_left, pending_right
        if pending_left or pending_right:
            out.extend(token_diff("".join(left_parts[done_left : done_left + pending_left]),
                                  "".join(right_parts[done_right : done_right + pending_right]), limit))
            done_left += pending_left
            done_right += pending_right
            pending_left = pending_right = 0

    for op, length in part_diffs:
        if op == diff_match_patch.DIFF_DELETE:
            pending_left += length
        elif op == diff_match_patch.DIFF_INSERT:
            pending_right += length
        elif all(part == newline for part in left_parts[done_left + pending_left : done_left + pending_left + length]):
            # Line breaks alone kept between two edits: left to the token diff, as a row or
            # paragraph replaced whole keeps its line break inside the edit.
            pending_left += length
            pending_right += length
        else:
            flush()
            kept = sum(len(part) for part in left_parts[done_left : done_left + length])
            out.append((diff_match_patch.DIFF_EQUAL, kept))
            done_left += length
            done_right += length
    flush()
    return [(op, length) for op, length in out if length]


def _lines(units: str, newline: str) -> list[str]:
    """``units`` cut into its lines and line breaks, each a part of its own: a line is the
    same line whether a break follows it or not."""
    out: list[str] = []
    for i, line in enumerate(units.split(newline)):
        if i:
            out.append(newline)
        if line:
            out.append(line)
    return out


def _spans(parts: Sequence[str]) -> list[tuple[int, int]]:
    """Where each of ``parts`` lies in their concatenation."""
    spans, start = [], 0
    for part in parts:
        spans.append((start, start + len(part)))
        start += len(part)
    return spans


def _stretch_diff(dmp: diff_match_patch, left: str, right: str, limit: int | None) -> list[tuple[int, str]]:
    """The diff of one stretch between anchors; beyond ``limit`` units, its middle replaced whole."""
    if limit is None or len(left) + len(right) <= limit:
        return list(dmp.diff_main(left, right, False))
    head = dmp.diff_commonPrefix(left, right)
    tail = dmp.diff_commonSuffix(left[head:], right[head:])
    middle_left, middle_right = left[head : len(left) - tail], right[head : len(right) - tail]
    if len(middle_left) + len(middle_right) <= limit:
        middle = list(dmp.diff_main(middle_left, middle_right, False))
    else:
        middle = [(diff_match_patch.DIFF_DELETE, middle_left), (diff_match_patch.DIFF_INSERT, middle_right)]
    edges = [(diff_match_patch.DIFF_EQUAL, left[:head]), *middle,
             (diff_match_patch.DIFF_EQUAL, left[len(left) - tail :])]  # fmt: skip
    return [(op, text) for op, text in edges if text]


def grouped(diffs: Sequence[tuple[int, int]]) -> list[tuple[OpKind, int, int]]:
    """Ops as ``(kind, left tokens, right tokens)``; adjacent edits become one op."""
    ops: list[tuple[OpKind, int, int]] = []
    deleted = inserted = 0

    def flush() -> None:
        if deleted and inserted:
            ops.append((OpKind.REPLACE, deleted, inserted))
        elif deleted:
            ops.append((OpKind.DELETE, deleted, 0))
        elif inserted:
            ops.append((OpKind.INSERT, 0, inserted))

    for op, length in diffs:
        if op == diff_match_patch.DIFF_DELETE:
            deleted += length
        elif op == diff_match_patch.DIFF_INSERT:
            inserted += length
        elif length:
            flush()
            if not (deleted or inserted) and ops and ops[-1][0] is OpKind.EQUAL:
                # the cleanup may leave two equalities side by side: one op
                length += ops.pop()[1]
            deleted = inserted = 0
            ops.append((OpKind.EQUAL, length, length))
    flush()
    return ops


def _display_bound(norm: Normalized, span: tuple[int, int], lo: int, hi: int, pos: int) -> int:
    """Display offset of the boundary before normalized character ``pos`` of a section.

    Characters dropped by normalization (spaces) between two normalized characters
    fall before the boundary, so they belong to the preceding op; the section's own
    ends are its display ends, so leading and trailing gaps are never lost.
    """
    if pos <= lo:
        return span[0]
    if pos >= hi:
        return span[1]
    return int(norm.starts[pos])


def diff_sections(
    left: Normalized,
    left_span: tuple[int, int],
    right: Normalized,
    right_span: tuple[int, int],
    limit: int | None = None,
) -> tuple[DiffOp, ...]:
    """Word-level diff of two sections given by their display spans.

    The ops tile both sections in order: each starts where the previous one ended on
    each side, from ``left_span[0]``/``right_span[0]`` to ``left_span[1]``/``right_span[1]``.
    A DELETE has an empty right span, an INSERT an empty left span, and no op is empty
    on both sides; two empty sections give ``()``. EQUAL spans agree in comparison form.
    ``limit`` bounds the work (see ``token_diff``); the engine's pair diffs pass none.
    """
    lo_l, hi_l = left.from_display(*left_span)
    lo_r, hi_r = right.from_display(*right_span)
    left_text = left.text[lo_l:hi_l]
    right_text = right.text[lo_r:hi_r]
    if left_text == right_text:
        return _whole(left_span, right_span, equal=True)  # unchanged: nothing to segment
    left_tokens = tokenize(left_text)
    right_tokens = tokenize(right_text)

    if not left_tokens or not right_tokens:
        # Nothing to align: one op covers each side whole, spaces-only text included.
        return _whole(left_span, right_span, equal=left_text == right_text)
    ops = _token_ops(left_text, left_tokens, lo_l, right_text, right_tokens, lo_r, limit)
    return _to_display(ops, left, left_span, (lo_l, hi_l), right, right_span, (lo_r, hi_r))


# One op in comparison-form offsets: kind, left [start, end), right [start, end).
_NormOp = tuple[OpKind, int, int, int, int]

# Two units, outside the pool of unit_codes, around a stretch diffed inside a parent. The
# semantic cleanup slides an edit towards a string's end, where the score is best; inside
# the parent's whole text the stretch's ends are not string ends, and with the frame they
# are not either, so the edits slide as they would in a diff of the whole.
_FRAME = ("\x00", "\x01")


def _token_ops(
    left_text: str,
    left_tokens: Sequence[tuple[int, int]],
    lo_l: int,
    right_text: str,
    right_tokens: Sequence[tuple[int, int]],
    lo_r: int,
    limit: int | None,
    framed: tuple[bool, bool] = (False, False),
) -> list[_NormOp]:
    """The grouped token diff of two non-empty texts, in comparison-form offsets of the whole text.

    ``lo_l``/``lo_r`` are where the texts start in their sides' comparison form.
    ``framed``: whether the texts are followed by, and preceded by, more of a longer
    text (see ``_FRAME``)
    """
    codes: dict[str, str] = {}
    pool = unit_codes()
    encoded_left = encode_units(left_text, left_tokens, codes, pool)
    encoded_right = encode_units(right_text, right_tokens, codes, pool)
    before, after = _FRAME[0] if framed[0] else "", _FRAME[1] if framed[1] else ""
    diffs = _line_first_diff(before + encoded_left + after, before + encoded_right + after, codes.get("\n"), limit)
    # the frame is common to both sides, so it ends the first or starts the last equality
    if before:
        diffs[0] = (diffs[0][0], diffs[0][1] - 1)
    if after:
        diffs[-1] = (diffs[-1][0], diffs[-1][1] - 1)

    ops: list[_NormOp] = []
    tok_l = tok_r = 0
    for kind, n_left, n_right in grouped(diffs):
        start_l = lo_l + (left_tokens[tok_l][0] if tok_l < len(left_tokens) else len(left_text))
        start_r = lo_r + (right_tokens[tok_r][0] if tok_r < len(right_tokens) else len(right_text))
        tok_l += n_left
        tok_r += n_right
        end_l = lo_l + left_tokens[tok_l - 1][1] if n_left else start_l
        end_r = lo_r + right_tokens[tok_r - 1][1] if n_right else start_r
        ops.append((kind, start_l, end_l, start_r, end_r))
    return ops


def _to_display(
    ops: Sequence[_NormOp],
    left: Normalized,
    left_span: tuple[int, int],
    left_range: tuple[int, int],
    right: Normalized,
    right_span: tuple[int, int],
    right_range: tuple[int, int],
) -> tuple[DiffOp, ...]:
    """Comparison-form ops of two sections as display ops tiling their spans."""
    return tuple(
        DiffOp(
            kind,
            _display_bound(left, left_span, *left_range, a),
            _display_bound(left, left_span, *left_range, b),
            _display_bound(right, right_span, *right_range, c),
            _display_bound(right, right_span, *right_range, d),
        )
        for kind, a, b, c, d in ops
    )


def _edit_kind(has_left: bool, has_right: bool) -> OpKind:
    if has_left and has_right:
        return OpKind.REPLACE
    return OpKind.DELETE if has_left else OpKind.INSERT


def _stretch_ops(left: Normalized, lo_l: int, hi_l: int, right: Normalized, lo_r: int, hi_r: int,
                 framed: tuple[bool, bool] = (False, False)) -> list[_NormOp]:
    """Comparison-form ops of ``left.text[lo_l:hi_l]`` against ``right.text[lo_r:hi_r]``.

    The same diff as ``diff_sections`` makes of the two, before the display mapping
    (``framed``: as a stretch inside a parent, see ``_token_ops``); text absent on both
    sides (spaces only) gives no op, so that its spaces fall to the neighbouring op as
    they would in a diff of the enclosing sections.
    """
    left_text, right_text = left.text[lo_l:hi_l], right.text[lo_r:hi_r]
    if left_text == right_text:
        return [(OpKind.EQUAL, lo_l, hi_l, lo_r, hi_r)] if left_text else []
    left_tokens, right_tokens = tokenize(left_text), tokenize(right_text)
    if not left_tokens or not right_tokens:
        return [(_edit_kind(bool(left_text), bool(right_text)), lo_l, hi_l, lo_r, hi_r)]
    return _token_ops(left_text, left_tokens, lo_l, right_text, right_tokens, lo_r, None, framed)


def _joined(pieces: Sequence[Sequence[_NormOp]]) -> list[_NormOp]:
    """Consecutive pieces' ops as one diff: adjacent equalities, and adjacent edits, become one op.

    The same grouping ``grouped`` gives a single diff, so where no edit crosses a
    piece's boundary the result is op for op what diffing the whole would give.
    """
    out: list[_NormOp] = []
    for piece in pieces:
        for op in piece:
            if out and (out[-1][0] is OpKind.EQUAL) == (op[0] is OpKind.EQUAL):
                _, a, _, c, _ = out[-1]
                _, _, b, _, d = op
                kind = OpKind.EQUAL if op[0] is OpKind.EQUAL else _edit_kind(b > a, d > c)
                out[-1] = (kind, a, b, c, d)
            else:
                out.append(op)
    return out


class PairDiffs:
    """The pair diffs of one comparison, each text diffed once.

    A parent section's text is mostly its children's. Where the children of a pair of
    parents are paired one-to-one and in the same order (by diffed pairs, see
    ``diff``), the parents' diff is their children's pair diffs joined with the diffs
    of the text between them (the parents' headings and any stretch outside a paired
    child), instead of a second diff of all the children's text. Otherwise the parents
    are diffed whole. The two agree except where the whole diff matched text across a
    child's boundary, e.g. a phrase moved from the end of one paired child to the start
    of the next; joined, each child keeps its own pair's diff.
    """

    def __init__(
        self,
        left_doc: Document,
        left_norm: Normalized,
        right_doc: Document,
        right_norm: Normalized,
        diffed: Iterable[tuple[str, str]],
    ) -> None:
        """``diffed``: the ``(left id, right id)`` of every pair that has a diff."""
        self.left_doc, self.left_norm = left_doc, left_norm
        self.right_doc, self.right_norm = right_doc, right_norm
        self._partners: dict[str, set[str]] = {}
        for left_id, right_id in diffed:
            self._partners.setdefault(left_id, set()).add(right_id)
            self._partners.setdefault(right_id, set()).add(left_id)
        self._ops: dict[tuple[str, str], list[_NormOp]] = {}

    def diff(self, left_id: str, right_id: str) -> tuple[DiffOp, ...]:
        """The diff of sections ``left_id`` and ``right_id``, as ``diff_sections`` documents it."""
        ls, rs = self.left_doc.by_id[left_id], self.right_doc.by_id[right_id]
        left_span, right_span = (ls.start, ls.end), (rs.start, rs.end)
        left_range = self.left_norm.from_display(*left_span)
        right_range = self.right_norm.from_display(*right_span)
        left_text = self.left_norm.text[slice(*left_range)]
        right_text = self.right_norm.text[slice(*right_range)]
        if left_text == right_text or not left_text or not right_text:
            # diff_sections' own answer for these, spans taken whole
            return _whole(left_span, right_span, equal=left_text == right_text)
        ops = self._pair_ops(ls, rs)
        return _to_display(ops, self.left_norm, left_span, left_range, self.right_norm, right_span, right_range)

    def _paired_children(self, ls: Section, rs: Section) -> list[tuple[Section, Section]] | None:
        """The pairs of ``ls``'s and ``rs``'s children, in order, or None when the parents are diffed whole.

        None unless at least one child pair exists, no child has two partners among the
        other parent's children and the partners follow in the same order on both sides.
        Parents whose comparison-form texts are equal or empty are diffed whole too:
        that is as cheap, and exactly what ``diff_sections`` gives.
        """
        if ls.is_leaf or rs.is_leaf:
            return None
        left_by, right_by = self.left_doc.by_id, self.right_doc.by_id
        right_children = {c: right_by[c] for c in rs.children}
        pairs: list[tuple[Section, Section]] = []
        taken: set[str] = set()
        for child in sorted((left_by[c] for c in ls.children), key=lambda s: s.start):
            partners = [right_children[r] for r in self._partners.get(child.id, ()) if r in right_children]
            if len(partners) > 1:
                return None
            if partners:
                partner = partners[0]
                if partner.id in taken or sum(p in left_by and left_by[p].parent == ls.id
                                              for p in self._partners[partner.id]) > 1:
                    return None
                if pairs and partner.start < pairs[-1][1].end:
                    return None  # crossed: the whole diff may align them differently
                taken.add(partner.id)
                pairs.append((child, partner))
        if not pairs:
            return None
        lo_l, hi_l = self.left_norm.from_display(ls.start, ls.end)
        lo_r, hi_r = self.right_norm.from_display(rs.start, rs.end)
        left_text, right_text = self.left_norm.text[lo_l:hi_l], self.right_norm.text[lo_r:hi_r]
        if not left_text or not right_text or left_text == right_text:
            return None
        return pairs

    def _pair_ops(self, ls: Section, rs: Section) -> list[_NormOp]:
        """Comparison-form ops of one pair of sections, composed where possible; memoized."""
        key = (ls.id, rs.id)
        ops = self._ops.get(key)
        if ops is None:
            left_range = self.left_norm.from_display(ls.start, ls.end)
            right_range = self.right_norm.from_display(rs.start, rs.end)
            children = self._paired_children(ls, rs)
            if children is None:
                ops = _stretch_ops(self.left_norm, *left_range, self.right_norm, *right_range)
            else:
                ops = self._composed(left_range, right_range, children)
            self._ops[key] = ops
        return ops

    def _composed(
        self,
        left_range: tuple[int, int],
        right_range: tuple[int, int],
        children: Sequence[tuple[Section, Section]],
    ) -> list[_NormOp]:
        """Ops of two parents: the children pairs' ops and the diffs of the text between them."""
        pieces: list[list[_NormOp]] = []
        done_l, done_r = left_range[0], right_range[0]
        for lc, rc in children:
            lo_l, hi_l = self.left_norm.from_display(lc.start, lc.end)
            lo_r, hi_r = self.right_norm.from_display(rc.start, rc.end)
            pieces.append(_stretch_ops(self.left_norm, done_l, lo_l, self.right_norm, done_r, lo_r,
                                       (bool(pieces), True)))
            pieces.append(self._pair_ops(lc, rc))
            done_l, done_r = hi_l, hi_r
        pieces.append(_stretch_ops(self.left_norm, done_l, left_range[1], self.right_norm, done_r, right_range[1],
                                   (True, False)))
        return _joined(pieces)


def _whole(left_span: tuple[int, int], right_span: tuple[int, int], equal: bool) -> tuple[DiffOp, ...]:
    has_left = left_span[1] > left_span[0]
    has_right = right_span[1] > right_span[0]
    if not has_left and not has_right:
        return ()
    if has_left and has_right:
        kind = OpKind.EQUAL if equal else OpKind.REPLACE
    else:
        kind = OpKind.DELETE if has_left else OpKind.INSERT
    return (DiffOp(kind, left_span[0], left_span[1], right_span[0], right_span[1]),)


def op_texts(left_text: str, right_text: str, ops: Sequence[DiffOp]) -> list[tuple[str, str, str]]:
    """``(op, left text, right text)`` for each op: for debugging, exports and tests."""
    return [
        (op.op.value, left_text[op.left_start : op.left_end], right_text[op.right_start : op.right_end])
        for op in ops
    ]
