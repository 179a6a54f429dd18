"""Reports of the changes only, and what every report says first about identical or unrelated files.

A revision of the first two parts of the Jiangyang plan changed in one chapter only (第三章
主要目标: two targets re-worded): shown "changes only", the Word and PDF reports keep every
changed row, leave out the rest and cite each stretch left out where it stood; the head
counts what was left out. Identical files are said to be identical at the top of both
reports (and a changes-only report of them is its head); files with almost nothing in
common carry the warning there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn
from export_revision_pair import SOURCE, revision_comparison

from core.base_items import section_grade
from core.compare import compare
from core.export.docx_report import write_docx_report
from core.export.pdf_report import write_pdf_report
from core.export.report_body import body_items, omitted_line
from core.export.report_options import ReportOptions
from core.export.report_wording import wording
from core.export.row_notes import FINDING_MARK, RowNotes
from core.export.rows import Omitted, Row, rows
from core.kinds import CoverageGrade, PairKind
from core.options import Options
from core.result import Comparison
from core.verdict import IDENTICAL, UNRELATED

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
UNRELATED_LEFT = DATA / "implementation/compulsory_education_shanghai/base.txt"
UNRELATED_RIGHT = ROOT / "docs_in/jiangyang_14th_five_year_plan.txt"
COLUMNS = ["原条文", "修改后条文", "修改说明"]

# What the changes-only report says in place of the rows it leaves out, in order.
LEFT_OUT = [
    "标题 未修改（略去 1 条）",
    "第一篇“‘十四五’时期”及第一章至第二章 未修改（略去 19 条）",
    "第一篇第三章第一节“锚定到二〇三五年与全国…” 未修改（略去 1 条）",
    "第一篇第三章第一节“发展活力充分迸发”等2段 未修改（略去 2 条）",
    "第一篇第三章第一节“民生福祉不断改善”及专栏1、第一篇第三章第二节、第一篇第四章、第二篇 未修改（略去 22 条）",
]
CHANGED = ("经济实力大幅提升。经济持续平稳增长,力争保持", "生态环境更加优美。环境治理效果全面增强")

poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def _one_chapter_files(folder: Path) -> tuple[Path, Path]:
    """The draft (the plan's first two parts) and a revision changing two targets in 第三章."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")[:78]
    revised = list(lines)
    revised[35] = revised[35].replace("保持", "力争保持", 1)
    revised[38] = revised[38].replace("显著增强", "全面增强", 1)
    draft, revision = folder / "规划（征求意见稿）.txt", folder / "规划（送审稿）.txt"
    draft.write_text("\n".join(lines), encoding="utf-8")
    revision.write_text("\n".join(revised), encoding="utf-8")
    return draft, revision


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("changes_only")


@pytest.fixture(scope="module")
def one_chapter(folder: Path) -> Comparison:
    draft, revision = _one_chapter_files(folder)
    return compare(draft, revision, Options(relation="revision"))


@pytest.fixture(scope="module")
def identical(folder: Path) -> Comparison:
    draft, _ = _one_chapter_files(folder)
    return compare(draft, draft, Options(relation="revision"))


def _reports(comparison: Comparison, folder: Path, name: str) -> dict[tuple[str, bool], Path]:
    """Word and PDF reports of ``comparison``, in full and of the changes only."""
    out = {}
    for changes_only in (False, True):
        options = ReportOptions(changes_only=changes_only)
        for suffix, write in ((".docx", write_docx_report), (".pdf", write_pdf_report)):
            target = folder / f"{name}_{'changes' if changes_only else 'full'}{suffix}"
            write(comparison, target, options=options)
            out[suffix, changes_only] = target
    return out


@pytest.fixture(scope="module")
def one_chapter_reports(one_chapter: Comparison, folder: Path) -> dict[tuple[str, bool], Path]:
    return _reports(one_chapter, folder, "one_chapter")


@pytest.fixture(scope="module")
def identical_reports(identical: Comparison, folder: Path) -> dict[tuple[str, bool], Path]:
    return _reports(identical, folder, "identical")


# -- reading the reports back ------------------------------------------------------------------


def _body_rows(path: Path) -> list[list[str]]:
    """The body table's rows below its header, each as its distinct cells' text."""
    document = docx.Document(str(path))
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == COLUMNS]
    if not tables:
        return []
    assert len(tables) == 1
    out = []
    for row in tables[0].rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        texts = ["\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p")))
                 for c in cells]  # fmt: skip
        out.append(texts)
    return out


def _item_rows(path: Path) -> list[list[str]]:
    return [r for r in _body_rows(path) if len(r) == 3]


def _spanning(path: Path) -> list[str]:
    """The rows across the table: headings and the lines citing rows left out."""
    return [r[0] for r in _body_rows(path) if len(r) == 1]


