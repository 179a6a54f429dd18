"""The export menu's entries: which exporter each calls and whether it is available.

Exporters live in ``core.export``; an entry whose module is not installed yet stays
disabled. The window runs the chosen exporter through its export worker.
"""

from __future__ import annotations

import importlib
import importlib.util
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError
from core.model import Comparison
from gui.i18n import tr


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

    def available(self) -> bool:
        """True when the exporter's module can be found."""
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False

    def writer(self) -> Callable[[Comparison, Path], object]:
        """The export function itself (imports its module)."""
        module = importlib.import_module(self.module)
        func: Callable[[Comparison, Path], object] = getattr(module, self.function)
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
    ),
    Exporter(
        "docx_redline",
        "修订模式 Word 文档…",
        "core.export.docx_redline",
        "write_redline",
        ".docx",
        "Word 文档 (*.docx)",
        "修订",
    ),
    Exporter(
        "pdf_report",
        "对照报告（PDF）…",
        "core.export.pdf_report",
        "write_pdf_report",
        ".pdf",
        "PDF 文件 (*.pdf)",
        "对照报告",
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
    if isinstance(error, ImportError):
        return tr("此导出功能尚不可用。")
    if isinstance(error, BaseException):
        traceback.print_exception(error)
    return tr("导出时发生内部错误：%1").replace("%1", f"{type(error).__name__}: {error}")
