"""Python offsets <-> Qt UTF-16 positions."""

from __future__ import annotations

import pytest

from gui.utf16 import Utf16Map


@pytest.mark.parametrize("text", ["abc", "中文𠀀字", "𠀀𠀁x", ""])
def test_utf16_map_round_trip(text):
    mapping = Utf16Map(text)
    for offset in range(len(text) + 1):
        q = mapping.to_qt(offset)
        assert q == len(text[:offset].encode("utf-16-le")) // 2
        assert mapping.from_qt(q) == offset