def _head_text(path: Path) -> str:
    """Everything before the body: the head's paragraphs and tables, in order."""
    document = docx.Document(str(path))
    parts = []
    for block in document.element.body.iterchildren():
        text = "".join(t.text or "" for t in block.iter(qn("w:t")))
        if text.startswith("原条文修改后条文") or text == "逐条对照":
            break
        parts.append(text)
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(path: Path) -> int:
    return len(pdfium.PdfDocument(str(path)))


# -- which rows are left out, and how they are cited -----------------------------------------------


def _changed(comparison: Comparison, ordered: list[Row]) -> list[Row]:
    notes = RowNotes(comparison, ordered)
    return [row for row in ordered if notes.status(row)]


def test_stretches_left_out_are_cited_by_the_sections_they_fill(one_chapter: Comparison) -> None:
    ordered = rows(one_chapter)
    notes = RowNotes(one_chapter, ordered)
    items = [item for item, _ in body_items(one_chapter, ordered, notes, True)]
    stretches = [item for item in items if isinstance(item, Omitted)]
    assert [omitted_line(wording(one_chapter), s) for s in stretches] == LEFT_OUT
    shown = [item for item in items if isinstance(item, Row)]
    assert shown == _changed(one_chapter, ordered)  # every change, nothing else
    assert sum(len(s.rows) for s in stretches) + len(shown) == len(ordered)
    assert all(not notes.status(row) for s in stretches for row in s.rows)


def test_headings_inside_a_stretch_are_left_out_and_those_above_a_change_kept(one_chapter: Comparison) -> None:
    ordered = rows(one_chapter)
    lines = body_items(one_chapter, ordered, RowNotes(one_chapter, ordered), True)
    headings = [section.caption(40) for _, opened in lines for section in opened]
    assert headings == ["第一篇开启江阳全面建设社会主义现代化新征程", "第三章主要目标",
                        "第一节“十四五”经济社会发展主要目标"]  # fmt: skip


def test_the_full_report_is_unchanged_by_the_option_being_off(one_chapter: Comparison) -> None:
    ordered = rows(one_chapter)
    lines = body_items(one_chapter, ordered, RowNotes(one_chapter, ordered), False)
    assert [item for item, _ in lines] == ordered


# -- the Word report ---------------------------------------------------------------------------------


def test_word_report_keeps_every_change_and_cites_what_it_left_out(
    one_chapter_reports: dict[tuple[str, bool], Path],
) -> None:
    full, short = one_chapter_reports[".docx", False], one_chapter_reports[".docx", True]
    full_rows, short_rows = _item_rows(full), _item_rows(short)
    assert len(full_rows) == 47
    assert len(short_rows) == 2  # far fewer: only the two changed targets
    changed = [row for row in full_rows if row[2].split("\n")[0]]
    assert short_rows == changed  # the same rows, text and notes, as in the full report
    for text in CHANGED:
        assert any(row[1].startswith(text) for row in short_rows)
    spanning = _spanning(short)
    assert [line for line in spanning if "未修改" in line] == LEFT_OUT
    assert spanning[:2] == ["标题 未修改（略去 1 条）", "第一篇开启江阳全面建设社会主义现代化新征程"]


def test_word_head_counts_what_was_left_out(one_chapter_reports: dict[tuple[str, bool], Path]) -> None:
    head = _head_text(one_chapter_reports[".docx", True])
    assert "共对照 47 条：修改 2 条，未修改 45 条。" in head
    assert "本表只列出改动：略去未修改的 45 条，在原处以 5 行注明。" in head
    assert "本表只列出改动" not in _head_text(one_chapter_reports[".docx", False])
    assert IDENTICAL not in head and UNRELATED not in head


def test_every_finding_still_links_to_its_row(folder: Path) -> None:
    (folder / "hand").mkdir(exist_ok=True)
    hand = revision_comparison(folder / "hand")  # findings: a raised target, two principles moved
    target = folder / "hand_changes.docx"
    write_docx_report(hand, target, options=ReportOptions(changes_only=True))
    body = docx.Document(str(target)).element.body
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    links = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert len(links) == 3 and set(links) <= marks
    ids = [b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids))  # Word refuses a file with two bookmarks of one id
    pdf = folder / "hand_changes.pdf"
    write_pdf_report(hand, pdf, options=ReportOptions(changes_only=True))  # an unresolved link would fail here
    links_pdf = [line for line in pdf.read_bytes().split(b"\n") if b"/Subtype /Link" in line]
    assert len(links_pdf) >= 3 and all(re.search(rb"/Dest \[ \d+ 0 R /XYZ", line) for line in links_pdf)


# -- the PDF report ----------------------------------------------------------------------------------


