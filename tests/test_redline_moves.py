"""Moves in the redline: a moved section is written as Word writes a move, not as a deletion
and an insertion: ``w:moveFrom`` at its old place, ``w:moveTo`` at its new one, each inside a
range whose name pairs the two places. Accept-all and reject-all still give the two texts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from export_revision_pair import revision_comparison
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_redline import W, reconstruct
from test_moves import SECTIONS

from core.compare import compare_texts
from core.export.docx_redline import write_redline
from core.result import Comparison

REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")


def plan(order: str, edit: tuple[str, str] = ("", "")) -> str:
    """A chapter of four 节 in the given order, numbered in reading order, with one optional edit."""
    body = "".join(SECTIONS[key].replace(f"第{key}节", f"第{number}节")
                   for number, key in zip("一二三四", order, strict=True))  # fmt: skip
    text = "第一章 主要任务\n" + body
    return text.replace(*edit) if edit[0] else text


def redline(comparison: Comparison, folder: Path) -> etree._Element:
    """The redline's document.xml, after checking that accept-all and reject-all rebuild both texts."""
    target = folder / "redline.docx"
    write_redline(comparison, target, author="张三")
    assert reconstruct(target) == (comparison.right.text, comparison.left.text)
    with zipfile.ZipFile(target) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def text_in(root: etree._Element, tag: str) -> str:
    """The text inside every ``w:tag`` wrapper (runs, not paragraph marks), in document order."""
    return "".join("".join(e.itertext()) for e in root.iter(f"{W}{tag}") if e.getparent().tag != f"{W}rPr")


def ranges(root: etree._Element, side: str) -> list[tuple[str, str]]:
    """``(name, id)`` of each move range of a side ("From" or "To"), checking each has its end."""
    starts = [(e.get(f"{W}name"), e.get(f"{W}id")) for e in root.iter(f"{W}move{side}RangeStart")]
    ends = [e.get(f"{W}id") for e in root.iter(f"{W}move{side}RangeEnd")]
    assert sorted(ends) == sorted(i for _, i in starts)
    return starts


def test_a_moved_section_is_a_move_with_paired_ranges(tmp_path: Path) -> None:
    comparison = compare_texts(plan("一二三四"), plan("一三四二"))
    assert len(comparison.moves) == 1
    root = redline(comparison, tmp_path)
    moved_from = comparison.left.by_id[comparison.moves[0].left]
    moved_to = comparison.right.by_id[comparison.moves[0].right]
    old = comparison.left.text[moved_from.start : moved_from.end]
    new = comparison.right.text[moved_to.start : moved_to.end]
    # The whole section moves, heading and both paragraphs; only its new number is inserted.
    assert text_in(root, "moveFrom") == old.replace("\n", "")
    assert text_in(root, "moveTo") == new.replace("\n", "").replace("第四节 ", "")
    assert "第四节" in text_in(root, "ins")
    for tag in ("ins", "del"):
        assert "河长制" not in text_in(root, tag)
    from_ranges, to_ranges = ranges(root, "From"), ranges(root, "To")
    assert [name for name, _ in from_ranges] == [name for name, _ in to_ranges] == ["move1"]
    # Each moved paragraph's mark moves with it: Word then moves whole paragraphs.
    marks = {tag: len(root.findall(f".//{W}pPr/{W}rPr/{W}{tag}")) for tag in ("moveFrom", "moveTo")}
    assert marks == {"moveFrom": 3, "moveTo": 3}


def test_each_range_encloses_its_moved_runs(tmp_path: Path) -> None:
    root = redline(compare_texts(plan("一二三四"), plan("一三四二")), tmp_path)
    for side in ("From", "To"):
        tags = (f"{W}move{side}RangeStart", f"{W}move{side}", f"{W}move{side}RangeEnd")
        order = [e.tag.removeprefix(W) for e in root.iter(*tags) if e.getparent().tag != f"{W}rPr"]
        runs = order.count(f"move{side}")
        assert runs and order == [f"move{side}RangeStart", *[f"move{side}"] * runs, f"move{side}RangeEnd"]


def test_a_moved_and_edited_section_keeps_its_edit_as_an_insertion_inside_the_move(tmp_path: Path) -> None:
    comparison = compare_texts(plan("一二三四"), plan("一三四二", ("持续改善", "全面改善")))
    assert len(comparison.moves) == 1
    root = redline(comparison, tmp_path)
    assert "持续改善" in text_in(root, "moveFrom")  # the old wording leaves with the old place
    assert "全面" in text_in(root, "ins") and "全面" not in text_in(root, "moveTo")
    assert "持续" not in text_in(root, "del")
    # the insertion stands inside the new place's range
    inside = False
    seen_inside: list[str] = []
    for element in root.iter(f"{W}moveToRangeStart", f"{W}moveToRangeEnd", f"{W}ins"):
        if element.tag == f"{W}moveToRangeStart":
            inside = True
        elif element.tag == f"{W}moveToRangeEnd":
            inside = False
        elif inside and element.getparent().tag != f"{W}rPr":
            seen_inside.append("".join(element.itertext()))
    assert "全面" in seen_inside


def test_the_last_section_moved_to_the_front(tmp_path: Path) -> None:
    comparison = compare_texts(plan("一二三四").rstrip("\n"), plan("四一二三").rstrip("\n"))
    assert comparison.moves
    root = redline(comparison, tmp_path)
    assert text_in(root, "moveFrom") and text_in(root, "moveTo")


def test_swapped_principles_in_the_plan_are_two_named_moves(tmp_path: Path) -> None:
    comparison = revision_comparison(tmp_path)
    root = redline(comparison, tmp_path)
    names = [name for name, _ in ranges(root, "From")]
    assert len(names) == len(comparison.moves) == 2
    assert sorted(names) == sorted(name for name, _ in ranges(root, "To")) == ["move1", "move2"]
    ids = [e.get(f"{W}id") for tag in (*REVISION_TAGS, "moveFromRangeStart", "moveToRangeStart")
           for e in root.iter(f"{W}{tag}")]  # fmt: skip
    assert len(ids) == len(set(ids))


_edits = st.sampled_from([("", ""), ("持续改善", "全面改善"), ("第一章 主要任务", "第一章 重点任务"),
                          ("推进网格化服务管理全覆盖。", ""), ("严格落实", "嚴格落實")])  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations("一二三四"), edit=_edits, trailing=st.booleans())
def test_any_reordering_round_trips(tmp_path: Path, order: list[str], edit: tuple[str, str], trailing: bool) -> None:
    left = plan("一二三四")
    right = plan("".join(order), edit)
    if not trailing:
        left, right = left.rstrip("\n"), right.rstrip("\n")
    redline(compare_texts(left, right), tmp_path)
