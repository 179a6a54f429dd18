"""The redline in the right document's own format, when the right document is a Word file.

The redline then starts from a copy of the right document's package: its styles,
numbering definitions, settings, fonts, headers and footers, and the page setup of its
final section are kept as they are, and only the body is written anew, paragraph by
paragraph, by ``docx_redline``. Each display line of the right document is traced back
to the paragraph (or table row) it was read from (``core.docx_source.source_lines``),
whose format the redline paragraphs holding its text take (``docx_native_layout``).

``native_start`` returns None whenever this cannot be done faithfully: the right
document is not a .docx, cannot be read again, or no longer reads as the display text
the comparison was made from (changed on disk since, or cleaning joined lines). The
caller then writes the redline in its own GB/T 9704 layout.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

# The engine keeps only the display text of a document; the paragraphs and runs it was read
# from, which only this writer needs, are read again here, and cleaned again to check that
# the file still reads as the text that was compared.
from core.clean import clean
from core.document import Document
from core.docx_source import SourceLine, source_lines
from core.export.docx_native_layout import NativeLayout
from core.load_docx import docx_text
from core.result import Comparison
from core.spacing import extraction_spaced, repair_line

_LOG = logging.getLogger(__name__)

# Past this the right document could not have been compared (core.load refuses it first).
_MAX_CHARS = 50_000_000


def native_start(comparison: Comparison) -> tuple[Any, NativeLayout] | None:
    """The right document's package with an empty body, and the layout that writes into it.

    None when the right document is not a .docx or does not read again as the display
    text the comparison was made from (see the module's docstring).
    """
    right, keep_boilerplate = comparison.right, comparison.options.keep_boilerplate
    if right.source_format != "docx":
        return None
    try:
        data = Path(right.path).read_bytes()
        document = docx.Document(BytesIO(data))
        body = document.element.body
        lines = source_lines(data, body)
        raw = "\n".join(line.text for line in lines)
        if raw != docx_text(data, _MAX_CHARS):
            _LOG.info("redline: %s reads differently in the tree walk; GB/T 9704 layout", right.path)
            return None
        # The file may have been saved again since the comparison: then its lines are not the compared ones.
        same = clean(raw, keep_boilerplate).text == right.text
        shown = _display_sources(right.text, raw, lines) if same else None
        blanks = _blank_paragraphs(lines, shown, body) if shown is not None else {}
    except Exception:  # python-docx, zipfile and lxml raise many types for a changed or broken file
        _LOG.info("redline: %s cannot be read again; GB/T 9704 layout", right.path, exc_info=True)
        return None
    if shown is None:
        _LOG.info("redline: %s no longer reads as the compared text; GB/T 9704 layout", right.path)
        return None
    _clear_body(body)
    starts = _line_starts(right.text)
    left_headings = _left_headings(comparison.left, right, starts)
    displayed = [lines[position] for position in shown]
    return document, NativeLayout(right.text, starts, displayed, _heading_styles(document), left_headings, blanks)


def _heading_lines(document: Document) -> dict[int, int]:
    """Start offset -> depth (0: the outermost level used) of each line of ``document``
    that is a heading and nothing else (a run-in heading is body text)."""
    depths = sorted({s.level for s in document.sections if s.role == "heading"})
    text = document.text
    found: dict[int, int] = {}
    for section in document.sections:
        if section.role != "heading":
            continue
        line_end = text.find("\n", section.start)
        if section.heading_end >= (line_end if line_end >= 0 else len(text)):
            found[text.rfind("\n", 0, section.start) + 1] = depths.index(section.level)
    return found


def _left_headings(left: Document, right: Document, starts: list[int]) -> dict[int, int]:
    """For each left heading line, the first right heading line of the same depth (or the
    deepest the right has): a deleted or moved-away heading is set as a heading."""
    by_depth: dict[int, int] = {}
    for start, depth in sorted(_heading_lines(right).items()):
        by_depth.setdefault(depth, bisect_right(starts, start) - 1)
    if not by_depth:
        return {}
    deepest = max(by_depth)
    return {start: by_depth.get(min(depth, deepest), by_depth[deepest])
            for start, depth in _heading_lines(left).items()}


def _display_sources(text: str, raw: str, lines: list[SourceLine]) -> list[int] | None:
    """The index in ``lines`` of each display line of ``text``, or None when one cannot be found.

    Cleaning drops blank lines and page furniture and repairs whitespace, keeping the
    order: each display line is the next source line that repairs to it.
    """
    extracted = extraction_spaced(raw)
    found: list[int] = []
    position = 0
    for display in text.split("\n"):
        while position < len(lines) and repair_line(lines[position].text, extracted) != display:
            position += 1
        if position == len(lines):
            return None
        found.append(position)
        position += 1
    return found


def _blank_paragraphs(lines: list[SourceLine], shown: list[int], body: Any) -> dict[int, list[Any]]:
    """The body paragraphs without text (spacing, a picture, the end of a section), by the
    display line they follow (-1: before the first). Cleaning drops them from the display
    text; the redline puts them back where they were. Call before the body is cleared."""
    on_display = {id(lines[position].block) for position in shown}
    found: dict[int, list[Any]] = {}
    seen: set[int] = set()
    line = -1
    for index, source in enumerate(lines):
        while line + 1 < len(shown) and shown[line + 1] <= index:
            line += 1
        block = source.block
        if (source.text.strip() or block.tag != qn("w:p") or block.getparent() is not body
                or id(block) in on_display or id(block) in seen):
            continue
        seen.add(id(block))
        found.setdefault(line, []).append(block)
    return found


def _line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def _clear_body(body: Any) -> None:
    """Remove everything from ``body`` but its final section properties (page size,
    margins, header and footer references, columns), which the redline keeps."""
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _heading_styles(document: Any) -> frozenset[str]:
    """Ids of the paragraph styles that carry an outline level, themselves or by inheritance."""
    styles = {
        style.get(qn("w:styleId")): style
        for style in document.styles.element.iterchildren(qn("w:style"))
        if style.get(qn("w:type")) == "paragraph"
    }

    def outlined(style_id: str | None, seen: frozenset[str] = frozenset()) -> bool:
        style = styles.get(style_id)
        if style is None or style_id in seen:
            return False
        if style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None:
            return True
        based = style.find(qn("w:basedOn"))
        return based is not None and outlined(based.get(qn("w:val")), seen | {style_id or ""})

    return frozenset(style_id for style_id in styles if style_id and outlined(style_id))