@poppler
def test_pdf_keeps_every_change_and_cites_what_it_left_out(one_chapter_reports: dict[tuple[str, bool], Path]) -> None:
    full, short = one_chapter_reports[".pdf", False], one_chapter_reports[".pdf", True]
    text = _flat(_pdf_text(short))
    for line in LEFT_OUT:
        assert _flat(line) in text
    for changed in CHANGED:
        assert _flat(changed) in text
    assert "本表只列出改动：略去未修改的45条，在原处以5行注明。" in text
    # Unchanged text is gone: the first paragraph of 第一章 appears only in the full report.
    unchanged = _flat("产业转型升级成效明显。产业结构持续优化")
    assert unchanged in _flat(_pdf_text(full)) and unchanged not in text
    assert _pages(short) < _pages(full) / 2


def test_pdf_bookmarks_name_the_lines_left_out(one_chapter_reports: dict[tuple[str, bool], Path]) -> None:
    titles = [item.get_title() for item in pdfium.PdfDocument(str(one_chapter_reports[".pdf", True])).get_toc()]
    for line in LEFT_OUT:
        assert line in titles
    assert sum(title.startswith("［修改］") for title in titles) == 2


# -- identical files -----------------------------------------------------------------------------------


def test_identical_files_are_said_identical_at_the_top_of_both_reports(
    identical_reports: dict[tuple[str, bool], Path],
) -> None:
    for changes_only in (False, True):
        head = _head_text(identical_reports[".docx", changes_only])
        assert head.split("\n")[:2] == ["修改对照表", IDENTICAL]
        first_page = _flat(_pdf_text(identical_reports[".pdf", changes_only]).split("\f")[0])
        assert first_page.index("修改对照表") < first_page.index(IDENTICAL) < first_page.index("修改概况")


def test_a_changes_only_report_of_identical_files_is_its_head(identical_reports: dict[tuple[str, bool], Path]) -> None:
    short = identical_reports[".docx", True]
    assert _body_rows(short) == []  # no table of rows at all
    assert "本表只列出改动，两份文件内容相同，略去全部 47 条。" in _head_text(short)
    assert len(_item_rows(identical_reports[".docx", False])) == 47
    pdf = identical_reports[".pdf", True]
    assert _pages(pdf) == 1
    assert "修改后条文" not in _pdf_text(pdf)


# -- an implementation ---------------------------------------------------------------------------------


def test_an_implementation_leaves_out_only_items_copied_without_finding(tmp_path: Path) -> None:
    folder = DATA / "implementation/housing_expropriation_zhejiang"
    comparison = compare(folder / "base.txt", folder / "implementation.txt")
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    stretches = [i for i, _ in body_items(comparison, ordered, notes, True) if isinstance(i, Omitted)]
    left_out = [row for s in stretches for row in s.rows]
    def grades(row: Row) -> set[CoverageGrade | None]:
        return {section_grade(comparison.left, s, notes.grades) for s in row.left}

    copied = [row for row in ordered
              if row.left and grades(row) == {CoverageGrade.COPIED}
              and row.kind in (PairKind.SAME, PairKind.MODIFIED)
              and not any(line.startswith(FINDING_MARK) for line in notes.lines(row))]  # fmt: skip
    assert left_out == copied and left_out
    target = tmp_path / "落实.docx"
    write_docx_report(comparison, target, options=ReportOptions(changes_only=True))
    lines = [line for line in _spanning_implementation(target) if "照搬上级文件（" in line]
    assert lines == [omitted_line(wording(comparison), s) for s in stretches]
    # 第四条 and 第五条 are articles with paragraphs, graded by their paragraphs: copied too
    assert "第三条至第五条 照搬上级文件（上级文件第一章第三条至第五条；略去 3 条）" in lines
    head = _head_text(target)
    assert f"本表只列出与上级文件有差异的条目：略去照搬上级文件、无需说明的 {len(left_out)} 条" in head


def _spanning_implementation(path: Path) -> list[str]:
    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "上级文件条目")
    return [row.cells[0].text for row in table.rows[1:] if len(row._tr.findall(qn("w:tc"))) == 1]


# -- files with almost nothing in common -------------------------------------------------------------


@pytest.fixture(scope="module")
def unrelated(folder: Path) -> Comparison:
    return compare(UNRELATED_LEFT, UNRELATED_RIGHT)


@poppler
def test_unrelated_files_carry_the_warning_at_the_top_of_both_reports(unrelated: Comparison, folder: Path) -> None:
    docx_path, pdf_path = folder / "unrelated.docx", folder / "unrelated.pdf"
    write_docx_report(unrelated, docx_path, options=ReportOptions(changes_only=True))
    write_pdf_report(unrelated, pdf_path, options=ReportOptions(changes_only=True))
    head = _head_text(docx_path)
    assert head.split("\n")[:2] == ["落实情况对照表", UNRELATED]
    first_page = _flat(_pdf_text(pdf_path).split("\f")[0])
    assert first_page.index("落实情况对照表") < first_page.index(_flat(UNRELATED)) < first_page.index("落实概况")
    assert IDENTICAL not in head
