"""The rules of ``core.implement`` one by one, on small hand-made items."""

from __future__ import annotations

from dataclasses import replace

from core.implement import Item, Wording, assign, grades, noise_ceiling
from core.kinds import CoverageGrade
from core.pairs import Assignment

BASE = (
    Item("L1", "加快白酒产业转型升级，打造世界级优质白酒产业集群。", None, True),
    Item("L2", "完善疾病预防控制体系，提升传染病监测预警和应急处置能力。", None, True),
    Item("L3", "推进长江航运贸易中心建设，发展多式联运和港口物流。", None, True),
    Item("L4", "加强耕地保护，严守永久基本农田红线，稳定粮食播种面积。", None, True),
)


def _wording(left: int, right: int, acceptable: bool = False, left_share: float = 0.1) -> Wording:
    return Wording(left, right, left_share, 0.1, acceptable)


def test_the_noise_ceiling_rises_slowly_with_the_number_of_candidates() -> None:
    assert noise_ceiling(2) == 0.0
    ceilings = [noise_ceiling(n) for n in (10, 50, 200, 1000)]
    assert ceilings == sorted(ceilings)
    assert 1.0 < ceilings[0] < ceilings[-1] < 3.5


def test_items_about_one_base_subject_all_carry_it_out() -> None:
    right = (
        Item("R1", "支持泸州老窖等白酒龙头企业做大做强，建设白酒产业园区。", None, True),
        Item("R2", "打造白酒文化旅游品牌，推动白酒产业与旅游融合。", None, True),
        Item("R3", "建设区域疾病预防控制中心，健全传染病监测预警网络。", None, True),
    )
    found = assign(BASE, right, {})
    chosen = {a.right: a.left[0] for a in found.assignments}
    assert chosen == {"R1": "L1", "R2": "L1", "R3": "L2"}
    first = found.assignments[0]
    assert first.alternatives[0][0] == "L1" and first.margin > 0
    assert "白酒" in "".join(first.terms)


def test_an_item_sharing_no_subject_word_is_local() -> None:
    right = (Item("R1", "举办国际马拉松赛事，丰富市民体育健身活动。", None, True),)
    assert assign(BASE, right, {}).assignments[0].left == ()


def test_a_numbered_item_does_not_carry_out_an_unnumbered_lead_paragraph() -> None:
    base = (*BASE, Item("L0", "为贯彻落实白酒产业发展部署，现提出如下意见。", None, False))
    right = (Item("R1", "支持白酒龙头企业做大做强，建设白酒产业园区。", None, True),)
    found = assign(base, right, {})
    assert found.assignments[0].left[0] == "L1"
    assert "L0" not in dict(found.assignments[0].alternatives)


def test_an_item_quoting_a_second_base_item_carries_out_both() -> None:
    right = (Item("R1", "加快白酒产业转型升级，打造优质白酒产业集群，推进长江航运贸易中心建设。", None, True),)
    found = assign(BASE, right, {("L3", "R1"): _wording(14, 14, acceptable=True)})
    assert set(found.assignments[0].left) == {"L1", "L3"}


def test_a_base_item_quoted_in_passing_is_touched_not_forgotten() -> None:
    right = (Item("R1", "加快白酒产业转型升级，打造优质白酒产业集群，严守永久基本农田红线。", None, True),)
    found = assign(BASE, right, {("L4", "R1"): _wording(12, 12)})
    assert found.assignments[0].left == ("L1",)
    assert found.touched.get("L4") == "R1"
    assert "L2" not in found.touched


def test_wording_an_item_shares_with_its_own_base_item_quotes_no_other() -> None:
    # R1 carries out L1; the passage it shares with L4 is L1's wording too, so it quotes nothing of L4.
    base = (Item("L1", "加快白酒产业转型升级，严守永久基本农田红线，打造优质白酒产业集群。", None, True), *BASE[1:])
    right = (Item("R1", "加快白酒产业转型升级，打造优质白酒产业集群，严守永久基本农田红线。", None, True),)
    passage = ((0, 12, "严守永久基本农田红线"),)
    own = Wording(12, 12, 0.1, 0.1, False, passage)
    assert "L4" not in assign(base, right, {("L4", "R1"): own}).touched
    elsewhere = Wording(12, 12, 0.1, 0.1, False, ((0, 12, "稳定粮食播种面积，严守红线"),))
    assert assign(base, right, {("L4", "R1"): elsewhere}).touched.get("L4") == "R1"


