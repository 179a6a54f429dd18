"""The Word redline: read document.xml back and rebuild what "accept all" and "reject all" give."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_rows import LEFT_TEXT, RIGHT_TEXT, sample_comparison, sample_pair

from core.export.docx_redline import write_redline
from core.model import Comparison, Coverage, Document, Options, Stats

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def reconstruct(path: Path) -> tuple[str, str]:
    """(accept-all text, reject-all text) of a tracked-changes document, paragraphs joined by \\n."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    paragraphs = root.find(f"{W}body").findall(f"{W}p")
    accepted: list[str] = []
    rejected: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        deleted_mark = mark is not None and mark.find(f"{W}del") is not None
        inserted_mark = mark is not None and mark.find(f"{W}ins") is not None
        keep, old = [], []
        for element in paragraph.iter(f"{W}t", f"{W}delText"):
            inside = {a.tag for a in element.iterancestors()}
            if element.tag == f"{W}delText":
                assert f"{W}del" in inside
                old.append(element.text or "")
            elif f"{W}ins" in inside:
                keep.append(element.text or "")
            else:
                keep.append(element.text or "")
                old.append(element.text or "")
        last = number == len(paragraphs) - 1
        accepted.append("".join(keep) + ("" if last or deleted_mark else "\n"))
        rejected.append("".join(old) + ("" if last or inserted_mark else "\n"))
    return "".join(accepted), "".join(rejected)


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


def test_accept_all_gives_right_and_reject_all_gives_left_across_scripts(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(sample_comparison(), target)
    accepted, rejected = reconstruct(target)
    assert accepted == RIGHT_TEXT
    assert rejected == LEFT_TEXT  # Traditional characters of the left survive "reject all"


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
    assert revision.get(f"{W}author") == "对照"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", revision.get(f"{W}date"))


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
    write_redline(_comparison(left, right), target)
    assert reconstruct(target) == (right, left)


_alphabet = st.sampled_from(list("发展經济经濟建设建設加快推进。，\n 　ＡA1１“”"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(left=st.text(_alphabet, max_size=40), right=st.text(_alphabet, max_size=40), t2s=st.booleans())
def test_round_trip_property(tmp_path: Path, left: str, right: str, t2s: bool) -> None:
    target = tmp_path / "redline.docx"
    write_redline(_comparison(left, right, t2s), target)
    assert reconstruct(target) == (right, left)


def test_revision_ids_are_unique(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    write_redline(sample_comparison(), target)
    xml = etree.fromstring(_xml(target).encode())
    ids = [e.get(f"{W}id") for e in xml.iter(f"{W}ins", f"{W}del")]
    assert ids and len(ids) == len(set(ids))


def test_progress_is_reported_up_to_completion(tmp_path: Path) -> None:
    seen: list[float] = []
    write_redline(sample_comparison(), tmp_path / "redline.docx", seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_sample_pair_round_trips(tmp_path: Path) -> None:
    comparison = sample_pair()
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
