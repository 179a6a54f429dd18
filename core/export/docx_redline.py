"""The right document as Word tracked changes against the left (w:ins / w:del, w:moveFrom / w:moveTo).

Paragraphs come from the line breaks of the display text. A deleted or inserted line
break is a revision of the paragraph mark (``w:pPr/w:rPr/w:del`` or ``w:ins``), so
Word's and WPS's "accept all" join or keep paragraphs exactly as the right document
has them and "reject all" exactly as the left one does. A moved section is written as
Word writes a move: ``w:moveFrom`` at its old place and ``w:moveTo`` at its new one,
each inside a range (``w:moveFromRangeStart``/``End``, ``w:moveToRangeStart``/``End``)
whose names pair them, so Word and LibreOffice show a move, not a deletion and an
insertion. When the two documents are in different scripts (Traditional against
Simplified), the left is by default compared in the right's script (``core.script``):
script is then no revision at all, and "reject all" gives the left's wording in the
right's script, as the document properties (and the page header of a new layout) say;
``literal_scripts`` compares them as written. Differences of written form only that
remain (full/half width, spacing, and script when compared as written; see
``redline_pieces``) are revisions of a second reviewer, the author's name followed by
``FORM_REVIEWER``: Word's "Show Markup > Specific People" (WPS's 审阅者, LibreOffice's
Manage Changes filter) shows or hides them apart, and "Accept All Changes Shown" with
only that reviewer shown takes the right document's writing in one step, leaving the real
changes. The body holds nothing else:
accepting everything leaves the right text and nothing more. Paragraphs are set after
GB/T 9704 (仿宋 三号, fixed 28 pt lines, two-character first-line indent; the title
block in 小标宋, headings by depth in 黑体, 楷体 and bold 仿宋, in heading styles that
Word's navigation pane lists), taken from the right document's outline; the page
header names both documents (side, file name, date), so two versions bearing the same
title are told apart, and the footer counts pages. Author and date of the revision
marks are parameters.

When the right document is a Word file that still reads as the compared text, the
redline is written into a copy of it instead, in its own styles, paragraph and run
formats, tables, numbering, headers, footers and page setup (``docx_native``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from core.atomic import write_atomically
from core.export.docx_format import (
    BODY_FONT,
    HEADING_FONT,
    KAI_FONT,
    a4,
    page_header,
    page_number_footer,
    set_fonts,
    set_properties,
    setup_styles,
)
from core.export.docx_native import native_start
from core.export.provenance import account_name, document_facts, header_line, product_version
from core.export.redline_build import redline_conversion, tracked_pieces
from core.export.redline_lines import line_aligned
from core.export.redline_pieces import Piece
from core.model import Comparison, Document
from core.progress import Progress, Stage
from core.script import Conversion, script_of

_LOG = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry; cleaned display text should never hold them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Appended to the author's name for revisions that change only how text is written.
FORM_REVIEWER = "（仅写法不同）"


def write_redline(
    comparison: Comparison,
    path: str | Path,
    progress: Progress | None = None,
    *,
    author: str | None = None,
    date: datetime | None = None,
    literal_scripts: bool = False,
) -> None:
    """Write the right document as tracked changes against the left to ``path`` (atomically).

    ``author`` and ``date`` are those of every revision mark: by default the user's
    account name (对照 when the system does not tell) and now; a naive ``date`` is local time.
    When the two documents are in different scripts, the left is compared in the right's
    script, so that script is no change (``redline_build.redline_conversion``);
    ``literal_scripts`` compares them as written, script differences under the form reviewer.
    """
    if progress:
        progress(0.05, Stage.EXPORT)
    scripts = None if literal_scripts else redline_conversion(comparison)
    pieces = tracked_pieces(comparison, scripts)
    if progress:
        progress(0.6, Stage.EXPORT)
    author = author or account_name()
    document = _native_redline(comparison, pieces, author, date, scripts)
    if document is None:
        document = _official_document(comparison, author, scripts)
        _write_body(document.element.body, pieces, _Revisions(author, date),
                    _OutlineLayout(_outline_styles(document, comparison.right)))
    if progress:
        progress(0.9, Stage.EXPORT)
    write_atomically(path, lambda temp: document.save(str(temp)), comparison.input_paths)
    if progress:
        progress(1.0, Stage.EXPORT)


def _native_redline(comparison: Comparison, pieces: list[Piece], author: str, date: datetime | None,
                    scripts: Conversion | None) -> Any:  # fmt: skip
    """The redline written into a copy of the right Word document, or None when the right
    document is no Word file that still reads as the compared text (see ``docx_native``)."""
    native = native_start(comparison)
    if native is None:
        return None
    document, layout = native
    revisions = _Revisions(author, date)
    try:
        _redline_properties(document, comparison, author, scripts)
        aligned = line_aligned(pieces)
        layout.plan_numbering(aligned)
        _write_body(document.element.body, aligned, revisions, layout)
        layout.complete(revisions.again)
    except Exception:  # a Word file written in a way not foreseen must still give a redline
        _LOG.warning("redline: %s could not be followed; GB/T 9704 layout", comparison.right.path, exc_info=True)
        return None
    return document


def _official_document(comparison: Comparison, author: str, scripts: Conversion | None) -> Any:
    """A new document with an empty body, GB/T 9704 styles and A4 page, its properties
    and a header naming both documents: the layout for a right side that is no Word file."""
    documents = document_facts(comparison)
    document = docx.Document()
    _official_styles(document)
    a4(document, landscape=False, margin_mm=25)
    _redline_properties(document, comparison, author, scripts)
    section = document.sections[0]
    page_header(section, header_line(documents) + _header_note(documents[0].side, scripts))
    page_number_footer(section)
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
    return document


_SCRIPT_NAMES: dict[str | None, str] = {"traditional": "繁体", "simplified": "简体"}


def _scripts_note(comparison: Comparison, scripts: Conversion | None, author: str) -> str:
    """What the redline says of scripts: "" when both documents are in one, else how it compared them."""
    left, right = document_facts(comparison)
    if scripts is None:
        written = script_of(comparison.left.text), script_of(comparison.right.text)
        if not comparison.options.t2s or None in written or written[0] == written[1]:
            return ""
        sides = f"{left.side}{_SCRIPT_NAMES[written[0]]}、{right.side}{_SCRIPT_NAMES[written[1]]}"
        return (f"两份文件繁简不同（{sides}），按原文逐字比较："
                f"仅繁简等写法不同的文字记在修订人“{author}{FORM_REVIEWER}”名下。")
    target = _SCRIPT_NAMES[scripts.right]
    return (f"两份文件繁简不同：{left.side}已转换为{target}（OpenCC {scripts.config}）后与{right.side}比较，"
            f"仅繁简写法不同的文字不作修订；“全部拒绝”得到{left.side}的措辞、{target}的写法。")


def _header_note(left_side: str, scripts: Conversion | None) -> str:
    """The page header's word on scripts, so that the printed redline says it too."""
    return "" if scripts is None else f"　｜　{left_side}转为{_SCRIPT_NAMES[scripts.right]}后比较"


