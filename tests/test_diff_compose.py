"""Parents' pair diffs joined from their children's: the same ops as diffing the parents whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.compare import compare_texts
from core.diff import diff_sections
from core.kinds import OpKind, PairKind
from core.normalize import normalize
from core.pair_diffs import PairDiffs
from core.pairs import DiffOp
from core.result import Comparison

CHAPTER = """第一章 总则
第一条 为了规范本市政务数据共享工作，提高行政效能，根据有关法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市行政区域内政务部门之间的数据共享及其相关管理活动。
第三条 市人民政府负责统筹协调全市政务数据共享工作，区人民政府负责本行政区域内的有关工作。
第二章 共享管理
第四条 政务数据以共享为原则，不共享为例外。
"""
ONE_CHANGED = CHAPTER.replace("市人民政府负责统筹协调", "市人民政府应当加强领导，统筹协调")
TWO_CHANGED = ONE_CHANGED.replace("提高行政效能", "提升行政效率")
HEADING_CHANGED = ONE_CHANGED.replace("第一章 总则", "第一章 一般规定")
# the second article deleted: the text between the paired first and third is diffed as a stretch
MIDDLE_DELETED = ONE_CHANGED.replace("第二条 本办法适用于本市行政区域内政务部门之间的数据共享及其相关管理活动。\n", "")


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """The ids of the parent pairs whose diff was joined from their children's."""
    seen: list[tuple[str, str]] = []
    original = PairDiffs._paired_children

    def spy(self: PairDiffs, ls, rs):  # type: ignore[no-untyped-def]
        children = original(self, ls, rs)
        if children is not None:
            seen.append((ls.id, rs.id))
        return children

    monkeypatch.setattr(PairDiffs, "_paired_children", spy)
    yield seen


def whole_diff(result: Comparison, left_id: str, right_id: str) -> tuple[DiffOp, ...]:
    """The pair's diff as the parents' whole texts give it."""
    ls, rs = result.left.by_id[left_id], result.right.by_id[right_id]
    return diff_sections(normalize(result.left.text), (ls.start, ls.end),
                         normalize(result.right.text), (rs.start, rs.end))


def check_tiling(result: Comparison, left_id: str, right_id: str, ops: tuple[DiffOp, ...]) -> None:
    ls, rs = result.left.by_id[left_id], result.right.by_id[right_id]
    pos_l, pos_r = ls.start, rs.start
    for op in ops:
        assert (op.left_start, op.right_start) == (pos_l, pos_r)
        if op.op is OpKind.EQUAL:
            assert "".join(result.left.text[op.left_start:op.left_end].split()) == \
                "".join(result.right.text[op.right_start:op.right_end].split())
        pos_l, pos_r = op.left_end, op.right_end
    assert (pos_l, pos_r) == (ls.end, rs.end)


@pytest.mark.parametrize("right", [ONE_CHANGED, TWO_CHANGED, HEADING_CHANGED],
                         ids=["one-article", "two-articles", "heading"])
def test_chapter_diff_joined_from_its_articles_equals_the_whole_diff(
        composed: list[tuple[str, str]], right: str) -> None:
    result = compare_texts(CHAPTER, right)
    chapter = next(p for p in result.pairs if p.left == "L1")
    assert chapter.kind is PairKind.MODIFIED
    assert ("L1", chapter.right) in composed  # joined, not diffed whole
    assert chapter.diff == whole_diff(result, "L1", chapter.right)
    check_tiling(result, "L1", chapter.right, chapter.diff)


def test_one_changed_article_marks_only_its_edit_in_the_chapter(composed: list[tuple[str, str]]) -> None:
    result = compare_texts(CHAPTER, ONE_CHANGED)
    chapter = next(p for p in result.pairs if p.left == "L1")
    edits = [op for op in chapter.diff if op.op is not OpKind.EQUAL]
    assert [(result.left.text[op.left_start:op.left_end], result.right.text[op.right_start:op.right_end])
            for op in edits] == [("负责", "应当加强领导，")]
    third = next(p for p in result.pairs if p.left == "L4")
    assert [op for op in third.diff if op.op is not OpKind.EQUAL] == edits  # the article's own edit, reused


@pytest.mark.parametrize("right", [TWO_CHANGED, HEADING_CHANGED, MIDDLE_DELETED])
def test_highlights_and_findings_equal_those_of_whole_diffs(monkeypatch: pytest.MonkeyPatch, right: str) -> None:
    joined = compare_texts(CHAPTER, right)
    monkeypatch.setattr(PairDiffs, "_paired_children", lambda self, ls, rs: None)
    whole = compare_texts(CHAPTER, right)
    if right is not MIDDLE_DELETED:
        assert joined.pairs == whole.pairs
    assert (joined.left_highlights, joined.right_highlights) == (whole.left_highlights, whole.right_highlights)
    assert joined.findings == whole.findings


def test_an_edit_across_articles_stays_in_each_article(composed: list[tuple[str, str]]) -> None:
    # Diffed whole, the semantic cleanup folds the deleted 第二条, the short equality
    # "第三条市人民政府" and the edit inside 第三条 into one replacement across the two
    # articles; joined, 第二条 is deleted whole and 第三条 keeps its own pair's diff.
    result = compare_texts(CHAPTER, MIDDLE_DELETED)
    chapter = next(p for p in result.pairs if p.left == "L1")
    assert ("L1", chapter.right) in composed
    check_tiling(result, "L1", chapter.right, chapter.diff)
    text = result.left.text
    edits = [(op.op, text[op.left_start:op.left_end].strip()) for op in chapter.diff if op.op is not OpKind.EQUAL]
    article_2 = result.left.by_id["L3"]
    assert edits == [(OpKind.DELETE, text[article_2.start:article_2.end].strip()), (OpKind.REPLACE, "负责")]
    third = next(p for p in result.pairs if p.left == "L4")
    assert [op for op in chapter.diff if op.left_start >= third.diff[0].left_start] == list(third.diff)
    whole = whole_diff(result, "L1", chapter.right)
    assert [op.op for op in whole if op.op is not OpKind.EQUAL] == [OpKind.REPLACE]


def test_crossed_articles_fall_back_to_the_whole_diff(composed: list[tuple[str, str]]) -> None:
    lines = ONE_CHANGED.splitlines(keepends=True)
    swapped = "".join([lines[0], lines[2], lines[1], *lines[3:]])  # 第一条 and 第二条 change places
    result = compare_texts(CHAPTER, swapped)
    chapter = next(p for p in result.pairs if p.left == "L1" and p.kind is not PairKind.RELATED)
    assert ("L1", chapter.right) not in composed
    assert chapter.diff == whole_diff(result, "L1", chapter.right)
