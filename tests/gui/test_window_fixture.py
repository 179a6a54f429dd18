"""The window on a hand-built result: panes, navigation, filters, find, phrase sources."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from core.kinds import Highlight, PairKind
from gui.pair_list import row_passes, rows_of


def visible(pane, offset):
    """True when the line of ``offset`` lies inside the pane's viewport."""
    y = pane.y_of(offset) - pane.scroll_value()
    return 0 <= y < pane.viewport().height()


def test_result_fills_panes_outlines_and_lists(shown, fixture_comparison):
    c = fixture_comparison
    assert shown.left_pane.toPlainText() == c.left.text
    assert shown.right_pane.toPlainText() == c.right.text
    assert shown.left_outline.section_ids() == [s.id for s in c.left.sections]
    assert shown.right_outline.section_ids() == [s.id for s in c.right.sections]
    unpaired = sum(k is None for _, k in c.coverage.left + c.coverage.right)
    assert shown.pair_list.model.rowCount() == len(c.pairs) + unpaired
    assert shown.stats.entries("L") == ["L7"]
    assert shown.stats.entries("R") == ["R7"]
    assert shown.stats.values["left_shared"].text() == f"{c.stats.left_shared * 100:.0f}%"


def test_highlights_carry_colour_and_print_cue(shown, fixture_comparison):
    pane = shown.left_pane
    cues = {
        Highlight.LEFT_ONLY: lambda f: f.fontStrikeOut(),
        Highlight.SHARED: lambda f: not f.fontStrikeOut() and not f.fontUnderline(),
        Highlight.ELSEWHERE: lambda f: f.underlineStyle() == f.UnderlineStyle.DotLine,
    }
    for span in fixture_comparison.left_highlights:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.to_qt(span.start) + 1)  # format of the character at span.start
        fmt = cursor.charFormat()
        assert fmt.background().color().isValid()
        assert cues[span.kind](fmt), span
    right = shown.right_pane
    local = next(s for s in fixture_comparison.right_highlights if s.kind is Highlight.RIGHT_ONLY)
    cursor = QTextCursor(right.document())
    cursor.setPosition(local.start + 1)
    assert cursor.charFormat().fontUnderline()


def test_pair_list_selection_scrolls_both_panes(shown, fixture_comparison, qtbot):
    table = shown.pair_list.table
    target = next(
        r
        for r in range(shown.pair_list.proxy.rowCount())
        if shown.pair_list.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2).right == "R5"
    )
    index = shown.pair_list.proxy.index(target, 0)
    table.scrollTo(index)
    shown.left_pane.scroll_to_y(0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    left = fixture_comparison.left.by_id["L5"]
    right = fixture_comparison.right.by_id["R5"]
    assert visible(shown.left_pane, left.start)
    assert visible(shown.right_pane, right.start)
    assert [(m.start, m.end) for m in shown.left_pane.marks] == [(left.start, left.end)]
    assert [(m.start, m.end) for m in shown.right_pane.marks] == [(right.start, right.end)]
    assert shown.left_outline.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "L5"


def test_outline_selection_shows_counterpart(shown, fixture_comparison, qtbot):
    outline = shown.right_outline
    shown.left_pane.scroll_to_y(0)
    item = outline._items["R6"]
    index = outline.model().indexFromItem(item)
    outline.scrollTo(index)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualRect(index).center())
    assert visible(shown.left_pane, fixture_comparison.left.by_id["L6"].start)
    assert shown.strip._selected == {i for i, p in enumerate(fixture_comparison.pairs) if p.right == "R6"}


