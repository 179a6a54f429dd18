"""The redline across scripts: text that differs only in how it is written (Traditional against
Simplified, full against half width, spacing) is never a real change.

By default, documents in different scripts are compared in the right document's script:
the left is converted first, script is no revision at all, and reject-all gives the left's
wording in the right's script. With ``literal_scripts`` they are compared as written:
accept-all gives the right text and reject-all the left, so such characters are still
deleted and inserted; they go under a reviewer of their own (the author's name with
``FORM_REVIEWER``), joined a clause at a time, and every revision by the author himself is a
real change of wording. Differences of width and spacing go under that reviewer either way.
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

from lxml import etree
from test_export_redline import W, _comparison, left_as_compared, reconstruct
from test_export_rows import sample_pair

from core.export.docx_redline import write_redline
from core.export.redline_body import FORM_REVIEWER
from core.export.redline_build import redline_conversion
from core.normalize import normalize
from core.result import Comparison
from core.script import convert

AUTHOR = "张三"
FORM = AUTHOR + FORM_REVIEWER


def revisions(comparison: Comparison, folder: Path, literal: bool = False) -> list[tuple[str, str, str]]:
    """``(author, kind, text)`` of each revision of runs, consecutive runs of one kind and author
    joined (as Word lists them), after checking accept-all and reject-all: the left as written
    when ``literal``, else the left in the right's script."""
    target = folder / "redline.docx"
    write_redline(comparison, target, author=AUTHOR, literal_scripts=literal)
    assert reconstruct(target) == (comparison.right.text, left_as_compared(comparison, literal))
    return read_revisions(target)


def read_revisions(target: Path) -> list[tuple[str, str, str]]:
    """``(author, kind, text)`` of each revision of runs in ``target``, as Word lists them."""
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out: list[tuple[str, str, str]] = []
    previous = None
    for element in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"):
        if element.getparent().tag == f"{W}rPr":
            continue  # a paragraph mark
        entry = (element.get(f"{W}author"), element.tag.removeprefix(W), "".join(element.itertext()))
        if previous is not None and element.getprevious() is previous and out[-1][:2] == entry[:2]:
            out[-1] = (*entry[:2], out[-1][2] + entry[2])
        else:
            out.append(entry)
        previous = element
    return out


def changes(found: list[tuple[str, str, str]], author: str) -> list[tuple[str, str]]:
    return [(kind, text) for who, kind, text in found if who == author]


def test_script_differences_are_not_the_authors_changes(tmp_path: Path) -> None:
    left = "推動成渝地區雙城經濟圈建設，加快構建現代產業體系。"
    right = "推动成渝地区双城经济圈建设，全面构建现代产业体系。"
    found = revisions(_comparison(left, right), tmp_path, literal=True)
    assert changes(found, AUTHOR) == [("del", "加快"), ("ins", "全面")]
    form = changes(found, FORM)
    assert form and all(kind in ("del", "ins") for kind, _ in form)
    # each form revision's deletion reads, in comparison form, as its insertion
    for (_, old), (_, new) in zip(form[::2], form[1::2], strict=True):
        assert normalize(old).text == normalize(new).text and old != new


def test_nearby_script_differences_are_one_revision(tmp_path: Path) -> None:
    found = revisions(_comparison("雙城經濟圈", "双城经济圈"), tmp_path, literal=True)
    assert changes(found, FORM) == [("del", "雙城經濟"), ("ins", "双城经济")]  # not four of each
    assert changes(found, AUTHOR) == []


def test_distant_script_differences_stay_apart(tmp_path: Path) -> None:
    found = revisions(_comparison("發展先进制造业集群建設", "发展先进制造业集群建设"), tmp_path, literal=True)
    assert changes(found, FORM) == [("del", "發"), ("ins", "发"), ("del", "設"), ("ins", "设")]


def test_no_form_revision_crosses_a_paragraph(tmp_path: Path) -> None:
    found = revisions(_comparison("經濟\n發展", "经济\n发展"), tmp_path, literal=True)
    assert changes(found, FORM) == [("del", "經濟"), ("ins", "经济"), ("del", "發"), ("ins", "发")]


def test_spacing_alone_takes_in_no_text(tmp_path: Path) -> None:
    found = revisions(_comparison("第一条　为了 规范", "第一条 为了规范"), tmp_path, literal=True)
    assert changes(found, AUTHOR) == []
    assert all(not text.strip() for _, text in changes(found, FORM))


def test_without_conversion_a_script_difference_is_a_real_change(tmp_path: Path) -> None:
    found = revisions(_comparison("經濟發展", "经济发展", t2s=False), tmp_path, literal=True)
    assert changes(found, FORM) == []
    assert changes(found, AUTHOR)


def test_the_provincial_and_city_decisions(tmp_path: Path) -> None:
    """Traditional against Simplified: no revision of the author's changes script alone, and
    every revision of script alone reads the same on both sides in comparison form."""
    found = revisions(sample_pair(), tmp_path, literal=True)
    real = changes(found, AUTHOR)
    form = changes(found, FORM)
    assert real and form
    for (kind, old), (next_kind, new) in pairwise(real):
        if (kind, next_kind) == ("del", "ins"):
            assert normalize(old).text != normalize(new).text, (old, new)
    for (kind, old), (next_kind, new) in pairwise(form):
        if (kind, next_kind) == ("del", "ins"):
            assert normalize(old).text == normalize(new).text, (old, new)
    # a single character is never a revision of its own where its neighbours differ too
    singles = [text for kind, text in form if kind == "del" and len(text) == 1]
    assert len(singles) < len(form) // 4


