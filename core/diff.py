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
from collections.abc import Iterator, Sequence

from diff_match_patch import diff_match_patch

from core.model import DiffOp, OpKind
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


def token_diff(left: str, right: str, limit: int | None = None) -> list[tuple[int, int]]:
    """diff-match-patch's ``(op, length)`` list over two strings of unit characters, cleaned up.

    Each character stands for one unit (a token, or a whole line). Without ``limit`` the
    diff is optimal between anchors however long it takes; with it, a stretch between
    anchors holding more than ``limit`` units on its two sides together is replaced whole
    (after its common ends), which bounds the work by ``limit`` x the length.
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
    dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


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

    codes: dict[str, str] = {}
    pool = unit_codes()
    encoded_left = encode_units(left_text, left_tokens, codes, pool)
    encoded_right = encode_units(right_text, right_tokens, codes, pool)

    ops: list[DiffOp] = []
    tok_l = tok_r = 0
    for kind, n_left, n_right in grouped(token_diff(encoded_left, encoded_right, limit)):
        start_l = lo_l + (left_tokens[tok_l][0] if tok_l < len(left_tokens) else len(left_text))
        start_r = lo_r + (right_tokens[tok_r][0] if tok_r < len(right_tokens) else len(right_text))
        tok_l += n_left
        tok_r += n_right
        end_l = lo_l + left_tokens[tok_l - 1][1] if n_left else start_l
        end_r = lo_r + right_tokens[tok_r - 1][1] if n_right else start_r
        ops.append(
            DiffOp(
                kind,
                _display_bound(left, left_span, lo_l, hi_l, start_l),
                _display_bound(left, left_span, lo_l, hi_l, end_l),
                _display_bound(right, right_span, lo_r, hi_r, start_r),
                _display_bound(right, right_span, lo_r, hi_r, end_r),
            )
        )
    return tuple(ops)


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
