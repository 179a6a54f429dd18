"""Selection and navigation: which sections are marked, and the walk through the changes.

Every selection (a section, a pair, a finding, a click in a pane, the next change) ends
in the same place: ranges marked in both panes, the outlines, link strip and pair list
showing the same items, and a line in the status bar. Navigation walks the result's own
ordered change list (``Comparison.changes``), never a search through the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel

from core.pairs import Match
from core.result import Change, Finding
from gui import theme
from gui.i18n import tr
from gui.link_strip import LinkStrip
from gui.outline import OutlineView
from gui.pair_list import PairListPanel, PairRow
from gui.result_index import ResultIndex
from gui.sync import ScrollSync
from gui.text_pane import DocumentPane, Mark

Marks = dict[str, list[tuple[str, int, int]]]  # side -> (kind, start, end); kind "section" or "phrase"


def match_spans(match: Match, side: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """A match's span on ``side`` and its span on the other side."""
    left = (match.left_start, match.left_end)
    right = (match.right_start, match.right_end)
    return (left, right) if side == "L" else (right, left)


def step_position(current: int, step: int, count: int) -> int:
    """The position after ``current`` moved by ``step`` in a ring of ``count``.

    ``current`` of -1 means "not started": a step forward starts at the first, a step
    back at the last.
    """
    if current < 0:
        return 0 if step > 0 else count - 1
    return (current + step) % count


def other_side(side: str) -> str:
    """The other side: "R" for "L", "L" for "R"."""
    return "R" if side == "L" else "L"


@dataclass(frozen=True)
class NavigationViews:
    """The views a selection is shown in."""

    left_pane: DocumentPane
    right_pane: DocumentPane
    left_outline: OutlineView
    right_outline: OutlineView
    strip: LinkStrip
    pair_list: PairListPanel
    sync: ScrollSync
    status: QLabel

    def pane(self, side: str) -> DocumentPane:
        """The pane of a side ("L" or "R")."""
        return self.left_pane if side == "L" else self.right_pane

    def outline(self, side: str) -> OutlineView:
        """The outline of a side ("L" or "R")."""
        return self.left_outline if side == "L" else self.right_outline


