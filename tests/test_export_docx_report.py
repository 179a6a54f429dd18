"""The Word 修改对照表: open the file and check what a reader and Word/WPS rely on."""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_export_rows import sample_comparison, sample_pair

from core.export.docx_report import write_docx_report
from core.export.rows import rows
from core.model import PairKind


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    target = tmp_path_factory.mktemp("docx") / "对照表.docx"
    write_docx_report(sample_comparison(), target)
    return docx.Document(str(target))


def _body_tables(document: docx.document.Document) -> list[docx.table.Table]:
    return [t for t in document.tables if t.rows[0].cells[-1].text == "说明"]


def _runs_with(document: docx.document.Document, text: str) -> list[docx.text.run.Run]:
    return [
        run
        for table in _body_tables(document)
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if text in run.text
    ]


def test_cover_names_files_options_statistics_and_legend(report: docx.document.Document) -> None:
    text = "\n".join(p.text for p in report.paragraphs)
    cover = takewhile(lambda t: t.rows[0].cells[-1].text != "说明", report.tables)
    cells = "\n".join(c.text for t in cover for r in t.rows for c in r.cells)
    assert "修改对照表" in text and "生成时间" in text
    assert "四川省委决定.txt" in cells and "泸州市委决定.txt" in cells
    assert "相同表述最短长度" in cells and "58%" in cells
    for label in ("相同", "左侧独有", "右侧独有", "他处相同"):
        assert label in cells
    assert "要点变化（4）" in text
    assert "数量 1　时限 1　约束力 0　责任单位 0　落实情况 2" in text
    assert "未落实（1）：（四）加強生態環境保護。" in text and "本地新增（1）：（四）发展特色优势产业。" in text
    # the coverage findings list the unpaired sections, so the separate lists are left out
    assert "左侧未被采纳 / 已删除的条目" not in text


def test_cover_lists_findings_by_kind_with_their_sections(report: docx.document.Document) -> None:
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 3"]
    assert headings[:3] == ["数量（1）", "时限（1）", "落实情况（2）"]
    findings = [t for t in report.tables if t.rows[0].cells[0].text == "变化"]
    assert [[c.text for c in r.cells] for t in findings for r in t.rows[1:]] == [
        ["新增目标值：3000万吨", "（三）加快交通基礎設施建設", "（二）加快交通基础设施建设"],
        ["时限 2025年 → 2027年", "（三）加快交通基礎設施建設", "（二）加快交通基础设施建设"],
    ]


def test_note_cell_carries_the_row_findings(report: docx.document.Document) -> None:
    body_rows = [row for table in _body_tables(report) for row in table.rows[1:]]
    port = next(r for r in body_rows if "3000万吨" in r.cells[1].text)
    lines = [p.text for p in port.cells[2].paragraphs]
    assert lines[:4] == ["修改", "相似度 48%", "◆ 新增目标值：3000万吨", "◆ 时限 2025年 → 2027年"]
    deleted = next(r for r in body_rows if "共築長江上游生態屏障" in r.cells[0].text)
    assert [p.text for p in deleted.cells[2].paragraphs][1] == "◆ 未落实"


def test_one_table_row_per_aligned_part_with_both_sides(report: docx.document.Document) -> None:
    body_rows = [row for table in _body_tables(report) for row in table.rows[1:]]
    assert len(body_rows) == len(rows(sample_comparison()))
    joined = "\n".join(c.text for r in body_rows for c in r.cells)
    assert "（一）堅定以習近平總書記重要講話精神為根本遵循" in joined  # left, in its own script
    assert "全市上下必须提高政治站位" in joined  # right
    assert "（右侧无对应内容：已删除或未采纳）" in joined
    assert "（左侧无对应内容：右侧新增或本地特有）" in joined
    assert "相似度 55%" in joined
    assert "另有表述见左侧：（四）加強生態環境保護" in joined


