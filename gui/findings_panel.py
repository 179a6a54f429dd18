"""The findings panel: changed commitments of a result (targets, deadlines, obligations, duties, coverage).

One row per ``Comparison.findings`` entry, filterable by kind and sortable; choosing
a row reports the finding, and the window brings both panes to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
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

from core.document import Document, Section
from core.kinds import Direction, FindingKind, Relation
from core.result import Comparison, Finding
from gui.i18n import tr, tr_label

_DISPLAY = Qt.ItemDataRole.DisplayRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
_KINDS = tuple(FindingKind)
_DIRECTIONS = tuple(Direction)
_LABEL_MAX = 16  # characters of a section label in the location column


def change_label(finding: Finding, relation: Relation) -> str:
    """The change column of a finding, in the relation's words for items gained or lost.

    A base item an implementing document left out was not deleted, it is 未见落实; an item
    it adds is 本地新增, not an insertion into someone else's text.
    """
    if finding.kind is FindingKind.COVERAGE and relation is Relation.IMPLEMENTATION:
        if finding.direction is Direction.ADDED:
            return tr("本地新增")
        if finding.direction is Direction.REMOVED:
            return tr("未见落实")
    return tr_label(finding.direction)


def _columns() -> tuple[str, ...]:
    return (tr("类型"), tr("变化"), tr("说明"), tr("位置（左 → 右）"))


class FindingsModel(QAbstractTableModel):
    """The findings of one result, with columns kind, direction, summary and location."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._findings: tuple[Finding, ...] = ()

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Replace all rows with the findings of ``comparison``."""
        self.beginResetModel()
        self._comparison = comparison
        self._findings = comparison.findings if comparison is not None else ()
        self.endResetModel()

    def finding_at(self, row: int) -> Finding:
        """The finding at a source row number."""
        return self._findings[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of findings (flat table)."""
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Four columns."""
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Translated column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _columns()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        """Display text, sort keys, tooltips and the finding itself."""
        if not index.isValid() or self._comparison is None:
            return None
        finding = self._findings[index.row()]
        column = index.column()
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(finding)
        if role == SORT_ROLE:
            if column == 0:
                return _KINDS.index(finding.kind)
            if column == 1:
                return _DIRECTIONS.index(finding.direction)
            if column == 2:
                return finding.summary
            return self._position(finding)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return tr_label(finding.kind)
        if column == 1:
            return change_label(finding, self._comparison.relation.relation)
        if column == 2:
            return finding.summary
        # Cut for the narrow location column; the tooltip has the labels whole.
        return f"{self.label(finding, 'L', _LABEL_MAX)} → {self.label(finding, 'R', _LABEL_MAX)}"

    def section(self, finding: Finding, side: str) -> Section | None:
        """The section of ``side`` a finding is in: its pair's section, else the one holding its span."""
        assert self._comparison is not None
        doc: Document = self._comparison.left if side == "L" else self._comparison.right
        if finding.pair is not None:
            pair = self._comparison.pairs[finding.pair]
            return doc.by_id.get(pair.left if side == "L" else pair.right)
        span = finding.left if side == "L" else finding.right
        return doc.section_at(span[0]) if span is not None else None

    def label(self, finding: Finding, side: str, limit: int | None = None) -> str:
        """Number and title of the finding's section on ``side`` (cut to ``limit``); a dash where it has none."""
        section = self.section(finding, side)
        if section is None:
            return "—"
        return section.caption(limit) if limit is not None else section.label

    def _position(self, finding: Finding) -> int:
        # Reading order of the right side, left-only findings after the right ones.
        if finding.right is not None:
            return finding.right[0]
        assert finding.left is not None
        return (1 << 40) + finding.left[0]

    def _tooltip(self, finding: Finding) -> str:
        lines = [finding.summary]
        if finding.before:
            lines.append(tr("原：%1").replace("%1", finding.before))
        if finding.after:
            lines.append(tr("现：%1").replace("%1", finding.after))
        lines.append(tr("左侧：%1").replace("%1", self.label(finding, "L")))
        lines.append(tr("右侧：%1").replace("%1", self.label(finding, "R")))
        return "\n".join(lines)


class FindingsFilterProxy(QSortFilterProxyModel):
    """Shows the findings of one kind (None: all) and sorts by the model's sort keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: FindingKind | None = None
        self.setSortRole(SORT_ROLE)

    @property
    def kind(self) -> FindingKind | None:
        """The kind shown, None for all."""
        return self._kind

    def set_kind(self, kind: FindingKind | None) -> None:
        """Show only findings of ``kind`` (None: all)."""
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Accept findings of the chosen kind."""
        model = self.sourceModel()
        if self._kind is None or not isinstance(model, FindingsModel):
            return True
        return model.finding_at(source_row).kind is self._kind


class FindingsPanel(QWidget):
    """Kind filter above the sortable findings table; choosing a row reports its finding."""

    findingActivated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QComboBox(self)
        self.filter_box.currentIndexChanged.connect(self._on_filter)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The dock is narrow: summaries and locations wrap rather than disappear behind "…".
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 120)
        self.table.clicked.connect(self._report)
        self.table.activated.connect(self._report)
        proxy = self.proxy
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._update_count)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("显示："), self))
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._fill_filter(None)
        self._update_count()

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Fill the table from a result, keeping the chosen kind."""
        self.model.set_comparison(comparison)
        self._fill_filter(comparison)
        self._update_count()

    def set_filter(self, kind: FindingKind | None) -> None:
        """Choose the kind shown programmatically (None: all)."""
        self.filter_box.setCurrentIndex(self.filter_box.findData(kind.value if kind is not None else ""))

    def visible_findings(self) -> list[Finding]:
        """Findings currently shown, in display order."""
        return [self.proxy.index(r, 0).data(FINDING_ROLE) for r in range(self.proxy.rowCount())]

    def _fill_filter(self, comparison: Comparison | None) -> None:
        """One entry per kind, with how many findings of that kind the result has."""
        found = comparison.findings if comparison is not None else ()
        chosen = self.proxy.kind
        blocked = self.filter_box.blockSignals(True)
        self.filter_box.clear()
        # Item data are the kinds' values ("" for all): a combo box cannot look up None.
        self.filter_box.addItem(tr("全部类型（%1）").replace("%1", str(len(found))), "")
        for kind in _KINDS:
            count = sum(1 for f in found if f.kind is kind)
            self.filter_box.addItem(f"{tr_label(kind)}（{count}）", kind.value)
        self.filter_box.setCurrentIndex(self.filter_box.findData(chosen.value if chosen is not None else ""))
        self.filter_box.blockSignals(blocked)

    def _on_filter(self, index: int) -> None:
        value = self.filter_box.itemData(index)
        self.proxy.set_kind(FindingKind(value) if value else None)

    def _update_count(self) -> None:
        self.count_label.setText(
            tr("%1 / %2 项").replace("%1", str(self.proxy.rowCount())).replace("%2", str(self.model.rowCount()))
        )

    def _report(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.findingActivated.emit(finding)
