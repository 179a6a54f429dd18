"""The body of the PDF report: 逐条对照 as one table, right headings as rows across it.

The rows follow the right document's reading order (``core.export.rows``); long rows
break across pages inside the cell. Headings and rows are PDF bookmarks, changed rows
marked with their status. With ``changes_only`` each stretch of rows left out
is one grey row across the table citing it, with a bookmark of its own; links to a row
left out land there.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Table

from core.document import Document, Section
from core.export import pdf_runs
from core.export.pdf_fonts import CJKParagraph, body_markup
from core.export.pdf_outline import Destinations, Outline
from core.export.pdf_report_styles import COLUMNS, Styles, finding_para, grid_style, para
from core.export.report_body import omitted_line
from core.export.report_options import ReportOptions
from core.export.report_wording import Wording
from core.export.row_notes import FINDING_MARK, LOCAL, RowNotes, heading_label, row_key, section_label
from core.export.rows import Item, Omitted, Row
from core.export.segments import SpanIndex, cited_label, paragraphs, shown_bounds
from core.export.styles import HEADING_FILL
from core.kinds import CoverageGrade, Relation
from core.labels import label_of
from core.progress import Progress, Stage
from core.result import Comparison

_HEADING_FILL = HexColor(HEADING_FILL)
_PROGRESS_STEP = 20  # rows between progress reports
# Implementation rows whose status is worth a mark in the bookmarks (a revision marks every change).
_MARKED_GRADES = (label_of(CoverageGrade.NOT_TAKEN_UP), LOCAL)


def body(
    comparison: Comparison,
    items: list[tuple[Item, tuple[Section, ...]]],
    notes: RowNotes,
    words: Wording,
    options: ReportOptions,
    styles: Styles,
    outline: Outline,
    progress: Progress | None,
) -> Table:
    """逐条对照 as one table under the header of each body page, right headings as rows across it."""
    writer = _RowWriter(comparison, notes, words, options, styles)
    data: list[list[Any]] = []
    heading_rows: list[int] = []
    omitted_rows: list[int] = []
    for number, (item, headings) in enumerate(items):
        for section in headings:
            mark = outline.mark(section.id, section_label(section, 80), section.level)
            cell = [mark, para(heading_label(comparison.right, section), styles.row_heading)]
            renamed = writer.notes.renamed_from(section)
            if renamed:
                cell.append(para(renamed, styles.note))
            if writer.notes_shown:
                cell += [finding_para(line, styles.note) for line in writer.notes.heading_lines(section)]
            heading_rows.append(len(data))
            data.append([cell, "", ""])
        if isinstance(item, Omitted):
            omitted_rows.append(len(data))
            data.append([writer.omitted(item, outline), "", ""])
        else:
            data.append(writer.cells(item, outline))
        if progress and number % _PROGRESS_STEP == 0:
            progress(0.3 * number / max(len(items), 1), Stage.EXPORT)
    # The header row is drawn by the body pages, not repeated by the table: a long row split
    # across pages, with the rest of the table placed after it, would repeat it mid-page.
    table = Table(data or [["", "", ""]], colWidths=COLUMNS, splitInRow=1)
    style = grid_style(header=False)
    for index in heading_rows:
        style.add("SPAN", (0, index), (-1, index))
        style.add("BACKGROUND", (0, index), (-1, index), _HEADING_FILL)
    for index in omitted_rows:
        style.add("SPAN", (0, index), (-1, index))
    table.setStyle(style)
    return table


class _RowWriter:
    """The cells of the body rows, with what every row needs prepared once per export."""

    def __init__(self, comparison: Comparison, notes: RowNotes, words: Wording, options: ReportOptions,
                 styles: Styles) -> None:  # fmt: skip
        self._comparison = comparison
        self._words = words
        self._options = options
        self._styles = styles
        self._left_index = SpanIndex(comparison.left_highlights)
        self._right_index = SpanIndex(comparison.right_highlights)
        self.notes = notes
        self.notes_shown = options.notes_shown(words)
        self._shown_left: set[str] = set()

    def cells(self, row: Row, outline: Outline) -> list[Any]:
        """The three cells of ``row``, the first carrying the row's bookmark."""
        lines = self.notes.lines(row)
        status = self.notes.status(row)
        mark = outline.mark(row_key(row), self._bookmark_title(row, status), row.right.level if row.right else 2)
        left = self._left_cell(row.left)
        right_sections = (row.right,) if row.right else ()
        right = self._cell(self._comparison.right, self._right_index, right_sections, self._words.absent_right)
        note: list[Any] = []
        if self.notes_shown:
            for number, line in enumerate(lines):
                if line.startswith(FINDING_MARK):
                    note.append(finding_para(line, self._styles.note))
                elif number == 0:
                    note.append(CJKParagraph(f"<b>{body_markup(line)}</b>", self._styles.note))
                else:
                    note.append(para(line, self._styles.note))
        return [[mark, *left], right, note]

    def omitted(self, block: Omitted, outline: Outline) -> list[Any]:
        """The one cell of a row across the table citing the rows left out, with their bookmarks."""
        line = omitted_line(self._words, block)
        first = self._comparison.right.by_id[block.right[0].sections[0]] if block.right else None
        keys = block.anchors
        return [outline.mark(keys[0], line, first.level if first else 1), Destinations(keys[1:]),
                para(line, self._styles.omitted)]  # fmt: skip

    def _bookmark_title(self, row: Row, status: str) -> str:
        """The row's label, opened by its status when the row is a change ("［修改］…")."""
        label = section_label(row.right) if row.right is not None else section_label(row.left[0])
        marked = status and (self._words.relation is Relation.REVISION or status.startswith(_MARKED_GRADES))
        return f"［{status}］{label}" if marked else label

    def _left_cell(self, sections: tuple[Section, ...]) -> list[Any]:
        """The left sections of a row; one already written out in an earlier row is referred to."""
        fresh = tuple(s for s in sections if s.id not in self._shown_left)
        out = self._cell(self._comparison.left, self._left_index, fresh,
                         self._words.absent_left if not sections else "", with_number=True)  # fmt: skip
        out += [para(f"（见前：{cited_label(self._comparison.left, s)}）", self._styles.absent)
                for s in sections if s.id in self._shown_left]  # fmt: skip
        self._shown_left.update(s.id for s in sections)
        return out

    def _cell(self, document: Document, index: SpanIndex, sections: tuple[Section, ...], absent: str,
              with_number: bool = False) -> list[Any]:
        out: list[Any] = []
        for section in sections:
            for runs in paragraphs(document.text, index, *shown_bounds(document, section, with_number)):
                out.append(pdf_runs.paragraph(pdf_runs.looks(runs, self._options), self._styles.cell))
        if not out and absent:
            out.append(para(absent, self._styles.absent))
        return out
