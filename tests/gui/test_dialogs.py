"""Help, About, settings and drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from core.options import Options
from core.resources import version
from gui.help import GuideDialog, about_text
from gui.settings_dialog import SettingsDialog


def test_user_guide_opens_with_its_screenshots(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "省级文件对市级文件" in text
    assert "images/main_window.png" in dialog.browser.toMarkdown()


def test_about_names_the_version():
    assert version() in about_text()


def test_settings_dialog_round_trips_options(qtbot):
    dialog = SettingsDialog(Options(min_shared=12, t2s=False, keep_boilerplate=True), "en")
    qtbot.addWidget(dialog)
    assert dialog.options() == Options(min_shared=12, t2s=False, keep_boilerplate=True)
    assert dialog.chosen_language() == "en"
    dialog.min_shared.setValue(6)
    assert dialog.options().min_shared == 6


def test_changed_options_are_saved_and_trigger_a_new_comparison(window, tmp_path):
    submitted = []
    window.worker.submit = lambda job: submitted.append(job)
    window.paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    window.prefs.set_options(Options(min_shared=10))
    assert len(submitted) == 1
    assert window.settings.value("compare/min_shared") in (10, "10")


def test_dropping_one_file_puts_it_on_the_side_it_lands_on(window, tmp_path):
    opened = []
    window.set_path = lambda side, path, compare=True: opened.append((side, path))
    for name, x in (("left.txt", 10), ("right.txt", window.width() - 10)):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        event = QDropEvent(
            QPointF(x, window.height() / 2),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)
    assert opened == [(0, str(tmp_path / "left.txt")), (1, str(tmp_path / "right.txt"))]
