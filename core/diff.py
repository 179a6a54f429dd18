"""Word-level diff of two aligned sections.

Both sections are compared in comparison form (see ``core.normalize``), word by word
(``core.tokens``: a value such as 2025年, 1200亿元 or 16.5% is one token, so a changed
figure is replaced whole on both sides, never digit by digit); the tokens are diffed as
units (``core.unit_diff``). The operations are then mapped back to display offsets so
that they tile both sections exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.kinds import OpKind
from core.normalize import Normalized
from core.pairs import DiffOp
from core.tokens import tokenize
from core.unit_diff import encode_units, grouped, line_first_diff, unit_codes


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
        return whole(left_span, right_span, equal=True)  # unchanged: nothing to segment
    left_tokens = tokenize(left_text)
    right_tokens = tokenize(right_text)

    if not left_tokens or not right_tokens:
        # Nothing to align: one op covers each side whole, spaces-only text included.
        return whole(left_span, right_span, equal=left_text == right_text)
    ops = _token_ops(left_text, left_tokens, lo_l, right_text, right_tokens, lo_r, limit)
    return to_display(ops, left, left_span, (lo_l, hi_l), right, right_span, (lo_r, hi_r))


# One op in comparison-form offsets: kind, left [start, end), right [start, end).
NormOp = tuple[OpKind, int, int, int, int]

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
) -> list[NormOp]:
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
    diffs = line_first_diff(before + encoded_left + after, before + encoded_right + after, codes.get("\n"), limit)
    # the frame is common to both sides, so it ends the first or starts the last equality
    if before:
        diffs[0] = (diffs[0][0], diffs[0][1] - 1)
    if after:
        diffs[-1] = (diffs[-1][0], diffs[-1][1] - 1)

    ops: list[NormOp] = []
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


def to_display(
    ops: Sequence[NormOp],
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


def edit_kind(has_left: bool, has_right: bool) -> OpKind:
    """The kind of an edit with text on the left, the right or both."""
    if has_left and has_right:
        return OpKind.REPLACE
    return OpKind.DELETE if has_left else OpKind.INSERT


def stretch_ops(left: Normalized, lo_l: int, hi_l: int, right: Normalized, lo_r: int, hi_r: int,
                 framed: tuple[bool, bool] = (False, False)) -> list[NormOp]:
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
        return [(edit_kind(bool(left_text), bool(right_text)), lo_l, hi_l, lo_r, hi_r)]
    return _token_ops(left_text, left_tokens, lo_l, right_text, right_tokens, lo_r, None, framed)



def whole(left_span: tuple[int, int], right_span: tuple[int, int], equal: bool) -> tuple[DiffOp, ...]:
    """One op covering both spans whole (none when both are empty), EQUAL only if ``equal``."""
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
