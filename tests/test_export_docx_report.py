"""The Word 修改对照表: open the file and check what a reader, Word and WPS rely on."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_revision_pair import revision_comparison
from lxml import etree
from test_export_rows import implementation, sample_comparison, sample_pair

from core.export.docx_report import write_docx_report
from core.export.report_options import ReportOptions
from core.export.rows import rows
from core.kinds import CoverageGrade
from core.labels import label_of
from core.pairs import Assignment
from core.resources import version
from core.result import Comparison

REVISION_COLUMNS = ["原条文", "修改后条文", "修改说明"]
IMPLEMENTATION_COLUMNS = ["上级文件条目", "本级落实条目", "落实情况"]
GRADES = {label_of(g) for g in CoverageGrade} | {"本地新增"}


def _write(comparison: Comparison, folder: Path, name: str = "对照表.docx", **choices: bool) -> Path:
    target = folder / name
    write_docx_report(comparison, target, options=ReportOptions(**choices))
    return target


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(sample_comparison(), tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def report(report_path: Path) -> docx.document.Document:
    return docx.Document(str(report_path))


def _body_table(document: docx.document.Document) -> docx.table.Table:
    found = [t for t in document.tables if [c.text for c in t.rows[0].cells] in (REVISION_COLUMNS,
                                                                              IMPLEMENTATION_COLUMNS)]  # fmt: skip
    assert len(found) == 1, "the body is one continuous table"
    return found[0]


def _is_heading_row(row: docx.table.Row) -> bool:
    cells = row._tr.findall(qn("w:tc"))
    span = cells[0].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return len(cells) == 1 and span is not None and span.get(qn("w:val")) == "3"


def _item_rows(document: docx.document.Document) -> list[docx.table.Row]:
    return [r for r in _body_table(document).rows[1:] if not _is_heading_row(r)]


def _runs_with(document: docx.document.Document, text: str) -> list[docx.text.run.Run]:
    return [run for row in _item_rows(document) for cell in row.cells[:2] for paragraph in cell.paragraphs
            for run in paragraph.runs if text in run.text]  # fmt: skip


def _notes_by_text(document: docx.document.Document, chars: int) -> dict[str, list[str]]:
    """Each item row's note lines, under the opening characters of its text on either side."""
    notes: dict[str, list[str]] = {}
    for row in _item_rows(document):
        lines = [p.text for p in row.cells[2].paragraphs]
        for cell in row.cells[:2]:
            if not cell.text.startswith("（原稿无") and not cell.text.startswith("（修改稿已"):
                notes.setdefault(cell.text[:chars], lines)
    return notes


def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def test_revision_body_is_one_table_with_heading_rows(report: docx.document.Document) -> None:
    table = _body_table(report)
    header = table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    assert header is not None  # repeated at the top of each page
    headings = [r for r in table.rows[1:] if _is_heading_row(r)]
    assert [r.cells[0].paragraphs[0].text for r in headings] == ["一、总体要求", "二、重点任务"]
    assert {r.cells[0].paragraphs[0].style.name for r in headings} == {"Heading 2"}  # in the navigation pane
    assert len(_item_rows(report)) == len(rows(sample_comparison()))


def test_revision_notes_are_short_facts(report: docx.document.Document) -> None:
    notes = _notes_by_text(report, 4)
    assert notes["（四）加"][0] == "删除"
    assert notes["（四）发"][0] == "新增"
    assert notes["（二）加"][:4] == ["修改", "序号 （三） → （二）", "◆ 新增目标值：3000万吨", "◆ 时限 2025年 → 2027年"]
    text = "\n".join(line for lines in notes.values() for line in lines)
    for machine in ("相似度", "相同", "未落实", "本地新增", "左侧", "右侧"):
        assert machine not in text
    assert "（修改稿已删除此条）" in "\n".join(r.cells[1].text for r in _item_rows(report))
    assert "（原稿无此条）" in "\n".join(r.cells[0].text for r in _item_rows(report))


