"""The PDF report: a summary page, then the aligned parts side by side on landscape A4.

Rows follow the right document's reading order (``core.export.rows``); long rows break
across pages inside the cell. Each right heading and each row is a bookmark (PDF
outline); highlights are background colour plus the print cue of ``styles.py``. The
bundled CJK font is embedded as a subset, so the text stays selectable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.export.atomic import write_atomically
from core.export.pdf_canvas import DOTTED_HEX, ReportCanvas
from core.export.pdf_fonts import cjk_font
from core.export.rows import Row, rows, with_headings
from core.export.segments import SpanIndex, TextRun, paragraphs
from core.export.styles import FINDING_INK, HIGHLIGHTS, PAIR_COLORS
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
    section_label,
    summarize,
)
from core.model import Comparison, Highlight, Section

PAGE = landscape(A4)
MARGIN = 14 * mm
_WIDTH = PAGE[0] - 2 * MARGIN
_COLUMNS = (_WIDTH * 0.425, _WIDTH * 0.425, _WIDTH * 0.15)
_FINDING_COLUMNS = (_WIDTH * 0.4, _WIDTH * 0.3, _WIDTH * 0.3)
_GRID = HexColor("#9E9E9E")
_HEADER_FILL = HexColor("#E8E8E8")
_HEADING_INK = "#1A2B4C"
_KEEP_WITH_TABLE = 90  # points a heading needs below it: itself, the table header, a few lines
_PROGRESS_STEP = 20  # rows between progress reports


class _Styles:
    """Paragraph styles in the bundled font; CJK line breaking everywhere."""

    def __init__(self) -> None:
        font = cjk_font()
        base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
        self.cell = base
        self.note = ParagraphStyle("note", parent=base, fontSize=8, leading=11)
        self.absent = ParagraphStyle("absent", parent=base, textColor=HexColor("#808080"))
        self.header = ParagraphStyle("header", parent=base, fontSize=9, leading=12)
        self.title = ParagraphStyle("title", parent=base, fontSize=20, leading=28, spaceAfter=6)
        self.h1 = ParagraphStyle(
            "h1", parent=base, fontSize=14, leading=20, spaceBefore=10, spaceAfter=5,
            textColor=HexColor(_HEADING_INK),
        )  # fmt: skip
        self.h2 = ParagraphStyle("h2", parent=self.h1, fontSize=12, leading=17, spaceBefore=8)
        self.h3 = ParagraphStyle("h3", parent=self.h1, fontSize=10.5, leading=15, spaceBefore=6)
        self.body = ParagraphStyle("body", parent=base, fontSize=9.5, leading=14, spaceAfter=2)


class _Bookmark(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """An invisible mark that makes its position a PDF outline entry."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=self.level > 0)


class _Outline:
    """Hands out outline levels that never jump deeper by more than one step."""

    def __init__(self) -> None:
        self._last = -1
        self._count = 0

    def mark(self, title: str, level: int) -> _Bookmark:
        level = max(0, min(level, self._last + 1))
        self._last = level
        self._count += 1
        return _Bookmark(f"s{self._count}", title, level)


def write_pdf_report(comparison: Comparison, path: str | Path, progress: Callable[[float], None] | None = None) -> None:
    """Write the comparison as a PDF report to ``path`` (atomically)."""
    styles = _Styles()
    story = _story(comparison, styles, progress)
    title = f"修改对照表：{comparison.right.title}"

    def build(temp: Path) -> None:
        document = SimpleDocTemplate(
            str(temp), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + 5 * mm, bottomMargin=MARGIN, title=title, author=AUTHOR,
            subject=f"{comparison.left.title} ↔ {comparison.right.title}",
            creator="对照 Duizhao", lang="zh-CN",
            # the bundled font from the start: reportlab's default Helvetica would be
            # the one font left unembedded
            initialFontName=cjk_font(), initialFontSize=9,
        )  # fmt: skip
        if progress:
            document.setProgressCallBack(_BuildProgress(progress))
        canvas = partial(_canvas, header=f"左：{comparison.left.title}    右：{comparison.right.title}")
        document.build(story, onFirstPage=_furniture, onLaterPages=_furniture, canvasmaker=canvas)

    write_atomically(path, build, comparison.input_paths)
    if progress:
        progress(1.0)


def _canvas(*args: Any, header: str, **kwargs: Any) -> ReportCanvas:
    canvas = ReportCanvas(*args, **kwargs)
    canvas.header_text = header
    return canvas


