"""The provision matrix speaks the words of the relation: grades where a document implements the base."""

from __future__ import annotations

from pathlib import Path

from core.base_items import counted_items, section_grade
from core.compare import compare
from core.export.json_matrix import matrix_json
from core.kinds import CellKind, CoverageGrade, Relation
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


def test_a_law_s_matrix_has_a_row_per_article_with_the_grade_of_the_reports() -> None:
    """邮政法 has 87 articles and 147 paragraphs and points: an implementing 办法 is paired with
    articles whole, so a paragraph row would show no counterpart beside a grade of 修改."""
    postal = ROOT / "tests" / "data" / "implementation" / "postal_shanghai"
    implementing = compare(postal / "base.txt", postal / "implementation.txt")
    matrix = build_matrix([implementing])
    base = implementing.left
    assert [row.section.id for row in matrix.rows] == [item.id for item in counted_items(base)]
    assert [row.section.number for row in matrix.rows][:3] == ["第一条", "第二条", "第三条"]
    assert len(matrix.rows) < len(base.leaves)
    taken_up = {CoverageGrade.COPIED, CoverageGrade.ADAPTED, CoverageGrade.ELABORATED}
    for row in matrix.rows:
        cell = row.cells[0]
        assert cell.grade is section_grade(base, row.section, implementing.coverage.grade_of)
        if cell.grade in taken_up:
            assert cell.counterparts, row.section.number
    assert matrix_json(matrix)["base"]["leaves"] == len(base.leaves)


def test_a_revision_beside_an_implementing_document_is_read_by_articles_too() -> None:
    """Rows of articles in a matrix mixing a revision with an implementing document: the revision
    pairs each article whole, so its cells say what its paragraphs' cells would."""
    postal = ROOT / "tests" / "data" / "implementation" / "postal_shanghai"
    implementing = compare(postal / "base.txt", postal / "implementation.txt")
    revising = compare(postal / "base.txt", postal / "base.txt", Options(relation="revision"))
    matrix = build_matrix([implementing, revising])
    assert all(row.cells[1].kind is CellKind.VERBATIM for row in matrix.rows)
