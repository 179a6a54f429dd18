"""Synchronised scrolling through the alignment."""

from __future__ import annotations

import pytest

from gui.sync import ScrollMap, Segment


def test_map_interpolates_inside_and_between_segments():
    m = ScrollMap([Segment(100, 200, 1000, 1400), Segment(300, 400, 1500, 1600)])
    assert m.map(100) == 1000
    assert m.map(150) == 1200  # halfway inside the first section
    assert m.map(250) == 1450  # halfway between the two, on the other side too
    assert m.map(350) == 1550
    assert m.map(50) == 950  # before the first anchor: same pace
    assert m.map(900) == 1600  # after the last: holds


def test_map_holds_still_across_a_moved_section():
    # The second section sits above the first on the other side (re-ordered).
    m = ScrollMap([Segment(100, 200, 1000, 1400), Segment(300, 400, 200, 300)])
    assert m.map(250) == 1400
    assert m.map(350) == 250


def sync_fraction(pane):
    """Where the sync point sits in the viewport: slides from the top (0) to the bottom (1)."""
    bar = pane.verticalScrollBar()
    return bar.value() / bar.maximum() if bar.maximum() else 0.0


@pytest.mark.parametrize(("source_side", "section", "counterpart"), [("L", "L5", "R5"), ("R", "R6", "L6")])
def test_scrolling_one_pane_brings_the_counterpart_to_the_same_place(
    shown, fixture_comparison, source_side, section, counterpart, qtbot
):
    shown.resize(900, 420)
    qtbot.wait(20)
    source = shown.left_pane if source_side == "L" else shown.right_pane
    target = shown.right_pane if source_side == "L" else shown.left_pane
    assert source.verticalScrollBar().maximum() > 0, "fixture must scroll at this size"
    top, bottom = source.section_positions()[section]
    t_top, t_bottom = target.section_positions()[counterpart]
    # Put the middle of the section on the sync point (solve value + f*h = y for the value).
    bar = source.verticalScrollBar()
    y = (top + bottom) / 2
    value = y / (1 + source.viewport().height() / bar.maximum())
    bar.setValue(round(value))
    mapped = target.scroll_value() + sync_fraction(source) * target.viewport().height()
    expected = (t_top + t_bottom) / 2
    if 0 < target.verticalScrollBar().value() < target.verticalScrollBar().maximum():
        assert abs(mapped - expected) <= 0.15 * (t_bottom - t_top) + 3
    else:  # clamped at an end: the counterpart is still on screen
        visible_top = target.scroll_value()
        assert visible_top <= t_bottom and t_top <= visible_top + target.viewport().height()


def test_sync_has_no_feedback_loop_and_can_be_switched_off(shown, qtbot):
    shown.resize(900, 420)
    qtbot.wait(20)
    moves = []
    shown.left_pane.verticalScrollBar().valueChanged.connect(moves.append)
    shown.right_pane.verticalScrollBar().setValue(shown.right_pane.verticalScrollBar().maximum() // 2)
    assert len(moves) <= 1  # the left pane followed once and did not bounce back
    shown.commands["sync"].trigger()
    before = shown.left_pane.scroll_value()
    shown.right_pane.verticalScrollBar().setValue(0)
    assert shown.left_pane.scroll_value() == before


def test_positions_are_cached_until_the_width_changes(shown, qtbot):
    first = shown.left_pane.section_positions()
    assert shown.left_pane.section_positions() is first
    width = shown.left_pane.width()
    shown.info_dock.hide()  # the central panes take the room
    qtbot.waitUntil(lambda: shown.left_pane.width() != width)
    assert shown.left_pane.section_positions() is not first
