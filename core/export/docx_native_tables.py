"""The right document's tables rebuilt in the redline written into its own .docx.

A table row of several cells, one display line with its cells separated by tabs, is
first written as one redline paragraph; it becomes a row of the right table again (its
table, row, cell and paragraph properties), the changes inside its cells tracked there;
a row deleted or inserted whole is a tracked row. When a row does not fit (a cell
boundary added or removed, a row joined with another), the rows of that table are
written as paragraphs with the cells separated by tabs.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from core.export.docx_native_format import (
    REVISION_TAGS,
    first_paragraph,
    mark_paragraph,
    may_number,
    paragraph_properties,
    run_properties,
)
from core.export.redline_body import Closing

_LOG = logging.getLogger(__name__)

# What the redline wraps a changed run in.
_WRAPPERS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))

Remark = Callable[[Any, str], Any]


@dataclass(frozen=True)
class RowParagraph:
    """A redline paragraph written from a table row: ``source`` (w:tr), how it closed, and
    the right display line it takes its properties from."""

    paragraph: Any
    source: Any
    closing: Closing
    line: int


def rebuild_tables(rows: list[RowParagraph], again: Remark, holders: dict[int, int]) -> None:
    """Turn the paragraphs written from the rows of one right table back into a table.

    Done per run of consecutive rows of one table, and only when every row fits: a kept
    row whose cell boundaries are all kept, or a row inserted or deleted whole, with no
    more cells than the right row it is written in. Otherwise those rows stay
    paragraphs with the cells separated by tabs, which accept and reject as before.
    ``again`` makes a revision like a given one, with a new id; ``holders``: per right
    line, how many redline paragraphs hold some of its text.
    """
    group: list[RowParagraph] = []
    for row in [*rows, None]:
        if row is not None and group and _same_table(group[-1], row):
            group.append(row)
            continue
        if group:
            _rebuild_table(group, again, holders)
        group = [row] if row is not None else []


def _same_table(before: RowParagraph, row: RowParagraph) -> bool:
    """Whether ``row`` follows ``before`` directly in the redline and in the same right table."""
    return before.paragraph.getnext() is row.paragraph and _table(before.source) is _table(row.source)


def _table(row: Any) -> Any:
    """The table that holds ``row``."""
    return next(row.iterancestors(qn("w:tbl")))


def _rebuild_table(group: list[RowParagraph], again: Remark, holders: dict[int, int]) -> None:
    """Replace the paragraphs of ``group`` with a table in the right table's properties, if all fit.

    ``holders``: per right line, how many redline paragraphs hold some of its text; a row
    is whole when that is one (a left break deleted inside it would split it)."""
    source = _table(group[0].source)
    table = source.makeelement(qn("w:tbl"), {})
    for tag in ("w:tblPr", "w:tblGrid"):
        found = source.find(qn(tag))
        if found is not None:
            table.append(copy.deepcopy(found))
    for row in group:
        built = _table_row(row, again, whole=holders.get(row.line, 0) == 1)
        if built is None:
            _LOG.info("redline: a table row does not fit its cells; the table's rows stay paragraphs")
            return
        table.append(built)
    group[0].paragraph.addprevious(table)
    for row in group:
        row.paragraph.getparent().remove(row.paragraph)


def _row_kind(row: RowParagraph, whole: bool) -> str | None:
    """"keep", "ins" or "del" for a row that can be a table row, else None."""
    closing, paragraph = row.closing, row.paragraph
    content = [c for c in paragraph if c.tag in (qn("w:r"), *_WRAPPERS)]
    mark = closing.mark.tag if closing.mark is not None else None
    if mark is None:
        return "keep" if closing.kept and whole else None
    if mark in (qn("w:ins"), qn("w:moveTo")) and closing.kept and whole:
        return "ins" if all(c.tag in (qn("w:ins"), qn("w:moveTo")) for c in content) else None
    if mark in (qn("w:del"), qn("w:moveFrom")) and not closing.kept:
        return "del" if all(c.tag in (qn("w:del"), qn("w:moveFrom")) for c in content) else None
    return None


def _table_row(row: RowParagraph, again: Remark, *, whole: bool) -> Any:
    """The w:tr for ``row``: the right row's properties and cells, the redline's text split
    over them at its tabs, a whole inserted or deleted row marked as such; None if it does not fit."""
    kind = _row_kind(row, whole)
    if kind is None:
        return None
    # split a copy: a later row of the table may not fit, and then these paragraphs stay
    segments = _cell_segments(copy.deepcopy(row.paragraph), again, kept=kind == "keep")
    cells = [c for c in row.source.iter(qn("w:tc")) if next(c.iterancestors(qn("w:tr"))) is row.source]
    if segments is None or len(segments) > len(cells):
        return None
    built = row.source.makeelement(qn("w:tr"), {})
    for tag in ("w:tblPrEx", "w:trPr"):
        found = row.source.find(qn(tag))
        if found is not None:
            properties = copy.deepcopy(found)
            for child in list(properties):
                if child.tag in (*REVISION_TAGS, qn("w:trPrChange"), qn("w:tblPrExChange")):
                    properties.remove(child)
            built.append(properties)
    if kind != "keep":
        properties = built.find(qn("w:trPr"))
        if properties is None:
            properties = built.makeelement(qn("w:trPr"), {})
            built.append(properties)
        properties.append(again(row.closing.mark, "w:" + kind))
    segments += [[] for _ in range(len(cells) - len(segments))]
    for cell, segment in zip(cells, segments, strict=True):
        built.append(_table_cell(cell, segment, row.closing.mark if kind != "keep" else None, again))
    return built


def _table_cell(source: Any, content: list[Any], mark: Any, again: Remark) -> Any:
    """A cell in ``source``'s properties holding one paragraph of ``content``, in the
    properties of the cell's first paragraph and run; its mark revised like ``mark``, if any."""
    cell = source.makeelement(qn("w:tc"), {})
    found = source.find(qn("w:tcPr"))
    if found is not None:
        cell.append(copy.deepcopy(found))
    first = first_paragraph(source)
    paragraph = source.makeelement(qn("w:p"), {})
    properties = paragraph_properties(first, may_number(first), keep_section=False)
    if mark is not None:
        tag = "w:ins" if mark.tag in (qn("w:ins"), qn("w:moveTo")) else "w:del"
        properties = properties if properties is not None else paragraph.makeelement(qn("w:pPr"), {})
        mark_paragraph(properties, again(mark, tag))
    if properties is not None:
        paragraph.append(properties)
    run_format = run_properties(first)
    for element in content:
        for run in element.iter(qn("w:r")):
            for old in run.findall(qn("w:rPr")):
                run.remove(old)
            if run_format is not None:
                run.insert(0, copy.deepcopy(run_format))
        paragraph.append(element)
    cell.append(paragraph)
    return cell


