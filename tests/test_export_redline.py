"""The Word redline: read document.xml back and rebuild what "accept all" and "reject all" give."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from export_revision_pair import revision_comparison
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_rows import LEFT_TEXT, RIGHT_TEXT, sample_comparison, sample_pair

from core.compare import compare_texts
from core.document import Document
from core.export import provenance
from core.export.docx_redline import write_redline
from core.export.redline_build import redline_conversion
from core.normalize import to_simplified
from core.options import Options
from core.result import Comparison, Coverage, Stats
from core.script import convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def reconstruct(path: Path) -> tuple[str, str]:
    """(accept-all text, reject-all text) of a tracked-changes document, paragraphs joined by \\n.

    Moved-away text (w:moveFrom) goes as deleted text does, moved-in text (w:moveTo) as
    inserted. A table row is one line, its cells joined by tabs as the loader reads them
    (trailing empty cells dropped); a row marked inserted or deleted is on one side only.
    """
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    accepted: list[str] = []  # each line with its own break, or "" when its break is deleted
    rejected: list[str] = []
    for block in root.find(f"{W}body"):
        if block.tag == f"{W}p":
            keep, old, deleted_mark, inserted_mark = _paragraph_sides(block)
            accepted.append(keep + ("" if deleted_mark else "\n"))
            rejected.append(old + ("" if inserted_mark else "\n"))
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                cells = [_paragraph_sides(p) for cell in row.findall(f"{W}tc") for p in cell.findall(f"{W}p")]
                marks = row.find(f"{W}trPr")
                if marks is None or marks.find(f"{W}del") is None:
                    accepted.append("\t".join(c[0] for c in cells).rstrip("\t") + "\n")
                if marks is None or marks.find(f"{W}ins") is None:
                    rejected.append("\t".join(c[1] for c in cells).rstrip("\t") + "\n")
    # the last paragraph's mark ends the document, not a line
    return "".join(accepted).removesuffix("\n"), "".join(rejected).removesuffix("\n")


def _paragraph_sides(paragraph: etree._Element) -> tuple[str, str, bool, bool]:
    """A paragraph's accepted and rejected text, and whether its mark is deleted / inserted."""
    mark = paragraph.find(f"{W}pPr/{W}rPr")
    deleted_mark = mark is not None and (mark.find(f"{W}del") is not None or mark.find(f"{W}moveFrom") is not None)
    inserted_mark = mark is not None and (mark.find(f"{W}ins") is not None or mark.find(f"{W}moveTo") is not None)
    keep, old = [], []
    for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab"):
        if element.getparent().tag != f"{W}r":
            continue  # a tab stop in the paragraph's properties, not a tab character
        inside = {a.tag for a in element.iterancestors()}
        text = "\t" if element.tag == f"{W}tab" else element.text or ""
        if element.tag == f"{W}delText" or (element.tag == f"{W}tab" and inside & {f"{W}del", f"{W}moveFrom"}):
            assert inside & {f"{W}del", f"{W}moveFrom"}
            old.append(text)
        elif inside & {f"{W}ins", f"{W}moveTo"}:
            keep.append(text)
        else:
            keep.append(text)
            old.append(text)
    return "".join(keep), "".join(old), deleted_mark, inserted_mark


def _comparison(left: str, right: str, t2s: bool = True) -> Comparison:
    stats = Stats(0.0, 0.0, 0.0, 0.0, (), 0, 0)
    return Comparison(
        Options(t2s=t2s),
        Document("/a/左.txt", "左", left, ()),
        Document("/a/右.txt", "右", right, ()),
        (),
        (),
        stats,
        Coverage((), ()),
    )


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def left_as_compared(comparison: Comparison, literal: bool = False) -> str:
    """The left text as the redline compares it: as written, or in the right document's script."""
    scripts = None if literal else redline_conversion(comparison)
    return comparison.left.text if scripts is None else scripts.convert(comparison.left.text)


def simplified(text: str) -> str:
    """``text`` in Simplified whatever Traditional convention (OpenCC's, Taiwan's, Hong Kong's) it follows."""
    return convert(convert(convert(text, "t2s"), "tw2s"), "hk2s")


