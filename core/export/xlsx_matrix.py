"""The provision matrix as an Excel workbook (.xlsx), for Excel, WPS and LibreOffice.

Three sheets: 对照矩阵 (the base's items down, the other documents across, each
cell its counterparts with kind and score, filled with a light tint of the pair-kind
colour of the shared palette, then the coverage figures per document), 图例 (the
four kinds, their colours and meaning, and the coverage grades) and 说明 (files and
their relation to the base, date, options). The kind is always written in the cell
too, so colour is never the only cue. Where a document implements the base, each cell
opens with the base item's coverage grade (照搬 / 细化 / 修改 / 仅涉及 / 未见落实), the
words of the reports, and the coverage figures count the grades.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.atomic import write_atomically
from core.document import Section
from core.export.styles import PAIR_COLORS, WORKBOOK_GRID, WORKBOOK_HEADER_FILL, hex_to_rgb
from core.kinds import CellKind, CoverageGrade
from core.labels import label_of
from core.matrix_model import Cell, Matrix
from core.progress import Progress, Stage
from core.resources import version

SHEET_MATRIX, SHEET_LEGEND, SHEET_NOTES = "对照矩阵", "图例", "说明"

FONT_NAME = "等线"  # the default of Chinese Office; WPS and LibreOffice substitute their CJK sans
_TINT = 0.3  # share of the palette colour in a cell fill: light enough for black text
_FIRST_WIDTH, _DOC_WIDTH = 34, 44  # column widths, in widths of "0"
_LINE_HEIGHT = 15.0  # points per wrapped line at 10.5 pt with CJK glyphs
# Characters of a title shown before "…": base items in the first column, counterparts in
# cells (short enough that "label · 修改 0.55" stays on one line).
_TITLE_MAX, _COUNTERPART_TITLE_MAX = 40, 20

_MEANING = {
    CellKind.VERBATIM: "对应条目与基准条目相同（繁简、标点、空格和编号之外一字不差）",
    CellKind.MODIFIED: "对应条目沿用了基准条目的大部分表述，并有增删改",
    CellKind.RELATED: "对应条目涉及同一事项，但共同表述较少",
    CellKind.ABSENT: "未找到对应条目：该文件没有承接这项内容",
}

_THIN = Side(style="thin", color=WORKBOOK_GRID.lstrip("#"))
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_HEADER = WORKBOOK_HEADER_FILL.lstrip("#")  # light grey behind headings


def kind_fill(kind: CellKind) -> str:
    """The cell fill of a kind, ``"RRGGBB"``: the palette's pair-kind colour tinted towards white."""
    rgb = hex_to_rgb(PAIR_COLORS[kind.pair_kind])
    return "".join(f"{round(255 - (255 - c) * _TINT):02X}" for c in rgb)


_GRADE_MEANING = {
    CoverageGrade.COPIED: "基准条目的表述几乎原样沿用",
    CoverageGrade.ELABORATED: "由落实文件的多个条目展开落实",
    CoverageGrade.ADAPTED: "由落实文件的一个条目改写落实",
    CoverageGrade.TOUCHED: "落实文件只在其他条目中顺带涉及",
    CoverageGrade.NOT_TAKEN_UP: "落实文件中未见任何条目落实这项内容",
}


def cell_text(cell: Cell) -> str:
    """What a matrix cell says: the base item's grade where the document implements the
    base, then one line per counterpart, e.g. ``细化`` / ``（十四）深化毗邻地区合作 · 修改 0.55``."""
    lines = [f"{_label(cp.section, _COUNTERPART_TITLE_MAX)} · {label_of(CellKind.of(cp.kind))} {cp.score:.2f}"
             for cp in cell.counterparts]  # fmt: skip
    if cell.grade is not None:
        return "\n".join([label_of(cell.grade), *lines])
    return "\n".join(lines) if lines else label_of(cell.kind)


