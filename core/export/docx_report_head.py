"""The head of the Word report: title, both documents, their relation, the overview, the legend and the findings.

The head opens by saying when the files are identical, or warning when they have
almost nothing in common. Each finding links to the row that notes it.
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from core.export.docx_format import (
    HEADING_FONT,
    internal_link,
    keep_row_whole,
    repeat_as_header,
    set_fonts,
    shade_cell,
    style_run,
)
from core.export.docx_report_body import anchor
from core.export.docx_report_styles import bold_heading_run
from core.export.provenance import product_version
from core.export.report_options import ReportOptions
from core.export.report_wording import Wording, legend
from core.export.styles import HEADER_FILL, NOTICE_FILL, NOTICE_INK, hex_to_rgb
from core.export.summary import FINDINGS_TITLE, Summary
from core.kinds import Relation

_NOTICE_INK = {warning: RGBColor(*hex_to_rgb(ink)) for warning, ink in NOTICE_INK.items()}


def head(document: Any, summary: Summary, options: ReportOptions) -> None:
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
                internal_link(paragraph, entry.summary, anchor(entry.target))
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
        # The header row stays with the first row below it and comes again on every page the
        # table spans: a row never stands alone on a page under no header.
        repeat_as_header(table.rows[0])
        keep_row_whole(table.rows[0])
        for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = width
            shade_cell(cell, HEADER_FILL)
            bold_heading_run(cell.paragraphs[0], text)
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    body_cells = []
    for values in body:
        row = table.add_row()
        keep_row_whole(row)
        cells = row.cells
        for number, (cell, text, width) in enumerate(zip(cells, values, widths, strict=True)):
            cell.width = width
            if text and not header and number == 0:
                bold_heading_run(cell.paragraphs[0], text)
            elif text:
                cell.paragraphs[0].add_run(text)
        body_cells.append(cells)
    return body_cells


def _legend_table(document: Any, words: Wording, shading: bool) -> None:
    entries = legend(words)
    body = tuple(("", meaning, cue) for _, _, meaning, cue in entries)
    cells = _facts_table(document, ("示例", "含义", "打印时的标记"), body, (35, 90, 40))
    for (kind, _, _, _), row_cells in zip(entries, cells, strict=True):
        style_run(row_cells[0].paragraphs[0].add_run("示例文字"), kind, shading=shading)
