"""Text of a Word .docx: body paragraphs and table rows in reading order, with Word's automatic
numbering rendered as the text the reader sees (``core.docx_numbering``); what one paragraph
or table row shows is ``core.docx_paragraphs``'.

Only the main document is read: headers, footers, footnotes and comments are page furniture,
not policy text.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from core.docx_numbering import Numbering, read_numbering
from core.docx_paragraphs import BLOCK_CONTAINERS, block_level, paragraph_lines, row_lines
from core.docx_xml import CORRUPT, Capped, DocxError, W, parser_options

# The main part is streamed (each paragraph is read, then dropped), so memory stays small
# whatever its size; these caps bound the time. The Civil Code (民法典, about 107,000
# characters) saved by Word makes a document.xml of a few megabytes, some 3,000 paragraphs
# (twice that with empty spacer paragraphs) and some 200,000 XML elements with heavy
# formatting; the caps are ten to thirty times that. A 480 MB part of empty paragraphs
# (735 KB zipped) is the kind of file they refuse, in well under a second.
MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024
MAX_XML_ELEMENTS = 2_000_000
MAX_PARAGRAPH_ELEMENTS = 100_000
DOCUMENT = "word/document.xml"


def docx_text(data: bytes, max_chars: int, max_paragraphs: int | None = None) -> str:
    """Text of the .docx held in ``data``, one line per paragraph (table cell paragraphs too).

    Raises ``DocxError`` for a broken archive, past ``max_chars`` characters, past
    ``max_paragraphs`` non-blank paragraphs, or when a cap on the part's size is reached.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            info = _document_info(zf)
            numbering = read_numbering(zf)
            with zf.open(info) as stream:
                return _stream_text(Capped(stream, MAX_DOCUMENT_XML_BYTES), numbering, max_chars, max_paragraphs)
    except DocxError:
        raise
    except Exception as exc:  # zipfile, zlib and lxml raise many types for broken files
        raise DocxError(CORRUPT) from exc


def _document_info(zf: zipfile.ZipFile) -> zipfile.ZipInfo:
    try:
        info = zf.getinfo(DOCUMENT)
    except KeyError as exc:
        raise DocxError(CORRUPT) from exc
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise DocxError(f"文件过大（正文解压后超过 {MAX_DOCUMENT_XML_BYTES // (1024 * 1024)} MB）")
    return info


def _stream_text(stream: Capped, numbering: Numbering, max_chars: int, max_paragraphs: int | None) -> str:
    """Walk document.xml as it is parsed; each top-level paragraph is turned into its line
    and then cleared, so only one paragraph (and the text of one table row) is in memory
    at a time."""
    from lxml import etree

    out = _Lines(max_chars, max_paragraphs)
    rows = _Rows(max_chars)
    elements = paragraphs = 0
    depth = 0  # paragraphs open around the current element (text boxes nest them)
    body = None
    for event, el in etree.iterparse(stream, events=("start", "end"), **parser_options()):
        is_p = el.tag == W + "p"
        if event == "start":
            depth += is_p
            if not depth:
                rows.start(el.tag)
            continue
        elements += 1
        if elements > MAX_XML_ELEMENTS:
            raise DocxError(f"文件过于复杂（正文超过 {MAX_XML_ELEMENTS:,} 个 XML 元素）")
        if not is_p:
            if el.tag == W + "body":
                body = el
            elif not depth and el.tag == W + "vMerge":
                rows.vertical_merge(el)  # read before it is dropped like any other property
                _drop(el)
            elif not depth and el.tag == W + "tr":
                out.extend(rows.end())
                _drop(el)  # its cells are read: nothing of a finished row stays in memory
            elif not depth and el.tag not in BLOCK_CONTAINERS:
                _drop(el)  # section properties, bookmarks ... outside any paragraph
            continue
        depth -= 1
        paragraphs += 1
        if paragraphs > MAX_PARAGRAPH_ELEMENTS:
            raise DocxError(f"段落过多（超过 {MAX_PARAGRAPH_ELEMENTS:,} 段）")
        if depth:
            continue  # a text box's paragraph: read with the paragraph that anchors it
        take = rows.add if rows.in_cell else out.extend
        if not len(el) and not numbering.numbers_bare_paragraphs and block_level(el):
            take([""])  # an empty paragraph: no number, no text
        elif block_level(el):
            take(list(paragraph_lines(el, numbering)))
        _drop(el)  # read, or one the reader does not see (inside a deletion ...)
    if body is None:
        raise DocxError(CORRUPT)
    return "\n".join(out.lines)