def _furniture(canvas: ReportCanvas, _document: Any) -> None:
    canvas.furniture(PAGE[0], PAGE[1], MARGIN)


class _BuildProgress:
    """Turns reportlab's layout progress (story size first, then position) into a fraction."""

    def __init__(self, progress: Callable[[float], None]) -> None:
        self._progress = progress
        self._total = 0
        self._done = 0.3

    def __call__(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._total = max(value, 1)
        elif kind == "PROGRESS" and self._total:
            # reportlab may lay out more than once; never report going backwards
            done = 0.3 + 0.69 * min(value / self._total, 1.0)
            if done > self._done:
                self._done = done
                self._progress(done)


# -- summary page ---------------------------------------------------------------


def _story(comparison: Comparison, styles: _Styles, progress: Callable[[float], None] | None) -> list[Any]:
    outline = _Outline()
    story: list[Any] = [outline.mark("摘要", 0)]
    story.extend(_summary(summarize(comparison), styles))
    story += [PageBreak(), outline.mark("逐条对照", 0), Paragraph("逐条对照", styles.h1)]
    story.extend(_body(comparison, styles, outline, progress))
    return story


def _summary(summary: Summary, styles: _Styles) -> list[Any]:
    p = partial(_para, style=styles.body)
    out: list[Any] = [Paragraph(summary.title, styles.title), p(f"生成时间：{summary.generated}")]
    out.append(Spacer(0, 4))
    files = [[p(""), p("文件"), p("标题")], *([p(a), p(b), p(c)] for a, b, c in summary.files)]
    out.append(_grid(files, (_WIDTH * 0.2, _WIDTH * 0.3, _WIDTH * 0.5)))
    settings = _grid([[p("比较设置"), p("取值")], *([p(a), p(b)] for a, b in summary.options)],
                     (_WIDTH * 0.2, _WIDTH * 0.1))  # fmt: skip
    stats = _grid([[p("统计"), p("数值")], *([p(a), p(b)] for a, b in summary.stats)],
                  (_WIDTH * 0.3, _WIDTH * 0.1))  # fmt: skip
    legend_rows = [[p("示例"), p("类别"), p("含义（打印时的标记）")]]
    for kind, style, cue in legend():
        sample = Paragraph(_markup([TextRun("示例文字", kind)]), styles.body)
        legend_rows.append([sample, p(style.label_zh), p(f"{style.meaning_zh}（{cue}）")])
    side = Table([[settings, Spacer(0, 0), stats]], colWidths=(_WIDTH * 0.3, _WIDTH * 0.04, None))
    side.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), cjk_font(), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    out += [Spacer(0, 8), side, Spacer(0, 8)]
    out.extend(_findings(summary, styles))
    legend_grid = _grid(legend_rows, (_WIDTH * 0.12, _WIDTH * 0.12, _WIDTH * 0.5))
    out.append(KeepTogether([Paragraph("图例", styles.h2), legend_grid]))
    for heading, labels in summary.unpaired_lists():
        listing = p("；".join(labels) + "。" if labels else "无")
        out.append(KeepTogether([Paragraph(f"{heading}（{len(labels)}）", styles.h2), listing]))
    return out


def _findings(summary: Summary, styles: _Styles) -> list[Any]:
    """Changed commitments by kind: a grid per kind, coverage as compact lists."""
    p = partial(_para, style=styles.body)
    title = Paragraph(f"{FINDINGS_TITLE}（{summary.finding_count}）", styles.h2)
    overview = p(summary.finding_overview() if summary.finding_count else "无")
    # the section's heading and overview stay with its first kind (a few lines of it at least)
    out: list[Any] = [CondPageBreak(_KEEP_WITH_TABLE + 40), title, overview]
    for number, group in enumerate(g for g in summary.findings if g.count):
        if number:
            out.append(CondPageBreak(_KEEP_WITH_TABLE))  # never a kind's heading alone at the foot of a page
        out.append(Paragraph(f"{group.label}（{group.count}）", styles.h3))
        if group.lists:
            out += [
                Paragraph(f'<font color="{_HEADING_INK}">{escape(head)}（{len(items)}）：</font>'
                          + escape("；".join(items) + "。"), styles.body)
                for head, items in group.lists
            ]  # fmt: skip
        else:
            grid = [[p("变化"), p("左侧条目"), p("右侧条目")]]
            grid += [[p(e.summary), p(e.left), p(e.right)] for e in group.entries]
            out.append(_grid(grid, _FINDING_COLUMNS))
    return out


def _grid(data: list[list[Any]], widths: Sequence[float]) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_grid_style())
    return table


