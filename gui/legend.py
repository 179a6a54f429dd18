"""The legend under the panes: the four highlight kinds and the link colours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.export.styles import HIGHLIGHTS
from core.kinds import Highlight, PairKind
from gui import theme
from gui.i18n import is_english, tr

SAMPLE = "文字"


class HighlightSwatch(QWidget):
    """A word drawn the way the panes draw one highlight kind: background plus cue."""

    def __init__(self, kind: Highlight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setToolTip(theme.highlight_meaning(kind, is_english()))
        font = QFont(self.font())
        font.setFamilies([theme.PANE_FONT_FAMILY, *font.families()])
        self.setFont(font)

    def sizeHint(self) -> QSize:
        """Room for the sample word with some padding."""
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(SAMPLE) + 10, metrics.height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Background, sample word, then the print cue line."""
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, theme.highlight_color(self.kind, theme.is_dark()))
        painter.setPen(self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, SAMPLE)
        cue = HIGHLIGHTS[self.kind].print_cue
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(SAMPLE)
        x0 = (rect.width() - width) / 2
        baseline = (rect.height() + metrics.ascent() - metrics.descent()) / 2
        pen = QPen(self.palette().windowText().color(), 1)
        if cue == "strike":
            y = baseline - metrics.ascent() * 0.35
        elif cue in ("underline", "dotted"):
            y = baseline + 2
            if cue == "dotted":
                pen.setStyle(Qt.PenStyle.DotLine)
        else:
            painter.end()
            return
        painter.setPen(pen)
        painter.drawLine(round(x0), round(y), round(x0 + width), round(y))
        painter.end()


class Legend(QWidget):
    """One row: highlight swatches with their names, then link colours by pair kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = is_english()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        layout.addWidget(QLabel(tr("图例："), self))
        for kind in Highlight:
            layout.addWidget(HighlightSwatch(kind, self))
            label = QLabel(theme.highlight_label(kind, english), self)
            label.setToolTip(theme.highlight_meaning(kind, english))
            layout.addWidget(label)
            layout.addSpacing(8)
        layout.addSpacing(16)
        layout.addWidget(QLabel(tr("对应关系："), self))
        for pair_kind in (PairKind.SAME, PairKind.MODIFIED, PairKind.RELATED, None):
            icon = QLabel(self)
            icon.setPixmap(theme.kind_icon(pair_kind).pixmap(12, 12))
            layout.addWidget(icon)
            layout.addWidget(QLabel(theme.pair_label(pair_kind), self))
            layout.addSpacing(6)
        layout.addStretch(1)
