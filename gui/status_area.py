"""The status bar of the main window: a message, the relation verdict, and a comparison's progress."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from gui.i18n import tr
from gui.relation_choice import VerdictLabel


class StatusArea:
    """The widgets of the status bar; the progress part shows only while a comparison runs."""

    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        self.label = QLabel(parent)
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(220)
        self.progress.setTextVisible(False)
        self.stage = QLabel(parent)
        self.verdict = VerdictLabel(parent)
        self.cancel_button = QPushButton(tr("取消"), parent)
        bar.addWidget(self.label, 1)
        for widget in (self.verdict, self.stage, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
        self.set_busy(False)

    def say(self, text: str) -> None:
        """Show a message."""
        self.label.setText(text)

    def started(self, text: str) -> None:
        """A comparison was submitted: progress from zero, and what is being compared."""
        self.progress.setValue(0)
        self.stage.setText(tr("准备中"))
        self.label.setText(text)

    def set_progress(self, fraction: float, stage: str) -> None:
        """Show how far the comparison is (0 to 1) and its stage."""
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.stage.setText(stage)

    def set_busy(self, busy: bool) -> None:
        """Show the progress part while a comparison runs, hide it after."""
        for widget in (self.progress, self.stage, self.cancel_button):
            widget.setVisible(busy)
