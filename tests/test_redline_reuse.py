"""The redline reuses the engine's pair diffs and diffs only what no pair aligns, with a bound.

Paired sections come whole from their pair's diff, so the redline marks exactly what the
window and the reports mark; the stretches between them (headings, unpaired sections) are
diffed line by line and word by word, and no stretch longer than the limits is ever handed
to diff-match-patch, so no input (a punctuation-only file, one huge line) takes seconds.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch

from core.compare import compare_texts
from core.export import redline_stretches
from core.export.redline_build import tracked_pieces
from core.export.redline_pieces import Piece
from core.export.redline_stretches import LINE_LIMIT, WORD_LIMIT
from core.kinds import OpKind
from core.options import Options
from core.result import Comparison
from core.unit_diff import token_diff

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "docs_in/jiangyang_14th_five_year_plan.txt"
CITY = ROOT / "docs_in/luzhou_2020_decision.txt"


@cache
def hand_revision() -> Comparison:
    """The whole Jiangyang plan against a revision: a figure, two wordings, a paragraph deleted,
    one inserted, and 第五章's 第二节 moved into 第六章."""
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    revised = list(lines)
    revised[11] = revised[11].replace("8.5%", "9.0%", 1)
    revised[86] = revised[86].replace("发挥", "充分发挥", 1)
    revised[106] = revised[106].replace("加快", "全力", 1)
    revised = revised[:59] + revised[61:69] + revised[59:61] + revised[69:]
    revised.insert(48, "推动城乡融合发展示范区建设，到2025年建成省级示范镇5个以上。")
    del revised[20]
    return compare_texts("\n".join(lines), "\n".join(revised), Options(relation="revision"),
                         left_path="规划（征求意见稿）.txt", right_path="规划（送审稿）.txt")  # fmt: skip


def assert_rebuilds(comparison: Comparison) -> list[Piece]:
    pieces = tracked_pieces(comparison)
    assert "".join(p.text for p in pieces if p.kind != "delete") == comparison.right.text
    assert "".join(p.text for p in pieces if p.kind != "insert") == comparison.left.text
    return pieces


def test_only_what_no_pair_aligns_is_diffed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison = hand_revision()
    diffed: list[int] = []
    original = redline_stretches.diff_sections

    def counted(left, left_span, right, right_span, limit=None):  # type: ignore[no-untyped-def]
        diffed.append(left_span[1] - left_span[0] + right_span[1] - right_span[0])
        return original(left, left_span, right, right_span, limit)

    monkeypatch.setattr(redline_stretches, "diff_sections", counted)
    pieces = assert_rebuilds(comparison)
    size = len(comparison.left.text) + len(comparison.right.text)
    assert sum(diffed) < size / 50, f"{sum(diffed)} of {size} characters diffed again"
    assert [p.move for p in pieces if p.move and p.kind == "delete"] == [1]


def test_paired_sections_are_marked_as_their_pair_diff_marks() -> None:
    comparison = hand_revision()
    pieces = assert_rebuilds(comparison)
    deleted: list[bool] = []
    inserted: list[bool] = []
    for piece in pieces:
        changed = piece.kind != "equal" and not piece.form
        if piece.kind != "insert":
            deleted += [changed] * len(piece.text)
        if piece.kind != "delete":
            inserted += [changed] * len(piece.text)
    moved = {m.pair for m in comparison.moves}
    checked = 0
    for index, pair in enumerate(comparison.pairs):
        left, right = comparison.left.by_id[pair.left], comparison.right.by_id[pair.right]
        if index in moved or not (left.is_leaf and right.is_leaf and pair.diff):
            continue
        for op in pair.diff:
            changed = op.op is not OpKind.EQUAL
            assert deleted[op.left_start : op.left_end] == [changed] * (op.left_end - op.left_start), (pair, op)
            assert inserted[op.right_start : op.right_end] == [changed] * (op.right_end - op.right_start), (pair, op)
        checked += 1
    assert checked > 100


def _punctuation(size: int, seed: int) -> str:
    rng = random.Random(seed)
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < size:
        lines.append("".join(rng.choice("，。、；：“”（）《》！？—…·") for _ in range(rng.randint(20, 80))))
    return "\n".join(lines)


@pytest.mark.parametrize("case", ["punctuation against punctuation", "punctuation against a decision",
                                  "one huge line", "a decision against its lines shuffled"])  # fmt: skip
def test_no_stretch_beyond_the_limits_is_diffed(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    city = CITY.read_text(encoding="utf-8")
    shuffled = city.split("\n")
    random.Random(3).shuffle(shuffled)
    left, right = {
        "punctuation against punctuation": (_punctuation(4700, 1), _punctuation(4700, 2)),
        "punctuation against a decision": (_punctuation(4700, 1), city),
        "one huge line": (city.replace("\n", ""), city.replace("\n", "").replace("。", "；")),
        "a decision against its lines shuffled": (city, "\n".join(shuffled)),
    }[case]
    comparison = compare_texts(left, right)
    largest = 0
    original = diff_match_patch.diff_main

    def measured(self, text1, text2, checklines=True, deadline=None):  # type: ignore[no-untyped-def]
        nonlocal largest
        largest = max(largest, len(text1) + len(text2))
        return original(self, text1, text2, checklines, deadline)

    monkeypatch.setattr(diff_match_patch, "diff_main", measured)
    assert_rebuilds(comparison)
    assert largest <= max(WORD_LIMIT, LINE_LIMIT)


def test_token_diff_with_a_limit() -> None:
    same = token_diff("abcdefg", "abXdefg")
    assert token_diff("abcdefg", "abXdefg", limit=100) == same
    rng = random.Random(0)
    left = "".join(rng.choice("xyz") for _ in range(200))
    right = "".join(rng.choice("xyz") for _ in range(200))
    bounded = token_diff("HEAD" + left + "TAIL", "HEAD" + right + "TAIL", limit=50)
    ops = [op for op, _ in bounded]
    assert ops == [diff_match_patch.DIFF_EQUAL, diff_match_patch.DIFF_DELETE, diff_match_patch.DIFF_INSERT,
                   diff_match_patch.DIFF_EQUAL]  # fmt: skip
    assert sum(n for op, n in bounded if op != diff_match_patch.DIFF_INSERT) == len(left) + 8


def test_an_implementing_documents_unaligned_lines_are_replaced_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # Between the passages its pairs align, a city decision shares only stock words with the
    # province's: nothing there is diffed word by word, and the redline still rebuilds both texts.
    comparison = compare_texts((ROOT / "docs_in/sichuan_2020_decision_traditional.txt").read_text(encoding="utf-8"),
                               CITY.read_text(encoding="utf-8"), Options(relation="implementation"))
    diffed: list[int] = []
    monkeypatch.setattr(redline_stretches, "diff_sections", lambda *args, **kwargs: diffed.append(1))
    assert_rebuilds(comparison)
    assert diffed == []
