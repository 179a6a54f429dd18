"""The main window's command table, menus and tool bar.

Each command is one :class:`gui.actions.ActionSpec` row; the menus and the tool bar
then name the commands they show. Handlers are the window's parts (files, comparison,
navigation, find, export, settings), reached through the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from gui.actions import ActionSpec, ActionTable, fill
from gui.exports import EXPORTERS
from gui.files_controller import sample_pair
from gui.help import GuideDialog, show_about
from gui.i18n import tr
from gui.relation_choice import RelationCombo

if TYPE_CHECKING:
    from gui.main_window import MainWindow

Key = QKeySequence.StandardKey


def export_action_name(key: str) -> str:
    """The action-table name of an exporter's menu entry."""
    return f"export_{key}"


def action_table(w: MainWindow) -> list[ActionSpec]:
    """Every command of the main window (the changes-only toggle is its own part's action)."""

    def has_result() -> bool:
        return w.comparison is not None

    def exportable() -> bool:
        # An export names the files it compares: only the result of the files named may be exported.
        return w.compare.result_matches_files() and not w.exporter.busy

    nav, find = w.navigation, w.finder
    rows = [
        ActionSpec("open_left", tr("打开左侧文件…"), lambda: w.files.ask_open(0, w), Key.Open),
        ActionSpec("open_right", tr("打开右侧文件…"), lambda: w.files.ask_open(1, w), "Ctrl+Shift+O"),
        ActionSpec("sample", tr("打开示例文件"), lambda: w.open_pair(*sample_pair())),
        ActionSpec("matrix", tr("一对多对照…"), lambda: _open_matrix(w)),
        ActionSpec("swap", tr("交换左右"), w.swap_sides, "Ctrl+Shift+X", lambda: any(w.files.paths)),
        ActionSpec("compare", tr("重新比较"), w.start_compare, Key.Refresh),
        ActionSpec("cancel", tr("取消比较"), w.compare.cancel, None, lambda: w.compare.busy),
        ActionSpec("quit", tr("退出"), w.close, Key.Quit),
        ActionSpec("copy", tr("复制"), lambda: _copy(w)),
        ActionSpec("find", tr("查找…"), w.find_bar.open_bar, Key.Find),
        ActionSpec("find_next", tr("查找下一个"), lambda: find.step(1), Key.FindNext, has_result),
        ActionSpec("find_prev", tr("查找上一个"), lambda: find.step(-1), Key.FindPrevious, has_result),
        ActionSpec("settings", tr("设置…"), lambda: w.prefs.edit(w), Key.Preferences),
        ActionSpec("next", tr("下一处改动"), lambda: nav.step_change(1), "F8", has_result),
        ActionSpec("prev", tr("上一处改动"), lambda: nav.step_change(-1), "Shift+F8", has_result),
        ActionSpec("sync", tr("同步滚动"), lambda checked: _set_sync(w, checked), checked=True),
        ActionSpec("zoom_in", tr("放大文字"), lambda: _zoom(w, 1), Key.ZoomIn),
        ActionSpec("zoom_out", tr("缩小文字"), lambda: _zoom(w, -1), Key.ZoomOut),
        ActionSpec("guide", tr("使用说明"), lambda: GuideDialog(w).show(), Key.HelpContents),
        ActionSpec("about", tr("关于对照"), lambda: show_about(w)),
    ]
    rows += [
        ActionSpec(export_action_name(e.key), tr(e.label), lambda _c=False, e=e: w.export(e), None, exportable)
        for e in EXPORTERS
    ]
    return rows


def _open_matrix(w: MainWindow) -> None:
    """Ask for a base file and the files to set against it, then build the matrix."""
    chosen = w.files.ask_matrix(w)
    if chosen is not None:
        w.compare.start_matrix(*chosen)


def _copy(w: MainWindow) -> None:
    """Copy the selected text of the focused pane."""
    pane = w.right_pane if w.right_pane.hasFocus() else w.left_pane
    pane.copy()


def _set_sync(w: MainWindow, checked: bool) -> None:
    """Scroll the two panes together, or each on its own."""
    w.sync.enabled = checked


def _zoom(w: MainWindow, step: int) -> None:
    """Make the text of both panes larger (step > 0) or smaller."""
    for pane in w.panes:
        if step > 0:
            pane.zoomIn(1)
        else:
            pane.zoomOut(1)


@dataclass(frozen=True)
class Menus:
    """The menus the window fills or refreshes later."""

    recent: tuple[QMenu, QMenu]  # left, right
    export: QMenu


def build_menus(w: MainWindow, table: ActionTable) -> Menus:
    """The menu bar: File, Edit, View, Export and Help."""
    a = table.__getitem__
    bar = w.menuBar()
    recent = (QMenu(tr("最近打开（左侧）"), w), QMenu(tr("最近打开（右侧）"), w))
    for side, menu in enumerate(recent):
        menu.aboutToShow.connect(lambda s=side, m=menu: w.files.fill_recent(m, s))
    fill(bar.addMenu(tr("文件(&F)")), a("open_left"), a("open_right"), *(m.menuAction() for m in recent),
         a("sample"), None, a("matrix"), None, a("swap"), a("compare"), a("cancel"), None, a("quit"))  # fmt: skip
    fill(bar.addMenu(tr("编辑(&E)")), a("copy"), None, a("find"), a("find_next"), a("find_prev"), None, a("settings"))
    fill(bar.addMenu(tr("视图(&V)")), a("next"), a("prev"), w.act_changes_only, None, a("sync"), a("zoom_in"),
         a("zoom_out"), None, w.outline_dock.toggleViewAction(), w.info_dock.toggleViewAction())  # fmt: skip
    export = bar.addMenu(tr("导出(&X)"))
    export.setToolTipsVisible(True)
    export.aboutToShow.connect(table.refresh)
    fill(export, *(a(export_action_name(e.key)) for e in EXPORTERS))
    fill(bar.addMenu(tr("帮助(&H)")), a("guide"), None, a("about"))
    return Menus(recent, export)


def build_toolbar(w: MainWindow, table: ActionTable, export_menu: QMenu) -> RelationCombo:
    """The tool bar; returns its relation choice, which follows the options."""
    a = table.__getitem__
    bar = w.addToolBar(tr("工具栏"))
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    entries: list[QAction | None] = [a("open_left"), a("open_right"), a("swap"), a("compare"), None, a("prev"),
                                     a("next"), w.act_changes_only, a("find"), None]  # fmt: skip
    fill(bar, *entries)
    bar.addWidget(QLabel(tr("关系："), w))
    relation = RelationCombo(w.prefs.options.relation, w)
    relation.choiceChanged.connect(w.prefs.set_relation)
    bar.addWidget(relation)
    fill(bar, None, a("settings"))
    export_button = QToolButton(w)
    export_button.setText(tr("导出"))
    export_button.setMenu(export_menu)
    export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    bar.addWidget(export_button)
    return relation
