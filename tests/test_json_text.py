"""The JSON outputs' text: what json.loads reads back, one record per line."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from core.export.json_text import readable_json

_PLAIN = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(_PLAIN, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


@given(_VALUES)
def test_any_value_reads_back_as_it_was(value: Any) -> None:
    assert json.loads(readable_json(value)) == value


def test_a_result_has_one_record_per_line() -> None:
    result = {
        "schema": "duizhao.comparison/1",
        "pairs": [{"left": "L1", "right": "R1", "diff": [{"op": "equal"}]}, {"left": "L2", "right": "R2", "diff": []}],
        "highlights": {"left": [[0, 4, "shared"], [4, 9, "left-only"]], "right": []},
        "findings": [],
    }
    lines = readable_json(result).splitlines()
    assert '  {"left": "L1", "right": "R1", "diff": [{"op": "equal"}]},' in lines
    assert '   [4, 9, "left-only"]' in lines
    assert ' "schema": "duizhao.comparison/1",' in lines
    assert ' "findings": []' in lines
