"""What every OK/Cancel dialog of the window shares: its button row and how it is run."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout, QWidget

T = TypeVar("T")


def ok_cancel_layout(dialog: QDialog, *parts: QWidget | QLayout, stretch: QWidget | None = None) -> QVBoxLayout:
    """Stack ``parts`` in ``dialog`` above an OK/Cancel row wired to accept and reject.

    ``stretch``, one of the parts, takes the height the others leave (a list that grows).
    """
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if part is stretch else 0)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return layout


def run_dialog(dialog: QDialog, answer: Callable[[], T]) -> T | None:
    """Show ``dialog`` modally; ``answer()`` when it was accepted, None when cancelled."""
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return answer()
