"""Every export format once, for the command line and the window alike.

An :class:`ExportFormat` says what a format is called (its ``--option`` on the command
line, its menu label and file-dialog filter in the window), what it is written from (a
comparison or a matrix), which choices it takes, and the function that writes it. Both
interfaces read their outputs from :data:`FORMATS`; neither keeps a table of its own.

The writers import their module only when called: python-docx, reportlab and openpyxl
each cost about a tenth of a second to import, which a command writing only JSON, and
a window that has not exported yet, should not pay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from core.progress import Progress

if TYPE_CHECKING:
    from datetime import datetime

    from core.export.report_options import ReportOptions
    from core.matrix_model import Matrix
    from core.result import Comparison


class Target(Enum):
    """What a format is written from."""

    COMPARISON = "comparison"  # one pair of documents (core.result.Comparison)
    MATRIX = "matrix"  # one base against many (core.matrix_model.Matrix)


class Choices(Enum):
    """The choices a format takes as keyword arguments of its writer."""

    NONE = "none"
    REPORT = "report"  # options=core.export.report_options.ReportOptions
    # author=str | None, date=datetime | None: those of every revision mark; literal_scripts=bool:
    # documents in different scripts compared as written, not in the right document's script
    REDLINE = "redline"


# (result, path, progress=None, **choices) -> None; the result is the format's Target.
Writer = Callable[..., None]


@dataclass(frozen=True)
class ExportFormat:
    """One export format and everything an interface needs to offer it."""

    key: str  # unique among all formats; names the window's menu command
    option: str  # the command line's --OPTION, unique among the formats of one target
    target: Target
    suffix: str  # the file name's ending, with its dot
    label: str  # as a menu names it (Chinese source string; the window translates it)
    file_filter: str  # for a file dialog (Chinese source string)
    name_tag: str  # ends a proposed file name, e.g. "对照表"; "" for none
    choices: Choices
    write: Writer
    in_menu: bool  # listed in the main window's export menu
    # Loads what the writer needs (its library, the report fonts) ahead of writing, for a
    # process that has the time while the comparison runs (the command line's helpers);
    # None for a format whose writer loads next to nothing.
    prepare: Callable[[], None] | None = None


def _json(result: Comparison, path: Path, progress: Progress | None = None) -> None:
    from core.export.json_report import write_json

    write_json(result, path)


def _docx_report(result: Comparison, path: Path, progress: Progress | None = None,
                 options: ReportOptions | None = None) -> None:  # fmt: skip
    from core.export.docx_report import write_docx_report

    write_docx_report(result, path, progress, options)


def _redline(result: Comparison, path: Path, progress: Progress | None = None, author: str | None = None,
             date: datetime | None = None, literal_scripts: bool = False) -> None:  # fmt: skip
    from core.export.docx_redline import write_redline

    write_redline(result, path, progress, author=author, date=date, literal_scripts=literal_scripts)


def _pdf_report(result: Comparison, path: Path, progress: Progress | None = None,
                options: ReportOptions | None = None) -> None:  # fmt: skip
    from core.export.pdf_report import write_pdf_report

    write_pdf_report(result, path, progress, options)


def _prepare_docx_report() -> None:
    import core.export.docx_report  # noqa: F401  # python-docx and the report's modules


def _prepare_redline() -> None:
    import core.export.docx_redline  # noqa: F401  # python-docx and the redline's modules
    from core import script

    # Every conversion the redline may write the left text with (``redline_conversion``): some
    # 13 ms each to load, in a helper that would otherwise wait for the comparison idle.
    script.load_every_conversion()


def _prepare_pdf_report() -> None:
    import core.export.pdf_report  # noqa: F401  # reportlab and the report's modules
    from core.export.pdf_fonts import serif_font

    serif_font()  # registers both faces: parsing them takes longer than importing reportlab


def _matrix_xlsx(result: Matrix, path: Path, progress: Progress | None = None) -> None:
    from core.export.xlsx_matrix import write_matrix_xlsx

    write_matrix_xlsx(result, path, progress)


def _matrix_json(result: Matrix, path: Path, progress: Progress | None = None) -> None:
    from core.export.json_matrix import write_matrix_json

    write_matrix_json(result, path)


JSON = ExportFormat("json", "json", Target.COMPARISON, ".json", "JSON 结果…", "JSON 文件 (*.json)", "",
                    Choices.NONE, _json, in_menu=False)  # fmt: skip
DOCX_REPORT = ExportFormat("docx_report", "docx", Target.COMPARISON, ".docx", "修改对照表（Word）…",
                           "Word 文档 (*.docx)", "对照表", Choices.REPORT, _docx_report, in_menu=True,
                           prepare=_prepare_docx_report)  # fmt: skip
REDLINE = ExportFormat("docx_redline", "redline", Target.COMPARISON, ".docx", "修订模式 Word 文档…",
                       "Word 文档 (*.docx)", "修订", Choices.REDLINE, _redline, in_menu=True,
                       prepare=_prepare_redline)  # fmt: skip
PDF_REPORT = ExportFormat("pdf_report", "pdf", Target.COMPARISON, ".pdf", "对照报告（PDF）…", "PDF 文件 (*.pdf)",
                          "对照报告", Choices.REPORT, _pdf_report, in_menu=True,
                          prepare=_prepare_pdf_report)  # fmt: skip
MATRIX_XLSX = ExportFormat("xlsx_matrix", "xlsx", Target.MATRIX, ".xlsx", "对照矩阵（Excel）…",
                           "Excel 工作簿 (*.xlsx)", "对照矩阵", Choices.NONE, _matrix_xlsx, in_menu=False)  # fmt: skip
MATRIX_JSON = ExportFormat("json_matrix", "json", Target.MATRIX, ".json", "对照矩阵 JSON…", "JSON 文件 (*.json)",
                           "对照矩阵", Choices.NONE, _matrix_json, in_menu=False)  # fmt: skip

# In the order outputs are written and listed (the command line's summary names them so).
FORMATS = (JSON, DOCX_REPORT, REDLINE, PDF_REPORT, MATRIX_XLSX, MATRIX_JSON)


def formats_for(target: Target) -> tuple[ExportFormat, ...]:
    """The formats written from ``target``, in ``FORMATS`` order."""
    return tuple(f for f in FORMATS if f.target is target)


def menu_formats() -> tuple[ExportFormat, ...]:
    """The formats the main window's export menu lists, in menu order."""
    return tuple(f for f in FORMATS if f.in_menu)
