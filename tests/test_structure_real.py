"""Structure of real laws in two versions (``tests/data/structure``): an article's points (项)
are one paragraph each, a paragraph after them is the article's (款), a point every list
ends with pairs with the point of its own list, and a deleted article's fine is deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.compare import compare
from core.document import Document, Section
from core.kinds import FindingKind, PairKind
from core.result import Comparison

DATA = Path(__file__).resolve().parent / "data" / "structure"


@pytest.fixture(scope="module")
def road_transport() -> Comparison:
    return compare(DATA / "road_transport" / "old.md", DATA / "road_transport" / "new.md")


@pytest.fixture(scope="module")
def seafarers() -> Comparison:
    return compare(DATA / "seafarers" / "old.md", DATA / "seafarers" / "new.md")


@pytest.fixture(scope="module")
def company_law() -> Comparison:
    return compare(DATA / "company_law" / "old.md", DATA / "company_law" / "new.md")


def _article(doc: Document, number: str) -> Section:
    return next(s for s in doc.sections if s.number == number)


def _child(doc: Document, article: Section, number: str) -> Section:
    return next(doc.by_id[c] for c in article.children if doc.by_id[c].number == number)


def _text(doc: Document, section: Section) -> str:
    return doc.text[section.start:section.end]


@pytest.mark.parametrize("which", ["road_transport", "company_law"])
def test_every_point_of_an_article_is_one_paragraph(which: str, request: pytest.FixtureRequest) -> None:
    result: Comparison = request.getfixturevalue(which)
    for doc in (result.left, result.right):
        articles = {s.id for s in doc.sections if s.number.startswith("第") and s.number.endswith("条")}
        points = [s for s in doc.sections if s.parent in articles and s.number.startswith("（")]
        assert points
        assert [_text(doc, s)[:30] for s in points if "\n" in _text(doc, s)] == []


def test_a_paragraph_after_the_points_is_the_articles_own(road_transport: Comparison) -> None:
    # 道路运输条例 2023 第六十八条: points (一)–(三), then 客运经营者强行招揽旅客…, which takes up the
    # 2022 第六十九条's points (二) 强行招揽 and (五) 防止货物脱落、扬撒. Read as part of (三), it had left
    # (五) reported deleted.
    new, old = road_transport.right, road_transport.left
    article = _article(new, "第六十八条")
    last = new.by_id[article.children[-1]]
    assert not last.number and _text(new, last).startswith("客运经营者强行招揽旅客")
    scattering = _child(old, _article(old, "第六十九条"), "（五）")
    assert {(p.left, p.right) for p in road_transport.pairs if p.left == scattering.id} == {(scattering.id, last.id)}
    assert not [f.summary for f in road_transport.findings if "扬撒" in f.summary]


def test_a_stock_point_pairs_with_the_point_of_its_own_list(company_law: Comparison) -> None:
    # 公司法: the powers of 股东会 (2018 第三十七条, 2023 第五十九条) and of 董事会 both close with
    # 公司章程规定的其他职权; 2023 rewords the board's. The unchanged point of the shareholders'
    # list is the same point, not the board's, though the board's list sits nearer its place.
    old, new = company_law.left, company_law.right
    before = _child(old, _article(old, "第三十七条"), "（十一）")
    after = _child(new, _article(new, "第五十九条"), "（九）")
    assert any(p.left == before.id and p.right == after.id and p.kind is PairKind.SAME for p in company_law.pairs)


def test_a_point_rewritten_in_place_faces_its_old_wording(company_law: Comparison) -> None:
    # 公司法 2018 第三十二条 → 2023 第五十六条, the register of shareholders: （二）股东的出资额 becomes
    # 股东认缴和实缴的出资额、出资方式和出资日期 between points that pair; the two face each other
    # (related), neither reported deleted nor added.
    old, new = company_law.left, company_law.right
    before = _child(old, _article(old, "第三十二条"), "（二）")
    after = _child(new, _article(new, "第五十六条"), "（二）")
    assert any(p.left == before.id and p.right == after.id for p in company_law.pairs)
    spans = {(f.left, f.right) for f in company_law.findings if f.kind is FindingKind.COVERAGE}
    assert not [found for found in spans if (before.start, before.end) in found or (after.start, after.end) in found]


def test_the_fine_of_a_deleted_article_is_deleted_not_lowered_to_its_neighbours(seafarers: Comparison) -> None:
    summaries = [f.summary for f in seafarers.findings if f.kind is FindingKind.QUANTITY]
    assert "罚款 2000元以下 → 1000元以下" not in summaries
    assert "删除罚款：2000元以下" in summaries
