"""Python string offsets <-> Qt (UTF-16) document positions.

The engine speaks Python code-point offsets; QTextDocument counts UTF-16 code units.
They differ only after a character outside the Basic Multilingual Plane (rare CJK
extension characters, emoji), so the map stores just those places.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets and UTF-16 positions of one text."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of the astral characters; each adds one UTF-16 unit after it.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [pos + i for i, pos in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of UTF-16 ``position`` (inside a surrogate pair: that character)."""
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt, position - 1)
