"""Policy findings: planted changes of known truth are found, nothing else is."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import opencc
import pytest
from revision_generator import FINDING_VARIANTS, Planted, Revision, leaf_line_indices, revise

from core.compare import compare_texts
from core.dates import dates
from core.export.json_report import to_json
from core.kinds import Direction, FindingKind
from core.obligations import duties, modals, scale
from core.options import Options
from core.quantities import chinese_number, quantities
from core.result import Comparison, Finding
from core.tokens import tokenize

SAMPLES = Path(__file__).resolve().parent.parent / "docs_in"
BASES = ("jiangyang_14th_five_year_plan.txt", "longmatan_2022_action_plan.txt")
FOREIGN = "sichuan_2020_decision_traditional.txt"
SEEDS = (0, 1, 2)
THRESHOLD = 0.9
VARIANT_KIND = {
    "numbers": FindingKind.QUANTITY, "dates": FindingKind.DATE, "modals": FindingKind.MODAL,
    "duties": FindingKind.DUTY,
}


_T2S = opencc.OpenCC("t2s")


@cache
def _read(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@cache
def _run(base: str, variant: str, seed: int) -> tuple[Revision, Comparison]:
    revision = revise(_read(base), variant, seed, _read(FOREIGN))
    return revision, compare_texts(revision.original, revision.revised)


def _inside(pos: int | None, span: tuple[int, int] | None) -> bool:
    return pos is not None and span is not None and span[0] <= pos <= max(span[0], span[1] - 1)


def _hits(finding: Finding, truth: Planted) -> bool:
    if finding.kind is not truth.kind or finding.direction is not truth.direction:
        return False
    # The planted values are Simplified; a Traditional side's finding quotes its own script.
    if truth.before not in _T2S.convert(finding.before) or truth.after not in _T2S.convert(finding.after):
        return False
    if truth.direction is Direction.REMOVED:
        return _inside(truth.left, finding.left)
    return _inside(truth.right, finding.right)


def _coverage_truth(revision: Revision, result: Comparison) -> list[Planted]:
    """Leaves deleted from the original and leaves made only of inserted lines."""
    used = set().union(*(line.sources for line in revision.lines))
    truth = []
    for sid, lines in leaf_line_indices(revision.original, result.left.sections).items():
        if lines and not used & set(lines):
            truth.append(Planted(FindingKind.COVERAGE, Direction.REMOVED, "", "", result.left.by_id[sid].start))
    for sid, lines in leaf_line_indices(revision.revised, result.right.sections).items():
        if lines and all(not revision.lines[i].sources for i in lines):
            truth.append(Planted(FindingKind.COVERAGE, Direction.ADDED, "", "", None, result.right.by_id[sid].start))
    return truth


def _score(runs: list[tuple[list[Finding], list[Planted]]]) -> tuple[float, float]:
    found = correct = truth_total = truth_hit = 0
    for predicted, truth in runs:
        found += len(predicted)
        correct += sum(1 for f in predicted if any(_hits(f, t) for t in truth))
        truth_total += len(truth)
        truth_hit += sum(1 for t in truth if any(_hits(f, t) for f in predicted))
    assert truth_total, "the generator must plant something"
    return correct / max(1, found), truth_hit / truth_total


@pytest.mark.parametrize("variant", FINDING_VARIANTS)
def test_planted_changes_are_found(variant: str) -> None:
    kind = VARIANT_KIND[variant]
    runs = []
    for base in BASES:
        for seed in SEEDS:
            revision, result = _run(base, variant, seed)
            # Every finding counts against precision, whatever its kind: the variant changes only one kind.
            runs.append((list(result.findings), [t for t in revision.planted if t.kind is kind]))
    precision, recall = _score(runs)
    assert precision >= THRESHOLD, f"{variant}: precision {precision:.3f}"
    assert recall >= THRESHOLD, f"{variant}: recall {recall:.3f}"


@pytest.mark.slow
def test_coverage_findings_match_deleted_and_inserted_items() -> None:
    runs = []
    for base in BASES:
        for variant in ("delete", "insert"):
            for seed in SEEDS:
                revision, result = _run(base, variant, seed)
                predicted = [f for f in result.findings if f.kind is FindingKind.COVERAGE]
                truth = _coverage_truth(revision, result)
                runs.append((predicted, truth))
                for f in predicted:
                    assert f.summary.startswith("删除" if f.direction is Direction.REMOVED else "新增")
    precision, recall = _score(runs)
    assert precision >= THRESHOLD, f"coverage: precision {precision:.3f}"
    assert recall >= THRESHOLD, f"coverage: recall {recall:.3f}"


@pytest.mark.parametrize("base", BASES)
def test_no_findings_on_unchanged_or_renumbered_documents(base: str) -> None:
    text = _read(base)
    assert compare_texts(text, text).findings == ()
    for seed in SEEDS:
        revision, result = _run(base, "renumber", seed)
        assert revision.original != revision.revised
        assert result.findings == (), [f.summary for f in result.findings]


def test_values_and_offsets_are_display_text_of_a_traditional_side() -> None:
    revision, _ = _run("longmatan_2022_action_plan.txt", "numbers", 0)
    left = opencc.OpenCC("s2t").convert(revision.original)
    result = compare_texts(left, revision.revised)
    changed = [f for f in result.findings if f.kind is FindingKind.QUANTITY]
    truth = [t for t in revision.planted]
    assert sum(1 for t in truth if any(_hits(f, t) for f in changed)) >= THRESHOLD * len(truth)
    for f in result.findings:
        if f.left and f.before:
            assert result.left.text[f.left[0]:f.left[1]] == f.before
        if f.right and f.after:
            assert result.right.text[f.right[0]:f.right[1]] == f.after


def test_summaries_name_the_values() -> None:
    left = ("一、目标\n（一）总体目标。到2025年，完成30%的改造任务，应当加强管理。"
            "（牵头单位：区财政局、区统计局等单位）\n")
    right = ("一、目标\n（一）总体目标。到2027年，完成35%的改造任务，鼓励加强管理。"
             "（牵头单位：区财政局、区审计局等单位）\n")
    summaries = [f.summary for f in compare_texts(left, right).findings]
    assert summaries == [
        "时限 2025年 → 2027年", "目标值 30% → 35%", "约束力减弱：应当 → 鼓励",
        "牵头单位新增：区审计局", "牵头单位删除：区统计局",
    ]


def test_the_amount_of_a_fine_is_named_as_one() -> None:
    left = ("第一章 总则\n第一条 为了规范示例管理，制定本法。\n第二章 法律责任\n"
            "第二条 违反本法规定的，由主管部门责令改正，可以并处五万元以上二十万元以下的罚款。\n"
            "第三条 到2025年，示例覆盖率达到30%。\n")
    right = left.replace("五万元以上二十万元以下的罚款", "十万元以上五十万元以下的罚款").replace("30%", "35%")
    summaries = [f.summary for f in compare_texts(left, right).findings]
    assert summaries == ["罚款 五万元以上二十万元以下 → 十万元以上五十万元以下", "目标值 30% → 35%"]


def test_a_cap_that_became_a_rate_is_one_change() -> None:
    # 十万元以下 became a range per square metre: one fine, read with its base.
    left = ("第一章 总则\n第一条 为了规范示例管理，制定本法。\n第二章 法律责任\n"
            "第二条 违反本法规定不修建地下室的，由主管部门责令限期修建，可以并处十万元以下的罚款。\n")
    right = left.replace("十万元以下的罚款", "每平方米三十元以上五十元以下的罚款")
    summaries = [f.summary for f in compare_texts(left, right).findings]
    assert summaries == ["罚款 十万元以下 → 每平方米三十元以上五十元以下"]


def test_a_range_and_a_rate_are_values_of_their_own() -> None:
    text = "处五千元以上、二万元以下罚款，每平方米每月十元以上二十元以下，三年以上十年以下，五元以上三元以下"
    found = {text[m.start:m.end]: m.key for m in quantities(text)}
    assert found["五千元以上、二万元以下"] == ("quantity", "元", (5000.0, 20000.0), "", "")
    assert found["每平方米每月十元以上二十元以下"] == ("quantity", "元", (10.0, 20.0), "", "每平方米每月")
    assert found["三年以上十年以下"] == ("quantity", "年", (3.0, 10.0), "", "")
    # a floor above the cap that follows it is no range
    assert found["五元以上"] == ("quantity", "元", (5.0,), "以上", "")
    assert found["三元以下"] == ("quantity", "元", (3.0,), "以下", "")


def test_a_value_moved_with_its_sentence_is_no_change() -> None:
    left = "一、任务\n（一）加强建设。完成30个项目建设任务。到2025年建成5所学校。必须守住安全底线。\n"
    right = "一、任务\n（一）加强建设。到2025年建成5所学校。必须守住安全底线。完成30个项目建设任务。\n"
    result = compare_texts(left, right)
    assert result.pairs and result.findings == ()


def test_findings_follow_the_right_reading_order_and_reach_the_json() -> None:
    _, result = _run("longmatan_2022_action_plan.txt", "numbers", 1)
    positions = [f.right[0] for f in result.findings if f.right]
    assert positions == sorted(positions)
    data = to_json(result)["findings"]
    assert len(data) == len(result.findings)
    assert {"kind", "direction", "left", "right", "before", "after", "pair", "summary"} <= set(data[0])


def test_quantities_and_dates_are_parsed_with_units_and_ranges() -> None:
    text = ("到2025年完成30%以上、5-10个、1000亿元，百强、一批、三年内、2022年底前、"
            '"十四五"期间、年内建成，1.5倍，第三，g246')
    found = {text[m.start:m.end]: m.key for m in quantities(text)}
    assert found["30%以上"] == ("quantity", "%", (30.0,), "以上", "")
    assert found["5-10个"] == ("quantity", "个", (5.0, 10.0), "", "")
    assert found["1000亿元"] == ("quantity", "元", (1e11,), "", "")
    assert found["三年"] == ("quantity", "年", (3.0,), "", "")
    assert {"百强", "一批", "1.5倍"} <= set(found)
    assert not any(k.startswith(("三", "246")) and k not in ("三年",) for k in found)
    assert [text[m.start:m.end] for m in dates(text)] == ["2025年", "2022年底前", '"十四五"期间', "年内"]
    assert chinese_number("一百二十") == 120 and chinese_number("两万") == 20000 and chinese_number("百") == 100


def test_modal_scale_and_duty_lists_come_from_the_resource() -> None:
    levels = scale().levels
    assert levels["必须"] > levels["应当"] > levels["力争"] > levels["支持"] > levels["探索"]
    assert levels["支持"] == levels["鼓励"]
    assert "牵头单位" in scale().duty_labels
    text = "要深入贯彻重要讲话精神，主要任务是鼓励创新"
    assert [text[m.start:m.end] for m in modals(text, tokenize(text))] == ["要", "鼓励"]
    text = "(牵头单位:区自然资源和规划分局、区发展改革局等单位;配合单位:长开区相关单位)"
    assert [m.key for m in duties(text)] == [
        ("牵头单位", "区自然资源和规划分局"), ("牵头单位", "区发展改革局"), ("配合单位", "长开区相关单位"),
    ]


def test_an_implementation_reports_changed_values_not_one_sided_ones() -> None:
    base = ("关于推进节水型城市建设的意见\n"
            "一、节约用水\n（一）到2025年，全省万元工业增加值用水量下降16%，对违规取水的单位处五万元以上五十万元以下的罚款。\n"
            "二、污水处理\n（二）加快污水处理厂建设，城市污水处理率达到95%。\n")
    implementation = ("关于推进节水型城市建设的实施方案\n"
                      "一、节约用水\n（一）到2025年，全市万元工业增加值用水量下降18%，每年开展一次节水检查。\n"
                      "二、污水处理\n（二）加快污水处理厂建设，城市污水处理率达到95%。\n")
    options = Options(relation="implementation")
    found = [f for f in compare_texts(base, implementation, options).findings if f.kind is FindingKind.QUANTITY]
    assert [(f.direction, f.before, f.after) for f in found] == [(Direction.CHANGED, "16%", "18%")]
    # The same pair as a revision names the fine that was left out and the yearly check added.
    revised = compare_texts(base, implementation, Options(relation="revision")).findings
    assert {f.direction for f in revised if f.kind is FindingKind.QUANTITY} >= {Direction.REMOVED}


def _revision_summaries(left: str, right: str, kind: FindingKind | None = None) -> list[str]:
    """The summaries of the findings of ``right`` read as a revision of ``left`` (of ``kind`` only, if given)."""
    findings = compare_texts(left, right, Options(relation="revision")).findings
    return [f.summary for f in findings if kind is None or f.kind is kind]


def test_a_threshold_and_a_period_are_named_as_such() -> None:
    # 文物保护法 2017 → 2024 and 慈善法 2016 → 2023 (LawRefBook/Laws), shortened.
    left = ("第一章 总则\n第一条 为了规范示例管理，制定本法。\n第二章 法律责任\n"
            "第二条 违法经营额五万元以上的，并处违法经营额二倍以上五倍以下的罚款；违法经营额不足五万元的，"
            "并处二万元以上二十万元以下的罚款。\n第三条 依法登记满二年的慈善组织，可以申请公开募捐资格。\n")
    right = left.replace("五万元", "三万元").replace("满二年", "满一年")
    assert _revision_summaries(left, right) == [
        "数额 五万元以上 → 三万元以上", "数额 五万元 → 三万元", "期限 二年 → 一年"]


def test_a_law_s_time_limits_are_values() -> None:
    # 保守国家秘密法实施条例 and 公司法 (LawRefBook/Laws), shortened: 日 and 个工作日 are spans of
    # time, compared with each other; a change of either was no finding at all.
    left = ("第一条 为了规范示例管理，制定本条例。\n"
            "第二条 行政机关应当自收到申请之日起十五日内作出决定，并自拟定之日起10日内报有关部门确定。\n")
    right = left.replace("十五日内", "三十日内").replace("10日内", "10个工作日内")
    assert _revision_summaries(left, right) == ["期限 十五日 → 三十日", "期限 10日 → 10个工作日"]


def test_in_a_law_must_and_shall_bind_alike() -> None:
    # 公司法 2018 → 2023 (LawRefBook/Laws) writes 应当 for 必须 throughout: no duty is lighter.
    law = ("第一条 为了规范公司的组织和行为，制定本法。\n第二条 公司从事经营活动，必须遵守法律、行政法规。\n"
           "第三条 设立公司，必须依法制定公司章程。\n"
           "第四条 公司可以设立分公司，分公司不具有法人资格，其民事责任由公司承担。\n")
    revised = law.replace("必须", "应当").replace("可以设立", "应当设立")
    assert _revision_summaries(law, revised) == ["约束力增强：可以 → 应当"]
    plan = ("一、总体要求\n（一）全市上下必须提高政治站位，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n"
            "（二）加快建设现代产业体系，推动先进制造业和现代服务业深度融合。\n")
    summaries = [f.summary for f in compare_texts(plan, plan.replace("必须", "应当")).findings]
    assert summaries == ["约束力减弱：必须 → 应当"]


# 会计法 2017 第四十三条 and 第四十四条 (one fine each for the unit and for the persons in
# charge), merged into 2024 第四十一条, which fines by illegal income first and raises both tiers.
_FALSIFY = ("第四十三条 伪造、变造会计凭证、会计帐簿，编制虚假财务会计报告，构成犯罪的，依法追究刑事责任。\n"
            "有前款行为，尚不构成犯罪的，由县级以上人民政府财政部门予以通报，可以对单位并处五千元以上十万元以下"
            "的罚款；对其直接负责的主管人员和其他直接责任人员，可以处三千元以上五万元以下的罚款。\n")
_DESTROY = ("第四十四条 隐匿或者故意销毁依法应当保存的会计凭证、会计帐簿、财务会计报告，构成犯罪的，"
            "依法追究刑事责任。\n"
            "有前款行为，尚不构成犯罪的，由县级以上人民政府财政部门予以通报，可以对单位并处五千元以上十万元以下"
            "的罚款；对其直接负责的主管人员和其他直接责任人员，可以处三千元以上五万元以下的罚款。\n")
_MERGED = ("第四十一条 伪造、变造会计凭证、会计账簿，编制虚假财务会计报告，隐匿或者故意销毁依法应当保存的会计凭证、"
           "会计账簿、财务会计报告的，由县级以上人民政府财政部门责令限期改正，给予警告、通报批评，没收违法所得，"
           "违法所得二十万元以上的，对单位可以并处违法所得一倍以上十倍以下的罚款，没有违法所得或者违法所得不足"
           "二十万元的，可以并处二十万元以上二百万元以下的罚款；对其直接负责的主管人员和其他直接责任人员可以处"
           "十万元以上五十万元以下的罚款，情节严重的，可以处五十万元以上二百万元以下的罚款；构成犯罪的，依法追究刑事责任。\n")


def test_a_rewritten_fine_keeps_its_tier() -> None:
    # The unit's fine becomes the unit's, the persons' the persons': not the first values of the
    # rewritten clause in turn (the income threshold, then the unit's fine).
    result = compare_texts(_DESTROY, _MERGED.replace("第四十一条", "第四十四条"), Options(relation="revision"))
    summaries = [f.summary for f in result.findings if f.kind is FindingKind.QUANTITY]
    assert "罚款 五千元以上十万元以下 → 二十万元以上二百万元以下" in summaries
    assert "罚款 三千元以上五万元以下 → 十万元以上五十万元以下" in summaries


def test_two_articles_merged_into_one_are_both_carried_and_said_once() -> None:
    result = compare_texts(_FALSIFY + _DESTROY, _MERGED, Options(relation="revision"))
    assert not [f.summary for f in result.findings if f.kind is FindingKind.COVERAGE]
    summaries = [f.summary for f in result.findings]
    assert summaries.count("罚款 三千元以上五万元以下 → 十万元以上五十万元以下") == 1


def test_a_fine_raised_by_a_new_tier_keeps_its_place() -> None:
    # 会计法 2017 第四十二条 → 2024 第四十条: the fines become 二十万元以下 (unit) and 五万元以下 (persons),
    # and a new tier 情节严重的 … follows with both again; an old fine is not the new tier's, even
    # where the diff lines the old persons' clause up with the new tier's, which repeats its words.
    old = ("第四十二条 违反本法规定，有下列行为之一的，由县级以上人民政府财政部门责令限期改正，可以对单位并处"
           "三千元以上五万元以下的罚款；对其直接负责的主管人员和其他直接责任人员，可以处二千元以上二万元以下的罚款。\n")
    new = ("第四十条 违反本法规定，有下列行为之一的，由县级以上人民政府财政部门责令限期改正，给予警告、通报批评，"
           "对单位可以并处二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员可以处五万元以下的罚款；"
           "情节严重的，对单位可以并处二十万元以上一百万元以下的罚款，对其直接负责的主管人员和其他直接责任人员"
           "可以处五万元以上五十万元以下的罚款。\n")
    summaries = [f.summary for f in compare_texts(old, new, Options(relation="revision")).findings]
    assert "罚款 三千元以上五万元以下 → 二十万元以下" in summaries
    assert "罚款 二千元以上二万元以下 → 五万元以下" in summaries
    assert "新增罚款：二十万元以上一百万元以下" in summaries
    assert "新增罚款：五万元以上五十万元以下" in summaries


def test_a_fine_keeps_whom_it_fines_and_what_raises_it() -> None:
    # 反垄断法 2007 第五十二条 → 2022 第六十二条: the persons' and the units' fines, each with a
    # 情节严重 tier, become the units' (by turnover, else 五百万元以下) and the persons'. The unit's
    # new fine is said far from 对单位, and the persons' plain fine is not its raised tier.
    old = ("第五十二条 对反垄断执法机构依法实施的审查和调查，拒绝提供有关材料、信息，或者提供虚假材料、信息，"
           "或者隐匿、销毁、转移证据，或者有其他拒绝、阻碍调查行为的，由反垄断执法机构责令改正，对个人可以处"
           "二万元以下的罚款，对单位可以处二十万元以下的罚款；情节严重的，对个人处二万元以上十万元以下的罚款，"
           "对单位处二十万元以上一百万元以下的罚款；构成犯罪的，依法追究刑事责任。\n")
    new = ("第五十二条 对反垄断执法机构依法实施的审查和调查，拒绝提供有关材料、信息，或者提供虚假材料、信息，"
           "或者隐匿、销毁、转移证据，或者有其他拒绝、阻碍调查行为的，由反垄断执法机构责令改正，对单位处上一"
           "年度销售额百分之一以下的罚款，上一年度没有销售额或者销售额难以计算的，处五百万元以下的罚款；对个人"
           "处五十万元以下的罚款。\n")
    summaries = _revision_summaries(old, new, FindingKind.QUANTITY)
    assert "罚款 二十万元以下 → 五百万元以下" in summaries
    assert "罚款 二万元以下 → 五十万元以下" in summaries
    assert "删除罚款：二万元以上十万元以下" in summaries


def test_a_fine_kept_by_a_renumbered_point_is_no_change_of_its_neighbour() -> None:
    # 废旧金属收购业治安管理办法 1994 → 2023: old (二) went, old (三) became (二) with its fine. The
    # diff pairs old (二) with new (二) as well, through their shared wording; 200元以下 is old
    # (三)'s, kept, and old (二)'s 500元以下 did not become it.
    old = ("第十三条 有下列情形之一的，由公安机关给予相应处罚：\n"
           "(一)违反本办法第四条第一款规定，未领取特种行业许可证收购生产性废旧金属的，予以取缔，没收非法收购的"
           "物品及非法所得，可以并处5000元以上10000元以下的罚款；\n"
           "(二)违反本办法第四条第二款规定，未履行备案手续收购非生产性废旧金属的，予以警告或者处以500元以下的罚款；\n"
           "(三)违反本办法第六条规定，未向公安机关办理注销、变更手续的，予以警告或者处以200元以下的罚款；\n"
           "(四)违反本办法第七条规定，非法设点收购废旧金属的，予以取缔，没收非法收购的物品及非法所得，可以并处"
           "5000元以上10000元以下的罚款。\n")
    new = ("第十一条 有下列情形之一的，由公安机关给予相应处罚：\n"
           "（一）违反本办法第四条第一款规定，未履行备案手续收购生产性废旧金属的，予以警告，责令限期改正，逾期"
           "拒不改正的，视情节轻重，处以500元以上2000元以下的罚款；\n"
           "（二）违反本办法第四条第二款规定，未向公安机关办理变更手续的，予以警告或者处以200元以下的罚款；\n"
           "（三）违反本办法第六条规定，非法设点收购废旧金属的，予以取缔，没收非法收购的物品及非法所得，可以并处"
           "5000元以上10000元以下的罚款。\n")
    summaries = _revision_summaries(old, new, FindingKind.QUANTITY)
    assert "罚款 500元以下 → 200元以下" not in summaries



def test_a_fine_does_not_change_into_one_of_another_tier() -> None:
    # 反洗钱法 2006 第三十二条 → 2024 第五十四条: the unit's fine gains an ordinary tier (五十万元以下);
    # the persons' fine, said under 情节严重 after a list of persons joined by 、, leaves the article.
    old = ("第三十二条 金融机构有下列行为之一的，由国务院反洗钱行政主管部门或者其授权的设区的市一级以上派出机构"
           "责令限期改正；情节严重的，处二十万元以上五十万元以下罚款，并对直接负责的董事、高级管理人员和其他直接"
           "责任人员，处一万元以上五万元以下罚款。\n")
    new = ("第三十二条 金融机构有下列行为之一的，由国务院反洗钱行政主管部门或者其设区的市级以上派出机构责令限期"
           "改正，处五十万元以下罚款；情节严重的，处五十万元以上五百万元以下罚款。\n")
    summaries = _revision_summaries(old, new, FindingKind.QUANTITY)
    assert "罚款 二十万元以上五十万元以下 → 五十万元以上五百万元以下" in summaries
    assert "新增罚款：五十万元以下" in summaries
    assert "删除罚款：一万元以上五万元以下" in summaries
    # Refusing to comply is one tier however it is said (烈士褒扬条例 2019 第三十八条 → 2024 第六十条).
    old = ("第三十八条 负有烈士遗属优待义务的单位不履行优待义务的，由县级人民政府退役军人事务部门责令限期改正；"
           "逾期不改正的，处2000元以上1万元以下的罚款。\n")
    new = ("第三十八条 负有烈士遗属优待义务的单位不履行优待义务的，由县级以上地方人民政府退役军人工作主管部门"
           "责令限期履行义务；逾期仍未履行的，处2万元以上5万元以下的罚款。\n")
    summaries = _revision_summaries(old, new, FindingKind.QUANTITY)
    assert summaries == ["罚款 2000元以上1万元以下 → 2万元以上5万元以下"]


def test_a_number_a_law_sets_is_named_as_a_rule_not_a_target() -> None:
    # 公司法 2018 → 2023 and 专利法实施细则 2010 → 2023 (LawRefBook/Laws), shortened: a board's size and
    # an abstract's length are rules; a rate the text sets out to reach is a target.
    old = ("第一条 为了规范公司的组织和行为，制定本法。\n第二条 有限责任公司设董事会，其成员为三人以上。\n"
           "第三条 摘要文字部分不得超过300个字。\n第四条 到2025年，示范企业覆盖率达到30%。\n")
    new = old.replace("三人以上", "五人以上").replace("300个字", "500个字").replace("30%", "35%")
    assert _revision_summaries(old, new, FindingKind.QUANTITY) == [
        "数值 三人以上 → 五人以上", "数值 300个 → 500个", "目标值 30% → 35%"]
    # The same numbers in a plan are its targets.
    def as_plan(text: str) -> str:
        for numeral in "一二三四":
            text = text.replace(f"第{numeral}条 ", f"{numeral}、")
        return text

    assert "目标值 300个 → 500个" in _revision_summaries(as_plan(old), as_plan(new), FindingKind.QUANTITY)
