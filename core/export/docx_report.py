"""The Word 修改对照表: summary page, then one table row per aligned part.

Rows follow the right document's reading order (``core.export.rows``); the right
document's headings become Word headings between the tables, so Word's navigation
pane lists the sections. Highlights are run shading plus the print cue, changed
rows carry a Word comment with their relation and score.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor

from core.export.atomic import write_atomically
from core.export.docx_format import (
    BODY_FONT,
    HEADING_FONT,
    a4,
    keep_row_whole,
    repeat_as_header,
    set_fonts,
    setup_styles,
    shade_cell,
    style_run,
)
from core.export.rows import Row, rows, with_headings
from core.export.segments import SpanIndex, paragraphs
from core.export.styles import FINDING_INK, PAIR_COLORS, hex_to_rgb
from core.export.summary import (
    ABSENT_LEFT,
    ABSENT_RIGHT,
    AUTHOR,
    FINDING_MARK,
    FINDINGS_TITLE,
    LEFT_NAME,
    RIGHT_NAME,
    RowNotes,
    Summary,
    legend,
    percent,
    row_kind_label,
    section_label,
    summarize,
)
from core.model import Comparison, PairKind, Section

CELL_STYLE = "对照表正文"
NOTE_STYLE = "对照表说明"
_COLUMNS = (Mm(104), Mm(104), Mm(53))  # left | right | note on landscape A4 with 18 mm margins
_HEADER_FILL = "#E8E8E8"
_ABSENT_GREY = RGBColor(0x80, 0x80, 0x80)
_FINDING_INK = RGBColor(*hex_to_rgb(FINDING_INK))
_PROGRESS_STEP = 20  # rows between progress reports


def write_docx_report(
    comparison: Comparison, path: str | Path, progress: Callable[[float], None] | None = None
) -> None:
    """Write the comparison as a Word 修改对照表 to ``path`` (atomically)."""
    document = _build(comparison, progress)
    write_atomically(path, lambda temp: document.save(str(temp)), comparison.input_paths)
    if progress:
        progress(1.0)


def _build(comparison: Comparison, progress: Callable[[float], None] | None) -> Any:
    document = docx.Document()
    setup_styles(document)
    _add_cell_styles(document)
    a4(document, landscape=True)
    properties = document.core_properties
    properties.title = f"修改对照表：{comparison.right.title}"
    properties.subject = f"{comparison.left.title} ↔ {comparison.right.title}"
    properties.author = AUTHOR
    _cover(document, summarize(comparison))
    _body(document, comparison, progress)
    return document


def _add_cell_styles(document: Any) -> None:
    for name, size, after in ((CELL_STYLE, 10, 3), (NOTE_STYLE, 9, 2)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.line_spacing = 1.15
        set_fonts(style.element, BODY_FONT)


# -- summary page ---------------------------------------------------------------


def _cover(document: Any, summary: Summary) -> None:
    document.add_paragraph(summary.title, style="Title")
    document.add_paragraph(f"生成时间：{summary.generated}")
    _facts_table(document, ("", "文件", "标题"), summary.files, (50, 75, 136))
    document.add_heading("比较设置", level=2)
    _facts_table(document, ("设置", "取值"), summary.options, (75, 35))
    document.add_heading("统计", level=2)
    _facts_table(document, ("项目", "数值"), summary.stats, (75, 35))
    _findings(document, summary)
    document.add_heading("图例", level=2)
    _legend_table(document)
    for heading, labels in summary.unpaired_lists():
        document.add_heading(f"{heading}（{len(labels)}）", level=2)
        if not labels:
            document.add_paragraph("无")
        for label in labels:
            document.add_paragraph(label, style="List Bullet")


def _findings(document: Any, summary: Summary) -> None:
    """Changed commitments by kind: a table per kind, coverage as compact lists."""
    document.add_heading(f"{FINDINGS_TITLE}（{summary.finding_count}）", level=2)
    document.add_paragraph(summary.finding_overview() if summary.finding_count else "无")
    for group in summary.findings:
        if not group.count:
            continue
        document.add_heading(f"{group.label}（{group.count}）", level=3)
        if group.lists:
            for head, items in group.lists:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{head}（{len(items)}）：").bold = True
                paragraph.add_run("；".join(items) + "。")
        else:
            body = tuple((e.summary, e.left, e.right) for e in group.entries)
            _facts_table(document, ("变化", "左侧条目", "右侧条目"), body, (101, 80, 80))


def _facts_table(
    document: Any, header: tuple[str, ...], body: tuple[tuple[str, ...], ...], widths_mm: tuple[int, ...]
) -> list[Any]:
    """A small grid with a shaded header row; returns the body rows' cells."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(w) for w in widths_mm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
        cell.width = width
        shade_cell(cell, _HEADER_FILL)
        cell.paragraphs[0].add_run(text).bold = True
    body_cells = []
    for values in body:
        row = table.add_row()
        keep_row_whole(row)
        cells = row.cells
        for cell, text, width in zip(cells, values, widths, strict=True):
            cell.width = width
            if text:
                cell.paragraphs[0].add_run(text)
        body_cells.append(cells)
    return body_cells


