"""A one-line notice above the panes: what the whole result amounts to, said once, plainly.

Two kinds: ``info`` (the documents are identical: nothing to review) and ``warning``
(almost nothing in common: a wrong file may have been chosen). The drafter can close
either; the next result decides afresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from gui import theme
from gui.i18n import tr


class NoticeBar(QFrame):
    """A closable bar with one message; hidden when there is nothing to say."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.kind = ""
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(tr("关闭提示"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_notice(self, text: str, kind: str) -> None:
        """Show ``text`` as an ``info`` or ``warning`` notice."""
        background, border, foreground = theme.notice_colors(kind)
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#noticeBar {{ background: {background}; border: 1px solid {border}; border-radius: 3px; }}"
            f"QFrame#noticeBar QLabel {{ color: {foreground}; font-weight: bold; }}"
        )
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        """Hide the bar: nothing to say about this result."""
        self.kind = ""
        self.label.clear()
        self.hide()

    def dismiss(self) -> None:
        """The drafter closed the notice."""
        self.clear()
        self.dismissed.emit()

    @property
    def message(self) -> str:
        """The notice shown, or "" when the bar is hidden."""
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else not self.isHidden()
        return self.label.text() if shown else ""
