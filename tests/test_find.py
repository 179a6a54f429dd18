"""The comparison form travels with the result, and find reads it instead of normalizing again."""

from __future__ import annotations

import json

import pytest

from core.compare import compare_texts
from core.export.json_report import to_json
from core.find import find_all, label_contains
from core.normalize import normalize
from core.options import Options

LEFT = "一、總體要求\n推動成渝地區雙城經濟圈建設，２０２０年見成效。\n"
RIGHT = "一、总体要求\n推动成渝地区双城经济圈建设，2020年见成效。\n"


@pytest.mark.parametrize("t2s", [True, False])
def test_result_carries_each_side_in_comparison_form_as_compared(t2s: bool) -> None:
    result = compare_texts(LEFT, RIGHT, Options(t2s=t2s))
    for document, form in ((result.left, result.left_form), (result.right, result.right_form)):
        assert form is not None
        expected = normalize(document.text, t2s=t2s)
        assert (form.text, form.starts, form.ends, form.display_length) == (
            expected.text, expected.starts, expected.ends, expected.display_length)


def test_the_json_does_not_carry_the_comparison_form() -> None:
    result = compare_texts(LEFT, RIGHT)
    written = json.dumps(to_json(result), ensure_ascii=False)
    assert "left_form" not in written and "right_form" not in written


def test_find_folds_the_query_like_the_form_and_answers_in_display_offsets() -> None:
    result = compare_texts(LEFT, RIGHT)
    assert result.left_form is not None and result.right_form is not None
    for query in ("双城经济圈", "雙城經濟圈"):
        (start, end), = find_all(result.left_form, query, t2s=True)
        assert result.left.text[start:end] == "雙城經濟圈"
        (start, end), = find_all(result.right_form, query, t2s=True)
        assert result.right.text[start:end] == "双城经济圈"
    (start, end), = find_all(result.right_form, "２０２０年", t2s=True)
    assert result.right.text[start:end] == "2020年"
    assert find_all(result.right_form, " \n", t2s=True) == []


def test_label_filter_ignores_spaces_and_script() -> None:
    assert label_contains("（三） 推動 雙城經濟圈", "双城 经济")
    assert label_contains("任何条目", "  ")
    assert not label_contains("总体要求", "经济")
