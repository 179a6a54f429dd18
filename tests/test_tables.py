"""Tables and 专栏 boxes are compared row by row and cell by cell.

A plan's indicator box (专栏1 主要指标: 指标 | 2020年 | 2025年 | 属性) arrives one row per
line, cells separated by a tab (a Word table, a web table copied as text) or a bar. Each
row is a leaf of the outline, so rows pair one to one: an unchanged row is ``same``, a row
with one changed cell is ``modified`` with only that cell's value marked, and a row
inserted or deleted stands alone as a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from docx import Document as WordDocument

from core.compare import compare, compare_texts
from core.document import Section
from core.kinds import Direction, FindingKind, Highlight, PairKind
from core.options import Options
from core.result import Comparison

HEADER = ("指标", "2020年", "2025年", "属性")
INDICATORS = (
    ("地区生产总值年均增长", "7.5%", "7%", "预期性"),
    ("常住人口城镇化率", "30%", "35%", "预期性"),
    ("森林覆盖率", "60%", "62%", "约束性"),
    ("研发经费投入增长", "8%", "10%", "预期性"),
)
PROJECTS = (
    ("项目名称", "建设内容", "建设年限"),
    ("长江港口扩能工程", "新建集装箱泊位4个", "2021—2024年"),
    ("沿江快速通道", "新建城市快速路12公里", "2022—2025年"),
)

BEFORE = (
    "江阳区国民经济和社会发展第十四个五年规划纲要",
    "第一章　发展目标",
    "到2025年，全区经济实力明显增强，城乡面貌焕然一新，人民生活持续改善，生态环境质量稳步提升。",
)
MIDDLE = (
    "第二章　重点任务",
    "一、推动产业升级",
    "加快发展先进制造业，培育壮大战略性新兴产业集群，推动现代服务业提质增效，建设现代产业体系。",
    "二、建设开放通道",
    "加快推进港口、铁路和高速公路建设，完善综合交通网络，提升区域交通枢纽地位。",
)
AFTER = ("第三章　保障措施", "加强组织领导，健全规划实施机制，强化监测评估，确保各项目标任务落到实处。")


def plan(rows: Sequence[Sequence[str]], separator: str = "\t") -> str:
    """A plan with an indicator box (``rows`` under the header) and a project box."""
    indicator_box = ["专栏1　主要指标", *(separator.join(row) for row in (HEADER, *rows))]
    project_box = ["专栏2　重大项目", *(separator.join(row) for row in PROJECTS)]
    return "\n".join([*BEFORE, *indicator_box, *MIDDLE, *project_box, *AFTER])


def changed_rows() -> list[tuple[str, ...]]:
    """The indicators with 常住人口城镇化率's 2025 target raised from 35% to 40%."""
    return [("常住人口城镇化率", "30%", "40%", "预期性") if row[0] == "常住人口城镇化率" else row
            for row in INDICATORS]


def row_section(doc_sections: Sequence[Section], text: str, first_cell: str) -> Section:
    """The row leaf whose first cell is ``first_cell``."""
    found = [s for s in doc_sections if s.role == "row" and text[s.start:s.end].startswith(first_cell)]
    assert len(found) == 1, [text[s.start:s.end] for s in found]
    return found[0]


def marked(spans: Sequence[object], text: str) -> set[int]:
    """Offsets of the characters marked as deleted/inserted or found elsewhere (not shared)."""
    return {
        i for span in spans if span.kind is not Highlight.SHARED  # type: ignore[attr-defined]
        for i in range(span.start, span.end)  # type: ignore[attr-defined]
    }


def offsets_of(text: str, needle: str, within: Section) -> set[int]:
    """Offsets of the one occurrence of ``needle`` inside section ``within``."""
    at = text.find(needle, within.start, within.end)
    assert at >= 0 and text.find(needle, at + 1, within.end) < 0
    return set(range(at, at + len(needle)))


