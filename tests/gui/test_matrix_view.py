"""The one-base-against-many window: model, opening a pair from a cell, the workbook export."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from core.kinds import CellKind, CoverageGrade, PairKind
from core.matrix import build_matrix
from core.matrix_model import Cell
from core.resources import samples_dir
from gui import theme
from gui.matrix_view import cell_text


@pytest.fixture(scope="module")
def matrix(fixture_comparison):
    """The hand-built result as the first column, the same with another right document as the second."""
    other = replace(
        fixture_comparison,
        right=replace(fixture_comparison.right, path="/data/other_decision.txt", title="另一份实施文件"),
    )
    return build_matrix([fixture_comparison, other])


@pytest.fixture
def matrix_window(window, matrix, qtbot):
    """The main window with the matrix window open."""
    with qtbot.waitSignal(window.matrixShown, timeout=5000):
        window.matrices.show(matrix, window.quiet)
    qtbot.waitExposed(window.matrix_window)
    yield window.matrix_window
    window.matrix_window.close()


def test_model_has_a_row_per_base_leaf_and_a_column_per_document(matrix_window, matrix, fixture_comparison):
    model = matrix_window.model
    assert model.rowCount() == len(fixture_comparison.left.leaves) == len(matrix.rows)
    assert model.columnCount() == 2
    down = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert down[:2] == ["中共四川省委關於推動成渝地區雙城經濟圈建設的決定", "（一）堅持正確方向"]
    across = model.headerData(1, Qt.Orientation.Horizontal)
    assert across.startswith("另一份实施文件\nother_decision.txt")
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "未落实：1 / 6" in tip


def test_cells_name_counterpart_kind_and_score_on_the_palette(matrix_window, fixture_comparison):
    model = matrix_window.model
    row = next(r for r, item in enumerate(model.matrix.rows) if item.section.id == "L5")
    index = model.index(row, 0)
    assert index.data() == "（十四）深化毗邻地区合作 · 修改 0.48"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == theme.cell_color(PairKind.MODIFIED, theme.is_dark())
    absent = next(r for r, item in enumerate(model.matrix.rows) if item.section.id == "L7")
    assert model.index(absent, 1).data() == "未落实"
    assert model.cell(absent, 1).kind is CellKind.ABSENT
    assert model.index(absent, 1).data(Qt.ItemDataRole.BackgroundRole) == theme.cell_color(None, theme.is_dark())
    assert "（十四）深化毗邻地区合作" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_double_click_opens_that_pair_in_the_main_window(window, matrix_window, matrix, qtbot):
    table = matrix_window.table
    row = next(r for r, item in enumerate(matrix.rows) if item.section.id == "L6")
    index = matrix_window.model.index(row, 1)
    shown = []
    window.resultShown.connect(shown.append)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # a real double click presses first
    assert shown == []
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown == [matrix.comparisons[1]]  # the computed comparison itself, not a new one
    assert window.comparison is matrix.comparisons[1]
    assert not window.worker.busy
    assert window.paths == ["/data/sichuan_decision.txt", "/data/other_decision.txt"]
    assert window.right_pane.toPlainText() == matrix.comparisons[1].right.text
    assert "另一份实施文件" in window.headers[1].title.toolTip()
    assert window.left_outline.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "L6"
    assert window.right_outline.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "R6"


def test_xlsx_export_writes_the_workbook(matrix_window, matrix, tmp_path, qtbot):
    from openpyxl import load_workbook

    target = tmp_path / "matrix.xlsx"
    with qtbot.waitSignal(matrix_window.exportFinished, timeout=10000):
        matrix_window.export_xlsx(str(target))
    sheet = load_workbook(target).worksheets[0]
    firsts = [sheet.cell(row=r, column=1).value for r in range(2, len(matrix.rows) + 2)]
    assert firsts[1] == "（一）堅持正確方向"
    assert sheet.freeze_panes == "B2"
    assert list(tmp_path.iterdir()) == [target]  # written atomically: no temporary file left


def test_xlsx_export_error_is_a_message(matrix_window, tmp_path, qtbot):
    matrix_window.quiet = True
    matrix_window.export_xlsx(str(tmp_path / "missing" / "matrix.xlsx"))  # refused before any work
    assert "missing" in matrix_window.last_error
    assert "Traceback" not in matrix_window.last_error
    assert matrix_window.act_export.isEnabled()


def test_theme_switch_repaints_the_cells(window, matrix_window, monkeypatch):
    index = matrix_window.model.index(0, 0)
    before = index.data(Qt.ItemDataRole.BackgroundRole)
    monkeypatch.setattr("gui.theme.is_dark", lambda: not window.dark)
    window.apply_theme()
    assert index.data(Qt.ItemDataRole.BackgroundRole) != before


def test_menu_entry_exists(window):
    files = window.menuBar().actions()[0].menu()
    assert window.commands["matrix"] in files.actions()


# -- with the engine -------------------------------------------------------------------------


def test_matrix_run_through_the_worker_on_the_samples(window, qtbot):
    folder = samples_dir()
    base = folder / "sichuan_2020_decision_traditional.txt"
    others = [folder / "luzhou_2020_decision.txt", folder / "longmatan_2022_action_plan.txt"]
    with qtbot.waitSignal(window.matrixShown, timeout=60000) as blocker:
        window.compare.start_matrix(str(base), [str(p) for p in others])
    result = blocker.args[0]
    model = window.matrix_window.model
    assert model.rowCount() == len(result.base.leaves) > 10
    assert model.columnCount() == 2
    assert [c.path for c in result.columns] == [str(p) for p in others]
    window.matrix_window.close()


def test_matrix_input_error_is_a_message(window, qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    base = samples_dir() / "luzhou_2020_decision.txt"
    with qtbot.waitSignal(window.compareFailed, timeout=20000) as blocker:
        window.compare.start_matrix(str(base), [str(empty)])
    assert "empty.txt" in blocker.args[0]
    assert window.matrix_window is None


def test_a_cell_of_an_implementing_document_opens_with_the_grade() -> None:
    assert cell_text(Cell(CellKind.ABSENT, 0.0, (), CoverageGrade.NOT_TAKEN_UP)) == "未见落实"
    assert cell_text(Cell(CellKind.ABSENT, 0.0, (), CoverageGrade.TOUCHED)) == "仅涉及"
    assert cell_text(Cell(CellKind.ABSENT, 0.0)) == "未落实"