def _redline_properties(document: Any, comparison: Comparison, author: str, scripts: Conversion | None) -> None:
    """Document properties naming both compared files, the product and the date, and the
    script the comparison was made in when the two documents are written in different ones."""
    left, right = document_facts(comparison)
    set_properties(
        document,
        title=comparison.right.title,
        subject=f"修订：{left.side} {left.file} → {right.side} {right.file}",
        author=author,
        comments=f"{right.side}“{right.file}”相对于{left.side}“{left.file}”的修订，由 {product_version()} 生成。"
                 + _scripts_note(comparison, scripts, author),
        keywords=f"修订；{left.file}；{right.file}",
        producer=product_version(),
    )


class _Revisions:
    """Makes revision marks with unique ids and one timestamp, by the author or, for
    differences of form only, the author's form reviewer."""

    def __init__(self, author: str, date: datetime | None) -> None:
        self._next_id = 1
        self._author = author
        # Word keeps revision times in UTC; a naive date is the local time of this machine
        self._date = (date or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str, form: bool = False) -> Any:
        """A revision element ``tag`` (w:ins, w:del, w:moveFrom, a move range start ...)."""
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self._next_id))
        element.set(qn("w:author"), self._author + (FORM_REVIEWER if form else ""))
        element.set(qn("w:date"), self._date)
        self._next_id += 1
        return element

    def again(self, mark: Any, tag: str) -> Any:
        """A revision element ``tag`` by ``mark``'s author, with a new id: ``mark`` split over table cells."""
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self._next_id))
        element.set(qn("w:author"), mark.get(qn("w:author")))
        element.set(qn("w:date"), self._date)
        self._next_id += 1
        return element

    def piece_mark(self, piece: Piece) -> Any:
        """The revision element that wraps a changed piece's runs or marks its paragraph breaks."""
        return self.mark(_TAGS[piece.kind, bool(piece.move)], piece.form)

    def range_start(self, piece: Piece) -> Any:
        """The start of the named range of a move's old (deleted) or new (inserted) place."""
        element = self.mark(f"{_TAGS[piece.kind, True]}RangeStart")
        element.set(qn("w:name"), f"move{piece.move}")
        return element