def pair_of(result: Comparison, section: Section) -> list[tuple[str, str, PairKind]]:
    return [(p.left, p.right, p.kind) for p in result.pairs if section.id in (p.left, p.right)]


def row_findings(result: Comparison, *sections: Section) -> list[str]:
    """Coverage findings (未落实/本地新增, 删除/新增) that touch any of ``sections``."""
    out = []
    for f in result.findings:
        if f.kind is not FindingKind.COVERAGE:
            continue
        for s in sections:
            side = f.left if s.id.startswith("L") else f.right
            if side is not None and side[0] < s.end and s.start < side[1]:
                out.append(f.summary)
    return out


def check_one_changed_cell(result: Comparison) -> None:
    left, right = result.left, result.right
    lrow = row_section(left.sections, left.text, "常住人口城镇化率")
    rrow = row_section(right.sections, right.text, "常住人口城镇化率")
    assert pair_of(result, lrow) == [(lrow.id, rrow.id, PairKind.MODIFIED)]
    # Exactly the changed cell's value is marked, on both sides; no other character anywhere.
    assert marked(result.left_highlights, left.text) == offsets_of(left.text, "35%", lrow)
    assert marked(result.right_highlights, right.text) == offsets_of(right.text, "40%", rrow)
    # Every other row pairs with its own counterpart, unchanged.
    for first in ("指标", "地区生产总值年均增长", "森林覆盖率", "研发经费投入增长", "项目名称", "长江港口扩能工程"):
        ls, rs = row_section(left.sections, left.text, first), row_section(right.sections, right.text, first)
        assert pair_of(result, ls) == [(ls.id, rs.id, PairKind.SAME)], first
    assert row_findings(result, lrow, rrow) == []
    values = [(f.before, f.after) for f in result.findings if f.kind is FindingKind.QUANTITY]
    assert values == [("35%", "40%")]
    finding = next(f for f in result.findings if f.kind is FindingKind.QUANTITY)
    assert finding.direction is Direction.CHANGED
    assert finding.left is not None and left.text[slice(*finding.left)] == "35%"
    assert finding.right is not None and right.text[slice(*finding.right)] == "40%"


@pytest.mark.parametrize("separator", ["\t", " | ", "｜"], ids=["tab", "bar", "full-width-bar"])
def test_one_changed_cell_is_marked_within_the_cell(separator: str) -> None:
    result = compare_texts(plan(INDICATORS, separator), plan(changed_rows(), separator))
    assert result.left.text.count("\n") == plan(INDICATORS, separator).count("\n")  # rows stay lines
    check_one_changed_cell(result)


@pytest.mark.parametrize("relation", ["revision", "implementation"])
def test_rows_pair_one_to_one_whatever_the_relation(relation: str) -> None:
    # An implementing plan's box (the city's indicators against the province's) pairs row
    # by row too: each row is an item of its own, not folded into its box.
    result = compare_texts(plan(INDICATORS), plan(changed_rows()), Options(relation=relation))
    assert result.relation.relation.value == relation
    check_one_changed_cell(result)


@pytest.mark.parametrize("relation", ["revision", "implementation"])
def test_deleted_and_inserted_rows_whatever_the_relation(relation: str) -> None:
    new = ("单位地区生产总值能耗降低", "—", "14%", "约束性")
    right_rows = [row for row in INDICATORS if row[0] != "森林覆盖率"] + [new]
    result = compare_texts(plan(INDICATORS), plan(right_rows), Options(relation=relation))
    deleted = row_section(result.left.sections, result.left.text, "森林覆盖率")
    inserted = row_section(result.right.sections, result.right.text, "单位地区生产总值能耗降低")
    assert pair_of(result, deleted) == [] and pair_of(result, inserted) == []
    assert len(row_findings(result, deleted)) == 1 and len(row_findings(result, inserted)) == 1


