"""The comparison window: two panes with a link strip, outlines, pair list and statistics.

The widgets are built and laid out by :mod:`gui.window_layout`; the window wires them to the
parts that do the work, each one idea:
:mod:`gui.files_controller` (the two files and the recent ones),
:mod:`gui.comparison_controller` (the background comparison and the result on screen),
:mod:`gui.navigation_controller` (selections and the walk through the changes),
:mod:`gui.find_controller`, :mod:`gui.export_controller`, :mod:`gui.settings_controller`
and :mod:`gui.matrix_controller`; the commands are one table in :mod:`gui.window_menus`.
A result is applied once, by :meth:`MainWindow.show_result`, never recomputed by a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from core.export.registry import ExportFormat
from core.options import Options
from core.result import Comparison
from gui import theme
from gui.actions import ActionTable
from gui.changes_only import ChangesOnly
from gui.comparison_controller import ComparisonController
from gui.corrections import CorrectionStore
from gui.export_controller import ExportController
from gui.exports import EXPORTERS
from gui.files_controller import FilesController, sample_pair
from gui.find_controller import FindController
from gui.i18n import tr
from gui.matrix_controller import MatrixController
from gui.navigation_controller import NavigationController, NavigationViews
from gui.options_store import read_bytes
from gui.result_views import ResultViews, result_summary
from gui.settings_controller import SettingsController
from gui.status_area import StatusArea
from gui.window_layout import build_central, build_docks
from gui.window_menus import action_table, build_menus, build_toolbar, export_action_name
from gui.workers import Worker

if TYPE_CHECKING:
    from gui.matrix_view import MatrixWindow

__all__ = ["MainWindow", "sample_pair"]


class MainWindow(QMainWindow):
    """The main window of Duizhao."""

    resultShown = Signal(object)  # the Comparison now on screen
    matrixShown = Signal(object)  # the Matrix whose window just opened
    compareFailed = Signal(str)  # message shown to the user
    exportFinished = Signal(str)  # path written

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(tr("对照 — 政策文件对照"))
        self.setAcceptDrops(True)
        self.dark = theme.is_dark()
        self.quiet = False  # tests and the self-test suppress modal dialogs
        self.last_error = ""

        self.prefs = SettingsController(self.settings, self)
        self.files = FilesController(self.settings, self)
        corrections = CorrectionStore(self.settings)
        self.compare = ComparisonController(self.files, lambda: self.prefs.options, corrections, self)
        self.exporter = ExportController(self.settings, self._exportable, self)
        self.matrices = MatrixController(self.settings, self)

        central = build_central(self)
        self.panes, self.headers, self.strip, self.sync = central.panes, central.headers, central.strip, central.sync
        self.left_pane, self.right_pane = central.panes
        self.notice, self.find_bar, self.legend = central.notice, central.find_bar, central.legend
        docks = build_docks(self)
        self.left_outline, self.right_outline = docks.outlines
        self.pair_list, self.findings, self.stats = docks.pair_list, docks.findings, docks.stats
        self.side_tabs, self.outline_dock, self.info_dock = docks.side_tabs, docks.outline_dock, docks.info_dock
        self.status_area = StatusArea(self.statusBar(), self)
        self.status_label = self.status_area.label
        self.verdict_label = self.status_area.verdict
        self.cancel_button = self.status_area.cancel_button
        views = NavigationViews(self.left_pane, self.right_pane, self.left_outline, self.right_outline,
                                self.strip, self.pair_list, self.sync, self.status_label)  # fmt: skip
        self.navigation = NavigationController(views, lambda: self.compare.index)
        self.finder = FindController(self.find_bar, self.panes, lambda: self.compare.index, lambda: self.dark)
        outlines = (self.left_outline, self.right_outline)
        self.changes_only = ChangesOnly(self.settings, self.panes, outlines, self.pair_list, self.notice, self)
        self.act_changes_only = self.changes_only.action
        self.views = ResultViews(self.panes, outlines, self.headers, self.strip, self.sync, self.pair_list,
                                 self.changes_only, self.verdict_label, self.findings, self.stats,
                                 self.side_tabs)  # fmt: skip
        self.commands = ActionTable(self, action_table(self))
        self.export_actions: dict[str, QAction] = {e.key: self.commands[export_action_name(e.key)] for e in EXPORTERS}
        menus = build_menus(self, self.commands)
        self.recent_menus, self.export_menu = menus.recent, menus.export
        self.relation_combo = build_toolbar(self, self.commands, self.export_menu)
        self._wire()
        self._restore_layout()
        self.views.title_findings(None)
        self.commands.refresh()
        for header in self.headers:
            header.show_file(None)
        self.status_label.setText(self.prefs.note)  # said again with the first result, which would replace it
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(0, self.apply_theme))

    # -- construction ------------------------------------------------------------------

    def _wire(self) -> None:
        """Connect the views to the parts and the parts to the views."""
        nav, say = self.navigation, self.status_label.setText
        self.left_pane.offsetClicked.connect(lambda off: nav.on_pane_click("L", off))
        self.right_pane.offsetClicked.connect(lambda off: nav.on_pane_click("R", off))
        self.strip.pairClicked.connect(nav.select_pair)
        self.left_outline.sectionActivated.connect(lambda sid: nav.select_section("L", sid))
        self.right_outline.sectionActivated.connect(lambda sid: nav.select_section("R", sid))
        self.pair_list.rowActivated.connect(nav.on_pair_row)
        self.stats.sectionActivated.connect(nav.select_section)
        self.findings.findingActivated.connect(nav.select_finding)
        self.right_outline.contextRequested.connect(self._show_correction_menu)
        self.pair_list.correctionRequested.connect(self._show_correction_menu)
        for side, header in enumerate(self.headers):
            header.open_button.clicked.connect(lambda _c=False, s=side: self.files.ask_open(s, self))
        self.cancel_button.clicked.connect(self.compare.cancel)

        self.files.pathsChanged.connect(self._on_paths_changed)
        self.files.fileChosen.connect(self.set_path)
        self.prefs.optionsChanged.connect(self._on_options_changed)
        compare = self.compare
        compare.started.connect(self.status_area.started)
        compare.progress.connect(self.status_area.set_progress)
        compare.busyChanged.connect(self._on_busy)
        compare.status.connect(say)
        compare.compared.connect(self.show_result)
        compare.matrixReady.connect(lambda matrix: self.matrices.show(matrix, self.quiet))
        compare.failed.connect(self._on_compare_failed)
        compare.restored.connect(self.views.name_files)
        self.exporter.status.connect(say)
        self.exporter.finished.connect(self.exportFinished)
        self.exporter.failed.connect(lambda message: self._warn(tr("无法导出"), message))
        self.exporter.busyChanged.connect(lambda _busy: self.commands.refresh())
        self.matrices.status.connect(say)
        self.matrices.shown.connect(self.matrixShown)
        self.matrices.cellOpened.connect(self._open_matrix_cell)

    def _restore_layout(self) -> None:
        geometry = read_bytes(self.settings, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        state = read_bytes(self.settings, "window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, stop background work and close."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.worker.cancel()
        self.export_worker.wait_for_done(30000)
        super().closeEvent(event)

    # -- what the parts report -----------------------------------------------------------

    def _on_paths_changed(self) -> None:
        for header, path in zip(self.headers, self.files.paths, strict=True):
            header.show_file(path)
        self.commands.refresh()  # the result on screen may no longer be that of the named files

    def _on_options_changed(self, options: Options) -> None:
        self.relation_combo.set_choice(options.relation)
        self.start_compare()

    def _on_busy(self, busy: bool) -> None:
        self.status_area.set_busy(busy)
        self.commands.refresh()

    def _on_compare_failed(self, message: str) -> None:
        self.last_error = message
        self.compareFailed.emit(message)
        self._warn(tr("无法比较"), message)

    def _warn(self, title: str, message: str) -> None:
        self.last_error = message
        if not self.quiet:
            QMessageBox.warning(self, title, message)

    def _exportable(self) -> Comparison | None:
        # An export names the files it compares: only the result of the files named may be exported.
        return self.comparison if self.compare.result_matches_files() else None

    def _open_matrix_cell(self, comparison: Comparison, section_id: str) -> None:
        self.compare.drop_pending()  # a comparison still running must not replace this one
        self.show_result(comparison)
        self.navigation.select_section("L", section_id)
        self.raise_()
        self.activateWindow()

    # -- showing a result ----------------------------------------------------------------

    def show_result(self, comparison: Comparison, key: str = "") -> None:
        """Put a result on screen: panes, strip, outlines, pair list and statistics.

        ``key`` is the content key of its two files, under which corrections are kept;
        without one (a result from the matrix) pairings cannot be corrected.
        """
        self.navigation.reset()
        self.views.show(self.compare.accept(comparison, key), self.dark)
        self.status_label.setText(result_summary(comparison) + self.prefs.take_note())
        self.finder.rerun()
        self.commands.refresh()
        reselect = self.compare.take_reselect()
        if reselect is not None and reselect in comparison.right.by_id:
            self.navigation.select_section("R", reselect)  # the drafter sees the correction take effect
        self.resultShown.emit(comparison)

    def apply_theme(self) -> None:
        """Re-render the highlights after the system switched between light and dark."""
        dark = theme.is_dark()
        if dark == self.dark:
            return
        self.dark = dark
        self.matrices.restyle(dark)
        comparison = self.comparison
        if comparison is None:
            return
        # Only the highlight formats depend on the theme: selection, scroll and navigation stay.
        self.views.restyle(comparison, dark)
        self.finder.paint()

    # -- commands (also the window's scripting surface: app self-test, screenshots, tests) --

    def set_path(self, side: int, path: str, compare: bool = True) -> None:
        """Put a file on one side (and compare when both sides are set)."""
        self.files.set_path(side, path)
        if compare:
            self.start_compare()

    def open_pair(self, left: str | None, right: str | None) -> None:
        """Put files on both sides (either may be None) and compare."""
        for side, path in enumerate((left, right)):
            if path:
                self.set_path(side, path, compare=False)
        self.start_compare()

    def swap_sides(self) -> None:
        """Exchange left and right documents and compare again."""
        self.files.swap()
        self.start_compare()

    def start_compare(self) -> None:
        """Compare the two files in the background; a newer request supersedes this one."""
        self.compare.start()

    def export(self, exporter: ExportFormat, path: str | None = None) -> None:
        """Write an export of the current result (asks for the file unless ``path`` is given)."""
        self.exporter.export(exporter, path, self)

    def correction_menu(self, right_id: str) -> QMenu | None:
        """The correction menu of a right item, or None when its pairing cannot be corrected."""
        return self.compare.correction_menu(right_id, self)

    def _show_correction_menu(self, right_id: str, where: QPoint) -> None:
        menu = self.correction_menu(right_id)
        if menu is not None:
            menu.exec(where)

    # -- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept local files."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Two files: left and right; one file: the side it was dropped on."""
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        if len(files) >= 2:
            self.open_pair(files[0], files[1])
            return
        middle = self.strip.mapTo(self, self.strip.rect().center()).x()
        self.set_path(0 if event.position().x() < middle else 1, files[0])

    # -- the state the parts own, under the names callers know --------------------------

    @property
    def comparison(self) -> Comparison | None:
        """The result on screen, or None before the first one."""
        return self.compare.comparison

    @property
    def paths(self) -> list[str | None]:
        """The files named in the headers, left and right."""
        return self.files.paths

    @paths.setter
    def paths(self, paths: Sequence[str | None]) -> None:
        self.files.paths = list(paths)

    @property
    def options(self) -> Options:
        """The comparison options in force."""
        return self.prefs.options

    @property
    def change_pos(self) -> int:
        """The position of the change shown in the result's change list (-1: none yet)."""
        return self.navigation.change_pos

    @property
    def worker(self) -> Worker:
        """The comparison lane."""
        return self.compare.worker

    @property
    def export_worker(self) -> Worker:
        """The export lane."""
        return self.exporter.worker

    @property
    def matrix_window(self) -> MatrixWindow | None:
        """The open matrix window, if any."""
        return self.matrices.window