_TAGS = {("delete", False): "w:del", ("insert", False): "w:ins", ("delete", True): "w:moveFrom",
         ("insert", True): "w:moveTo"}  # fmt: skip


def _range_end(piece: Piece, start: Any) -> Any:
    """The end of the range ``start`` opened for ``piece``'s side of its move (same id)."""
    element = OxmlElement(f"{_TAGS[piece.kind, True]}RangeEnd")
    element.set(qn("w:id"), start.get(qn("w:id")))
    return element


def _move_ranges(pieces: list[Piece]) -> dict[tuple[int, str], tuple[int, int]]:
    """For each move and side (delete: old place, insert: new place), its first and last piece."""
    ranges: dict[tuple[int, str], tuple[int, int]] = {}
    for index, piece in enumerate(pieces):
        if piece.move:
            first = ranges.get((piece.move, piece.kind), (index, index))[0]
            ranges[piece.move, piece.kind] = (first, index)
    return ranges


@dataclass(frozen=True)
class Closing:
    """What is known of a redline paragraph when it closes.

    ``opened_at``: the right offset where it opened, None when it goes on after a deleted
    break; ``kept``: it holds right text; ``indented``: its text starts with its own indent;
    ``mark``: the revision of its paragraph mark (None: kept on both sides);
    ``right_pos``: the right offset reached when it closes; ``left_opened_at``: the left
    offset where it opened, None when it goes on after an inserted break; ``first_right``:
    the right offset of its first right text, None when it holds none.
    """

    opened_at: int | None
    kept: bool
    indented: bool
    mark: Any
    right_pos: int
    left_opened_at: int | None = None
    first_right: int | None = None


class Layout(Protocol):
    """Gives each closed redline paragraph its properties."""

    def finish(self, paragraph: Any, closing: Closing) -> None:
        """Add paragraph (and run) properties to ``paragraph``, whose runs are written."""


class _OutlineLayout:
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


