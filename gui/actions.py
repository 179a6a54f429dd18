"""The window's commands as a table: name, text, shortcut, handler and when each is enabled.

One row per command instead of one block of QAction calls each; the enabled-when
predicates are evaluated together by :meth:`ActionTable.refresh`, so a command's
availability is written once, next to the command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``handler`` runs on trigger (a checkable one receives the new state)."""

    name: str
    text: str  # already translated
    handler: Callable[..., object]
    shortcut: Shortcut = None
    enabled_when: Callable[[], bool] | None = None  # None: always enabled
    checked: bool | None = None  # None: not checkable; else checkable with this initial state


class ActionTable:
    """The QActions of a window, built from :class:`ActionSpec` rows and looked up by name."""

    def __init__(self, owner: QWidget, specs: Iterable[ActionSpec] = ()) -> None:
        self._owner = owner
        self._actions: dict[str, QAction] = {}
        self._enabled_when: dict[str, Callable[[], bool]] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: ActionSpec) -> QAction:
        """Create the action of one row, attach it to the owner (for its shortcut) and return it."""
        if spec.name in self._actions:
            raise ValueError(f"duplicate action name: {spec.name}")
        action = QAction(spec.text, self._owner)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.checked is not None:
            action.setCheckable(True)
            action.setChecked(spec.checked)
        action.triggered.connect(spec.handler)
        self._owner.addAction(action)
        self._actions[spec.name] = action
        if spec.enabled_when is not None:
            self._enabled_when[spec.name] = spec.enabled_when
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def names(self) -> list[str]:
        """The action names in the order they were added."""
        return list(self._actions)

    def refresh(self) -> None:
        """Enable or disable every action that has an enabled-when predicate."""
        for name, enabled in self._enabled_when.items():
            self._actions[name].setEnabled(enabled())


def fill(target: QMenu | QToolBar, *entries: QAction | None) -> None:
    """Add actions to a menu or tool bar in order; None adds a separator."""
    for entry in entries:
        if entry is None:
            target.addSeparator()
        else:
            target.addAction(entry)