def test_head_names_documents_relation_and_changes(report: docx.document.Document) -> None:
    paragraphs = "\n".join(p.text for p in report.paragraphs)
    facts = "\n".join(c.text for c in report.tables[0].columns[0].cells) + "\n".join(
        c.text for c in report.tables[0].columns[1].cells)
    assert report.paragraphs[0].text == "修改对照表" and report.paragraphs[0].style.name == "Title"
    assert "原稿" in facts and "修改稿" in facts and "文件关系" in facts
    assert "四川省委决定.txt" in facts and "泸州市委决定.txt" in facts
    assert "修订（原稿 → 修改稿）" in facts
    assert "共对照 7 条：修改 5 条，新增 1 条，删除 1 条，未修改 0 条。" in paragraphs
    assert "删除（1 条）：（四）加強生態環境保護。" in paragraphs
    assert "要点变化（2）" in paragraphs
    findings = [t for t in report.tables if t.rows[0].cells[0].text == "变化"]
    assert [[c.text for c in r.cells] for t in findings for r in t.rows[1:]] == [
        ["新增目标值：3000万吨", "（三）加快交通基礎設施建設", "（二）加快交通基础设施建设"],
        ["时限 2025年 → 2027年", "（三）加快交通基礎設施建設", "（二）加快交通基础设施建设"],
    ]
    # A findings table's header row repeats on every page and stays with the row below it:
    # a finding never stands alone on a page without its column names.
    for table in findings:
        properties = table.rows[0]._tr.find(qn("w:trPr"))
        assert properties is not None and properties.find(qn("w:tblHeader")) is not None
        assert all(c.paragraphs[0].paragraph_format.keep_with_next for c in table.rows[0].cells)


def test_highlights_are_cue_plus_shading(report: docx.document.Document) -> None:
    def shading(run: docx.text.run.Run) -> str | None:
        shd = run._r.find(f"{qn('w:rPr')}/{qn('w:shd')}")
        return None if shd is None else shd.get(qn("w:fill"))

    added = _runs_with(report, "做强白酒产业")
    assert added and shading(added[0]) == "C3DDF5" and not added[0].bold
    assert added[0]._r.find(f"{qn('w:rPr')}/{qn('w:u')}").get(qn("w:val")) == "single"
    deleted = _runs_with(report, "共築長江上游生態屏障")
    assert deleted and shading(deleted[0]) == "F8CBB4"
    assert deleted[0]._r.find(f"{qn('w:rPr')}/{qn('w:strike')}") is not None
    shared = _runs_with(report, "习近平总书记重要讲话精神")
    assert shared and shading(shared[0]) == "E6EFE1"


def test_options_bold_additions_no_shading_blank_notes(tmp_path: Path) -> None:
    path = _write(sample_comparison(), tmp_path, bold_insertions=True, shading=False, blank_notes=True)
    document = docx.Document(str(path))
    added = _runs_with(document, "做强白酒产业")
    assert added and added[0].bold
    assert added[0]._r.find(f"{qn('w:rPr')}/{qn('w:u')}") is not None  # the cue stays
    assert not any(r._r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None for r in _runs_with(document, ""))
    assert all(row.cells[2].text == "" for row in _item_rows(document))  # left for the drafter