def _cell_segments(paragraph: Any, again: Remark, *, kept: bool) -> list[list[Any]] | None:
    """The content of ``paragraph`` split at its tabs, one list per cell; None when a kept
    row has a tab inside a revision (a cell boundary added or removed)."""
    segments: list[list[Any]] = [[]]
    for child in paragraph:
        if child.tag == qn("w:pPr"):
            continue
        wrapped = child.tag in _WRAPPERS
        run = child.find(qn("w:r")) if wrapped else child
        if run is None or run.tag != qn("w:r"):
            segments[-1].append(child)  # a move range's start or end
            continue
        if kept and wrapped and run.find(qn("w:tab")) is not None:
            return None
        for number, part in enumerate(_split_run(run)):
            if number:
                segments.append([])
            if len(part):
                if wrapped:
                    wrapper = child if number == 0 else again(child, "w:" + etree.QName(child).localname)
                    for old in list(wrapper):
                        wrapper.remove(old)
                    wrapper.append(part)
                    segments[-1].append(wrapper)
                else:
                    segments[-1].append(part)
    return segments


def _split_run(run: Any) -> list[Any]:
    """``run``'s content as runs between its tabs (a run may be empty)."""
    parts = [run.makeelement(qn("w:r"), {})]
    for child in list(run):
        if child.tag == qn("w:tab"):
            parts.append(run.makeelement(qn("w:r"), {}))
        elif child.tag != qn("w:rPr"):
            parts[-1].append(child)
    return parts
