"""The changes-only view and the notices about the whole result.

"只看改动" (a checkable action in the View menu and the tool bar, remembered in the
settings) hides the wholly unchanged sections from both outlines and the pair list
and folds each run of unchanged text in both panes into one line, e.g.
"…… 第三章至第五章 未修改（折叠）……"; a click on that line opens the run, and so does
anything that brings text inside it into view (a selected section, a find hit).
Navigation is untouched: no change stop lies inside a run (``core.verdict``).

With every result the notice bar says whether the documents are identical or have
almost nothing in common.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction

from core.result import Comparison
from core.verdict import Verdict, unchanged_sections, verdict
from gui.folds import Fold
from gui.i18n import tr
from gui.notice_bar import NoticeBar
from gui.options_store import read_bool
from gui.outline import OutlineView
from gui.pair_list import PairListPanel
from gui.text_pane import DocumentPane

SETTING = "view/changes_only"


class ChangesOnly(QObject):
    """Applies the changes-only choice and the result's verdict to the window's views."""

    def __init__(
        self,
        settings: QSettings,
        panes: tuple[DocumentPane, DocumentPane],
        outlines: tuple[OutlineView, OutlineView],
        pair_list: PairListPanel,
        notice: NoticeBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.panes = dict(zip(("L", "R"), panes, strict=True))
        self.outlines = dict(zip(("L", "R"), outlines, strict=True))
        self.pair_list = pair_list
        self.notice = notice
        self.verdict: Verdict | None = None
        self._unchanged: dict[str, frozenset[str]] = {"L": frozenset(), "R": frozenset()}
        self._opened: dict[str, set[int]] = {"L": set(), "R": set()}  # runs opened by a click
        self.action = QAction(tr("只看改动"), parent)
        self.action.setCheckable(True)
        self.action.setChecked(read_bool(settings, SETTING, False))
        self.action.setToolTip(tr("隐藏未修改的章节，并把未修改的文字折叠为一行（点击该行展开）"))
        self.action.toggled.connect(self._toggled)
        for side, pane in self.panes.items():
            pane.unfoldRequested.connect(lambda start, s=side: self.open_run(s, start))

    @property
    def enabled(self) -> bool:
        """True while only the changes are shown."""
        return self.action.isChecked()

    def set_result(self, comparison: Comparison) -> None:
        """Judge a new result and say what it amounts to; call before the panes are filled."""
        self.verdict = verdict(comparison)
        self._unchanged = {side: unchanged_sections(comparison, side) for side in ("L", "R")}
        self._opened = {"L": set(), "R": set()}
        if self.verdict.identical:
            self.notice.show_notice(tr("两份文件内容相同，没有差异"), "info")
        elif self.verdict.nothing_in_common:
            self.notice.show_notice(tr("两份文件几乎没有相同内容，请确认是否选错了文件"), "warning")
        else:
            self.notice.clear()

    def folds(self, side: str) -> list[Fold]:
        """The folds a pane shows now: every unchanged run not opened, while the view is on."""
        if not self.enabled or self.verdict is None:
            return []
        # Within its pane a run is cited under its parent's heading, so its own label suffices.
        line = tr("…… %1 未修改（折叠）……")
        return [
            Fold(run.start, run.end, line.replace("%1", run.label))
            for run in self.verdict.runs(side)
            if run.start not in self._opened[side]
        ]

    def apply(self) -> None:
        """Bring panes, outlines and the pair list in line with the choice and the result."""
        for side, pane in self.panes.items():
            pane.set_folds(self.folds(side))
        hidden = self._unchanged if self.enabled else {"L": frozenset(), "R": frozenset()}
        for side, outline in self.outlines.items():
            outline.set_hidden(hidden[side])
        self.pair_list.set_hidden(hidden["L"], hidden["R"])

    def open_run(self, side: str, start: int) -> None:
        """Unfold the run beginning at display ``start`` on one side (clicked, or brought into view)."""
        self._opened[side].add(start)
        self.panes[side].set_folds(self.folds(side))

    def _toggled(self, checked: bool) -> None:
        self.settings.setValue(SETTING, checked)
        self._opened = {"L": set(), "R": set()}  # turning the view on again folds everything
        if self.verdict is not None:
            self.apply()
