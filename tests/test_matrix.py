"""One base against many: ``core.matrix``, the matrix workbook and ``main.py matrix``.

The province (Traditional script) against Luzhou and Longmatan: every base leaf has a
row, every cell says what the pairwise comparison says, parallel and sequential runs
agree, and the workbook and JSON carry it all.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from cli.matrix import run_matrix
from core.compare import compare
from core.errors import Cancelled, InputError
from core.export.json_matrix import SCHEMA, matrix_json
from core.export.xlsx_matrix import (
    SHEET_LEGEND,
    SHEET_MATRIX,
    SHEET_NOTES,
    cell_text,
    kind_fill,
    write_matrix_xlsx,
)
from core.kinds import CellKind, CoverageGrade
from core.labels import label_of
from core.matrix import compare_many
from core.matrix_model import Matrix
from core.options import Options
from core.progress import Stage
from core.result import Comparison

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
LUZHOU = ROOT / "docs_in" / "luzhou_2020_decision.txt"
LONGMATAN = ROOT / "docs_in" / "longmatan_2022_action_plan.txt"
OTHERS = (LUZHOU, LONGMATAN)


@pytest.fixture(scope="module")
def pairwise() -> list[Comparison]:
    return [compare(BASE, other) for other in OTHERS]


@pytest.fixture(scope="module")
def matrix() -> Matrix:
    return compare_many(BASE, OTHERS, workers=1)


# --- the matrix ----------------------------------------------------------------------------


def test_every_base_leaf_has_a_row_in_document_order(matrix: Matrix, pairwise: list[Comparison]) -> None:
    assert [row.section.id for row in matrix.rows] == [leaf.id for leaf in pairwise[0].left.leaves]
    assert len(matrix.rows) == len(pairwise[0].coverage.left) > 10
    assert all(len(row.cells) == len(OTHERS) for row in matrix.rows)
    assert [c.path for c in matrix.columns] == [str(p) for p in OTHERS]
    assert matrix.base.text == pairwise[0].left.text


def test_cells_agree_with_the_pairwise_comparisons(matrix: Matrix, pairwise: list[Comparison]) -> None:
    kinds = set()
    for row in matrix.rows:
        for cell, comparison in zip(row.cells, pairwise, strict=True):
            leaf = row.section.id
            assert cell.kind is CellKind.of(comparison.best_kind(leaf))
            assert sorted(cp.section.id for cp in cell.counterparts) == sorted(comparison.counterparts(leaf))
            for cp in cell.counterparts:
                pair = comparison.pairs[cp.pair]
                assert (pair.left, pair.right, pair.kind, pair.score) == (leaf, cp.section.id, cp.kind, cp.score)
            if cell.counterparts:
                best = cell.counterparts[0]
                assert CellKind.of(best.kind) is cell.kind and cell.score == best.score
                assert all(cp.kind.rank >= best.kind.rank for cp in cell.counterparts)
            else:
                assert cell.kind is CellKind.ABSENT and cell.score == 0.0
            kinds.add(cell.kind)
    assert {CellKind.MODIFIED, CellKind.RELATED, CellKind.ABSENT} <= kinds


def test_coverage_figures_agree_with_the_pairwise_statistics(matrix: Matrix, pairwise: list[Comparison]) -> None:
    for index, (column, comparison) in enumerate(zip(matrix.columns, pairwise, strict=True)):
        assert column.covered == comparison.stats.left_leaves_covered
        assert column.count(CellKind.ABSENT) == comparison.stats.left_unpaired
        assert sum(n for _, n in column.counts) == len(matrix.rows)
        modified = sum(1 for r in matrix.rows if r.cells[index].kind is CellKind.MODIFIED)
        assert column.count(CellKind.MODIFIED) == modified
        assert column.base_shared == comparison.stats.left_shared
        assert column.local == comparison.stats.right_leaves_local
    luzhou, longmatan = matrix.columns
    assert luzhou.covered > longmatan.covered  # the city implements the province far more closely


def test_parallel_and_sequential_runs_agree(matrix: Matrix) -> None:
    fractions: list[float] = []
    parallel = compare_many(BASE, OTHERS, workers=2, progress=lambda f, _stage: fractions.append(f))
    assert matrix_json(parallel) == matrix_json(matrix)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_progress_covers_the_whole_run() -> None:
    seen: list[tuple[float, str]] = []
    compare_many(BASE, OTHERS, workers=1, progress=lambda f, stage: seen.append((f, stage)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert any(LUZHOU.name in stage for _, stage in seen) and any(LONGMATAN.name in stage for _, stage in seen)


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_stops_the_run(workers: int) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        compare_many(BASE, OTHERS, workers=workers, cancel=cancel)


def test_unusable_input_fails_before_any_comparison(tmp_path: Path) -> None:
    stages: list[str] = []
    with pytest.raises(InputError, match=r"missing\.txt"):
        compare_many(BASE, [LUZHOU, tmp_path / "missing.txt"], progress=lambda _f, stage: stages.append(stage))
    assert stages == [Stage.READ]
    with pytest.raises(InputError):
        compare_many(BASE, [])


def test_options_reach_every_comparison() -> None:
    result = compare_many(BASE, [LUZHOU], Options(min_shared=12, t2s=False))
    assert result.options == Options(min_shared=12, t2s=False)
    assert all(c.options == result.options for c in result.comparisons)


# --- JSON ----------------------------------------------------------------------------------


def test_json_round_trips_and_describes_every_cell(matrix: Matrix) -> None:
    data = matrix_json(matrix)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["schema"] == SCHEMA == "duizhao.matrix/1"
    assert data["base"] == {"path": str(BASE), "title": matrix.base.title, "leaves": len(matrix.base.leaves),
                            "items": len(matrix.rows)}
    assert [d["path"] for d in data["documents"]] == [str(p) for p in OTHERS]
    assert len(data["rows"]) == len(matrix.rows)
    for row_json, row in zip(data["rows"], matrix.rows, strict=True):
        assert row_json["id"] == row.section.id
        assert matrix.base.text[row_json["start"]:].startswith(row.section.number + row.section.title[:4])
        for cell_json, cell in zip(row_json["cells"], row.cells, strict=True):
            assert cell_json["kind"] == cell.kind.value and cell_json["score"] == cell.score
            assert [cp["id"] for cp in cell_json["counterparts"]] == [cp.section.id for cp in cell.counterparts]
    coverage = data["documents"][0]["coverage"]
    assert set(coverage) == {"verbatim", "modified", "related", "absent", "covered", "base_shared", "local"}


# --- the workbook --------------------------------------------------------------------------


def test_workbook_opens_with_frozen_panes_fills_and_legend(matrix: Matrix, tmp_path: Path) -> None:
    target = tmp_path / "matrix.xlsx"
    steps: list[float] = []
    write_matrix_xlsx(matrix, target, progress=lambda f, _stage: steps.append(f))
    assert steps and steps[-1] == 1.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["matrix.xlsx"]  # no temporary file left
    book = load_workbook(target)
    assert book.sheetnames == [SHEET_MATRIX, SHEET_LEGEND, SHEET_NOTES]
    sheet = book[SHEET_MATRIX]
    assert sheet.freeze_panes == "B2"
    assert Path(str(sheet.cell(1, 2).value)).name.endswith(f"（{LUZHOU.name}）")
    for index, row in enumerate(matrix.rows, 2):
        assert row.section.title[:6] in str(sheet.cell(index, 1).value)
        for column, cell in enumerate(row.cells, 2):
            target_cell = sheet.cell(index, column)
            assert target_cell.value == cell_text(cell)
            assert target_cell.fill.fgColor.rgb.endswith(kind_fill(cell.kind))
            assert target_cell.alignment.wrap_text
    assert sheet.column_dimensions["A"].width > 20 and sheet.column_dimensions["B"].width > 20
    labels = [sheet.cell(r, 1).value for r in range(len(matrix.rows) + 2, sheet.max_row + 1)]
    assert any("覆盖率" in str(label) for label in labels)
    covered_row = next(r for r in range(2, sheet.max_row + 1) if "覆盖率" in str(sheet.cell(r, 1).value))
    assert sheet.cell(covered_row, 2).value == matrix.columns[0].covered
    legend = [str(c.value) for c in book[SHEET_LEGEND]["A"]]
    assert all(label_of(kind) in legend for kind in CellKind)
    notes = " ".join(str(c.value) for row in book[SHEET_NOTES].iter_rows() for c in row)
    assert str(BASE) in notes and str(LONGMATAN) in notes


def test_cell_text_names_counterpart_kind_and_score(matrix: Matrix) -> None:
    modified = next(c for r in matrix.rows for c in r.cells if c.kind is CellKind.MODIFIED)
    lines = cell_text(modified).split("\n")
    if modified.grade is not None:  # an implementing document: the grade comes first
        assert lines.pop(0) == label_of(modified.grade)
    best = modified.counterparts[0]
    assert lines[0].startswith(best.section.number) and lines[0].endswith(f" · 修改 {best.score:.2f}")
    absent = next(c for r in matrix.rows for c in r.cells if c.kind is CellKind.ABSENT)
    assert cell_text(absent) == (label_of(absent.grade) if absent.grade else "未落实")


def test_fills_are_light_tints_of_distinct_colours() -> None:
    fills = {kind_fill(kind) for kind in CellKind}
    assert len(fills) == len(CellKind)
    for fill in fills:
        assert min(int(fill[i:i + 2], 16) for i in (0, 2, 4)) >= 150  # black text stays readable


# --- the command ---------------------------------------------------------------------------


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run_matrix([str(a) for a in args], stdout=out, stderr=err), out.getvalue(), err.getvalue()


def _one_line_usage_error(code: int, stderr: str) -> None:
    assert code == 2, stderr
    assert "Traceback" not in stderr and len(stderr.strip().split("\n")) == 1


def test_command_writes_both_outputs(matrix: Matrix, tmp_path: Path) -> None:
    before = [p.read_bytes() for p in (BASE, *OTHERS)]
    code, stdout, stderr = _run([BASE, *OTHERS, "--xlsx", tmp_path / "m.xlsx", "--json", tmp_path / "m.json"])
    assert code == 0, stderr
    assert LUZHOU.name in stdout and "覆盖" in stdout
    data: dict[str, Any] = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(matrix_json(matrix), ensure_ascii=False))
    assert load_workbook(tmp_path / "m.xlsx")[SHEET_MATRIX].freeze_panes == "B2"
    assert [p.read_bytes() for p in (BASE, *OTHERS)] == before


def test_command_quiet_prints_nothing(tmp_path: Path) -> None:
    assert _run([BASE, LUZHOU, "--json", tmp_path / "m.json", "--quiet"]) == (0, "", "")


@pytest.mark.parametrize(
    "args",
    [
        ["{base}"],  # no other document
        ["{base}", "{missing}", "--xlsx", "{out}"],
        ["{binary}", "{luzhou}", "--xlsx", "{out}"],
        ["{base}", "{luzhou}", "--min-shared", "1", "--xlsx", "{out}"],
        ["{base}", "{luzhou}", "--json", "{luzhou}"],  # would overwrite an input
        ["{base}", "{luzhou}", "--json", "{out}", "--xlsx", "{out}"],
        ["{base}", "{luzhou}", "--pdf", "{out}"],  # not an output of this command
        ["{base}", "{luzhou}", "--xlsx", "{nofolder}"],
    ],
)
def test_command_bad_input_exits_2_and_writes_nothing(tmp_path: Path, args: list[str]) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    names = {"base": BASE, "luzhou": LUZHOU, "missing": tmp_path / "missing.txt", "binary": binary,
             "out": tmp_path / "out.xlsx", "nofolder": tmp_path / "no" / "out.xlsx"}
    before = LUZHOU.read_bytes()
    code, _, stderr = _run([a.format(**names) for a in args])
    _one_line_usage_error(code, stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binary.txt"]
    assert LUZHOU.read_bytes() == before


def test_main_dispatches_matrix_and_explains_it() -> None:
    proc = subprocess.run([sys.executable, "main.py", "matrix", "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and "--xlsx" in proc.stdout and "--min-shared" in proc.stdout
    usage = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                           encoding="utf-8", timeout=60)
    assert "matrix" in usage.stdout


def test_workbook_uses_the_coverage_grades_of_implementing_documents(matrix: Matrix, tmp_path: Path) -> None:
    target = tmp_path / "matrix.xlsx"
    write_matrix_xlsx(matrix, target)
    book = load_workbook(target)
    sheet = book[SHEET_MATRIX]
    graded = matrix.comparisons[0].coverage.grade_of
    assert matrix.columns[0].grades, "the province and Luzhou: an implementation with graded base items"
    first_lines = [str(sheet.cell(index, 2).value).split("\n")[0] for index in range(2, len(matrix.rows) + 2)]
    assert set(first_lines) <= {label_of(grade) for grade in CoverageGrade}
    for row, first in zip(matrix.rows, first_lines, strict=True):
        assert first == label_of(graded[row.section.id])
    labels = {str(sheet.cell(r, 1).value): r for r in range(len(matrix.rows) + 2, sheet.max_row + 1)}
    assert sheet.cell(labels["未见落实（条，落实情况）"], 2).value == sum(
        1 for g in graded.values() if g is CoverageGrade.NOT_TAKEN_UP)
    assert sheet.cell(labels["与基准文件的关系"], 2).value == "落实（上级文件 → 落实文件）"
    legend = [str(c.value) for c in book[SHEET_LEGEND]["A"]]
    assert all(label_of(grade) in legend for grade in CoverageGrade)