def _legend_table(document: Any) -> None:
    entries = legend()
    body = tuple(("", style.label_zh, f"{style.meaning_zh}（{cue}）") for _, style, cue in entries)
    cells = _facts_table(document, ("示例", "类别", "含义（打印时的标记）"), body, (30, 30, 100))
    for (kind, _, _), row_cells in zip(entries, cells, strict=True):
        style_run(row_cells[0].paragraphs[0].add_run("示例文字"), kind)


# -- body -----------------------------------------------------------------------


def _body(document: Any, comparison: Comparison, progress: Callable[[float], None] | None) -> None:
    document.add_heading("逐条对照", level=1).paragraph_format.page_break_before = True
    all_rows = rows(comparison)
    writer = _RowWriter(document, comparison, all_rows)
    table = None
    for number, (row, headings) in enumerate(with_headings(comparison, all_rows)):
        for section in headings:
            document.add_heading(section_label(section, 80), level=min(section.level + 1, 4))
            writer.heading_notes(section)
        if table is None or headings:
            table = _rows_table(document)
        writer.add(table, row)
        if progress and number % _PROGRESS_STEP == 0:
            progress(0.95 * number / max(len(all_rows), 1))


def _rows_table(document: Any) -> Any:
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, _COLUMNS, strict=True):
        column.width = width
    header = table.rows[0]
    repeat_as_header(header)
    for cell, text, width in zip(header.cells, (LEFT_NAME, RIGHT_NAME, "说明"), _COLUMNS, strict=True):
        cell.width = width
        shade_cell(cell, _HEADER_FILL)
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        set_fonts(run._r, HEADING_FONT)
    return table


class _RowWriter:
    """Writes report rows into tables, with what every row needs prepared once per export."""

    def __init__(self, document: Any, comparison: Comparison, ordered: list[Row]) -> None:
        self._document = document
        self._comparison = comparison
        self._left_index = SpanIndex(comparison.left_highlights)
        self._right_index = SpanIndex(comparison.right_highlights)
        self._notes = RowNotes(comparison, ordered)
        # Assigning a style by name makes python-docx scan every style of the document, for
        # each paragraph; setting the id directly keeps large reports fast.
        self._cell_style = document.styles[CELL_STYLE].style_id
        self._note_style = document.styles[NOTE_STYLE].style_id

    def add(self, table: Any, row: Row) -> None:
        """Append ``row`` to ``table``: both sides' text, the note, and a comment when changed."""
        left_cell, right_cell, note_cell = table.add_row().cells
        for cell, width in zip((left_cell, right_cell, note_cell), _COLUMNS, strict=True):
            cell.width = width
        left, right = self._comparison.left, self._comparison.right
        left_runs = self._fill(left_cell, left.text, self._left_index, row.left, ABSENT_LEFT)
        right_sections = (row.right,) if row.right else ()
        right_runs = self._fill(right_cell, right.text, self._right_index, right_sections, ABSENT_RIGHT)
        self._note(note_cell, row)
        if row.kind is not PairKind.SAME:
            anchor = right_runs if row.right is not None else left_runs
            if anchor:
                self._document.add_comment(anchor, text=_comment_text(row), author=AUTHOR, initials=AUTHOR)

    def heading_notes(self, section: Section) -> None:
        """Findings about a heading's own text, as small paragraphs below the heading."""
        for line in self._notes.heading_lines(section):
            paragraph = self._document.add_paragraph()
            paragraph._p.style = self._note_style
            paragraph.add_run(line).font.color.rgb = _FINDING_INK

    def _fill(self, cell: Any, text: str, index: SpanIndex, sections: tuple[Section, ...], absent: str) -> list[Any]:
        """Write the sections' highlighted text into ``cell``; return the runs written."""
        written: list[Any] = []
        first = True
        for section in sections:
            for runs in paragraphs(text, index, section.start, section.end, section.heading_end):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                paragraph._p.style = self._cell_style
                first = False
                for piece in runs:
                    run = paragraph.add_run(piece.text)
                    set_fonts(run._r, BODY_FONT)
                    style_run(run, piece.kind, piece.bold)
                    written.append(run)
        if first:
            paragraph = cell.paragraphs[0]
            paragraph._p.style = self._cell_style
            run = paragraph.add_run(absent)
            run.italic = True
            run.font.color.rgb = _ABSENT_GREY
        return written

    def _note(self, cell: Any, row: Row) -> None:
        for number, line in enumerate(self._notes.lines(row)):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            paragraph._p.style = self._note_style
            run = paragraph.add_run(line)
            if number == 0:
                run.bold = True
                run.font.color.rgb = RGBColor(*hex_to_rgb(PAIR_COLORS[row.kind]))
            elif line.startswith(FINDING_MARK):
                run.font.color.rgb = _FINDING_INK


def _comment_text(row: Row) -> str:
    label = row_kind_label(row)
    return f"{label}，相似度 {percent(row.score)}" if row.score is not None else label
