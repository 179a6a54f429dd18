"""Targets and deadlines: which numbers and dates are commitments, on small inputs.

Each rule of ``core.quantities.is_target`` / ``core.dates.is_deadline`` / ``document_dates`` is
tried on a sentence that needs it, with its counter-case; the last tests check that the
findings of a comparison follow (no finding for a slogan, the document's own date or a
past event; the right finding for a real change).
"""

from __future__ import annotations

import pytest

from core.compare import compare_texts
from core.dates import DocumentDates, dates, document_dates, is_deadline
from core.kinds import FindingKind
from core.normalize import normalize
from core.quantities import LOOK_AROUND, is_target, quantities


def _target(sentence: str, value: str) -> bool:
    """Whether ``value`` (its first occurrence) is a target in ``sentence``."""
    text = normalize(sentence).text
    at = text.index(value)
    found = [m for m in quantities(text) if m.start == at and m.end == at + len(value)]
    assert found, f"{value} is not parsed as a quantity in {text}"
    return is_target(text, found[0])


def _deadline(sentence: str, value: str, document: DocumentDates | None = None, nth: int = 0) -> bool:
    """Whether ``value`` (its ``nth`` occurrence) is a deadline in ``sentence``."""
    text = normalize(sentence).text
    at = -1
    for _ in range(nth + 1):
        at = text.index(value, at + 1)
    found = [m for m in dates(text) if m.start == at and m.end == at + len(value)]
    assert found, f"{value} is not parsed as a date in {text}"
    return is_deadline(text, found[0], document_dates(text) if document is None else document)


@pytest.mark.parametrize(("sentence", "value"), [
    ("建设5个示范区", "5个"),  # Arabic digits: a value
    ("建成三个产业园", "三个"),  # a Chinese count governed by a verb of achievement
    ("新建两所公办幼儿园", "两所"),
    ("中心卫生院全部达到二级医院标准", "二级"),
    ("全市二级以上公立医院全部达到一级标准", "二级以上"),  # 市 before a name, not a tier of government
    ("争创省级百强中心镇", "百强"),  # a short modifier between the verb and the count
    ("培育一批龙头企业", "一批"),
    ("培育孵化一批优质电商平台", "一批"),
    ("推动街镇通达三级及以上公路", "三级及以上"),  # a qualified count
    ("禁止在长江干支流岸线一公里范围内新建化工园区", "一公里"),  # a unit of measure
    ("实现成渝两市1小时通达", "1小时"),
    ("三年内完成改造", "三年"),  # a duration bounded in time
    ("用三年时间完成改造", "三年"),
    ("城市社区15分钟健身圈", "15分钟"),
    ("累计培育营业收入10亿元以上工业企业20家", "20家"),
])
def test_targets(sentence: str, value: str) -> None:
    assert _target(sentence, value)


@pytest.mark.parametrize(("sentence", "value"), [
    ('是四川在"两个一百年"奋斗目标历史交汇期', "两个"),  # a quoted name
    ('是四川在"两个一百年"奋斗目标历史交汇期', "一百年"),
    ("为实现两个一百年奋斗目标", "两个"),  # a count chained to a numeral, quoted or not
    ("坚持四个一线工作法", "四个"),
    ("协同推进六个一体化", "六个"),
    ("推进两场一体运营", "两场"),
    ('构建"全域公园体系+三级绿道+公园社区"', "三级"),
    ("构建决策层、协调层、执行层三级运作机制", "三级"),  # a structure, no verb of achievement
    ("围绕政务服务、法治保障、社会建设六个方面", "六个"),  # sums up a list
    ("加快推进桃花源等一批康养项目建设", "一批"),
    ("依托一批医药流通龙头企业", "一批"),  # 依托 achieves nothing
    ("成渝地区双城经济圈建设是一项系统工程", "一项"),  # 一 as the article "a"
    ("落实一张负面清单管两地", "一张"),
    ("全面推进应急救援三年行动计划", "三年"),  # a duration naming a plan
    ("明确了未来五年经济社会发展的主要目标", "五年"),
    ("国民经济和社会发展第十四个五年规划", "五年"),
    ("当今世界正经历百年未有之大变局", "百年"),
    ("获评全国工业百强区", "百强"),
    ('积极发展"24小时自助健身房"', "24小时"),  # a quoted name, even in Arabic digits
    ("贯彻《关于建设5个示范区的意见》", "5个"),  # a cited title
    ("加快推进省道213、214项目建设", "214项"),  # 项 opens the word 项目
    ("由国务院反洗钱行政主管部门或者其授权的设区的市一级以上派出机构责令限期改正", "一级以上"),  # a tier of government
])
def test_slogans_and_names_are_no_targets(sentence: str, value: str) -> None:
    assert not _target(sentence, value)


