"""The right document as kept, deleted, inserted and moved pieces against the left.

Built from what the engine found, not from a second diff of both whole documents: the
moves as blocks at their old and new places (``redline_moves``), the anchors, paired
leaves taken whole from their pair's own diff (``redline_anchors``), and between two
anchors what no pair explains, diffed with a bound (``redline_stretches``).

**Documents in different scripts.** Given a ``core.script.Conversion`` (the writer's
default, see ``redline_conversion``), the left text is written in the right's script
before any piece is cut, so that a difference of script is no piece at all. OpenCC keeps
the length of the text, so every offset of the comparison still holds. Where the right
spells shared wording in another variant of its script than OpenCC does (范 for 範 in a
Traditional text converted by machine), the right's spelling is kept: the pieces that
are not insertions spell the left's wording in the right's script.
"""

from __future__ import annotations

from dataclasses import replace

from core.export.redline_anchors import anchor_chain, past_kept_heading, shape_heads
from core.export.redline_moves import move_blocks
from core.export.redline_pieces import Forms, Piece, from_ops
from core.export.redline_stretches import between
from core.kinds import Relation
from core.result import Comparison
from core.script import Conversion, conversion


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
    forms = Forms(comparison.options.t2s, scripts)
    # An implementing document re-words what it carries out: between the passages the pairs
    # align, its lines and the base's share only stock words, which a word diff would strew
    # over them (the sample pair: 55 common characters in 19 pieces over some 9,000 on each
    # side). They are replaced line by line; a revision's are diffed word by word.
    words = comparison.relation.relation is not Relation.IMPLEMENTATION
    moves = move_blocks(comparison)
    heads = shape_heads(comparison)
    pieces: list[Piece] = []
    left_pos = right_pos = 0
    for pair, left_section, right_section in anchor_chain(comparison, moves):
        ops = past_kept_heading(comparison, pair.diff, left_section, right_section, heads)
        if not ops:
            continue  # nothing of the pair is left past the heading: the next stretch takes it all
        gap = ((left_pos, ops[0].left_start), (right_pos, ops[0].right_start))
        pieces += between(left, gap[0], right, gap[1], moves, forms, words)
        pieces += from_ops(left, right, ops, forms)
        left_pos, right_pos = left_section.end, right_section.end
    pieces += between(left, (left_pos, len(left)), right, (right_pos, len(right)), moves, forms, words)
    return _merged(pieces)


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
