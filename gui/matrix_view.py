"""The provision matrix window: one base document against several others.

Rows are the base's items (shown in the vertical header, which stays in place
when the table scrolls sideways), columns the other documents with their coverage
in the header. A cell names its closest counterpart with kind and score, on the
pair-kind colour of the shared palette; its tooltip lists every counterpart.
Double-clicking a cell asks the main window to show that pair's comparison, which
the matrix already holds. The workbook export runs on the window's own worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.atomic import check_writable
from core.document import Section
from core.errors import InputError
from core.export.registry import MATRIX_XLSX as XLSX
from core.export.summary import percent
from core.kinds import CellKind
from core.matrix_model import Cell, Column, Matrix
from core.progress import Cancel, Progress
from gui import theme
from gui.exports import export_error_message
from gui.i18n import tr, tr_label
from gui.options_store import read_str
from gui.workers import Worker

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TITLE_MAX = 20  # characters of a counterpart's title shown in a cell
_ITEM_MAX = 28  # characters of a base item's title shown in the row header
_DOC_TITLE_MAX = 30  # characters of a document's title shown in the column header
_MIN_COLUMN = 260  # pixels: below this the columns stop sharing the width and scroll instead


def section_label(section: Section, limit: int | None = None) -> str:
    """Number and title of a section, cut to ``limit`` characters when one is given."""
    return section.caption(limit) if limit is not None else section.label


def cell_text(cell: Cell) -> str:
    """A cell in one line: the item's grade where the document implements the base, its
    closest counterpart with kind and score, and how many more there are."""
    grade = f"{tr_label(cell.grade)} · " if cell.grade is not None else ""
    if not cell.counterparts:
        return tr_label(cell.grade) if cell.grade is not None else tr_label(cell.kind)
    best = cell.counterparts[0]
    text = f"{section_label(best.section, _TITLE_MAX)} · {tr_label(CellKind.of(best.kind))} {best.score:.2f}"
    more = len(cell.counterparts) - 1
    return grade + text + (tr("（另 %1 条）").replace("%1", str(more)) if more else "")


def cell_tooltip(cell: Cell) -> str:
    """Every counterpart of a cell, closest first, one per line."""
    if not cell.counterparts:
        return tr("该文件没有对应条目（未落实）")
    return "\n".join(
        f"{section_label(cp.section)} · {tr_label(CellKind.of(cp.kind))} {cp.score:.2f}"
        for cp in cell.counterparts
    )


def column_tooltip(column: Column, leaves: int) -> str:
    """Coverage figures of one document: counts by kind and the shares of the matrix JSON."""
    lines = [column.title, column.path, ""]
    lines.append(tr("有对应条目的基准条目：%1").replace("%1", percent(column.covered)))
    lines += [f"{tr_label(kind)}：{column.count(kind)} / {leaves}" for kind in CellKind]
    lines += [f"{tr_label(grade)}：{n} / {leaves}" for grade, n in column.grades]
    lines.append(tr("基准文件表述见于该文件：%1").replace("%1", percent(column.base_shared)))
    lines.append(tr("该文件本地独有条目：%1").replace("%1", percent(column.local)))
    return "\n".join(lines)


class MatrixModel(QAbstractTableModel):
    """The matrix as a table: a row per base item, a column per other document."""

    def __init__(self, matrix: Matrix, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix
        self._dark = dark

    def set_dark(self, dark: bool) -> None:
        """Repaint the cell colours for a light or dark theme."""
        self._dark = dark
        if self.matrix.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per item of the base."""
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per other document."""
        return 0 if parent.isValid() else len(self.matrix.columns)

    def cell(self, row: int, column: int) -> Cell:
        """The cell at a row and column."""
        return self.matrix.rows[row].cells[column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Documents with their coverage across; base items down."""
        if orientation == Qt.Orientation.Horizontal:
            column = self.matrix.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                covered = tr("覆盖 %1").replace("%1", percent(column.covered))
                name = Path(column.path).name
                title = column.title or name
                if len(title) > _DOC_TITLE_MAX:
                    title = title[: _DOC_TITLE_MAX - 1] + "…"
                return f"{title}\n{name} · {covered}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return column_tooltip(column, len(self.matrix.rows))
            return None
        item = self.matrix.rows[section].section
        if role == Qt.ItemDataRole.DisplayRole:
            return section_label(item, _ITEM_MAX)
        if role == Qt.ItemDataRole.ToolTipRole:
            return section_label(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        """Cell text, palette background and the list of counterparts."""
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.cell_color(cell.kind.pair_kind, self._dark)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cell)
        return None


