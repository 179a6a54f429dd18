"""The main window's widgets and where they stand, built once and wired by the window.

In the middle, a column per side (its header over its pane) with the link strip between
them, their full height; the notice bar above, the find bar and the legend below. Beside
them, two docks: the outlines on the left, the pair list, findings and statistics on the
right. :class:`gui.main_window.MainWindow` connects them to the parts that do the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.find_bar import FindBar
from gui.findings_panel import FindingsPanel
from gui.i18n import tr
from gui.legend import Legend
from gui.link_strip import LinkStrip
from gui.notice_bar import NoticeBar
from gui.outline import OutlineView
from gui.pair_list import PairListPanel
from gui.pane_header import PaneHeader
from gui.stats_panel import StatsPanel
from gui.sync import ScrollSync
from gui.text_pane import DocumentPane

LayoutT = TypeVar("LayoutT", QHBoxLayout, QVBoxLayout)


@dataclass(frozen=True)
class Central:
    """The window's central area: both documents, what links them and the bars around them."""

    panes: tuple[DocumentPane, DocumentPane]
    headers: tuple[PaneHeader, PaneHeader]
    strip: LinkStrip
    sync: ScrollSync
    notice: NoticeBar
    find_bar: FindBar
    legend: Legend


@dataclass(frozen=True)
class Docks:
    """The two docks and the panels they hold."""

    outlines: tuple[OutlineView, OutlineView]
    outline_dock: QDockWidget
    pair_list: PairListPanel
    findings: FindingsPanel
    stats: StatsPanel
    side_tabs: QTabWidget
    info_dock: QDockWidget


def build_central(window: QMainWindow) -> Central:
    """Build the central area and make it the window's central widget."""
    left_pane = DocumentPane(window)
    right_pane = DocumentPane(window)
    panes = (left_pane, right_pane)
    for pane in panes:
        pane.setPlaceholderText(tr("将文件拖放到这里，或点击“打开…”"))
    strip = LinkStrip(left_pane, right_pane, window)
    sync = ScrollSync(left_pane, right_pane, window)
    headers = (PaneHeader(tr("左侧："), window), PaneHeader(tr("右侧："), window))
    columns = _flush(QHBoxLayout())
    for header, pane in zip(headers, panes, strict=True):
        column = _flush(QVBoxLayout())
        column.addWidget(header)
        column.addWidget(pane, 1)
        columns.addLayout(column, 1)
        if pane is left_pane:  # the strip stands between the two columns, their full height
            columns.addWidget(strip)
    find_bar = FindBar(window)
    find_bar.hide()
    legend = Legend(window)
    notice = NoticeBar(window)
    central = QWidget(window)
    layout = _flush(QVBoxLayout(central))
    layout.addWidget(notice)
    layout.addLayout(columns, 1)
    layout.addWidget(find_bar)
    layout.addWidget(legend)
    window.setCentralWidget(central)
    return Central(panes, headers, strip, sync, notice, find_bar, legend)


def build_docks(window: QMainWindow) -> Docks:
    """Build the outline dock (left) and the dock of pairs, findings and statistics (right)."""
    left_outline = OutlineView(window)
    right_outline = OutlineView(window)
    outlines = QSplitter(Qt.Orientation.Vertical, window)
    for caption, view in ((tr("左侧大纲"), left_outline), (tr("右侧大纲"), right_outline)):
        box = QWidget(outlines)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 0)
        box_layout.setSpacing(2)
        label = QLabel(caption, box)
        label.setStyleSheet("font-weight: bold")
        box_layout.addWidget(label)
        box_layout.addWidget(view, 1)
        outlines.addWidget(box)
    outline_dock = _dock(window, tr("大纲"), "outlineDock", outlines, Qt.DockWidgetArea.LeftDockWidgetArea)
    pair_list = PairListPanel(window)
    stats = StatsPanel(window)
    findings = FindingsPanel(window)
    side_tabs = QTabWidget(window)
    side_tabs.addTab(pair_list, tr("对应关系"))
    side_tabs.addTab(findings, "")
    side_tabs.addTab(stats, tr("统计与覆盖"))
    info_dock = _dock(window, tr("对应关系与统计"), "infoDock", side_tabs, Qt.DockWidgetArea.RightDockWidgetArea)
    window.resizeDocks([outline_dock, info_dock], [270, 400], Qt.Orientation.Horizontal)
    return Docks((left_outline, right_outline), outline_dock, pair_list, findings, stats, side_tabs, info_dock)


def _dock(window: QMainWindow, title: str, name: str, content: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # the saved window state finds the dock by this name
    dock.setWidget(content)
    window.addDockWidget(area, dock)
    return dock


def _flush(layout: LayoutT) -> LayoutT:
    """A layout without margins or spacing: the panes, strip and bars meet edge to edge."""
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    return layout
