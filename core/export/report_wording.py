"""The words of each relation: report title, side names, column heads, empty-cell notes, legend.

The Word and PDF reports lay out what they say of a comparison differently, but state
the same facts in the same words, so the two can be circulated side by side. The words
follow the relation of the two documents: a revision speaks of 删除 / 新增 / 修改 / 移动,
an implementation of the coverage grades (照搬 / 细化 / 修改 / 仅涉及 / 未见落实) and 本地新增.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.export.styles import HIGHLIGHTS, HighlightStyle
from core.kinds import Highlight, Relation
from core.result import Comparison

NO_SECTION = "—"
CUE_ZH = {"none": "浅色底纹", "strike": "删除线", "underline": "下划线", "dotted": "点状下划线"}


@dataclass(frozen=True)
class Wording:
    """The words of one relation: report title, side names, column heads, empty-cell notes."""

    relation: Relation
    title: str
    left_side: str
    right_side: str
    columns: tuple[str, str, str]
    absent_left: str  # in the left column of a row the left document lacks
    absent_right: str  # in the right column of a row the right document lacks
    meanings: dict[Highlight, str]  # legend text of each highlight class


_REVISION = Wording(
    Relation.REVISION, "修改对照表", "原稿", "修改稿", ("原条文", "修改后条文", "修改说明"),
    "（原稿无此条）", "（修改稿已删除此条）",
    {Highlight.SHARED: "原稿与修改稿相同的表述", Highlight.LEFT_ONLY: "删除的表述",
     Highlight.RIGHT_ONLY: "新增的表述", Highlight.ELSEWHERE: "移自（移至）另一条的表述"},
)  # fmt: skip
_IMPLEMENTATION = Wording(
    Relation.IMPLEMENTATION, "落实情况对照表", "上级文件", "落实文件", ("上级文件条目", "本级落实条目", "落实情况"),
    "（本级文件无对应条目）", "（本级文件未见落实）",
    {Highlight.SHARED: "两份文件共有的表述", Highlight.LEFT_ONLY: "本级文件未沿用的上级表述",
     Highlight.RIGHT_ONLY: "本级文件新增的表述", Highlight.ELSEWHERE: "见于对方其他条目的表述"},
)  # fmt: skip


def wording(comparison: Comparison) -> Wording:
    """The words of the comparison's relation."""
    return _IMPLEMENTATION if comparison.relation.relation is Relation.IMPLEMENTATION else _REVISION


def legend(words: Wording) -> list[tuple[Highlight, HighlightStyle, str, str]]:
    """Each highlight class with its style, its meaning in the relation's words and its print cue."""
    return [(kind, style, words.meanings[kind], CUE_ZH[style.print_cue]) for kind, style in HIGHLIGHTS.items()]
