"""The provision matrix speaks the words of the relation: grades where a document implements the base."""

from __future__ import annotations

from pathlib import Path

from core.compare import compare
from core.export.json_matrix import matrix_json
from core.kinds import CoverageGrade, Relation
from core.matrix import build_matrix
from core.options import Options

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
LUZHOU = ROOT / "docs_in" / "luzhou_2020_decision.txt"


def test_an_implementing_column_carries_each_base_item_s_grade() -> None:
    implementing = compare(BASE, LUZHOU)
    revising = compare(BASE, BASE, Options(relation="revision"))
    matrix = build_matrix([implementing, revising])
    grade_of = implementing.coverage.grade_of
    assert implementing.relation.relation is Relation.IMPLEMENTATION
    assert [row.cells[0].grade for row in matrix.rows] == [grade_of[row.section.id] for row in matrix.rows]
    assert all(row.cells[1].grade is None for row in matrix.rows)
    luzhou, itself = matrix.columns
    assert sum(n for _, n in luzhou.grades) == len(matrix.rows)
    assert luzhou.graded(CoverageGrade.ELABORATED) == sum(g is CoverageGrade.ELABORATED for g in grade_of.values())
    assert itself.grades == () and itself.relation is Relation.REVISION

    data = matrix_json(matrix)
    assert [d["relation"] for d in data["documents"]] == ["implementation", "revision"]
    assert data["documents"][1]["grades"] == {}
    assert {cell["grade"] for row in data["rows"] for cell in row["cells"][1:]} == {None}
    assert data["rows"][0]["cells"][0]["grade"] == grade_of[matrix.rows[0].section.id].value
