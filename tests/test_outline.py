"""Heading recognition (core.outline): small documents written here, then property tests.

The contract (DESIGN §3 and §4): every numbering scheme a Chinese policy document uses
opens a section; ``start`` is the first character of the heading (its number), ``end`` is
exclusive and includes the children; ``title`` is the heading without its number (the
lead sentence without 。 for run-in headings); the title block is the preamble and the
exhortation, signature and date at the end are the closing.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.document import Document, Section
from core.lines import number_scheme
from core.outline import outline

# --- helpers ---------------------------------------------------------------------------


def _parse(text: str, side: str = "L", fallback: str = "") -> tuple[dict[str, Section], list[Section], str]:
    sections, title = outline(text, side, fallback_title=fallback)
    return {s.id: s for s in sections}, list(sections), title


def _headed(sections: list[Section]) -> list[tuple[str, str]]:
    """(number, title) of the numbered sections, in document order."""
    return [(s.number, s.title) for s in sections if s.number]


def _by_number(sections: list[Section], number: str) -> Section:
    found = [s for s in sections if s.number == number]
    assert len(found) == 1, f"{number!r}: {found}"
    return found[0]


def _check_tree(text: str, sections: tuple[Section, ...] | list[Section]) -> None:
    """The structural invariants every outline must satisfy, whatever the text."""
    by_id = {s.id: s for s in sections}
    assert len(by_id) == len(sections), "ids are unique"
    position = {s.id: i for i, s in enumerate(sections)}
    for s in sections:
        assert 0 <= s.start <= s.end <= len(text), s
        assert s.start <= s.heading_end <= s.end, s
        # Sections start at a line start, after its indent; only the body after a run-in
        # heading's lead sentence (an unnumbered child) starts mid-line, right after it.
        if text[text.rfind("\n", 0, s.start) + 1 : s.start].strip():
            assert not s.number and s.parent is not None, f"{s.id} starts mid-line"
            assert s.start >= by_id[s.parent].heading_end, f"{s.id} starts inside its parent's heading"
        if s.parent is None:
            assert s.level == 1, s
        else:
            parent = by_id[s.parent]
            assert position[parent.id] < position[s.id], "parents precede children"
            assert s.level == parent.level + 1, s
            assert parent.start <= s.start and s.end <= parent.end, f"{s.id} outside {parent.id}"
            assert s.id in parent.children
        for child in s.children:
            assert by_id[child].parent == s.id
        if s.number:
            assert text.startswith(s.number, s.start), f"{s.id} does not start with its number"
            # The title is what follows the number (shortened with … when too long); an
            # article's first sentence, which is its first paragraph, follows it on its line.
            rest = text[s.start + len(s.number):s.heading_end].lstrip()
            if not rest.strip() and s.children and by_id[s.children[0]].start == s.heading_end:
                rest = text[s.heading_end:by_id[s.children[0]].end]
            assert rest.startswith(s.title.removesuffix("…")), s
    siblings: dict[str | None, list[Section]] = {}
    for s in sections:
        siblings.setdefault(s.parent, []).append(s)
    for group in siblings.values():
        for a, b in itertools.pairwise(group):
            assert a.end <= b.start, f"siblings {a.id} and {b.id} overlap or are out of order"


# --- numbering schemes -----------------------------------------------------------------


def test_an_article_s_first_sentence_is_its_first_paragraph_once_it_has_more() -> None:
    text = ("第一条 县级人民政府应当组织开展应急知识的宣传普及活动。\n居民委员会应当协助开展。\n"
            "新闻媒体应当开展公益宣传。\n第二条 本法自公布之日起施行。\n"
            "第三条 国家建立应急体系。\n县级人民政府应当落实。")
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    first = _by_number(sections, "第一条")
    # Three paragraphs: three leaves, the first starting after the number, so that a revision
    # of it has a row of its own in the reports; the article keeps it as its title.
    assert [text[by_id[c].start:by_id[c].end] for c in first.children] == [
        "县级人民政府应当组织开展应急知识的宣传普及活动。", "居民委员会应当协助开展。", "新闻媒体应当开展公益宣传。"]
    assert first.title.startswith("县级人民政府") and first.heading_end == by_id[first.children[0]].start
    # An article with points: the line after its number, run-in or not, is its first paragraph too.
    text2 = ("第三条 依照本法履行职责的行政机关是复议机关。复议机构具体办理复议事项，履行下列职责：\n"
             "（一）受理复议申请；\n（二）调查取证。\n第四条 行政机关履行下列职责：\n（一）甲；\n（二）乙。")
    by_id2, sections2, _ = _parse(text2)
    _check_tree(text2, sections2)
    openings = (("第三条", "依照本法履行职责的行政机关是复议机关。复议机构"), ("第四条", "行政机关履行下列职责："))
    for number, opening in openings:
        article = _by_number(sections2, number)
        first_child = by_id2[article.children[0]]
        assert not first_child.number and text2[first_child.start:first_child.end].startswith(opening)
        assert article.heading_end == first_child.start
    # One or two paragraphs: the article is one leaf, as before.
    assert _by_number(sections, "第二条").is_leaf and _by_number(sections, "第三条").is_leaf


def test_a_paragraph_after_an_articles_points_is_the_articles_own() -> None:
    # A point (项) is one paragraph: the paragraph after the last one is the article's next
    # paragraph (款), not part of the point; a line after a point cut short goes on with it.
    text = ("第六十八条 客运经营者有下列情形之一的，责令改正：\n（一）不按批准的客运站点停靠的；\n"
            "（二）未报告原许可机关，擅自终止客运经营的。\n客运经营者强行招揽旅客的，处一千元的罚款。\n"
            "第六十九条 经营者有下列行为之一的，予以警告：\n（一）擅自改装已取得车辆营运证的车辆\n"
            "或者使用报废车辆的；\n（二）其他违法行为的。\n")
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    article = _by_number(sections, "第六十八条")
    last = by_id[article.children[-1]]
    assert not last.number and text[last.start:last.end] == "客运经营者强行招揽旅客的，处一千元的罚款。"
    second = by_id[_by_number(sections, "第六十九条").children[1]]
    assert text[second.start:second.end] == "（一）擅自改装已取得车辆营运证的车辆\n或者使用报废车辆的；"


def test_a_title_is_not_cut_inside_brackets() -> None:
    # 计量法实施细则 第四条: the comma of (简称计量基准，下同) does not end the first clause.
    text = ("第四条 计量基准器具(简称计量基准，下同)的使用必须具备下列条件：\n（一）经国家鉴定合格；\n"
            "（二）具有正常工作所需要的环境条件。\n")
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    first = by_id[_by_number(sections, "第四条").children[0]]
    assert first.title.startswith("计量基准器具(简称计量基准，下同)的使用")


def test_an_items_later_paragraphs_stay_with_it_outside_articles() -> None:
    # A policy document's item may run to several paragraphs: they are its own.
    text = "一、总体要求\n（一）加快发展。推动产业升级。\n到2025年，产业规模明显扩大。\n（二）深化改革。\n"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    first = _by_number(sections, "（一）")
    assert text[first.start:first.end].endswith("产业规模明显扩大。")


def test_part_chapter_section_article_nest_in_order() -> None:
    text = (
        "第一编 总则\n第一章 目标任务\n第一节 基本原则\n第一条 本办法适用于全省。\n第二条 各地应当执行。\n"
        "第二节 工作要求\n第二章 保障措施\n第二编 附则"
    )
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert _headed(sections) == [
        ("第一编", "总则"), ("第一章", "目标任务"), ("第一节", "基本原则"),
        ("第一条", "本办法适用于全省"), ("第二条", "各地应当执行"), ("第二节", "工作要求"),
        ("第二章", "保障措施"), ("第二编", "附则"),
    ]
    levels = {s.number: s.level for s in sections}
    assert levels == {"第一编": 1, "第一章": 2, "第一节": 3, "第一条": 4, "第二条": 4,
                      "第二节": 3, "第二章": 2, "第二编": 1}
    chapter = _by_number(sections, "第一章")
    assert by_id[chapter.parent or ""].number == "第一编"
    assert text[chapter.start:chapter.end] == "第一章 目标任务\n第一节 基本原则\n第一条 本办法适用于全省。\n" \
        "第二条 各地应当执行。\n第二节 工作要求"


def test_traditional_forms_count() -> None:
    text = "第一編 總則\n第一章 目標\n第一節 原則\n第一條 本辦法適用於全省。\n第二條 各地應當執行。\n第二節 要求"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert [s.number for s in sections if s.number] == ["第一編", "第一章", "第一節", "第一條", "第二條", "第二節"]
    assert [s.level for s in sections if s.number] == [1, 2, 3, 4, 4, 3]
    assert _by_number(sections, "第一條").title == "本辦法適用於全省"


def test_pian_is_a_part() -> None:
    text = "第一篇 发展基础\n第一章 发展环境\n第二篇 主要任务\n第二章 产业发展"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert [(s.number, s.level) for s in sections] == [("第一篇", 1), ("第一章", 2), ("第二篇", 1), ("第二章", 2)]


@pytest.mark.parametrize("number", ["一、", "（一）", "(一)", "1.", "1、", "１．", "（1）", "(1)", "①", "——"])
def test_each_item_scheme_is_a_heading(number: str) -> None:
    text = f"{number}加快发展现代产业\n这是正文内容。"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    head = sections[0]
    assert (head.number, head.title, head.start, head.parent) == (number, "加快发展现代产业", 0, None)
    assert head.end == len(text)


def test_item_schemes_nest_in_order_of_appearance() -> None:
    text = "\n".join([
        "一、总体要求",
        "（一）指导思想",
        "1.坚持创新",
        "（1）强化科技支撑",
        "①建设实验室",
        "②引进人才",
        "（2）完善机制",
        "2.坚持协调",
        "（二）基本原则",
        "二、重点任务",
    ])
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    parent_number = {s.number: (by_id[s.parent].number if s.parent else None) for s in sections}
    assert parent_number == {
        "一、": None, "（一）": "一、", "1.": "（一）", "（1）": "1.", "①": "（1）", "②": "（1）",
        "（2）": "1.", "2.": "（一）", "（二）": "一、", "二、": None,
    }


def test_mixed_width_and_bracket_variants_are_one_scheme() -> None:
    # (一) and （一） are the same level: the second closes the first instead of nesting.
    text = "一、总体要求\n（一）指导思想\n(二)基本原则\n1.坚持创新\n1、坚持协调\n１．坚持绿色"
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    first, second = _by_number(sections, "（一）"), _by_number(sections, "(二)")
    assert first.parent == second.parent == sections[0].id
    assert first.end <= second.start
    assert {by_id[_by_number(sections, n).parent or ""].number for n in ("1.", "1、", "１．")} == {"(二)"}


def test_dashes_and_boxes_never_hold_sub_sections() -> None:
    text = "一、重点工程\n——港口建设\n——铁路建设\n专栏1 重大项目\n泸州港多用途码头\n川南城际铁路\n二、保障措施"
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    box = _by_number(sections, "专栏1")
    assert box.role == "box" and box.title == "重大项目" and box.is_leaf
    assert text[box.start:box.end] == "专栏1 重大项目\n泸州港多用途码头\n川南城际铁路"
    dashes = [s for s in sections if s.number == "——"]
    assert [d.title for d in dashes] == ["港口建设", "铁路建设"]
    assert all(d.is_leaf and by_id[d.parent or ""].number == "一、" for d in dashes)
    assert box.parent == sections[0].id


def test_run_in_heading_title_is_the_lead_sentence() -> None:
    text = ("（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的精神。\n"
            "（二）基本原则。坚持创新。")
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    first, second = sections[0], sections[1]
    assert (first.number, first.title, first.role) == ("（一）", "指导思想", "item")
    assert text[first.start:first.heading_end] == "（一）指导思想。"
    assert first.end == text.index("\n")
    assert (second.title, second.role, second.end) == ("基本原则", "item", len(text))


def test_heading_line_ending_in_full_stop_is_not_run_in() -> None:
    text = "（一）加快推进交通基础设施建设。\n加强铁路建设。"
    _, sections, _ = _parse(text)
    assert sections[0].title == "加快推进交通基础设施建设"
    assert "。" not in sections[0].title


def test_skipped_and_duplicated_numbers_are_kept() -> None:
    text = ("一、总体要求\n（一）指导思想。坚持创新。\n（三）主要目标。到2025年。\n（三）重复编号。编号重复。\n"
            "三、重点任务\n（五）跳号。跳过了四。")
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert _headed(sections) == [("一、", "总体要求"), ("（一）", "指导思想"), ("（三）", "主要目标"),
                                 ("（三）", "重复编号"), ("三、", "重点任务"), ("（五）", "跳号")]
    dup = [s for s in sections if s.number == "（三）"]
    assert dup[0].parent == dup[1].parent == sections[0].id
    assert dup[0].end <= dup[1].start
    assert by_id[_by_number(sections, "（五）").parent or ""].number == "三、"


def test_number_alone_on_a_line_is_not_a_heading() -> None:
    text = "一、总体要求\n12.\n坚持创新发展。"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert [s.number for s in sections if s.number] == ["一、"]


def test_body_between_heading_and_first_sub_heading_is_a_paragraph() -> None:
    text = "一、总体要求\n坚持以人民为中心。推进高质量发展。\n（一）指导思想。坚持创新。"
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    head = sections[0]
    kids = [by_id[c] for c in head.children]
    assert [k.role for k in kids] == ["paragraph", "item"]
    assert text[kids[0].start:kids[0].end] == "坚持以人民为中心。推进高质量发展。"


def test_run_in_heading_with_sub_headings_keeps_its_body_in_a_leaf() -> None:
    # The text after a run-in heading's lead sentence is body text: it must reach a leaf
    # (a paragraph child), or alignment and diff never see it.
    text = "一、总体要求。坚持以人民为中心，推进高质量发展。\n（一）指导思想。坚持创新。"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    body = text.index("坚持以人民为中心")
    leaves = [s for s in sections if s.is_leaf and s.start <= body < s.end]
    assert len(leaves) == 1
    assert text[leaves[0].start:leaves[0].end] == "坚持以人民为中心，推进高质量发展。"


# --- documents without headings, preamble, closing ------------------------------------


def test_document_without_headings_becomes_paragraphs() -> None:
    paragraphs = ["这是第一段，没有任何标题。讲的是发展。", "这是第二段。讲的是改革。", "这是第三段。"]
    text = "\n".join(paragraphs)
    _, sections, title = _parse(text, fallback="文件名")
    _check_tree(text, sections)
    leaves = [s for s in sections if s.is_leaf]
    assert [text[s.start:s.end] for s in leaves] == paragraphs
    assert all(s.role == "paragraph" for s in leaves)
    assert title == "文件名"


@pytest.mark.parametrize("text", ["", "\n", "  \n\n\t\n"])
def test_empty_text_has_no_sections(text: str) -> None:
    assert outline(text, "L", fallback_title="x") == ((), "x")


def test_ids_carry_the_side_letter() -> None:
    text = "一、总体要求\n二、重点任务"
    sections, _ = outline(text, "R")
    assert [s.id for s in sections] == ["R1", "R2"]


def test_a_laws_note_of_adoption_is_no_part_of_its_title() -> None:
    text = "\n".join([
        "中华人民共和国邮政法",
        "1986年12月2日 第六届全国人民代表大会常务委员会第十八次会议通过",
        "2009年4月24日 第十一届全国人民代表大会常务委员会第八次会议修订",
        "第一章 总则",
        "第一条 为了保障邮政普遍服务，制定本法。",
    ])
    _, sections, title = _parse(text, fallback="fallback")
    _check_tree(text, sections)
    assert title == "中华人民共和国邮政法"
    assert sections[0].role == "preamble" and "会议修订" in text[sections[0].start:sections[0].end]
    assert _by_number(sections, "第一条").parent == _by_number(sections, "第一章").id


def test_preamble_title_block_and_closing() -> None:
    text = "\n".join([
        "中共某某市委关于加快发展的决定",
        "（2020年7月1日中国共产党某某市第九届委员会第十次全体会议通过）",
        "为贯彻落实省委决定，现作出如下决定。",
        "一、总体要求",
        "（一）指导思想。坚持以人民为中心，全面贯彻。",
        "二、重点任务",
        "（二）加快发展。全市经济总量迈上新台阶。",
        "全省各级党组织和广大党员干部要紧密团结，奋力开创新局面。",
        "中共某某市委员会",
        "2020年7月1日",
    ])
    by_id, sections, title = _parse(text, fallback="fallback")
    _check_tree(text, sections)
    assert title == "中共某某市委关于加快发展的决定"
    preamble = sections[0]
    assert (preamble.role, preamble.parent, preamble.start) == ("preamble", None, 0)
    assert preamble.end <= text.index("一、总体要求")
    assert "为贯彻落实省委决定" in text[preamble.start:preamble.end]
    closing = sections[-1]
    if closing.parent is not None:
        closing = by_id[closing.parent]
    assert closing.role == "closing" and closing.parent is None
    assert text[closing.start:closing.end] == (
        "全省各级党组织和广大党员干部要紧密团结，奋力开创新局面。\n中共某某市委员会\n2020年7月1日")
    last_item = _by_number(sections, "（二）")
    assert last_item.end <= closing.start
    assert "全省各级" not in text[last_item.start:last_item.end]


def test_signature_and_date_alone_form_the_closing() -> None:
    text = "一、总体要求\n（一）指导思想。坚持创新。\n四川省人民政府办公厅\n2021年3月5日"
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    roots = [s for s in sections if s.parent is None]
    assert roots[-1].role == "closing"
    assert text[roots[-1].start:roots[-1].end] == "四川省人民政府办公厅\n2021年3月5日"
    assert "办公厅" not in text[_by_number(sections, "（一）").start:_by_number(sections, "（一）").end]


def test_a_closing_list_of_attachments_is_no_part_of_the_last_item() -> None:
    text = "\n".join([
        "一、主要措施",
        "（一）做好跟踪评估。密切跟踪市场运行情况。",
        "本方案自印发之日起执行。",
        "附件：1.增量项目机制电量竞价细则",
        "2.新能源项目机制电量结算细则",
    ])
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    roots = [s for s in sections if s.parent is None]
    assert roots[-1].role == "closing"
    assert text[roots[-1].start:roots[-1].end] == "附件：1.增量项目机制电量竞价细则\n2.新能源项目机制电量结算细则"
    last = _by_number(sections, "（一）")
    assert "附件" not in text[last.start:last.end]
    assert not any(s.number == "2." for s in sections)


def test_an_attachment_heading_after_the_signature_is_no_part_of_the_last_item() -> None:
    # 发改价格规〔2020〕1441号 as published on the web: its table came as a separate file, and
    # only the attachment's heading follows the signature and date.
    text = "\n".join([
        "一、区域电网输电价格按附件执行。",
        "二、电网企业要做好区域电网与省级电网的结算工作。",
        "附件：2020～2022年区域电网输电价格表",
        "国家发展改革委",
        "2020年9月28日",
        "附件：",
        "2020～2022年区域电网输电价格表",
    ])
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    last = _by_number(sections, "二、")
    assert text[last.start:last.end] == "二、电网企业要做好区域电网与省级电网的结算工作。"
    assert [s for s in sections if s.parent is None][-1].role == "closing"


def test_numbered_points_or_an_attachments_own_text_stay_items() -> None:
    points = "一、主要措施\n（一）加强保障。\n1.加强组织领导\n2.强化资金保障"
    _, sections, _ = _parse(points)
    assert [s.role for s in sections if s.parent is None][-1] != "closing"
    assert any(s.number == "2." for s in sections)
    # 附件 followed by the attachment's own provisions (sentences) is not a list of titles.
    attached = "一、主要措施\n（一）加强保障。\n附件：\n1.申报条件。申报单位应当依法登记。\n2.申报程序。"
    _, sections, _ = _parse(attached)
    assert [s.role for s in sections if s.parent is None][-1] != "closing"


# --- property tests --------------------------------------------------------------------

# Titles avoid the characters that legitimately change how a number reads (第一编制…, 第二节日…).
_TITLE_CHARS = "发展改革创新建设推进加强完善体系服务保障产业交通生态开放合作城市乡村区域协同质量"
_BODY_CHARS = _TITLE_CHARS + "，、的和在为以"
_CN_NUMS = ["一", "二", "三", "四", "五", "十", "十一", "二十三"]


def _number_strategy() -> st.SearchStrategy[str]:
    cn = st.sampled_from(_CN_NUMS)
    arabic = st.integers(1, 99).map(str)
    return st.one_of(
        cn.map(lambda n: f"第{n}编"), cn.map(lambda n: f"第{n}篇"), cn.map(lambda n: f"第{n}章"),
        cn.map(lambda n: f"第{n}节"), cn.map(lambda n: f"第{n}節"), cn.map(lambda n: f"第{n}条"),
        cn.map(lambda n: f"{n}、"), cn.map(lambda n: f"（{n}）"), cn.map(lambda n: f"({n})"),
        arabic.map(lambda n: f"{n}."), arabic.map(lambda n: f"{n}、"), arabic.map(lambda n: f"（{n}）"),
        arabic.map(lambda n: f"({n})"), st.sampled_from("①②③④⑤"), st.just("——"),
    )


_title = st.text(alphabet=_TITLE_CHARS, min_size=2, max_size=12)
_sentence = st.text(alphabet=_BODY_CHARS, min_size=1, max_size=30).map(lambda s: s + "。")


@st.composite
def _heading(draw: st.DrawFn) -> tuple[str, str, str]:
    """A heading line with its expected number and title (plain or run-in)."""
    number = draw(_number_strategy())
    title = draw(_title)
    space = " " if number.startswith("第") and draw(st.booleans()) else ""
    body = draw(st.lists(_sentence, min_size=0, max_size=2))
    if body:
        return f"{number}{space}{title}。{''.join(body)}", number, title
    return f"{number}{space}{title}", number, title


_noise = st.text(
    alphabet=st.sampled_from([*"一二十第编章节條条、（）()12３.．①—— \u3000\t专栏。，",
                              *"发展全省各级委员会年月日:：\n"]),
    max_size=25,
)

_line = st.one_of(
    _heading().map(lambda h: h[0]),
    st.lists(_sentence, min_size=1, max_size=3).map("".join),
    _noise,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=25))
def test_outline_invariants_on_mixed_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    sections, _ = outline(text, "L")
    _check_tree(text, sections)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_outline_never_raises_on_arbitrary_text(text: str) -> None:
    sections, title = outline(text, "R", fallback_title="f")
    assert isinstance(title, str)
    _check_tree(text, sections)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_heading(), st.lists(_sentence, min_size=1, max_size=3).map("".join)),
                min_size=1, max_size=20))
def test_every_heading_is_found_with_its_number_and_title(items: list[tuple[str, str, str] | str]) -> None:
    lines = [item if isinstance(item, str) else item[0] for item in items]
    text = "\n".join(lines)
    sections, _ = outline(text, "L")
    _check_tree(text, sections)
    starts = {s.start: s for s in sections if s.number}
    pos = 0
    for item, line in zip(items, lines, strict=True):
        if not isinstance(item, str):
            _, number, title = item
            assert pos in starts, f"heading {line!r} not recognised"
            found = starts[pos]
            assert (found.number, found.title) == (number, title)
        else:
            assert pos not in starts, f"body line {line!r} taken for a heading"
        pos += len(line) + 1


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=25))
def test_no_text_is_lost(lines: list[str]) -> None:
    # Every visible character is either in a heading (number, title block) or in exactly one leaf.
    text = "\n".join(lines)
    sections, _ = outline(text, "L")
    leaves = [s for s in sections if s.is_leaf]
    heads = [s for s in sections if not s.is_leaf]
    for i, ch in enumerate(text):
        if ch.isspace() or any(s.start <= i < s.heading_end for s in heads):
            continue
        owners = [s.id for s in leaves if s.start <= i < s.end]
        assert len(owners) == 1, f"char {i} {ch!r} in leaves {owners}"


# --- tables ----------------------------------------------------------------------------


def test_rows_of_a_box_are_leaves_named_by_their_first_cell() -> None:
    text = ("一、发展目标\n到2025年，经济实力明显增强。\n专栏1　主要指标\n指标\t2020年\t2025年\t属性\n"
            "常住人口城镇化率（%）\t30\t35\t预期性\n1.\t森林覆盖率（%）\t60\t62\t约束性\n二、重点任务\n加快发展。")
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    box = _by_number(sections, "专栏1")
    rows = [by_id[c] for c in box.children]
    assert box.role == "box" and box.title == "主要指标"
    assert [(r.role, r.title, r.number) for r in rows] == [
        ("row", "指标", ""), ("row", "常住人口城镇化率（%）", ""), ("row", "森林覆盖率（%）", "")]
    assert [text[r.start:r.end] for r in rows] == text.split("\n")[3:6]
    # A row that opens with a serial number is a row, not a heading, named by its first words;
    # the next heading closes the box.
    assert _headed(sections) == [("一、", "发展目标"), ("专栏1", "主要指标"), ("二、", "重点任务")]


def test_a_run_of_rows_is_a_table_anywhere_and_a_lone_tab_is_not() -> None:
    text = ("第一章　总则\n主要指标如下。\n指标 | 2025年\n城镇化率 | 35%\n"
            "第二章\t附则\n本办法\t自印发之日起施行。\n由市发展改革委负责解释。\n全市合计\t100\t200\n全省合计\t300\t400")
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert _headed(sections) == [("第一章", "总则"), ("第二章", "附则")]  # a tab after a number: heading
    roles = [(s.role, text[s.start:s.end]) for s in sections if s.is_leaf]
    assert roles == [
        ("paragraph", "主要指标如下。"), ("row", "指标 | 2025年"), ("row", "城镇化率 | 35%"),
        ("paragraph", "本办法\t自印发之日起施行。"), ("paragraph", "由市发展改革委负责解释。"),
        ("row", "全市合计\t100\t200"), ("row", "全省合计\t300\t400"),
    ]  # a table at the end is no closing, though its rows open with 全市 and 全省


def test_a_table_caption_holds_its_rows() -> None:
    text = "一、目标\n表1　重点项目\n项目\t年限\n港口扩能\t2021—2024年\n二、措施\n加强领导。"
    by_id, sections, _ = _parse(text)
    _check_tree(text, sections)
    caption = _by_number(sections, "表1")
    assert caption.role == "box" and caption.title == "重点项目"
    assert [by_id[c].role for c in caption.children] == ["row", "row"]
    assert by_id[_by_number(sections, "二、").id].parent is None


def test_a_heading_ending_in_spaces_stays_inside_its_parent() -> None:
    text = "第一编业业\n①1 "
    sections, _ = outline(text, "L")
    _check_tree(text, sections)


def test_a_document_walks_its_tree_both_ways() -> None:
    text = ("一、总体要求\n（一）指导思想\n坚持创新驱动。\n（二）发展目标\n到2025年，目标达到。\n"
            "二、保障措施\n加强组织领导。\n")
    sections = outline(text, "L")[0]
    doc = Document("a.txt", "", text, sections)
    first = next(s for s in sections if s.label.startswith("一、"))
    inside = doc.descendants(first.id)
    assert inside and all(first.start <= s.start < first.end for s in inside)
    assert not any(s.label.startswith("二、") for s in inside)
    for section in inside:
        chain = doc.containing(section.id)
        assert chain[0] == first and chain[-1].id == section.parent
        assert doc.ancestors[section.id][0] == section.parent
    assert doc.containing(first.id) == () and doc.descendants(sections[-1].id) == ()


@pytest.mark.parametrize(("number", "scheme"), [("第一章", "chapter"), ("第二节", "section"), ("第三编", "part"),
                                               ("第五条 ", "article"), ("（十四）", "cn_paren"), ("一、", "cn"),
                                               ("", None), ("总则", None)])
def test_a_number_names_its_scheme(number: str, scheme: str | None) -> None:
    assert number_scheme(number) == scheme


@pytest.mark.parametrize("line", ["第十条的规定办理有关手续。", "第十条第二款规定的情形除外。",
                                  "第五条和第六条规定的义务", "第三条所称单位", "第十条规定的期限内"])
def test_a_reference_opening_a_line_is_no_heading(line: str) -> None:
    # A sentence broken before 依照本条例第十条的规定 puts the reference at a line's start.
    _, sections, _ = _parse(f"第九条 申请人应当依照本条例\n{line}\n")
    assert [s.number for s in sections if s.number] == ["第九条"]


def test_an_inserted_article_keeps_its_suffix() -> None:
    # 刑法: 第十七条之一 was inserted after 第十七条 by an amendment; it is an article of its own.
    text = ("第十七条 已满十六周岁的人犯罪，应当负刑事责任。\n"
            "第十七条之一 已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚。\n"
            "第十八条 依照第十七条之一的规定处理。\n")
    _, sections, _ = _parse(text)
    _check_tree(text, sections)
    assert [s.number for s in sections if s.number] == ["第十七条", "第十七条之一", "第十八条"]


def test_the_name_of_the_web_site_a_copy_came_from_is_no_part_of_the_title() -> None:
    text = "中国法律法规信息网\n中华人民共和国慈善法\n第一条 为了发展慈善事业，弘扬慈善文化，制定本法。\n"
    _, sections, title = _parse(text)
    _check_tree(text, sections)
    assert title == "中华人民共和国慈善法"