def test_the_bases_stock_wording_quotes_no_article() -> None:
    # 依法给予处分 closes three of the base's articles: an item repeating it quotes none of them;
    # 严守永久基本农田红线 is L4's alone, and quoting it touches L4.
    base = (*(replace(b, text=b.text + "违反规定的，依法给予处分。") for b in BASE[1:]), BASE[0])
    right = (Item("R1", "加快白酒产业转型升级，打造优质白酒产业集群，违反规定的，依法给予处分。", None, True),)
    stock = Wording(12, 12, 0.1, 0.1, False, ((0, 12, "违反规定的，依法给予处分。"),))
    assert "L4" not in assign(base, right, {("L4", "R1"): stock}).touched
    own = Wording(12, 12, 0.1, 0.1, False, ((0, 12, "严守永久基本农田红线，"),))
    assert assign(base, right, {("L4", "R1"): own}).touched.get("L4") == "R1"


def test_grades_say_how_each_base_item_was_taken_up() -> None:
    right = (
        Item("R1", "支持白酒龙头企业做大做强，建设白酒产业园区。", None, True),
        Item("R2", "打造白酒文化旅游品牌，推动白酒产业与旅游融合。", None, True),
        Item("R3", "完善疾病预防控制体系，提升传染病监测预警和应急处置能力。", None, True),
        Item("R4", "推动港口物流和多式联运发展，建设航运物流枢纽。", None, True),
    )
    wording = {("L2", "R3"): _wording(27, 27, acceptable=True, left_share=1.0)}
    found = assign(BASE, right, wording)
    graded = dict(grades([b.id for b in BASE], found.assignments, found.touched, wording))
    assert graded["L1"] is CoverageGrade.ELABORATED
    assert graded["L2"] is CoverageGrade.COPIED
    assert graded["L3"] is CoverageGrade.ADAPTED
    assert graded["L4"] is CoverageGrade.NOT_TAKEN_UP


def test_nothing_to_carry_out_makes_every_item_local() -> None:
    right = (Item("R1", "支持白酒龙头企业做大做强。", None, True),)
    found = assign((), right, {})
    assert [a.left for a in found.assignments] == [()]


def test_a_lead_paragraph_is_touched_when_its_part_is_carried_out() -> None:
    base = (
        Item("L0", "坚持以成渝地区双城经济圈建设为战略引领，推动区域协同发展。", "H2", False),
        Item("L1", "加快白酒产业转型升级，打造世界级优质白酒产业集群。", "H2", True),
        Item("L9", "强化财政金融政策支撑，确保各项目标任务落实落地。", "H3", False),
        Item("L8", "完善疾病预防控制体系，提升传染病监测预警和应急处置能力。", "H3", True),
    )
    right = (Item("R1", "加快白酒产业转型升级，支持白酒龙头企业做大做强。", None, True),)
    found = assign(base, right, {})
    assert found.assignments[0].left == ("L1",)
    assert found.touched.get("L0") == "R1"  # its part's item is carried out
    assert "L9" not in found.touched  # nothing of its part is


# Two base items about 物流, one in the industry chapter, one in the transport chapter; R2
# sits in a chapter whose other item carries out a transport item.
CHAPTERED_BASE = (
    Item("L1", "发展现代物流产业，培育物流龙头企业。", "industry", True),
    Item("L2", "推动白酒、电子信息产业集群发展。", "industry", True),
    Item("L3", "发展港口物流，建设物流枢纽。", "transport", True),
    Item("L4", "加快长江航道整治和港口码头建设。", "transport", True),
)
CHAPTERED_ITEMS = (
    Item("R1", "加快长江航道和港口码头建设。", "ours", True),
    Item("R2", "发展现代物流，建设物流园区。", "ours", True),
)


def test_a_near_tie_goes_to_the_base_item_in_the_matching_chapter() -> None:
    base, right = CHAPTERED_BASE, CHAPTERED_ITEMS
    scores = {a.right: a.left[0] for a in assign(base, right, {}).assignments}
    assert scores == {"R1": "L4", "R2": "L3"}
    # Without chapters the better score alone decides.
    flat = tuple(Item(b.id, b.text, None, True) for b in base)
    assert assign(flat, right, {}).assignments[1].left[0] == "L1"


