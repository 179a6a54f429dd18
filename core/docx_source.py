"""The lines of a .docx as ``core.load_docx.docx_text`` reads them, each with the paragraph or
table row it comes from, for an exporter that writes into the same document.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

from core.docx_numbering import Numbering, read_numbering
from core.docx_paragraphs import BLOCK_CONTAINERS, block_level, blocks, inline, row_lines
from core.docx_xml import W


@dataclass(frozen=True)
class SourceLine:
    """One line of ``docx_text`` and where it comes from.

    ``block`` is the body paragraph (a text box's lines: the paragraph that anchors it),
    or the table row (w:tr) of a row of several cells; ``label``: the number Word draws
    for its paragraph, rendered as text at the line's start ("" when none), ``group``:
    the list whose counters number it.
    """

    text: str
    block: Any
    label: str = ""
    group: str = ""

    @property
    def numbered(self) -> bool:
        """Whether the line starts with its paragraph's automatic number."""
        return bool(self.label)


def source_lines(data: bytes, body: Any) -> list[SourceLine]:
    """The lines of ``docx_text(data)``, each with the block of ``body`` it comes from.

    ``body`` is the w:body of the same package, already parsed and kept whole (an exporter
    writes into it), so the walk is a tree walk, not the capped stream of ``docx_text``:
    callers compare the joined text with ``docx_text`` before relying on the lines.
    """
    with zipfile.ZipFile(BytesIO(data)) as zf:
        numbering = read_numbering(zf)
    out: list[SourceLine] = []
    _source_blocks(body, numbering, out)
    lines: list[SourceLine] = []
    for line in out:
        # A line break inside a paragraph (w:br) starts a display line of the same paragraph.
        first, *more = line.text.split("\n")
        lines.append(replace(line, text=first))
        lines += [SourceLine(part, line.block) for part in more]
    return lines


def _source_blocks(container: Any, numbering: Numbering, out: list[SourceLine]) -> None:
    """Append the lines of the paragraphs and table rows in ``container``, in reading order."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            out.extend(_source_paragraph(child, numbering))
        elif child.tag == W + "tr":
            out.extend(_source_row(child, numbering))
        elif child.tag in BLOCK_CONTAINERS or child.tag == W + "tbl":
            _source_blocks(child, numbering, out)


def _source_paragraph(p: Any, numbering: Numbering) -> list[SourceLine]:
    """A paragraph's lines as ``core.load_docx`` takes them, the first with its number."""
    if not len(p) and not numbering.numbers_bare_paragraphs:
        return [SourceLine("", p)]
    boxes: list[Any] = []
    parts: list[str] = []
    label = numbering.label(p)
    group = numbering.last_group
    inline(p, parts, boxes)
    lines = [SourceLine(label + "".join(parts), p, label, group)]
    lines += [SourceLine(line, p) for box in boxes for line in blocks(box, numbering)]
    return lines


def _source_row(row: Any, numbering: Numbering) -> list[SourceLine]:
    """The lines of one outermost table row: a line per paragraph for a one-cell row (each
    from its paragraph), else one line from the row."""
    cells: list[list[SourceLine]] = []
    continued: list[bool] = []
    for cell in row.iter(W + "tc"):
        if next(cell.iterancestors(W + "tr")) is not row:
            continue  # a cell of a table nested in a cell: its text is in that cell's paragraphs
        merge = cell.find(f"{W}tcPr/{W}vMerge")
        continued.append(merge is not None and merge.get(W + "val") in (None, "continue"))
        cells.append([line for p in cell.iter(W + "p") if block_level(p) for line in _source_paragraph(p, numbering)])
    if len(cells) == 1:
        return cells[0]
    texts = [[line.text for line in lines] for lines in cells]
    return [SourceLine(text, row) for text in row_lines(texts, continued)]
