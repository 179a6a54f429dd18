"""The Word 修改对照表 (or, for an implementing document, 落实情况对照表).

A head (``docx_report_head``) with the title, both documents (file, title, date), their
relation and a short account of the changes and findings; then ONE continuous
three-column table in the right document's reading order (``docx_report_body``). The
footer counts pages with PAGE / NUMPAGES fields. Identical files with ``changes_only``
need no table at all: the head says it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from core.atomic import write_atomically
from core.export.docx_format import a4, page_header, page_number_footer, set_properties, setup_styles
from core.export.docx_report_body import body
from core.export.docx_report_head import head
from core.export.docx_report_styles import MARGIN_MM, add_cell_styles
from core.export.provenance import product_version
from core.export.report_body import body_items
from core.export.report_options import ReportOptions
from core.export.row_notes import RowNotes
from core.export.rows import Omitted, rows
from core.export.summary import summarize
from core.progress import Progress, Stage
from core.result import Comparison


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
    add_cell_styles(document)
    a4(document, landscape=options.landscape, margin_mm=MARGIN_MM)
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
    head(document, summary, options)
    if not (options.changes_only and summary.identical):  # nothing to list: the head says so
        body(document, comparison, items, notes, summary.wording, options, progress)
    return document