def test_highlights_are_shading_plus_print_cue(report: docx.document.Document) -> None:
    def shading(run: docx.text.run.Run) -> str | None:
        shd = run._r.find(f"{qn('w:rPr')}/{qn('w:shd')}")
        return None if shd is None else shd.get(qn("w:fill"))

    local = _runs_with(report, "做强白酒产业")
    assert local and shading(local[0]) == "C3DDF5"
    assert local[0]._r.find(f"{qn('w:rPr')}/{qn('w:u')}").get(qn("w:val")) == "single"
    deleted = _runs_with(report, "共築長江上游生態屏障")
    assert deleted and shading(deleted[0]) == "F8CBB4"
    assert deleted[0]._r.find(f"{qn('w:rPr')}/{qn('w:strike')}") is not None
    elsewhere = _runs_with(report, "推进大气污染联防联控")
    assert elsewhere and shading(elsewhere[0]) == "FBE38E"
    assert elsewhere[0]._r.find(f"{qn('w:rPr')}/{qn('w:u')}").get(qn("w:val")) == "dotted"
    shared = _runs_with(report, "习近平总书记重要讲话精神")
    assert shared and shading(shared[0]) == "E6EFE1"
    assert shared[0]._r.find(f"{qn('w:rPr')}/{qn('w:u')}") is None


def test_east_asian_fonts_on_styles_and_runs(report: docx.document.Document) -> None:
    def fonts(element: object) -> dict[str, str]:
        rfonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")  # type: ignore[attr-defined]
        return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}

    assert fonts(report.styles["Normal"].element)["eastAsia"] == "宋体"
    heading = fonts(report.styles["Heading 2"].element)
    assert heading["eastAsia"] == "黑体" and "eastAsiaTheme" not in heading
    run = _runs_with(report, "做强白酒产业")[0]
    assert fonts(run._r)["eastAsia"] == "宋体"


def test_headings_page_and_repeated_table_header(report: docx.document.Document) -> None:
    headings = [(p.style.name, p.text) for p in report.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "逐条对照") in headings
    assert ("Heading 2", "一、总体要求") in headings and ("Heading 2", "二、重点任务") in headings
    section = report.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210  # A4 landscape
    for table in _body_tables(report):
        header = table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
        assert header is not None


def test_comments_on_changed_rows_with_score(report: docx.document.Document) -> None:
    comments = list(report.comments)
    changed = [r for r in rows(sample_comparison()) if r.kind is not PairKind.SAME]
    assert len(comments) == len(changed)
    texts = [c.text for c in comments]
    assert "修改，相似度 55%" in texts
    assert any(t.startswith("右侧独有") for t in texts)
    assert all(c.author == "对照" for c in comments)


def test_progress_reaches_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_docx_report(sample_comparison(), tmp_path / "r.docx", seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_sample_pair_report(tmp_path: Path) -> None:
    comparison = sample_pair()
    target = tmp_path / "sample.docx"
    write_docx_report(comparison, target)
    document = docx.Document(str(target))
    body_rows = [row for table in _body_tables(document) for row in table.rows[1:]]
    assert len(body_rows) == len(rows(comparison))
    joined = "\n".join(c.text for r in body_rows for c in r.cells[:2])
    assert "川南渝西融合發展試驗區" in joined and "泸州" in joined
    assert comparison.findings
    cover = "\n".join(p.text for p in document.paragraphs)
    assert f"要点变化（{len(comparison.findings)}）" in cover
    # each finding is noted in the body: in its row's note, or under the heading it concerns
    notes = [p.text for r in body_rows for p in r.cells[2].paragraphs] + [p.text for p in document.paragraphs]
    noted = [line.removeprefix("◆ ") for line in notes if line.startswith("◆ ")]
    assert len(noted) == len(comparison.findings)
    for finding in comparison.findings:
        assert finding.summary in noted or finding.summary.partition("：")[0] in noted, finding
