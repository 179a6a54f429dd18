"""The drafter's last word on a pairing: the context menu of an implementing item.

On an item of the implementing (right) document, in the pair list or the right
outline, the menu offers the engine's ranked alternatives (改为对应…), any base item
through a searchable list (其他条目…), 设为本地新增, and 恢复自动配对 once the pairing
was set by hand. The menu only reports the choice (:class:`CorrectionChoice`); the
window stores it and compares again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QWidget,
)

from core.base_items import counted_items
from core.document import Section
from core.find import label_contains
from core.options import Correction
from core.result import Comparison
from gui.corrections import CorrectionStore
from gui.dialogs import ok_cancel_layout, run_dialog
from gui.i18n import tr
from gui.relation_words import SectionNotes

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_CAPTION = 28  # characters of a base item's label in the menu


@dataclass(frozen=True)
class CorrectionChoice:
    """What the drafter chose for one right item.

    ``action`` is "pair" (with ``left``, a base leaf id), "local" (本地新增), "restore"
    (the automatic pairing) or "pick" (ask for any base item).
    """

    right: str
    action: str
    left: str | None = None


def fill_correction_menu(
    menu: QMenu, notes: SectionNotes, right_id: str, report: Callable[[CorrectionChoice], None]
) -> bool:
    """Add the correction entries for ``right_id`` to ``menu``; False when it takes none.

    Only an item of an implementing document (a numbered item, an article whole) has a
    pairing to correct.
    """
    comparison = notes.comparison
    section = comparison.right.by_id.get(right_id)
    found = notes.assignment(right_id)
    if not notes.implementation or section is None or found is None:
        return False
    left = comparison.left.by_id
    alternatives = menu.addMenu(tr("改为对应…"))
    offered = 0
    for lid, score in found.alternatives:
        base = left.get(lid)
        if base is None:
            continue
        action = alternatives.addAction(f"{base.caption(_CAPTION)}  ({score:.2f})")
        action.setToolTip(base.label)
        action.setCheckable(True)
        action.setChecked(lid in found.left)
        action.triggered.connect(lambda _c=False, b=lid: report(CorrectionChoice(right_id, "pair", b)))
        offered += 1
    alternatives.setEnabled(offered > 0)
    menu.addAction(tr("其他条目…")).triggered.connect(lambda: report(CorrectionChoice(right_id, "pick")))
    local = menu.addAction(tr("设为本地新增"))
    local.setEnabled(bool(found.left) or not found.by_hand)
    local.triggered.connect(lambda: report(CorrectionChoice(right_id, "local")))
    restore = menu.addAction(tr("恢复自动配对"))
    restore.setEnabled(found.by_hand)
    restore.triggered.connect(lambda: report(CorrectionChoice(right_id, "restore")))
    return True


def correction_menu(
    parent: QWidget, notes: SectionNotes, right_id: str, editable: bool, report: Callable[[CorrectionChoice], None]
) -> QMenu | None:
    """The correction menu of a right item, or None when it has no pairing to correct.

    Not ``editable`` (a result whose files' content key is unknown): shown, but disabled,
    with a line saying how to make it editable.
    """
    menu = QMenu(parent)
    if not fill_correction_menu(menu, notes, right_id, report):
        menu.deleteLater()
        return None
    if not editable:
        for action in menu.actions():
            action.setEnabled(False)
        menu.addSeparator()
        menu.addAction(tr("（请先重新比较这两份文件）")).setEnabled(False)
    return menu


def store_choice(store: CorrectionStore, key: str, notes: SectionNotes, choice: CorrectionChoice,
                 parent: QWidget | None = None) -> bool:
    """Keep a choice under the files' ``key``; True when something changed (compare again).

    "pick" first asks for the base item in :class:`BaseItemDialog`.
    """
    comparison = notes.comparison
    if choice.action == "pick":
        found = notes.assignment(choice.right)
        dialog = BaseItemDialog(comparison, choice.right, found.left if found else (), parent)
        chosen = run_dialog(dialog, dialog.chosen)
        if chosen is None:
            return False
        choice = CorrectionChoice(choice.right, "pair", chosen)
    if choice.action == "restore":
        store.remove(key, choice.right)
        return True
    correction = correction_for(comparison, choice)
    if correction is None:
        return False
    store.put(key, correction)
    return True


def correction_for(comparison: Comparison, choice: CorrectionChoice) -> Correction | None:
    """The correction a "pair" or "local" choice makes, with the labels of both items.

    None when an item is no longer in the result (the result changed under the menu).
    """
    target = comparison.right.by_id.get(choice.right)
    if target is None:
        return None
    if choice.action == "local":
        return Correction(target.id, target.label, None, "")
    base = comparison.left.by_id.get(choice.left) if choice.left else None
    if choice.action != "pair" or base is None:
        return None
    return Correction(target.id, target.label, base.id, base.label)


def base_item_matches(section: Section, query: str) -> bool:
    """Whether a base item's label contains ``query`` (either script, spaces ignored)."""
    return label_contains(section.label, query)


class BaseItemDialog(QDialog):
    """Any base item for an implementing item: a list of the base items (an article whole, a
    numbered item, a paragraph on its own: what the engine pairs) with a search field."""

    def __init__(self, comparison: Comparison, right_id: str, current: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("选择对应的上级条目"))
        self.resize(560, 520)
        target = comparison.right.by_id[right_id]
        caption = QLabel(tr("右侧条目：%1").replace("%1", target.caption(60)), self)
        caption.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("输入编号或标题中的字词筛选"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self._sections = counted_items(comparison.left)
        for section in self._sections:
            item = QListWidgetItem(section.label, self.list)
            item.setData(_ID_ROLE, section.id)
            item.setToolTip(comparison.left.text[section.start : min(section.end, section.start + 200)])
            if section.id in current:
                self.list.setCurrentItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        ok_cancel_layout(self, caption, self.search, self.list, stretch=self.list)
        self.search.setFocus()

    def visible_ids(self) -> list[str]:
        """Ids of the base items the search leaves in the list, in document order."""
        return [
            str(self.list.item(row).data(_ID_ROLE))
            for row in range(self.list.count())
            if not self.list.item(row).isHidden()
        ]

    def chosen(self) -> str | None:
        """The base item selected (and not hidden by the search), or None."""
        item = self.list.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None and not item.isHidden() else None

    def _filter(self, query: str) -> None:
        first: QListWidgetItem | None = None
        for row, section in enumerate(self._sections):
            item = self.list.item(row)
            hidden = not base_item_matches(section, query)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.list.setCurrentItem(first)