def test_a_preamble_naming_the_base_does_not_hide_the_article_touching_a_base_item() -> None:
    # The preamble shares 《中华人民共和国……法》 with the customs article and scores highest with
    # it, but only R3 addresses customs: the article is touched by R3, not left 未见落实.
    base = (
        Item("L0", "为了规范邮政服务，保障用户合法权益，制定本法。", None, True),
        *BASE,
        Item("L5", "海关依照《中华人民共和国海关法》的规定，对进出境的国际邮袋实施监管。", None, True),
    )
    right = (
        Item("R0", "为了规范邮政服务，根据《中华人民共和国邮政法》的规定，结合本市实际，制定本规定。", None, False),
        Item("R1", "加快白酒产业转型升级，打造优质白酒产业集群。", None, True),
        Item("R2", "完善疾病预防控制体系，提升传染病监测预警能力。", None, True),
        Item("R3", "推进长江航运贸易中心建设，发展港口物流，为海关监管提供便利条件。", None, True),
        Item("R4", "加强耕地保护，严守永久基本农田红线。", None, True),
    )
    found = assign(base, right, {})
    assert [a.left for a in found.assignments] == [("L0",), ("L1",), ("L2",), ("L3",), ("L4",)]
    assert found.touched == {"L5": "R3"}


def test_sharing_only_the_documents_topic_does_not_touch_a_base_item() -> None:
    # Every item is about 水土保持; the base item on 罚款 is addressed by nothing else.
    base = (
        Item("L1", "水土保持规划应当征求意见，水土保持规划经批准后公布。", None, True),
        Item("L2", "水土保持设施验收不合格的，生产建设项目不得投产使用，罚款由水行政主管部门决定。", None, True),
        Item("L3", "水土保持监测站点应当定期公告水土流失动态。", None, True),
    )
    right = (
        Item("R1", "本市水土保持规划由市水行政主管部门编制，水土保持规划报市人民政府批准后公布。", None, True),
        Item("R2", "水土保持监测站点每年公告本市水土流失动态监测结果。", None, True),
    )
    found = assign(base, right, {})
    carried = {lid for a in found.assignments for lid in a.left}
    assert carried == {"L1", "L3"}
    assert "L2" not in found.touched


def test_the_purpose_article_carries_out_the_bases_purpose_article() -> None:
    base = (
        Item("L1", "第一条 为了发展事业，规范工作，保护资源，制定本法。", None, True),
        Item("L2", "第二条 在中华人民共和国领域和中华人民共和国管辖的海域从事气象探测，应当遵守本法。", None, True),
    )
    right = (
        Item("R1", "第一条 为了实施《中华人民共和国气象法》，结合本市实际情况，制定本办法。", None, True),
    )
    assert assign(base, right, {}).assignments[0].left[0] == "L1"
    # 制定本市……规划 states no purpose: such an article is paired by its subject as any other.
    planning = Item("R2", "第十条 本市应当制定本市气象探测规划，服务气象预报。", None, True)
    assert assign(base, (planning,), {}).assignments[0].left[0] == "L2"


def test_the_purpose_article_carries_out_the_article_leaving_implementing_rules_to_the_provinces() -> None:
    base = (
        Item("L1", "第一条 为了发展气象事业，规范气象工作，制定本法。", None, True),
        Item("L2", "第二条 气象台站应当加强气象探测，提高气象预报的准确性。", None, True),
        Item("L3", "第四十条 省、自治区、直辖市人民代表大会常务委员会可以根据本法制定实施办法。", None, True),
    )
    right = (
        Item("R1", "第一条 根据《中华人民共和国气象法》，结合本市实际，制定本办法。", None, True),
        Item("R2", "第二条 本市气象台站应当加强气象探测，提高气象预报的准确性。", None, True),
        Item("R3", "第三条 市人民政府应当根据本办法制定气象设施建设规划。", None, True),
    )
    found = assign(base, right, {})
    assert [a.left for a in found.assignments] == [("L1", "L3"), ("L2",), ("L2",)]