def test_rows_are_leaves_of_their_box() -> None:
    result = compare_texts(plan(INDICATORS), plan(INDICATORS))
    doc = result.left
    box = next(s for s in doc.sections if s.role == "box" and s.title == "主要指标")
    rows = [doc.by_id[c] for c in box.children]
    assert [r.role for r in rows] == ["row"] * 5
    assert [r.title for r in rows] == ["指标", *(row[0] for row in INDICATORS)]
    assert [doc.text[r.start:r.end] for r in rows] == ["\t".join(row) for row in (HEADER, *INDICATORS)]
    assert all(p.kind is PairKind.SAME for p in result.pairs)
    assert all(h.kind is Highlight.SHARED for h in (*result.left_highlights, *result.right_highlights))


def test_a_deleted_and_an_inserted_row_stand_alone() -> None:
    new = ("单位地区生产总值能耗降低", "—", "14%", "约束性")
    right_rows = [row for row in INDICATORS if row[0] != "森林覆盖率"]
    right_rows.insert(2, new)
    result = compare_texts(plan(INDICATORS), plan(right_rows))
    left, right = result.left, result.right
    deleted = row_section(left.sections, left.text, "森林覆盖率")
    inserted = row_section(right.sections, right.text, "单位地区生产总值能耗降低")
    assert pair_of(result, deleted) == []
    assert pair_of(result, inserted) == []
    # The row is marked whole as a row (its cells, not the tabs between them), nothing else.
    assert marked(result.left_highlights, left.text) == {
        i for i in range(deleted.start, deleted.end) if left.text[i] != "\t"}
    assert marked(result.right_highlights, right.text) == {
        i for i in range(inserted.start, inserted.end) if right.text[i] != "\t"}
    for first in ("指标", "地区生产总值年均增长", "常住人口城镇化率", "研发经费投入增长"):
        ls, rs = row_section(left.sections, left.text, first), row_section(right.sections, right.text, first)
        assert pair_of(result, ls) == [(ls.id, rs.id, PairKind.SAME)], first
    # Row-level coverage: the deleted row and the inserted row, each reported once.
    assert len(row_findings(result, deleted)) == 1 and len(row_findings(result, inserted)) == 1


CAPTIONS = ("表1　重点指标", "表 2-1：重点指标", "“十四五”时期全区经济社会发展的主要指标见下表。")


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_table_outside_a_box_pairs_row_by_row(caption: str) -> None:
    def text(rows: Sequence[Sequence[str]]) -> str:
        return "\n".join([*BEFORE, caption, *("\t".join(r) for r in (HEADER, *rows)), *MIDDLE, *AFTER])

    result = compare_texts(text(INDICATORS), text(changed_rows()))
    rows = [s for s in result.left.sections if s.role == "row"]
    assert [s.title for s in rows] == ["指标", *(row[0] for row in INDICATORS)]
    if caption.startswith("表"):
        assert {result.left.by_id[s.parent].role for s in rows if s.parent} == {"box"}
    lrow = row_section(result.left.sections, result.left.text, "常住人口城镇化率")
    rrow = row_section(result.right.sections, result.right.text, "常住人口城镇化率")
    assert pair_of(result, lrow) == [(lrow.id, rrow.id, PairKind.MODIFIED)]
    assert marked(result.left_highlights, result.left.text) == offsets_of(result.left.text, "35%", lrow)
    assert marked(result.right_highlights, result.right.text) == offsets_of(result.right.text, "40%", rrow)


# Word tables ----------------------------------------------------------------------------------


