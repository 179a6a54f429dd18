"""Which relation two documents stand in (``core.relation``), decided from their titles first."""

from __future__ import annotations

from core.compare import compare_texts
from core.kinds import Relation

LAW_ARTICLES = "".join(
    f"第{number}条 代表应当{duty}，保守国家秘密，协助宪法和法律的实施，与原选区选民保持密切联系。\n"
    for number, duty in zip("一二三四五六七八", ("出席本级人民代表大会会议", "参加视察", "参加专题调研", "参加执法检查",
                                                 "听取意见", "反映要求", "接受监督", "执行代表职务"), strict=True)
)
LAW = "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法\n" + LAW_ARTICLES


def test_a_measure_naming_its_law_in_its_title_carries_it_out_however_much_it_restates() -> None:
    # The measure copies every article of the law: by wording alone it would be a revision.
    measure = "上海市实施《全国人民代表大会和地方各级人民代表大会代表法》办法\n" + LAW_ARTICLES
    result = compare_texts(LAW, measure)
    assert result.relation.relation is Relation.IMPLEMENTATION
    assert "标题" in result.relation.evidence[0]


def test_a_revision_or_an_amending_decision_is_no_implementation() -> None:
    revised = "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法（修订草案）\n" + LAW_ARTICLES
    assert compare_texts(LAW, revised).relation.relation is Relation.REVISION
    amending = "关于修改《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》的决定\n" + LAW_ARTICLES
    assert compare_texts(LAW, amending).relation.relation is Relation.REVISION