def test_only_the_purpose_article_carries_out_the_bases_purpose_article() -> None:
    # The scope article shares the purpose article's subject words (房屋征收与补偿) more than
    # the base's own scope article does, yet restates that scope article.
    base = (
        Item("L1", "第一条 为了规范房屋征收与补偿活动，维护公共利益，制定本条例。", None, True),
        Item("L2", "第二条 为了公共利益的需要，征收国有土地上单位、个人的房屋，应当给予公平补偿。", None, True),
        Item("L3", "第三条 市、县级人民政府负责本行政区域的房屋征收工作。", None, True),
        # Further articles, so that 国有土地 is not what every article is about.
        Item("L4", "第四条 被征收人对补偿决定不服的，可以依法申请行政复议。", None, True),
        Item("L5", "第五条 房屋征收部门应当对房屋征收范围内房屋的权属、区位、用途进行调查登记。", None, True),
    )
    right = (Item("R1", "第二条 在本省行政区域内国有土地上，因公共利益需要实施房屋征收与补偿，适用本条例。",
                  None, True),)
    assert assign(base, right, {}).assignments[0].left[0] == "L2"


def test_a_scope_article_carries_out_the_bases_scope_article_or_nothing() -> None:
    law = (
        Item("L1", "第一条 为了保障适龄儿童、少年接受义务教育的权利，制定本法。", None, True),
        Item("L2", "第二条 国家实行九年义务教育制度。", None, True),
        Item("L3", "第六十二条 民办学校实施义务教育的，依照民办教育促进法有关规定执行；"
                   "民办教育促进法未作规定的，适用本法。", None, True),
    )
    scope = Item("R1", "第二条 本市行政区域内义务教育的实施及其有关管理活动，适用本办法。", None, True)
    # The law has no scope article, and the article after its purpose shares only the topic.
    assert assign(law, (scope,), {}).assignments[0].left == ()
    with_scope = (*law[:2], Item("L4", "第三条 在中华人民共和国境内实施义务教育，适用本法。", None, True), law[2])
    assert assign(with_scope, (scope,), {}).assignments[0].left[0] == "L4"
    # A base article the scope article takes up word for word is what it carries out.
    quoting = Item("R2", scope.text + "\n本办法所称义务教育，是指国家统一实施的所有适龄儿童、少年必须接受的教育。",
                   None, True)
    wording = {("L2", "R2"): _wording(30, 30, acceptable=True)}
    assert assign(law, (quoting,), wording).assignments[0].left[0] == "L2"


def test_a_short_form_names_the_subject_of_its_full_form() -> None:
    from core.subjects import SubjectSpace, in_short_form

    assert in_short_form("人民代表大会常务委员会和人民代表大会") == "人大常委会和人大"
    space = SubjectSpace({"law": "国家鼓励和支持科学技术研究。", "measure": "加强科技研发。",
                          "other": "加强耕地保护。"})
    assert space.cosine("law", "measure") > space.cosine("law", "other")


def test_a_runner_up_that_only_scores_well_is_touched_not_carried_out() -> None:
    others = ("发展数字经济，建设大数据中心。", "推进乡村振兴，发展特色农业。", "加强生态环境保护，推进长江生态修复。",
              "深化教育改革，建设高水平大学。", "完善医疗保障制度，扩大医保覆盖。", "加强社会治安综合治理。",
              "推进政务服务一网通办。", "繁荣文化事业，建设公共图书馆。")
    base = (*BASE, *(Item(f"L{5 + i}", text, None, True) for i, text in enumerate(others)))
    right = (Item("R1", "打造优质白酒产业集群，支持白酒龙头企业，配套发展港口物流和多式联运。", None, True),)
    found = assign(base, right, {})
    assert found.assignments[0].left == ("L1",)
    assert found.touched.get("L3") == "R1"
    assert "L3" in dict(found.assignments[0].alternatives)


def test_scores_keep_only_candidates_sharing_a_term() -> None:
    # Thousands of candidates cost what the few sharing terms cost: the rest are counted.
    from core.implement import _Scores

    base = tuple(Item(f"L{i:04}", f"第{i}条 事项{i}。", None, True) for i in range(600))
    right = (Item("R0", "事项安排。", None, True), Item("R1", "加快白酒产业转型升级。", None, True))
    scores = _Scores((*base, *BASE), right)
    assert len(scores.candidates["R1"]) == 604
    assert set(scores.score["R1"]) == {"L1"}
    assert scores.leading("R1", 3)[0][0] == "L1" and scores.leading("R1", 3)[1] == ("L0000", 0.0)
    assert assign((*base, *BASE), right, {}).assignments[1].left == ("L1",)


