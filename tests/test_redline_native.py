"""The redline of a Word revision in that document's own format: styles, indents, fonts,
numbering, table, header, footer and page setup of the right document kept."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_redline import reconstruct
from test_moves import SECTIONS
from test_redline_scripts import read_revisions, replacements, script_only

from core.compare import compare, compare_texts
from core.docx_source import source_lines
from core.export.docx_native_layout import NativeLayout
from core.export.docx_redline import write_redline
from core.export.redline_build import tracked_pieces
from core.export.redline_lines import line_aligned
from core.load_docx import docx_text
from core.result import Comparison
from core.script import convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = "某市人民政府办公室文件"

LEFT = [
    ("Heading 1", "第一章 总则"),
    ("body", "为了加强生态环境保护，制定本办法。"),
    ("body", "本办法适用于本市行政区域。"),
    ("Heading 2", "第一节 目标"),
    ("body", "到二〇二五年，森林覆盖率达到百分之三十。"),
    ("table", ""),
    ("body", "本办法自发布之日起施行。"),
]
# one word changed, a paragraph deleted, one inserted
RIGHT = [
    ("Heading 1", "第一章 总则"),
    ("body", "为了加强生态环境保护，制定本规定。"),
    ("Heading 2", "第一节 目标"),
    ("body", "到二〇二五年，森林覆盖率达到百分之三十。"),
    ("body", "各区县应当制定年度实施方案。"),
    ("table", ""),
    ("body", "本办法自发布之日起施行。"),
]
ROWS_LEFT = [["指标", "目标值"], ["森林覆盖率", "30%"]]
ROWS_RIGHT = [["指标", "目标值"], ["森林覆盖率", "35%"]]


def _body_paragraph(document: docx.document.Document, text: str) -> None:
    """A body paragraph as drafters set it: 仿宋_GB2312 三号 with a two-character indent."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(32)
    run = paragraph.add_run(text)
    run.font.size = Pt(16)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def _page_footer(document: docx.document.Document) -> None:
    """A footer holding a PAGE field."""
    run = document.sections[0].footer.paragraphs[0].add_run()
    for tag, value in (("w:fldChar", "begin"), ("w:instrText", " PAGE "), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if tag == "w:fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            element.text = value
        run._r.append(element)


def build(path: Path, blocks: list[tuple[str, str]], rows: list[list[str]]) -> Path:
    """A styled Word document: official page margins, header, page-number footer, headings,
    indented 仿宋 body paragraphs, lists and a bordered table of ``rows``."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header.paragraphs[0].text = HEADER
    _page_footer(document)
    for kind, text in blocks:
        if kind == "table":
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for number, row in enumerate(rows):
                for column, cell in enumerate(row):
                    table.cell(number, column).text = cell
        elif kind == "body":
            _body_paragraph(document, text)
        elif kind == "blank":
            document.add_paragraph()
        elif kind == "landscape":
            # the section so far ends in an empty paragraph holding its properties
            landscape = document.add_section(WD_SECTION.NEW_PAGE)
            landscape.orientation = WD_ORIENT.LANDSCAPE
            landscape.page_width, landscape.page_height = Mm(297), Mm(210)
        else:
            document.add_paragraph(text, style=kind)
    document.save(str(path))
    return path


def _redline(tmp_path: Path, left: list[tuple[str, str]], right: list[tuple[str, str]],
             rows: tuple[list[list[str]], list[list[str]]] = (ROWS_LEFT, ROWS_RIGHT)) -> tuple[Comparison, Path]:
    """Compare the two built documents and write the redline; the comparison and its path."""
    comparison = compare(build(tmp_path / "左.docx", left, rows[0]), build(tmp_path / "右.docx", right, rows[1]))
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    return comparison, target


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def _paragraph(body: etree._Element, text: str) -> etree._Element:
    """The body paragraph whose kept or deleted text is ``text``."""
    for paragraph in body.iter(f"{W}p"):
        if "".join(t.text or "" for t in paragraph.iter(f"{W}t", f"{W}delText")) == text:
            return paragraph
    raise AssertionError(f"no paragraph {text}")


def test_accept_all_gives_the_right_text_and_reject_all_the_left(tmp_path: Path) -> None:
    comparison, target = _redline(tmp_path, LEFT, RIGHT)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)


def test_right_paragraphs_keep_their_styles_indents_and_fonts(tmp_path: Path) -> None:
    _, target = _redline(tmp_path, LEFT, RIGHT)
    body = _body(target)
    assert _paragraph(body, "第一章 总则").find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    assert _paragraph(body, "第一节 目标").find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2"
    for text in ("为了加强生态环境保护，制定本办法规定。", "各区县应当制定年度实施方案。", "本办法自发布之日起施行。"):
        paragraph = _paragraph(body, text)
        assert paragraph.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "640"
        for run in paragraph.iter(f"{W}r"):
            assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
            assert run.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"


def test_a_deleted_paragraph_takes_its_body_neighbour_not_a_heading(tmp_path: Path) -> None:
    _, target = _redline(tmp_path, LEFT, RIGHT)
    deleted = _paragraph(_body(target), "本办法适用于本市行政区域。")
    assert deleted.find(f"{W}pPr/{W}pStyle") is None  # the next right paragraph is a heading
    assert deleted.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "640"
    assert deleted.find(f"{W}pPr/{W}rPr/{W}del") is not None


def test_header_footer_and_page_setup_are_the_right_documents(tmp_path: Path) -> None:
    _, target = _redline(tmp_path, LEFT, RIGHT)
    redline = docx.Document(str(target))
    section = redline.sections[0]
    assert section.header.paragraphs[0].text == HEADER
    fields = [t.text for t in section.footer._element.iter(qn("w:instrText"))]
    assert fields == [" PAGE "]
    right = _body(tmp_path / "右.docx").find(f"{W}sectPr")
    assert etree.tostring(_body(target).find(f"{W}sectPr")) == etree.tostring(right)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)


def test_the_table_stays_a_table_with_the_change_inside_its_cell(tmp_path: Path) -> None:
    _, target = _redline(tmp_path, LEFT, RIGHT)
    tables = _body(target).findall(f"{W}tbl")
    assert len(tables) == 1
    assert tables[0].find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "TableGrid"
    cells = tables[0].findall(f"{W}tr")[1].findall(f"{W}tc")
    assert [t.text for t in cells[1].iter(f"{W}delText")] == ["30%"]
    assert [t.text for t in cells[1].iter(f"{W}t")] == ["35%"]
    assert [t.text for t in cells[0].iter(f"{W}t")] == ["森林覆盖率"]


@pytest.mark.parametrize("side", ["inserted", "deleted"])
def test_a_whole_row_added_or_removed_is_a_tracked_row(tmp_path: Path, side: str) -> None:
    longer = [*ROWS_RIGHT, ["湿地保护率", "55%"]]
    rows = (ROWS_RIGHT, longer) if side == "inserted" else (longer, ROWS_RIGHT)
    comparison, target = _redline(tmp_path, RIGHT, RIGHT, rows)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    table_rows = _body(target).find(f"{W}tbl").findall(f"{W}tr")
    assert len(table_rows) == 3
    mark = "ins" if side == "inserted" else "del"
    assert table_rows[2].find(f"{W}trPr/{W}{mark}") is not None
    assert all(r.find(f"{W}trPr") is None for r in table_rows[:2])


def _numbered(path: Path) -> list[etree._Element]:
    """The paragraphs of the redline in the List Number style."""
    styles = [(p, p.find(f"{W}pPr/{W}pStyle")) for p in _body(path).iter(f"{W}p")]
    return [p for p, style in styles if style is not None and style.get(f"{W}val") == "ListNumber"]


def _unnumbered(text: str) -> str:
    """``text`` without the numbers Word draws at its lines' starts (1. 2. ...)."""
    return re.sub(r"(?m)^\d+\. ", "", text)


def test_a_list_whose_numbers_stay_keeps_word_numbering(tmp_path: Path) -> None:
    blocks = [("Heading 1", "第一章 总则"), ("List Number", "坚持生态优先。"), ("List Number", "坚持绿色发展。")]
    revised = [blocks[0], ("List Number", "坚持生态优先，绿色发展。"), blocks[2]]
    comparison, target = _redline(tmp_path, blocks, revised)
    assert comparison.right.text.split("\n")[1:] == ["1. 坚持生态优先，绿色发展。", "2. 坚持绿色发展。"]
    # Word draws the numbers: they are no text of the document, on either side
    assert reconstruct(target) == (_unnumbered(comparison.right.text), _unnumbered(comparison.left.text))
    numbered = _numbered(target)
    assert len(numbered) == 2
    assert all(p.find(f"{W}pPr/{W}numPr") is None for p in numbered)  # the style's numbering applies


def test_a_renumbered_list_keeps_its_numbers_as_text(tmp_path: Path) -> None:
    blocks = [("Heading 1", "第一章 总则"), ("List Number", "坚持生态优先。"), ("List Number", "坚持绿色发展。")]
    revised = [blocks[0], ("List Number", "坚持人民至上。"), *blocks[1:]]
    comparison, target = _redline(tmp_path, blocks, revised)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    numbered = _numbered(target)
    assert len(numbered) >= 3
    # the numbers changed (2. became 3. ...): written as text, Word's own number switched off
    assert all(p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0" for p in numbered)


def test_a_right_document_changed_since_the_comparison_gets_the_official_layout(tmp_path: Path) -> None:
    comparison = compare(build(tmp_path / "左.docx", LEFT, ROWS_LEFT), build(tmp_path / "右.docx", RIGHT, ROWS_RIGHT))
    build(tmp_path / "右.docx", [*RIGHT, ("body", "新增的一段。")], ROWS_RIGHT)
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    redline = docx.Document(str(target))
    assert redline.sections[0].header.paragraphs[0].text != HEADER
    assert round(redline.sections[0].top_margin.mm) == 25
    assert not _body(target).findall(f"{W}tbl")


def test_an_unreadable_right_document_gets_the_official_layout(tmp_path: Path) -> None:
    comparison = compare(build(tmp_path / "左.docx", LEFT, ROWS_LEFT), build(tmp_path / "右.docx", RIGHT, ROWS_RIGHT))
    (tmp_path / "右.docx").write_bytes(b"PK not a zip any more")
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    assert round(docx.Document(str(target)).sections[0].top_margin.mm) == 25


def _plan(order: str) -> list[tuple[str, str]]:
    """A chapter of four 节 (Heading 2, two body paragraphs each) in the given order."""
    blocks = [("Heading 1", "第一章 主要任务")]
    for number, key in zip("一二三四", order, strict=True):
        heading, *paragraphs = SECTIONS[key].replace(f"第{key}节", f"第{number}节").splitlines()
        blocks += [("Heading 2", heading), *(("body", p) for p in paragraphs)]
    return blocks


def test_a_moved_section_is_a_move_in_its_own_styles(tmp_path: Path) -> None:
    comparison, target = _redline(tmp_path, _plan("一二三四"), _plan("一三四二"))
    assert len(comparison.moves) == 1
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    body = _body(target)
    # paragraphs holding moved text (the one before the new place only has its mark moved)
    moved_to = [p for p in body.iter(f"{W}p") if p.find(f"{W}moveTo") is not None]
    moved_from = [p for p in body.iter(f"{W}p") if p.find(f"{W}moveFrom") is not None]
    assert len(moved_to) == len(moved_from) == 3
    # at its new place the moved heading is a heading and its paragraphs body text again
    assert moved_to[0].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2"
    assert all(p.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "640" for p in moved_to[1:])


def test_empty_paragraphs_and_section_breaks_come_back_in_place(tmp_path: Path) -> None:
    revised = [*RIGHT[:2], ("blank", ""), *RIGHT[2:5], ("landscape", ""), *RIGHT[5:]]
    comparison, target = _redline(tmp_path, LEFT, revised)
    accepted, rejected = reconstruct(target)
    # blank paragraphs are spacing, not text: cleaning drops them from both sides' display text
    assert [line for line in accepted.split("\n") if line.strip()] == comparison.right.text.split("\n")
    assert [line for line in rejected.split("\n") if line.strip()] == comparison.left.text.split("\n")
    body = _body(target)
    blocks = [child for child in body if child.tag in (f"{W}p", f"{W}tbl")]
    empty = [n for n, block in enumerate(blocks) if block.tag == f"{W}p" and not "".join(block.itertext())]
    breaks = [n for n, block in enumerate(blocks) if block.find(f"{W}pPr/{W}sectPr") is not None]
    # the blank line after the revised first paragraph, the section's end before the table
    assert len(empty) == 2 and breaks == [empty[1]]
    assert "".join(blocks[empty[0] - 1].itertext()) == "为了加强生态环境保护，制定本办法规定。"
    assert blocks[empty[1] + 1].tag == f"{W}tbl"
    redline = docx.Document(str(target))
    assert [s.orientation for s in redline.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]


def test_a_changed_row_next_to_a_deleted_and_an_inserted_row_keeps_the_table(tmp_path: Path) -> None:
    rows = ([*ROWS_RIGHT, ["湿地保护率", "55%"]], [ROWS_RIGHT[0], ["森林覆盖率", "40%"], ["新增指标", "10个"]])
    comparison, target = _redline(tmp_path, RIGHT, RIGHT, rows)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    table_rows = _body(target).find(f"{W}tbl").findall(f"{W}tr")
    marks = [next((m.tag.removeprefix(W) for m in r.iterfind(f"{W}trPr/*")), None) for r in table_rows]
    assert marks == [None, None, "del", "ins"]
    changed = table_rows[1].findall(f"{W}tc")[1]
    assert [t.text for t in changed.iter(f"{W}delText")] == ["35%"]
    assert [t.text for t in changed.iter(f"{W}t")] == ["40%"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["甲乙", "丙丁\t戊", "己", "庚辛\t壬\t癸", "子丑寅"]), min_size=1, max_size=6),
       st.lists(st.sampled_from(["甲乙", "丙丁\t戊", "己", "庚辛\t壬\t卯", "子丑"]), min_size=1, max_size=6))
