"""The window driving the real engine on the bundled sample pair."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.main_window import sample_pair
from gui.pair_list import ROW_ROLE

ROOT = Path(__file__).resolve().parents[2]


def compare_in(window, qtbot, left, right):
    with qtbot.waitSignal(window.resultShown, timeout=20000) as blocker:
        window.open_pair(left, right)
    return blocker.args[0]


def test_sample_pair_fills_the_window_and_links_33_to_18(window, qtbot):
    comparison = compare_in(window, qtbot, *sample_pair())
    assert window.left_pane.toPlainText() == comparison.left.text
    assert window.right_pane.toPlainText() == comparison.right.text
    assert len(window.left_outline.section_ids()) == len(comparison.left.sections) > 10
    assert len(window.right_outline.section_ids()) == len(comparison.right.sections) > 10
    assert window.pair_list.model.rowCount() >= len(comparison.pairs) > 0

    r14 = next(s for s in comparison.right.sections if "三十三" in s.number)
    l8 = next(s for s in comparison.left.sections if "十八" in s.number and "各方" in s.title)
    proxy = window.pair_list.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ROW_ROLE).right == r14.id)
    assert proxy.index(row, 0).data(ROW_ROLE).left == l8.id
    index = proxy.index(row, 0)
    window.pair_list.table.scrollTo(index)
    window.left_pane.scroll_to_y(0)
    table = window.pair_list.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    top = window.left_pane.y_of(l8.start) - window.left_pane.scroll_value()
    assert 0 <= top < window.left_pane.viewport().height()
    assert [(m.start, m.end) for m in window.left_pane.marks] == [(l8.start, l8.end)]


def test_next_change_walks_the_engine_change_list(window, qtbot):
    comparison = compare_in(window, qtbot, *sample_pair())
    assert comparison.changes
    seen = []
    for _ in comparison.changes:
        window.navigation.step_change(1)
        seen.append(window.change_pos)
    assert seen == list(range(len(comparison.changes)))


def test_newer_request_discards_older_result(window, qtbot):
    left, right = sample_pair()
    shown = []
    window.resultShown.connect(shown.append)
    window.open_pair(left, right)  # superseded at once
    with qtbot.waitSignal(window.resultShown, timeout=20000):
        window.open_pair(right, left)
    window.worker.wait_for_done(10000)
    qtbot.wait(100)
    assert len(shown) == 1
    assert Path(shown[0].left.path).name == Path(right).name


def test_cancel_stops_a_running_comparison(window, qtbot):
    shown = []
    window.resultShown.connect(shown.append)
    window.open_pair(*sample_pair())
    assert window.cancel_button.isVisibleTo(window)
    window.compare.cancel()
    assert not window.worker.busy
    assert not window.cancel_button.isVisibleTo(window)
    window.worker.wait_for_done(10000)
    qtbot.wait(100)
    assert shown == []
    assert "取消" in window.status_label.text()


@pytest.mark.parametrize("content", [None, b"\x00\x01\x02\xff" * 500, b""])
def test_unreadable_file_gives_an_error_dialog(window, qtbot, tmp_path, monkeypatch, content):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    window.quiet = False
    bad = tmp_path / "坏文件.txt"
    if content is not None:
        bad.write_bytes(content)
    with qtbot.waitSignal(window.compareFailed, timeout=20000):
        window.open_pair(str(bad), sample_pair()[1])
    assert len(shown) == 1
    _title, text = shown[0]
    assert text and "Traceback" not in text
    assert window.comparison is None


@pytest.mark.slow
def test_self_test_entry_point_exits_zero(tmp_path):
    # The app reads and saves the user's settings (QSettings()): give it its own folder, so
    # the test neither touches the real ones nor shares them with a test running beside it.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    code = "import sys; from gui.app import run; sys.exit(run([], self_test=True))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout
