"""The look of the PDF report: the page, its paragraph styles, its grids and the markup of highlighted text.

Highlights are background colour plus the print cue of ``styles.py``, exactly as in the
Word report and the legend. After GB/T 9704 the body text and the table cells are set
in the bundled serif face (宋体), the title, headings, header rows and row headings in
the bundled sans-serif (黑体); both are embedded as subsets, so the text stays selectable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from core.export import pdf_runs
from core.export.pdf_fonts import CJKParagraph, body_markup, cjk_font, serif_font
from core.export.report_options import ReportOptions
from core.export.segments import TextRun
from core.export.styles import FINDING_INK, GRID, HEADER_FILL, HEADING_INK, MUTED_INK

PAGE = landscape(A4)
MARGIN = 14 * mm
WIDTH = PAGE[0] - 2 * MARGIN
COLUMNS = (WIDTH * 0.4, WIDTH * 0.4, WIDTH * 0.2)
GRID_LINE = HexColor(GRID)
_HEADER_FILL = HexColor(HEADER_FILL)


class Styles:
    """Paragraph styles: text in the serif face, headings and labels in the sans; CJK line breaking everywhere."""

    def __init__(self) -> None:
        base = ParagraphStyle("base", fontName=serif_font(), fontSize=10, leading=15, wordWrap="CJK")
        sans = ParagraphStyle("sans", parent=base, fontName=cjk_font())
        self.cell = base
        self.note = ParagraphStyle("note", parent=base, fontSize=8.5, leading=12)
        self.absent = ParagraphStyle("absent", parent=base, textColor=HexColor(MUTED_INK))
        self.header = ParagraphStyle("header", parent=sans, fontSize=10, leading=13, alignment=1)
        self.title = ParagraphStyle("title", parent=sans, fontSize=20, leading=28, spaceAfter=8, alignment=1)
        self.h1 = ParagraphStyle(
            "h1", parent=sans, fontSize=14, leading=20, spaceBefore=10, spaceAfter=5,
            textColor=HexColor(HEADING_INK),
        )  # fmt: skip
        self.h2 = ParagraphStyle("h2", parent=self.h1, fontSize=12, leading=17, spaceBefore=8)
        self.h3 = ParagraphStyle("h3", parent=self.h1, fontSize=10.5, leading=15, spaceBefore=6)
        self.row_heading = ParagraphStyle("row_heading", parent=sans, fontSize=11, leading=15,
                                          textColor=HexColor(HEADING_INK))  # fmt: skip
        self.body = ParagraphStyle("body", parent=base, fontSize=9.5, leading=14, spaceAfter=2)
        self.label = ParagraphStyle("label", parent=sans, fontSize=9.5, leading=14)  # header rows, row headings
        self.notice = ParagraphStyle("notice", parent=sans, fontSize=14, leading=20, alignment=1)
        self.omitted = ParagraphStyle("omitted", parent=self.absent, alignment=1)


def grid(data: list[list[Any]], widths: Sequence[float]) -> Table:
    """A grid with a shaded header row repeated on each page it spans."""
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return table


def grid_style(header: bool = True) -> TableStyle:
    """Thin grid lines, cells in the serif face, and a shaded first row when ``header``."""
    commands: list[tuple[Any, ...]] = [
        # cells default to Helvetica, which would be the one unembedded font
        ("FONT", (0, 0), (-1, -1), serif_font(), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL))
    return TableStyle(commands)


def markup(runs: Sequence[TextRun], options: ReportOptions) -> str:
    """Paragraph markup: the print cue of each run and, unless switched off, its background colour."""
    return pdf_runs.markup(pdf_runs.looks(runs, options))


def para(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of plain ``text`` (escaped; the serif face's missing characters in the sans)."""
    markup = body_markup(text) if style.fontName == serif_font() else escape(text)
    return CJKParagraph(markup, style)


def finding_para(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of a finding, in finding ink."""
    return CJKParagraph(f'<font color="{FINDING_INK}">{body_markup(text)}</font>', style)