class MatrixWindow(QMainWindow):
    """A window with the provision matrix, its legend and the workbook export."""

    cellOpened = Signal(int, str)  # column (index into Matrix.comparisons), base section id
    exportFinished = Signal(str)  # path written

    def __init__(self, matrix: Matrix, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.matrix = matrix
        self.settings = settings
        self.quiet = False  # tests suppress modal dialogs
        self.last_error = ""
        self.setWindowTitle(tr("一对多对照 — %1").replace("%1", matrix.base.title or Path(matrix.base.path).name))
        self.model = MatrixModel(matrix, theme.is_dark(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        across = self.table.horizontalHeader()
        # The documents share the width; with many of them the table scrolls sideways instead.
        across.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        across.setMinimumSectionSize(_MIN_COLUMN)
        down = self.table.verticalHeader()
        down.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        down.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.activated.connect(self._open)  # a double click, or Enter on the current cell

        self.act_export = QAction(tr("导出 Excel 表格…"), self)
        self.act_export.triggered.connect(lambda: self.export_xlsx())
        self.worker = Worker(self)
        self.worker.finished.connect(self._on_export_done)
        self.worker.failed.connect(self._on_export_failed)
        self.worker.busy_changed.connect(lambda busy: self.act_export.setEnabled(not busy))
        bar = self.addToolBar(tr("矩阵工具栏"))
        bar.setObjectName("matrixToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.act_export)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        heading = QLabel(
            tr("基准：%1（%2 条基准条目）；双击单元格打开该文件的逐条对照。")
            .replace("%1", matrix.base.title or Path(matrix.base.path).name)
            .replace("%2", str(len(matrix.rows))),
            central,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        coverage = QLabel(self._coverage_text(), central)
        coverage.setTextFormat(Qt.TextFormat.PlainText)
        coverage.setWordWrap(True)
        layout.addWidget(coverage)
        layout.addLayout(self._legend(central))
        self.setCentralWidget(central)
        self.statusBar()
        self.resize(1200, 760)

    def _coverage_text(self) -> str:
        """One line per document: its coverage share and base items by kind."""
        lines = []
        for column in self.matrix.columns:
            counts = " · ".join(f"{tr_label(kind)} {column.count(kind)}" for kind in CellKind)
            lines.append(
                tr("%1：覆盖 %2（%3）")
                .replace("%1", Path(column.path).name)
                .replace("%2", percent(column.covered))
                .replace("%3", counts)
            )
        return "\n".join(lines)

    def _legend(self, parent: QWidget) -> QHBoxLayout:
        """The four cell kinds as coloured samples; the kind is also written in every cell."""
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("图例："), parent))
        dark = theme.is_dark()
        for kind in CellKind:
            swatch = QLabel(tr_label(kind), parent)
            color = theme.cell_color(kind.pair_kind, dark)
            swatch.setStyleSheet(
                f"background-color: {color.name()}; padding: 2px 8px; border: 1px solid {color.darker(130).name()}"
            )
            row.addWidget(swatch)
        row.addStretch(1)
        return row

    def restyle(self, dark: bool) -> None:
        """Follow a switch between light and dark theme."""
        self.model.set_dark(dark)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cellOpened.emit(index.column(), self.matrix.rows[index.row()].section.id)

    # -- export --------------------------------------------------------------------------

    def export_xlsx(self, path: str | None = None) -> None:
        """Write the matrix workbook (asks for the file unless ``path`` is given)."""
        if path is None:
            start = Path(read_str(self.settings, "export/dir", str(Path.home()))) / (
                f"{Path(self.matrix.base.path).stem or 'base'}_{XLSX.name_tag}{XLSX.suffix}"
            )
            path, _ = QFileDialog.getSaveFileName(self, tr("导出 Excel 表格"), str(start), tr(XLSX.file_filter))
            if not path:
                return
            if not path.lower().endswith(XLSX.suffix):
                path += XLSX.suffix
            self.settings.setValue("export/dir", str(Path(path).parent))
        matrix = self.matrix
        target = Path(path)
        try:  # refuse an input file or a device at once, before any work
            check_writable(target, matrix.input_paths)
        except InputError as exc:
            self._on_export_failed(exc)
            return

        def job(progress: Progress, cancel: Cancel) -> str:
            XLSX.write(matrix, target, progress)  # imports openpyxl off the GUI thread
            return str(target)

        self.statusBar().showMessage(tr("正在导出到 %1 …").replace("%1", target.name))
        self.worker.submit(job)

    def _on_export_done(self, path: object) -> None:
        self.statusBar().showMessage(tr("已导出：%1").replace("%1", str(path)))
        self.exportFinished.emit(str(path))

    def _on_export_failed(self, error: object) -> None:
        self.last_error = export_error_message(error)
        self.statusBar().showMessage(tr("导出失败。"))
        if not self.quiet:
            QMessageBox.warning(self, tr("无法导出"), self.last_error)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let a running export finish (it writes atomically) before the window goes."""
        self.worker.wait_for_done(30000)
        super().closeEvent(event)
