"""Every view that shows a result, filled together from one :class:`ResultIndex`.

The panes, link strip, outlines, pair list, findings, statistics and headers read the
result and its index; none of them computes anything of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget

from core.export.summary import percent
from core.result import Comparison
from gui.changes_only import ChangesOnly
from gui.findings_panel import FindingsPanel
from gui.i18n import tr
from gui.link_strip import LinkStrip
from gui.outline import OutlineView
from gui.pair_list import PairListPanel
from gui.pane_header import PaneHeader
from gui.relation_choice import VerdictLabel
from gui.result_index import ResultIndex
from gui.stats_panel import StatsPanel
from gui.sync import ScrollSync
from gui.text_pane import DocumentPane


def result_summary(comparison: Comparison) -> str:
    """The status line of a finished comparison: how much each side shares, how many changes."""
    stats = comparison.stats
    return (
        tr("比较完成：左侧 %1 的表述见于右侧，右侧 %2 的表述见于左侧；共 %3 处改动。")
        .replace("%1", percent(stats.left_shared))
        .replace("%2", percent(stats.right_shared))
        .replace("%3", str(len(comparison.changes)))
    )


@dataclass(frozen=True)
class ResultViews:
    """The views of a result, left before right wherever there are two."""

    panes: tuple[DocumentPane, DocumentPane]
    outlines: tuple[OutlineView, OutlineView]
    headers: tuple[PaneHeader, PaneHeader]
    strip: LinkStrip
    sync: ScrollSync
    pair_list: PairListPanel
    changes_only: ChangesOnly
    verdict: VerdictLabel
    findings: FindingsPanel
    stats: StatsPanel
    side_tabs: QTabWidget

    def show(self, index: ResultIndex, dark: bool) -> None:
        """Fill every view with the result of ``index``."""
        comparison, notes = index.comparison, index.notes
        self.changes_only.set_result(comparison)  # the panes are filled folded when only changes are shown
        folds = self.changes_only.folds
        left, right = self.panes
        left.set_content(comparison.left, comparison.left_highlights, dark, folds("L"))
        right.set_content(comparison.right, comparison.right_highlights, dark, folds("R"))
        self.sync.set_result(index)
        self.strip.set_result(index)
        self.outlines[0].set_document(comparison.left, index, notes)
        self.outlines[1].set_document(comparison.right, index, notes)
        self.pair_list.set_comparison(comparison, notes)
        self.changes_only.apply()
        self.verdict.show_verdict(comparison.relation)
        self.findings.set_comparison(comparison)
        self.title_findings(comparison)
        self.stats.set_comparison(comparison)
        self.name_files(comparison)

    def restyle(self, comparison: Comparison, dark: bool) -> None:
        """Re-render the highlights in light or dark colours, keeping selection and scroll."""
        with self.sync.suspended():
            self.panes[0].restyle(comparison.left, comparison.left_highlights, dark)
            self.panes[1].restyle(comparison.right, comparison.right_highlights, dark)

    def name_files(self, comparison: Comparison) -> None:
        """Name the result's documents (title and file) in the headers."""
        for header, document in zip(self.headers, (comparison.left, comparison.right), strict=True):
            header.show_file(document.path, document.title)

    def title_findings(self, comparison: Comparison | None) -> None:
        """Count the findings in their tab's title."""
        count = len(comparison.findings) if comparison is not None else 0
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.findings), tr("要点变化（%1）").replace("%1", str(count)))
