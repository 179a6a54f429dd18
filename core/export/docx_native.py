"""The redline in the right document's own format, when the right document is a Word file.

The redline then starts from a copy of the right document's package: its styles,
numbering definitions, settings, fonts, headers and footers, and the page setup of its
final section are kept as they are, and only the body is written anew, paragraph by
paragraph, by ``docx_redline``. Each display line of the right document is traced back
to the paragraph (or table row) it was read from (``core.load_docx.source_lines``); a
redline paragraph that holds some of a right line's text takes a copy of that
paragraph's properties (style, indents, alignment, spacing, its own section break) and
its runs the properties of the run where the paragraph's text starts (font, size,
bold ...). A paragraph that exists only on the left takes the properties of a
neighbouring right paragraph, the one before it unless that one is a heading, so a
deleted body paragraph does not come back as a heading; a deleted left heading takes
those of a right heading of its depth. Paragraphs without text (spacing, a picture, the
end of a section), which cleaning drops from the display text, come back where they were.

Changes that cross a line break are cut at the paragraph boundaries (``line_aligned``),
so a deleted or inserted paragraph or table row is a whole paragraph or row. A table
row of several cells, one display line with its cells separated by tabs, becomes a row
of the right table again (its table, row, cell and paragraph properties), the changes
inside its cells tracked there; a row deleted or inserted whole is a tracked row. When
a row does not fit (a cell boundary added or removed, a row joined with another), the
rows of that table are written as paragraphs with the cells separated by tabs.

Word's automatic numbers are part of the display text (``一、`` as the reader sees it).
Where every number of a list stays as it was, Word keeps numbering the list and its
number text is left out of the paragraphs; otherwise the numbers are written as text and
the automatic numbering switched off (``w:numId`` 0), so a number never shows twice.

``native_start`` returns None whenever this cannot be done faithfully: the right
document is not a .docx, cannot be read again, or no longer reads as the display text
the comparison was made from (changed on disk since, or cleaning joined lines). The
caller then writes the redline in its own GB/T 9704 layout.
"""

from __future__ import annotations

import copy
import logging
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.oxml.ns import qn
from lxml import etree

# The engine keeps only the display text of a document; the paragraphs and runs it was read
# from, which only this writer needs, are read again here, and cleaned again to check that
# the file still reads as the text that was compared.
from core.clean import clean, extraction_spaced, repair_line
from core.export.redline_pieces import Piece
from core.load_docx import SourceLine, docx_text, source_lines
from core.model import Comparison, Document

if TYPE_CHECKING:  # the writer imports this module
    from core.export.docx_redline import Closing

_LOG = logging.getLogger(__name__)

