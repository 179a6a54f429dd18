"""The relation choice: a combo box for the tool bar and Settings, and the verdict label.

The engine detects whether the right document revises or carries out the left one;
the drafter may overrule it. The combo offers the three choices of
``core.options.RELATION_CHOICES``; the label (in the status bar) names the relation the
result on screen was compared under, whether it was detected or chosen, and carries the
engine's evidence as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from core.options import RELATION_CHOICES
from core.result import RelationVerdict
from gui.i18n import tr
from gui.relation_words import relation_choice_label, verdict_text, verdict_tooltip


class RelationCombo(QComboBox):
    """自动判断 / 修订 / 落实; ``choiceChanged`` reports a choice made by the user."""

    choiceChanged = Signal(str)

    def __init__(self, choice: str = "auto", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value in RELATION_CHOICES:
            self.addItem(relation_choice_label(value), value)
        self.setToolTip(tr("两份文件的关系：修订稿逐条对比改动；落实文件逐条找出所落实的上级条目"))
        self.set_choice(choice)
        self.activated.connect(lambda _index: self.choiceChanged.emit(self.choice()))

    def choice(self) -> str:
        """The choice shown ("auto" | "revision" | "implementation")."""
        return str(self.currentData())

    def set_choice(self, choice: str) -> None:
        """Show ``choice`` without reporting it (an unknown value shows 自动判断)."""
        index = self.findData(choice)
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(blocked)


class VerdictLabel(QLabel):
    """The relation of the result on screen; empty while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_verdict(None)

    def show_verdict(self, verdict: RelationVerdict | None) -> None:
        """Name the relation in use and how it was decided (evidence as tooltip)."""
        if verdict is None:
            self.setText("")
            self.setToolTip("")
            return
        self.setText(verdict_text(verdict))
        self.setToolTip(verdict_tooltip(verdict))
