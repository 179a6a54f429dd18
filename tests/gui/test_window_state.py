"""The window always shows one comparison under its own names, and opens whatever the settings hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.options import MIN_SHARED_RANGE, Options
from gui.main_window import MainWindow, sample_pair
from gui.settings_dialog import SettingsDialog


def export_enabled(window) -> bool:
    return any(action.isEnabled() for action in window.export_actions.values())


def test_a_failed_open_keeps_the_previous_result_under_its_own_names(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.resultShown, timeout=30000) as shown:
        window.open_pair(*sample_pair())
    before = shown.args[0]
    rows = window.pair_list.model.rowCount()
    left_text = window.left_pane.toPlainText()
    bad = tmp_path / "坏文件.txt"
    bad.write_bytes(b"")

    with qtbot.waitSignal(window.compareFailed, timeout=30000):
        window.set_path(1, str(bad))
        # While the new pair is compared, nothing on screen belongs to the named files.
        assert not window.compare.result_matches_files()
        assert not export_enabled(window)
    assert window.comparison is before
    assert window.paths == [before.left.path, before.right.path]
    assert Path(before.right.path).name in window.headers[1].title.toolTip()
    assert bad.name not in window.headers[1].title.text()
    assert window.left_pane.toPlainText() == left_text
    assert window.pair_list.model.rowCount() == rows
    assert window.compare.result_matches_files() and export_enabled(window)


def test_a_failed_first_open_leaves_an_empty_window_without_exports(window, qtbot, tmp_path):
    bad = tmp_path / "空.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.compareFailed, timeout=30000):
        window.open_pair(str(bad), sample_pair()[1])
    assert window.comparison is None
    assert window.left_pane.toPlainText() == "" and window.pair_list.model.rowCount() == 0
    assert window.left_outline.section_ids() == []
    assert not export_enabled(window)


def test_export_refuses_a_result_that_is_not_of_the_named_files(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.resultShown, timeout=30000):
        window.open_pair(*sample_pair())
    window.worker.cancel()
    window.paths[1] = str(tmp_path / "other.txt")  # as while a newer pair is being compared
    target = tmp_path / "report.json"
    from gui.exports import EXPORTERS

    window.export(EXPORTERS[0], str(target))
    window.export_worker.wait_for_done(10000)
    assert not target.exists()


@pytest.mark.parametrize(
    "stored",
    [
        {"min_shared": "abc"},
        {"min_shared": "9999"},
        {"min_shared": "-3", "relation": "xyz"},
        {"t2s": "perhaps", "keep_boilerplate": "[]"},
    ],
)
def test_corrupt_settings_do_not_stop_the_window(qtbot, tmp_path, stored):
    path = tmp_path / "bad.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in stored.items():
        settings.setValue(f"compare/{key}", value)
    settings.sync()
    window = MainWindow(QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.options == Options()
    assert "无效" in window.status_label.text()
    for key in stored:
        assert key in window.status_label.text()
    assert window.relation_combo.choice() == "auto"


def test_good_settings_load_without_a_note(qtbot, settings):
    settings.setValue("compare/min_shared", "12")
    settings.setValue("compare/relation", "implementation")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.options == Options(min_shared=12, relation="implementation")
    assert window.relation_combo.choice() == "implementation"
    assert "无效" not in window.status_label.text()


def test_settings_dialog_offers_the_relation_and_the_cli_range(qtbot):
    given = Options(min_shared=30, relation="implementation")
    dialog = SettingsDialog(given, "zh")
    qtbot.addWidget(dialog)
    assert (dialog.min_shared.minimum(), dialog.min_shared.maximum()) == MIN_SHARED_RANGE
    assert dialog.relation.choice() == "implementation"
    dialog.relation.set_choice("revision")
    assert dialog.options() == Options(min_shared=30, relation="revision")


def test_the_note_on_a_bad_setting_outlives_the_first_comparison(qtbot, settings):
    settings.setValue("compare/min_shared", "abc")
    window = MainWindow(settings)
    window.quiet = True
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.resultShown, timeout=30000):
        window.open_pair(*sample_pair())
    assert "比较完成" in window.status_label.text() and "min_shared" in window.status_label.text()
    with qtbot.waitSignal(window.resultShown, timeout=30000):
        window.start_compare()
    assert "min_shared" not in window.status_label.text()
    window.worker.wait_for_done(10000)
