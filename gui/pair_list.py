"""The pair list: every aligned pair and every unpaired leaf, filterable and sortable.

Its last column says what became of each row in the words of the relation
(``gui.relation_words``): 修改 / 删除 / 新增 / 移动 for a revision, the coverage grade or
本地新增 for an implementing document, with pairings set by hand marked （人工） and those
won by a near tie （待核）, which the 待核 filter lists on their own. A
right-click on a row of an implementing item asks the window for the correction menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.kinds import PairKind
from core.pairs import Assignment
from core.result import Comparison
from gui import theme
from gui.i18n import tr
from gui.relation_words import SectionNotes
from gui.result_index import kind_rank

_DISPLAY = Qt.ItemDataRole.DisplayRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
FILTERS = ("all", "changed", "unique", "related", "to_check")


@dataclass(frozen=True)
class PairRow:
    """One line of the list: a pair (``pair`` indexes ``Comparison.pairs``) or an unpaired leaf."""

    left: str | None
    right: str | None
    kind: PairKind | None
    score: float | None
    pair: int | None


def rows_of(comparison: Comparison) -> list[PairRow]:
    """Rows for a result: its pairs in order, then unpaired left leaves, then unpaired right leaves."""
    rows = [PairRow(p.left, p.right, p.kind, p.score, i) for i, p in enumerate(comparison.pairs)]
    rows += [PairRow(sid, None, None, None, None) for sid, kind in comparison.coverage.left if kind is None]
    rows += [PairRow(None, sid, None, None, None) for sid, kind in comparison.coverage.right if kind is None]
    return rows


def row_passes(row: PairRow, mode: str) -> bool:
    """Whether a row belongs under a filter: changed = modified or unique; unique; related; all.
    (to_check asks the result which pairings to check: ``PairTableModel.needs_check``.)"""
    if mode == "changed":
        return row.kind in (PairKind.MODIFIED, None)
    if mode == "unique":
        return row.kind is None
    if mode == "related":
        return row.kind is PairKind.RELATED
    return True


def _row_key(pair_index: int | None, left: str | None, right: str | None) -> object:
    return pair_index if pair_index is not None else (left, right)


class PairTableModel(QAbstractTableModel):
    """Rows of :func:`rows_of` with columns left section, right section, kind, score, note."""

    COLUMNS = ("左侧章节", "右侧章节", "类型", "相似度", "改动")
    NOTE_COLUMN = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._notes: SectionNotes | None = None
        self._rows: list[PairRow] = []
        self._row_of: dict[object, int] = {}
        self._to_check: dict[str, Assignment] = {}  # by implementing item: the pairings won by a near tie

    def set_comparison(self, comparison: Comparison | None, notes: SectionNotes | None = None) -> None:
        """Replace all rows with those of ``comparison`` (``notes``: its notes, if already built)."""
        self.beginResetModel()
        self._comparison = comparison
        if comparison is None:
            self._notes = None
        else:
            self._notes = notes if notes is not None and notes.comparison is comparison else SectionNotes(comparison)
        self._rows = rows_of(comparison) if comparison is not None else []
        self._row_of = {_row_key(row.pair, row.left, row.right): r for r, row in enumerate(self._rows)}
        assignments = comparison.assignments if comparison is not None else ()
        self._to_check = {a.right: a for a in assignments if a.to_check()}
        self.endResetModel()

    def needs_check(self, row: PairRow) -> bool:
        """True for the row of a pairing won by a near tie (marked 待核): its item and first base item."""
        found = self._to_check.get(row.right) if row.right is not None else None
        return found is not None and row.left is not None and found.to_check(row.left)

    def source_row(self, pair_index: int | None, left: str | None, right: str | None) -> int | None:
        """Row number of a pair, or (``pair_index`` None) of an unpaired section; None if absent."""
        return self._row_of.get(_row_key(pair_index, left, right))

    def row_at(self, row: int) -> PairRow:
        """The row object at a source row number."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of rows (flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Four columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Translated column titles; the note column is named after the relation."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.NOTE_COLUMN and self._notes is not None and self._notes.implementation:
                return tr("落实情况")
            return tr(self.COLUMNS[section])
        return None

    def note(self, row: int) -> str:
        """The note column of a source row."""
        found = self._rows[row]
        return self._notes.row_note(found.left, found.right, found.kind) if self._notes is not None else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        """Display text, kind icon, sort keys and tooltips of a cell."""
        if not index.isValid() or self._comparison is None:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if column in (0, 1):
            doc = self._comparison.left if column == 0 else self._comparison.right
            sid = row.left if column == 0 else row.right
            section = doc.by_id.get(sid) if sid else None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return section.label if section else "—"
            if role == SORT_ROLE:
                return section.start if section else 1 << 40
        elif column == 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return theme.pair_label(row.kind)
            if role == Qt.ItemDataRole.DecorationRole:
                return theme.kind_icon(row.kind)
            if role == SORT_ROLE:
                return kind_rank(row.kind)
        elif column == 3:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.score:.2f}" if row.score is not None else ""
            if role == SORT_ROLE:
                return row.score if row.score is not None else -1.0
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif column == self.NOTE_COLUMN and self._notes is not None:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return self.note(index.row())
            if role == Qt.ItemDataRole.ToolTipRole:
                side, sid = ("R", row.right) if row.right is not None else ("L", row.left)
                return self._notes.tooltip(side, sid) if sid is not None else None
        return None


class PairFilterProxy(QSortFilterProxyModel):
    """Filters rows by mode (see :func:`row_passes`) and sorts by the model's sort keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = "all"
        self._hidden: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self.setSortRole(SORT_ROLE)

    @property
    def mode(self) -> str:
        """The current filter mode."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Show only the rows of ``mode`` (one of ``FILTERS``)."""
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hidden(self, left: frozenset[str], right: frozenset[str]) -> None:
        """Leave out the pairs of these left and right sections (unchanged ones, in a changes-only view)."""
        self.beginFilterChange()
        self._hidden = (left, right)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Accept rows belonging to the current mode and not hidden."""
        model = self.sourceModel()
        if not isinstance(model, PairTableModel):
            return True
        row = model.row_at(source_row)
        left, right = self._hidden
        if row.left in left and row.right in right:
            return False
        if self._mode == "to_check":
            return model.needs_check(row)
        return row_passes(row, self._mode)


class PairListPanel(QWidget):
    """Filter choice above the sortable pair table; activating a row reports it."""

    rowActivated = Signal(object)  # PairRow
    correctionRequested = Signal(str, QPoint)  # right section id, global position of the menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PairTableModel(self)
        self.proxy = PairFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QComboBox(self)
        for mode, label in zip(FILTERS, (tr("全部"), tr("有改动"), tr("独有"), tr("相关"), tr("待核")), strict=True):
            self.filter_box.addItem(label, mode)
        self.filter_box.currentIndexChanged.connect(lambda i: self.proxy.set_mode(self.filter_box.itemData(i)))
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PairTableModel.NOTE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.clicked.connect(self._report)
        self.table.activated.connect(self._report)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("显示："), self))
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._update_count()

    def set_comparison(self, comparison: Comparison | None, notes: SectionNotes | None = None) -> None:
        """Fill the list from a result (``notes``: its section notes, if already built)."""
        self.model.set_comparison(comparison, notes)
        self._update_count()

    def set_hidden(self, left: frozenset[str], right: frozenset[str]) -> None:
        """Hide the pairs whose left and right sections are both in these sets."""
        self.proxy.set_hidden(left, right)
        self._update_count()

    def notes_shown(self) -> list[str]:
        """The note column of the rows shown, in display order."""
        column = PairTableModel.NOTE_COLUMN
        return [str(self.proxy.index(r, column).data()) for r in range(self.proxy.rowCount())]

    def set_filter(self, mode: str) -> None:
        """Choose a filter mode programmatically."""
        self.filter_box.setCurrentIndex(FILTERS.index(mode))

    def visible_rows(self) -> list[PairRow]:
        """Rows currently shown, in display order."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def select_pair(self, pair_index: int | None, left: str | None = None, right: str | None = None) -> None:
        """Select the row of a pair (or of an unpaired section) without reporting it."""
        source = self.model.source_row(pair_index, left, right)
        index = self.proxy.mapFromSource(self.model.index(source, 0)) if source is not None else QModelIndex()
        if not index.isValid():  # no such row, or filtered out
            self.table.clearSelection()
            return
        blocked = self.table.blockSignals(True)
        self.table.selectRow(index.row())
        self.table.blockSignals(blocked)
        self.table.scrollTo(index)

    def _update_count(self) -> None:
        self.count_label.setText(
            tr("%1 / %2 项").replace("%1", str(self.proxy.rowCount())).replace("%2", str(self.model.rowCount()))
        )

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None and row.right is not None:
            self.correctionRequested.emit(row.right, self.table.viewport().mapToGlobal(pos))

    def _report(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rowActivated.emit(row)
