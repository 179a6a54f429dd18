"""Real base → implementation pairs labelled by reading (``tests/data/implementation``)
and a real revision (``tests/data/revision``): the product's pairings against the truth.

The bars: the relation is detected on every pair; the product names the right base item
at least as often as the plain best-match baseline does on the same items, and on most
items overall; it says 未见落实 only where a reader found nothing; a real revision still
pairs its articles.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from implementation_truth import Truth, evaluate, resolve, truths

from core.compare import compare
from core.model import Comparison, Options

IMPLEMENTATIONS = truths("implementation")
REVISIONS = truths("revision")
# Top-1 accuracy every labelled pair reaches today (see benchmarks/implementation_accuracy.py).
ACCURACY_FLOOR = 0.80
# 未见落实 precision: every pair reaches 1.0 today (the 义务教育法 pair 5 of 5).
NOT_TAKEN_UP_FLOOR = 0.95


def _compared(truth: Truth) -> Comparison:
    return _compare(truth.base, truth.implementation)


@cache
def _compare(base: Path, other: Path) -> Comparison:
    return compare(base, other, Options())


def test_there_are_three_labelled_implementation_pairs_of_different_kinds() -> None:
    assert len(IMPLEMENTATIONS) >= 3
    articles = [t for t in IMPLEMENTATIONS if any(i["ref"].endswith("条") for i in t.items)]
    assert articles and len(articles) < len(IMPLEMENTATIONS)


@pytest.mark.parametrize("truth", IMPLEMENTATIONS, ids=lambda t: t.name)
def test_relation_is_detected_as_implementation(truth: Truth) -> None:
    verdict = _compared(truth).relation
    assert verdict.relation.value == "implementation" and verdict.detected and verdict.evidence


@pytest.mark.parametrize("truth", REVISIONS, ids=lambda t: t.name)
def test_relation_is_detected_as_revision(truth: Truth) -> None:
    assert _compared(truth).relation.relation.value == "revision"


@pytest.mark.parametrize("truth", IMPLEMENTATIONS, ids=lambda t: t.name)
def test_every_reference_of_the_truth_resolves(truth: Truth) -> None:
    result = _compared(truth)
    assert not evaluate(result, truth).unresolved


@pytest.mark.parametrize("truth", IMPLEMENTATIONS, ids=lambda t: t.name)
def test_pairing_beats_the_plain_best_match(truth: Truth) -> None:
    score = evaluate(_compared(truth), truth)
    assert score.product_on_baseline_items >= score.baseline_correct, score.wrong
    assert score.accuracy >= ACCURACY_FLOOR, score.wrong


@pytest.mark.parametrize("truth", IMPLEMENTATIONS, ids=lambda t: t.name)
def test_not_taken_up_only_where_nothing_addresses_the_item(truth: Truth) -> None:
    score = evaluate(_compared(truth), truth)
    assert score.not_taken_up_precision >= NOT_TAKEN_UP_FLOOR, score.wrong


@pytest.mark.parametrize("truth", REVISIONS, ids=lambda t: t.name)
def test_a_real_revision_pairs_its_articles(truth: Truth) -> None:
    result = _compared(truth)
    paired = 0
    for item in truth.items:
        section = resolve(result.right, item["ref"])
        assert section is not None, item["ref"]
        counterparts = {p.left for p in result.pairs_of(section.id) if p.right == section.id}
        expected = {s.id for ref in item["base"] if (s := resolve(result.left, ref)) is not None}
        paired += bool(expected & counterparts) if expected else not counterparts
    assert paired >= len(truth.items) - 3  # 39 of 42 today: three new articles get an old counterpart
