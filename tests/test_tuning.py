"""The engine's thresholds live in ``core.tuning`` and the stages read them from there."""

from __future__ import annotations

import pytest

from core import relation, tuning
from core.document import Document
from core.kinds import Relation


def test_replaced_changes_one_threshold_and_keeps_the_rest() -> None:
    changed = tuning.replaced(tuning.TUNING, "implementation.near_tie", 0.8)
    assert changed.implementation.near_tie == 0.8
    assert changed.implementation.quote == tuning.TUNING.implementation.quote
    assert changed.wording == tuning.TUNING.wording
    assert isinstance(tuning.replaced(changed, "outline.row_run_min", 3.0).outline.row_run_min, int)


@pytest.mark.parametrize("setting", ["implementation.nothing", "nowhere.near_tie", "implementation"])
def test_replaced_refuses_a_threshold_that_does_not_exist(setting: str) -> None:
    with pytest.raises(KeyError):
        tuning.replaced(tuning.TUNING, setting, 1.0)


def test_a_stage_decides_by_the_threshold_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two documents with different titles sharing 60% of their wording are one document
    # revised; with the bar raised above 60% they are two documents.
    left, right = Document("a.txt", "甲市规划", "", ()), Document("b.txt", "乙县方案", "", ())
    assert relation.detect_relation(left, right, 0.6, 0.6).relation is Relation.REVISION
    monkeypatch.setattr(relation, "TUNING", tuning.replaced(tuning.TUNING, "relation.revision_share", 0.7))
    assert relation.detect_relation(left, right, 0.6, 0.6).relation is Relation.IMPLEMENTATION
