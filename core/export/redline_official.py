"""The redline's own layout after GB/T 9704, for a right side that is no Word file.

A new document: 仿宋 三号, fixed 28 pt lines, two-character first-line indent; the title
block in 小标宋, headings by depth in 黑体, 楷体 and bold 仿宋, in heading styles that
Word's navigation pane lists, taken from the right document's outline; the page header
names both documents (side, file name, date), so two versions bearing the same title are
told apart, and the footer counts pages.
"""

from __future__ import annotations

from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from core.document import Document
from core.export.docx_format import (
    BODY_FONT,
    HEADING_FONT,
    KAI_FONT,
    a4,
    page_header,
    page_number_footer,
    set_fonts,
    setup_styles,
)
from core.export.provenance import document_facts, header_line
from core.export.redline_body import Closing
from core.export.redline_properties import header_note, redline_properties
from core.lines import is_title_note
from core.result import Comparison
from core.script import Conversion


def official_document(comparison: Comparison, author: str, scripts: Conversion | None) -> Any:
    """A new document with an empty body, GB/T 9704 styles and A4 page, its properties
    and a header naming both documents: the layout for a right side that is no Word file."""
    documents = document_facts(comparison)
    document = docx.Document()
    _official_styles(document)
    a4(document, landscape=False, margin_mm=25)
    redline_properties(document, comparison, author, scripts)
    section = document.sections[0]
    page_header(section, header_line(documents) + header_note(documents[0].side, scripts))
    page_number_footer(section)
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
    return document


class OutlineLayout:
    """GB/T 9704 styles from the right document's outline: title and heading styles where
    such a paragraph opens, no second indent where the text brings its own."""

    def __init__(self, styles: dict[int, str]) -> None:
        self._styles = styles

    def finish(self, paragraph: Any, closing: Closing) -> None:
        """Insert the paragraph's ``w:pPr`` when it has a style, an own indent or a revised mark."""
        opened_at = closing.opened_at
        style = self._styles.get(opened_at) if closing.kept and opened_at is not None else None
        if style is not None or closing.mark is not None or closing.indented:
            paragraph.insert(0, _paragraph_properties(style, closing.mark, closing.indented))


def _paragraph_properties(style: str | None, mark: Any, indented: bool = False) -> Any:
    """``w:pPr`` with a paragraph style, no first-line indent when the text brings its
    own (else the style's two characters come on top), and/or a revision of the mark."""
    properties = OxmlElement("w:pPr")
    if style is not None:
        style_element = OxmlElement("w:pStyle")
        style_element.set(qn("w:val"), style)
        properties.append(style_element)
    if indented:
        indent = OxmlElement("w:ind")
        indent.set(qn("w:firstLine"), "0")
        indent.set(qn("w:firstLineChars"), "0")
        properties.append(indent)
    if mark is not None:
        run_properties = OxmlElement("w:rPr")
        run_properties.append(mark)
        properties.append(run_properties)
    return properties


def outline_styles(document: Any, right: Document) -> dict[int, str]:
    """Right offsets where a paragraph opens that takes the title or a heading style.

    The lines of the title block take Title, but for its notes (a date, a law's 题注: Subtitle);
    a heading whose line is its whole
    paragraph takes the heading style of its depth. Run-in headings (an item's lead
    sentence) stay body text, as GB/T 9704 sets them.
    """
    styles: dict[int, str] = {}
    title_id = document.styles["Title"].style_id
    note_id = document.styles["Subtitle"].style_id
    heading_ids = [document.styles[f"Heading {n}"].style_id for n in (1, 2, 3)]
    depths = sorted({s.level for s in right.sections if s.role == "heading"})
    text = right.text
    for section in right.sections:
        # A paragraph opens at its line's start, before any indent the section starts after.
        line_start = text.rfind("\n", 0, section.start) + 1
        if section.role == "preamble" and line_start == 0:
            pos = 0
            while pos < section.heading_end:
                end = text.find("\n", pos, section.heading_end) + 1 or section.heading_end
                styles[pos] = note_id if is_title_note(text[pos:end]) else title_id
                pos = end
        elif section.role == "heading":
            line_end = text.find("\n", section.start)
            if section.heading_end >= (line_end if line_end >= 0 else len(text)):
                depth = min(depths.index(section.level), len(heading_ids) - 1)
                styles[line_start] = heading_ids[depth]
    return styles


def _official_styles(document: Any) -> None:
    """Styles after GB/T 9704: 仿宋 三号 body with a two-character indent, 小标宋 二号 title,
    headings in 黑体, 楷体 and bold 仿宋, all at body size on the fixed 28 pt line."""
    setup_styles(document, body_size=16)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before = Pt(0)
    normal.space_after = Pt(0)
    normal.line_spacing = Pt(28)
    normal.first_line_indent = Pt(32)  # two characters
    title = document.styles["Title"]
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(0)
    title.paragraph_format.line_spacing = Pt(36)
    # A law's 题注 under its title: centred in 楷体 at body size, as the official texts set it.
    note = document.styles["Subtitle"]
    note.font.size = Pt(16)
    note.font.italic = False
    note.font.color.rgb = None
    set_fonts(note.element, KAI_FONT)
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note.paragraph_format.first_line_indent = Pt(0)
    note.paragraph_format.space_before = Pt(0)
    note.paragraph_format.space_after = Pt(0)
    note.paragraph_format.line_spacing = Pt(28)
    for level, face, bold in ((1, HEADING_FONT, False), (2, KAI_FONT, False), (3, BODY_FONT, True)):
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(16)
        style.font.bold = bold
        set_fonts(style.element, face)
        layout = style.paragraph_format
        layout.space_before = Pt(0)
        layout.space_after = Pt(0)
        layout.line_spacing = Pt(28)
        layout.first_line_indent = Pt(32)
