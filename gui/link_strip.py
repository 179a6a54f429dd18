"""The strip between the panes that draws links between aligned sections (Meld-style).

It only reads: section positions from the two panes (cached there) and the pairs of
the result; it repaints when either pane scrolls. Clicking a link selects its pair.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPoint, QPointF, QSize, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.kinds import PairKind
from core.result import Comparison
from gui import theme
from gui.result_index import ResultIndex
from gui.text_pane import DocumentPane

EDGE = 5  # width of the unpaired-section ticks at each edge
CLAMP = 200  # how far beyond the strip's edges band ends may lie, in pixels


class LinkStrip(QWidget):
    """Paints one curved band per aligned pair of lowest-level sections."""

    pairClicked = Signal(int)  # index into Comparison.pairs

    def __init__(self, left: DocumentPane, right: DocumentPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self._comparison: Comparison | None = None
        self._pairs: list[int] = []
        self._left_unpaired: list[str] = []
        self._right_unpaired: list[str] = []
        self._selected: set[int] = set()
        self._paths: list[tuple[int, QPainterPath]] = []
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.geometryChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        """A narrow strip."""
        return QSize(72, 100)

    def set_result(self, index: ResultIndex | None) -> None:
        """Draw the links of this result (None: nothing)."""
        self._comparison = index.comparison if index is not None else None
        self._selected = set()
        self._pairs = []
        self._left_unpaired = []
        self._right_unpaired = []
        if index is not None:
            comparison = index.comparison
            low_left = {s.id for s in index.lowest_paired("L")}
            low_right = {s.id for s in index.lowest_paired("R")}
            self._pairs = [i for i, p in enumerate(comparison.pairs) if p.left in low_left or p.right in low_right]
            self._left_unpaired = [sid for sid, kind in comparison.coverage.left if kind is None]
            self._right_unpaired = [sid for sid, kind in comparison.coverage.right if kind is None]
        self.update()

    def set_selected(self, pair_indexes: set[int]) -> None:
        """Emphasise these pairs."""
        self._selected = set(pair_indexes)
        self.update()

    @property
    def drawn_pairs(self) -> list[int]:
        """Indexes of the pairs the strip draws links for."""
        return list(self._pairs)

    def _origin(self, pane: DocumentPane) -> float:
        """Strip y of the pane's document pixel 0 at the current scroll position."""
        top = self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        return top - pane.scroll_value()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the unpaired ticks and the links visible in either pane."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        self._paths = []
        comparison = self._comparison
        if comparison is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lpos = self.left.section_positions()
        rpos = self.right.section_positions()
        lo, ro = self._origin(self.left), self._origin(self.right)
        height, width = self.height(), self.width()
        unique = theme.pair_color(None)
        for ids, positions, origin, x in (
            (self._left_unpaired, lpos, lo, 0),
            (self._right_unpaired, rpos, ro, width - EDGE),
        ):
            for sid in ids:
                top, bottom = positions.get(sid, (0.0, 0.0))
                if bottom + origin >= 0 and top + origin <= height:
                    painter.fillRect(x, round(top + origin), EDGE, max(2, round(bottom - top)), unique)
        ordered = [i for i in self._pairs if i not in self._selected] + sorted(self._selected)
        drawn: set[tuple[object, ...]] = set()
        for index in ordered:
            pair = comparison.pairs[index]
            if pair.left not in lpos or pair.right not in rpos:
                continue
            l0, l1 = (v + lo for v in lpos[pair.left])
            r0, r1 = (v + ro for v in rpos[pair.right])
            if max(l1, r1) < 0 or min(l0, r0) > height:
                continue
            # Ends far off screen are pulled to just outside it: the visible part barely changes
            # and the painter never rasterises bands thousands of pixels tall.
            l0, l1, r0, r1 = (min(max(v, -CLAMP), height + CLAMP) for v in (l0, l1, r0, r1))
            selected = index in self._selected
            # Many counterparts off screen (a section repeated in a long document) clamp to one band.
            key = (pair.kind, selected, round(l0), round(l1), round(r0), round(r1))
            if key in drawn:
                continue
            drawn.add(key)
            path = _band(EDGE, width - EDGE, l0, l1, r0, r1)
            fill, pen = _band_style(pair.kind, selected)
            painter.setBrush(fill)
            painter.setPen(pen)
            painter.drawPath(path)
            self._paths.append((index, path))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the pair under the pointer (the topmost band drawn)."""
        point = QPointF(event.position())
        for index, path in reversed(self._paths):
            if path.contains(point):
                self.pairClicked.emit(index)
                return
        super().mousePressEvent(event)


@cache
def _band_style(kind: PairKind, selected: bool) -> tuple[QColor, QPen]:
    """Fill and outline of a band: the pair kind's colour, stronger when selected."""
    fill = theme.pair_color(kind)
    fill.setAlpha(160 if selected else 45)
    edge = theme.pair_color(kind)
    edge.setAlpha(255 if selected else 170)
    return fill, QPen(edge, 2.0 if selected else 1.0)


def _band(x0: float, x1: float, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
    """A band from the left edge range [l0, l1] to the right edge range [r0, r1] with curved sides."""
    mid = (x0 + x1) / 2
    path = QPainterPath(QPointF(x0, l0))
    path.cubicTo(QPointF(mid, l0), QPointF(mid, r0), QPointF(x1, r0))
    path.lineTo(QPointF(x1, max(r1, r0 + 1)))
    path.cubicTo(QPointF(mid, max(r1, r0 + 1)), QPointF(mid, max(l1, l0 + 1)), QPointF(x0, max(l1, l0 + 1)))
    path.closeSubpath()
    return path