def _write_body(body: Any, pieces: list[Piece], revisions: _Revisions, layout: Layout) -> None:
    """The paragraphs of the redline, each added before the body's final ``w:sectPr``
    (which ``body`` must hold) and given its properties by ``layout``."""
    section_properties = body.find(qn("w:sectPr"))
    paragraph = OxmlElement("w:p")
    right_pos = 0  # offset in the right text
    opened_at: int | None = 0  # right offset where the open paragraph starts; None: not at a right paragraph
    left_pos = 0  # offset in the left text
    left_opened_at: int | None = 0  # the same for the left text
    kept = False  # the open paragraph holds right text
    first_right: int | None = None  # right offset of the open paragraph's first right text
    has_runs = False  # the open paragraph holds text (move range marks aside)
    indented = False  # the open paragraph's text brings its own indent (　　)
    ranges = _move_ranges(pieces)
    starts = {first: key for key, (first, _) in ranges.items()}
    open_ranges: dict[tuple[int, str], Any] = {}

    def close(mark: Any) -> None:
        layout.finish(paragraph, Closing(opened_at, kept, indented, mark, right_pos, left_opened_at, first_right))
        section_properties.addprevious(paragraph)

    for index, piece in enumerate(pieces):
        if index in starts:
            open_ranges[starts[index]] = start = revisions.range_start(piece)
            paragraph.append(start)
        for number, line in enumerate(piece.text.split("\n")):
            if number:
                # the line break belongs to this piece: the paragraph mark shares its fate
                close(None if piece.kind == "equal" else revisions.piece_mark(piece))
                paragraph = OxmlElement("w:p")
                if piece.kind != "delete":
                    right_pos += 1
                if piece.kind != "insert":
                    left_pos += 1
                # after a deleted break the right paragraph goes on: no right paragraph opens here
                opened_at = right_pos if piece.kind != "delete" else None
                left_opened_at = left_pos if piece.kind != "insert" else None
                kept = has_runs = indented = False
                first_right = None
            if line:
                if not has_runs:
                    indented = line[0].isspace()
                    has_runs = True
                paragraph.append(_run(piece, _XML_INVALID.sub("", line), revisions))
                if piece.kind != "delete":
                    if not kept:
                        first_right = right_pos
                    right_pos += len(line)
                    kept = True
                if piece.kind != "insert":
                    left_pos += len(line)
        if piece.move and ranges[piece.move, piece.kind][1] == index:
            paragraph.append(_range_end(piece, open_ranges.pop((piece.move, piece.kind))))
    close(None)


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


def _outline_styles(document: Any, right: Document) -> dict[int, str]:
    """Right offsets where a paragraph opens that takes the title or a heading style.

    The lines of the title block take Title; a heading whose line is its whole
    paragraph takes the heading style of its depth. Run-in headings (an item's lead
    sentence) stay body text, as GB/T 9704 sets them.
    """
    styles: dict[int, str] = {}
    title_id = document.styles["Title"].style_id
    heading_ids = [document.styles[f"Heading {n}"].style_id for n in (1, 2, 3)]
    depths = sorted({s.level for s in right.sections if s.role == "heading"})
    text = right.text
    for section in right.sections:
        # A paragraph opens at its line's start, before any indent the section starts after.
        line_start = text.rfind("\n", 0, section.start) + 1
        if section.role == "preamble" and line_start == 0:
            pos = 0
            while pos < section.heading_end:
                styles[pos] = title_id
                pos = text.find("\n", pos, section.heading_end) + 1 or section.heading_end
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


def _run(piece: Piece, text: str, revisions: _Revisions) -> Any:
    """One run of ``text``, wrapped in the piece's revision (moved-away text is deleted text, as Word writes it)."""
    run = OxmlElement("w:r")
    # A tab (between the cells of a table row) is its own element in Word: inside w:t it
    # would show as a space.
    for number, part in enumerate(text.split("\t")):
        if number:
            run.append(OxmlElement("w:tab"))
        if part:
            content = OxmlElement("w:delText" if piece.kind == "delete" else "w:t")
            content.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            content.text = part
            run.append(content)
    if piece.kind == "equal":
        return run
    wrapper = revisions.piece_mark(piece)
    wrapper.append(run)
    return wrapper
