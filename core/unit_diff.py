"""Diff of two strings of unit characters: diff-match-patch, deterministic and bounded.

Each distinct unit (a token, or a whole line) becomes one private-use character,
diff-match-patch diffs the two strings of unit characters (no timeout, so the result
never depends on machine speed) and its semantic cleanup merges scattered small edits.
Long strings are diffed between anchors (tokens found once on each side, as in patience
diff), which keeps the work near linear.

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

from core.kinds import OpKind

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


def line_first_diff(left: str, right: str, newline: str | None, limit: int | None) -> list[tuple[int, int]]:
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