def _grid_style() -> TableStyle:
    return TableStyle([
        # cells default to Helvetica, which would be the one unembedded font
        ("FONT", (0, 0), (-1, -1), cjk_font(), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])  # fmt: skip


# -- body -----------------------------------------------------------------------


def _body(
    comparison: Comparison, styles: _Styles, outline: _Outline, progress: Callable[[float], None] | None
) -> list[Any]:
    left_index = SpanIndex(comparison.left_highlights)
    right_index = SpanIndex(comparison.right_highlights)
    all_rows = rows(comparison)
    notes = RowNotes(comparison, all_rows)
    heading_styles = (styles.h1, styles.h2, styles.h3)
    out: list[Any] = []
    table_rows: list[list[Any]] = []
    for number, (row, headings) in enumerate(with_headings(comparison, all_rows)):
        if headings and table_rows:
            out.append(_rows_table(table_rows, styles))
            table_rows = []
        for section in headings:
            label = section_label(section, 80)
            # never a heading alone at the foot of a page
            out.append(CondPageBreak(_KEEP_WITH_TABLE))
            out.append(outline.mark(label, section.level))
            out.append(_para(label, heading_styles[min(section.level, len(heading_styles)) - 1]))
            out.extend(_finding_para(line, styles.note) for line in notes.heading_lines(section))
        mark = outline.mark(_row_title(row), row.right.level if row.right else 1)
        table_rows.append(_row_cells(comparison, row, left_index, right_index, notes, styles, mark))
        if progress and number % _PROGRESS_STEP == 0:
            progress(0.3 * number / max(len(all_rows), 1))
    if table_rows:
        out.append(_rows_table(table_rows, styles))
    return out


def _row_title(row: Row) -> str:
    if row.right is not None:
        return section_label(row.right)
    return "［左侧独有］" + section_label(row.left[0])


def _rows_table(table_rows: list[list[Any]], styles: _Styles) -> Table:
    header = [_para(LEFT_NAME, styles.header), _para(RIGHT_NAME, styles.header), _para("说明", styles.header)]
    table = Table([header, *table_rows], colWidths=_COLUMNS, repeatRows=1, splitInRow=1)
    table.setStyle(_grid_style())
    return table


def _row_cells(
    comparison: Comparison,
    row: Row,
    left_index: SpanIndex,
    right_index: SpanIndex,
    notes: RowNotes,
    styles: _Styles,
    mark: _Bookmark,
) -> list[Any]:
    left = _cell(comparison.left.text, left_index, row.left, ABSENT_LEFT, styles)
    right = _cell(comparison.right.text, right_index, (row.right,) if row.right else (), ABSENT_RIGHT, styles)
    note_lines = notes.lines(row)
    colour = PAIR_COLORS[row.kind]
    note = [Paragraph(f'<font color="{colour}">{escape(note_lines[0])}</font>', styles.note)]
    note += [_finding_para(line, styles.note) if line.startswith(FINDING_MARK) else _para(line, styles.note)
             for line in note_lines[1:]]  # fmt: skip
    return [left, [mark, *right], note]


def _cell(text: str, index: SpanIndex, sections: tuple[Section, ...], absent: str, styles: _Styles) -> list[Any]:
    out: list[Any] = []
    for section in sections:
        for runs in paragraphs(text, index, section.start, section.end, section.heading_end):
            out.append(Paragraph(_markup(runs), styles.cell))
    return out or [_para(absent, styles.absent)]


def _markup(runs: Sequence[TextRun]) -> str:
    """Paragraph markup: background colour plus the grayscale-safe cue of each run."""
    parts = []
    for run in runs:
        body = escape(run.text)
        if run.bold:
            body = f'<font color="{_HEADING_INK}">{body}</font>'
        if run.kind is not None:
            body = _cue(run.kind, body)
        parts.append(body)
    return "".join(parts)


def _cue(kind: Highlight, body: str) -> str:
    style = HIGHLIGHTS[kind]
    if style.print_cue == "strike":
        body = f'<strike color="#7A2E12" width="0.7">{body}</strike>'
    elif style.print_cue == "underline":
        body = f'<u color="#1F4E79" width="0.7" offset="-2">{body}</u>'
    elif style.print_cue == "dotted":
        body = f'<u color="{DOTTED_HEX}" offset="-2.2">{body}</u>'
    return f'<font backColor="{style.light}">{body}</font>'


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _finding_para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(f'<font color="{FINDING_INK}">{escape(text)}</font>', style)
