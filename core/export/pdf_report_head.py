"""The head of the PDF report: title, both documents, their relation, the overview, the legend and the findings.

The head opens by saying when the files are identical, or warning when they have
almost nothing in common. Each finding links to the row that notes it.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, KeepTogether, Table, TableStyle

from core.export.pdf_fonts import CJKParagraph, body_markup, cjk_font
from core.export.pdf_report_styles import GRID_LINE, WIDTH, Styles, grid, grid_style, markup, para
from core.export.provenance import product_version
from core.export.report_options import ReportOptions
from core.export.report_wording import legend
from core.export.segments import TextRun
from core.export.styles import HEADING_INK, LINK_INK, NOTICE_FILL, NOTICE_INK
from core.export.summary import FINDINGS_TITLE, Summary
from core.kinds import Relation

_FINDING_COLUMNS = (WIDTH * 0.4, WIDTH * 0.3, WIDTH * 0.3)
_NOTICE_FILL = {warning: HexColor(fill) for warning, fill in NOTICE_FILL.items()}
_KEEP_WITH_TABLE = 90  # points a heading needs below it: itself, the table header, a few lines


def head(summary: Summary, options: ReportOptions, styles: Styles) -> list[Any]:
    """Title, both documents and their relation, the overview, the legend and the findings."""
    p = partial(para, style=styles.body)
    label = partial(para, style=styles.label)
    out: list[Any] = [CJKParagraph(escape(summary.title), styles.title)]
    if summary.notice:
        out.append(_notice(summary.notice, summary.warning, styles))
    facts = [[label(d.side), p(f"《{d.title}》　文件：{d.file}　日期：{d.date}")] for d in summary.documents]
    evidence = "；".join(summary.evidence) if summary.detected else ""
    facts.append([label("文件关系"), p(summary.relation + (f"（{evidence}）" if evidence else ""))])
    settings = "；".join(f"{key} {value}" for key, value in summary.options)
    facts.append([label("生成"), p(f"{summary.generated}，{product_version()}；{settings}")])
    table = Table(facts, colWidths=(WIDTH * 0.12, WIDTH * 0.88), hAlign="LEFT")
    table.setStyle(grid_style(header=False))
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
        sample = CJKParagraph(markup([TextRun("示例文字", kind)], options), styles.body)
        legend_rows.append([sample, p(meaning), p(cue)])
    legend_grid = grid(legend_rows, (WIDTH * 0.12, WIDTH * 0.4, WIDTH * 0.15))
    out.append(KeepTogether([CJKParagraph("图例", styles.h2), legend_grid]))
    out.extend(_findings(summary, styles))
    return out


def _notice(text: str, warning: bool, styles: Styles) -> Table:
    """The verdict on the whole comparison, boxed below the title where no reader misses it."""
    line = CJKParagraph(f'<font color="{NOTICE_INK[warning]}"><b>{escape(text)}</b></font>', styles.notice)
    box = Table([[line]], colWidths=(WIDTH * 0.7,), hAlign="CENTER", spaceAfter=10)
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, GRID_LINE),
        ("BACKGROUND", (0, 0), (-1, -1), _NOTICE_FILL[warning]),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))  # fmt: skip
    return box


def _findings(summary: Summary, styles: Styles) -> list[Any]:
    """Changed commitments by kind: a grid per kind, each entry linked to the row noting it."""
    p = partial(para, style=styles.body)
    label = partial(para, style=styles.label)
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
        cells = [[label("变化"), label(f"{words.left_side}条目"), label(f"{words.right_side}条目")]]
        cells += [[_linked(e.summary, e.target, styles.body), p(e.left), p(e.right)] for e in group.entries]
        out.append(grid(cells, _FINDING_COLUMNS))
    return out


def _linked(text: str, target: str | None, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph linking to the bookmark ``target`` (a row key), plain text without one."""
    if target is None:
        return para(text, style)
    return CJKParagraph(f'<a href="#{escape(target)}" color="{LINK_INK}"><u>{body_markup(text)}</u></a>', style)
