"""Pairings set by hand on an implementing document's items (``Options.corrections``)."""

from __future__ import annotations

from core.compare import compare_texts
from core.document import Document, Section
from core.options import Correction, Options
from core.result import Comparison

LAW = """中华人民共和国示例推广法
第一条 为了加强示例推广工作，制定本法。
第二条 示例推广应当遵循下列原则：
（一）有利于农业、农村经济可持续发展和增加农民收入；
（二）尊重农业劳动者和农业生产经营组织的意愿。
第三条 各级人民政府在财政预算内应当保障用于示例推广的资金，并按规定使该资金逐年增长。
第四条 国家鼓励和支持引进国外先进的农业技术。"""

MEASURE = """某市实施《中华人民共和国示例推广法》办法
第一条 为了加强示例推广工作，根据《中华人民共和国示例推广法》，制定本办法。
第二条 示例推广应当遵循下列原则：
（一）有利于高产、优质、高效农业的发展；
（二）尊重农业劳动者的意愿。
第三条 各级人民政府在财政预算内应当保障用于示例推广的资金，并逐年增长。"""


def _section(doc: Document, number: str) -> Section:
    return next(s for s in doc.sections if s.number == number)


def _compared(*corrections: Correction) -> Comparison:
    return compare_texts(LAW, MEASURE, Options(relation="implementation", corrections=corrections))


def test_an_article_with_points_can_be_paired_by_hand_with_another_article() -> None:
    found = _compared()
    item = _section(found.right, "第二条")
    other = _section(found.left, "第四条")
    assert not item.is_leaf
    corrected = _compared(Correction(item.id, item.label, other.id, other.label))
    assignment = next(a for a in corrected.assignments if a.right == item.id)
    assert assignment.left == (other.id,) and assignment.by_hand


def test_an_article_with_points_can_be_set_local() -> None:
    found = _compared()
    item = _section(found.right, "第二条")
    corrected = _compared(Correction(item.id, item.label, None, ""))
    assignment = next(a for a in corrected.assignments if a.right == item.id)
    assert assignment.left == () and assignment.by_hand


def test_a_correction_naming_no_item_is_not_applied() -> None:
    found = _compared()
    item = _section(found.right, "第三条")
    point = next(s for s in found.left.sections if s.number == "（二）")  # a point of an article, not an item
    point_of_item = next(s for s in found.right.sections if s.number == "（一）")
    for correction in (Correction(item.id, item.label, point.id, point.label),
                       Correction(point_of_item.id, point_of_item.label, None, "")):
        corrected = _compared(correction)
        assert corrected.assignments == found.assignments