@pytest.mark.parametrize(("sentence", "value"), [
    ("到2025年，建成5个示范区。", "2025年"),
    ("2025年底前完成改造。", "2025年底前"),
    ("力争2024年建成区域医疗中心。", "2024年"),
    ("计划于2023年6月完成验收。", "2023年6月"),
    ("确保在2025年全面完成。", "2025年"),
    ('到"十四五"末，地区生产总值突破1000亿元。', '"十四五"末'),
    ("2023年全面完成老旧小区改造。", "2023年"),  # no marker, but the sentence sets a target
    ("2021年至2025年，累计新建学校10所。", "2025年"),  # the end of a span
    ("年内建成投用。", "年内"),
])
def test_deadlines(sentence: str, value: str) -> None:
    assert _deadline(sentence, value)


@pytest.mark.parametrize(("sentence", "value"), [
    ("一、总体要求\n2020年1月，习近平总书记主持召开中央财经委员会第六次会议并发表重要讲话。", "2020年1月"),
    ("截至2022年底，全区常住人口达到51万人。", "2022年底"),  # a status
    ("2021年以来，城市化进程明显加快。", "2021年"),  # the start of a span
    ("本办法自2022年5月1日起施行。", "2022年5月1日"),
    ("2021年至2025年，累计新建学校10所。", "2021年"),
    ("2023年，全区经济保持平稳运行。", "2023年"),  # no marker, no target
    ('"十四五"时期，我区将处于重要战略机遇期。', '"十四五"时期'),  # a time frame, not a deadline
    ("按照关于2023年度重点工作的安排。", "2023年"),  # 于 of 关于 is no marker
    ("贯彻《泸州市2021-2025年教育发展规划》。", "2021-2025年"),  # a cited title
])
def test_dates_that_are_no_deadlines(sentence: str, value: str) -> None:
    assert not _deadline(sentence, value)


ADOPTED = (
    "中共四川省委关于加快推动成渝地区双城经济圈建设的决定\n"
    "（2020年7月10日中国共产党四川省第十一届委员会第七次全体会议通过）\n"
    "为深入贯彻重要讲话精神，作出如下决定。2020年1月，中央财经委员会召开第六次会议。"
    "2019年，全省经济总量达到4.6万亿元。到2025年，建成5个示范区。2020年6月底前完成规划。\n"
    "全省各级党组织要抢抓机遇。\n"
    "2020年7月10日\n"
)


def test_the_documents_own_date_and_earlier_dates_are_no_deadlines() -> None:
    text = normalize(ADOPTED).text
    document = document_dates(text)
    assert document.reference == (2020, 7, 10)
    found = {text[m.start:m.end]: is_deadline(text, m, document) for m in dates(text)}
    assert found == {"2020年7月10日": False, "2020年1月": False, "2019年": False, "2025年": True,
                     "2020年6月底前": False}
    # the closing repeats the adoption date: also the document's own
    assert not _deadline(ADOPTED, "2020年7月10日", nth=1)


def test_own_dates_from_the_title_block_the_signature_and_the_file_number() -> None:
    text = normalize("江阳区发展规划（2022年更新）\n序言\n本规划到2025年实施完毕。\n").text
    assert document_dates(text).reference == (2022,)
    assert not _deadline("江阳区发展规划（2022年更新）\n序言\n本规划到2025年实施完毕。\n", "2022年")
    signed = "各单位：\n请认真贯彻执行。\n区人民政府办公室\n2022年4月12日\n"
    assert document_dates(normalize(signed).text).reference == (2022, 4, 12)
    numbered = "关于印发行动方案的通知\n（泸龙府办发〔2022〕7号）\n各单位：到2025年完成任务。\n"
    assert document_dates(normalize(numbered).text).reference == (2022,)