# Past this the right document could not have been compared (core.load refuses it first).
_MAX_CHARS = 50_000_000
# Revision marks and earlier versions a copied property may hold: the redline's own
# marks replace them, and an old version would undo the right document's formatting on reject.
_REVISION_TAGS = frozenset(qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange"))
# What a copied paragraph of the right document loses (earlier deletions and records of
# earlier changes) and what it takes in (earlier insertions).
_GONE = tuple(qn(t) for t in ("w:del", "w:moveFrom", "w:pPrChange", "w:rPrChange", "w:moveFromRangeStart",
                              "w:moveFromRangeEnd", "w:moveToRangeStart", "w:moveToRangeEnd"))
_TAKEN = (qn("w:ins"), qn("w:moveTo"))
# What the redline wraps a changed run in.
_WRAPPERS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
# The w:pPr children that come before w:numPr (CT_PPrBase order).
_BEFORE_NUMBERING = frozenset(
    qn(t) for t in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl")
)


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
        self._rows: list[_Row] = []  # redline paragraphs written from a table row, in order
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
        properties, run_properties = self._properties(paragraph, closing, line) if line is not None else (None, None)
        if closing.mark is not None:
            properties = properties if properties is not None else paragraph.makeelement(qn("w:pPr"), {})
            _mark_paragraph(properties, closing.mark)
        if properties is not None:
            paragraph.insert(0, properties)
        if run_properties is not None:
            for run in paragraph.iter(qn("w:r")):
                run.insert(0, copy.deepcopy(run_properties))

    def _properties(self, paragraph: Any, closing: Closing, line: int) -> tuple[Any, Any]:
        """Copies of the paragraph and run properties of right line ``line``'s source for
        ``paragraph``, noting what ``complete`` needs to know of it."""
        block = self._lines[line].block
        source = _first_paragraph(block)
        own_mark = closing.mark is None or closing.mark.tag not in (qn("w:del"), qn("w:moveFrom"))
        # Word draws the number of the paragraph that starts the line; elsewhere it is text
        numbered = self._lines[line].numbered or (block.tag == qn("w:tr") and _may_number(source))
        if (line in self._auto and closing.first_right == self._starts[line]
                and _strip_label(paragraph, self._lines[line].label)):
            numbered = False
        # a paragraph with line breaks is several redline paragraphs: its section ends after the last
        last = line + 1 == len(self._lines) or self._lines[line + 1].block is not block
        if own_mark:
            self._closers.append((paragraph, line))
        if block.tag == qn("w:tr"):
            self._rows.append(_Row(paragraph, block, closing, line))
        if closing.kept:
            self._holders[line] = self._holders.get(line, 0) + 1
        return _paragraph_properties(source, numbered, keep_section=own_mark and last), _run_properties(source)

    def complete(self, again: Remark) -> None:
        """After the body is written: the paragraphs without text back in place, then the tables."""
        for paragraph, line in self._closers:
            for blank in reversed(self._blanks.get(line, [])):
                paragraph.addnext(_blank_copy(blank))
        if self._closers:
            for blank in reversed(self._blanks.get(-1, [])):
                self._closers[0][0].getparent().insert(0, _blank_copy(blank))
        self.rebuild_tables(again)

    def rebuild_tables(self, again: Remark) -> None:
        """Turn the paragraphs written from the rows of one right table back into a table.

        Done per run of consecutive rows of one table, and only when every row fits: a kept
        row whose cell boundaries are all kept, or a row inserted or deleted whole, with no
        more cells than the right row it is written in. Otherwise those rows stay
        paragraphs with the cells separated by tabs, which accept and reject as before.
        ``again`` makes a revision like a given one, with a new id.
        """
        group: list[_Row] = []
        for row in [*self._rows, None]:
            if row is not None and group and _same_table(group[-1], row):
                group.append(row)
                continue
            if group:
                _rebuild_table(group, again, self._holders)
            group = [row] if row is not None else []

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
        source = _first_paragraph(self._lines[line].block)
        properties = source.find(qn("w:pPr")) if source is not None else None
        if properties is None:
            return False
        style = properties.find(qn("w:pStyle"))
        return properties.find(qn("w:outlineLvl")) is not None or (
            style is not None and style.get(qn("w:val")) in self._headings
        )


Remark = Callable[[Any, str], Any]


@dataclass(frozen=True)
class _Row:
    """A redline paragraph written from a table row: ``source`` (w:tr), how it closed, and
    the right display line it takes its properties from."""

    paragraph: Any
    source: Any
    closing: Closing
    line: int


def _same_table(before: _Row, row: _Row) -> bool:
    """Whether ``row`` follows ``before`` directly in the redline and in the same right table."""
    return before.paragraph.getnext() is row.paragraph and _table(before.source) is _table(row.source)


def _table(row: Any) -> Any:
    """The table that holds ``row``."""
    return next(row.iterancestors(qn("w:tbl")))


def _rebuild_table(group: list[_Row], again: Remark, holders: dict[int, int]) -> None:
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


def _row_kind(row: _Row, whole: bool) -> str | None:
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


def _table_row(row: _Row, again: Remark, *, whole: bool) -> Any:
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
                if child.tag in (*_REVISION_TAGS, qn("w:trPrChange"), qn("w:tblPrExChange")):
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
    first = _first_paragraph(source)
    paragraph = source.makeelement(qn("w:p"), {})
    properties = _paragraph_properties(first, _may_number(first), keep_section=False)
    if mark is not None:
        tag = "w:ins" if mark.tag in (qn("w:ins"), qn("w:moveTo")) else "w:del"
        properties = properties if properties is not None else paragraph.makeelement(qn("w:pPr"), {})
        _mark_paragraph(properties, again(mark, tag))
    if properties is not None:
        paragraph.append(properties)
    run_properties = _run_properties(first)
    for element in content:
        for run in element.iter(qn("w:r")):
            for old in run.findall(qn("w:rPr")):
                run.remove(old)
            if run_properties is not None:
                run.insert(0, copy.deepcopy(run_properties))
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


def _blank_copy(paragraph: Any) -> Any:
    """``paragraph`` as the right document shows it: earlier deletions gone, earlier
    insertions taken in, no record of earlier changes."""
    result = copy.deepcopy(paragraph)
    for element in list(result.iter(*_GONE, *_TAKEN)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _TAKEN:
            for child in list(element):
                element.addprevious(child)
        parent.remove(element)
    return result


def line_aligned(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with each change that spans a line break cut at the paragraph boundaries
    Word uses: the edit of the first line stays in its paragraph, the lines deleted or
    inserted after it become whole paragraphs, each with its own mark.

    A change between two kept stretches is its deleted and its inserted text (their order
    between the two is free); "35%⏎湿地保护率	55%" deleted and "40%" inserted, before a
    kept "⏎", become "35%"→"40%" in the first row and a deleted row "湿地保护率	55%⏎",
    so table rows stay whole. Moves and differences of form are left as they are. The
    pieces still spell both texts.
    """
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        end = index
        while end < len(pieces) and pieces[end].kind != "equal":
            end += 1
        region = pieces[index:end]
        if not region:
            out.append(pieces[index])
            index += 1
            continue
        if any(p.move or p.form for p in region) or not any("\n" in p.text for p in region):
            out += region
        else:
            out += _cut_at_lines(region, pieces[end] if end < len(pieces) else None)
            end += end < len(pieces)  # the kept stretch after it is in what _cut_at_lines returned
        index = end
    return out


def _cut_at_lines(region: list[Piece], after: Piece | None) -> list[Piece]:
    """One change (deletions and insertions between kept stretches) cut at its first line
    break on each side; the rest slides over a kept break that follows to end in a break.
    ``after``, the kept stretch that follows (if any), is returned at the end, less the
    break the rest slid over."""
    deleted = "".join(p.text for p in region if p.kind == "delete")
    inserted = "".join(p.text for p in region if p.kind == "insert")
    head_d, cut_d, rest_d = deleted.partition("\n")
    head_i, cut_i, rest_i = inserted.partition("\n")
    out = [Piece("delete", head_d), Piece("insert", head_i)]
    tails = [Piece("delete", cut_d + rest_d), Piece("insert", cut_i + rest_i)]
    # each tail is empty or starts with its side's first break
    if after is not None and after.text.startswith("\n"):
        # "⏎A" deleted before a kept "⏎B" is the same as a kept "⏎" and "A⏎" deleted before "B"
        out.append(Piece("equal", "\n"))
        out += [Piece(p.kind, p.text[1:] + "\n") for p in tails if p.text]
        out.append(Piece("equal", after.text[1:]))
    else:
        out += tails
        if after is not None:
            out.append(after)
    return [p for p in out if p.text]


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


def _first_paragraph(block: Any) -> Any:
    """The paragraph whose properties ``block`` is written in: the block itself, or the
    first paragraph of a table row that holds text (else its first)."""
    if block.tag == qn("w:p"):
        return block
    paragraphs = list(block.iter(qn("w:p")))
    return next((p for p in paragraphs if _text_run(p) is not None), paragraphs[0] if paragraphs else None)


def _paragraph_properties(source: Any, numbered: bool, *, keep_section: bool) -> Any:
    """A clean copy of ``source``'s ``w:pPr``, or None when it has none.

    Earlier revisions go; a numbered paragraph's automatic number is switched off (its
    number is in the text); a section break stays only on the paragraph that keeps the
    right paragraph's mark, so a section never ends twice.
    """
    if source is None:
        return None
    found = source.find(qn("w:pPr"))
    if found is None:
        if not numbered:
            return None
        found = source.makeelement(qn("w:pPr"), {})
    properties = copy.deepcopy(found)
    for child in list(properties):
        if child.tag == qn("w:pPrChange") or (child.tag == qn("w:sectPr") and not keep_section):
            properties.remove(child)
    marks = properties.find(qn("w:rPr"))
    if marks is not None:
        for child in list(marks):
            if child.tag in _REVISION_TAGS:
                marks.remove(child)
    if numbered:
        _number_off(properties)
    return properties


def _number_off(properties: Any) -> None:
    """Set ``w:numPr`` to list 0, which turns off a number set here or by the style."""
    numbering = properties.find(qn("w:numPr"))
    if numbering is None:
        numbering = properties.makeelement(qn("w:numPr"), {})
        before = [child for child in properties if child.tag in _BEFORE_NUMBERING]
        if before:
            before[-1].addnext(numbering)
        else:
            properties.insert(0, numbering)
    for child in list(numbering):
        numbering.remove(child)
    number = numbering.makeelement(qn("w:numId"), {qn("w:val"): "0"})
    numbering.append(number)


def _may_number(paragraph: Any) -> bool:
    """Whether ``paragraph`` may be numbered by Word (its own numbering or a style's): in a
    table row the number is part of the row's text, so it is switched off there."""
    properties = paragraph.find(qn("w:pPr")) if paragraph is not None else None
    return properties is not None and (
        properties.find(qn("w:numPr")) is not None or properties.find(qn("w:pStyle")) is not None
    )


def _strip_label(paragraph: Any, label: str) -> bool:
    """Take ``label`` (Word's number, kept text) off the start of ``paragraph``'s kept runs,
    leaving it for Word to draw; False, with nothing changed, when they do not start with it."""
    texts = [t for run in paragraph.iterchildren(qn("w:r")) for t in run.iterchildren(qn("w:t"))]
    if not "".join(t.text or "" for t in texts).startswith(label):
        return False
    left = len(label)
    for element in texts:
        taken = min(left, len(element.text or ""))
        element.text = (element.text or "")[taken:]
        left -= taken
    return True


def _mark_paragraph(properties: Any, mark: Any) -> None:
    """Put the revision ``mark`` of the paragraph mark first in ``properties``' ``w:rPr``."""
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = properties.makeelement(qn("w:rPr"), {})
        # w:rPr comes after every other paragraph property but the section break and a change
        tail = next((c for c in properties if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))), None)
        if tail is not None:
            tail.addprevious(marks)
        else:
            properties.append(marks)
    marks.insert(0, mark)


def _text_run(paragraph: Any) -> Any:
    """The first visible run of ``paragraph`` that holds text, outside earlier deletions."""
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in run.iterancestors()):
            continue
        hidden = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        if hidden is None and any(t.text for t in run.iterchildren(qn("w:t"))):
            return run
    return None


def _run_properties(source: Any) -> Any:
    """A copy of the ``w:rPr`` of the run where ``source``'s text starts, without earlier
    revisions, or None."""
    run = _text_run(source) if source is not None else None
    found = run.find(qn("w:rPr")) if run is not None else None
    if found is None:
        return None
    properties = copy.deepcopy(found)
    for child in list(properties):
        if child.tag in _REVISION_TAGS:
            properties.remove(child)
    return properties