def word_plan(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """The same plan as a .docx: the boxes are Word tables whose first row, merged across
    the table, holds the 专栏 title."""
    doc = WordDocument()
    for line in BEFORE:
        doc.add_paragraph(line)
    add_box(doc, "专栏1　主要指标", [HEADER, *rows])
    for line in MIDDLE:
        doc.add_paragraph(line)
    add_box(doc, "专栏2　重大项目", PROJECTS)
    for line in AFTER:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def add_box(doc: object, title: str, rows: Sequence[Sequence[str]]) -> None:
    width = len(rows[0])
    table = doc.add_table(rows=len(rows) + 1, cols=width)  # type: ignore[attr-defined]
    caption = table.cell(0, 0).merge(table.cell(0, width - 1))
    caption.text = title
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def test_word_table_one_changed_cell(tmp_path: Path) -> None:
    result = compare(word_plan(tmp_path / "a.docx", INDICATORS), word_plan(tmp_path / "b.docx", changed_rows()))
    assert "专栏1　主要指标\n指标\t2020年\t2025年\t属性\n" in result.left.text
    box = next(s for s in result.left.sections if s.role == "box" and s.title == "主要指标")
    assert [result.left.by_id[c].role for c in box.children] == ["row"] * 5
    check_one_changed_cell(result)


def test_word_table_deleted_and_inserted_rows(tmp_path: Path) -> None:
    new = ("单位地区生产总值能耗降低", "—", "14%", "约束性")
    right_rows = [row for row in INDICATORS if row[0] != "森林覆盖率"] + [new]
    result = compare(word_plan(tmp_path / "a.docx", INDICATORS), word_plan(tmp_path / "b.docx", right_rows))
    deleted = row_section(result.left.sections, result.left.text, "森林覆盖率")
    inserted = row_section(result.right.sections, result.right.text, "单位地区生产总值能耗降低")
    assert pair_of(result, deleted) == [] and pair_of(result, inserted) == []
    assert len(row_findings(result, deleted)) == 1 and len(row_findings(result, inserted)) == 1
    assert all(p.kind is PairKind.SAME for p in result.pairs
               if result.left.by_id[p.left].role == "row")


def test_a_table_copied_one_cell_per_line_is_the_same_box_revised() -> None:
    # A web page or a PDF copied as text gives each cell its own line: no line is long
    # enough to be shared wording, yet the box is its own revision, not a "related" one.
    result = compare_texts(plan(INDICATORS, "\n"), plan(changed_rows(), "\n"))
    left, right = result.left, result.right
    lbox = next(s for s in left.sections if s.role == "box" and s.title == "主要指标")
    rbox = next(s for s in right.sections if s.role == "box" and s.title == "主要指标")
    assert pair_of(result, lbox) == [(lbox.id, rbox.id, PairKind.MODIFIED)]
    assert marked(result.left_highlights, left.text) == offsets_of(left.text, "35%", lbox)
    assert marked(result.right_highlights, right.text) == offsets_of(right.text, "40%", rbox)
    assert row_findings(result, lbox, rbox) == []
    assert [(f.before, f.after) for f in result.findings if f.kind is FindingKind.QUANTITY] == [("35%", "40%")]


def cell_offsets(text: str, row: Section, column: int) -> set[int]:
    """Offsets of the characters of cell ``column`` of a tab-separated ``row``."""
    cells = text[row.start:row.end].split("\t")
    start = row.start + sum(len(cell) + 1 for cell in cells[:column])
    return set(range(start, start + len(cells[column])))


def test_bare_numbers_in_neighbouring_cells_stay_apart() -> None:
    # The unit sits in the header (（%）), the cells hold bare numbers: 30 and 35 are two
    # values in two cells, never one figure 3035, so the unchanged 30 is never marked.
    before = [("常住人口城镇化率（%）", "30", "35", "预期性"), ("森林覆盖率（%）", "60", "62", "约束性")]
    after = [("常住人口城镇化率（%）", "30", "40", "预期性"), ("森林覆盖率（%）", "60", "62", "约束性")]
    result = compare_texts(plan(before), plan(after))
    left, right = result.left, result.right
    lrow = row_section(left.sections, left.text, "常住人口城镇化率")
    rrow = row_section(right.sections, right.text, "常住人口城镇化率")
    assert pair_of(result, lrow) == [(lrow.id, rrow.id, PairKind.MODIFIED)]
    assert marked(result.left_highlights, left.text) == cell_offsets(left.text, lrow, 2)
    assert marked(result.right_highlights, right.text) == cell_offsets(right.text, rrow, 2)