def test_next_and_previous_change_visit_every_change_in_order(shown, fixture_comparison, qtbot):
    c = fixture_comparison
    visited = []
    for _ in c.changes:
        qtbot.keyClick(shown, Qt.Key.Key_F8)
        visited.append(c.changes[shown.change_pos])
        change = c.changes[shown.change_pos]
        if change.right is not None:
            assert visible(shown.right_pane, c.right.by_id[change.right].start)
        if change.left is not None:
            assert visible(shown.left_pane, c.left.by_id[change.left].start)
    assert visited == list(c.changes)
    qtbot.keyClick(shown, Qt.Key.Key_F8)
    assert shown.change_pos == 0  # wraps around
    backwards = []
    for _ in c.changes:
        qtbot.keyClick(shown, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
        backwards.append(c.changes[shown.change_pos])
    assert backwards == [c.changes[i] for i in (-1, -2, -3, -4, 0)][: len(c.changes)]


def test_filters_change_the_row_count(shown, fixture_comparison):
    rows = rows_of(fixture_comparison)
    expected = {
        "all": len(rows),
        "changed": sum(r.kind in (PairKind.MODIFIED, None) for r in rows),
        "unique": sum(r.kind is None for r in rows),
        "related": sum(r.kind is PairKind.RELATED for r in rows),
    }
    assert expected == {"all": 9, "changed": 5, "unique": 2, "related": 3}
    for mode, count in expected.items():
        shown.pair_list.set_filter(mode)
        assert shown.pair_list.proxy.rowCount() == count
        assert all(row_passes(r, mode) for r in shown.pair_list.visible_rows())
        assert shown.pair_list.count_label.text().startswith(f"{count} /")


def test_sorting_by_score(shown):
    shown.pair_list.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    scores = [r.score if r.score is not None else -1 for r in shown.pair_list.visible_rows()]
    assert scores == sorted(scores, reverse=True)


def test_find_highlights_hits_in_both_panes_across_scripts(shown, fixture_comparison, qtbot):
    qtbot.keyClick(shown, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert shown.find_bar.isVisible()
    shown.find_bar.field.insert("渝西城市")  # Simplified query finds the Traditional left too
    hits = shown.finder.hits()
    assert {side for side, _, _ in hits} == {"L", "R"}
    for side, start, end in hits:
        text = (fixture_comparison.left if side == "L" else fixture_comparison.right).text
        assert text[start:end] in ("渝西城市",)
    assert len(shown.left_pane.extraSelections()) == sum(h[0] == "L" for h in hits)
    assert len(shown.right_pane.extraSelections()) == sum(h[0] == "R" for h in hits)
    qtbot.keyClick(shown.find_bar.field, Qt.Key.Key_Return)
    assert shown.finder.position == 0
    qtbot.keyClick(shown.find_bar.field, Qt.Key.Key_Escape)
    assert not shown.find_bar.isVisible()
    assert shown.left_pane.extraSelections() == []


def test_find_traditional_query(shown):
    shown.find_bar.open_bar()
    shown.find_bar.field.setText("產業體系")
    sides = sorted(side for side, _, _ in shown.finder.hits())
    assert sides == ["L", "R"]


def test_clicking_a_shared_phrase_shows_its_source_elsewhere(shown, fixture_comparison, qtbot):
    c = fixture_comparison
    phrase = "筑牢长江上游生态屏障"
    offset = c.right.text.index(phrase) + 2
    pane = shown.right_pane
    pane.reveal(offset)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.to_qt(offset))
    point = pane.cursorRect(cursor).center()
    with shown.sync.suspended():  # else the right pane follows the left back to the top
        shown.left_pane.scroll_to_y(0)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    source = c.left.text.index("築牢長江上游生態屏障")
    assert [(m.start, m.end) for m in shown.left_pane.marks] == [(source, source + len(phrase))]
    assert visible(shown.left_pane, source)
    assert "（十）" in shown.status_label.text()


def test_click_outside_phrases_selects_section(shown, fixture_comparison):
    c = fixture_comparison
    offset = c.left.text.index("築牢長江") - 3  # inside (十) but not in a shared passage
    shown.navigation.on_pane_click("L", c.left.sections[3].start + 8)
    assert [(m.start, m.end) for m in shown.right_pane.marks] == [(c.right.by_id["R3"].start, c.right.by_id["R3"].end)]
    shown.navigation.on_pane_click("L", offset)
    assert "右侧未采纳" in shown.status_label.text()


def test_link_strip_draws_leaf_pairs_and_selects_on_click(shown, fixture_comparison, qtbot):
    strip = shown.strip
    drawn = {fixture_comparison.pairs[i].left for i in strip.drawn_pairs}
    assert drawn == {"L0", "L2", "L3", "L5", "L6"}  # parents with paired children are not drawn
    strip.repaint()
    assert strip._paths
    _index, path = strip._paths[0]
    with qtbot.waitSignal(strip.pairClicked) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=path.boundingRect().center().toPoint())
    assert blocker.args[0] in strip.drawn_pairs


