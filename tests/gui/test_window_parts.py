"""The parts of the main window, each tested without a window.

Files and recent files, the comparison lifecycle (stale, cancelled and failed requests),
navigation, find, export, settings, the action table and the OK/Cancel dialog frame.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMenu, QWidget

from core.errors import Cancelled, InputError
from core.export.registry import DOCX_REPORT, ExportFormat
from core.options import Options
from core.progress import Cancel, Progress
from core.result import Comparison
from gui.actions import ActionSpec, ActionTable
from gui.comparison_controller import ComparisonController, compare_error_message
from gui.corrections import Compared, CorrectionStore
from gui.dialogs import ok_cancel_layout, run_dialog
from gui.export_controller import ExportController
from gui.files_controller import MAX_RECENT, FilesController, push_recent
from gui.find_bar import FindBar
from gui.find_controller import FindController
from gui.link_strip import LinkStrip
from gui.navigation_controller import NavigationController, NavigationViews, match_spans, step_position
from gui.options_store import read_bool, read_bytes, read_int, read_str, read_str_list
from gui.outline import OutlineView
from gui.pair_list import PairListPanel
from gui.result_index import ResultIndex
from gui.settings_controller import SettingsController
from gui.sync import ScrollSync
from gui.text_pane import DocumentPane

# -- files and recent files --------------------------------------------------------------


def test_push_recent_moves_a_path_to_the_front_once_and_keeps_the_newest() -> None:
    assert push_recent(["b", "a", "c"], "a") == ["a", "b", "c"]
    assert push_recent([], "a") == ["a"]
    many = [f"f{i}" for i in range(MAX_RECENT)]
    pushed = push_recent(many, "new")
    assert pushed[0] == "new" and len(pushed) == MAX_RECENT and many[-1] not in pushed


def test_files_remember_the_newest_first_and_the_folder(settings: QSettings, tmp_path: Path) -> None:
    files = FilesController(settings)
    changes: list[list[str | None]] = []
    files.pathsChanged.connect(lambda: changes.append(list(files.paths)))
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")
    files.set_path(0, a)
    files.set_path(1, b)
    files.set_path(0, a)  # opened again: moves to the front, not listed twice
    assert files.recent_files() == [a, b]
    assert files.start_dir(1) == b  # the side's own file first
    files.paths = [None, None]
    assert files.start_dir(0) == str(tmp_path)  # then the folder last opened from
    files.swap()
    assert changes[:3] == [[a, None], [a, b], [a, b]] and changes[-1] == [None, None]


def test_damaged_recent_files_give_an_empty_list_not_an_error(settings: QSettings) -> None:
    files = FilesController(settings)
    settings.setValue("recent/files", 42)
    assert files.recent_files() == []
    settings.setValue("recent/files", "/only/one.txt")
    assert files.recent_files() == ["/only/one.txt"]


def test_recent_menu_reports_the_chosen_file_for_its_side(settings: QSettings, qtbot: object) -> None:
    files = FilesController(settings)
    menu = QMenu()
    files.fill_recent(menu, 1)
    [empty] = menu.actions()
    assert not empty.isEnabled()  # "（无）"
    files.set_path(0, "/docs/左.txt")
    files.set_path(0, "/docs/右.txt")
    chosen: list[tuple[int, str]] = []
    files.fileChosen.connect(lambda side, path: chosen.append((side, path)))
    files.fill_recent(menu, 1)
    assert [a.text() for a in menu.actions()] == ["右.txt", "左.txt"]
    assert [a.toolTip() for a in menu.actions()] == ["/docs/右.txt", "/docs/左.txt"]
    menu.actions()[1].trigger()
    assert chosen == [(1, "/docs/左.txt")]


# -- settings read with their types ------------------------------------------------------


def test_typed_readers_fall_back_on_missing_or_damaged_values(settings: QSettings) -> None:
    settings.setValue("s", "text")
    settings.setValue("n", "12")
    settings.setValue("b", "true")
    settings.setValue("bad", "x y")
    assert read_str(settings, "s", "d") == "text" and read_str(settings, "missing", "d") == "d"
    assert read_int(settings, "n", 0) == 12 and read_int(settings, "bad", 7) == 7
    assert read_bool(settings, "b", False) is True and read_bool(settings, "bad", True) is True
    assert read_str_list(settings, "missing") == []
    assert read_bytes(settings, "missing") is None
    settings.setValue("blob", QByteArray(b"abc"))
    assert read_bytes(settings, "blob") == QByteArray(b"abc")


def test_settings_controller_names_a_replaced_value_once_and_saves_changes(settings: QSettings) -> None:
    settings.setValue("compare/min_shared", "9999")
    prefs = SettingsController(settings)
    assert prefs.options == Options()
    assert "min_shared" in prefs.note
    assert "min_shared" in prefs.take_note() and prefs.take_note() == ""
    changed: list[Options] = []
    prefs.optionsChanged.connect(changed.append)
    prefs.set_relation(prefs.options.relation)  # the same choice: nothing to do
    assert changed == []
    prefs.set_relation("revision")
    assert [o.relation for o in changed] == ["revision"]
    assert SettingsController(settings).options.relation == "revision"


# -- the comparison lifecycle ------------------------------------------------------------


def _lane(settings: QSettings) -> tuple[FilesController, ComparisonController]:
    files = FilesController(settings)
    return files, ComparisonController(files, Options, CorrectionStore(settings))


def _held(result: object, release: threading.Event) -> object:
    """A job that returns ``result`` once ``release`` is set (or fails if it never is)."""

    def job(progress: Progress, cancel: Cancel) -> object:
        if not release.wait(10):
            raise TimeoutError("never released")
        return result

    return job


def test_a_superseded_comparison_never_reaches_the_screen(settings, fixture_comparison, qtbot) -> None:
    _files, compare = _lane(settings)
    newer = replace(fixture_comparison, options=Options(min_shared=12))
    shown: list[tuple[Comparison, str]] = []
    compare.compared.connect(lambda comparison, key: shown.append((comparison, key)))
    release_old, release_new = threading.Event(), threading.Event()
    compare.submit(_held(Compared(fixture_comparison, "old"), release_old), "old")
    compare.submit(_held(Compared(newer, "new"), release_new), "new")
    release_new.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    release_old.set()  # the older job finishes late
    compare.worker.wait_for_done(5000)
    qtbot.wait(50)
    assert shown == [(newer, "new")]
    assert not compare.busy


def test_a_cancelled_comparison_reports_nothing_and_keeps_the_result_named(settings, fixture_comparison, qtbot):
    files, compare = _lane(settings)
    compare.accept(fixture_comparison, "key")
    files.set_path(1, "/elsewhere/new.txt")
    assert not compare.result_matches_files()
    said: list[str] = []
    shown: list[object] = []
    compare.status.connect(said.append)
    compare.compared.connect(lambda c, k: shown.append(c))
    release = threading.Event()
    compare.submit(_held(Compared(fixture_comparison, "late"), release), "running")
    compare.cancel()
    release.set()
    compare.worker.wait_for_done(5000)
    qtbot.wait(50)
    assert shown == []
    assert said == ["已取消比较。"]
    assert files.paths == list(fixture_comparison.input_paths) and compare.result_matches_files()


def test_a_failed_comparison_restores_the_names_and_reports_the_message(settings, fixture_comparison, qtbot):
    files, compare = _lane(settings)
    compare.accept(fixture_comparison)
    files.set_path(0, "/elsewhere/bad.txt")
    restored: list[Comparison] = []
    compare.restored.connect(restored.append)

    def failing(progress: Progress, cancel: Cancel) -> object:
        raise InputError("无法识别的文件")

    with qtbot.waitSignal(compare.failed, timeout=5000) as failed:
        compare.submit(failing, "running")
    assert failed.args == ["无法识别的文件"]
    assert restored == [fixture_comparison]
    assert files.paths == list(fixture_comparison.input_paths)


def test_start_asks_for_the_other_file_first(settings) -> None:
    files, compare = _lane(settings)
    said: list[str] = []
    compare.status.connect(said.append)
    files.set_path(0, "/docs/left.txt")
    compare.start()
    assert said == ["请再打开另一侧的文件。"] and not compare.busy


def test_compare_error_messages() -> None:
    assert compare_error_message(Cancelled()) is None
    assert compare_error_message(InputError("说明")) == "说明"
    assert compare_error_message(FileNotFoundError(2, "No such file")).startswith("无法读取文件：")


# -- export ------------------------------------------------------------------------------


def _report() -> ExportFormat:
    return DOCX_REPORT


def test_export_refuses_an_output_that_is_an_input(settings, fixture_comparison, tmp_path, qtbot) -> None:
    source = tmp_path / "右侧.txt"
    source.write_text("第一条　原文。", encoding="utf-8")
    comparison = replace(fixture_comparison, right=replace(fixture_comparison.right, path=str(source)))
    exporter = ExportController(settings, lambda: comparison)
    failed: list[str] = []
    said: list[str] = []
    exporter.failed.connect(failed.append)
    exporter.status.connect(said.append)
    exporter.export(_report(), str(source))
    assert len(failed) == 1 and "输入文件" in failed[0]
    assert said == ["导出失败。"]
    assert not exporter.busy
    assert source.read_text(encoding="utf-8") == "第一条　原文。"


def test_export_writes_off_the_gui_thread_and_reports_the_path(settings, fixture_comparison, tmp_path, qtbot) -> None:
    written: list[tuple[Comparison, Path]] = []

    def writer(comparison: Comparison, target: Path, progress: Progress | None = None) -> None:
        written.append((comparison, target))
        target.write_text("ok", encoding="utf-8")

    exporter = ExportController(settings, lambda: fixture_comparison)
    target = tmp_path / "表.docx"
    with qtbot.waitSignal(exporter.finished, timeout=5000) as finished:
        exporter.export(replace(_report(), write=writer), str(target))
    assert finished.args == [str(target)]
    assert written == [(fixture_comparison, target)]


def test_nothing_is_exported_without_an_exportable_result(settings, tmp_path) -> None:
    exporter = ExportController(settings, lambda: None)
    exporter.export(_report(), str(tmp_path / "表.docx"))
    assert not exporter.busy and not (tmp_path / "表.docx").exists()


# -- navigation and find -----------------------------------------------------------------


def test_step_position_wraps_and_starts_from_either_end() -> None:
    assert step_position(-1, 1, 5) == 0
    assert step_position(-1, -1, 5) == 4
    assert step_position(4, 1, 5) == 0
    assert step_position(0, -1, 5) == 4


def test_match_spans_puts_the_clicked_side_first(fixture_comparison) -> None:
    match = fixture_comparison.matches[0]
    here, there = match_spans(match, "R")
    assert here == (match.right_start, match.right_end) and there == (match.left_start, match.left_end)


def _panes(comparison: Comparison, index: ResultIndex) -> tuple[DocumentPane, DocumentPane]:
    left, right = DocumentPane(), DocumentPane()
    left.set_content(comparison.left, comparison.left_highlights, False, [])
    right.set_content(comparison.right, comparison.right_highlights, False, [])
    return left, right


def test_navigation_walks_the_changes_in_order_and_wraps(fixture_comparison, qtbot) -> None:
    index = ResultIndex(fixture_comparison)
    left, right = _panes(fixture_comparison, index)
    sync = ScrollSync(left, right)
    sync.set_result(index)
    status = QLabel()
    views = NavigationViews(left, right, OutlineView(), OutlineView(), LinkStrip(left, right), PairListPanel(),
                            sync, status)  # fmt: skip
    navigation = NavigationController(views, lambda: index)
    changes = fixture_comparison.changes
    seen = []
    for _ in range(len(changes) + 1):
        navigation.step_change(1)
        seen.append(navigation.change_pos)
    assert seen == [*range(len(changes)), 0]
    assert status.text().startswith(f"[1/{len(changes)}] ")
    first = changes[0]
    section = fixture_comparison.left.by_id[first.left]
    assert (left.marks[0].start, left.marks[0].end) == (section.start, section.end)
    navigation.reset()
    navigation.step_change(-1)
    assert navigation.change_pos == len(changes) - 1


def test_navigation_without_a_result_does_nothing(qtbot) -> None:
    left, right = DocumentPane(), DocumentPane()
    status = QLabel("unchanged")
    views = NavigationViews(left, right, OutlineView(), OutlineView(), LinkStrip(left, right), PairListPanel(),
                            ScrollSync(left, right), status)  # fmt: skip
    navigation = NavigationController(views, lambda: None)
    navigation.step_change(1)
    navigation.select_section("L", "L0")
    navigation.on_pane_click("L", 0)
    assert navigation.change_pos == -1 and status.text() == "unchanged"


def test_find_hits_both_sides_steps_across_them_and_clears(fixture_comparison, qtbot) -> None:
    index = ResultIndex(fixture_comparison)
    panes = _panes(fixture_comparison, index)
    bar = FindBar()
    qtbot.addWidget(bar)
    finder = FindController(bar, panes, lambda: index, lambda: False)
    finder.step(1)  # a closed bar opens first
    assert bar.isVisible() and finder.position == -1
    finder.run("渝西城市")
    hits = finder.hits()
    assert {side for side, _, _ in hits} == {"L", "R"}
    assert [side for side, _, _ in hits] == sorted(side for side, _, _ in hits)  # left first
    for _ in range(len(hits)):
        finder.step(1)
    assert finder.position == len(hits) - 1
    finder.step(1)
    assert finder.position == 0  # wraps
    finder.clear()
    assert finder.hits() == [] and finder.position == -1
    assert panes[0].extraSelections() == [] and panes[1].extraSelections() == []


# -- the action table and the dialog frame -----------------------------------------------


def test_action_table_builds_rows_and_refreshes_enabled_when(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    state = {"ready": False}
    called: list[str] = []
    table = ActionTable(owner, [
        ActionSpec("go", "Go", lambda: called.append("go"), "Ctrl+G", lambda: state["ready"]),
        ActionSpec("sync", "Sync", lambda checked: called.append(f"sync {checked}"), checked=True),
    ])  # fmt: skip
    assert table.names() == ["go", "sync"] and "go" in table
    assert table["go"].shortcut().toString() == "Ctrl+G"
    assert table["go"] in owner.actions()
    table.refresh()
    assert not table["go"].isEnabled()
    state["ready"] = True
    table.refresh()
    assert table["go"].isEnabled()
    table["go"].trigger()
    table["sync"].trigger()
    assert called == ["go", "sync False"]
    with pytest.raises(ValueError, match="duplicate"):
        table.add(ActionSpec("go", "Again", lambda: None))


def test_ok_cancel_frame_accepts_rejects_and_answers(qtbot, monkeypatch) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit("answer", dialog)
    ok_cancel_layout(dialog, field)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    assert run_dialog(dialog, field.text) == "answer"
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Rejected)
    assert run_dialog(dialog, field.text) is None
