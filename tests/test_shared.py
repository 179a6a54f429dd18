"""Shared wording: maximal common runs, the presence mask and the reported cover."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.revision import scaled_pair
from core import shared
from core.shared import Run, common_runs, content_length, cover, is_stock, presence, wording

PLAN = Path(__file__).resolve().parent.parent / "docs_in" / "jiangyang_14th_five_year_plan.txt"


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


def _looked_up_everywhere(left: str, right: str, k: int) -> list[Run]:
    """``common_runs`` the plain way: every k-gram of the left looked up, every seed extended
    a character at a time unless a run on its diagonal already covers it."""
    if not left or not right:
        return []
    index: dict[str, list[int]] = {}
    start = 0
    for line in right.split("\n"):
        for i in range(len(line) - k + 1):
            index.setdefault(line[i : i + k], []).append(start + i)
        start += len(line) + 1
    runs, covered_until = [], {}
    scale = len(right) / len(left)
    start = 0
    for line in left.split("\n"):
        for i in range(start, start + len(line) - k + 1):
            seeds = index.get(left[i : i + k], [])
            if len(seeds) > 4:  # a common k-gram: the two occurrences around the same relative place
                low = min(max(0, bisect_left(seeds, i * scale) - 1), len(seeds) - 2)
                seeds = seeds[low : low + 2]
            for j in seeds:
                if covered_until.get(j - i, -1) > i:
                    continue
                a, b = i, j
                while a > 0 and b > 0 and left[a - 1] == right[b - 1] != "\n":
                    a, b = a - 1, b - 1
                end = i + k
                while end < len(left) and end + j - i < len(right) and left[end] == right[end + j - i] != "\n":
                    end += 1
                covered_until[j - i] = end
                runs.append(Run(a, b, end - a))
        start += len(line) + 1
    return sorted(runs, key=lambda r: (r.left_start, r.right_start))


@st.composite
def _volumes(draw: st.DrawFn) -> tuple[str, str]:
    """Two documents that repeat one volume several times, each copy edited in a few places:
    k-grams that recur more than a few times, and copies that part and meet again."""
    volume = draw(st.text(alphabet="发展建设推动甲\n", min_size=1, max_size=40))

    def copies() -> str:
        out = []
        for _ in range(draw(st.integers(1, 9))):
            chars = list(volume)
            for _ in range(draw(st.integers(0, 3))):
                at = draw(st.integers(0, len(chars)))
                chars[at:at + draw(st.integers(0, 2))] = draw(st.text(alphabet="发展乙\n", max_size=2))
            out.append("".join(chars))
        return draw(st.sampled_from(["", "\n"])).join(out)

    return copies(), copies()


@settings(max_examples=300, deadline=None)
@given(_volumes(), st.integers(min_value=1, max_value=6))
def test_runs_are_those_of_looking_up_every_k_gram(pair: tuple[str, str], k: int) -> None:
    left, right = pair
    assert common_runs(left, right, k) == _looked_up_everywhere(left, right, k)
    grams = {line[i : i + k] for line in right.split("\n") for i in range(len(line) - k + 1)}
    marked, start = bytearray(len(left)), 0
    for line in left.split("\n"):
        for i in range(start, start + len(line) - k + 1):
            if left[i : i + k] in grams:
                marked[i : i + k] = b"\x01" * k
        start += len(line) + 1
    assert presence(left, right, k) == marked


def test_a_repeated_document_is_looked_up_once_a_stretch_not_once_a_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan's versions eight times over, as the benchmark grows it: each k-gram recurs
    in every copy, yet the left text is looked up about as rarely as when it is once."""
    lookups = []
    seed_range = shared._seed_range

    def counted(positions: list[int], expected: float) -> tuple[int, int]:
        lookups.append(1)
        return seed_range(positions, expected)

    monkeypatch.setattr(shared, "_seed_range", counted)
    plan = PLAN.read_text(encoding="utf-8")
    for copies in (1, 8):
        left, right = scaled_pair(plan, copies)
        lookups.clear()
        assert common_runs(left, right, 8)
        assert len(lookups) < len(left) / 10, f"{copies} copies: a lookup per character"
