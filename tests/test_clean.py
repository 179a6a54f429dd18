"""Cleaning: whitespace repair, chrome and page-furniture removal, reflow.

The display text is the document as written: indents, the space after a heading
number and spaces between Chinese words stay; extraction spacing, chrome and page
furniture go (``tests/test_text_as_written.py`` follows this through the pipeline).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.clean import Cleaned, clean

SAMPLES = Path(__file__).resolve().parent.parent / "docs_in"

# The chrome each sample carries, as it stands in the file (stripped).
CHROME = {
    "sichuan_2020_decision_traditional.txt": [
        "中國共產黨新聞網>>綜合報道",
        "2020年07月16日10:20\xa0\xa0\xa0\xa0來源:四川日報",
        "原標題:中共四川省委關於深入貫徹習近平總書記重要講話精神 加快推動成渝地區雙城經濟圈建設的決定",
        "(責編:吳楠、常雪梅)",
        "微信“掃一掃”添加“學習大國”",
        "微信“掃一掃”添加“人民黨建雲”",
    ],
    "luzhou_2020_decision.txt": ["权威发布 | 中共泸州市委八届九次全会《决定》全文"],
    "longmatan_2022_action_plan.txt": [
        "首页",
        ">政务公开>服务资讯>政策文件",
        "发布时间: 2022- 04- 22 11: 07浏览次数:",
        "信息来源: 龙马潭区政府办",
        "Produced By 大汉网络 大汉版通发布系统",
    ],
    "jiangyang_14th_five_year_plan.txt": [],
}

HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百]+[篇章节節]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|\d+[.．]|专栏|專欄)"
)


def _raw(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _nonblank(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _raw_lines(text: str) -> list[str]:
    """The non-blank lines of ``text`` as they stand, indent included."""
    return [line for line in text.split("\n") if line.strip()]


def _assert_well_formed(text: str) -> None:
    assert text == text.strip("\n")
    for line in text.split("\n"):
        assert line.strip(), f"blank line left: {line!r}"
        # A line keeps its indent (the drafter's); nothing trails it.
        assert line == line.rstrip(), f"trailing space left: {line!r}"


@pytest.mark.parametrize("name", sorted(CHROME))
def test_sample_chrome_removed_and_reported(name: str) -> None:
    result = clean(_raw(name))
    lines = set(result.text.split("\n"))
    for chrome in CHROME[name]:
        assert chrome in result.removed
        assert chrome not in lines
    # Nothing else is removed: every removed line is one of the known chrome lines.
    assert set(result.removed) == set(CHROME[name])


@pytest.mark.parametrize("name", sorted(CHROME))
def test_sample_policy_content_kept(name: str) -> None:
    raw = _raw(name)
    result = clean(raw)
    _assert_well_formed(result.text)
    kept = set(result.text.split("\n"))
    repaired = clean(raw, keep_boilerplate=True).text.split("\n")
    headings = [line for line in repaired if HEADING.match(line.lstrip())]
    assert headings
    for heading in headings:
        assert heading in kept
    # Every full stop survives; none of the samples' chrome holds one.
    assert not any("。" in line for line in result.removed)
    assert result.text.count("。") == raw.count("。")
    # Web text is one paragraph per line: nothing is joined, only chrome dropped.
    assert len(result.text.split("\n")) == len(_nonblank(raw)) - len(result.removed)


def test_jiangyang_pdf_spacing_repaired() -> None:
    text = clean(_raw("jiangyang_14th_five_year_plan.txt")).text
    assert "“ 十四五 ”" not in text
    assert text.count("“十四五”") > 30
    assert "二〇三五年远景目标纲要" in text
    assert "(2021年3月11日泸州市江阳区第九届人民代表大会第五次会议批准)" in text
    assert "年均增长8.5%,总量达到616.36亿元" in text
    assert "专栏1“十四五”时期经济社会发展主要指标" in text.split("\n")
    # No space is left next to a Chinese character.
    assert not re.search(r"[\u4e00-\u9fff“”，。] | [\u4e00-\u9fff“”，。]", text)


def test_longmatan_title_block_kept() -> None:
    lines = clean(_raw("longmatan_2022_action_plan.txt")).text.split("\n")
    assert "(泸龙府办发〔2022〕7号" in lines  # the 文号 line is the document's, not the site's
    assert "2022年4月12日" in lines  # a date without a time is the signature date
    assert lines[0].startswith("泸州市龙马潭区人民政府办公室关于印发")


@pytest.mark.parametrize("name", sorted(CHROME))
def test_keep_boilerplate_keeps_every_line(name: str) -> None:
    raw = _raw(name)
    result = clean(raw, keep_boilerplate=True)
    assert result.removed == ()
    _assert_well_formed(result.text)
    lines = result.text.split("\n")
    assert len(lines) == len(_nonblank(raw))
    for chrome in CHROME[name]:
        assert clean(chrome, keep_boilerplate=True).text.strip() in {line.strip() for line in lines}
    # Whitespace is still repaired, and every line keeps its indent as written.
    indents = [line[: len(line) - len(line.lstrip())] for line in _raw_lines(raw)]
    assert [line[: len(line) - len(line.lstrip())] for line in lines] == indents
    assert not any(line != line.rstrip() for line in lines)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“ 十四五 ” 时期", "“十四五”时期"),
        ("2021 年 3 月 11 日", "2021年3月11日"),
        ("年均增长 8.5% ,总量", "年均增长8.5%,总量"),
        ("二 〇 三五年", "二〇三五年"),
        ("( 2021 年 3 月", "(2021年3月"),
        ("决定性胜利, 2016 年", "决定性胜利,2016年"),
        ("推进 G353 (江阳段)", "推进G353(江阳段)"),
        # Written spacing stays: the indent, the space after a heading number, spaces
        # between Latin words; only the trailing space goes.
        ("\u3000\u3000第一条\u3000总则 ", "\u3000\u3000第一条\u3000总则"),
        ("第一章 总则", "第一章 总则"),
        ("  Hello  big\tworld  ", "  Hello  big\tworld"),
        ("以环境为导向 (EOD) 模式", "以环境为导向(EOD)模式"),
        # A line spaced out character by character is extraction, even with full-width marks.
        ("加 强 生 态 文 明 建 设 ， 推 动 发 展", "加强生态文明建设，推动发展"),
        # A drafter's spaces between Chinese words and after heading numbers stay.
        ("序 言", "序 言"),
        ("精神\xa0加快推动", "精神 加快推动"),  # a web page's &nbsp; reads as the space it shows
        ("1. 充分发挥作用", "1. 充分发挥作用"),
        ("一、 总体要求", "一、 总体要求"),
        ("（一）\u3000加强领导", "（一）\u3000加强领导"),
        # Before a quote the space after a number is where extraction puts one.
        ("第一节 “ 十四五 ” 目标", "第一节“十四五”目标"),
        ("专栏 1 “ 十四五 ” 时期", "专栏1“十四五”时期"),
        # An ideographic space is typed, wherever it stands.
        ("“\u3000十四五\u3000”", "“\u3000十四五\u3000”"),
        ("a\n\n\n  b  \n\n", "a\n  b"),  # blank lines go, the indent stays
        ("\xa0 \t\n", ""),
    ],
)
def test_whitespace_repair(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


def test_kerning_gaps_go_only_in_extracted_text() -> None:
    # A space between two Chinese characters is a drafter's word space in typed text,
    # but an extractor's kerning gap in a text spaced at every change of script.
    typed = "打造区域公用品 牌，提升“十四五”时期质量。"
    assert clean(typed).text == typed
    extracted = "打造区域公用品 牌,提升 “ 十四五 ” 时期质量。\n到 2025 年,总量达到 616 亿元。"
    assert clean(extracted).text == "打造区域公用品牌,提升“十四五”时期质量。\n到2025年,总量达到616亿元。"
    # The space after a heading number is kept in both.
    assert clean(f"第一条 为了保护环境。\n{extracted}").text.startswith("第一条 为了保护环境。\n")


GOV_PAGE = """\
当前位置：首页 > 政务公开 > 政策文件
索引号：11510000008150383B/2022-00123
主题分类：综合政务
发文机关：某省人民政府
成文日期：2022年03月01日
发布日期：2022年03月05日
标题：某省人民政府关于加强资金管理的通知
发文字号：某府发〔2022〕5号
【字体：大 中 小】  打印本页  关闭窗口
扫一扫在手机打开当前页
某省人民政府关于加强资金管理的通知
某府发〔2022〕5号
各市（州）人民政府：
一、拓宽资金来源渠道。统筹用好各类资金，信息来源应当真实可靠。
二、规范信息发布。政策文件由各级政府按规定统一发布，版权保护工作同步加强。
三、推广3D打印等新技术。打印设备纳入采购目录。
（一）各地要把好“来源关”：不得使用来源不明的资金。
某省人民政府
2022年3月1日
分享到：
网站地图 | 联系我们 | 关于我们
主办单位：某省人民政府办公厅  承办：某省大数据中心
版权所有：某省人民政府  蜀ICP备05003828号
政府网站标识码：5100000001
"""


def test_gov_cn_page() -> None:
    result = clean(GOV_PAGE)
    lines = result.text.split("\n")
    assert lines == [
        "某省人民政府关于加强资金管理的通知",
        "某府发〔2022〕5号",
        "各市（州）人民政府：",
        "一、拓宽资金来源渠道。统筹用好各类资金，信息来源应当真实可靠。",
        "二、规范信息发布。政策文件由各级政府按规定统一发布，版权保护工作同步加强。",
        "三、推广3D打印等新技术。打印设备纳入采购目录。",
        "（一）各地要把好“来源关”：不得使用来源不明的资金。",
        "某省人民政府",
        "2022年3月1日",
    ]
    assert len(result.removed) == 15
    assert result.removed[0] == "当前位置：首页 > 政务公开 > 政策文件"
    assert result.removed[-1] == "政府网站标识码：5100000001"


XINHUA_PAGE = """\
新华网 > > 正文
习近平回信勉励乡村教师
2022-09-09 20:31:05 来源：新华网
【纠错】 【字号 大 中 小】
新华社北京9月9日电 题：回信勉励乡村教师。
要把来源于基层的经验总结好。
【相关阅读】
上一篇：某某新闻
责任编辑： 张三
Copyright © 2000-2022 XINHUANET.com All Rights Reserved.
"""


def test_xinhua_page() -> None:
    result = clean(XINHUA_PAGE)
    assert result.text.split("\n") == [
        "习近平回信勉励乡村教师",
        "新华社北京9月9日电 题：回信勉励乡村教师。",  # the space between two words is the writer's
        "要把来源于基层的经验总结好。",
    ]
    assert len(result.removed) == 7


TRADITIONAL_PAGE = """\
人民網>>四川頻道>>時政
四川省人民政府關於促進版權產業發展的意見
2021年05月06日08:15  來源：四川日報
作者：李四
一、拓寬資金來源渠道。加強版權保護，推動打印、複印行業規範發展。
二、健全發佈機制。重大政策統一發佈。
(責任編輯：王五、趙六)
分享到：
掃一掃在手機打開當前頁
"""


def test_traditional_page() -> None:
    result = clean(TRADITIONAL_PAGE)
    assert result.text.split("\n") == [
        "四川省人民政府關於促進版權產業發展的意見",
        "一、拓寬資金來源渠道。加強版權保護，推動打印、複印行業規範發展。",
        "二、健全發佈機制。重大政策統一發佈。",
    ]
    assert result.removed[1] == "2021年05月06日08:15  來源：四川日報"
    assert len(result.removed) == 6


@pytest.mark.parametrize(
    "line",
    [
        "拓宽资金来源渠道。",
        "资金来源：财政预算安排",
        "完善信息发布制度",
        "版权保护",
        "加强版权所有者合法权益保护。",
        "打印设备",
        "首页设计要简洁。",
        "作者权益受法律保护。",
        "关闭落后产能。",
        "主办单位要落实安全责任。",
        "2035年",
        "12.5%",
        "一、总体要求",
        "第3页的表格列出了指标。",
        "返回式卫星项目",
    ],
)
def test_policy_lines_survive(line: str) -> None:
    result = clean(line)
    assert result.text == line
    assert result.removed == ()


@pytest.mark.parametrize(
    "noise", ["- 12 -", "— 3 —", "12", "第 3 页", "第3页 共20页", "3/20", "共20页 第3页", "第 3 頁", "－ 7 －"]
)
def test_page_numbers_removed(noise: str) -> None:
    result = clean(f"第一章总则\n{noise}\n一、指导思想")
    assert result.text == "第一章总则\n一、指导思想"
    assert result.removed == (noise,)


PARAGRAPHS = [
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整准确全面贯彻新发展理念，"
    "加快构建新发展格局，着力推动高质量发展，更好统筹发展和安全，推动区域协调发展取得新成效。",
    "到2025年，地区生产总值突破1000亿元，城乡居民人均可支配收入年均增长7%以上，"
    "基本公共服务均等化水平明显提高，生态环境质量持续改善，治理体系和治理能力现代化取得重大进展。",
    "强化要素保障，统筹用好财政资金、专项债券和产业基金，积极争取国家和省级专项资金支持，"
    "建立重大项目滚动储备机制，推动土地、能源、人才等要素向重点项目和重点区域倾斜集聚。",
]
HEADINGS = ["第一章总体要求", "一、指导思想", "（一）主要目标", "1.经济发展", "专栏1重大项目"]


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def test_hard_wrapped_paragraphs_rejoined() -> None:
    lines: list[str] = []
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS, strict=False):
        lines.append(heading)
        lines.extend(_wrap(paragraph, 30))
    lines.append(HEADINGS[-1])
    lines.extend(_wrap(PARAGRAPHS[0], 30))
    result = clean("\n".join(lines))
    expected = []
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS, strict=False):
        expected += [heading, paragraph]
    expected += [HEADINGS[-1], PARAGRAPHS[0]]
    assert result.text.split("\n") == expected
    assert result.removed == ()


def test_indented_hard_wrapped_paragraphs_keep_their_first_line_indent() -> None:
    indent = "\u3000\u3000"
    lines: list[str] = []
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS, strict=False):
        lines.append(indent + heading)
        # The first printed line holds the indent; a continued line may carry margin space.
        first, *rest = _wrap(indent + paragraph, 30)
        lines += [first, *(" " + line for line in rest)]
    result = clean("\n".join(lines))
    expected = []
    for heading, paragraph in zip(HEADINGS, PARAGRAPHS, strict=False):
        expected += [indent + heading, indent + paragraph]
    assert result.text.split("\n") == expected


def test_heading_right_after_full_line_not_joined() -> None:
    # The paragraph's last line is full width and has no final mark: only the heading
    # that follows keeps it from swallowing the next line.
    paragraph = "统筹推进城乡融合发展" * 9  # 90 characters, three full lines of 30
    lines = [*_wrap(paragraph, 30), *HEADINGS[1:], *_wrap(PARAGRAPHS[2], 30)]
    out = clean("\n".join(lines)).text.split("\n")
    assert out == [paragraph, *HEADINGS[1:], PARAGRAPHS[2]]


def test_pdf_page_break_rejoined_and_running_header_removed() -> None:
    header = "某市国民经济和社会发展第十四个五年规划纲要"
    pages = [_wrap(paragraph, 30) for paragraph in PARAGRAPHS * 2]
    lines: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines += [header, *page, f"- {number} -"]
    result = clean("\n".join(lines))
    assert result.text.split("\n") == PARAGRAPHS * 2
    assert result.removed.count(header) == len(pages)
    assert "- 3 -" in result.removed


def test_repeated_heading_without_page_numbers_kept() -> None:
    text = "\n".join(["（一）工作目标", "加强组织领导。"] * 4)
    assert clean(text).text == text


def test_web_lines_of_varying_length_not_joined() -> None:
    text = "\n".join(paragraph[:length] for paragraph, length in zip(PARAGRAPHS * 3, range(20, 200, 20), strict=True))
    assert clean(text).text == text


def test_latin_text_rejoined_with_spaces() -> None:
    words = "the quick brown fox jumps over the lazy dog and keeps running far away " * 6
    lines = [line.strip() for line in re.findall(r".{1,40}(?:\s|$)", words)]
    out = clean("\n".join(lines)).text
    assert " ".join(words.split()).startswith(out[:200])


def test_result_is_immutable() -> None:
    result = clean("一、总体要求")
    assert isinstance(result, Cleaned)
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


CHROME_WORDS = [
    "来源：",
    "首页",
    ">",
    "打印",
    "关闭",
    "第3页",
    "- 2 -",
    "版权所有",
    "扫一扫",
    "原标题：",
    " | ",
    "浏览次数",
]
# Lines that stress the interplay of the steps: wrapped pieces (reflow), headings,
# chrome, page numbers and scraps of mixed script and spacing.
PIECES = [piece for paragraph in PARAGRAPHS for width in (28, 30, 31) for piece in _wrap(paragraph, width)]
LINES = st.one_of(
    st.sampled_from(PIECES + HEADINGS + CHROME_WORDS + ["- 3 -", "12", "某市规划", "第2页", ""]),
    st.text(alphabet="十四五规划中文 年月日1234abc,.()（）“”、。，：|丨>-\t\xa0\u3000", max_size=40),
    st.text(max_size=20),
)
TEXTS = st.lists(LINES, max_size=50).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.booleans())
def test_idempotent_and_never_raises(raw: str, keep: bool) -> None:
    once = clean(raw, keep_boilerplate=keep)
    if once.text:
        _assert_well_formed(once.text)
    twice = clean(once.text, keep_boilerplate=keep)
    assert twice.text == once.text
    assert twice.removed == ()


def test_one_megabyte_stays_linear() -> None:
    # A guard against quadratic behaviour, not a benchmark: eight times the text may take
    # about eight times as long (a quadratic path would take sixty-four), measured in CPU
    # time so that a busy machine does not decide.
    paragraph = "".join(PARAGRAPHS).replace("。", "，")

    def hard_wrapped(size: int) -> str:
        return "\n".join(_wrap(paragraph * (size // len(paragraph) + 1), 30)[: size // 31])

    def seconds(text: str) -> float:
        start = time.process_time()
        clean(text)
        return time.process_time() - start

    small, large = hard_wrapped(125_000), hard_wrapped(1_000_000)
    ratio = min(seconds(large) for _ in range(2)) / max(min(seconds(small) for _ in range(3)), 1e-3)
    assert ratio < 24, f"1 MB took {ratio:.1f} times as long as 125 KB"
    result = clean(large)
    assert result.text.count("\n") < 10


def test_a_table_of_contents_is_page_furniture() -> None:
    # As the official prints of laws open: 目录, the chapters, then the chapters again with their articles.
    law = ("中华人民共和国示例法\n目  录\n第一章 总则\n第二章 管理\n第三章 法律责任\n第四章 附则\n"
           "第一章 总则\n第一条 为了规范管理，制定本法。\n第二章 管理\n第二条 应当加强管理。\n"
           "第三章 法律责任\n第三条 违反本法的，依法处理。\n第四章 附则\n第四条 本法自公布之日起施行。\n")
    cleaned = clean(law)
    assert cleaned.removed == ("目  录", "第一章 总则", "第二章 管理", "第三章 法律责任", "第四章 附则")
    assert cleaned.text.splitlines()[:3] == ["中华人民共和国示例法", "第一章 总则", "第一条 为了规范管理，制定本法。"]
    # The Supreme People's Court's 民事诉讼法 interpretation (LawRefBook/Laws, 2022-04-01) lists its parts
    # before its preamble, without a 目录 line.
    court = ("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释\n二、回避\n三、诉讼参加人\n四、证据\n"
             "根据修改后的民事诉讼法，结合人民法院民事审判和执行工作实际，制定本解释。\n一、管辖\n第一条 示例。\n"
             "二、回避\n第四十三条 示例。\n三、诉讼参加人\n第五十条 示例。\n四、证据\n第九十条 示例。\n")
    assert clean(court).removed == ("二、回避", "三、诉讼参加人", "四、证据")


def test_headings_that_do_not_all_come_back_are_no_table_of_contents() -> None:
    plan = "示例规划\n一、发展基础\n二、总体要求\n三、重点任务\n正文开始。\n一、发展基础\n内容。\n二、其他\n"
    assert clean(plan).removed == ()
    law = "中华人民共和国示例法\n第一章 总则\n第一条 为了规范管理，制定本法。\n第二章 管理\n第二条 应当加强管理。\n"
    assert clean(law).removed == ()


# 道路运输条例 (2022) set by a word processor and read back from its PDF (pypdfium2), as
# printed: the extractor's spaces around numbers, a reference that opens a line, a bracket
# closing a line mid-sentence. The second variant indents each paragraph's first line by two
# characters, which the extraction drops.
_PRINTED = [
    "第十一条 取得道路运输经营许可证的客运经营者，需要增加客运班线的，应当依照本条例",
    "第十条的规定办理有关手续。",
    "第十二条 县级以上地方人民政府交通运输主管部门在审查客运申请时，应当考虑客运市场",
    "的供求状况、普遍服务和方便群众等因素。",
    "第四十条 道路运输站（场）经营者应当对出站的车辆进行安全检查，禁止无证经营的车辆",
    "进站从事经营活动，防止超载车辆或者未经安全检查的车辆出站。",
    "道路运输站（场）经营者应当公平对待使用站（场）的客运经营者和货运经营者，无正当",
    "理由不得拒绝道路运输车辆进站从事经营活动。",
    "道路运输站（场）经营者应当向旅客和货主提供安全、便捷、优质的服务；保持站（场）",
    "卫生、清洁；不得随意改变站（场）用途和服务功能。",
    "第七十条 违反本条例的规定，客运经营者、货运经营者不按规定维护和检测运输车辆的，",
    "由县级以上地方人民政府交通运输主管部门责令改正，处 1000 元以上 5000 元以下的罚",
    "款。",
    "违反本条例的规定，客运经营者、货运经营者擅自改装已取得车辆营运证的车辆的，由县",
    "级以上地方人民政府交通运输主管部门责令改正，处 5000 元以上 2 万元以下的罚款。",
]
_INDENTED = [
    "第四十条 道路运输站（场）经营者应当对出站的车辆进行安全检查，禁止无证经营的",
    "车辆进站从事经营活动，防止超载车辆或者未经安全检查的车辆出站。",
    "道路运输站（场）经营者应当公平对待使用站（场）的客运经营者和货运经营者，无",
    "正当理由不得拒绝道路运输车辆进站从事经营活动。",
    "道路运输站（场）经营者应当向旅客和货主提供安全、便捷、优质的服务；保持站",
    "（场）卫生、清洁；不得随意改变站（场）用途和服务功能。",
    "第四十一条 道路旅客运输站（场）经营者应当为客运经营者合理安排班次，公布其运",
    "输线路、起止经停站点、运输班次、始发时间、票价，调度车辆进站、发车，疏导旅客，",
    "维持上下车秩序。",
]


def test_printed_articles_rejoin_across_numbers_references_and_brackets() -> None:
    out = clean("\n".join(_PRINTED)).text.split("\n")
    assert out == [
        "第十一条 取得道路运输经营许可证的客运经营者，需要增加客运班线的，应当依照本条例第十条的规定办理有关手续。",
        "第十二条 县级以上地方人民政府交通运输主管部门在审查客运申请时，应当考虑客运市场的供求状况、"
        "普遍服务和方便群众等因素。",
        "第四十条 道路运输站（场）经营者应当对出站的车辆进行安全检查，禁止无证经营的车辆进站从事经营活动，"
        "防止超载车辆或者未经安全检查的车辆出站。",
        "道路运输站（场）经营者应当公平对待使用站（场）的客运经营者和货运经营者，无正当理由不得拒绝道路运输车辆进站从事经营活动。",
        "道路运输站（场）经营者应当向旅客和货主提供安全、便捷、优质的服务；保持站（场）卫生、清洁；不得随意改变站（场）用途和服务功能。",
        "第七十条 违反本条例的规定，客运经营者、货运经营者不按规定维护和检测运输车辆的，"
        "由县级以上地方人民政府交通运输主管部门责令改正，处1000元以上5000元以下的罚款。",
        "违反本条例的规定，客运经营者、货运经营者擅自改装已取得车辆营运证的车辆的，"
        "由县级以上地方人民政府交通运输主管部门责令改正，处5000元以上2万元以下的罚款。",
    ]


def test_a_paragraphs_first_line_that_lost_its_indent_still_runs_on() -> None:
    out = clean("\n".join(_INDENTED * 2)).text.split("\n")
    assert len(out) == 8
    assert out[1] == ("道路运输站（场）经营者应当公平对待使用站（场）的客运经营者和货运经营者，"
                      "无正当理由不得拒绝道路运输车辆进站从事经营活动。")


def test_a_running_header_repeating_the_title_leaves_the_title() -> None:
    # A word-processed law printed with its title as the running header: the first page shows
    # the header and then the title, each later page the header again.
    title = "中华人民共和国道路运输条例"
    pages = [_wrap(paragraph, 30) for paragraph in PARAGRAPHS * 2]
    lines = [title, title, *pages[0], "第 1 页"]
    for number, page in enumerate(pages[1:], start=2):
        lines += [title, *page, f"第 {number} 页"]
    result = clean("\n".join(lines))
    assert result.text.split("\n") == [title, *PARAGRAPHS * 2]
    assert result.removed.count(title) == len(pages)
