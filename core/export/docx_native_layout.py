"""Each redline paragraph in the format of the right Word document's paragraph it comes from.

A redline paragraph that holds some of a right display line's text takes a copy of the
properties of the paragraph (or table row) that line was read from (style, indents,
alignment, spacing, its own section break) and its runs the properties of the run where
the paragraph's text starts (font, size, bold ...). A paragraph that exists only on the
left takes the properties of a neighbouring right paragraph, the one before it unless
that one is a heading, so a deleted body paragraph does not come back as a heading; a
deleted left heading takes those of a right heading of its depth. Paragraphs without
text (spacing, a picture, the end of a section), which cleaning drops from the display
text, come back where they were, and the rows of the right tables become table rows
again (``docx_native_tables``).

Word's automatic numbers are part of the display text (``一、`` as the reader sees it).
Where every number of a list stays as it was, Word keeps numbering the list and its
number text is left out of the paragraphs; otherwise the numbers are written as text and
the automatic numbering switched off (``w:numId`` 0), so a number never shows twice.
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from typing import Any

from docx.oxml.ns import qn

from core.docx_source import SourceLine
from core.export.docx_native_format import (
    blank_copy,
    first_paragraph,
    mark_paragraph,
    may_number,
    paragraph_properties,
    run_properties,
    strip_label,
)
from core.export.docx_native_tables import Remark, RowParagraph, rebuild_tables
from core.export.redline_body import Closing
from core.export.redline_pieces import Piece


class NativeLayout:
    """Paragraph and run properties of the right document, by right display line."""

    def __init__(self, text: str, starts: list[int], lines: list[SourceLine], headings: frozenset[str],
                 left_headings: dict[int, int], blanks: dict[int, list[Any]]) -> None:
        self._starts = starts  # right offset where each display line starts
        self._text = text  # the right display text
        self._auto: set[int] = set()  # display lines whose number Word draws
        self._lines = lines  # the source of each display line
        self._headings = headings  # style ids of paragraph styles with an outline level
        self._left_headings = left_headings  # left heading line start -> right heading line of its depth
        self._blanks = blanks  # display line -> the paragraphs without text that follow it
        self._rows: list[RowParagraph] = []  # redline paragraphs written from a table row, in order
        self._closers: list[tuple[Any, int]] = []  # (redline paragraph, right line whose mark it keeps)
        self._holders: dict[int, int] = {}  # right line -> redline paragraphs holding some of its text

    def plan_numbering(self, pieces: list[Piece]) -> None:
        """Choose the lists whose numbers Word goes on drawing: those where every right
        paragraph's number is kept text (the same on both sides, so Word's count gives it
        in both views). The number's text is then left out of the paragraph; the other
        lists keep their numbers as text, with automatic numbering off."""
        kept: list[tuple[int, int]] = []  # right spans of kept text, adjacent ones joined
        position = 0
        for piece in pieces:
            if piece.kind == "delete":
                continue
            if piece.kind == "equal":
                if kept and kept[-1][1] == position:
                    kept[-1] = (kept[-1][0], position + len(piece.text))
                else:
                    kept.append((position, position + len(piece.text)))
            position += len(piece.text)
        spans = [start for start, _ in kept]
        fitting: dict[str, bool] = {}
        for number, line in enumerate(self._lines):
            if not line.label:
                continue
            start, end = self._starts[number], self._starts[number] + len(line.label)
            index = bisect_right(spans, start) - 1
            fits = index >= 0 and kept[index][1] >= end and self._text[start:end] == line.label
            fitting[line.group] = fitting.get(line.group, True) and fits
        self._auto = {n for n, line in enumerate(self._lines) if line.label and fitting[line.group]}

    def finish(self, paragraph: Any, closing: Closing) -> None:
        """Give ``paragraph`` the properties of the right paragraph it belongs to or neighbours."""
        line = self._line_of(closing)
        properties, run_format = self._properties(paragraph, closing, line) if line is not None else (None, None)
        if closing.mark is not None:
            properties = properties if properties is not None else paragraph.makeelement(qn("w:pPr"), {})
            mark_paragraph(properties, closing.mark)
        if properties is not None:
            paragraph.insert(0, properties)
        if run_format is not None:
            for run in paragraph.iter(qn("w:r")):
                run.insert(0, copy.deepcopy(run_format))

    def _properties(self, paragraph: Any, closing: Closing, line: int) -> tuple[Any, Any]:
        """Copies of the paragraph and run properties of right line ``line``'s source for
        ``paragraph``, noting what ``complete`` needs to know of it."""
        block = self._lines[line].block
        source = first_paragraph(block)
        own_mark = closing.mark is None or closing.mark.tag not in (qn("w:del"), qn("w:moveFrom"))
        # Word draws the number of the paragraph that starts the line; elsewhere it is text
        numbered = self._lines[line].numbered or (block.tag == qn("w:tr") and may_number(source))
        if (line in self._auto and closing.first_right == self._starts[line]
                and strip_label(paragraph, self._lines[line].label)):
            numbered = False
        # a paragraph with line breaks is several redline paragraphs: its section ends after the last
        last = line + 1 == len(self._lines) or self._lines[line + 1].block is not block
        if own_mark:
            self._closers.append((paragraph, line))
        if block.tag == qn("w:tr"):
            self._rows.append(RowParagraph(paragraph, block, closing, line))
        if closing.kept:
            self._holders[line] = self._holders.get(line, 0) + 1
        return paragraph_properties(source, numbered, keep_section=own_mark and last), run_properties(source)

    def complete(self, again: Remark) -> None:
        """After the body is written: the paragraphs without text back in place, then the tables."""
        for paragraph, line in self._closers:
            for blank in reversed(self._blanks.get(line, [])):
                paragraph.addnext(blank_copy(blank))
        if self._closers:
            for blank in reversed(self._blanks.get(-1, [])):
                self._closers[0][0].getparent().insert(0, blank_copy(blank))
        rebuild_tables(self._rows, again, self._holders)

    def _line_of(self, closing: Closing) -> int | None:
        """The right display line whose properties the closing paragraph takes, or None: Normal."""
        line = bisect_right(self._starts, closing.right_pos) - 1
        deleted = closing.mark is not None and closing.mark.tag in (qn("w:del"), qn("w:moveFrom"))
        if closing.kept or not deleted or line < 0:
            return max(line, 0) if self._lines else None
        if closing.left_opened_at in self._left_headings:
            return self._left_headings[closing.left_opened_at]  # a left heading: a right heading of its depth
        # Left only: the paragraph before, unless it is a heading; then the one after.
        candidates = [line - 1, line] if closing.right_pos == self._starts[line] and line else [line]
        return next((c for c in candidates if not self._heading(c)), None)

    def _heading(self, line: int) -> bool:
        """Whether display line ``line`` comes from a heading (an outline level, own or by style)."""
        source = first_paragraph(self._lines[line].block)
        properties = source.find(qn("w:pPr")) if source is not None else None
        if properties is None:
            return False
        style = properties.find(qn("w:pStyle"))
        return properties.find(qn("w:outlineLvl")) is not None or (
            style is not None and style.get(qn("w:val")) in self._headings
        )
