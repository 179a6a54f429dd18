"""Outline tree of one document, each node marked with its alignment status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from core.model import Document
from gui import theme
from gui.i18n import is_english, tr
from gui.result_index import ResultIndex

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeView):
    """The section tree of one side; activating a node reports its section id."""

    sectionActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: dict[str, QStandardItem] = {}
        self.clicked.connect(self._report)
        self.activated.connect(self._report)

    def set_document(self, document: Document | None, index: ResultIndex | None) -> None:
        """Show the outline of ``document`` coloured by its status in the result."""
        self._model.clear()
        self._items = {}
        if document is None or index is None:
            return
        statuses = {s.id: index.status(s.id) for s in document.sections}
        paired_below = index.paired_below
        english = is_english()
        root = self._model.invisibleRootItem()
        for s in document.sections:
            item = QStandardItem(s.label)
            item.setData(s.id, SECTION_ID_ROLE)
            status = statuses[s.id]
            partial = status is None and s.id in paired_below
            item.setIcon(theme.kind_icon(status, hollow=partial))
            note = tr("下级条目有对应") if partial else theme.pair_label(status, english)
            item.setToolTip(f"{s.label}\n{note}")
            parent_item = self._items.get(s.parent) if s.parent else None
            (parent_item or root).appendRow(item)
            self._items[s.id] = item
        self.expandToDepth(0)

    def section_ids(self) -> list[str]:
        """Ids of all nodes, in document order."""
        return list(self._items)

    def select_section(self, section_id: str) -> None:
        """Select and reveal a node without reporting it."""
        item = self._items.get(section_id)
        if item is None:
            return
        index = self._model.indexFromItem(item)
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(blocked)
        self.scrollTo(index)

    def _report(self, index: QModelIndex) -> None:
        section_id = index.data(SECTION_ID_ROLE)
        if section_id:
            self.sectionActivated.emit(section_id)
