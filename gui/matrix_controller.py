"""The one-against-many matrix window: opened for a result, replaced by the next, its cells opened.

The matrix itself is computed on the comparison lane (:mod:`gui.comparison_controller`);
this part only keeps the window that shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from gui.i18n import tr

if TYPE_CHECKING:
    from core.matrix_model import Matrix
    from gui.matrix_view import MatrixWindow


class MatrixController(QObject):
    """Keeps at most one matrix window.

    ``shown(Matrix)`` once a window opened, ``status(text)`` for the status bar, and
    ``cellOpened(Comparison, section_id)`` when a cell asks for its comparison at a base item.
    """

    shown = Signal(object)
    status = Signal(str)
    cellOpened = Signal(object, str)

    def __init__(self, settings: QSettings, owner: QWidget) -> None:
        super().__init__(owner)
        self.settings = settings
        self._owner = owner
        self.window: MatrixWindow | None = None

    def show(self, matrix: Matrix, quiet: bool = False) -> None:
        """Open the matrix in its own window (replacing an earlier one)."""
        from gui.matrix_view import MatrixWindow  # the table and its export load on first use

        if self.window is not None:
            self.window.close()
        window = MatrixWindow(matrix, self.settings, self._owner)
        window.quiet = quiet
        window.cellOpened.connect(self._open_cell)
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        self.window = window
        window.show()
        window.raise_()
        self.status.emit(
            tr("一对多对照完成：%1 条基准条目，%2 份文件。")
            .replace("%1", str(len(matrix.rows)))
            .replace("%2", str(len(matrix.columns)))
        )
        self.shown.emit(matrix)

    def restyle(self, dark: bool) -> None:
        """Recolour the open matrix after the system switched between light and dark."""
        if self.window is not None:
            self.window.restyle(dark)

    def _forget(self, window: MatrixWindow) -> None:
        if self.window is window:
            self.window = None

    def _open_cell(self, column: int, section_id: str) -> None:
        # The matrix holds each document's comparison already: nothing is computed again.
        if self.window is not None:
            self.cellOpened.emit(self.window.matrix.comparisons[column], section_id)
