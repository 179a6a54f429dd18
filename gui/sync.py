"""Synchronised scrolling through the alignment (Meld's sync points).

For each direction a :class:`ScrollMap` holds piecewise-linear segments: the pixel
extent of every *lowest paired* section (paired, with no paired descendant) and the
extent of its counterpart(s) on the other side. A position inside a segment maps by
interpolation; a position between segments interpolates between their ends when the
other side keeps the same order, and holds still otherwise. Maps are rebuilt only
when a result arrives or a pane's width changes; scrolling only does a binary search.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject

from gui.result_index import ResultIndex
from gui.text_pane import DocumentPane


@dataclass(frozen=True)
class Segment:
    """A source pixel range and the target pixel range it corresponds to."""

    src_top: float
    src_bottom: float
    dst_top: float
    dst_bottom: float


def counterpart_extent(
    section_id: str, index: ResultIndex, positions: dict[str, tuple[float, float]]
) -> tuple[float, float] | None:
    """Pixel extent of a section's counterpart(s) on the other side.

    Several counterparts (a split) give their union when they sit close together,
    else the best-scoring one, so that a far-away related item does not stretch it.
    """
    ids = index.counterparts(section_id)  # best score first
    extents = [positions[i] for i in ids if i in positions]
    if not extents:
        return None
    if len(extents) > 1:
        top = min(e[0] for e in extents)
        bottom = max(e[1] for e in extents)
        if bottom - top <= 1.5 * sum(e[1] - e[0] for e in extents):
            return top, bottom
    return extents[0]


class ScrollMap:
    """Maps a pixel height of one pane to the corresponding height of the other."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = sorted(segments, key=lambda s: s.src_top)
        self._tops = [s.src_top for s in self.segments]

    @classmethod
    def build(
        cls,
        index: ResultIndex,
        source_is_left: bool,
        src_positions: dict[str, tuple[float, float]],
        dst_positions: dict[str, tuple[float, float]],
    ) -> ScrollMap:
        """The map from one side's section pixel positions to the other's."""
        segments = []
        for section in index.lowest_paired("L" if source_is_left else "R"):
            if section.id not in src_positions:
                continue
            extent = counterpart_extent(section.id, index, dst_positions)
            if extent is None:
                continue
            top, bottom = src_positions[section.id]
            segments.append(Segment(top, bottom, extent[0], extent[1]))
        return cls(segments)

    def map(self, y: float) -> float:
        """The target height for source height ``y``."""
        if not self.segments:
            return y
        i = bisect_right(self._tops, y) - 1
        if i < 0:
            first = self.segments[0]
            return max(0.0, first.dst_top - (first.src_top - y))
        seg = self.segments[i]
        if y <= seg.src_bottom:
            return _lerp(y, seg.src_top, seg.src_bottom, seg.dst_top, seg.dst_bottom)
        if i + 1 < len(self.segments):
            nxt = self.segments[i + 1]
            if nxt.dst_top >= seg.dst_bottom:
                return _lerp(y, seg.src_bottom, nxt.src_top, seg.dst_bottom, nxt.dst_top)
        # Out of order on the other side (a moved section) or past the last: hold still.
        return seg.dst_bottom


def _lerp(y: float, a0: float, a1: float, b0: float, b1: float) -> float:
    if a1 <= a0:
        return b0
    return b0 + (y - a0) * (b1 - b0) / (a1 - a0)


class ScrollSync(QObject):
    """Keeps two panes scrolled to corresponding places, without feedback loops."""

    def __init__(self, left: DocumentPane, right: DocumentPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.enabled = True  # the user's choice (View > Synchronised scrolling)
        self._index: ResultIndex | None = None
        self._maps: dict[bool, ScrollMap] | None = None
        self._busy = False
        left.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(left))
        right.verticalScrollBar().valueChanged.connect(lambda _v: self.follow(right))
        left.geometryChanged.connect(self.invalidate)
        right.geometryChanged.connect(self.invalidate)

    def set_result(self, index: ResultIndex | None) -> None:
        """Use the alignment of this result (None: no syncing)."""
        self._index = index
        self._maps = None

    def invalidate(self) -> None:
        """Forget the maps (new text or width); they are rebuilt on the next scroll."""
        self._maps = None

    def scroll_map(self, source_is_left: bool) -> ScrollMap | None:
        """The current map from one side to the other (built on demand)."""
        if self._index is None:
            return None
        if self._maps is None:
            lpos = self.left.section_positions()
            rpos = self.right.section_positions()
            self._maps = {
                True: ScrollMap.build(self._index, True, lpos, rpos),
                False: ScrollMap.build(self._index, False, rpos, lpos),
            }
        return self._maps[source_is_left]

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Let the window scroll both panes itself without either following the other."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def follow(self, source: DocumentPane) -> None:
        """Scroll the other pane to match ``source`` (ignored while already syncing)."""
        if self._busy or not self.enabled:
            return
        scroll_map = self.scroll_map(source is self.left)
        if scroll_map is None:
            return
        target = self.right if source is self.left else self.left
        with self.suspended():
            # The sync point slides from the top edge to the bottom edge as the pane scrolls,
            # so that both panes reach their top and bottom together.
            bar = source.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
            anchor = bar.value() + fraction * source.viewport().height()
            target.scroll_to_y(scroll_map.map(anchor) - fraction * target.viewport().height())
