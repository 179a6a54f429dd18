"""The redline's body: paragraphs of runs wrapped in revision marks, written from the tracked pieces.

Paragraphs come from the line breaks of the display text. A deleted or inserted line
break is a revision of the paragraph mark (``w:pPr/w:rPr/w:del`` or ``w:ins``), so
Word's and WPS's "accept all" join or keep paragraphs exactly as the right document
has them and "reject all" exactly as the left one does. A moved section is written as
Word writes a move: ``w:moveFrom`` at its old place and ``w:moveTo`` at its new one,
each inside a range (``w:moveFromRangeStart``/``End``, ``w:moveToRangeStart``/``End``)
whose names pair them, so Word and LibreOffice show a move, not a deletion and an
insertion. Differences of written form only (see ``redline_pieces``) are revisions of a
second reviewer, the author's name followed by ``FORM_REVIEWER``. The body holds nothing
else: accepting everything leaves the right text and nothing more. A ``Layout`` gives
each paragraph its properties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from core.export.redline_pieces import Piece

# Characters XML 1.0 cannot carry; cleaned display text should never hold them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Appended to the author's name for revisions that change only how text is written.
FORM_REVIEWER = "（仅写法不同）"


class Revisions:
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


def write_body(body: Any, pieces: list[Piece], revisions: Revisions, layout: Layout) -> None:
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


def _run(piece: Piece, text: str, revisions: Revisions) -> Any:
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
