"""The one palette of Duizhao: highlight colours and print cues for screen and exports,
and the inks, fills and rules of the reports and the workbook.

Colours follow the Okabe-Ito scheme, which stays distinguishable under the common
colour-vision deficiencies; each class also has a cue that survives grayscale
printing (DESIGN §6), so colour is never the only signal. Every colour is written
``"#RRGGBB"``; each export converts it to its library's type.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.kinds import Highlight, PairKind


@dataclass(frozen=True)
class HighlightStyle:
    """How one highlight class looks on screen and on paper."""

    label_zh: str
    label_en: str
    meaning_zh: str
    light: str  # background on a light theme and in print, "#RRGGBB"
    dark: str  # background on a dark theme
    print_cue: str  # "none" | "strike" | "underline" | "dotted"


HIGHLIGHTS: dict[Highlight, HighlightStyle] = {
    Highlight.SHARED: HighlightStyle(
        "相同", "Shared", "对方对应部分中也有的表述", "#E6EFE1", "#2F3B2C", "none"
    ),
    Highlight.LEFT_ONLY: HighlightStyle(
        "左侧独有", "Left only", "删除或未被采纳的表述", "#F8CBB4", "#6B3A22", "strike"
    ),
    Highlight.RIGHT_ONLY: HighlightStyle(
        "右侧独有", "Right only", "新增或本地特有的表述", "#C3DDF5", "#1F4466", "underline"
    ),
    Highlight.ELSEWHERE: HighlightStyle(
        "他处相同", "Shared elsewhere", "对方文件其他部分中出现的表述", "#FBE38E", "#6A5A14", "dotted"
    ),
}

# Link strip, outline status and pair-list colours by pair kind; None is "unpaired".
PAIR_COLORS: dict[PairKind | None, str] = {
    PairKind.SAME: "#009E73",  # bluish green
    PairKind.MODIFIED: "#0072B2",  # blue
    PairKind.RELATED: "#CC79A7",  # reddish purple
    None: "#D55E00",  # vermillion
}

# Findings (changed commitments) in report notes: dark enough to stay legible in grayscale.
FINDING_INK = "#7A2E12"

# -- the printed reports (Word, PDF) and the workbook ------------------------------------

INK = "#000000"  # body text, headings and the tables' header text
HEADING_INK = "#1A2B4C"  # the summary's headings: a dark blue that prints near black
LINK_INK = "#0B4F8A"  # links from the summary to a row of the table
MUTED_INK = "#808080"  # absent counterparts and rows left out; the rule under a Word page header
PAGE_HEADER_INK = "#555555"  # header and footer of a PDF page, and the rule between
HEADER_FILL = "#E8E8E8"  # the tables' header rows
HEADING_FILL = "#F2F2F2"  # the rows of right-side headings across the table
GRID = "#9E9E9E"  # table grid lines and boxes of the PDF
# The workbook's heading fill and cell borders: the light grey and the border grey Excel
# itself offers, so the sheet looks native there (near HEADER_FILL, not the same).
WORKBOOK_HEADER_FILL = "#E7E6E6"
WORKBOOK_GRID = "#BFBFBF"

# The notice box opening a report: amber (the shared-elsewhere highlight) when it warns,
# as when the documents have almost nothing in common; soft green (the shared highlight)
# when it only informs. Keyed by "is it a warning".
NOTICE_FILL = {True: HIGHLIGHTS[Highlight.ELSEWHERE].light, False: HIGHLIGHTS[Highlight.SHARED].light}
NOTICE_INK = {True: FINDING_INK, False: HEADING_INK}

# The lines of the print cues in the PDF, by cue (Word draws its cues in the text colour).
# The dotted cue's colour must serve nothing else: the PDF canvas draws every line in it dotted.
CUE_LINES = {"strike": "#7A2E12", "underline": "#1F4E79", "dotted": "#7A5C00"}


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` as an (r, g, b) tuple of 0-255 integers."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
