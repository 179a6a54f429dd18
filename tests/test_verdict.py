"""The overall verdict: identical inputs, inputs with almost nothing in common, unchanged runs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.compare import compare, compare_texts
from core.resources import samples_dir
from core.result import Comparison
from core.verdict import NOTHING_IN_COMMON, has_nothing_in_common, unchanged_sections, verdict

RULES = """关于推进城市更新工作的实施办法
第一章 总则
第一条 为了规范城市更新工作，推动城市高质量发展，制定本办法。
第二条 本办法适用于本市行政区域内的城市更新活动。
第二章 职责分工
第三条 市住房城乡建设部门负责统筹协调全市城市更新工作。
第四条 各区人民政府负责组织实施本辖区城市更新项目。
第三章 保障措施
第五条 加强资金保障，市财政每年安排城市更新专项资金500万元。
第四章 监督管理
第六条 建立城市更新项目督查机制，定期通报工作进展情况。
第五章 附则
第七条 本办法自2025年1月1日起施行。
"""

CHAPTER_THREE = "第三章 保障措施\n第五条 加强资金保障，市财政每年安排城市更新专项资金500万元。\n"

UNRELATED = """关于做好2024年春季农业生产工作的通知
一、抓好春播备耕
各地要及早调运种子化肥农药，组织农机检修，确保春耕物资供应充足。
二、加强田间管理
指导农户科学施肥、适时灌溉，防范倒春寒和病虫害对小麦返青的影响。
三、强化技术服务
组织农技人员下沉一线，开展面对面指导，推广节水灌溉和绿色防控技术。
"""


def labels(comparison: Comparison, side: str) -> list[str]:
    return [run.summary for run in verdict(comparison).runs(side)]


def test_one_changed_figure_leaves_the_other_chapters_as_unchanged_runs():
    comparison = compare_texts(RULES, RULES.replace("500万元", "600万元"))
    result = verdict(comparison)
    assert not result.identical
    assert not result.nothing_in_common
    for side in ("L", "R"):
        assert labels(comparison, side) == ["标题及第一章至第二章 未修改", "第四章至第五章 未修改"]
    text = comparison.left.text
    first, second = result.left_runs
    assert text[first.start : first.end].startswith("关于推进城市更新工作")
    assert text[first.start : first.end].endswith("组织实施本辖区城市更新项目。")
    assert text[second.start : second.end].startswith("第四章")
    assert text[second.start : second.end].endswith("本办法自2025年1月1日起施行。")


def test_no_navigation_stop_lies_inside_an_unchanged_run():
    right = RULES.replace("500万元", "600万元").replace("第四条 各区人民政府", "第四条 各区、县人民政府")
    comparison = compare_texts(RULES, right)
    assert comparison.changes
    for side, pick in (("L", lambda c: c.left), ("R", lambda c: c.right)):
        runs = verdict(comparison).runs(side)
        doc = comparison.left if side == "L" else comparison.right
        for change in comparison.changes:
            sid = pick(change)
            if sid is None:
                continue
            start = doc.by_id[sid].start
            assert not any(run.start <= start < run.end for run in runs), (side, sid)
    assert labels(comparison, "R") == ["标题及第一章 未修改", "第二章第三条 未修改", "第四章至第五章 未修改"]


def test_a_nested_run_is_cited_with_its_chapter():
    right = RULES.replace("第四条 各区人民政府", "第四条 各区、县人民政府")
    comparison = compare_texts(RULES, right)
    # Inside the changed 第二章, the unchanged 第三条 is cited where it stands.
    assert labels(comparison, "L") == ["标题及第一章 未修改", "第二章第三条 未修改", "第三章至第五章 未修改"]
    nested = verdict(comparison).left_runs[1]
    assert (nested.place, nested.label) == ("第二章", "第三条")  # a pane shows it under 第二章's heading


def test_deleted_and_inserted_articles_break_the_runs():
    right = RULES.replace("第六条 建立城市更新项目督查机制，定期通报工作进展情况。\n", "")
    right = right.replace("第七条 本办法", "第七条 各区可以结合实际制定实施细则。\n第八条 本办法")
    comparison = compare_texts(RULES, right)
    # The deleted 第六条 and the inserted 第七条 stay; the old 第七条, now 第八条, is unchanged.
    assert labels(comparison, "L") == ["标题及第一章至第三章 未修改", "第五章第七条 未修改"]
    assert labels(comparison, "R") == ["标题及第一章至第三章 未修改", "第五章第八条 未修改"]
    assert not verdict(comparison).identical


def test_a_moved_chapter_is_never_unchanged_on_either_side():
    moved = RULES.replace(CHAPTER_THREE, "").replace("第五章 附则", CHAPTER_THREE + "第五章 附则")
    comparison = compare_texts(RULES, moved)
    assert comparison.moves
    result = verdict(comparison)
    assert not result.identical
    for move in comparison.moves:
        assert move.left not in unchanged_sections(comparison, "L")
        assert move.right not in unchanged_sections(comparison, "R")
        for run in result.left_runs:
            assert move.left not in run.sections
        for run in result.right_runs:
            assert move.right not in run.sections


def test_identical_inputs_are_one_unchanged_run():
    comparison = compare_texts(RULES, RULES)
    result = verdict(comparison)
    assert result.identical
    assert not result.nothing_in_common
    assert [run.summary for run in result.left_runs] == ["标题及第一章至第五章 未修改"]
    assert (result.left_runs[0].start, result.left_runs[0].end) == (0, len(comparison.left.text.rstrip()))


def test_inputs_differing_only_in_width_and_spacing_are_identical():
    variant = RULES.replace("第一条 ", "第一条\u3000").replace("500", "５００").replace("2025", "２０２５")
    assert variant != RULES
    assert verdict(compare_texts(RULES, variant)).identical


def test_a_renumbered_article_is_not_identical_even_where_sections_pair_same():
    comparison = compare_texts(RULES, RULES.replace("第七条", "第八条"))
    assert not verdict(comparison).identical


def test_unrelated_documents_have_almost_nothing_in_common():
    comparison = compare_texts(RULES, UNRELATED)
    result = verdict(comparison)
    assert result.nothing_in_common
    assert not result.identical
    assert result.left_runs == () and result.right_runs == ()


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (0.0, 0.0, True),
        (NOTHING_IN_COMMON - 0.001, NOTHING_IN_COMMON - 0.001, True),
        (NOTHING_IN_COMMON, 0.01, False),  # one side quotes the other noticeably
        (0.01, 0.3, False),  # a short notice quoted whole in a long plan
    ],
)
def test_nothing_in_common_needs_little_shared_wording_on_both_sides(left, right, expected):
    comparison = compare_texts(RULES, UNRELATED)
    stats = replace(comparison.stats, left_shared=left, right_shared=right)
    assert has_nothing_in_common(replace(comparison, stats=stats)) is expected


DATA = Path(__file__).parent / "data"
SAMPLES = samples_dir()


@pytest.mark.parametrize(
    ("left", "right", "unrelated"),
    [
        # Unrelated real documents: the warning is due.
        (DATA / "implementation/compulsory_education_shanghai/base.txt",
         DATA / "implementation/new_energy_price_sichuan/base.txt", True),
        (SAMPLES / "jiangyang_14th_five_year_plan.txt", SAMPLES / "longmatan_2022_action_plan.txt", True),
        (DATA / "revision/shanghai_filing_review/new.txt", SAMPLES / "jiangyang_14th_five_year_plan.txt", True),
        # A revision and two implementing documents: no warning.
        (DATA / "revision/shanghai_filing_review/old.txt", DATA / "revision/shanghai_filing_review/new.txt", False),
        (SAMPLES / "sichuan_2020_decision_traditional.txt", SAMPLES / "luzhou_2020_decision.txt", False),
        (DATA / "implementation/compulsory_education_shanghai/base.txt",
         DATA / "implementation/compulsory_education_shanghai/implementation.txt", False),
    ],
    ids=["education-vs-price", "jiangyang-vs-longmatan", "filing-vs-jiangyang", "filing-revision",
         "province-vs-luzhou", "education-implementation"],
)
def test_real_documents_are_told_apart(left, right, unrelated):
    result = verdict(compare(left, right))
    assert result.nothing_in_common is unrelated
    assert not result.identical


def test_a_long_plan_against_itself_is_identical_and_one_changed_target_is_not():
    plan = (SAMPLES / "jiangyang_14th_five_year_plan.txt").read_text(encoding="utf-8")
    same = verdict(compare_texts(plan, plan))
    assert same.identical and not same.nothing_in_common
    assert len(same.left_runs) == 1
    revised = compare_texts(plan, plan.replace("力争达到 1200 亿元", "力争达到 1300 亿元", 1))
    result = verdict(revised)
    assert not result.identical
    changed = revised.right.text.index("1300")
    assert not any(run.start <= changed < run.end for run in result.right_runs)
    # Everything else is folded away: the runs cover all but the changed paragraph's surroundings.
    covered = sum(run.end - run.start for run in result.right_runs)
    assert covered > 0.9 * len(revised.right.text)