class NavigationController:
    """Shows selections in the views and steps through the changes of the result on screen."""

    def __init__(self, views: NavigationViews, index: Callable[[], ResultIndex | None]) -> None:
        self.views = views
        self._index = index
        self.change_pos = -1
        self._phrase_cycle: tuple[tuple[str, int], int] | None = None

    def reset(self) -> None:
        """Forget the position in the changes and the phrase cycle (a new result is shown)."""
        self.change_pos = -1
        self._phrase_cycle = None

    def show_marks(self, marks: Marks, scroll: set[str]) -> None:
        """Mark ranges per side and bring the first of each side in ``scroll`` into view."""
        accent = theme.accent_color()
        with self.views.sync.suspended():
            for side in ("L", "R"):
                pane = self.views.pane(side)
                pane.set_marks([Mark(start, end, accent, filled=kind == "phrase") for kind, start, end in marks[side]])
                if side in scroll and marks[side]:
                    pane.reveal(marks[side][0][1])

    def select_section(self, side: str, section_id: str, scroll_self: bool = True) -> None:
        """Mark a section and its counterpart(s) in both panes and bring them into view."""
        index = self._index()
        if index is None:
            return
        section = index.document(side).by_id.get(section_id)
        if section is None:
            return
        other = other_side(side)
        other_doc = index.document(other)
        counterpart_ids = index.counterparts(section_id)
        marks: Marks = {side: [("section", section.start, section.end)], other: []}
        for cid in counterpart_ids:
            counterpart = other_doc.by_id[cid]
            marks[other].append(("section", counterpart.start, counterpart.end))
        scroll = {other} | ({side} if scroll_self else set())
        self.show_marks(marks, scroll)
        views = self.views
        if not counterpart_ids and side in scroll:
            # No counterpart: let the alignment place the other pane near where it would be.
            views.sync.follow(views.pane(side))
        views.outline(side).select_section(section_id)
        if counterpart_ids:
            views.outline(other).select_section(counterpart_ids[0])
        pair_indexes = index.comparison.pair_indexes(section_id)
        views.strip.set_selected(set(pair_indexes))
        if pair_indexes:
            views.pair_list.select_pair(pair_indexes[0])
        else:
            views.pair_list.select_pair(None, *((section_id, None) if side == "L" else (None, section_id)))
        if counterpart_ids:
            names = "、".join(other_doc.by_id[c].label for c in counterpart_ids)
            views.status.setText(f"{section.label}  ⇄  {names}")
        else:
            alone = tr("左侧独有：右侧未采纳") if side == "L" else tr("右侧独有：本地内容")
            views.status.setText(f"{section.label}  —  " + alone)

    def select_pair(self, pair_index: int) -> None:
        """Mark both sections of a pair and bring them into view."""
        index = self._index()
        if index is None:
            return
        comparison = index.comparison
        pair = comparison.pairs[pair_index]
        left = comparison.left.by_id[pair.left]
        right = comparison.right.by_id[pair.right]
        self.show_marks({"L": [("section", left.start, left.end)], "R": [("section", right.start, right.end)]},
                        {"L", "R"})  # fmt: skip
        views = self.views
        views.left_outline.select_section(pair.left)
        views.right_outline.select_section(pair.right)
        views.strip.set_selected({pair_index})
        views.pair_list.select_pair(pair_index)
        kind = theme.pair_label(pair.kind)
        views.status.setText(f"{left.label}  ⇄  {right.label}  ({kind} {pair.score:.2f})")

    def on_pair_row(self, row: PairRow) -> None:
        """A pair-list row was chosen."""
        if row.pair is not None:
            self.select_pair(row.pair)
        elif row.left is not None:
            self.select_section("L", row.left)
        elif row.right is not None:
            self.select_section("R", row.right)

    def select_finding(self, finding: Finding) -> None:
        """Bring both panes to a finding: its sections as on any selection, its spans marked on top."""
        index = self._index()
        if index is None:
            return
        if finding.pair is not None:
            self.select_pair(finding.pair)
        else:
            side, span = ("L", finding.left) if finding.left is not None else ("R", finding.right)
            if span is None:
                return
            section = index.document(side).section_at(span[0])
            if section is not None:
                self.select_section(side, section.id)
        # The finding's own spans come first, so the panes scroll to them, not to the section tops.
        spans = {"L": finding.left, "R": finding.right}
        marks: Marks = {}
        for side, span in spans.items():
            marks[side] = ([("phrase", *span)] if span is not None else []) + [
                ("section", mark.start, mark.end) for mark in self.views.pane(side).marks
            ]
        self.show_marks(marks, {side for side, span in spans.items() if span is not None})
        self.views.status.setText(finding.summary)

    def go_to_change(self, position: int) -> None:
        """Show change number ``position`` of the result's ordered change list."""
        index = self._index()
        if index is None or not index.comparison.changes:
            return
        changes = index.comparison.changes
        self.change_pos = position % len(changes)
        change: Change = changes[self.change_pos]
        if change.pair is not None:
            self.select_pair(change.pair)
        elif change.left is not None:
            self.select_section("L", change.left)
        elif change.right is not None:
            self.select_section("R", change.right)
        status = self.views.status
        status.setText(f"[{self.change_pos + 1}/{len(changes)}] " + status.text())

    def step_change(self, step: int) -> None:
        """Next (1) or previous (-1) change, wrapping around."""
        index = self._index()
        if index is None or not index.comparison.changes:
            return
        self.go_to_change(step_position(self.change_pos, step, len(index.comparison.changes)))

    def on_pane_click(self, side: str, offset: int) -> None:
        """A click in a pane: show where a shared phrase comes from, else select the section."""
        index = self._index()
        if index is None:
            return
        other = other_side(side)
        matches = index.matches_at(side, offset)
        if matches:
            # Repeated clicks on one phrase cycle through its occurrences on the other side.
            key = (side, offset)
            turn = 0
            if self._phrase_cycle is not None and self._phrase_cycle[0] == key:
                turn = (self._phrase_cycle[1] + 1) % len(matches)
            self._phrase_cycle = (key, turn)
            here, there = match_spans(matches[turn], side)
            self.show_marks({side: [("phrase", *here)], other: [("phrase", *there)]}, {other})
            section = index.document(other).section_at(there[0])
            where = section.label if section is not None else ""
            count = f"（{turn + 1}/{len(matches)}）" if len(matches) > 1 else ""
            said = tr("此表述见于右侧：%1") if side == "L" else tr("此表述见于左侧：%1")
            self.views.status.setText(said.replace("%1", where) + count)
            return
        self._phrase_cycle = None
        section = index.document(side).section_at(offset)
        if section is not None:
            self.select_section(side, section.id, scroll_self=False)
