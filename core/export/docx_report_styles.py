"""The looks of the Word report: page margin and text width, the cell styles, row shapes and run looks.

Fonts follow GB/T 9704. Deleted wording is struck, added wording underlined (and
optionally bold), shaded in the colours of the legend unless that is switched off.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from core.export.docx_format import BODY_FONT, HEADING_FONT, keep_row_whole, set_fonts, shade_cell, span_row, style_run
from core.export.styles import FINDING_INK, HEADING_FILL, MUTED_INK, hex_to_rgb
from core.kinds import Highlight

CELL_STYLE = "对照表正文"
NOTE_STYLE = "对照表说明"
MARGIN_MM = 20
TEXT_WIDTH_MM = {True: 297 - 2 * MARGIN_MM, False: 210 - 2 * MARGIN_MM}  # by landscape
_ABSENT_GREY = RGBColor(*hex_to_rgb(MUTED_INK))
_FINDING_INK = RGBColor(*hex_to_rgb(FINDING_INK))


def add_cell_styles(document: Any) -> None:
    """Add the paragraph styles of the body table's text and note cells."""
    for name, size, after in ((CELL_STYLE, 12, 2), (NOTE_STYLE, 10.5, 1)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.line_spacing = 1.15
        set_fonts(style.element, BODY_FONT)


def bold_heading_run(paragraph: Any, text: str) -> None:
    """Append ``text`` to ``paragraph`` in bold, in the heading face."""
    run = paragraph.add_run(text)
    run.bold = True
    set_fonts(run._r, HEADING_FONT)


# The shapes of the body's rows, each made once for ``RowMaker`` to copy.


def heading_row(row: Any) -> None:
    """A heading row: one shaded cell across the table, kept on one page."""
    keep_row_whole(row)
    shade_cell(span_row(row), HEADING_FILL)


def omitted_row(row: Any) -> None:
    """A row citing rows left out: one cell across the table, kept on one page."""
    keep_row_whole(row)
    span_row(row)


def body_row(widths: tuple[Any, ...], whole: bool, row: Any) -> None:
    """A body row of three cells; kept on one page when ``whole``."""
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = width
    if whole:
        keep_row_whole(row)


# The looks of the body's runs, each applied once to a run that ``RunMaker`` copies.


def text_look(kind: Highlight | None, bold: bool, shading: bool, run: Any) -> None:
    """Document text: the body face with the highlight's look."""
    set_fonts(run._r, BODY_FONT)
    style_run(run, kind, bold, shading)


def heading_look(run: Any) -> None:
    """A heading row's text: the heading face."""
    set_fonts(run._r, HEADING_FONT)


def heading_note_look(run: Any) -> None:
    """A finding noted under a heading: finding ink."""
    run.font.color.rgb = _FINDING_INK


def grey_look(run: Any) -> None:
    """A stand-in for absent or already shown text: the body face in grey."""
    set_fonts(run._r, BODY_FONT)
    run.font.color.rgb = _ABSENT_GREY


def note_look(run: Any) -> None:
    """A note line: the body face."""
    set_fonts(run._r, BODY_FONT)


def note_head_look(run: Any) -> None:
    """A note's first line: the body face in bold."""
    set_fonts(run._r, BODY_FONT)
    run.bold = True


def finding_look(run: Any) -> None:
    """A finding in the note column: the body face in finding ink."""
    set_fonts(run._r, BODY_FONT)
    run.font.color.rgb = _FINDING_INK