def write_matrix_xlsx(matrix: Matrix, path: str | Path, progress: Progress | None = None) -> None:
    """Write the matrix workbook to ``path`` atomically."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    _matrix_sheet(sheet, matrix, progress)
    _legend_sheet(book.create_sheet(SHEET_LEGEND))
    _notes_sheet(book.create_sheet(SHEET_NOTES), matrix)
    book.properties.title = f"对照矩阵：{matrix.base.title}"
    book.properties.creator = f"Duizhao {version()}"

    def write(temp: Path) -> None:
        book.save(temp)

    write_atomically(path, write, matrix.input_paths)
    if progress is not None:
        progress(1.0, Stage.DONE)


def _label(section: Section, limit: int = _TITLE_MAX) -> str:
    title = section.title if len(section.title) <= limit else section.title[: limit - 1] + "…"
    return f"{section.number}{title}" if section.number else title or section.id


def _font(bold: bool = False) -> Font:
    return Font(name=FONT_NAME, size=10.5, bold=bold)


def _lines(text: str, width: int) -> int:
    # Rough wrapped-line count for the row height (no application fits rows to wrapped text
    # on opening): a CJK character takes about 1.5 widths of "0" at this size, others one.
    return sum(max(1, math.ceil(sum(1.5 if ord(ch) > 0x2E7F else 1.0 for ch in line) / width))
               for line in text.split("\n"))


def _put(sheet: Worksheet, row: int, column: int, value: object, *, bold: bool = False,
         fill: str | None = None, number_format: str | None = None) -> None:
    target = sheet.cell(row=row, column=column, value=value)
    target.font = _font(bold)
    target.alignment = _WRAP_TOP
    target.border = _BORDER
    if fill:
        target.fill = PatternFill("solid", fgColor=fill)
    if number_format:
        target.number_format = number_format


def _matrix_sheet(sheet: Worksheet, matrix: Matrix, progress: Progress | None) -> None:
    sheet.title = SHEET_MATRIX
    widths = [_FIRST_WIDTH] + [_DOC_WIDTH] * len(matrix.columns)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    header = [f"基准条目\n{matrix.base.title}"] + [f"{c.title}\n（{Path(c.path).name}）" for c in matrix.columns]
    for column, text in enumerate(header, 1):
        _put(sheet, 1, column, text, bold=True, fill=_HEADER)
    sheet.row_dimensions[1].height = _LINE_HEIGHT * max(_lines(t, w) for t, w in zip(header, widths, strict=True))

    total = max(1, len(matrix.rows))
    for index, row in enumerate(matrix.rows):
        at = index + 2
        texts = [_label(row.section)] + [cell_text(cell) for cell in row.cells]
        _put(sheet, at, 1, texts[0], bold=True)
        for column, (cell, text) in enumerate(zip(row.cells, texts[1:], strict=True), 2):
            _put(sheet, at, column, text, fill=kind_fill(cell.kind))
        sheet.row_dimensions[at].height = _LINE_HEIGHT * max(
            _lines(t, w) for t, w in zip(texts, widths, strict=True))
        if progress is not None and index % 8 == 0:
            progress(0.9 * index / total, Stage.WRITE_MATRIX)

    _coverage_rows(sheet, matrix, len(matrix.rows) + 3)
    sheet.freeze_panes = "B2"
    last = get_column_letter(len(widths))
    sheet.auto_filter.ref = f"A1:{last}{len(matrix.rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:A"
    _fit_page(sheet)


def _fit_page(sheet: Worksheet) -> None:
    """Print on landscape A4, one page wide, with page numbers."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def _coverage_rows(sheet: Worksheet, matrix: Matrix, first: int) -> None:
    rows: list[tuple[str, str | None, list[object], str | None]] = [
        ("覆盖率（有对应条目的基准条目）", None, [c.covered for c in matrix.columns], "0%"),
    ]
    rows += [(f"{label_of(kind)}（条）", kind_fill(kind), [c.count(kind) for c in matrix.columns], None)
             for kind in CellKind]
    if any(column.grades for column in matrix.columns):
        rows += [(f"{label_of(grade)}（条，落实情况）", None,
                  [column.graded(grade) if column.grades else "—" for column in matrix.columns], None)
                 for grade in CoverageGrade]  # fmt: skip
    rows += [
        ("基准文件表述见于该文件的比例", None, [c.base_shared for c in matrix.columns], "0%"),
        ("该文件本地独有条目的比例", None, [c.local for c in matrix.columns], "0%"),
        ("与基准文件的关系", None, [label_of(column.relation) for column in matrix.columns], None),
    ]
    _put(sheet, first - 1, 1, f"覆盖情况（共 {len(matrix.rows)} 条基准条目）", bold=True, fill=_HEADER)
    for column in range(2, len(matrix.columns) + 2):
        _put(sheet, first - 1, column, None, fill=_HEADER)
    for offset, (label, fill, values, number_format) in enumerate(rows):
        _put(sheet, first + offset, 1, label, bold=True, fill=fill)
        for column, value in enumerate(values, 2):
            _put(sheet, first + offset, column, value, number_format=number_format)


