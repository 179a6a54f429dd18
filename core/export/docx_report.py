"""The Word 修改对照表 (or, for an implementing document, 落实情况对照表).

A head with the title, both documents (file, title, date), their relation and a short
account of the changes and findings; then ONE continuous three-column table in the
right document's reading order (``core.export.rows``): 原条文 | 修改后条文 | 修改说明 for a
revision, 上级文件条目 | 本级落实条目 | 落实情况 for an implementation. The right
document's headings are rows spanning the table, in heading styles so Word's
navigation pane lists them. Deleted wording is struck, added wording underlined (and
optionally bold), shaded in the colours of the legend unless that is switched off.
Fonts follow GB/T 9704; the footer counts pages with PAGE / NUMPAGES fields.

The head opens by saying when the files are identical, or warning when they have
almost nothing in common. With ``changes_only`` each stretch of rows left out is one
grey row across the table citing it ("第三章至第五章 未修改（略去 12 条）"); links to a
row left out land there. Identical files then need no table at all: the head says it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from core.atomic import write_atomically
from core.export.docx_format import (
    BODY_FONT,
    HEADING_FONT,
    RowMaker,
    RunMaker,
    a4,
    bookmark,
    internal_link,
    keep_row_whole,
    page_header,
    page_number_footer,
    repeat_as_header,
    set_fonts,
    set_properties,
    setup_styles,
    shade_cell,
    span_row,
    style_run,
)
from core.export.provenance import account_name, product_version
from core.export.report_body import body_items, omitted_line
from core.export.report_options import ReportOptions
from core.export.report_wording import Wording, legend
from core.export.row_notes import FINDING_MARK, RowNotes, row_key, section_label
from core.export.rows import Item, Omitted, Row, rows
from core.export.segments import SpanIndex, paragraphs
from core.export.styles import (
    FINDING_INK,
    HEADER_FILL,
    HEADING_FILL,
    MUTED_INK,
    NOTICE_FILL,
    NOTICE_INK,
    hex_to_rgb,
)
from core.export.summary import FINDINGS_TITLE, Summary, summarize
from core.model import Comparison, Highlight, Relation, Section
from core.progress import Progress, Stage

CELL_STYLE = "对照表正文"
NOTE_STYLE = "对照表说明"
_MARGIN_MM = 20
_TEXT_WIDTH_MM = {True: 297 - 2 * _MARGIN_MM, False: 210 - 2 * _MARGIN_MM}  # by landscape
_NOTE_SHARE = 0.2  # the third column's share of the text width
_NOTICE_INK = {warning: RGBColor(*hex_to_rgb(ink)) for warning, ink in NOTICE_INK.items()}
_ABSENT_GREY = RGBColor(*hex_to_rgb(MUTED_INK))
_FINDING_INK = RGBColor(*hex_to_rgb(FINDING_INK))
_HEADING_STYLES = ("Heading 2", "Heading 3", "Heading 4")  # by right heading level; Heading 1 is 逐条对照
_PROGRESS_STEP = 20  # rows between progress reports
_SPLIT_FROM = 150  # characters on one side from which a row may break across pages


def write_docx_report(
    comparison: Comparison,
    path: str | Path,
    progress: Progress | None = None,
    options: ReportOptions | None = None,
) -> None:
    """Write the comparison as a Word 修改对照表 to ``path`` (atomically)."""
    document = _build(comparison, options or ReportOptions(), progress)
    write_atomically(path, lambda temp: document.save(str(temp)), comparison.input_paths)
    if progress:
        progress(1.0, Stage.EXPORT)


def _build(comparison: Comparison, options: ReportOptions, progress: Progress | None) -> Any:
    document = docx.Document()
    setup_styles(document, body_size=12)
    _add_cell_styles(document)
    a4(document, landscape=options.landscape, margin_mm=_MARGIN_MM)
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    items = body_items(comparison, ordered, notes, options.changes_only)
    omitted = [item for item, _ in items if isinstance(item, Omitted)] if options.changes_only else None
    summary = summarize(comparison, ordered, omitted=omitted)
    left, right = summary.documents
    set_properties(
        document,
        title=f"{summary.title}：{comparison.right.title}",
        subject=f"{left.side} {left.file} ↔ {right.side} {right.file}",
        author=product_version(),
        comments=(f"比较 {left.side}“{left.file}”（{left.title}）与 {right.side}“{right.file}”（{right.title}），"
                  f"{summary.relation}；由 {product_version()} 生成。"),
        keywords=f"{summary.title}；{left.file}；{right.file}",
        producer=product_version(),
    )
    section = document.sections[0]
    page_header(section, summary.header())
    page_number_footer(section)
    _head(document, summary, options)
    if not (options.changes_only and summary.identical):  # nothing to list: the head says so
        _body(document, comparison, items, notes, summary.wording, options, progress)
    return document


def _add_cell_styles(document: Any) -> None:
    for name, size, after in ((CELL_STYLE, 12, 2), (NOTE_STYLE, 10.5, 1)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.line_spacing = 1.15
        set_fonts(style.element, BODY_FONT)


# -- head -----------------------------------------------------------------------


def _head(document: Any, summary: Summary, options: ReportOptions) -> None:
    """Title, both documents and their relation, the overview, the legend and the findings."""
    document.add_paragraph(summary.title, style="Title")
    if summary.notice:
        _notice(document, summary.notice, summary.warning)
    facts = [(d.side, f"《{d.title}》\n文件：{d.file}　日期：{d.date}") for d in summary.documents]
    evidence = "；".join(summary.evidence) if summary.detected else ""
    facts.append(("文件关系", summary.relation + (f"（{evidence}）" if evidence else "")))
    settings = "；".join(f"{key} {value}" for key, value in summary.options)
    facts.append(("生成", f"{summary.generated}，{product_version()}；{settings}"))
    _facts_table(document, (), tuple(facts), (30, 200))
    document.add_heading("修改概况" if summary.wording.relation is Relation.REVISION else "落实概况", level=2)
    for line in summary.overview:
        document.add_paragraph(line)
    for head, labels in summary.lists:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{head}（{len(labels)} 条）：").bold = True
        paragraph.add_run("；".join(labels) + "。" if labels else "无。")
    # the legend is short and explains the table: before the findings, which may run long
    document.add_heading("图例", level=2)
    _legend_table(document, summary.wording, options.shading)
    _findings(document, summary)


def _notice(document: Any, text: str, warning: bool) -> None:
    """The verdict on the whole comparison, boxed below the title where no reader misses it."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.rows[0].cells[0]
    shade_cell(cell, NOTICE_FILL[warning])
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(4)
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = _NOTICE_INK[warning]
    set_fonts(run._r, HEADING_FONT)
    document.add_paragraph()  # keeps the box apart from the facts table below