def test_export_error_shows_message_not_exception(shown, tmp_path, qtbot):
    from dataclasses import replace

    from gui.exports import EXPORTERS

    def broken(comparison, path, progress=None):
        raise PermissionError(13, "Permission denied", str(path))

    exporter = replace(EXPORTERS[0], write=broken)
    with qtbot.waitSignal(shown.export_worker.failed, timeout=5000):
        shown.export(exporter, str(tmp_path / "out.docx"))
    assert "Word/WPS" in shown.last_error


def test_swap_and_recent_files(window, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    window.set_path(0, str(a), compare=False)
    window.set_path(1, str(b), compare=False)
    assert window.files.recent_files()[:2] == [str(b), str(a)]
    window.worker.cancel()
    window.swap_sides()
    window.worker.cancel()
    assert window.paths == [str(b), str(a)]


def test_theme_switch_restyles_without_losing_the_selection(shown, qtbot, monkeypatch):
    shown.resize(900, 420)
    qtbot.wait(20)
    shown.navigation.step_change(1)
    shown.navigation.step_change(1)
    position = shown.change_pos
    marks = shown.right_pane.marks
    scroll = (shown.left_pane.scroll_value(), shown.right_pane.scroll_value())
    assert scroll != (0, 0)
    cursor = QTextCursor(shown.left_pane.document())
    cursor.setPosition(1)
    before = cursor.charFormat().background().color()
    announced = []
    shown.resultShown.connect(announced.append)
    monkeypatch.setattr("gui.theme.is_dark", lambda: not shown.dark)
    shown.apply_theme()
    cursor = QTextCursor(shown.left_pane.document())
    cursor.setPosition(1)
    assert cursor.charFormat().background().color() != before
    assert (shown.left_pane.scroll_value(), shown.right_pane.scroll_value()) == scroll
    assert shown.right_pane.marks == marks
    assert shown.change_pos == position
    assert announced == []


def test_find_folds_the_query_like_the_result_was_compared(shown):
    from core.options import Options

    shown.prefs.options = Options(t2s=False)  # changed in the settings, result not yet recomputed
    shown.find_bar.open_bar()
    shown.find_bar.field.setText("产业体系")  # Traditional on the left
    assert {side for side, _, _ in shown.finder.hits()} == {"L", "R"}


@pytest.mark.parametrize("key", ["docx_report", "docx_redline", "pdf_report"])
def test_export_never_overwrites_an_input(window, fixture_comparison, tmp_path, key):
    from dataclasses import replace

    from gui.exports import EXPORTERS

    source = tmp_path / "右侧.txt"
    source.write_text("第一条　原文。", encoding="utf-8")
    link = tmp_path / "link.docx"
    link.symlink_to(source)
    comparison = replace(fixture_comparison, right=replace(fixture_comparison.right, path=str(source)))
    window.show_result(comparison)
    exporter = next(e for e in EXPORTERS if e.key == key)
    for target in (source, link):
        window.last_error = ""
        window.export(exporter, str(target))
        assert "输入文件" in window.last_error
    assert not window.export_worker.busy
    assert source.read_text(encoding="utf-8") == "第一条　原文。"
