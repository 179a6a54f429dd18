"""The PDF report's outline: bookmarks that make headings and rows outline entries, and bare link targets."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable


class _Bookmark(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """An invisible mark that makes its position a PDF outline entry."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=self.level > 0)


class Destinations(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Invisible link targets at one position, without outline entries of their own."""

    def __init__(self, keys: Sequence[str]) -> None:
        super().__init__()
        self.keys = keys

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        for key in self.keys:
            self.canv.bookmarkHorizontal(key, 0, 0)


class Outline:
    """Hands out outline levels that never jump deeper by more than one step."""

    def __init__(self) -> None:
        self._last = -1

    def mark(self, key: str, title: str, level: int) -> _Bookmark:
        level = max(0, min(level, self._last + 1))
        self._last = level
        return _Bookmark(key, title, level)