def test_a_grouped_space_equals_one_built_from_the_joined_texts() -> None:
    from core.subjects import SubjectSpace

    texts = {item.id: item.text for item in BASE}
    groups = {"industry": ["L1", "L3"], "society": ["L2", "L4"]}
    grouped = SubjectSpace(texts).grouped(groups)
    joined = SubjectSpace({key: "\n".join(texts[m] for m in members) for key, members in groups.items()})
    assert grouped.vectors == joined.vectors and grouped.words == joined.words


def test_whether_any_of_many_texts_shares_a_subject_is_what_their_holders_say() -> None:
    from core.subjects import SubjectSpace

    space = SubjectSpace({item.id: item.text for item in BASE} | {"R1": "建设白酒产业园区。", "R2": "加强组织领导。"})
    for key in ("R1", "R2", "L3"):
        for others in ({"L1": 0.1, "L2": 0.2}, {"L2": 0.2, "L4": 0.3}, {}):
            assert space.shares_subject_with_any(key, others) == (not space.sharing_subject(key).isdisjoint(others))
    assert space.shares_subject_with_any("R1", {"L1": 0.1}) and not space.shares_subject_with_any("R2", {"L1": 0.1})


def test_an_item_sharing_only_crowded_words_goes_to_the_closest_chapter() -> None:
    # Every base item holds 水土保持, so it is searched by no one and scores 0 with R1; R1's
    # chapter (X) is about B's subjects through R2, so R1 goes to B's first item.
    topics = ("耕地保护", "森林防火", "湿地修复", "草原管护", "河道治理",
              "矿山复绿", "沙化防治", "梯田建设", "坡耕地改造", "淤地坝建设")
    base = tuple(Item(f"L{i:02d}", f"做好水土保持工作，加强{topic}。", "A" if i < 5 else "B", True)
                 for i, topic in enumerate(topics))
    right = (Item("R1", "本市水土保持。", "X", True),
             Item("R2", "推进梯田建设和坡耕地改造，实施淤地坝建设。", "X", True))
    found = assign(base, right, {})
    assert found.assignments[0].left == ("L05",)
    # Nothing but numbers in common with any base item: local.
    alone = assign(base, (Item("R3", "第一百二十三号。", "X", True),), {})
    assert alone.assignments[0].left == ()


LAW_DEFINITIONS = (
    Item("L1", "第十条 各级气象主管机构应当加强气象设施的建设和气象探测环境的保护。", None, True),
    Item("L2", "第四十一条 本法中下列用语的含义是:\n(一)气象设施,是指气象探测设施、气象信息专用传输设施。\n"
               "(二)气象灾害,是指台风、暴雨、寒潮、大风等所造成的灾害。", None, True),
)


def test_a_definitions_article_restates_the_base_definitions_of_its_own_terms() -> None:
    restating = Item("R1", "第四十条 本办法中下列用语的含义是:\n(一)气象灾害,是指台风、暴雨、寒潮等所造成的灾害。",
                     None, True)
    assert assign(LAW_DEFINITIONS, (restating,), {}).assignments[0].left == ("L2",)


def test_a_definitions_article_of_new_terms_only_is_local() -> None:
    # It shares 气象设施 and 气象探测 with the base's articles, but defines terms the law
    # does not: it restates none of the law's definitions.
    own = Item("R1", "第四十三条 本办法中下列用语的含义是:\n"
                     "(一)气象设施建设项目,是指市人民政府建设的气象探测设施项目。\n"
                     "(二)气象灾害预警信号,是指气象台站向社会公众发布的警报信息图标。", None, True)
    assert assign(LAW_DEFINITIONS, (own,), {}).assignments[0].left == ()


