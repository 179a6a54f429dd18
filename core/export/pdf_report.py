"""The PDF report: the same head and the same one continuous table as the Word report.

A head with the title, both documents, their relation, the overview, the findings
(each linked to the row that notes it) and the legend; then one table in the right
document's reading order (``core.export.rows``) whose header row repeats at the top of
each page only, right headings as rows across it. Long rows break across pages inside
the cell. Headings and rows are PDF bookmarks, changed rows marked with their status.
Highlights are background colour plus the print cue of ``styles.py``, exactly as in the
Word report and the legend. After GB/T 9704 the body text and the table cells are set
in the bundled serif face (宋体), the title, headings, header rows and row headings in
the bundled sans-serif (黑体); both are embedded as subsets, so the text stays selectable.

The head opens by saying when the files are identical, or warning when they have
almost nothing in common. With ``changes_only`` each stretch of rows left out is one
grey row across the table citing it, with a bookmark of its own; links to a row left
out land there. Identical files then need no body pages at all: the head says it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Table,
    TableStyle,
)

from core.atomic import write_atomically
from core.export.pdf_canvas import DOTTED_HEX, ReportCanvas
from core.export.pdf_fonts import CJKParagraph, body_markup, cjk_font, serif_font
from core.export.provenance import product_version
from core.export.report_body import body_items, omitted_line
from core.export.report_options import ReportOptions
from core.export.report_wording import Wording, legend
from core.export.row_notes import FINDING_MARK, LOCAL, RowNotes, row_key, section_label
from core.export.rows import Item, Omitted, Row, rows
from core.export.segments import SpanIndex, TextRun, paragraphs
from core.export.styles import (
    CUE_LINES,
    FINDING_INK,
    GRID,
    HEADER_FILL,
    HEADING_FILL,
    HEADING_INK,
    HIGHLIGHTS,
    LINK_INK,
    MUTED_INK,
    NOTICE_FILL,
    NOTICE_INK,
)
from core.export.summary import FINDINGS_TITLE, Summary, summarize
from core.labels import label_of
from core.model import Comparison, CoverageGrade, Highlight, Relation, Section
from core.progress import Progress, Stage

PAGE = landscape(A4)
MARGIN = 14 * mm
_WIDTH = PAGE[0] - 2 * MARGIN
_COLUMNS = (_WIDTH * 0.4, _WIDTH * 0.4, _WIDTH * 0.2)
_FINDING_COLUMNS = (_WIDTH * 0.4, _WIDTH * 0.3, _WIDTH * 0.3)
_GRID = HexColor(GRID)
_HEADER_FILL = HexColor(HEADER_FILL)
_HEADING_FILL = HexColor(HEADING_FILL)
_NOTICE_FILL = {warning: HexColor(fill) for warning, fill in NOTICE_FILL.items()}
_HEADER_HEIGHT = 20  # points: the body table's header row, drawn on each body page
_KEEP_WITH_TABLE = 90  # points a heading needs below it: itself, the table header, a few lines
_PROGRESS_STEP = 20  # rows between progress reports
# Implementation rows whose status is worth a mark in the bookmarks (a revision marks every change).
_MARKED_GRADES = (label_of(CoverageGrade.NOT_TAKEN_UP), LOCAL)


class _Styles:
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


class _Destinations(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Invisible link targets at one position, without outline entries of their own."""

    def __init__(self, keys: Sequence[str]) -> None:
        super().__init__()
        self.keys = keys

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        for key in self.keys:
            self.canv.bookmarkHorizontal(key, 0, 0)


class _Outline:
    """Hands out outline levels that never jump deeper by more than one step."""

    def __init__(self) -> None:
        self._last = -1

    def mark(self, key: str, title: str, level: int) -> _Bookmark:
        level = max(0, min(level, self._last + 1))
        self._last = level
        return _Bookmark(key, title, level)


def write_pdf_report(
    comparison: Comparison,
    path: str | Path,
    progress: Progress | None = None,
    options: ReportOptions | None = None,
) -> None:
    """Write the comparison as a PDF report to ``path`` (atomically)."""
    options = options or ReportOptions()
    styles = _Styles()
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    items = body_items(comparison, ordered, notes, options.changes_only)
    omitted = [item for item, _ in items if isinstance(item, Omitted)] if options.changes_only else None
    summary = summarize(comparison, ordered, omitted=omitted)
    story = _story(comparison, items, notes, summary, options, styles, progress)
    left, right = summary.documents

    def build(temp: Path) -> None:
        _binary_streams()
        document = BaseDocTemplate(
            str(temp), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + 5 * mm, bottomMargin=MARGIN,
            title=f"{summary.title}：{comparison.right.title}", author=product_version(),
            subject=f"{left.side} {left.file} ↔ {right.side} {right.file}",
            keywords=f"{summary.title}；{left.file}；{right.file}",
            creator=product_version(), lang="zh-CN",
            # the bundled font from the start: reportlab's default Helvetica would be
            # the one font left unembedded
            initialFontName=cjk_font(), initialFontSize=9,
        )  # fmt: skip
        document.addPageTemplates(_page_templates(summary))
        if progress:
            document.setProgressCallBack(_BuildProgress(progress))
        canvas = partial(_canvas, header=summary.header())
        document.build(story, canvasmaker=canvas)

    write_atomically(path, build, comparison.input_paths)
    if progress:
        progress(1.0, Stage.EXPORT)