def test_no_comments_unless_asked(report_path: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(report_path) as archive:
        assert not any("comments" in name for name in archive.namelist())
    asked = docx.Document(str(_write(sample_comparison(), tmp_path, comments=True)))
    texts = [c.text for c in asked.comments]
    assert texts and all("相似度" not in t for t in texts)
    assert any(t.startswith("删除") for t in texts)


def test_properties_name_files_product_and_real_date(report_path: Path, report: docx.document.Document) -> None:
    properties = report.core_properties
    assert properties.author == f"对照 Duizhao {version()}"
    assert "四川省委决定.txt" in properties.subject and "泸州市委决定.txt" in properties.subject
    assert "四川省委决定.txt" in properties.comments and "Duizhao" in properties.comments
    assert properties.created.date() == datetime.now().date()
    core = _part(report_path, "docProps/core.xml")
    assert "python-docx" not in core and "2013" not in core
    assert f"对照 Duizhao {version()}" in _part(report_path, "docProps/app.xml")
    with zipfile.ZipFile(report_path) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.read("_rels/.rels").decode()


def test_page_number_fields_and_header_naming_both_documents(report: docx.document.Document) -> None:
    section = report.sections[0]
    footer = section.footer.paragraphs[0]
    instructions = [e.text.strip() for e in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("第 ") and "页 / 共" in footer.text
    header = section.header.paragraphs[0].text
    assert "原稿：四川省委决定.txt" in header and "修改稿：泸州市委决定.txt" in header
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210  # A4 landscape


def test_portrait_option(tmp_path: Path) -> None:
    section = docx.Document(str(_write(sample_comparison(), tmp_path, landscape=False))).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_fonts_after_gb_t_9704_with_substitutes(report_path: Path, report: docx.document.Document) -> None:
    def fonts(element: object) -> dict[str, str]:
        rfonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")  # type: ignore[attr-defined]
        return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}

    assert fonts(report.styles["Normal"].element)["eastAsia"] == "仿宋_GB2312"
    heading = fonts(report.styles["Heading 2"].element)
    assert heading["eastAsia"] == "黑体" and "eastAsiaTheme" not in heading
    assert fonts(report.styles["Title"].element)["eastAsia"] == "方正小标宋简体"
    assert fonts(_runs_with(report, "做强白酒产业")[0]._r)["eastAsia"] == "仿宋_GB2312"
    table = etree.fromstring(_part(report_path, "word/fontTable.xml").encode())
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    declared = {f.get(f"{w}name"): f for f in table.iter(f"{w}font")}
    fangsong = declared["仿宋_GB2312"]
    assert fangsong.find(f"{w}altName").get(f"{w}val") == "仿宋"
    assert fangsong.find(f"{w}charset").get(f"{w}val") == "86"  # GB2312: Word substitutes a Chinese face


@pytest.fixture(scope="module")
def implementation_report(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    return docx.Document(str(_write(sample_pair(), tmp_path_factory.mktemp("impl"))))


def test_implementation_columns_and_grades(implementation_report: docx.document.Document) -> None:
    comparison = sample_pair()
    document = implementation_report
    assert [c.text for c in _body_table(document).rows[0].cells] == IMPLEMENTATION_COLUMNS
    item_rows = _item_rows(document)
    assert len(item_rows) == len(rows(comparison))
    for row in item_rows:
        status = row.cells[2].paragraphs[0].text.removesuffix("（人工）").removesuffix("（待核）")
        grades = {part.rpartition("：")[2] for part in status.split("；")}
        assert grades <= GRADES, status
    statuses = [row.cells[2].paragraphs[0].text for row in item_rows]
    missing = [sid for sid, grade in comparison.coverage.grades if grade is CoverageGrade.NOT_TAKEN_UP]
    assert ("未见落实" in statuses) == bool(missing) and "细化" in statuses
    checks = [a for a in comparison.assignments if a.rival is not None]
    assert sum(status.endswith("（待核）") for status in statuses) == len(checks) > 0
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "落实情况对照表"
    assert f"未见落实（{len(missing)} 条）" in text and "上级文件 24 条：" in text
    facts = "\n".join(c.text for r in document.tables[0].rows for c in r.cells)
    assert "落实（上级文件 → 落实文件）" in facts and "上级文件" in facts and "落实文件" in facts


def test_a_base_item_is_written_once_then_referred_to(implementation_report: docx.document.Document) -> None:
    left = "\n".join(row.cells[0].text for row in _item_rows(implementation_report))
    assert left.count("（见前：") > 5
    assert "川南渝西融合發展試驗區" in left and "泸州" in "\n".join(r.cells[1].text for r in _item_rows(
        implementation_report))


def test_hand_set_pairing_is_marked(tmp_path: Path) -> None:
    base = implementation(sample_comparison())
    comparison = replace(base, assignments=(Assignment("R5", ("L3",), (("L3", 0.55),), 0.4, (), by_hand=True),))
    document = docx.Document(str(_write(comparison, tmp_path)))
    statuses = {row.cells[1].text[:4]: row.cells[2].paragraphs[0].text for row in _item_rows(document)}
    assert statuses["（三）深"] == "修改（人工）"
    assert statuses["（四）发"] == "本地新增"


def test_every_finding_is_noted_once_in_the_body(implementation_report: docx.document.Document) -> None:
    comparison = sample_pair()
    notes = [p.text for r in _body_table(implementation_report).rows[1:] for c in r.cells[-1:] for p in c.paragraphs]
    noted = {line.removeprefix("◆ ") for line in notes if line.startswith("◆ ")}
    for finding in comparison.findings:
        if finding.kind.value not in ("coverage",):
            assert finding.summary in noted, finding


@pytest.fixture(scope="module")
def revision_report(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    folder = tmp_path_factory.mktemp("revision")
    return docx.Document(str(_write(revision_comparison(folder), folder, "修改对照表.docx")))


def test_hand_edited_revision(revision_report: docx.document.Document) -> None:
    document = revision_report
    table = _body_table(document)
    assert [c.text for c in table.rows[0].cells] == REVISION_COLUMNS
    headings = [r.cells[0].text for r in table.rows[1:] if _is_heading_row(r)]
    assert "第一章规划背景" in headings and "第一节发展基础" in headings
    notes = _notes_by_text(document, 8)
    assert notes["经济综合实力显著"][:2] == ["修改", "◆ 目标值 15% → 18%"]
    assert notes["城乡统筹发展全域"][0] == "删除"
    assert notes["积极参与川渝毗邻"][0] == "新增"
    assert any(lines and lines[0].startswith("移动") for lines in notes.values())
    assert sum(1 for lines in notes.values() if lines == [""]) > 30  # unchanged items: nothing to say
    header = document.sections[0].header.paragraphs[0].text
    # both versions bear the same title; the header tells them apart
    assert "原稿：江阳区规划（征求意见稿）.txt" in header and "修改稿：江阳区规划（送审稿）.txt" in header


def test_progress_reaches_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_docx_report(sample_comparison(), tmp_path / "r.docx", lambda fraction, _stage: seen.append(fraction))
    assert seen == sorted(seen) and seen[-1] == 1.0


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (apt-get install libreoffice-writer)")
def test_libreoffice_opens_and_renders_it(report_path: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), str(report_path)], capture_output=True, text=True,
                          timeout=240, check=False)  # fmt: skip
    pdf = tmp_path / report_path.with_suffix(".pdf").name
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        assert "第1页/共" in "".join(text.split())


def test_findings_link_to_the_rows_that_note_them(report_path: Path) -> None:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(_part(report_path, "word/document.xml").encode())
    targets = {b.get(f"{w}name") for b in root.iter(f"{w}bookmarkStart")}
    links = {"".join(link.itertext()): link.get(f"{w}anchor") for link in root.iter(f"{w}hyperlink")}
    assert links == {"新增目标值：3000万吨": "row_R4", "时限 2025年 → 2027年": "row_R4"}
    assert set(links.values()) <= targets
    ids = [b.get(f"{w}id") for b in root.iter(f"{w}bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_copied_runs_and_rows_are_python_docx_own_xml() -> None:
    """Runs and rows made from a formatted original are the XML python-docx itself writes."""
    from docx.shared import Mm, RGBColor

    from core.export.docx_format import BODY_FONT, RowMaker, RunMaker, keep_row_whole, set_fonts, shade_cell, span_row
    from core.export.docx_format import style_run as format_run
    from core.kinds import Highlight

    def look(run: object) -> None:
        set_fonts(run._r, BODY_FONT)  # type: ignore[attr-defined]
        format_run(run, Highlight.RIGHT_ONLY, bold=True)
        run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)  # type: ignore[attr-defined]

    def shape(row: object) -> None:
        keep_row_whole(row)
        row.cells[0].width = Mm(30)  # type: ignore[attr-defined]
        shade_cell(span_row(row), "#F2F2F2")

    texts = ["新增内容", " 前后有空格 ", "表格\t单元格", "两行\n文字", ""]
    made, copied = docx.Document(), docx.Document()
    tables = [d.add_table(rows=0, cols=3) for d in (made, copied)]
    maker, runs = RowMaker(tables[1]), RunMaker()
    for text in texts:
        row = tables[0].add_row()
        shape(row)
        paragraph = row.cells[0].paragraphs[0]
        look(paragraph.add_run(text))
        cell = maker.add("shape", shape)[0]
        runs.add(cell.paragraphs[0], text, "look", look)
    xml = [etree.tostring(t._tbl) for t in tables]
    assert xml[0] == xml[1]
    assert [c.text for c in tables[1].column_cells(0)] == texts


def test_document_date_reads_the_comparison_form() -> None:
    """The document's date comes from the same text ``normalize`` makes, however it is computed."""
    from core.export.provenance import _comparison_text
    from core.normalize import normalize

    root = Path(__file__).resolve().parent.parent / "docs_in"
    samples = [path.read_text(encoding="utf-8") for path in sorted(root.glob("*.txt"))]
    samples.append("中共四川省委關於　推動ＡＢＣ１２３的決定\n（２０２０年７月９日通過）\n“引号”—·﹔\u200b\n")
    samples.append("第一条\t为了\n甲\t乙\t丙\n")  # a tab after a number is spacing, between cells it is kept
    for text in samples:
        assert _comparison_text(text) == normalize(text).text
