"""Subject matching of implementing items: titles count by what they are about, not their verbs."""

from __future__ import annotations

from core.compare import compare_texts
from core.model import Options, PairKind

BASE = (
    "一、重点任务\n"
    "（一）培育壮大区域中心城市。支持中心城市提升综合承载能力，完善城市功能布局，建设现代化城市。\n"
    "（二）推动川渝毗邻地区联动发展。协同建设跨省交界区域合作平台，完善省际协商机制。\n"
)
LOCAL = (
    "一、重点任务\n"
    "（一）培育壮大纺织产业。引进印染龙头企业，建设纺织服装园区，发展家纺和功能面料。\n"
    "（二）深化毗邻地区合作。高水平规划建设新城，推进与相邻区县融合发展，共建产业园区。\n"
)


def _related(left: str, right: str) -> set[tuple[str, str]]:
    result = compare_texts(left, right)
    return {
        (result.left.by_id[p.left].number, result.right.by_id[p.right].number)
        for p in result.pairs
        if p.kind is PairKind.RELATED and result.left.by_id[p.left].is_leaf
    }


def test_items_sharing_a_subject_are_related() -> None:
    assert ("（二）", "（二）") in _related(BASE, LOCAL)


def test_items_sharing_only_an_action_verb_are_not() -> None:
    assert ("（一）", "（一）") not in _related(BASE, LOCAL)


def test_an_unnumbered_base_paragraph_no_item_can_carry_out_is_not_an_error() -> None:
    # Found by the property test: the numbered right item only looks at numbered base items.
    result = compare_texts("1111\n一、推进推进", "一、推进推进", Options(relation="implementation"))
    assert len(result.coverage.grades) == len(result.left.leaves)