def _binary_streams() -> None:
    """Compressed streams written as binary, not also wrapped in ASCII85.

    ASCII85 only keeps a PDF 7-bit clean, which no reader needs; reportlab encodes it in
    pure Python, which cost about 8% of the report's time (the sample pair's file is also
    6% smaller without it). reportlab reads the setting when it writes a stream.
    """
    rl_config.useA85 = 0


def _canvas(*args: Any, header: str, **kwargs: Any) -> ReportCanvas:
    canvas = ReportCanvas(*args, **kwargs)
    canvas.header_text = header
    return canvas


def _page_templates(summary: Summary) -> list[PageTemplate]:
    """Head pages, then body pages whose frame starts below the table header drawn on each."""
    top = PAGE[1] - MARGIN - 5 * mm
    height = top - MARGIN

    def furniture(canvas: ReportCanvas, _document: Any) -> None:
        canvas.furniture(PAGE[0], PAGE[1], MARGIN)

    def body_furniture(canvas: ReportCanvas, _document: Any) -> None:
        furniture(canvas, _document)
        canvas.column_header(MARGIN, top, _COLUMNS, summary.wording.columns, _HEADER_HEIGHT)

    frame = partial(Frame, MARGIN, MARGIN, _WIDTH, leftPadding=0, rightPadding=0, bottomPadding=0)
    return [
        PageTemplate("head", [frame(height, id="head", topPadding=0)], onPage=furniture),
        PageTemplate("body", [frame(height - _HEADER_HEIGHT, id="body", topPadding=0)], onPage=body_furniture),
    ]


class _BuildProgress:
    """Turns reportlab's layout progress (story size first, then position) into a fraction."""

    def __init__(self, progress: Progress) -> None:
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
                self._progress(done, Stage.EXPORT)


# -- head -----------------------------------------------------------------------


def _story(comparison: Comparison, items: list[tuple[Item, tuple[Section, ...]]], notes: RowNotes,
           summary: Summary, options: ReportOptions, styles: _Styles,
           progress: Progress | None) -> list[Any]:  # fmt: skip
    outline = _Outline()
    story: list[Any] = [outline.mark("summary", "概况", 0)]
    story.extend(_head(summary, options, styles))
    if options.changes_only and summary.identical:
        return story  # nothing to list: the head says so
    story += [NextPageTemplate("body"), PageBreak(), outline.mark("body", "逐条对照", 0)]
    story.append(_body(comparison, items, notes, summary.wording, options, styles, outline, progress))
    return story


def _head(summary: Summary, options: ReportOptions, styles: _Styles) -> list[Any]:
    """Title, both documents and their relation, the overview, the legend and the findings."""
    p = partial(_para, style=styles.body)
    label = partial(_para, style=styles.label)
    out: list[Any] = [CJKParagraph(escape(summary.title), styles.title)]
    if summary.notice:
        out.append(_notice(summary.notice, summary.warning, styles))
    facts = [[label(d.side), p(f"《{d.title}》　文件：{d.file}　日期：{d.date}")] for d in summary.documents]
    evidence = "；".join(summary.evidence) if summary.detected else ""
    facts.append([label("文件关系"), p(summary.relation + (f"（{evidence}）" if evidence else ""))])
    settings = "；".join(f"{key} {value}" for key, value in summary.options)
    facts.append([label("生成"), p(f"{summary.generated}，{product_version()}；{settings}")])
    table = Table(facts, colWidths=(_WIDTH * 0.12, _WIDTH * 0.88), hAlign="LEFT")
    table.setStyle(_grid_style(header=False))
    out.append(table)
    overview = "修改概况" if summary.wording.relation is Relation.REVISION else "落实概况"
    out.append(CJKParagraph(overview, styles.h2))
    out += [p(line) for line in summary.overview]
    for head, labels in summary.lists:
        head_markup = f'<font face="{cjk_font()}" color="{HEADING_INK}">{escape(head)}（{len(labels)} 条）：</font>'
        out.append(CJKParagraph(head_markup + body_markup("；".join(labels) + "。" if labels else "无。"),
                                styles.body))  # fmt: skip
    # the legend is short and explains the table: before the findings, which may run long
    legend_rows = [[label("示例"), label("含义"), label("打印时的标记")]]
    for kind, _, meaning, cue in legend(summary.wording):
        sample = CJKParagraph(_markup([TextRun("示例文字", kind)], options), styles.body)
        legend_rows.append([sample, p(meaning), p(cue)])
    legend_grid = _grid(legend_rows, (_WIDTH * 0.12, _WIDTH * 0.4, _WIDTH * 0.15))
    out.append(KeepTogether([CJKParagraph("图例", styles.h2), legend_grid]))
    out.extend(_findings(summary, styles))
    return out