def test_cutting_changes_at_line_breaks_keeps_both_texts(left: list[str], right: list[str]) -> None:
    comparison = compare_texts("\n".join(left), "\n".join(right))
    pieces = line_aligned(tracked_pieces(comparison))
    assert "".join(p.text for p in pieces if p.kind != "insert") == comparison.left.text
    assert "".join(p.text for p in pieces if p.kind != "delete") == comparison.right.text
    # a change that crosses a line break ends its first line before the break
    for piece in pieces:
        if piece.kind != "equal" and not piece.move and not piece.form and "\n" in piece.text.rstrip("\n"):
            assert piece.text.endswith("\n") or piece.text.startswith("\n")


def test_source_lines_read_as_the_loader_reads(tmp_path: Path) -> None:
    path = build(tmp_path / "右.docx", [*RIGHT, ("List Number", "坚持生态优先。")], ROWS_RIGHT)
    document = docx.Document(str(path))
    document.paragraphs[1].runs[0].add_break()  # a line break inside a paragraph
    document.paragraphs[1].add_run("换行之后。")
    document.save(str(path))
    data = path.read_bytes()
    lines = source_lines(data, docx.Document(str(path)).element.body)
    assert "\n".join(line.text for line in lines) == docx_text(data, 1_000_000)
    by_text = {line.text: line for line in lines}
    assert by_text["换行之后。"].block is by_text["为了加强生态环境保护，制定本规定。"].block
    assert by_text["森林覆盖率\t35%"].block.tag == f"{W}tr"
    assert by_text["1. 坚持生态优先。"].label == "1. "


