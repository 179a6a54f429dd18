"""Changes that cross a line break cut at the paragraph boundaries, for the redline in Word's own format.

Cut there, a deleted or inserted paragraph or table row is a whole paragraph or row
(``line_aligned``), which the redline written into the right .docx (``docx_native``)
needs to give it the properties of a right paragraph or rebuild it as a table row.
"""

from __future__ import annotations

from core.export.redline_pieces import Piece


def line_aligned(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with each change that spans a line break cut at the paragraph boundaries
    Word uses: the edit of the first line stays in its paragraph, the lines deleted or
    inserted after it become whole paragraphs, each with its own mark.

    A change between two kept stretches is its deleted and its inserted text (their order
    between the two is free); "35%⏎湿地保护率	55%" deleted and "40%" inserted, before a
    kept "⏎", become "35%"→"40%" in the first row and a deleted row "湿地保护率	55%⏎",
    so table rows stay whole. Moves and differences of form are left as they are. The
    pieces still spell both texts.
    """
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        end = index
        while end < len(pieces) and pieces[end].kind != "equal":
            end += 1
        region = pieces[index:end]
        if not region:
            out.append(pieces[index])
            index += 1
            continue
        if any(p.move or p.form for p in region) or not any("\n" in p.text for p in region):
            out += region
        else:
            out += _cut_at_lines(region, pieces[end] if end < len(pieces) else None)
            end += end < len(pieces)  # the kept stretch after it is in what _cut_at_lines returned
        index = end
    return out


def _cut_at_lines(region: list[Piece], after: Piece | None) -> list[Piece]:
    """One change (deletions and insertions between kept stretches) cut at its first line
    break on each side; the rest slides over a kept break that follows to end in a break.
    ``after``, the kept stretch that follows (if any), is returned at the end, less the
    break the rest slid over."""
    deleted = "".join(p.text for p in region if p.kind == "delete")
    inserted = "".join(p.text for p in region if p.kind == "insert")
    head_d, cut_d, rest_d = deleted.partition("\n")
    head_i, cut_i, rest_i = inserted.partition("\n")
    out = [Piece("delete", head_d), Piece("insert", head_i)]
    tails = [Piece("delete", cut_d + rest_d), Piece("insert", cut_i + rest_i)]
    # each tail is empty or starts with its side's first break
    if after is not None and after.text.startswith("\n"):
        # "⏎A" deleted before a kept "⏎B" is the same as a kept "⏎" and "A⏎" deleted before "B"
        out.append(Piece("equal", "\n"))
        out += [Piece(p.kind, p.text[1:] + "\n") for p in tails if p.text]
        out.append(Piece("equal", after.text[1:]))
    else:
        out += tails
        if after is not None:
            out.append(after)
    return [p for p in out if p.text]
