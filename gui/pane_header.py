"""The line above a pane: which side, which document, and the button that opens another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from gui.i18n import tr


class PaneHeader(QWidget):
    """Title and file name above a pane, with its open button."""

    def __init__(self, side_caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(side_caption, self)
        self.caption.setStyleSheet("font-weight: bold")
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(40)
        self.open_button = QToolButton(self)
        self.open_button.setText(tr("打开…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.open_button)

    def show_file(self, path: str | None, title: str = "") -> None:
        """Show the document title (else the file name) and the full path as tooltip."""
        if not path:
            self.title.setText(tr("（未打开文件）"))
            self.title.setToolTip("")
            return
        name = Path(path).name
        text = f"{title}  —  {name}" if title else name
        metrics = self.title.fontMetrics()
        self.title.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, max(self.title.width(), 200)))
        self.title.setToolTip(f"{title}\n{path}" if title else path)
