"""The comparison window: two panes with a link strip, outlines, pair list and statistics.

The window owns the state (the two paths, the options, the current result and its
index) and routes every selection to the views. Comparisons and exports run through
:class:`gui.workers.Worker`; a result is applied once, never recomputed by a view.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import Cancelled, InputError
from core.export.atomic import check_writable
from core.export.summary import percent
from core.model import Change, Comparison, Finding, Match, Options
from core.resources import samples_dir
from gui import theme
from gui.changes_only import ChangesOnly
from gui.correction_menu import CorrectionChoice, correction_menu, store_choice
from gui.corrections import Compared, CorrectionStore, compare_job
from gui.exports import EXPORTERS, Exporter, ask_export_choices, default_name, export_error_message
from gui.find_bar import FindBar, find_all
from gui.findings_panel import FindingsPanel
from gui.help import GuideDialog, show_about
from gui.i18n import is_english, preferred_language, tr
from gui.legend import Legend
from gui.link_strip import LinkStrip
from gui.notice_bar import NoticeBar
from gui.options_store import load_options, save_options
from gui.outline import OutlineView
from gui.pair_list import PairListPanel, PairRow
from gui.relation_choice import RelationCombo, VerdictLabel
from gui.result_index import ResultIndex
from gui.settings_dialog import SettingsDialog
from gui.stats_panel import StatsPanel
from gui.sync import ScrollSync
from gui.text_pane import DocumentPane, Mark
from gui.workers import CancelFn, Job, ProgressFn, Worker

if TYPE_CHECKING:
    from core.matrix import Matrix
    from gui.matrix_view import MatrixWindow

SAMPLE_LEFT = "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = "luzhou_2020_decision.txt"
MAX_RECENT = 10
OPEN_FILTER = "政策文件 (*.txt *.docx *.pdf);;所有文件 (*)"


def sample_pair() -> tuple[str, str]:
    """Paths of the bundled sample pair (provincial decision, Luzhou decision)."""
    folder = samples_dir()
    return str(folder / SAMPLE_LEFT), str(folder / SAMPLE_RIGHT)


def run_matrix(base: str, others: Sequence[str], options: Options) -> Job:
    """A worker job comparing one base file against several others (the provision matrix)."""

    def job(progress: ProgressFn, cancel: CancelFn) -> Matrix:
        from core.matrix import compare_many

        return compare_many(base, list(others), options, progress=progress, cancel=cancel)

    return job


class PaneHeader(QWidget):
    """Title and file name above a pane, with its open button."""

    def __init__(self, side_caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(side_caption, self)
        self.caption.setStyleSheet("font-weight: bold")
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setMinimumWidth(40)
        self.open_button = QToolButton(self)
        self.open_button.setText(tr("打开…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.open_button)

    def show_file(self, path: str | None, title: str = "") -> None:
        """Show the document title (else the file name) and the full path as tooltip."""
        if not path:
            self.title.setText(tr("（未打开文件）"))
            self.title.setToolTip("")
            return
        name = Path(path).name
        text = f"{title}  —  {name}" if title else name
        metrics = self.title.fontMetrics()
        self.title.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, max(self.title.width(), 200)))
        self.title.setToolTip(f"{title}\n{path}" if title else path)


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
        self.paths: list[str | None] = [None, None]
        loaded = load_options(self.settings)
        self.options = loaded.options
        self.corrections = CorrectionStore(self.settings)
        self.result_key = ""  # content key of the files of the result on screen ("" when unknown)
        self._reselect: str | None = None  # right item to select again once a correction is compared
        self.index: ResultIndex | None = None
        self.change_pos = -1
        self.dark = theme.is_dark()
        self.quiet = False  # tests and the self-test suppress modal dialogs
        self.last_error = ""
        self._phrase_cycle: tuple[tuple[str, int], int] | None = None
        self._hits: list[tuple[str, int, int]] = []
        self._hit_pos = -1
        self.matrix_window: MatrixWindow | None = None

        self.worker = Worker(self)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_result)
        self.worker.failed.connect(self._on_failed)
        self.worker.busy_changed.connect(self._on_busy)
        self.export_worker = Worker(self)
        self.export_worker.finished.connect(self._on_export_done)
        self.export_worker.failed.connect(self._on_export_failed)
        self.export_worker.busy_changed.connect(self._on_export_busy)

        self._build_central()
        self._build_docks()
        self._build_status()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._restore_layout()
        self._update_actions()
        self.headers[0].show_file(None)
        self.headers[1].show_file(None)
        self._settings_note = ""  # said again with the first result, which would replace it
        if loaded.replaced:
            names = "、".join(key.rsplit("/", 1)[-1] for key in loaded.replaced)
            self._settings_note = tr("保存的设置 %1 无效，已改用默认值。").replace("%1", names)
            self.status_label.setText(self._settings_note)
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: QTimer.singleShot(0, self.apply_theme))

    @property
    def comparison(self) -> Comparison | None:
        """The result on screen, or None before the first one."""
        return self.index.comparison if self.index is not None else None

    # -- construction ------------------------------------------------------------------

    def _build_central(self) -> None:
        self.left_pane = DocumentPane(self)
        self.right_pane = DocumentPane(self)
        self.panes = (self.left_pane, self.right_pane)
        placeholder = tr("将文件拖放到这里，或点击“打开…”")
        for pane in self.panes:
            pane.setPlaceholderText(placeholder)
        self.left_pane.offsetClicked.connect(lambda off: self.on_pane_click("L", off))
        self.right_pane.offsetClicked.connect(lambda off: self.on_pane_click("R", off))
        self.strip = LinkStrip(self.left_pane, self.right_pane, self)
        self.strip.pairClicked.connect(self.select_pair)
        self.sync = ScrollSync(self.left_pane, self.right_pane, self)
        self.headers = (PaneHeader(tr("左侧："), self), PaneHeader(tr("右侧："), self))
        self.headers[0].open_button.clicked.connect(lambda: self.open_dialog(0))
        self.headers[1].open_button.clicked.connect(lambda: self.open_dialog(1))

        panes = QHBoxLayout()
        panes.setContentsMargins(0, 0, 0, 0)
        panes.setSpacing(0)
        columns = []
        for header, pane in zip(self.headers, self.panes, strict=True):
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(header)
            column.addWidget(pane, 1)
            columns.append(column)
        panes.addLayout(columns[0], 1)
        strip_column = QVBoxLayout()
        strip_column.setContentsMargins(0, 0, 0, 0)
        strip_column.addWidget(self.strip)
        panes.addLayout(strip_column)
        panes.addLayout(columns[1], 1)

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.queryChanged.connect(self.run_find)
        self.find_bar.nextRequested.connect(lambda: self.step_find(1))
        self.find_bar.previousRequested.connect(lambda: self.step_find(-1))
        self.find_bar.closed.connect(self.clear_find)
        self.legend = Legend(self)
        self.notice = NoticeBar(self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addLayout(panes, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.left_outline = OutlineView(self)
        self.right_outline = OutlineView(self)
        self.left_outline.sectionActivated.connect(lambda sid: self.select_section("L", sid))
        self.right_outline.sectionActivated.connect(lambda sid: self.select_section("R", sid))
        self.right_outline.contextRequested.connect(self.show_correction_menu)
        outlines = QSplitter(Qt.Orientation.Vertical, self)
        for caption, view in ((tr("左侧大纲"), self.left_outline), (tr("右侧大纲"), self.right_outline)):
            box = QWidget(outlines)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 0)
            box_layout.setSpacing(2)
            label = QLabel(caption, box)
            label.setStyleSheet("font-weight: bold")
            box_layout.addWidget(label)
            box_layout.addWidget(view, 1)
            outlines.addWidget(box)
        self.outline_dock = QDockWidget(tr("大纲"), self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(outlines)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)

        self.pair_list = PairListPanel(self)
        self.pair_list.rowActivated.connect(self.on_pair_row)
        self.pair_list.correctionRequested.connect(self.show_correction_menu)
        self.stats = StatsPanel(self)
        self.stats.sectionActivated.connect(self.select_section)
        self.findings = FindingsPanel(self)
        self.findings.findingActivated.connect(self.select_finding)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.pair_list, tr("对应关系"))
        self.side_tabs.addTab(self.findings, "")
        self.side_tabs.addTab(self.stats, tr("统计与覆盖"))
        self._title_findings(None)
        self.info_dock = QDockWidget(tr("对应关系与统计"), self)
        self.info_dock.setObjectName("infoDock")
        self.info_dock.setWidget(self.side_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.info_dock)
        self.resizeDocks([self.outline_dock, self.info_dock], [270, 400], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setFixedWidth(220)
        self.progress.setTextVisible(False)
        self.stage_label = QLabel(self)
        self.verdict_label = VerdictLabel(self)
        self.cancel_button = QPushButton(tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_compare)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.verdict_label)
        bar.addPermanentWidget(self.stage_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        for widget in (self.progress, self.stage_label, self.cancel_button):
            widget.hide()

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_open_left = self._action(
            tr("打开左侧文件…"), lambda: self.open_dialog(0), QKeySequence.StandardKey.Open
        )
        self.act_open_right = self._action(tr("打开右侧文件…"), lambda: self.open_dialog(1), "Ctrl+Shift+O")
        self.act_sample = self._action(tr("打开示例文件"), self.open_sample)
        self.act_matrix = self._action(tr("一对多对照…"), self.open_matrix_dialog)
        self.act_swap = self._action(tr("交换左右"), self.swap_sides, "Ctrl+Shift+X")
        self.act_compare = self._action(tr("重新比较"), self.start_compare, QKeySequence.StandardKey.Refresh)
        self.act_cancel = self._action(tr("取消比较"), self.cancel_compare)
        self.act_quit = self._action(tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.act_copy = self._action(tr("复制"), self.copy_selection)
        self.act_find = self._action(tr("查找…"), self.find_bar.open_bar, QKeySequence.StandardKey.Find)
        self.act_find_next = self._action(
            tr("查找下一个"), lambda: self.step_find(1), QKeySequence.StandardKey.FindNext
        )
        self.act_find_prev = self._action(
            tr("查找上一个"), lambda: self.step_find(-1), QKeySequence.StandardKey.FindPrevious
        )
        self.act_settings = self._action(tr("设置…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        self.act_next = self._action(tr("下一处改动"), lambda: self.step_change(1), "F8")
        self.act_prev = self._action(tr("上一处改动"), lambda: self.step_change(-1), "Shift+F8")
        outlines = (self.left_outline, self.right_outline)
        self.changes_only = ChangesOnly(self.settings, self.panes, outlines, self.pair_list, self.notice, self)
        self.act_changes_only = self.changes_only.action
        self.act_sync = self._action(tr("同步滚动"), self._toggle_sync)
        self.act_sync.setCheckable(True)
        self.act_sync.setChecked(True)
        self.act_zoom_in = self._action(tr("放大文字"), lambda: self.zoom(1), QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_out = self._action(tr("缩小文字"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.act_guide = self._action(tr("使用说明"), self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.act_about = self._action(tr("关于对照"), lambda: show_about(self))
        self.export_actions: dict[str, QAction] = {}
        for exporter in EXPORTERS:
            action = self._action(tr(exporter.label), lambda _c=False, e=exporter: self.export(e))
            self.export_actions[exporter.key] = action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        self.recent_menus = (QMenu(tr("最近打开（左侧）"), self), QMenu(tr("最近打开（右侧）"), self))
        for side, recent in enumerate(self.recent_menus):
            recent.aboutToShow.connect(lambda s=side: self._fill_recent(s))
        _fill(
            menu.addMenu(tr("文件(&F)")),
            self.act_open_left,
            self.act_open_right,
            *(recent.menuAction() for recent in self.recent_menus),
            self.act_sample,
            None,
            self.act_matrix,
            None,
            self.act_swap,
            self.act_compare,
            self.act_cancel,
            None,
            self.act_quit,
        )
        _fill(
            menu.addMenu(tr("编辑(&E)")),
            self.act_copy,
            None,
            self.act_find,
            self.act_find_next,
            self.act_find_prev,
            None,
            self.act_settings,
        )
        _fill(
            menu.addMenu(tr("视图(&V)")),
            self.act_next,
            self.act_prev,
            self.act_changes_only,
            None,
            self.act_sync,
            self.act_zoom_in,
            self.act_zoom_out,
            None,
            self.outline_dock.toggleViewAction(),
            self.info_dock.toggleViewAction(),
        )
        self.export_menu = menu.addMenu(tr("导出(&X)"))
        self.export_menu.setToolTipsVisible(True)
        self.export_menu.aboutToShow.connect(self._update_actions)
        _fill(self.export_menu, *self.export_actions.values())
        _fill(menu.addMenu(tr("帮助(&H)")), self.act_guide, None, self.act_about)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(tr("工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        _fill(
            bar,
            self.act_open_left,
            self.act_open_right,
            self.act_swap,
            self.act_compare,
            None,
            self.act_prev,
            self.act_next,
            self.act_changes_only,
            self.act_find,
            None,
        )
        bar.addWidget(QLabel(tr("关系："), self))
        self.relation_combo = RelationCombo(self.options.relation, self)
        self.relation_combo.choiceChanged.connect(self.set_relation)
        bar.addWidget(self.relation_combo)
        _fill(bar, None, self.act_settings)
        export_button = QToolButton(self)
        export_button.setText(tr("导出"))
        export_button.setMenu(self.export_menu)
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(export_button)

    # -- layout persistence --------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, stop background work and close."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.worker.cancel()
        self.export_worker.wait_for_done(30000)
        super().closeEvent(event)

    # -- opening files -------------------------------------------------------------------

    def open_dialog(self, side: int) -> None:
        """Ask for a file for one side, then compare."""
        start = self.paths[side] or self.settings.value("recent/dir", str(Path.home()), str)
        path, _ = QFileDialog.getOpenFileName(
            self, tr("打开左侧文件") if side == 0 else tr("打开右侧文件"), start, tr(OPEN_FILTER)
        )
        if path:
            self.set_path(side, path)

    def set_path(self, side: int, path: str, compare: bool = True) -> None:
        """Put a file on one side (and compare when both sides are set)."""
        self.paths[side] = path
        self._remember(path)
        self.headers[side].show_file(path)
        self._update_actions()  # the result on screen is no longer that of the named files
        if compare:
            self.start_compare()

    def open_pair(self, left: str | None, right: str | None) -> None:
        """Put files on both sides (either may be None) and compare."""
        for side, path in enumerate((left, right)):
            if path:
                self.set_path(side, path, compare=False)
        self.start_compare()

    def open_sample(self) -> None:
        """Compare the bundled sample pair."""
        self.open_pair(*sample_pair())

    def swap_sides(self) -> None:
        """Exchange left and right documents and compare again."""
        self.paths.reverse()
        for side in (0, 1):
            self.headers[side].show_file(self.paths[side])
        self._update_actions()
        self.start_compare()

    def _remember(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        recent.insert(0, path)
        self.settings.setValue("recent/files", recent[:MAX_RECENT])
        self.settings.setValue("recent/dir", str(Path(path).parent))

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):  # a damaged setting: no recent files rather than no window
            return []
        return [str(v) for v in value]

    def _fill_recent(self, side: int) -> None:
        menu = self.recent_menus[side]
        menu.clear()
        files = self.recent_files()
        if not files:
            empty = menu.addAction(tr("（无）"))
            empty.setEnabled(False)
            return
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path, s=side: self.set_path(s, p))

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
        x = event.position().x()
        middle = self.strip.mapTo(self, self.strip.rect().center()).x()
        self.set_path(0 if x < middle else 1, files[0])

    # -- comparing -----------------------------------------------------------------------

    def start_compare(self) -> None:
        """Compare the two files in the background; a newer request supersedes this one."""
        left, right = self.paths
        if not left or not right:
            self.status_label.setText(tr("请再打开另一侧的文件。"))
            return
        self.progress.setValue(0)
        self.stage_label.setText(tr("准备中"))
        self.status_label.setText(
            tr("正在比较 %1 与 %2 …").replace("%1", Path(left).name).replace("%2", Path(right).name)
        )
        self.worker.submit(compare_job(left, right, self.options, self.corrections.snapshot()))

    def cancel_compare(self) -> None:
        """Stop the running comparison."""
        if self.worker.busy:
            self.worker.cancel()
            self._restore_names()
            self.status_label.setText(tr("已取消比较。"))

    def _on_busy(self, busy: bool) -> None:
        for widget in (self.progress, self.stage_label, self.cancel_button):
            widget.setVisible(busy)
        self.act_cancel.setEnabled(busy)

    def _on_progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.stage_label.setText(stage)

    def _on_failed(self, error: object) -> None:
        self._restore_names()
        if isinstance(error, Cancelled):
            self.status_label.setText(tr("已取消比较。"))
            return
        if isinstance(error, InputError):
            message = str(error)
        elif isinstance(error, OSError):
            message = tr("无法读取文件：%1").replace("%1", str(error))
        else:
            traceback.print_exception(error)  # type: ignore[arg-type]
            message = tr("比较时发生内部错误：%1").replace("%1", f"{type(error).__name__}: {error}")
        self.last_error = message
        self.status_label.setText(tr("比较失败。"))
        self.compareFailed.emit(message)
        if not self.quiet:
            QMessageBox.warning(self, tr("无法比较"), message)

    def _restore_names(self) -> None:
        """After a failed or cancelled comparison, name again the files of the result on screen.

        The panes, outlines, lists and exports still hold that result; a header naming the
        file that could not be compared would put it under the wrong names. Without a
        result on screen the new names stay, with nothing under them.
        """
        comparison = self.comparison
        if comparison is None:
            return
        self.paths = list(comparison.input_paths)
        for header, document in zip(self.headers, (comparison.left, comparison.right), strict=True):
            header.show_file(document.path, document.title)
        self._update_actions()

    def result_matches_files(self) -> bool:
        """True when the result on screen is that of the two files named in the headers."""
        comparison = self.comparison
        return comparison is not None and list(comparison.input_paths) == self.paths

    def _on_result(self, result: object) -> None:
        if isinstance(result, Compared):
            self.show_result(result.comparison, result.key)
            return
        if isinstance(result, Comparison):
            self.show_result(result)
            return
        from core.matrix import Matrix  # loaded by the job already

        if isinstance(result, Matrix):
            self.show_matrix(result)

    def show_result(self, comparison: Comparison, key: str = "") -> None:
        """Put a result on screen: panes, strip, outlines, pair list and statistics.

        ``key`` is the content key of its two files, under which corrections are kept;
        without one (a result from the matrix) pairings cannot be corrected.
        """
        self.index = ResultIndex(comparison)
        self.result_key = key
        self.paths = list(comparison.input_paths)
        notes = self.index.notes
        self.change_pos = -1
        self._phrase_cycle = None
        self.changes_only.set_result(comparison)  # the panes are filled folded when only changes are shown
        folds = self.changes_only.folds
        self.left_pane.set_content(comparison.left, comparison.left_highlights, self.dark, folds("L"))
        self.right_pane.set_content(comparison.right, comparison.right_highlights, self.dark, folds("R"))
        self.sync.set_result(self.index)
        self.strip.set_result(self.index)
        self.left_outline.set_document(comparison.left, self.index, notes)
        self.right_outline.set_document(comparison.right, self.index, notes)
        self.pair_list.set_comparison(comparison, notes)
        self.changes_only.apply()
        self.verdict_label.show_verdict(comparison.relation)
        self.findings.set_comparison(comparison)
        self._title_findings(comparison)
        self.stats.set_comparison(comparison)
        self.headers[0].show_file(comparison.left.path, comparison.left.title)
        self.headers[1].show_file(comparison.right.path, comparison.right.title)
        stats = comparison.stats
        self.status_label.setText(
            tr("比较完成：左侧 %1 的表述见于右侧，右侧 %2 的表述见于左侧；共 %3 处改动。")
            .replace("%1", percent(stats.left_shared))
            .replace("%2", percent(stats.right_shared))
            .replace("%3", str(len(comparison.changes)))
            + self._settings_note
        )
        self._settings_note = ""
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self.run_find(self.find_bar.field.text())
        self._update_actions()
        reselect, self._reselect = self._reselect, None
        if reselect is not None and reselect in comparison.right.by_id:
            self.select_section("R", reselect)  # the drafter sees the correction take effect
        self.resultShown.emit(comparison)

    def apply_theme(self) -> None:
        """Re-render the highlights after the system switched between light and dark."""
        dark = theme.is_dark()
        if dark == self.dark:
            return
        self.dark = dark
        if self.matrix_window is not None:
            self.matrix_window.restyle(dark)
        comparison = self.comparison
        if comparison is None:
            return
        # Only the highlight formats depend on the theme: selection, scroll and navigation stay.
        with self.sync.suspended():
            for pane, document, spans in (
                (self.left_pane, comparison.left, comparison.left_highlights),
                (self.right_pane, comparison.right, comparison.right_highlights),
            ):
                pane.restyle(document, spans, dark)
        self._paint_hits()

    def _title_findings(self, comparison: Comparison | None) -> None:
        count = len(comparison.findings) if comparison is not None else 0
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.findings), tr("要点变化（%1）").replace("%1", str(count)))

    def _update_actions(self) -> None:
        has = self.comparison is not None
        for action in (self.act_next, self.act_prev, self.act_find_next, self.act_find_prev):
            action.setEnabled(has)
        self.act_swap.setEnabled(any(self.paths))
        self.act_cancel.setEnabled(self.worker.busy)
        # An export names the files it compares: only the result of the files named may be exported.
        matches = self.result_matches_files()
        for exporter in EXPORTERS:
            self.export_actions[exporter.key].setEnabled(matches and not self.export_worker.busy)

    # -- selection and navigation --------------------------------------------------------

    def _pane(self, side: str) -> DocumentPane:
        return self.left_pane if side == "L" else self.right_pane

    def _outline(self, side: str) -> OutlineView:
        return self.left_outline if side == "L" else self.right_outline

    def _show(self, marks: dict[str, list[tuple[str, int, int]]], scroll: set[str]) -> None:
        """Mark ranges per side and bring the first of each side in ``scroll`` into view."""
        accent = theme.accent_color()
        with self.sync.suspended():
            for side in ("L", "R"):
                pane = self._pane(side)
                pane.set_marks(
                    [Mark(start, end, accent, filled=(kind == "phrase")) for kind, start, end in marks[side]]
                )
                if side in scroll and marks[side]:
                    pane.reveal(marks[side][0][1])

    def select_section(self, side: str, section_id: str, scroll_self: bool = True) -> None:
        """Mark a section and its counterpart(s) in both panes and bring them into view."""
        if self.index is None:
            return
        doc = self.index.document(side)
        section = doc.by_id.get(section_id)
        if section is None:
            return
        other = "R" if side == "L" else "L"
        other_doc = self.index.document(other)
        counterpart_ids = self.index.counterparts(section_id)
        marks: dict[str, list[tuple[str, int, int]]] = {
            side: [("section", section.start, section.end)],
            other: [],
        }
        for cid in counterpart_ids:
            counterpart = other_doc.by_id[cid]
            marks[other].append(("section", counterpart.start, counterpart.end))
        scroll = {other} | ({side} if scroll_self else set())
        self._show(marks, scroll)
        if not counterpart_ids and side in scroll:
            # No counterpart: let the alignment place the other pane near where it would be.
            self.sync.follow(self._pane(side))
        self._outline(side).select_section(section_id)
        if counterpart_ids:
            self._outline(other).select_section(counterpart_ids[0])
        pair_indexes = self.index.comparison.pair_indexes(section_id)
        self.strip.set_selected(set(pair_indexes))
        if pair_indexes:
            self.pair_list.select_pair(pair_indexes[0])
        else:
            self.pair_list.select_pair(None, *((section_id, None) if side == "L" else (None, section_id)))
        label = section.label
        if counterpart_ids:
            names = "、".join(other_doc.by_id[c].label for c in counterpart_ids)
            self.status_label.setText(f"{label}  ⇄  {names}")
        else:
            self.status_label.setText(
                f"{label}  —  " + (tr("左侧独有：右侧未采纳") if side == "L" else tr("右侧独有：本地内容"))
            )

    def select_pair(self, pair_index: int) -> None:
        """Mark both sections of a pair and bring them into view."""
        comparison = self.comparison
        if comparison is None:
            return
        pair = comparison.pairs[pair_index]
        left = comparison.left.by_id[pair.left]
        right = comparison.right.by_id[pair.right]
        self._show({"L": [("section", left.start, left.end)], "R": [("section", right.start, right.end)]}, {"L", "R"})
        self.left_outline.select_section(pair.left)
        self.right_outline.select_section(pair.right)
        self.strip.set_selected({pair_index})
        self.pair_list.select_pair(pair_index)
        kind = theme.pair_label(pair.kind, is_english())
        self.status_label.setText(f"{left.label}  ⇄  {right.label}  ({kind} {pair.score:.2f})")

    def on_pair_row(self, row: PairRow) -> None:
        """A pair-list row was chosen."""
        if row.pair is not None:
            self.select_pair(row.pair)
        elif row.left is not None:
            self.select_section("L", row.left)
        elif row.right is not None:
            self.select_section("R", row.right)

    def select_finding(self, finding: Finding) -> None:
        """Bring both panes to a finding: its sections as on any selection, its spans marked on top."""
        if self.index is None:
            return
        if finding.pair is not None:
            self.select_pair(finding.pair)
        else:
            side, span = ("L", finding.left) if finding.left is not None else ("R", finding.right)
            if span is None:
                return
            section = self.index.document(side).section_at(span[0])
            if section is not None:
                self.select_section(side, section.id)
        # The finding's own spans come first, so the panes scroll to them, not to the section tops.
        marks: dict[str, list[tuple[str, int, int]]] = {}
        for side, span, pane in (("L", finding.left, self.left_pane), ("R", finding.right, self.right_pane)):
            marks[side] = ([("phrase", *span)] if span is not None else []) + [
                ("section", mark.start, mark.end) for mark in pane.marks
            ]
        self._show(marks, {side for side, span in (("L", finding.left), ("R", finding.right)) if span is not None})
        self.status_label.setText(finding.summary)

    def go_to_change(self, position: int) -> None:
        """Show change number ``position`` of the result's ordered change list."""
        if self.comparison is None or not self.comparison.changes:
            return
        self.change_pos = position % len(self.comparison.changes)
        change: Change = self.comparison.changes[self.change_pos]
        if change.pair is not None:
            self.select_pair(change.pair)
        elif change.left is not None:
            self.select_section("L", change.left)
        elif change.right is not None:
            self.select_section("R", change.right)
        self.status_label.setText(f"[{self.change_pos + 1}/{len(self.comparison.changes)}] " + self.status_label.text())

    def step_change(self, step: int) -> None:
        """Next (1) or previous (-1) change, wrapping around."""
        if self.comparison is None or not self.comparison.changes:
            return
        if self.change_pos < 0:
            self.go_to_change(0 if step > 0 else -1)
        else:
            self.go_to_change(self.change_pos + step)

    def on_pane_click(self, side: str, offset: int) -> None:
        """A click in a pane: show where a shared phrase comes from, else select the section."""
        if self.index is None:
            return
        other = "R" if side == "L" else "L"
        matches = self.index.matches_at(side, offset)
        if matches:
            # Repeated clicks on one phrase cycle through its occurrences on the other side.
            key = (side, offset)
            turn = 0
            if self._phrase_cycle is not None and self._phrase_cycle[0] == key:
                turn = (self._phrase_cycle[1] + 1) % len(matches)
            self._phrase_cycle = (key, turn)
            here, there = _match_spans(matches[turn], side)
            self._show({side: [("phrase", *here)], other: [("phrase", *there)]}, {other})
            section = self.index.document(other).section_at(there[0])
            where = section.label if section is not None else ""
            count = f"（{turn + 1}/{len(matches)}）" if len(matches) > 1 else ""
            self.status_label.setText(
                (tr("此表述见于右侧：%1") if side == "L" else tr("此表述见于左侧：%1")).replace("%1", where) + count
            )
            return
        self._phrase_cycle = None
        section = self.index.document(side).section_at(offset)
        if section is not None:
            self.select_section(side, section.id, scroll_self=False)

    # -- find ----------------------------------------------------------------------------

    def run_find(self, query: str) -> None:
        """Highlight every hit of ``query`` in both panes."""
        self._hits = []
        self._hit_pos = -1
        if self.index is not None and query.strip():
            t2s = self.index.comparison.options.t2s  # the query must be folded like the text
            for side in ("L", "R"):
                self._hits += [(side, s, e) for s, e in find_all(self.index.normalized(side), query, t2s)]
        self._paint_hits()

    def step_find(self, step: int) -> None:
        """Move to the next/previous hit (across the left, then the right pane)."""
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        if not self._hits:
            return
        if self._hit_pos < 0:
            self._hit_pos = 0 if step > 0 else len(self._hits) - 1
        else:
            self._hit_pos = (self._hit_pos + step) % len(self._hits)
        side, start, _end = self._hits[self._hit_pos]
        self._paint_hits()
        self._pane(side).reveal(start, 0.35)

    def clear_find(self) -> None:
        """Remove the find hits from both panes."""
        self._hits = []
        self._hit_pos = -1
        self._paint_hits()

    def _paint_hits(self) -> None:
        current = self._hits[self._hit_pos] if self._hit_pos >= 0 else None
        for side in ("L", "R"):
            ranges = [(s, e) for hs, s, e in self._hits if hs == side]
            index = -1
            if current is not None and current[0] == side:
                index = ranges.index((current[1], current[2]))
            self._pane(side).set_hits(ranges, index, self.dark)
        left = sum(1 for h in self._hits if h[0] == "L")
        self.find_bar.set_count(left, len(self._hits) - left, self._hit_pos)

    def find_hits(self) -> list[tuple[str, int, int]]:
        """Current find hits as (side, start, end)."""
        return list(self._hits)

    # -- other commands ------------------------------------------------------------------

    def copy_selection(self) -> None:
        """Copy the selected text of the focused pane."""
        pane = self.right_pane if self.right_pane.hasFocus() else self.left_pane
        pane.copy()

    def zoom(self, step: int) -> None:
        """Make the pane text larger or smaller."""
        for pane in self.panes:
            if step > 0:
                pane.zoomIn(1)
            else:
                pane.zoomOut(1)

    def _toggle_sync(self, checked: bool) -> None:
        self.sync.enabled = checked

    def open_settings(self) -> None:
        """Edit the options; compare again when they changed."""
        dialog = SettingsDialog(self.options, preferred_language(self.settings), self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.settings.setValue("ui/language", dialog.chosen_language())
        new = dialog.options()
        if new != self.options:
            self.set_options(new)

    def set_options(self, options: Options) -> None:
        """Use new comparison options (saved) and compare again."""
        self.options = options
        save_options(self.settings, options)
        self.relation_combo.set_choice(options.relation)
        self.start_compare()

    def set_relation(self, choice: str) -> None:
        """Compare as a revision, as an implementing document, or as detected ("auto")."""
        if choice != self.options.relation:
            self.set_options(replace(self.options, relation=choice))

    def show_guide(self) -> None:
        """Open the user guide."""
        GuideDialog(self).show()

    # -- corrections ----------------------------------------------------------------------

    def show_correction_menu(self, right_id: str, where: QPoint) -> None:
        """The context menu of a right item: change, remove or restore its pairing."""
        menu = self.correction_menu(right_id)
        if menu is not None:
            menu.exec(where)

    def correction_menu(self, right_id: str) -> QMenu | None:
        """The correction menu of a right item, or None when its pairing cannot be corrected."""
        if self.index is None:
            return None
        return correction_menu(self, self.index.notes, right_id, self._can_correct(), self.apply_correction)

    def apply_correction(self, choice: CorrectionChoice) -> None:
        """Keep the drafter's choice for one right item with these files, then compare again."""
        if self.index is None or not self._can_correct():
            return
        if store_choice(self.corrections, self.result_key, self.index.notes, choice, self):
            self._reselect = choice.right
            self.start_compare()

    def _can_correct(self) -> bool:
        # A correction is kept under the files' content key, known only for a result compared here.
        return bool(self.result_key) and self.result_matches_files()

    # -- one base against many ----------------------------------------------------------

    def open_matrix_dialog(self) -> None:
        """Ask for a base file and the files to set against it, then build the matrix."""
        start = self.paths[0] or self.settings.value("recent/dir", str(Path.home()), str)
        base, _ = QFileDialog.getOpenFileName(self, tr("一对多对照：选择基准文件"), start, tr(OPEN_FILTER))
        if not base:
            return
        others, _ = QFileDialog.getOpenFileNames(
            self, tr("一对多对照：选择要对照的文件（可多选）"), str(Path(base).parent), tr(OPEN_FILTER)
        )
        if others:
            self.start_matrix(base, others)

    def start_matrix(self, base: str, others: Sequence[str]) -> None:
        """Compare ``base`` against each of ``others`` in the background and show the matrix."""
        self.progress.setValue(0)
        self.stage_label.setText(tr("准备中"))
        self.status_label.setText(
            tr("正在将 %1 与 %2 份文件对照 …").replace("%1", Path(base).name).replace("%2", str(len(others)))
        )
        self.worker.submit(run_matrix(base, others, self.options))

    def show_matrix(self, matrix: Matrix) -> None:
        """Open the matrix in its own window (replacing an earlier one)."""
        from gui.matrix_view import MatrixWindow

        if self.matrix_window is not None:
            self.matrix_window.close()
        window = MatrixWindow(matrix, self.settings, self)
        window.quiet = self.quiet
        window.cellOpened.connect(self.open_matrix_cell)
        window.destroyed.connect(lambda _obj=None, w=window: self._forget_matrix(w))
        self.matrix_window = window
        window.show()
        window.raise_()
        self.status_label.setText(
            tr("一对多对照完成：%1 条基准条目，%2 份文件。")
            .replace("%1", str(len(matrix.rows)))
            .replace("%2", str(len(matrix.columns)))
        )
        self.matrixShown.emit(matrix)

    def _forget_matrix(self, window: MatrixWindow) -> None:
        if self.matrix_window is window:
            self.matrix_window = None

    def open_matrix_cell(self, column: int, section_id: str) -> None:
        """Show the matrix's comparison of one document (already computed) at a base item."""
        if self.matrix_window is None:
            return
        comparison = self.matrix_window.matrix.comparisons[column]
        self.worker.cancel()  # a comparison still running must not replace this one
        self.paths = [comparison.left.path, comparison.right.path]
        self.show_result(comparison)
        self.select_section("L", section_id)
        self.raise_()
        self.activateWindow()

    # -- export --------------------------------------------------------------------------

    def export(self, exporter: Exporter, path: str | None = None) -> None:
        """Write an export of the current result (asks for the file unless ``path`` is given)."""
        if self.comparison is None or not self.result_matches_files():
            return
        if path is None:
            start = str(
                Path(self.settings.value("export/dir", str(Path.home()), str)) / default_name(self.comparison, exporter)
            )
            path, _ = QFileDialog.getSaveFileName(self, tr(exporter.label).rstrip("…"), start, tr(exporter.file_filter))
            if not path:
                return
            if not path.lower().endswith(exporter.suffix):
                path += exporter.suffix
            self.settings.setValue("export/dir", str(Path(path).parent))
            asked = ask_export_choices(self, exporter, self.comparison, self.settings)
            if asked is None:
                return
            choices = asked
        else:
            choices = {}  # a path given by a script or test: the exporter's defaults
        comparison = self.comparison
        target = Path(path)
        try:  # refuse an input, a device, a missing folder or a name too long at once, before any work
            check_writable(target, comparison.input_paths)
        except InputError as exc:
            self._on_export_failed(exc)
            return

        def job(progress: ProgressFn, cancel: CancelFn) -> str:
            progress(0.0, tr("正在导出"))
            exporter.writer()(comparison, target, **choices)
            return str(target)

        self.status_label.setText(tr("正在导出到 %1 …").replace("%1", target.name))
        self.export_worker.submit(job)

    def _on_export_busy(self, busy: bool) -> None:
        self._update_actions()

    def _on_export_done(self, path: object) -> None:
        self.status_label.setText(tr("已导出：%1").replace("%1", str(path)))
        self.exportFinished.emit(str(path))

    def _on_export_failed(self, error: object) -> None:
        self.last_error = export_error_message(error)
        self.status_label.setText(tr("导出失败。"))
        if not self.quiet:
            QMessageBox.warning(self, tr("无法导出"), self.last_error)


def _fill(target: QMenu | QToolBar, *entries: QAction | None) -> None:
    """Add actions to a menu or tool bar in order; None adds a separator."""
    for entry in entries:
        if entry is None:
            target.addSeparator()
        else:
            target.addAction(entry)


def _match_spans(match: Match, side: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """A match's span on ``side`` and its span on the other side."""
    left = (match.left_start, match.left_end)
    right = (match.right_start, match.right_end)
    return (left, right) if side == "L" else (right, left)