def test_once_an_item_addresses_the_base_the_best_score_decides_not_a_common_word() -> None:
    # R1 shares a subject word (身心) with L1 only, but its wording (社会…活动, 相适应) is L2's.
    base = (
        Item("L1", "第三十四条 教育教学工作应当符合学生身心发展特点,注重培养学生独立思考能力。", None, True),
        Item("L2", "第三十六条 学校应当开展与学生年龄相适应的社会实践活动,形成思想道德教育体系。", None, True),
        Item("L3", "第四十三条 学生人均公用经费基本标准由国务院财政部门制定。", None, True),
    )
    right = (Item("R1", "第四十二条 学校应当组织学生开展与其身心特点相适应的社会公益活动。", None, True),)
    found = assign(base, right, {})
    assert found.assignments[0].left[0] == "L2"


def test_a_near_tie_names_the_base_item_it_beat_as_its_rival() -> None:
    found = {a.right: a for a in assign(CHAPTERED_BASE, CHAPTERED_ITEMS, {}).assignments}
    # R2 went to L3 by its chapter, though L1 scores as well: the drafter should check it.
    assert found["R2"].left[0] == "L3" and found["R2"].rival == "L1"
    # R1 stands out: no rival.
    assert found["R1"].left[0] == "L4" and found["R1"].rival is None


def test_shared_wording_settles_a_near_tie() -> None:
    base = (
        Item("L1", "发展现代物流产业，培育物流龙头企业。", None, True),
        Item("L3", "发展港口物流，建设物流枢纽。", None, True),
        BASE[1],
        BASE[3],
    )
    right = (Item("R2", "发展现代物流，建设物流园区。", None, True),)
    unsettled = assign(base, right, {}).assignments[0]
    assert unsettled.rival is not None
    settled = assign(base, right, {(unsettled.left[0], "R2"): _wording(12, 12, acceptable=True)}).assignments[0]
    assert settled.left[0] == unsettled.left[0] and settled.rival is None


def test_a_local_item_and_a_purpose_article_have_no_rival() -> None:
    base = (Item("L1", "为了保护和合理利用水土资源，制定本法。", None, True), *BASE)
    right = (
        Item("R1", "为了实施《中华人民共和国水土保持法》，结合本市实际，制定本办法。", None, True),
        Item("R2", "举办国际马拉松赛事，丰富市民体育健身活动。", None, True),
    )
    assert [a.rival for a in assign(base, right, {}).assignments] == [None, None]


def test_an_unnumbered_paragraph_names_no_rival() -> None:
    lead = Item("R2", CHAPTERED_ITEMS[1].text, "ours", False)
    found = assign(CHAPTERED_BASE, (CHAPTERED_ITEMS[0], lead), {}).assignments[1]
    assert found.left and found.rival is None


def test_an_ordinary_item_does_not_carry_out_the_bases_definitions_article() -> None:
    # The definitions article names every term the law uses; an item sharing them restates no definition.
    definitions = Item("L9", "本法下列用语的含义:快递,是指在承诺的时限内快速完成的寄递活动。"
                             "邮件,是指邮政企业寄递的信件、包裹。", None, True)
    delivery = Item("L8", "邮政企业采取按址投递、用户领取的方式投递邮件。", None, True)
    right = (Item("R1", "快递企业应当按照约定的时限将快件递送至收件人，告知收件人当面验收快件。", None, True),)
    found = assign((*BASE, delivery, definitions), right, {}).assignments[0]
    assert found.left and found.left[0] != "L9"


def test_a_near_tie_is_to_check_on_the_base_item_that_won_it() -> None:
    tied = Assignment("R1", ("L1", "L3"), (("L1", 0.3), ("L2", 0.28)), 0.02, (), rival="L2")
    assert tied.to_check() and tied.to_check("L1")
    assert not tied.to_check("L3")  # quoted besides, it won nothing
    assert not replace(tied, rival=None).to_check("L1")


