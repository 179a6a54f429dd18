"""Folded text: ranges of a pane's display text shown as one line, and the offset map around them.

A changes-only view replaces each run of unchanged text by a single line such as
"…… 第三章至第五章 未修改（折叠）……". The engine's offsets still refer to the
whole display text, so the pane converts every offset through :class:`FoldMap`: text
before, between and after the folds shifts by what the folds removed; an offset inside
a fold lands on its line, so a section, a mark or a link inside it points there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from gui.utf16 import Utf16Map


@dataclass(frozen=True)
class Fold:
    """Display range ``[start, end)`` shown as the one line ``text``."""

    start: int
    end: int
    text: str


class FoldMap:
    """Display offsets <-> Qt positions of the text as shown, with the folds in place.

    ``folds`` must be sorted and must not overlap. Without folds the map is the plain
    UTF-16 map of the display text.
    """

    def __init__(self, text: str, folds: Sequence[Fold] = ()) -> None:
        self.folds = tuple(folds)
        pieces: list[str] = []
        self._starts: list[int] = []  # display start of each fold
        self._shown: list[int] = []  # shown start of each fold's line
        shown = 0
        previous = 0
        for fold in self.folds:
            pieces.append(text[previous : fold.start])
            shown += fold.start - previous
            self._starts.append(fold.start)
            self._shown.append(shown)
            pieces.append(fold.text)
            shown += len(fold.text)
            previous = fold.end
        pieces.append(text[previous:])
        self.shown_text = "".join(pieces)
        self._utf16 = Utf16Map(self.shown_text)

    def to_shown(self, offset: int) -> int:
        """Offset in the shown text of display ``offset`` (inside a fold: the start of its line)."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        fold = self.folds[i]
        if offset < fold.end:
            return self._shown[i]
        return self._shown[i] + len(fold.text) + offset - fold.end

    def from_shown(self, position: int) -> int:
        """Display offset of shown ``position`` (on a fold's line: the start of the fold)."""
        i = bisect_right(self._shown, position) - 1
        if i < 0:
            return position
        fold = self.folds[i]
        line_end = self._shown[i] + len(fold.text)
        if position < line_end:
            return fold.start
        return fold.end + position - line_end

    def fold_over(self, offset: int) -> Fold | None:
        """The fold hiding display ``offset``, or None when it is shown."""
        i = bisect_right(self._starts, offset) - 1
        return self.folds[i] if i >= 0 and offset < self.folds[i].end else None

    def fold_at(self, position: int) -> Fold | None:
        """The fold whose line holds shown ``position``, or None."""
        i = bisect_right(self._shown, position) - 1
        if i >= 0 and position < self._shown[i] + len(self.folds[i].text):
            return self.folds[i]
        return None

    def to_qt(self, offset: int) -> int:
        """Qt (UTF-16) document position of display ``offset``."""
        return self._utf16.to_qt(self.to_shown(offset))

    def from_qt(self, position: int) -> int:
        """Display offset of Qt document position ``position``."""
        return self.from_shown(self._utf16.from_qt(position))

    def fold_at_qt(self, position: int) -> Fold | None:
        """The fold whose line holds Qt ``position``, or None."""
        return self.fold_at(self._utf16.from_qt(position))
