"""The export menu's entries and the export dialog's options.

The formats are those of ``core.export.registry``, shared with the command line; the
menu lists those marked ``in_menu``. The window runs the chosen format's writer through
its export worker, with the choices made in :class:`ExportOptionsDialog` (kept in the
settings for next time): for the Word and PDF reports a
:class:`core.export.report_options.ReportOptions`, for the redline the author and date of its
revision marks and whether documents in different scripts are compared as written.
"""

from __future__ import annotations

import traceback
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from core.errors import InputError
from core.export.provenance import account_name
from core.export.registry import DOCX_REPORT, Choices, ExportFormat, menu_formats
from core.export.report_options import ReportOptions
from core.kinds import Relation
from core.result import Comparison
from gui.dialogs import ok_cancel_layout, run_dialog
from gui.i18n import tr
from gui.options_store import read_bool

EXPORTERS = menu_formats()  # the export menu's entries, in menu order


def default_name(comparison: Comparison, exporter: ExportFormat) -> str:
    """A file name proposed for an export: both documents' names and the kind of export."""
    left = Path(comparison.left.path).stem or "left"
    right = Path(comparison.right.path).stem or "right"
    tag = f"_{exporter.name_tag}" if exporter.name_tag else ""
    return f"{left}_vs_{right}{tag}{exporter.suffix}"


def export_error_message(error: object) -> str:
    """The one-line message shown when an export failed (an internal error is also printed)."""
    if isinstance(error, PermissionError):
        return tr("无法写入文件（可能已在 Word/WPS 中打开）：%1").replace("%1", str(error.filename or error))
    if isinstance(error, (InputError, OSError)):
        return str(error)
    if isinstance(error, BaseException):
        traceback.print_exception(error)
    return tr("导出时发生内部错误：%1").replace("%1", f"{type(error).__name__}: {error}")


# Report choices as the settings keep them: field of ReportOptions -> settings key.
_REPORT_KEYS = {f.name: f"export/report/{f.name}" for f in fields(ReportOptions)}
_LITERAL_SCRIPTS_KEY = "export/redline/literal_scripts"


class ExportOptionsDialog(QDialog):
    """The choices of one export: report options, or the author, date and script comparison of a redline."""

    def __init__(self, exporter: ExportFormat, comparison: Comparison, settings: QSettings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("导出选项"))
        self._exporter = exporter
        self._settings = settings
        self._boxes: dict[str, QCheckBox] = {}
        form = QFormLayout()
        if exporter.choices is Choices.REPORT:
            self._report_rows(form, exporter, comparison)
        elif exporter.choices is Choices.REDLINE:
            self._redline_rows(form, settings, comparison)
        ok_cancel_layout(self, form)

    def _report_rows(self, form: QFormLayout, exporter: ExportFormat, comparison: Comparison) -> None:
        saved = saved_report_options(self._settings)
        revision = comparison.relation.relation is Relation.REVISION
        labels = {
            "blank_notes": tr("修改说明留空，由起草人填写"),
            "bold_insertions": tr("新增内容加粗（另有下划线）"),
            "shading": tr("显示颜色底纹（删除线、下划线始终保留）"),
            "comments": tr("为有改动的条目添加 Word 批注"),
            "landscape": tr("A4 横向（三栏较宽）"),
            "changes_only": tr("只列出改动（未修改的条目略去，在原处以一行注明）") if revision
            else tr("只列出与上级文件有差异的条目（照搬的条目略去，在原处以一行注明）"),
        }
        for name, label in labels.items():
            if name == "comments" and exporter is not DOCX_REPORT:
                continue  # a PDF has no Word comments
            box = QCheckBox(label, self)
            box.setChecked(bool(getattr(saved, name)))
            if name == "blank_notes" and not revision:
                box.setEnabled(False)  # an implementation's third column is its coverage grades
                box.setToolTip(tr("仅用于修订：落实情况一栏总是写明落实程度"))
            if name == "changes_only":
                box.setToolTip(tr("如“第三章至第五章 未修改（略去 12 条）”；概况中写明共略去多少条")
                               if revision else tr("略去照搬上级文件（表述基本照录）、没有要点变化的条目"))
            self._boxes[name] = box
            form.addRow("", box)

    def _redline_rows(self, form: QFormLayout, settings: QSettings, comparison: Comparison) -> None:
        self.author = QLineEdit(str(settings.value("export/redline/author", account_name(), str)), self)
        self.author.setToolTip(tr("Word 修订记录中显示的作者"))
        self.now = QCheckBox(tr("使用导出时的时间"), self)
        self.now.setChecked(True)
        self.date = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        self.date.setEnabled(False)
        self.now.toggled.connect(lambda checked: self.date.setEnabled(not checked))
        self.literal_scripts = QCheckBox(tr("繁简不同时按原文逐字比较"), self)
        self.literal_scripts.setChecked(read_bool(settings, _LITERAL_SCRIPTS_KEY, False))
        # imported here: the diffing it brings is not needed before the dialog opens
        from core.export.redline_build import redline_conversion

        if redline_conversion(comparison) is None:
            self.literal_scripts.setEnabled(False)  # nothing to choose: the two are in one script
            self.literal_scripts.setToolTip(tr("两份文件繁简相同，无需选择"))
        else:
            self.literal_scripts.setToolTip(tr("默认先把左侧转换为右侧的繁体或简体再比较，繁简写法不同不算修订；"
                                               "勾选后按原文比较，仅写法不同之处另记一名修订人"))
        form.addRow(tr("修订作者："), self.author)
        form.addRow(tr("修订时间："), self.date)
        form.addRow("", self.now)
        form.addRow("", self.literal_scripts)

    def choices(self) -> dict[str, Any]:
        """Keyword arguments for the exporter, as chosen; also kept in the settings."""
        if self._exporter.choices is Choices.REPORT:
            chosen = {name: box.isChecked() for name, box in self._boxes.items()}
            for name, value in chosen.items():
                self._settings.setValue(_REPORT_KEYS[name], value)
            options = saved_report_options(self._settings)
            return {"options": options}
        if self._exporter.choices is Choices.REDLINE:
            author = self.author.text().strip() or account_name()
            self._settings.setValue("export/redline/author", author)
            date = None if self.now.isChecked() else self.date.dateTime().toPython()
            literal = self.literal_scripts.isChecked()
            self._settings.setValue(_LITERAL_SCRIPTS_KEY, literal)
            return {"author": author, "date": date.astimezone() if isinstance(date, datetime) else None,
                    "literal_scripts": literal}
        return {}


def saved_report_options(settings: QSettings) -> ReportOptions:
    """The report options last chosen (the defaults where none was)."""
    default = ReportOptions()
    values = {name: read_bool(settings, key, getattr(default, name)) for name, key in _REPORT_KEYS.items()}
    return ReportOptions(**values)


def ask_export_choices(parent: QWidget | None, exporter: ExportFormat, comparison: Comparison,
                       settings: QSettings) -> dict[str, Any] | None:  # fmt: skip
    """Ask the export's choices (none for an exporter without any); None when cancelled."""
    if exporter.choices is Choices.NONE:
        return {}
    dialog = ExportOptionsDialog(exporter, comparison, settings, parent)
    return run_dialog(dialog, dialog.choices)
