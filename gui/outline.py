"""Outline tree of one document, each node marked with its alignment status.

A second column holds a short note in the words of the relation (see
``gui.relation_words``): for a base document carried out by another, each item's
coverage grade; for the implementing document, the base item(s) each item carries out
or 本地新增; for a revision, 删除 / 新增 / 修改 / 移动.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from core.document import Document
from gui import theme
from gui.i18n import tr
from gui.relation_words import SectionNotes
from gui.result_index import ResultIndex

_NOTE_MAX = 14  # characters of a note shown beside a section
FULL_NOTE_ROLE = Qt.ItemDataRole.UserRole + 7  # the note uncut

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeView):
    """The section tree of one side; activating a node reports its section id."""

    sectionActivated = Signal(str)
    contextRequested = Signal(str, QPoint)  # section id, global position of the menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: dict[str, QStandardItem] = {}
        self._notes: dict[str, QStandardItem] = {}
        self.clicked.connect(self._report)
        self.activated.connect(self._report)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def set_document(
        self, document: Document | None, index: ResultIndex | None, notes: SectionNotes | None = None
    ) -> None:
        """Show the outline of ``document`` coloured by its status in the result.

        ``notes`` adds each section's note in the words of the relation.
        """
        self._model.clear()
        self._items = {}
        self._notes = {}
        if document is None or index is None:
            return
        side = "L" if document is index.comparison.left else "R"
        statuses = {s.id: index.status(s.id) for s in document.sections}
        paired_below = index.paired_below
        root = self._model.invisibleRootItem()
        for s in document.sections:
            item = QStandardItem(s.label)
            item.setData(s.id, SECTION_ID_ROLE)
            status = statuses[s.id]
            partial = status is None and s.id in paired_below
            item.setIcon(theme.kind_icon(status, hollow=partial))
            note = tr("下级条目有对应") if partial else theme.pair_label(status)
            item.setToolTip(f"{s.label}\n{note}")
            note = notes.note(side, s.id) if notes is not None else ""
            # A long note (several base items) is cut, or it would squeeze the labels out of
            # sight; the tooltip says it all.
            note_item = QStandardItem(note if len(note) <= _NOTE_MAX else note[: _NOTE_MAX - 1] + "…")
            note_item.setData(s.id, SECTION_ID_ROLE)
            note_item.setData(note, FULL_NOTE_ROLE)
            if notes is not None and note_item.text():
                tip = notes.tooltip(side, s.id)
                item.setToolTip(tip)
                note_item.setToolTip(tip)
            parent_item = self._items.get(s.parent) if s.parent else None
            (parent_item or root).appendRow([item, note_item])
            self._items[s.id] = item
            self._notes[s.id] = note_item
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.expandToDepth(0)
        self._fit_notes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the notes from squeezing the labels when the dock is resized."""
        super().resizeEvent(event)
        self._fit_notes()

    def _fit_notes(self) -> None:
        # The notes take what they need, up to two fifths of the width: the labels are
        # what the reader navigates by.
        if self._model.columnCount() > 1:
            self.setColumnWidth(1, min(self.sizeHintForColumn(1), self.viewport().width() * 2 // 5))

    def set_hidden(self, section_ids: Collection[str]) -> None:
        """Hide the nodes of these sections (their children with them); show all others."""
        for sid, item in self._items.items():
            parent = item.parent()
            parent_index = self._model.indexFromItem(parent) if parent is not None else QModelIndex()
            self.setRowHidden(item.row(), parent_index, sid in section_ids)

    def is_hidden(self, section_id: str) -> bool:
        """True when a section's node is hidden (itself, not through a hidden parent)."""
        item = self._items[section_id]
        parent = item.parent()
        parent_index = self._model.indexFromItem(parent) if parent is not None else QModelIndex()
        return self.isRowHidden(item.row(), parent_index)

    def section_ids(self) -> list[str]:
        """Ids of all nodes, in document order."""
        return list(self._items)

    def note_of(self, section_id: str) -> str:
        """The note shown beside a section ("" when none)."""
        item = self._notes.get(section_id)
        return str(item.data(FULL_NOTE_ROLE)) if item is not None else ""

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

    def _context_menu(self, pos: QPoint) -> None:
        section_id = self.indexAt(pos).data(SECTION_ID_ROLE)
        if section_id:
            self.contextRequested.emit(section_id, self.viewport().mapToGlobal(pos))

    def _report(self, index: QModelIndex) -> None:
        section_id = index.data(SECTION_ID_ROLE)
        if section_id:
            self.sectionActivated.emit(section_id)