def _findings(document: Any, summary: Summary) -> None:
    """Changed commitments, a table per kind with the sections concerned on each side."""
    document.add_heading(f"{FINDINGS_TITLE}（{summary.finding_count}）", level=2)
    document.add_paragraph(summary.finding_overview() if summary.finding_count else "无")
    words = summary.wording
    for group in summary.findings:
        if not group.count:
            continue
        document.add_heading(f"{group.label}（{group.count}）", level=3)
        body = tuple(("", e.left, e.right) for e in group.entries)
        cells = _facts_table(document, ("变化", f"{words.left_side}条目", f"{words.right_side}条目"), body,
                             (110, 60, 60))  # fmt: skip
        for entry, row_cells in zip(group.entries, cells, strict=True):
            # each finding leads to the row that notes it
            paragraph = row_cells[0].paragraphs[0]
            if entry.target is not None:
                internal_link(paragraph, entry.summary, _anchor(entry.target))
            else:
                paragraph.add_run(entry.summary)


def _facts_table(
    document: Any, header: tuple[str, ...], body: tuple[tuple[str, ...], ...], widths_mm: tuple[int, ...]
) -> list[Any]:
    """A small grid, with a shaded header row when ``header`` is given; returns the body rows' cells."""
    columns = len(header) or len(widths_mm)
    table = document.add_table(rows=1 if header else 0, cols=columns)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(w) for w in widths_mm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    if header:
        for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = width
            shade_cell(cell, HEADER_FILL)
            _bold_heading_run(cell.paragraphs[0], text)
    body_cells = []
    for values in body:
        row = table.add_row()
        keep_row_whole(row)
        cells = row.cells
        for number, (cell, text, width) in enumerate(zip(cells, values, widths, strict=True)):
            cell.width = width
            if text and not header and number == 0:
                _bold_heading_run(cell.paragraphs[0], text)
            elif text:
                cell.paragraphs[0].add_run(text)
        body_cells.append(cells)
    return body_cells


def _bold_heading_run(paragraph: Any, text: str) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    set_fonts(run._r, HEADING_FONT)


def _legend_table(document: Any, words: Wording, shading: bool) -> None:
    entries = legend(words)
    body = tuple(("", meaning, cue) for _, _, meaning, cue in entries)
    cells = _facts_table(document, ("示例", "含义", "打印时的标记"), body, (35, 90, 40))
    for (kind, _, _, _), row_cells in zip(entries, cells, strict=True):
        style_run(row_cells[0].paragraphs[0].add_run("示例文字"), kind, shading=shading)


# -- body -----------------------------------------------------------------------