def test_a_law_is_dated_by_the_last_line_of_its_history() -> None:
    # 中华人民共和国道路运输条例 as amended in 2023 (LawRefBook/Laws): six dated lines above the
    # articles, more than a title block holds; the last amendment dates the text.
    history = ("中华人民共和国道路运输条例\n2004年4月30日 中华人民共和国国务院令第406号公布\n"
               + "".join(f"{date} 《国务院关于修改部分行政法规的决定》第{n}次修订\n" for date, n in (
                   ("2012年11月9日", "一"), ("2016年2月6日", "二"), ("2019年3月2日", "三"),
                   ("2022年3月29日", "四"), ("2023年7月20日", "五")))
               + "第一条 为了维护道路运输市场秩序，保障道路运输安全，制定本条例。\n")
    assert document_dates(normalize(history).text).reference == (2023, 7, 20)


def test_wordings_of_one_deadline_share_a_key() -> None:
    text = '到2025年、2025年底前、2025年底、"十四五"末；"十四五"期间、"十四五"时期；2025年6月、2025年6月底前'
    keys = {text[m.start:m.end]: m.key for m in dates(text)}
    assert keys["2025年"] == keys["2025年底前"] == keys["2025年底"] == keys['"十四五"末']
    assert keys['"十四五"期间'] == keys['"十四五"时期'] != keys["2025年"]
    assert keys["2025年6月"] == keys["2025年6月底前"] != keys["2025年"]


def _summaries(left: str, right: str, *kinds: FindingKind) -> list[str]:
    return [f.summary for f in compare_texts(left, right).findings if f.kind in kinds]


VALUES = (FindingKind.QUANTITY, FindingKind.DATE)


def test_own_dates_and_past_events_yield_no_date_finding() -> None:
    left = ("关于加快发展的决定\n（2020年7月10日中国共产党四川省第十一届委员会第七次全体会议通过）\n"
            "一、总体要求\n2020年1月，习近平总书记主持召开中央财经委员会第六次会议并发表重要讲话。"
            "全省上下必须深入学习贯彻，到2025年建成5个示范区。\n")
    right = ("关于加快发展的决定\n（2020年7月31日中国共产党泸州市第八届委员会第九次全体会议通过）\n"
             "一、总体要求\n全市上下必须深入学习贯彻，到2025年建成5个示范区。\n")
    assert _summaries(left, right, *VALUES) == []


SHARED = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整准确全面贯彻新发展理念。"


def test_slogans_yield_no_quantity_finding_but_targets_do() -> None:
    left = (f'一、总体要求\n（一）指导思想。{SHARED}增强"四个意识"，坚定"四个自信"，推动"两个一百年"奋斗目标落地，'
            f"构建决策层、协调层、执行层三级运作机制，全面推进应急救援三年行动计划。{SHARED}建成3个产业园。\n")
    right = (f'一、总体要求\n（一）指导思想。{SHARED}坚定"四个自信"，构建协调推进机制。'
             f"{SHARED}建成5个产业园，新建两所学校。\n")
    assert _summaries(left, right, *VALUES) == ["目标值 3个 → 5个", "新增目标值：两所"]


def test_a_value_inserted_next_to_an_unchanged_one_is_added_not_changed() -> None:
    left = "一、任务\n（一）农田建设。到2025年，新建和改造提升高标准农田8万亩。切实改善农机通行条件。\n"
    right = ("一、任务\n（一）农田建设。到2025年，新建和改造提升高标准农田8万亩，其中2023年底前完成3万亩。"
             "切实改善农机通行条件。\n")
    assert _summaries(left, right, *VALUES) == ["新增时限：2023年底前", "新增目标值：3万亩"]


def test_rewording_one_deadline_is_no_finding_and_a_vague_count_can_change() -> None:
    left = f'一、任务\n（一）创新平台。{SHARED}到"十四五"末，加快创建一批产业创新中心，到2025年完成改造。{SHARED}\n'
    right = f"一、任务\n（一）创新平台。{SHARED}到2025年，加快创建三个产业创新中心，2025年底前完成改造。{SHARED}\n"
    assert _summaries(left, right, *VALUES) == ["目标值 一批 → 三个"]


def test_a_text_without_line_breaks_is_read_near_each_value() -> None:
    """A clause is looked for LOOK_AROUND characters before a value, not back to the start of
    a text without punctuation or line breaks: a 1 MB extraction stays linear, and a list
    mark (、) that far away does not make the value a summed-up count."""
    far = "甲、" + "综合" * LOOK_AROUND + "建成三个基地"
    assert is_target(far, quantities(far)[0])
    near = "甲、乙建成三个基地"
    assert not is_target(near, quantities(near)[0])