def _legend_sheet(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 60
    for column, text in enumerate(("类别", "颜色", "含义"), 1):
        _put(sheet, 1, column, text, bold=True, fill=_HEADER)
    for row, kind in enumerate(CellKind, 2):
        _put(sheet, row, 1, label_of(kind), bold=True)
        _put(sheet, row, 2, f"#{kind_fill(kind)}", fill=kind_fill(kind))
        _put(sheet, row, 3, _MEANING[kind])
    first_grade = len(CellKind) + 2
    _put(sheet, first_grade, 1, "落实情况", bold=True, fill=_HEADER)
    _put(sheet, first_grade, 2, None, fill=_HEADER)
    _put(sheet, first_grade, 3, "落实文件对基准条目的落实程度（首行写明）", bold=True, fill=_HEADER)
    for row, grade in enumerate(CoverageGrade, first_grade + 1):
        _put(sheet, row, 1, label_of(grade), bold=True)
        _put(sheet, row, 2, None)
        _put(sheet, row, 3, _GRADE_MEANING[grade])
    notes = (
        "单元格格式：落实文件先写落实情况；再写对应条目的编号和标题 · 类别 分数，有多个对应条目时每行一个，"
        "最接近的在前，颜色按最接近的一个。",
        "分数（0–1）：两个条目共同表述所占的比例，各单元格之间可以比较。",
        "颜色取自对照的统一配色（可区分常见色觉差异），类别同时以文字写明，黑白打印也能辨认。",
    )
    for row, text in enumerate(notes, first_grade + len(CoverageGrade) + 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        target = sheet.cell(row=row, column=1, value=text)
        target.font = _font()
        target.alignment = _WRAP_TOP
        sheet.row_dimensions[row].height = _LINE_HEIGHT * _lines(text, 86)
    _fit_page(sheet)


def _notes_sheet(sheet: Worksheet, matrix: Matrix) -> None:
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 90
    options = matrix.options
    entries: list[tuple[str, str]] = [
        ("基准文件", f"{matrix.base.title}\n{matrix.base.path}"),
        *((f"对照文件 {i}", f"{c.title}\n{c.path}\n{label_of(c.relation)}") for i, c in enumerate(matrix.columns, 1)),
        ("基准条目数", str(len(matrix.rows))),
        ("生成时间", datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("相同表述最短长度", f"{options.min_shared} 字"),
        ("繁简转换", "是" if options.t2s else "否"),
        ("保留网页栏目、页码等", "是" if options.keep_boilerplate else "否"),
        ("软件版本", f"Duizhao {version()}"),
    ]
    for row, (key, value) in enumerate(entries, 1):
        _put(sheet, row, 1, key, bold=True, fill=_HEADER)
        _put(sheet, row, 2, value)
        sheet.row_dimensions[row].height = _LINE_HEIGHT * _lines(value, 90)
    _fit_page(sheet)
