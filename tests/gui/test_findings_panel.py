"""The findings panel on the hand-built result: rows, kind filter, and a click bringing both panes to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.kinds import FindingKind
from gui.findings_panel import FINDING_ROLE
from gui.i18n import tr_label


def visible(pane, offset):
    """True when the line of ``offset`` lies inside the pane's viewport."""
    y = pane.y_of(offset) - pane.scroll_value()
    return 0 <= y < pane.viewport().height()


def click_finding(window, qtbot, kind):
    """Click the row of the first finding of ``kind`` in the panel; returns that finding."""
    panel = window.findings
    window.side_tabs.setCurrentWidget(panel)
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data(FINDING_ROLE).kind is kind)
    index = panel.proxy.index(row, 2)
    panel.table.scrollTo(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center())
    return index.data(FINDING_ROLE)


@pytest.fixture
def small(shown, qtbot):
    """The window with the result, small enough that both panes scroll."""
    shown.resize(900, 420)
    qtbot.wait(20)
    for pane in shown.panes:
        assert pane.verticalScrollBar().maximum() > 0
    return shown


def test_panel_lists_every_finding_and_counts_it_in_the_tab(shown, fixture_comparison):
    findings = fixture_comparison.findings
    panel = shown.findings
    assert panel.model.rowCount() == len(findings) == 6
    assert panel.visible_findings() == list(findings)
    assert shown.side_tabs.tabText(shown.side_tabs.indexOf(panel)) == f"要点变化（{len(findings)}）"
    date = next(r for r in range(panel.model.rowCount()) if panel.model.finding_at(r).kind is FindingKind.DATE)
    texts = [panel.model.index(date, c).data() for c in range(4)]
    where = "（九）加快建設現代產業體系 → （十五）加快建设现代产业体系"
    assert texts == ["时限", "改变", "时限 2025年 → 2027年", where]
    local = next(r for r in range(panel.model.rowCount()) if panel.model.finding_at(r).left is None)
    assert panel.model.index(local, 3).data() == "— → （十六）支持县域集成改革"


def test_kind_filter_counts(shown, fixture_comparison):
    panel = shown.findings
    findings = fixture_comparison.findings
    for kind in FindingKind:
        expected = sum(f.kind is kind for f in findings)
        panel.set_filter(kind)
        assert panel.proxy.rowCount() == expected
        assert all(f.kind is kind for f in panel.visible_findings())
        assert panel.filter_box.currentText() == f"{tr_label(kind)}（{expected}）"
        assert panel.count_label.text() == f"{expected} / {len(findings)} 项"
    panel.set_filter(None)
    assert panel.proxy.rowCount() == len(findings)


def test_filter_survives_a_new_result(shown, fixture_comparison):
    shown.findings.set_filter(FindingKind.COVERAGE)
    shown.show_result(fixture_comparison)
    assert shown.findings.proxy.kind is FindingKind.COVERAGE
    assert shown.findings.proxy.rowCount() == 2


def test_sorting_by_kind(shown):
    shown.findings.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    kinds = [list(FindingKind).index(f.kind) for f in shown.findings.visible_findings()]
    assert kinds == sorted(kinds)


def test_click_brings_both_panes_to_the_finding(small, fixture_comparison, qtbot):
    c = fixture_comparison
    for pane in small.panes:
        pane.scroll_to_y(0)
    finding = click_finding(small, qtbot, FindingKind.QUANTITY)
    assert visible(small.left_pane, finding.left[0])
    assert visible(small.right_pane, finding.right[0])
    assert small.left_pane.scroll_value() > 0 and small.right_pane.scroll_value() > 0
    # The finding's wording is marked (filled), its sections outlined as on any selection.
    left_marks = [(m.start, m.end, m.filled) for m in small.left_pane.marks]
    right_marks = [(m.start, m.end, m.filled) for m in small.right_pane.marks]
    l6, r6 = c.left.by_id["L6"], c.right.by_id["R6"]
    assert left_marks == [(*finding.left, True), (l6.start, l6.end, False)]
    assert right_marks == [(*finding.right, True), (r6.start, r6.end, False)]
    assert small.strip._selected == {finding.pair}
    assert small.status_label.text() == finding.summary


def test_finding_without_right_span_shows_the_pair(small, fixture_comparison, qtbot):
    for pane in small.panes:
        pane.scroll_to_y(0)
    finding = click_finding(small, qtbot, FindingKind.DUTY)
    assert finding.right is None
    r6 = fixture_comparison.right.by_id["R6"]
    assert visible(small.left_pane, finding.left[0])
    assert visible(small.right_pane, r6.start)
    assert [(m.start, m.end, m.filled) for m in small.right_pane.marks] == [(r6.start, r6.end, False)]


def test_coverage_finding_marks_its_section_and_the_other_pane_follows(small, fixture_comparison, qtbot):
    small.findings.set_filter(FindingKind.COVERAGE)
    small.findings.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # removed before added
    for pane in small.panes:
        pane.scroll_to_y(0)
    finding = click_finding(small, qtbot, FindingKind.COVERAGE)
    assert finding.right is None and finding.pair is None
    l7 = fixture_comparison.left.by_id["L7"]
    assert finding.left == (l7.start, l7.end)
    assert visible(small.left_pane, l7.start)
    assert small.right_pane.marks == []
    assert small.right_pane.scroll_value() > 0  # placed by the alignment near where L7 would be
    assert small.left_outline.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "L7"
