"""The body of the Word report: ONE continuous three-column table, headings as rows across it.

The table follows the right document's reading order (``core.export.rows``): 原条文 |
修改后条文 | 修改说明 for a revision, 上级文件条目 | 本级落实条目 | 落实情况 for an
implementation. The right document's headings are rows spanning the table, in heading
styles so Word's navigation pane lists them. With ``changes_only`` each stretch of rows
left out is one grey row across the table citing it ("第三章至第五章 未修改（略去 12 条）");
links to a row left out land there.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from core.document import Document, Section
from core.export.docx_format import RowMaker, RunMaker, bookmark, keep_row_whole, repeat_as_header, shade_cell
from core.export.docx_report_styles import (
    CELL_STYLE,
    NOTE_STYLE,
    TEXT_WIDTH_MM,
    body_row,
    bold_heading_run,
    finding_look,
    grey_look,
    heading_look,
    heading_note_look,
    heading_row,
    note_head_look,
    note_look,
    omitted_row,
    text_look,
)
from core.export.provenance import account_name
from core.export.report_body import omitted_line
from core.export.report_options import ReportOptions
from core.export.report_wording import Wording
from core.export.row_notes import FINDING_MARK, RowNotes, heading_label, row_key
from core.export.rows import Item, Omitted, Row
from core.export.segments import SpanIndex, cited_label, paragraphs, shown_bounds
from core.export.styles import HEADER_FILL
from core.kinds import Highlight
from core.progress import Progress, Stage
from core.result import Comparison

_NOTE_SHARE = 0.2  # the third column's share of the text width
_HEADING_STYLES = ("Heading 2", "Heading 3", "Heading 4")  # by right heading level; Heading 1 is 逐条对照
_PROGRESS_STEP = 20  # rows between progress reports
_SPLIT_FROM = 150  # characters on one side from which a row may break across pages


def body(
    document: Any,
    comparison: Comparison,
    items: list[tuple[Item, tuple[Section, ...]]],
    notes: RowNotes,
    words: Wording,
    options: ReportOptions,
    progress: Progress | None,
) -> None:
    """逐条对照: one table for the whole document, headings as rows across it."""
    document.add_heading("逐条对照", level=1).paragraph_format.page_break_before = True
    writer = _RowWriter(document, comparison, notes, words, options)
    for number, (item, headings) in enumerate(items):
        for section in headings:
            writer.heading(section)
        if isinstance(item, Omitted):
            writer.omitted(item)
        else:
            writer.add(item)
        if progress and number % _PROGRESS_STEP == 0:
            progress(0.95 * number / max(len(items), 1), Stage.EXPORT)


class _RowWriter:
    """Writes the rows of the one body table, with what every row needs prepared once per export."""

    def __init__(self, document: Any, comparison: Comparison, notes: RowNotes, words: Wording,
                 options: ReportOptions) -> None:  # fmt: skip
        self._document = document
        self._comparison = comparison
        self._words = words
        self._options = options
        self._notes_shown = options.notes_shown(words)
        self._left_index = SpanIndex(comparison.left_highlights)
        self._right_index = SpanIndex(comparison.right_highlights)
        self._notes = notes
        self._shown_left: set[str] = set()  # left sections already written out in full
        self._bookmarks = 0
        self._author = account_name()
        width = TEXT_WIDTH_MM[options.landscape]
        note = width * _NOTE_SHARE
        self._widths = (Mm((width - note) / 2), Mm((width - note) / 2), Mm(note))
        # Assigning a style by name makes python-docx scan every style of the document, for
        # each paragraph; setting the id directly keeps large reports fast.
        self._cell_style = document.styles[CELL_STYLE].style_id
        self._note_style = document.styles[NOTE_STYLE].style_id
        self._heading_styles = tuple(document.styles[name].style_id for name in _HEADING_STYLES)
        self._runs = RunMaker()
        self._table = self._new_table()
        self._rows = RowMaker(self._table)

    def _new_table(self) -> Any:
        table = self._document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, self._widths, strict=True):
            column.width = width
        header = table.rows[0]
        repeat_as_header(header)
        keep_row_whole(header)
        for cell, text, width in zip(header.cells, self._words.columns, self._widths, strict=True):
            cell.width = width
            shade_cell(cell, HEADER_FILL)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            bold_heading_run(paragraph, text)
        return table

    def heading(self, section: Section) -> None:
        """A row across the table with a right heading (in a heading style), and findings about it."""
        cell = self._rows.add("heading", heading_row)[0]
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self._heading_styles[min(section.level, len(self._heading_styles)) - 1]
        paragraph.paragraph_format.space_before = Pt(3)
        paragraph.paragraph_format.space_after = Pt(3)
        paragraph.paragraph_format.keep_with_next = True
        self._runs.add(paragraph, heading_label(self._comparison.right, section), "heading", heading_look)
        self._bookmark(paragraph, section.id)
        renamed = self._notes.renamed_from(section)
        if renamed:
            note = cell.add_paragraph()
            note._p.style = self._note_style
            self._runs.add(note, renamed, "heading note", heading_note_look)
        if self._notes_shown:
            for line in self._notes.heading_lines(section):
                note = cell.add_paragraph()
                note._p.style = self._note_style
                self._runs.add(note, line, "heading note", heading_note_look)

    def omitted(self, block: Omitted) -> None:
        """A grey row across the table citing the rows left out; links to any of them land here."""
        cell = self._rows.add("omitted", omitted_row)[0]
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self._cell_style
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(2)  # the cell's style sets none: the line would touch the grid
        self._runs.add(paragraph, omitted_line(self._words, block), "grey", grey_look)
        for key in block.anchors:
            self._bookmark(paragraph, key)

    def add(self, row: Row) -> None:
        """Append ``row``: both sides' text, the note, and a comment when asked for and changed."""
        # a short row split over two pages only hurts
        whole = max(_length(row.left), _length((row.right,) if row.right else ())) < _SPLIT_FROM
        shape = partial(body_row, self._widths, whole)
        left_cell, right_cell, note_cell = self._rows.add(("body", whole), shape)
        left, right = self._comparison.left, self._comparison.right
        left_runs = self._fill_left(left_cell, left, row.left)
        right_sections = (row.right,) if row.right else ()
        right_runs = self._fill(right_cell, right, self._right_index, right_sections, self._words.absent_right)
        self._bookmark(left_cell.paragraphs[0], row_key(row))
        lines = self._notes.lines(row)
        if self._notes_shown:
            self._note(note_cell, lines)
        else:
            note_cell.paragraphs[0]._p.style = self._note_style
        anchor = right_runs or left_runs
        if self._options.comments and lines and anchor:
            text = "\n".join(line.removeprefix(FINDING_MARK) for line in lines)
            self._document.add_comment(anchor, text=text, author=self._author, initials=self._author[:2])

    def _bookmark(self, paragraph: Any, key: str) -> None:
        self._bookmarks += 1
        bookmark(paragraph, anchor(key), self._bookmarks)

    def _fill_left(self, cell: Any, document: Document, sections: tuple[Section, ...]) -> list[Any]:
        """The left sections of a row; one already written out in an earlier row is referred to."""
        fresh = tuple(s for s in sections if s.id not in self._shown_left)
        runs = self._fill(cell, document, self._left_index, fresh, self._words.absent_left if not sections else "",
                          with_number=True)
        for section in sections:
            if section.id in self._shown_left:
                cited = cited_label(self._comparison.left, section)
                self._grey(cell, f"（见前：{cited}）", first=not fresh and section is sections[0])
        self._shown_left.update(s.id for s in sections)
        return runs

    def _fill(self, cell: Any, document: Document, index: SpanIndex, sections: tuple[Section, ...], absent: str,
              with_number: bool = False) -> list[Any]:
        """Write the sections' highlighted text into ``cell``; return the runs written."""
        written: list[Any] = []
        first = True
        bold_added = self._options.bold_insertions
        for section in sections:
            for runs in paragraphs(document.text, index, *shown_bounds(document, section, with_number)):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                paragraph._p.style = self._cell_style
                first = False
                for piece in runs:
                    bold = piece.bold or (bold_added and piece.kind is Highlight.RIGHT_ONLY)
                    look = (piece.kind, bold, self._options.shading)
                    written.append(self._runs.add(paragraph, piece.text, look, partial(text_look, *look)))
        if first and absent:
            self._grey(cell, absent, first=True)
        return written

    def _grey(self, cell: Any, text: str, first: bool) -> None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph._p.style = self._cell_style
        self._runs.add(paragraph, text, "grey", grey_look)

    def _note(self, cell: Any, lines: list[str]) -> None:
        for number, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            paragraph._p.style = self._note_style
            if number == 0 and not line.startswith(FINDING_MARK):
                self._runs.add(paragraph, line, "note head", note_head_look)
            elif line.startswith(FINDING_MARK):
                self._runs.add(paragraph, line, "finding", finding_look)
            else:
                self._runs.add(paragraph, line, "note", note_look)


def _length(sections: tuple[Section, ...]) -> int:
    return sum(s.end - s.start for s in sections)


def anchor(key: str) -> str:
    """The bookmark name of a body row or heading row (its section id)."""
    return f"row_{key}"
