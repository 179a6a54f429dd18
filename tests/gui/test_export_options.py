"""The export dialog: report options by relation, the redline's author and date, kept in the settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import docx
from PySide6.QtCore import QDateTime, QSettings

from core.export.provenance import account_name
from core.export.report_options import ReportOptions
from core.kinds import Relation
from core.result import Comparison, RelationVerdict
from gui.exports import EXPORTERS, ExportOptionsDialog, saved_report_options


def _exporter(key: str):  # type: ignore[no-untyped-def]
    return next(e for e in EXPORTERS if e.key == key)


def _as(comparison: Comparison, relation: Relation) -> Comparison:
    return replace(comparison, relation=RelationVerdict(relation, True, ()))


def test_report_choices_follow_the_relation_and_are_kept(fixture_comparison, settings: QSettings, qtbot) -> None:
    dialog = ExportOptionsDialog(_exporter("docx_report"), _as(fixture_comparison, Relation.REVISION), settings)
    qtbot.addWidget(dialog)
    assert set(dialog._boxes) == {"blank_notes", "bold_insertions", "shading", "comments", "landscape",
                                  "changes_only"}
    assert dialog._boxes["blank_notes"].isEnabled()
    dialog._boxes["blank_notes"].setChecked(True)
    dialog._boxes["bold_insertions"].setChecked(True)
    dialog._boxes["shading"].setChecked(False)
    chosen = dialog.choices()["options"]
    assert chosen == ReportOptions(blank_notes=True, bold_insertions=True, shading=False)
    assert saved_report_options(settings) == chosen  # offered again next time

    pdf = ExportOptionsDialog(_exporter("pdf_report"), _as(fixture_comparison, Relation.IMPLEMENTATION), settings)
    qtbot.addWidget(pdf)
    assert "comments" not in pdf._boxes  # a PDF has no Word comments
    assert not pdf._boxes["blank_notes"].isEnabled()  # the coverage column is always written
    assert pdf._boxes["bold_insertions"].isChecked()


def test_changes_only_is_offered_in_the_relation_s_words_and_kept(fixture_comparison, settings: QSettings,
                                                                   qtbot) -> None:  # fmt: skip
    dialog = ExportOptionsDialog(_exporter("pdf_report"), _as(fixture_comparison, Relation.REVISION), settings)
    qtbot.addWidget(dialog)
    box = dialog._boxes["changes_only"]
    assert box.text().startswith("只列出改动") and not box.isChecked()
    box.setChecked(True)
    assert dialog.choices()["options"] == ReportOptions(changes_only=True)
    again = ExportOptionsDialog(_exporter("docx_report"), _as(fixture_comparison, Relation.IMPLEMENTATION), settings)
    qtbot.addWidget(again)
    kept = again._boxes["changes_only"]
    assert kept.isChecked() and kept.isEnabled()  # offered again next time, for either report
    assert "照搬" in kept.text()  # an implementation leaves out the items copied from the base


def test_redline_author_and_date(fixture_comparison, settings: QSettings, qtbot) -> None:
    dialog = ExportOptionsDialog(_exporter("docx_redline"), fixture_comparison, settings)
    qtbot.addWidget(dialog)
    assert dialog.author.text() == account_name()
    assert dialog.choices()["date"] is None  # now, at export time
    dialog.author.setText("李四")
    dialog.now.setChecked(False)
    dialog.date.setDateTime(QDateTime(2026, 3, 1, 9, 30, 0))
    chosen = dialog.choices()
    assert chosen["author"] == "李四"
    assert chosen["date"].replace(tzinfo=None) == datetime(2026, 3, 1, 9, 30)
    assert settings.value("export/redline/author") == "李四"


def test_redline_literal_scripts_is_offered_across_scripts_and_kept(fixture_comparison, settings: QSettings,
                                                                     qtbot) -> None:  # fmt: skip
    dialog = ExportOptionsDialog(_exporter("docx_redline"), fixture_comparison, settings)  # Traditional → Simplified
    qtbot.addWidget(dialog)
    box = dialog.literal_scripts
    assert box.isEnabled() and not box.isChecked()
    assert dialog.choices()["literal_scripts"] is False
    box.setChecked(True)
    assert dialog.choices()["literal_scripts"] is True
    again = ExportOptionsDialog(_exporter("docx_redline"), fixture_comparison, settings)
    qtbot.addWidget(again)
    assert again.literal_scripts.isChecked()  # offered again next time
    one_script = replace(fixture_comparison, left=fixture_comparison.right)
    same = ExportOptionsDialog(_exporter("docx_redline"), one_script, settings)
    qtbot.addWidget(same)
    assert not same.literal_scripts.isEnabled()  # nothing to choose


def test_the_window_writes_with_the_chosen_options(shown, tmp_path: Path, qtbot, monkeypatch) -> None:
    chosen = ReportOptions(blank_notes=True, comments=True)
    monkeypatch.setattr("gui.export_controller.QFileDialog.getSaveFileName",
                        lambda *args: (str(tmp_path / "表.docx"), ""))  # fmt: skip
    monkeypatch.setattr("gui.export_controller.ask_export_choices", lambda *args: {"options": chosen})
    with qtbot.waitSignal(shown.exportFinished, timeout=20000):
        shown.export(_exporter("docx_report"))
    document = docx.Document(str(tmp_path / "表.docx"))
    assert list(document.comments)  # asked for