def test_a_penalty_article_carries_out_the_base_penalty_for_what_it_cites() -> None:
    # R2 shares the stock wording of sanctions with L4, the duty it punishes (R1's) with L3.
    law = (
        Item("L1", "禁止向农业劳动者推广未经试验证明具有先进性、适用性的农业技术。", None, True, "第一条"),
        Item("L2", "任何单位或者个人不得截留或者挪用用于农业技术推广的资金。", None, True, "第二条"),
        Item("L3", "违反本法规定，向农业劳动者推广未经试验证明具有先进性、适用性的农业技术，造成损失的，"
                   "应当承担赔偿责任。", None, True, "第三条"),
        Item("L4", "违反本法规定，截留或者挪用用于农业技术推广的资金的，责令改正，对直接负责的主管人员和其他"
                   "直接责任人员依法给予处分。", None, True, "第四条"),
        # The law's other penalties: the wording of sanctions is its stock.
        Item("L5", "违反本法规定，侵占农业技术推广机构的试验基地的，责令改正，对直接负责的主管人员和其他"
                   "直接责任人员依法给予处分。", None, True, "第五条"),
        Item("L6", "农业技术推广机构未依照本法规定履行职责的，责令改正，对直接负责的主管人员和其他"
                   "直接责任人员依法给予处分。", None, True, "第六条"),
        # Articles on other subjects, as a law has: the duty's words are no topic of the whole.
        *(replace(base, id=f"L{n}", number=f"第{n}条") for n, base in enumerate(BASE, start=7)),
    )
    duty = Item("R1", "禁止推广未在本市经过试验证明具有先进性、适用性的农业技术。", None, True, "第一条")
    penalty = Item("R2", "违反本办法第一条规定的，由主管部门责令改正，并依法给予处分。", None, True, "第二条")
    chosen = {a.right: a.left[:1] for a in assign(law, (duty, penalty), {}).assignments}
    assert chosen == {"R1": ("L1",), "R2": ("L3",)}
    # Without the article it cites (an item of another document), the stock wording decides.
    alone = assign(law, (penalty,), {}).assignments[0]
    assert alone.left[:1] != ("L3",)


def test_a_penalty_article_follows_its_duty_to_the_base_penalty_citing_that_duty() -> None:
    # L3 names the duty it punishes by number only; L4, another breach, shares R2's words.
    law = (
        Item("L1", "任何单位和个人不得侵占、损毁或者擅自移动气象设施。", None, True, "第一条"),
        Item("L2", "气象设施的建设应当符合气象设施建设规划。", None, True, "第二条"),
        Item("L3", "违反本法第一条规定的，依法给予处罚。", None, True, "第三条"),
        Item("L4", "违反本法规定，擅自移动气象设施标志、侵占气象设施用地的，由气象主管机构责令停止违法行为，"
                   "可以并处五万元以下的罚款。", None, True, "第四条"),
        *(replace(base, id=f"L{n}", number=f"第{n}条") for n, base in enumerate(BASE, start=5)),
    )
    duty = Item("R1", "本市依法保护气象设施，任何单位和个人不得侵占、损毁或者擅自移动气象设施。", None, True, "第一条")
    penalty = Item("R2", "违反本办法第一条规定，擅自移动本市气象设施的，由气象主管机构责令停止违法行为，"
                         "可以并处五万元以下罚款。", None, True, "第二条")
    chosen = {a.right: a.left[:1] for a in assign(law, (duty, penalty), {}).assignments}
    assert chosen == {"R1": ("L1",), "R2": ("L3",)}


def test_a_penalty_on_officials_carries_out_the_base_penalty_on_officials() -> None:
    # R1 lists the breaches of the measure's own duties, and shares more words with L1's penalty on
    # the blood stations than with L2, the law's article on its officials' misconduct.
    law = (
        Item("L1", "血站违反有关操作规程和制度采集血液，由县级以上地方人民政府卫生行政部门责令改正；给献血者"
                   "健康造成损害的，应当依法赔偿，对直接负责的主管人员和其他直接责任人员，依法给予行政处分。",
             None, True, "第一条"),
        Item("L2", "卫生行政部门及其工作人员在献血、用血的监督管理工作中，玩忽职守，造成严重后果，构成犯罪的，"
                   "依法追究刑事责任；尚不构成犯罪的，依法给予行政处分。", None, True, "第二条"),
        Item("L3", "违反本法规定，构成犯罪的，依法追究刑事责任。", None, True, "第三条"),
        *(replace(base, id=f"L{n}", number=f"第{n}条") for n, base in enumerate(BASE, start=4)),
    )
    officials = Item("R1", "卫生健康主管部门、献血管理机构及其工作人员有下列行为之一的，由有权机关对直接负责的"
                           "主管人员和其他直接责任人员依法给予处分：（一）不按照规定管理、使用献血工作经费的；"
                           "（二）违反有关操作规程和制度采集血液的；（三）其他玩忽职守、滥用职权、徇私舞弊的。",
                     None, True, "第一条")
    assert assign(law, (officials,), {}).assignments[0].left[:1] == ("L2",)
    # A law with no such article leaves the choice to the rank.
    without = tuple(base for base in law if base.id != "L2")
    assert assign(without, (officials,), {}).assignments[0].left[:1] == ("L1",)


