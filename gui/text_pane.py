"""One document pane: the display text, highlighted once per result.

The pane builds a fresh ``QTextDocument`` for every result by inserting the text run
by run with ready-made formats (no per-span re-formatting), remembers the pixel
position of every section for the current width (recomputed only when the result
or the width changes), and paints outlines around marked ranges. It never scrolls
itself in response to a result; the window decides. Ranges may be folded to one line
(``gui.folds``); every offset goes through the fold map, so the rest of the window
keeps speaking display offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from core.document import Document
from core.kinds import Highlight
from core.result import Span
from gui import theme
from gui.folds import Fold, FoldMap


@dataclass(frozen=True)
class Mark:
    """A range of the pane outlined on screen (selected section, phrase source)."""

    start: int
    end: int
    color: QColor
    filled: bool = False  # a translucent fill as well as the outline


class DocumentPane(QTextEdit):
    """Read-only view of one side's display text with its highlights."""

    offsetClicked = Signal(int)  # a click (not a drag) at this display offset
    geometryChanged = Signal()  # section positions changed (new text or new width)
    unfoldRequested = Signal(int)  # a folded range should open: the display start of its fold

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._doc_model: Document | None = None
        self._spans: tuple[Span, ...] = ()
        self._dark = False
        self._map = FoldMap("")
        self._hits: tuple[list[tuple[int, int]], int, bool] = ([], -1, False)
        self._positions: dict[str, tuple[float, float]] | None = None
        self._marks: list[Mark] = []
        self._press: QPoint | None = None
        self._pane_font = QFont()
        self._pane_font.setFamilies([theme.PANE_FONT_FAMILY, self.font().family()])
        self._pane_font.setPointSizeF(max(self.font().pointSizeF(), 10.0) * 1.15)
        empty = QTextDocument(self)
        empty.setDefaultFont(self._pane_font)  # so the placeholder uses the pane font
        self.setDocument(empty)

    # -- content -------------------------------------------------------------------

    def set_content(
        self, document: Document, spans: tuple[Span, ...], dark: bool, folds: Sequence[Fold] = ()
    ) -> None:
        """Show ``document`` with its highlight ``spans``, replacing any previous content.

        ``folds`` (sorted, not overlapping) are shown as one line each instead of their text.
        """
        text = document.text
        self._doc_model = document
        self._spans = spans
        self._dark = dark
        self._map = FoldMap(text, folds)
        self._marks = []
        self._hits = ([], -1, dark)
        self._positions = None
        qdoc = QTextDocument(self)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(self._pane_font)
        qdoc.setDocumentMargin(12)
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        fold_format = self._fold_format()
        for start, end, fmt in _shown_runs(_runs(document, spans, dark), self._map.folds):
            if fmt is None:  # a fold: ``start`` indexes it
                cursor.insertText(self._map.folds[start].text, fold_format)
            else:
                cursor.insertText(text[start:end], fmt)
        cursor.endEditBlock()
        self.setExtraSelections([])
        self.setDocument(qdoc)
        self.geometryChanged.emit()

    def restyle(self, document: Document, spans: tuple[Span, ...], dark: bool) -> None:
        """Render the shown document again for another theme, keeping its marks, folds and scroll position."""
        marks, y, hits = self._marks, self.scroll_value(), self._hits
        self.set_content(document, spans, dark, self._map.folds)
        self.set_marks(marks)
        self.set_hits(hits[0], hits[1], dark)
        self.scroll_to_y(y)

    @property
    def folds(self) -> tuple[Fold, ...]:
        """The ranges shown folded, in order."""
        return self._map.folds

    def set_folds(self, folds: Sequence[Fold]) -> None:
        """Fold these ranges (and unfold the others), keeping marks, hits and the text at the top."""
        if self._doc_model is None or tuple(folds) == self._map.folds:
            return
        top = self.from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        marks, hits = self._marks, self._hits
        self.set_content(self._doc_model, self._spans, self._dark, folds)
        self.set_marks(marks)
        self.set_hits(*hits)
        self.scroll_to_y(self.y_of(top))

    def _fold_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().placeholderText())
        fmt.setBackground(theme.fold_color(self._dark))
        return fmt

    # -- geometry ------------------------------------------------------------------

    def to_qt(self, offset: int) -> int:
        """Qt document position of display ``offset``."""
        return self._map.to_qt(offset)

    def from_qt(self, position: int) -> int:
        """Display offset of Qt document position ``position``."""
        return self._map.from_qt(position)

    def _line_extent(self, offset: int) -> tuple[float, float]:
        """Top and bottom, in document pixels, of the line holding the character at ``offset``."""
        doc = self.document()
        pos = min(self.to_qt(offset), max(doc.characterCount() - 1, 0))
        block = doc.findBlock(pos)
        if not block.isValid():
            return 0.0, 0.0
        rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(pos - block.position()) if layout is not None else None
        if line is None or not line.isValid():  # not laid out yet: the whole block
            return rect.top(), rect.bottom()
        top = rect.top() + line.y()
        return top, top + line.height()

    def y_of(self, offset: int) -> float:
        """Top of the line holding display ``offset``, in document pixels."""
        return self._line_extent(offset)[0]

    def bottom_of(self, offset: int) -> float:
        """Bottom of the line holding the character before ``offset`` (end of a range)."""
        return self._line_extent(max(offset - 1, 0))[1]

    def section_positions(self) -> dict[str, tuple[float, float]]:
        """Top and bottom pixel of every section, for the current text and width (cached)."""
        if self._positions is None:
            self._positions = {}
            if self._doc_model is not None:
                for s in self._doc_model.sections:
                    top = self.y_of(s.start)
                    self._positions[s.id] = (top, max(top, self.bottom_of(s.end)))
        return self._positions

    def scroll_value(self) -> int:
        """Current vertical scroll position, in document pixels."""
        return self.verticalScrollBar().value()

    def scroll_to_y(self, y: float) -> None:
        """Scroll so that document pixel ``y`` is at the top (clamped)."""
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), min(bar.maximum(), round(y))))

    def reveal(self, offset: int, fraction: float = 0.2) -> None:
        """Scroll so that ``offset`` sits ``fraction`` of the way down the viewport.

        Text brought into view must be readable: a fold hiding ``offset`` is asked to open first.
        """
        fold = self._map.fold_over(offset)
        if fold is not None:
            self.unfoldRequested.emit(fold.start)
        self.scroll_to_y(self.y_of(offset) - self.viewport().height() * fraction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Forget section positions when the width (and so the wrapping) changes."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._positions = None
            self.geometryChanged.emit()

    # -- marks and hits --------------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        """Outline these ranges (replacing earlier marks)."""
        self._marks = list(marks)
        self.viewport().update()

    @property
    def marks(self) -> list[Mark]:
        """The ranges currently outlined."""
        return list(self._marks)

    def set_hits(self, ranges: list[tuple[int, int]], current: int, dark: bool) -> None:
        """Show find hits (display ranges); ``current`` indexes the one in focus, -1 for none."""
        self._hits = (list(ranges), current, dark)
        other = QTextCharFormat()
        other.setBackground(theme.find_color(dark))
        focused = QTextCharFormat()
        focused.setBackground(theme.accent_color())
        focused.setForeground(self.palette().highlightedText())
        selections = []
        for i, (start, end) in enumerate(ranges):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(start))
            cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = focused if i == current else other
            selections.append(sel)
        self.setExtraSelections(selections)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the text, then the outlines of the marked ranges over it."""
        super().paintEvent(event)
        if not self._marks:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        offset = self.scroll_value()
        width = self.viewport().width()
        for mark in self._marks:
            top = self.y_of(mark.start) - offset
            bottom = self.bottom_of(mark.end) - offset
            if bottom < 0 or top > self.viewport().height():
                continue
            rect = QRectF(3, top - 2, width - 6, bottom - top + 4)
            painter.setPen(QPen(mark.color, 2))
            if mark.filled:
                fill = QColor(mark.color)
                fill.setAlpha(28)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
        painter.end()

    # -- clicks --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a click starts, to tell clicks from selections."""
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Report a plain click's display offset."""
        super().mouseReleaseEvent(event)
        start, self._press = self._press, None
        if start is None or event.button() != Qt.MouseButton.LeftButton or self._doc_model is None:
            return
        if (event.position().toPoint() - start).manhattanLength() > 4:
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        fold = self._map.fold_at_qt(cursor.position())
        if fold is not None:
            self.unfoldRequested.emit(fold.start)
            return
        self.offsetClicked.emit(self.from_qt(cursor.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """A pointing hand over a folded line, which opens on a click."""
        super().mouseMoveEvent(event)
        if not self._map.folds:
            return
        over = self._map.fold_at_qt(self.cursorForPosition(event.position().toPoint()).position())
        shape = Qt.CursorShape.PointingHandCursor if over is not None else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)


def _shown_runs(
    runs: list[tuple[int, int, QTextCharFormat]], folds: Sequence[Fold]
) -> list[tuple[int, int, QTextCharFormat | None]]:
    """The runs as shown: text inside a fold left out, the fold's line in its place.

    A fold's line appears as ``(fold index, fold index, None)`` where the fold begins.
    """
    if not folds:
        return list(runs)
    out: list[tuple[int, int, QTextCharFormat | None]] = []
    k = 0
    for start, end, fmt in runs:
        position = start
        while position < end:
            while k < len(folds) and folds[k].end <= position:
                k += 1
            if k < len(folds) and folds[k].start <= position:
                if folds[k].start == position:  # entering the fold: its line once
                    out.append((k, k, None))
                position = min(end, folds[k].end)
                continue
            stop = min(end, folds[k].start) if k < len(folds) else end
            out.append((position, stop, fmt))
            position = stop
    return out


def _runs(document: Document, spans: tuple[Span, ...], dark: bool) -> list[tuple[int, int, QTextCharFormat]]:
    """Cut the text into runs of one format: highlight kind plus bold headings."""
    text_len = len(document.text)
    bounds = {0, text_len}
    for span in spans:
        bounds.add(span.start)
        bounds.add(span.end)
    headings = sorted(
        (s.start, s.heading_end) for s in document.sections if s.heading_end > s.start and s.role != "paragraph"
    )
    for start, end in headings:
        bounds.add(start)
        bounds.add(end)
    cuts = sorted(b for b in bounds if 0 <= b <= text_len)
    span_starts = [s.start for s in spans]
    head_starts = [h[0] for h in headings]
    cache: dict[tuple[Highlight | None, bool], QTextCharFormat] = {}
    runs: list[tuple[int, int, QTextCharFormat]] = []
    for start, end in pairwise(cuts):
        if start == end:
            continue
        i = bisect_right(span_starts, start) - 1
        kind = spans[i].kind if i >= 0 and spans[i].end > start else None
        j = bisect_right(head_starts, start) - 1
        bold = j >= 0 and headings[j][1] > start
        key = (kind, bold)
        fmt = cache.get(key)
        if fmt is None:
            fmt = theme.highlight_format(kind, dark) if kind is not None else QTextCharFormat()
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            cache[key] = fmt
        if runs and runs[-1][2] is fmt:
            runs[-1] = (runs[-1][0], end, fmt)
        else:
            runs.append((start, end, fmt))
    return runs
