"""The PDF report: the same head and the same one continuous table as the Word report.

A head (``pdf_report_head``), then one table in the right document's reading order
(``pdf_report_body``) whose header row is drawn at the top of each body page only. This
module assembles the story, the page templates and the document's properties. Identical
files with ``changes_only`` need no body pages at all: the head says it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from core.atomic import write_atomically
from core.document import Section
from core.export.pdf_canvas import ReportCanvas
from core.export.pdf_fonts import cjk_font
from core.export.pdf_outline import Outline
from core.export.pdf_report_body import body
from core.export.pdf_report_head import head
from core.export.pdf_report_styles import COLUMNS, MARGIN, PAGE, WIDTH, Styles
from core.export.provenance import product_version
from core.export.report_body import body_items
from core.export.report_options import ReportOptions
from core.export.row_notes import RowNotes
from core.export.rows import Item, Omitted, rows
from core.export.summary import Summary, summarize
from core.progress import Progress, Stage
from core.result import Comparison

_HEADER_HEIGHT = 20  # points: the body table's header row, drawn on each body page


def write_pdf_report(
    comparison: Comparison,
    path: str | Path,
    progress: Progress | None = None,
    options: ReportOptions | None = None,
) -> None:
    """Write the comparison as a PDF report to ``path`` (atomically)."""
    options = options or ReportOptions()
    styles = Styles()
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
        canvas.column_header(MARGIN, top, COLUMNS, summary.wording.columns, _HEADER_HEIGHT)

    frame = partial(Frame, MARGIN, MARGIN, WIDTH, leftPadding=0, rightPadding=0, bottomPadding=0)
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
           summary: Summary, options: ReportOptions, styles: Styles,
           progress: Progress | None) -> list[Any]:  # fmt: skip
    outline = Outline()
    story: list[Any] = [outline.mark("summary", "概况", 0)]
    story.extend(head(summary, options, styles))
    if options.changes_only and summary.identical:
        return story  # nothing to list: the head says so
    story += [NextPageTemplate("body"), PageBreak(), outline.mark("body", "逐条对照", 0)]
    story.append(body(comparison, items, notes, summary.wording, options, styles, outline, progress))
    return story
