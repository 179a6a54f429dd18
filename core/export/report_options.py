"""The drafter's choices for the Word and PDF reports: notes, emphasis, shading, comments, page, rows."""

from __future__ import annotations

from dataclasses import dataclass

from core.export.report_wording import Wording
from core.kinds import Relation


@dataclass(frozen=True)
class ReportOptions:
    """What the drafter chooses for the Word and PDF reports."""

    blank_notes: bool = False  # 修改说明留空: a revision's third column left for the drafter's own text
    bold_insertions: bool = False  # added wording bold as well as underlined
    shading: bool = True  # highlight colours behind the text (the print cues stay either way)
    comments: bool = False  # a Word comment on each changed row
    landscape: bool = True  # three wide columns need the width of landscape A4
    changes_only: bool = False  # unchanged rows left out, each stretch of them cited in one line

    def notes_shown(self, words: Wording) -> bool:
        """True when the third column carries the product's notes (an implementation's always)."""
        return not self.blank_notes or words.relation is Relation.IMPLEMENTATION