def _body(
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
        width = _TEXT_WIDTH_MM[options.landscape]
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
            _bold_heading_run(paragraph, text)
        return table

    def heading(self, section: Section) -> None:
        """A row across the table with a right heading (in a heading style), and findings about it."""
        cell = self._rows.add("heading", _heading_row)[0]
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self._heading_styles[min(section.level, len(self._heading_styles)) - 1]
        paragraph.paragraph_format.space_before = Pt(3)
        paragraph.paragraph_format.space_after = Pt(3)
        paragraph.paragraph_format.keep_with_next = True
        self._runs.add(paragraph, section_label(section, 80), "heading", _heading_look)
        self._bookmark(paragraph, section.id)
        if self._notes_shown:
            for line in self._notes.heading_lines(section):
                note = cell.add_paragraph()
                note._p.style = self._note_style
                self._runs.add(note, line, "heading note", _heading_note_look)

    def omitted(self, block: Omitted) -> None:
        """A grey row across the table citing the rows left out; links to any of them land here."""
        cell = self._rows.add("omitted", _omitted_row)[0]
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self._cell_style
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(2)  # the cell's style sets none: the line would touch the grid
        self._runs.add(paragraph, omitted_line(self._words, block), "grey", _grey_look)
        for key in block.anchors:
            self._bookmark(paragraph, key)

    def add(self, row: Row) -> None:
        """Append ``row``: both sides' text, the note, and a comment when asked for and changed."""
        # a short row split over two pages only hurts
        whole = max(_length(row.left), _length((row.right,) if row.right else ())) < _SPLIT_FROM
        shape = partial(_body_row, self._widths, whole)
        left_cell, right_cell, note_cell = self._rows.add(("body", whole), shape)
        left, right = self._comparison.left, self._comparison.right
        left_runs = self._fill_left(left_cell, left.text, row.left)
        right_sections = (row.right,) if row.right else ()
        right_runs = self._fill(right_cell, right.text, self._right_index, right_sections, self._words.absent_right)
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
        bookmark(paragraph, _anchor(key), self._bookmarks)

    def _fill_left(self, cell: Any, text: str, sections: tuple[Section, ...]) -> list[Any]:
        """The left sections of a row; one already written out in an earlier row is referred to."""
        fresh = tuple(s for s in sections if s.id not in self._shown_left)
        runs = self._fill(cell, text, self._left_index, fresh, self._words.absent_left if not sections else "")
        for section in sections:
            if section.id in self._shown_left:
                self._grey(cell, f"（见前：{section_label(section, 30)}）", first=not fresh and section is sections[0])
        self._shown_left.update(s.id for s in sections)
        return runs

    def _fill(self, cell: Any, text: str, index: SpanIndex, sections: tuple[Section, ...], absent: str) -> list[Any]:
        """Write the sections' highlighted text into ``cell``; return the runs written."""
        written: list[Any] = []
        first = True
        bold_added = self._options.bold_insertions
        for section in sections:
            for runs in paragraphs(text, index, section.start, section.end, section.heading_end):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                paragraph._p.style = self._cell_style
                first = False
                for piece in runs:
                    bold = piece.bold or (bold_added and piece.kind is Highlight.RIGHT_ONLY)
                    look = (piece.kind, bold, self._options.shading)
                    written.append(self._runs.add(paragraph, piece.text, look, partial(_text_look, *look)))
        if first and absent:
            self._grey(cell, absent, first=True)
        return written

    def _grey(self, cell: Any, text: str, first: bool) -> None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph._p.style = self._cell_style
        self._runs.add(paragraph, text, "grey", _grey_look)

    def _note(self, cell: Any, lines: list[str]) -> None:
        for number, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            paragraph._p.style = self._note_style
            if number == 0 and not line.startswith(FINDING_MARK):
                self._runs.add(paragraph, line, "note head", _note_head_look)
            elif line.startswith(FINDING_MARK):
                self._runs.add(paragraph, line, "finding", _finding_look)
            else:
                self._runs.add(paragraph, line, "note", _note_look)


# The shapes of the body's rows, each made once for ``RowMaker`` to copy.


def _heading_row(row: Any) -> None:
    keep_row_whole(row)
    shade_cell(span_row(row), HEADING_FILL)


def _omitted_row(row: Any) -> None:
    keep_row_whole(row)
    span_row(row)


def _body_row(widths: tuple[Any, ...], whole: bool, row: Any) -> None:
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = width
    if whole:
        keep_row_whole(row)


# The looks of the body's runs, each applied once to a run that ``RunMaker`` copies.


def _text_look(kind: Highlight | None, bold: bool, shading: bool, run: Any) -> None:
    set_fonts(run._r, BODY_FONT)
    style_run(run, kind, bold, shading)


def _heading_look(run: Any) -> None:
    set_fonts(run._r, HEADING_FONT)


def _heading_note_look(run: Any) -> None:
    run.font.color.rgb = _FINDING_INK


def _grey_look(run: Any) -> None:
    set_fonts(run._r, BODY_FONT)
    run.font.color.rgb = _ABSENT_GREY


def _note_look(run: Any) -> None:
    set_fonts(run._r, BODY_FONT)


def _note_head_look(run: Any) -> None:
    set_fonts(run._r, BODY_FONT)
    run.bold = True


def _finding_look(run: Any) -> None:
    set_fonts(run._r, BODY_FONT)
    run.font.color.rgb = _FINDING_INK


def _length(sections: tuple[Section, ...]) -> int:
    return sum(s.end - s.start for s in sections)


def _anchor(key: str) -> str:
    """The bookmark name of a body row or heading row (its section id)."""
    return f"row_{key}"
