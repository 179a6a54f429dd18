"""Subject matching of implementing items: titles count by what they are about, not their verbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.compare import compare, compare_texts
from core.kinds import CoverageGrade, FindingKind, PairKind
from core.options import Options
from core.outline import is_formality

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


NOTICE = (
    "关于推进区域协调发展的通知\n"
    "各市（州）人民政府，省政府各部门：\n"
    "一、重点任务\n"
    "（一）推动川渝毗邻地区联动发展。\n"
    "协同建设跨省交界区域合作平台，完善省际协商机制。\n"
    "（二）完善疾病预防控制体系。\n"
    "提升传染病监测预警和应急处置能力。\n"
    "四川省人民政府\n"
    "2020年7月31日\n"
)
IMPLEMENTING = (
    "泸州市关于推进区域协调发展的实施意见\n"
    "各区县人民政府，市级各部门：\n"
    "一、重点任务\n"
    "（一）深化毗邻地区合作。\n"
    "推进与川渝毗邻区县共建合作平台，健全协商机制。\n"
    "（二）举办国际马拉松赛事。\n"
    "丰富市民体育健身活动。\n"
    "泸州市人民政府\n"
    "2020年9月1日\n"
)


def test_lines_that_address_or_sign_a_document_are_formalities() -> None:
    for line in ("各市（州）人民政府，省政府各部门：", "四川省发展和改革委员会", "2025年1月27日", "（2020年7月31日）",
                 "四川省发展和改革委员会 四川省能源局", "国家发展改革委　国家能源局"):
        assert is_formality(line), line
    for line in ("现将有关事项通知如下：", "各地要在2025年底前出台并实施具体方案。", "（一）加强组织领导。",
                 "省发展改革委 加强统筹协调", "各地 各部门"):
        assert not is_formality(line), line


def test_an_implementing_document_s_formalities_are_neither_missing_nor_local() -> None:
    result = compare_texts(NOTICE, IMPLEMENTING, Options(relation="implementation"))
    summaries = [f.summary for f in result.findings if f.kind is FindingKind.COVERAGE]
    assert summaries == ["未见落实：（二）完善疾病预防控制体系", "本地新增：（二）举办国际马拉松赛事"]
    graded = {result.left.by_id[sid].label for sid, _ in result.coverage.grades}
    assert not any(label.startswith(("各市", "四川省人民政府", "2020年")) for label in graded)
    local = [result.right.by_id[sid].label for sid in result.coverage.local]
    assert local == ["（二）举办国际马拉松赛事"]


def test_the_paragraphs_of_an_item_paired_whole_share_its_counterpart() -> None:
    data = Path(__file__).parent / "data" / "implementation" / "new_energy_price_sichuan"
    result = compare(data / "base.txt", data / "implementation.txt", Options(relation="implementation"))
    kinds = dict(result.coverage.right)
    carried = [a.right for a in result.assignments if a.left]
    inside = [leaf.id for leaf in result.right.leaves for unit in carried
              if result.right.by_id[unit].start <= leaf.start < result.right.by_id[unit].end]
    assert len(inside) > len(carried)  # some items are paired whole, with paragraphs below them
    assert all(kinds[sid] is not None for sid in inside)
    assert not set(inside) & set(result.coverage.local)


LAW = (
    "第一条 为了发展气象事业，规范气象工作，制定本法。\n"
    "第二条 国家依法保护气象设施，任何组织或者个人不得侵占、损毁或者擅自移动气象设施。\n"
    "第三条 未经依法批准，任何组织或者个人不得迁移气象台站；迁建费用由建设单位承担。\n"
)
MEASURE = (
    "第一条 为了实施《中华人民共和国气象法》，结合本市实际情况，制定本办法。\n"
    "第二条 本市依法保护气象设施，任何组织或者个人不得侵占、损毁或者擅自移动气象设施。\n"
    "确需迁移气象台站的，建设单位应当报经市气象主管机构批准；迁建费用由建设单位承担。\n"
    "迁移气象台站应当进行对比观测，迁移后的气象台站应当符合气象台站建设布局。\n"
)


def test_an_articles_first_paragraph_on_its_heading_line_counts_as_its_wording() -> None:
    # The measure's 第二条 copies the law's 第二条 in its first paragraph, which stands on the
    # article's heading line: the law's article is carried out, not left 未见落实.
    result = compare_texts(LAW, MEASURE, Options(relation="implementation"))
    second = next(s for s in result.left.sections if s.number == "第二条")
    measure_second = next(s for s in result.right.sections if s.number == "第二条")
    carried = {lid for a in result.assignments if a.right == measure_second.id for lid in a.left}
    assert second.id in carried
    assert result.coverage.grade_of[second.id] is not CoverageGrade.NOT_TAKEN_UP


CHAPTERED_LAW = ("第一章 总则\n第一条 为了加强人民防空建设，保护人民的生命和财产安全，制定本法。\n"
                 "第二条 人民防空经费由国家和社会共同负担。\n"
                 "中央负担的人民防空经费，列入中央预算；县级以上地方各级人民政府负担的人民防空经费，列入地方各级预算。\n"
                 "第三条 国务院、中央军事委员会领导全国的人民防空工作。\n国家人民防空主管部门管理全国的人民防空工作。\n"
                 "第二章 防护重点\n第四条 城市是人民防空的重点。国家对城市实行分类防护。\n"
                 "城市的防护类别、防护标准，由国务院、中央军事委员会规定。\n")
FLAT_MEASURE = ("第一条 根据《中华人民共和国人民防空法》，结合本省实际，制定本办法。\n"
                "第二条 县级以上人民政府和同级军事机关领导本行政区域的人民防空工作。\n"
                "人民防空主管部门管理本行政区域的人民防空工作。\n"
                "人民防空经费由县级以上人民政府负担，列入本级财政预算。\n"
                "第三条 城市人民政府应当按照国家规定的防护类别和防护标准，做好城市人民防空工作。\n")


def test_a_chapter_is_no_counterpart_of_an_article() -> None:
    # The measure's 第二条 carries out most of the law's 总则, but one article is not the chapter.
    result = compare_texts(CHAPTERED_LAW, FLAT_MEASURE, Options(relation="implementation"))
    pairs = {(result.left.by_id[p.left].number, result.right.by_id[p.right].number) for p in result.pairs}
    assert ("第三条", "第二条") in pairs
    assert not {left for left, _ in pairs} & {"第一章", "第二章"}


def test_a_regulation_compared_with_itself_pairs_each_first_paragraph_with_its_own() -> None:
    # Two articles of 聊城市大气污染防治条例 (LawRefBook/Laws): each holds its first paragraph
    # as a leaf on the heading's line, followed by items, and both paragraphs open with the
    # same penalty wording. Runs from the line's start once belonged to the articles, and the
    # paragraphs, found only through the stock wording inside them, were paired crosswise.
    text = ("第七十条 违反本条例第十九条、第二十条规定，有下列行为之一的，由市、县（市区）环境保护主管部门"
            "责令限期改正，处二万元以上二十万元以下的罚款，拒不改正的，责令停产整治：\n"
            "（一）未按照规定安装、使用大气污染物排放自动监测设备的；\n"
            "（二）未按照规定与环境保护主管部门的监控设备联网的。\n"
            "第七十一条 违反本条例第二十二条规定的，由县级以上环境保护主管部门责令改正。\n"
            "第八十二条 违反本条例第四十一条规定，有下列行为之一的，由市、县（市区）环境保护主管部门"
            "责令限期改正，处五千元的罚款：\n"
            "（一）未按照规定进行非道路移动机械排放检验的；\n"
            "（二）使用排放不合格的非道路移动机械的。\n")
    result = compare_texts(text, text, Options(relation="revision"))
    assert {p.kind for p in result.pairs} == {PairKind.SAME}
    left, right = result.left.by_id, result.right.by_id
    assert all(left[p.left].start == right[p.right].start for p in result.pairs)
    assert {p.left for p in result.pairs} >= {s.id for s in result.left.leaves}
    assert result.findings == ()


ROOT = Path(__file__).resolve().parent.parent
REAL = sorted([*ROOT.glob("docs_in/*.txt"), *ROOT.glob("tests/data/*/*/*.txt")])


@pytest.mark.parametrize("path", REAL, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_real_document_compared_with_itself_is_unchanged_everywhere(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = compare_texts(text, text, Options(relation="revision"))
    assert {p.kind for p in result.pairs} == {PairKind.SAME}
    left, right = result.left.by_id, result.right.by_id
    assert all(left[p.left].start == right[p.right].start for p in result.pairs)
    assert result.findings == ()


def test_a_copy_with_private_use_glyphs_inside_its_lines_reads_as_the_same_text() -> None:
    left = "第一条 为了防治环境噪声污染，制定本条例。\n第二条 本省行政区域内环境噪声污染的防治，适用本条例。\n"
    right = left.replace("噪声", "噪\ue004声")
    result = compare_texts(left, right, Options(relation="revision"))
    assert {p.kind for p in result.pairs} == {PairKind.SAME}
    assert result.findings == ()


def test_lines_of_zero_width_spaces_are_no_paragraphs() -> None:
    # Web copies of laws (公司法 2023, 突发事件应对法 2024 in LawRefBook/Laws) hold empty paragraphs
    # made of a zero-width space: compared with itself, such a law reported each as deleted and inserted.
    text = ("第一条 为了规范公司的组织和行为，制定本法。\n\u200b\n"
            "第二条 本法所称公司，是指有限责任公司和股份有限公司。\n\u200b\u200d\n")
    result = compare_texts(text, text, Options(relation="revision"))
    assert {p.kind for p in result.pairs} == {PairKind.SAME} and result.findings == ()
    assert "\u200b" not in result.left.text
    without = text.replace("\u200b\n", "").replace("\u200b\u200d\n", "")
    plain = compare_texts(text, without, Options(relation="revision"))
    assert plain.findings == ()


def test_a_point_split_off_a_paragraph_pairs_with_it_though_too_short_to_share_a_passage() -> None:
    # 会计法 2017 第三十六条 → 2024 第三十四条: the ways of organising the accounts became points;
    # 设置会计机构 is shorter than a shared passage, yet its text was there.
    old = ("第三十六条 各单位应当根据会计业务的需要，设置会计机构，或者在有关机构中设置会计人员并指定会计主管人员；"
           "不具备设置条件的，应当委托经批准设立从事会计代理记帐业务的中介机构代理记帐。\n"
           "国有的和国有资产占控股地位或者主导地位的大、中型企业必须设置总会计师。\n")
    new = ("第三十四条 各单位应当根据会计业务的需要，依法采取下列一种方式组织本单位的会计工作：\n（一）设置会计机构；\n"
           "（二）在有关机构中设置会计岗位并指定会计主管人员；\n（三）委托经批准设立从事会计代理记账业务的中介机构代理记账；\n"
           "（四）国务院财政部门规定的其他方式。\n国有的和国有资本占控股地位或者主导地位的大、中型企业必须设置总会计师。\n")
    result = compare_texts(old, new, Options(relation="revision"))
    # （一） word for word; （二） and （三） reworded (会计岗位, 记账), each a small part of the old paragraph.
    for number in ("（一）", "（二）", "（三）"):
        point = next(s for s in result.right.sections if s.number == number)
        assert any(p.right == point.id and p.kind is PairKind.MODIFIED for p in result.pairs), number
    said = " ".join(f.summary for f in result.findings)
    assert not [words for words in ("设置会计机构", "会计岗位", "代理记账") if words in said]