def _notice(text: str, warning: bool, styles: _Styles) -> Table:
    """The verdict on the whole comparison, boxed below the title where no reader misses it."""
    line = CJKParagraph(f'<font color="{NOTICE_INK[warning]}"><b>{escape(text)}</b></font>', styles.notice)
    box = Table([[line]], colWidths=(_WIDTH * 0.7,), hAlign="CENTER", spaceAfter=10)
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, _GRID),
        ("BACKGROUND", (0, 0), (-1, -1), _NOTICE_FILL[warning]),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))  # fmt: skip
    return box


def _findings(summary: Summary, styles: _Styles) -> list[Any]:
    """Changed commitments by kind: a grid per kind, each entry linked to the row noting it."""
    p = partial(_para, style=styles.body)
    label = partial(_para, style=styles.label)
    title = CJKParagraph(f"{FINDINGS_TITLE}（{summary.finding_count}）", styles.h2)
    overview = p(summary.finding_overview() if summary.finding_count else "无")
    words = summary.wording
    # the section's heading and overview stay with its first kind (a few lines of it at least)
    keep = _KEEP_WITH_TABLE + 40 if summary.finding_count else 40
    out: list[Any] = [CondPageBreak(keep), title, overview]
    for number, group in enumerate(g for g in summary.findings if g.count):
        if number:
            out.append(CondPageBreak(_KEEP_WITH_TABLE))  # never a kind's heading alone at the foot of a page
        out.append(CJKParagraph(f"{group.label}（{group.count}）", styles.h3))
        grid = [[label("变化"), label(f"{words.left_side}条目"), label(f"{words.right_side}条目")]]
        grid += [[_linked(e.summary, e.target, styles.body), p(e.left), p(e.right)] for e in group.entries]
        out.append(_grid(grid, _FINDING_COLUMNS))
    return out


