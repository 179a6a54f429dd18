"""The export menu's entries, their availability, and the export dialog's options.

Exporters live in ``core.export``; an entry whose module is not installed yet stays
disabled. The window runs the chosen exporter through its export worker, with the
choices made in :class:`ExportOptionsDialog` (kept in the settings for next time):
for the Word and PDF reports a :class:`core.export.summary.ReportOptions`, for the
redline the author and date of its revision marks.
"""

from __future__ import annotations

import importlib
import importlib.util
import traceback
from collections.abc import Callable
from dataclasses import dataclass, fields
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
from core.export.summary import ReportOptions, account_name
from core.model import Comparison, Relation
from gui.dialogs import ok_cancel_layout, run_dialog
from gui.i18n import tr
from gui.options_store import read_bool

REPORT, REDLINE = "report", "redline"  # the kinds of choices an exporter offers


@dataclass(frozen=True)
class Exporter:
    """One entry of the export menu."""

    key: str
    label: str  # Chinese source string, translated by the menu
    module: str
    function: str
    suffix: str
    file_filter: str  # Chinese source string for the file dialog
    name_tag: str = ""  # ends the proposed file name, e.g. "对照表"
    choices: str = ""  # REPORT, REDLINE or "" (none): what the export dialog asks

    def writer(self) -> Callable[..., object]:
        """The export function itself (imports its module)."""
        module = importlib.import_module(self.module)
        func: Callable[..., object] = getattr(module, self.function)
        return func


EXPORTERS = (
    Exporter(
        "docx_report",
        "修改对照表（Word）…",
        "core.export.docx_report",
        "write_docx_report",
        ".docx",
        "Word 文档 (*.docx)",
        "对照表",
        REPORT,
    ),
    Exporter(
        "docx_redline",
        "修订模式 Word 文档…",
        "core.export.docx_redline",
        "write_redline",
        ".docx",
        "Word 文档 (*.docx)",
        "修订",
        REDLINE,
    ),
    Exporter(
        "pdf_report",
        "对照报告（PDF）…",
        "core.export.pdf_report",
        "write_pdf_report",
        ".pdf",
        "PDF 文件 (*.pdf)",
        "对照报告",
        REPORT,
    ),
)


def default_name(comparison: Comparison, exporter: Exporter) -> str:
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


class ExportOptionsDialog(QDialog):
    """The choices of one export: report options, or the author and date of a redline."""

    def __init__(self, exporter: Exporter, comparison: Comparison, settings: QSettings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("导出选项"))
        self._exporter = exporter
        self._settings = settings
        self._boxes: dict[str, QCheckBox] = {}
        form = QFormLayout()
        if exporter.choices == REPORT:
            self._report_rows(form, exporter, comparison)
        elif exporter.choices == REDLINE:
            self._redline_rows(form, settings)
        ok_cancel_layout(self, form)

    def _report_rows(self, form: QFormLayout, exporter: Exporter, comparison: Comparison) -> None:
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
            if name == "comments" and exporter.key != "docx_report":
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

    def _redline_rows(self, form: QFormLayout, settings: QSettings) -> None:
        self.author = QLineEdit(str(settings.value("export/redline/author", account_name(), str)), self)
        self.author.setToolTip(tr("Word 修订记录中显示的作者"))
        self.now = QCheckBox(tr("使用导出时的时间"), self)
        self.now.setChecked(True)
        self.date = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        self.date.setEnabled(False)
        self.now.toggled.connect(lambda checked: self.date.setEnabled(not checked))
        form.addRow(tr("修订作者："), self.author)
        form.addRow(tr("修订时间："), self.date)
        form.addRow("", self.now)

    def choices(self) -> dict[str, Any]:
        """Keyword arguments for the exporter, as chosen; also kept in the settings."""
        if self._exporter.choices == REPORT:
            chosen = {name: box.isChecked() for name, box in self._boxes.items()}
            for name, value in chosen.items():
                self._settings.setValue(_REPORT_KEYS[name], value)
            options = saved_report_options(self._settings)
            return {"options": options}
        if self._exporter.choices == REDLINE:
            author = self.author.text().strip() or account_name()
            self._settings.setValue("export/redline/author", author)
            date = None if self.now.isChecked() else self.date.dateTime().toPython()
            return {"author": author, "date": date.astimezone() if isinstance(date, datetime) else None}
        return {}


def saved_report_options(settings: QSettings) -> ReportOptions:
    """The report options last chosen (the defaults where none was)."""
    default = ReportOptions()
    values = {name: read_bool(settings, key, getattr(default, name)) for name, key in _REPORT_KEYS.items()}
    return ReportOptions(**values)


def ask_export_choices(parent: QWidget | None, exporter: Exporter, comparison: Comparison,
                       settings: QSettings) -> dict[str, Any] | None:  # fmt: skip
    """Ask the export's choices (none for an exporter without any); None when cancelled."""
    if not exporter.choices:
        return {}
    dialog = ExportOptionsDialog(exporter, comparison, settings, parent)
    return run_dialog(dialog, dialog.choices)
