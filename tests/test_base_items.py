"""Base items counted as a drafter counts them (``core.base_items``)."""

from __future__ import annotations

from core.base_items import counted_items, graded_items
from core.document import Document
from core.kinds import CoverageGrade
from core.outline import outline

LAW = "\n".join([
    "中华人民共和国邮政法",
    "1986年12月2日 第六届全国人民代表大会常务委员会第十八次会议通过",
    "第一章 总则",
    "第一条 为了保障邮政普遍服务，制定本法。",
    "第二条 国家保障中华人民共和国境内的邮政普遍服务。",
    "邮政企业按照国家规定承担提供邮政普遍服务的义务。",
    "第三条 下列邮资凭证不得使用：",
    "（一）经国务院邮政管理部门批准停止使用的；",
    "（二）盖销或者划销的。",
])


def _law() -> Document:
    sections, title = outline(LAW, "L")
    return Document("law.txt", title, LAW, sections)


def test_an_article_is_one_item_whatever_its_paragraphs_and_points() -> None:
    doc = _law()
    assert len(doc.leaves) > 3  # the title block, paragraphs and points are leaves of their own
    assert [item.number for item in counted_items(doc)] == ["第一条", "第二条", "第三条"]


def test_an_item_takes_the_strongest_grade_of_its_leaves() -> None:
    doc = _law()
    by_number = {item.number: item for item in counted_items(doc)}
    grades = {leaf.id: CoverageGrade.NOT_TAKEN_UP for leaf in doc.leaves}
    point = next(leaf for leaf in doc.leaves if leaf.number == "（二）")
    grades[point.id] = CoverageGrade.TOUCHED
    graded = dict((item.number, grade) for item, grade in graded_items(doc, grades))
    assert graded == {"第一条": CoverageGrade.NOT_TAKEN_UP, "第二条": CoverageGrade.NOT_TAKEN_UP,
                      "第三条": CoverageGrade.TOUCHED}
    assert by_number["第三条"].start <= point.start < by_number["第三条"].end


def test_an_item_without_a_graded_leaf_is_left_out() -> None:
    doc = _law()
    first = counted_items(doc)[0]
    assert first.is_leaf  # an article of one paragraph is its own leaf
    assert [(item.number, grade) for item, grade in graded_items(doc, {first.id: CoverageGrade.COPIED})] == [
        ("第一条", CoverageGrade.COPIED)]