def _linked(text: str, target: str | None, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph linking to the bookmark ``target`` (a row key), plain text without one."""
    if target is None:
        return _para(text, style)
    return CJKParagraph(f'<a href="#{escape(target)}" color="{LINK_INK}"><u>{body_markup(text)}</u></a>', style)


def _grid(data: list[list[Any]], widths: Sequence[float]) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_grid_style())
    return table


def _grid_style(header: bool = True) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        # cells default to Helvetica, which would be the one unembedded font
        ("FONT", (0, 0), (-1, -1), serif_font(), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL))
    return TableStyle(commands)


# -- body -----------------------------------------------------------------------


def _body(
    comparison: Comparison,
    items: list[tuple[Item, tuple[Section, ...]]],
    notes: RowNotes,
    words: Wording,
    options: ReportOptions,
    styles: _Styles,
    outline: _Outline,
    progress: Progress | None,
) -> Table:
    """逐条对照 as one table under the header of each body page, right headings as rows across it."""
    writer = _RowWriter(comparison, notes, words, options, styles)
    data: list[list[Any]] = []
    heading_rows: list[int] = []
    omitted_rows: list[int] = []
    for number, (item, headings) in enumerate(items):
        for section in headings:
            label = section_label(section, 80)
            cell = [outline.mark(section.id, label, section.level), _para(label, styles.row_heading)]
            if writer.notes_shown:
                cell += [_finding_para(line, styles.note) for line in writer.notes.heading_lines(section)]
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
    table = Table(data or [["", "", ""]], colWidths=_COLUMNS, splitInRow=1)
    style = _grid_style(header=False)
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
                 styles: _Styles) -> None:  # fmt: skip
        self._comparison = comparison
        self._words = words
        self._options = options
        self._styles = styles
        self._left_index = SpanIndex(comparison.left_highlights)
        self._right_index = SpanIndex(comparison.right_highlights)
        self.notes = notes
        self.notes_shown = options.notes_shown(words)
        self._shown_left: set[str] = set()

    def cells(self, row: Row, outline: _Outline) -> list[Any]:
        """The three cells of ``row``, the first carrying the row's bookmark."""
        lines = self.notes.lines(row)
        status = self.notes.status(row)
        mark = outline.mark(row_key(row), self._bookmark_title(row, status), row.right.level if row.right else 2)
        left = self._left_cell(row.left)
        right_sections = (row.right,) if row.right else ()
        right = self._cell(self._comparison.right.text, self._right_index, right_sections, self._words.absent_right)
        note: list[Any] = []
        if self.notes_shown:
            for number, line in enumerate(lines):
                if line.startswith(FINDING_MARK):
                    note.append(_finding_para(line, self._styles.note))
                elif number == 0:
                    note.append(CJKParagraph(f"<b>{body_markup(line)}</b>", self._styles.note))
                else:
                    note.append(_para(line, self._styles.note))
        return [[mark, *left], right, note]

    def omitted(self, block: Omitted, outline: _Outline) -> list[Any]:
        """The one cell of a row across the table citing the rows left out, with their bookmarks."""
        line = omitted_line(self._words, block)
        first = self._comparison.right.by_id[block.right[0].sections[0]] if block.right else None
        keys = block.anchors
        return [outline.mark(keys[0], line, first.level if first else 1), _Destinations(keys[1:]),
                _para(line, self._styles.omitted)]  # fmt: skip

    def _bookmark_title(self, row: Row, status: str) -> str:
        """The row's label, opened by its status when the row is a change ("［修改］…")."""
        label = section_label(row.right) if row.right is not None else section_label(row.left[0])
        marked = status and (self._words.relation is Relation.REVISION or status.startswith(_MARKED_GRADES))
        return f"［{status}］{label}" if marked else label

    def _left_cell(self, sections: tuple[Section, ...]) -> list[Any]:
        """The left sections of a row; one already written out in an earlier row is referred to."""
        fresh = tuple(s for s in sections if s.id not in self._shown_left)
        out = self._cell(self._comparison.left.text, self._left_index, fresh,
                         self._words.absent_left if not sections else "")  # fmt: skip
        out += [_para(f"（见前：{section_label(s, 30)}）", self._styles.absent)
                for s in sections if s.id in self._shown_left]  # fmt: skip
        self._shown_left.update(s.id for s in sections)
        return out

    def _cell(self, text: str, index: SpanIndex, sections: tuple[Section, ...], absent: str) -> list[Any]:
        out: list[Any] = []
        for section in sections:
            for runs in paragraphs(text, index, section.start, section.end, section.heading_end):
                out.append(CJKParagraph(_markup(runs, self._options), self._styles.cell))
        if not out and absent:
            out.append(_para(absent, self._styles.absent))
        return out


def _markup(runs: Sequence[TextRun], options: ReportOptions) -> str:
    """Paragraph markup: the print cue of each run and, unless switched off, its background colour."""
    if len(runs) == 1 and runs[0].kind is not None and len(runs[0].text) > 1:
        # With CJK line breaking, reportlab draws no background behind a paragraph made of
        # one fragment; two fragments of the same look are drawn as they should be.
        run = runs[0]
        runs = [TextRun(run.text[:-1], run.kind, run.bold), TextRun(run.text[-1], run.kind, run.bold)]
    parts = []
    for run in runs:
        body = body_markup(run.text)
        if run.bold or (options.bold_insertions and run.kind is Highlight.RIGHT_ONLY):
            body = f"<b>{body}</b>"
        if run.kind is not None:
            body = _cue(run.kind, body, options.shading)
        parts.append(body)
    return "".join(parts)


def _cue(kind: Highlight, body: str, shading: bool) -> str:
    style = HIGHLIGHTS[kind]
    if style.print_cue == "strike":
        body = f'<strike color="{CUE_LINES["strike"]}" width="0.7">{body}</strike>'
    elif style.print_cue == "underline":
        body = f'<u color="{CUE_LINES["underline"]}" width="0.7" offset="-2">{body}</u>'
    elif style.print_cue == "dotted":
        body = f'<u color="{DOTTED_HEX}" offset="-2.2">{body}</u>'
    return f'<font backColor="{style.light}">{body}</font>' if shading else body


def _para(text: str, style: ParagraphStyle) -> CJKParagraph:
    markup = body_markup(text) if style.fontName == serif_font() else escape(text)
    return CJKParagraph(markup, style)


def _finding_para(text: str, style: ParagraphStyle) -> CJKParagraph:
    return CJKParagraph(f'<font color="{FINDING_INK}">{body_markup(text)}</font>', style)
