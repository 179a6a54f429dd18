"""The one palette of Duizhao: highlight colours and print cues for screen and exports.

Colours follow the Okabe-Ito scheme, which stays distinguishable under the common
colour-vision deficiencies; each class also has a cue that survives grayscale
printing (DESIGN §6), so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model import Highlight, PairKind


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

PAIR_LABELS_ZH: dict[PairKind | None, str] = {
    PairKind.SAME: "相同",
    PairKind.MODIFIED: "修改",
    PairKind.RELATED: "相关",
    None: "独有",
}

PAIR_LABELS_EN: dict[PairKind | None, str] = {
    PairKind.SAME: "Same",
    PairKind.MODIFIED: "Modified",
    PairKind.RELATED: "Related",
    None: "Unique",
}


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` as an (r, g, b) tuple of 0-255 integers."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
