"""The right document as Word tracked changes against the left (w:ins / w:del).

Paragraphs come from the line breaks of the display text. A deleted or inserted line
break is a revision of the paragraph mark (``w:pPr/w:rPr/w:del`` or ``w:ins``), so
Word's and WPS's "accept all" join or keep paragraphs exactly as the right document
has them and "reject all" exactly as the left one does. The document holds nothing
else: accepting everything leaves the right text and nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from core.export.atomic import write_atomically
from core.export.docx_format import a4, setup_styles
from core.export.redline_pieces import Piece, tracked_pieces
from core.export.summary import AUTHOR
from core.model import Comparison

# Characters XML 1.0 cannot carry; cleaned display text should never hold them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_redline(comparison: Comparison, path: str | Path, progress: Callable[[float], None] | None = None) -> None:
    """Write the right document as tracked changes against the left to ``path`` (atomically)."""
    if progress:
        progress(0.05)
    pieces = tracked_pieces(comparison)
    if progress:
        progress(0.6)
    document = docx.Document()
    setup_styles(document, body_size=12)
    normal = document.styles["Normal"].paragraph_format
    normal.space_after = Pt(6)
    normal.line_spacing = 1.3
    a4(document, landscape=False, margin_mm=25)
    properties = document.core_properties
    properties.title = comparison.right.title
    properties.subject = f"修订：{comparison.left.title} → {comparison.right.title}"
    properties.author = AUTHOR
    _write_body(document, pieces)
    if progress:
        progress(0.9)
    write_atomically(path, lambda temp: document.save(str(temp)), comparison.input_paths)
    if progress:
        progress(1.0)


class _Revisions:
    """Makes revision marks with unique ids, one author and one timestamp."""

    def __init__(self) -> None:
        self._next_id = 1
        self._date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self._next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self._date)
        self._next_id += 1
        return element


def _write_body(document: Any, pieces: list[Piece]) -> None:
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
    section_properties = body.find(qn("w:sectPr"))
    revisions = _Revisions()
    paragraph = OxmlElement("w:p")
    for piece in pieces:
        lines = _XML_INVALID.sub("", piece.text).split("\n")
        for number, line in enumerate(lines):
            if number:
                # the line break belongs to this piece: the paragraph mark shares its fate
                if piece.kind != "equal":
                    _mark_paragraph(paragraph, revisions.mark("w:del" if piece.kind == "delete" else "w:ins"))
                section_properties.addprevious(paragraph)
                paragraph = OxmlElement("w:p")
            if line:
                paragraph.append(_run(piece, line, revisions))
    section_properties.addprevious(paragraph)


def _mark_paragraph(paragraph: Any, revision: Any) -> None:
    properties = OxmlElement("w:pPr")
    run_properties = OxmlElement("w:rPr")
    run_properties.append(revision)
    properties.append(run_properties)
    paragraph.insert(0, properties)


def _run(piece: Piece, text: str, revisions: _Revisions) -> Any:
    run = OxmlElement("w:r")
    content = OxmlElement("w:delText" if piece.kind == "delete" else "w:t")
    content.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    content.text = text
    run.append(content)
    if piece.kind == "equal":
        return run
    wrapper = revisions.mark("w:del" if piece.kind == "delete" else "w:ins")
    wrapper.append(run)
    return wrapper
