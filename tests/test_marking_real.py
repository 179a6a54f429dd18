"""Marking on real revisions (``tests/data/marking``): every value marked whole, and marked changed
when the other version does not hold it (DESIGN §6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.compare import compare
from core.kinds import Highlight
from core.result import Comparison

DATA = Path(__file__).resolve().parent / "data" / "marking"
PAIRS = sorted(path for path in DATA.iterdir() if path.is_dir())
# Values by a pattern of this test's own, not the engine's: a number in Arabic or Chinese
# numerals with one of the units these laws use; 第三条 is a number, not a value.
_NUMERAL = "零一二两三四五六七八九十百千万亿"
VALUE = re.compile(rf"(?<![第0-9.{_NUMERAL}])(?:[0-9]+(?:\.[0-9]+)?|[{_NUMERAL[:-2]}]+[万亿]?)"
                   "(?:万元|亿元|元|个工作日|个月|日|年|天|小时|倍|%|人|次|项)")


@pytest.fixture(scope="module", params=PAIRS, ids=lambda path: path.name)
def result(request: pytest.FixtureRequest) -> Comparison:
    return compare(request.param / "old.md", request.param / "new.md")


def _marks(result: Comparison, side: str) -> dict[int, Highlight]:
    spans = result.left_highlights if side == "left" else result.right_highlights
    return {i: span.kind for span in spans for i in range(span.start, span.end)}


@pytest.mark.parametrize("side", ["left", "right"])
def test_every_value_is_marked_whole(result: Comparison, side: str) -> None:
    text = (result.left if side == "left" else result.right).text
    marks = _marks(result, side)
    split = [(found.group(), text[found.start() - 10:found.end()])
             for found in VALUE.finditer(text) if len({marks.get(i) for i in range(*found.span())}) > 1]
    assert split == []


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_value_the_other_version_lacks_is_marked_changed(result: Comparison, side: str) -> None:
    text, other = (result.left.text, result.right.text) if side == "left" else (result.right.text, result.left.text)
    changed = Highlight.LEFT_ONLY if side == "left" else Highlight.RIGHT_ONLY
    marks = _marks(result, side)
    values = [found for found in VALUE.finditer(text) if found.group() not in other]
    assert values  # the laws changed some of their values
    unmarked = [(found.group(), text[found.start() - 10:found.end()])
                for found in values if any(marks.get(i) is not changed for i in range(*found.span()))]
    assert unmarked == []
