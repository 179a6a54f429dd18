"""Find in both panes (Ctrl+F): the bar.

The search is ``core.find.find_all``: it runs on the comparison form of each
text that the result carries, so a query typed in Simplified characters also finds the
Traditional original, and full-width or half-width punctuation does not matter; hits
are reported as display ranges.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui.i18n import tr


class FindBar(QWidget):
    """Query field with previous/next buttons and a hit count; Esc closes it."""

    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("在两侧查找（简繁通查）"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.queryChanged)
        self.field.returnPressed.connect(self.nextRequested)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip(tr("上一个 (Shift+F3)"))
        previous.clicked.connect(self.previousRequested)
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip(tr("下一个 (F3)"))
        following.clicked.connect(self.nextRequested)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(tr("关闭 (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel(tr("查找："), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(close)

    def open_bar(self) -> None:
        """Show the bar and focus the query with its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and report it, so hits are cleared."""
        self.hide()
        self.closed.emit()

    def set_count(self, left: int, right: int, current: int) -> None:
        """Show hit counts per side and the position of the current hit (0-based, -1 none)."""
        if left + right == 0:
            self.count.setText(tr("无结果") if self.field.text() else "")
            return
        where = f"{current + 1}/{left + right}  " if current >= 0 else ""
        self.count.setText(where + tr("左 %1 · 右 %2").replace("%1", str(left)).replace("%2", str(right)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes; Shift+Enter goes back."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previousRequested.emit()
            return
        super().keyPressEvent(event)