# --- compared in the right document's script (the default) ---------------------------------


def script_only(old: str, new: str) -> bool:
    """True when two texts differ and read the same once OpenCC has made both Simplified
    (in any of its Traditional conventions: OpenCC's own, Taiwan's or Hong Kong's)."""
    return old != new and any(convert(old, config) == convert(new, config) for config in ("t2s", "tw2s", "hk2s"))


def replacements(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """``(deleted, inserted)`` of each deletion followed by an insertion of the same reviewer."""
    return [(old[2], new[2]) for old, new in pairwise(found)
            if (old[1], new[1]) == ("del", "ins") and old[0] == new[0]]  # fmt: skip


def test_in_the_right_script_a_script_difference_is_no_revision(tmp_path: Path) -> None:
    left = "推動成渝地區雙城經濟圈建設，加快構建現代產業體系。"
    right = "推动成渝地区双城经济圈建设，全面构建现代产业体系。"
    # reject-all gives the left's wording in Simplified (checked by ``revisions``)
    assert revisions(_comparison(left, right), tmp_path) == [(AUTHOR, "del", "加快"), (AUTHOR, "ins", "全面")]


def test_a_traditional_right_document_takes_the_left_into_traditional(tmp_path: Path) -> None:
    left = "推动成渝地区双城经济圈建设，加快构建现代产业体系。"
    right = "推動成渝地區雙城經濟圈建設，全面構建現代產業體系。"
    target = tmp_path / "redline.docx"
    write_redline(_comparison(left, right), target, author=AUTHOR)
    assert reconstruct(target) == (right, "推動成渝地區雙城經濟圈建設，加快構建現代產業體系。")
    assert read_revisions(target) == [(AUTHOR, "del", "加快"), (AUTHOR, "ins", "全面")]


def test_shared_wording_keeps_the_right_s_own_variant(tmp_path: Path) -> None:
    """OpenCC writes 示範; a Traditional text converted by machine may well keep 示范. Where the
    wording is shared, the right's spelling is no revision; the left's own wording is in the
    right's script (推進)."""
    target = tmp_path / "redline.docx"
    write_redline(_comparison("建设融合发展示范区，推进产业发展。", "建設融合發展示范區，推動產業發展。"), target,
                  author=AUTHOR)  # fmt: skip
    assert reconstruct(target) == ("建設融合發展示范區，推動產業發展。", "建設融合發展示范區，推進產業發展。")
    assert read_revisions(target) == [(AUTHOR, "del", "推進"), (AUTHOR, "ins", "推動")]


def test_width_and_spacing_stay_with_the_form_reviewer(tmp_path: Path) -> None:
    found = revisions(_comparison("第一條　為了 規範，到２０２５年", "第一条 为了规范，到2025年"), tmp_path)
    assert changes(found, AUTHOR) == []
    assert changes(found, FORM) == [("del", "\u3000"), ("ins", " "), ("del", " "), ("del", "２０２５"), ("ins", "2025")]


def test_without_conversion_the_default_is_literal_too(tmp_path: Path) -> None:
    found = revisions(_comparison("經濟發展", "经济发展", t2s=False), tmp_path)  # reject-all: the left as written
    assert changes(found, AUTHOR) and changes(found, FORM) == []


def test_the_redline_says_in_which_script_it_compares(tmp_path: Path) -> None:
    comparison = _comparison("推動經濟發展。", "推动经济加快发展。")
    for literal, said in ((False, "原稿已转换为简体（OpenCC t2s）后与修改稿比较"), (True, "按原文逐字比较")):
        target = tmp_path / f"{literal}.docx"
        write_redline(comparison, target, author=AUTHOR, literal_scripts=literal)
        with zipfile.ZipFile(target) as archive:
            properties = archive.read("docProps/core.xml").decode("utf-8")
            header = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if "header" in n)
        assert said in properties
        assert ("原稿转为简体后比较" in header) is not literal


def test_one_script_says_nothing_of_scripts(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(_comparison("推进经济发展。", "推进经济加快发展。"), target)
    with zipfile.ZipFile(target) as archive:
        assert "繁简" not in archive.read("docProps/core.xml").decode("utf-8")


def test_the_provincial_and_city_decisions_in_the_city_s_script(tmp_path: Path) -> None:
    """Province (Traditional) against Luzhou (Simplified): as written, 170 revisions, some of them
    script (or spacing) alone; in Luzhou's script 122, none of script alone, and the author's
    changes are the same ones, spelled in Simplified."""
    comparison = sample_pair()
    # accept-all: Luzhou's text; reject-all: the province's converted by OpenCC (tw2s: Taiwan forms)
    default = revisions(comparison, tmp_path)
    literal = revisions(comparison, tmp_path, literal=True)
    assert redline_conversion(comparison).config == "tw2s"  # type: ignore[union-attr]
    assert (len(default), len(literal)) == (122, 170)
    assert [pair for pair in replacements(literal) if script_only(*pair)]
    assert [pair for pair in replacements(default) if script_only(*pair) or pair[0] == pair[1]] == []
    assert all(not text.strip() for _, text in changes(default, FORM))  # spacing alone is left
    simplified = [(kind, convert(text, "tw2s")) for kind, text in changes(literal, AUTHOR)]
    assert changes(default, AUTHOR) == simplified
