"""Find: every hit of the query in both panes, and the walk from one hit to the next.

Hits are looked up in the comparison form the result carries (``core.find``: the
query folded like the text), and painted in the panes' own find layer, apart from the selection.
"""

from __future__ import annotations

from collections.abc import Callable

from core.find import find_all
from gui.find_bar import FindBar
from gui.result_index import ResultIndex
from gui.text_pane import DocumentPane

Hit = tuple[str, int, int]  # side, start, end


class FindController:
    """The find hits of the result on screen and the current one."""

    def __init__(self, bar: FindBar, panes: tuple[DocumentPane, DocumentPane],
                 index: Callable[[], ResultIndex | None], dark: Callable[[], bool]) -> None:  # fmt: skip
        self.bar = bar
        self._panes = {"L": panes[0], "R": panes[1]}
        self._index = index
        self._dark = dark
        self._hits: list[Hit] = []
        self.position = -1  # index of the current hit in ``hits()``, -1 before the first step
        bar.queryChanged.connect(self.run)
        bar.nextRequested.connect(lambda: self.step(1))
        bar.previousRequested.connect(lambda: self.step(-1))
        bar.closed.connect(self.clear)

    def hits(self) -> list[Hit]:
        """Current find hits as (side, start, end), left pane first."""
        return list(self._hits)

    def run(self, query: str) -> None:
        """Highlight every hit of ``query`` in both panes."""
        self._hits = []
        self.position = -1
        index = self._index()
        if index is not None and query.strip():
            t2s = index.comparison.options.t2s  # the query must be folded like the text
            for side in ("L", "R"):
                self._hits += [(side, s, e) for s, e in find_all(index.normalized(side), query, t2s)]
        self.paint()

    def rerun(self) -> None:
        """Find the open query again (a new result is on screen)."""
        if self.bar.isVisible() and self.bar.field.text():
            self.run(self.bar.field.text())

    def step(self, step: int) -> None:
        """Move to the next/previous hit (across the left, then the right pane)."""
        if not self.bar.isVisible():
            self.bar.open_bar()
            return
        if not self._hits:
            return
        if self.position < 0:
            self.position = 0 if step > 0 else len(self._hits) - 1
        else:
            self.position = (self.position + step) % len(self._hits)
        side, start, _end = self._hits[self.position]
        self.paint()
        self._panes[side].reveal(start, 0.35)

    def clear(self) -> None:
        """Remove the find hits from both panes."""
        self._hits = []
        self.position = -1
        self.paint()

    def paint(self) -> None:
        """Paint the hits (the current one apart) in the panes and count them in the bar."""
        current = self._hits[self.position] if self.position >= 0 else None
        for side, pane in self._panes.items():
            ranges = [(s, e) for hs, s, e in self._hits if hs == side]
            index = -1
            if current is not None and current[0] == side:
                index = ranges.index((current[1], current[2]))
            pane.set_hits(ranges, index, self._dark())
        left = sum(1 for h in self._hits if h[0] == "L")
        self.bar.set_count(left, len(self._hits) - left, self.position)