def test_a_reward_for_merit_carries_out_the_base_reward_even_after_other_sentences() -> None:
    # 档案法 rewards merit in the second paragraph of an article on social support; every base item
    # holds 档案, so the measure's reward shares no scored term with it.
    law = tuple(Item(f"L{n}", f"档案{text}", None, True, f"第{n}条") for n, text in enumerate(
        ("馆应当收集档案。", "机构应当保管档案。", "工作人员应当整理档案。",
         "事业国家鼓励社会力量参与和支持档案事业的发展。\n对在档案收集、整理、保护、利用等方面做出突出贡献的单位和个人，"
         "按照国家有关规定给予表彰、奖励。"), start=1))
    reward = Item("R1", "对在开展档案工作、发展档案事业中作出显著成绩的单位或者个人，由地方各级人民政府给予奖励。",
                  None, True, "第一条")
    assert assign(law, (reward,), {}).assignments[0].left[:1] == ("L4",)
    # Without a reward in the base, the kind decides nothing.
    assert assign(law[:3], (reward,), {}).assignments[0].left[:1] != ("L4",)


def test_when_a_measure_takes_effect_is_its_own_unless_it_quotes_the_base() -> None:
    law = (
        *(replace(base, number=f"第{n}条") for n, base in enumerate(BASE, start=1)),
        Item("L5", "本法自1998年10月1日起施行。", None, True, "第五条"),
        Item("L6", "本条例自公布之日起施行。2001年6月13日国务院公布的《城市房屋拆迁管理条例》同时废止。", None, True,
             "第六条"),
    )
    effect = Item("R1", "本办法自2014年1月1日起施行。", None, True, "第一条")
    interpreting = Item("R2", "本办法具体应用中的问题，由市人民政府负责解释。", None, True, "第二条")
    # The two effective dates share 起施行, enough to call two sentences this short one modified.
    wording = {("L5", "R1"): Wording(8, 8, 0.6, 0.6, True, ((0, 8, "年1月1日起施行"),))}
    found = assign(law, (effect, interpreting), wording)
    assert [a.left for a in found.assignments] == [(), ()]
    # Repealing the regulation the base repeals quotes the base's article.
    repealing = Item("R3", "本条例自2014年10月1日起施行。《浙江省城市房屋拆迁管理条例》同时废止。", None, True,
                     "第三条")
    quoted = {("L6", "R3"): Wording(14, 14, 0.3, 0.4, False, ((0, 14, "城市房屋拆迁管理条例》同时废止"),))}
    assert assign(law, (repealing,), quoted).assignments[0].left == ("L6",)


def test_an_article_punishing_nothing_carries_out_no_penalty() -> None:
    # R1 grants powers to investigate; L2 punishes the breaches it names in more of R1's words.
    law = (
        Item("L1", "工商行政管理部门应当在各自的职责范围内保护消费者的合法权益，及时调查处理消费者的意见。",
             None, True, "第一条"),
        Item("L2", "经营者侵害消费者合法权益，经工商行政管理部门调查属实的，由工商行政管理部门责令改正，"
                   "没收违法所得，处以违法所得一倍以上十倍以下的罚款。", None, True, "第二条"),
        *(replace(base, id=f"L{n}", number=f"第{n}条") for n, base in enumerate(BASE, start=3)),
    )
    powers = Item("R1", "工商行政管理部门查处侵害消费者权益的违法行为时，可以询问有关当事人，检查与违法行为"
                        "有关的场所，查阅、复制有关的合同、发票、账册。", None, True, "第一条")
    assert assign(law, (powers,), {}).assignments[0].left[:1] == ("L1",)
    # The same text made a penalty (it imposes a fine) may carry out the base's penalty.
    fining = replace(powers, text=powers.text + "拒绝检查的，处以一万元以下的罚款。")
    assert assign(law, (fining,), {}).assignments[0].left[:1] == ("L2",)