class _Lines:
    """The document's lines as they are read, with the caps on characters and paragraphs."""

    def __init__(self, max_chars: int, max_paragraphs: int | None) -> None:
        self.lines: list[str] = []
        self._total = 0
        self._filled = 0
        self._max_chars = max_chars
        self._max_paragraphs = max_paragraphs

    def extend(self, lines: list[str]) -> None:
        """Append ``lines``, raising ``DocxError`` once a cap is passed."""
        for line in lines:
            self.lines.append(line)
            self._total += len(line) + 1
            self._filled += bool(line.strip())
            if self._total > self._max_chars:
                raise DocxError(f"文本过长（超过 {self._max_chars:,} 字）")
            if self._max_paragraphs is not None and self._filled > self._max_paragraphs:
                raise DocxError(f"段落过多（超过 {self._max_paragraphs:,} 段）")


class _Rows:
    """Table rows as they are streamed: each cell's paragraphs are collected as they end, and
    a finished row becomes its line(s). Only the cells of the outermost table count; a table
    nested in a cell is read into that cell's text, so only one row is ever held."""

    def __init__(self, max_chars: int) -> None:
        self._max_chars = max_chars
        self._held = 0  # characters of the row being read
        self._open_rows = 0  # table rows open around the current element (nested tables count)
        self._cells: list[list[str]] = []  # paragraphs of each cell of the outermost open row
        self._continued: list[bool] = []  # per cell: the lower part of a vertical merge

    @property
    def in_cell(self) -> bool:
        """Whether a paragraph that ends now belongs to a cell of the row being read."""
        return self._open_rows > 0 and bool(self._cells)

    def start(self, tag: str) -> None:
        """A row or, in the outermost row, a cell opens."""
        if tag == W + "tr":
            self._open_rows += 1
            if self._open_rows == 1:
                self._cells, self._continued, self._held = [], [], 0
        elif tag == W + "tc" and self._open_rows == 1:
            self._cells.append([])
            self._continued.append(False)

    def vertical_merge(self, merge: Any) -> None:
        """Note a vertically merged continuation cell: Word shows the cell above across it.

        Only the cell's own properties count, not an earlier version kept by a tracked change.
        """
        properties = merge.getparent()
        cell = properties.getparent() if properties is not None else None
        if self._open_rows != 1 or not self._cells or cell is None or cell.tag != W + "tc":
            return
        self._continued[-1] = merge.get(W + "val") in (None, "continue")

    def add(self, lines: list[str]) -> None:
        """Lines of a paragraph (and its text boxes) that ended inside the current cell.

        A row is only counted against the document's caps once it ends, so one row's own
        text is held to the character cap here (a row of a million paragraphs is refused
        as it grows, not after).
        """
        self._held += sum(len(line) + 1 for line in lines)
        if self._held > self._max_chars:
            raise DocxError(f"文本过长（超过 {self._max_chars:,} 字）")
        self._cells[-1].extend(lines)

    def end(self) -> list[str]:
        """Close a row; the outermost one returns its line(s), a nested one nothing."""
        self._open_rows -= 1
        if self._open_rows:
            return []
        cells, self._cells = self._cells, []
        return row_lines(cells, self._continued)


def _drop(el: Any) -> None:
    """Free a finished element and the finished siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
