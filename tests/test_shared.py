"""Shared wording: maximal common runs, the presence mask and the reported cover."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.shared import common_runs, content_length, cover, is_stock, presence, wording


def test_runs_are_maximal_and_found_wherever_they_are() -> None:
    left = "甲乙丙。支持泸州建设长江上游航运贸易中心。丁戊"
    right = "另起一段，支持泸州建设长江上游航运贸易中心和区域医药健康中心。"
    runs = common_runs(left, right, 8)
    assert len(runs) == 1
    run = runs[0]
    passage = "支持泸州建设长江上游航运贸易中心"
    assert left[run.left_start : run.left_end] == right[run.right_start : run.right_end] == passage


def test_runs_never_cross_a_line_break() -> None:
    left = "推动高质量发展\n加快建设现代化经济体系"
    right = "推动高质量发展\n加快建设现代化经济体系"
    runs = common_runs(left, right, 4)
    assert [(r.left_start, r.length) for r in runs] == [(0, 7), (8, 11)]


def test_short_passages_are_not_shared() -> None:
    assert common_runs("高质量发展", "推动高质量发展之路", 8) == []
    assert not any(presence("高质量发展", "推动高质量发展之路", 8))


texts = st.text(alphabet="发展建设推动\n甲乙", max_size=60)


@settings(max_examples=150, deadline=None)
@given(texts, texts, st.integers(min_value=2, max_value=6))
def test_runs_are_common_maximal_and_sorted(left: str, right: str, k: int) -> None:
    runs = common_runs(left, right, k)
    assert runs == sorted(runs, key=lambda r: (r.left_start, r.right_start))
    mask = presence(left, right, k)
    for r in runs:
        piece = left[r.left_start : r.left_end]
        assert r.length >= k and piece == right[r.right_start : r.right_end] and "\n" not in piece
        before = r.left_start > 0 and r.right_start > 0 and left[r.left_start - 1] == right[r.right_start - 1] != "\n"
        after = r.left_end < len(left) and r.right_end < len(right) and left[r.left_end] == right[r.right_end] != "\n"
        assert not before and not after, "a run extends as far as the texts agree"
        assert all(mask[r.left_start : r.left_end]), "presence marks every shared character"
    kept = cover(runs)
    covered = {i for r in runs for i in range(r.left_start, r.left_end)}
    assert covered == {i for r in kept for i in range(r.left_start, r.left_end)}


def test_shared_wording_counts_content_characters() -> None:
    left = "一、总体目标。到2025年，全市经济总量。"
    right = "二、重点任务。到2025年，全区产业。"
    runs = common_runs(left, right, 8)
    assert runs  # "。到2025年，全" is ten characters: evidence for the aligner
    assert content_length("。到2025年，全") == 3
    assert wording(runs, left, right, 8) == []  # but three of them carry meaning: not shared wording


def test_shared_wording_never_ends_inside_a_figure() -> None:
    left = "全区森林覆盖率稳步提高达到65%以上"
    right = "全区森林覆盖率稳步提高达到60%以上"
    [run] = wording(common_runs(left, right, 8), left, right, 8)
    assert left[run.left_start : run.left_end] == "全区森林覆盖率稳步提高达到"
    left, right = "推进产业园区建设2025年底建成", "推进产业园区建设2025年前建成"
    [run] = wording(common_runs(left, right, 8), left, right, 8)
    assert left[run.left_start : run.left_end] == "推进产业园区建设"


def test_stock_wording_is_common_policy_wording_only() -> None:
    assert is_stock("全面加强组织领导")
    assert is_stock("建立健全工作机制")
    assert not is_stock("全面推进乡村振兴")  # 乡村振兴 names a subject
    assert not is_stock("推动白酒产业转型升级")
    assert is_stock("健全规划实施监测评估机制")  # any plan says so
    assert not is_stock("2025")  # nothing to judge: not stock


with_figures = st.text(alphabet="发展建设推动甲乙12.%,。", max_size=40)


@settings(max_examples=150, deadline=None)
@given(with_figures, with_figures)
def test_shared_wording_is_common_and_long_enough(left: str, right: str) -> None:
    runs = common_runs(left, right, 4)
    for run in wording(runs, left, right, 4):
        piece = left[run.left_start : run.left_end]
        assert piece == right[run.right_start : run.right_end]
        assert content_length(piece) >= 4
        assert any(r.left_start <= run.left_start and run.left_end <= r.left_end for r in runs)