def test_accept_all_gives_right_and_reject_all_gives_left_across_scripts(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(sample_comparison(), target, literal_scripts=True)
    accepted, rejected = reconstruct(target)
    assert accepted == RIGHT_TEXT
    assert rejected == LEFT_TEXT  # Traditional characters of the left survive "reject all"


def test_by_default_reject_all_gives_the_left_in_the_right_s_script(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(sample_comparison(), target)
    accepted, rejected = reconstruct(target)
    assert accepted == RIGHT_TEXT
    assert rejected == to_simplified(LEFT_TEXT) != LEFT_TEXT


def test_changes_are_word_granular_with_author_and_date(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(
        _comparison("各地要推进基础设施建设。\n加强生态保护。", "各地要加快推进基础设施建设。\n加强生态保护。"), target
    )
    xml = etree.fromstring(_xml(target).encode())
    inserted = ["".join(e.itertext()) for e in xml.iter(f"{W}ins")]
    assert inserted == ["加快"]
    assert not list(xml.iter(f"{W}del"))
    revision = next(xml.iter(f"{W}ins"))
    assert revision.get(f"{W}author") == provenance.account_name()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", revision.get(f"{W}date"))


def test_author_and_date_are_settable(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    beijing = timezone(timedelta(hours=8))
    write_redline(_comparison("推进建设。", "加快推进建设。"), target, author="张三",
                  date=datetime(2026, 3, 1, 9, 30, tzinfo=beijing))  # fmt: skip
    xml = etree.fromstring(_xml(target).encode())
    marks = list(xml.iter(f"{W}ins", f"{W}del"))
    assert marks and {m.get(f"{W}author") for m in marks} == {"张三"}
    assert {m.get(f"{W}date") for m in marks} == {"2026-03-01T01:30:00Z"}  # in UTC, as Word writes it


def test_author_falls_back_to_duizhao_without_an_account_name(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("USERNAME", "USER", "LOGNAME"):
        monkeypatch.delenv(variable, raising=False)

    def unknown() -> str:
        raise KeyError("no such user")

    monkeypatch.setattr("getpass.getuser", unknown)
    assert provenance.account_name() == "对照"


def test_header_names_both_versions_when_they_share_a_title(tmp_path: Path) -> None:
    comparison = _comparison("一、总则\n第一条 推进建设。", "一、总则\n第一条 加快推进建设。")
    same_title = replace(comparison, left=replace(comparison.left, path="/a/规划（征求意见稿）.txt", title="某规划"),
                         right=replace(comparison.right, path="/a/规划（送审稿）.txt", title="某规划"))
    target = tmp_path / "redline.docx"
    write_redline(same_title, target)
    with zipfile.ZipFile(target) as archive:
        headers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/header")]
        footers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer")]
        core = archive.read("docProps/core.xml").decode("utf-8")
    text = "".join("".join(etree.fromstring(h.encode()).itertext()) for h in headers)
    assert "原稿：规划（征求意见稿）.txt" in text and "修改稿：规划（送审稿）.txt" in text
    instructions = "".join("".join(etree.fromstring(f.encode()).itertext()) for f in footers)
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    assert "python-docx" not in core and "2013" not in core
    assert "规划（征求意见稿）.txt" in core and f"<dc:creator>{provenance.account_name()}</dc:creator>" in core


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("第一段。\n第二段。", "第一段。第二段。"),  # paragraphs merged
        ("第一段。第二段。", "第一段。\n第二段。"),  # paragraph split
        ("甲乙丙\n", "甲乙丙"),  # trailing break removed
        ("", "全新的文件。\n第二行。"),
        ("被整体删除的文件。", ""),
        ("完全相同。\n两段。", "完全相同。\n两段。"),
        ("２０２０年 发展 ＧＤＰ", "2020年发展GDP"),  # equal in comparison form only
        ("一、總體要求\n（一）堅持黨的領導。", "一、总体要求\n（一）坚持党的领导。\n（二）新增一条。"),
    ],
)
def test_round_trip_of_edge_cases(tmp_path: Path, left: str, right: str) -> None:
    target = tmp_path / "redline.docx"
    write_redline(_comparison(left, right), target, literal_scripts=True)
    assert reconstruct(target) == (right, left)
    write_redline(_comparison(left, right), target)
    assert reconstruct(target) == (right, left_as_compared(_comparison(left, right)))


_alphabet = st.sampled_from(list("发展經济经濟建设建設加快推进。，\n 　ＡA1１“”"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(left=st.text(_alphabet, max_size=40), right=st.text(_alphabet, max_size=40), t2s=st.booleans())
def test_round_trip_property(tmp_path: Path, left: str, right: str, t2s: bool) -> None:
    target = tmp_path / "redline.docx"
    comparison = _comparison(left, right, t2s)
    write_redline(comparison, target, literal_scripts=True)
    assert reconstruct(target) == (right, left)
    write_redline(comparison, target)
    accepted, rejected = reconstruct(target)
    assert accepted == right
    scripts = redline_conversion(comparison)
    if scripts is None:
        assert rejected == left
    else:
        # the left's wording in the right's script, where shared wording may keep the right's variant
        assert len(rejected) == len(left)
        assert simplified(rejected) == simplified(scripts.convert(left))


def test_revision_ids_are_unique(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(sample_comparison(), target)
    xml = etree.fromstring(_xml(target).encode())
    ids = [e.get(f"{W}id") for e in xml.iter(f"{W}ins", f"{W}del")]
    assert ids and len(ids) == len(set(ids))


def test_progress_is_reported_up_to_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_redline(sample_comparison(), tmp_path / "redline.docx", lambda fraction, _stage: seen.append(fraction))
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_sample_pair_round_trips(tmp_path: Path) -> None:
    comparison = sample_pair()
    target = tmp_path / "redline.docx"
    write_redline(comparison, target, literal_scripts=True)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, left_as_compared(comparison))


def test_official_layout_from_the_right_outline(tmp_path: Path) -> None:
    comparison = revision_comparison(tmp_path)
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    document = docx.Document(str(target))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", "(四川省)泸州市江阳区国民经济和社会发展十四五规划(2022年更新)")
    assert ("Heading 1", "第一篇开启江阳全面建设社会主义现代化新征程") in styled
    assert ("Heading 2", "第一章规划背景") in styled and ("Heading 3", "第一节发展基础") in styled
    deleted = next(p for p in document.paragraphs if p._p.find(f"{W}del") is not None and not p.text)
    assert deleted.style.name == "Normal"  # a deleted paragraph is body text, wherever it stood
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16 and normal.paragraph_format.first_line_indent.pt == 32
    fonts = normal.element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "仿宋_GB2312"
    assert document.styles["Heading 2"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体_GB2312"


def test_a_laws_title_notes_are_set_under_its_title_not_as_it(tmp_path: Path) -> None:
    law = ("中华人民共和国示例法\n1983年12月8日 第六届全国人民代表大会常务委员会第三次会议通过\n"
           "（2009年6月27日第十一届全国人民代表大会常务委员会第九次会议修订）\n"
           "第一章 总则\n第一条 为了规范示例工作，制定本法。\n")
    comparison = compare_texts(law, law.replace("规范示例", "规范和促进示例"),
                               left_path=str(tmp_path / "旧法.txt"), right_path=str(tmp_path / "新法.txt"))
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    document = docx.Document(str(target))
    styled = [(p.style.name, p.text) for p in document.paragraphs][:3]
    assert styled == [
        ("Title", "中华人民共和国示例法"),
        ("Subtitle", "1983年12月8日 第六届全国人民代表大会常务委员会第三次会议通过"),
        ("Subtitle", "（2009年6月27日第十一届全国人民代表大会常务委员会第九次会议修订）"),
    ]
    note = document.styles["Subtitle"]
    assert note.font.size.pt == 16 and not note.font.italic and note.paragraph_format.first_line_indent.pt == 0


def test_indented_text_keeps_its_headings_and_no_second_indent(tmp_path: Path) -> None:
    """A document typed with 　　 indents: headings are styled behind their indent, and a
    paragraph bringing its own indent gets no first-line indent from the style on top."""
    text = ("关于推进区域协调发展的意见\n　　一、总体要求\n　　坚持统筹协调，推动区域协调发展。\n"
            "　　二、重点任务\n　　加快建设合作平台。\n")
    comparison = compare_texts(text, text.replace("加快建设", "全力建设"),
                               left_path=str(tmp_path / "原稿.txt"), right_path=str(tmp_path / "修改稿.txt"))
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    paragraphs = docx.Document(str(target)).paragraphs
    assert [p.style.name for p in paragraphs if p.text.strip().endswith(("总体要求", "重点任务"))] == ["Heading 1"] * 2
    body = next(p for p in paragraphs if p.text.startswith("　　坚持统筹协调"))
    assert body.paragraph_format.first_line_indent == 0


def test_table_rows_keep_their_cell_tabs_as_word_tabs(tmp_path: Path) -> None:
    text = "专栏1　主要指标\n指标\t2020年\t2025年\n常住人口城镇化率（%）\t30\t35\n森林覆盖率（%）\t60\t62\n"
    comparison = compare_texts(text, text.replace("\t35", "\t40"),
                               left_path=str(tmp_path / "原稿.txt"), right_path=str(tmp_path / "修改稿.txt"))
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    xml = _xml(target)
    assert "<w:tab/>" in xml and "\t" not in xml