def test_the_redline_names_both_files_in_its_properties(tmp_path: Path) -> None:
    _, target = _redline(tmp_path, LEFT, RIGHT)
    properties = docx.Document(str(target)).core_properties
    assert "左.docx" in properties.keywords and "右.docx" in properties.keywords


def test_a_word_file_that_cannot_be_followed_still_gets_a_redline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unforeseen(self: NativeLayout, again: object) -> None:
        raise ValueError("unforeseen markup")

    monkeypatch.setattr(NativeLayout, "complete", unforeseen)
    comparison, target = _redline(tmp_path, LEFT, RIGHT)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    assert round(docx.Document(str(target)).sections[0].top_margin.mm) == 25


def _traditional(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(kind, convert(text, "s2t")) for kind, text in blocks]


def test_a_traditional_revision_is_compared_in_traditional_in_its_own_format(tmp_path: Path) -> None:
    """Simplified draft, Traditional revision (Word files): the redline is the revision in its own
    styles, table and header, with the draft's wording in Traditional; script is no revision."""
    right_rows = [[convert(cell, "s2t") for cell in row] for row in ROWS_RIGHT]
    comparison = compare(build(tmp_path / "左.docx", LEFT, ROWS_LEFT),
                         build(tmp_path / "右.docx", _traditional(RIGHT), right_rows))
    default, literal = tmp_path / "默认.docx", tmp_path / "逐字.docx"
    write_redline(comparison, default, author="张三")
    write_redline(comparison, literal, author="张三", literal_scripts=True)
    assert reconstruct(default) == (comparison.right.text, convert(comparison.left.text, "s2t"))
    assert reconstruct(literal) == (comparison.right.text, comparison.left.text)
    found, as_written = read_revisions(default), read_revisions(literal)
    assert {who for who, _, _ in found} == {"张三"}  # nothing of written form alone
    assert [pair for pair in replacements(found) if script_only(*pair)] == []
    assert [pair for pair in replacements(as_written) if script_only(*pair)]
    assert len(found) < len(as_written)
    body = _body(default)
    assert _paragraph(body, "第一章 總則").find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    cells = body.find(f"{W}tbl").findall(f"{W}tr")[1].findall(f"{W}tc")
    assert [t.text for t in cells[1].iter(f"{W}delText")] == ["30%"]
    assert [t.text for t in cells[0].iter(f"{W}t")] == ["森林覆蓋率"]  # kept whole, in Traditional
    assert docx.Document(str(default)).sections[0].header.paragraphs[0].text == HEADER
