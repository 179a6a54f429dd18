"""The one table of the words a drafter reads for each kind, grade, finding and relation.

The exports print these Chinese words as they are; the window shows them through Qt's
translation (``gui.i18n.tr``), whose English file translates each word once, so the
screen and the paper never name the same thing differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from core.kinds import CellKind, CoverageGrade, Direction, FindingKind, PairKind, Relation

# How two aligned sections relate; a section with no counterpart is UNPAIRED.
PAIR_KINDS = {PairKind.SAME: "相同", PairKind.MODIFIED: "修改", PairKind.RELATED: "相关"}
UNPAIRED = "独有"

# How a base item was taken up by an implementing document (对标对表).
GRADES = {
    CoverageGrade.COPIED: "照搬",
    CoverageGrade.ELABORATED: "细化",
    CoverageGrade.ADAPTED: "修改",
    CoverageGrade.TOUCHED: "仅涉及",
    CoverageGrade.NOT_TAKEN_UP: "未见落实",
}

# How one document of a matrix takes up one base item.
CELL_KINDS = {CellKind.VERBATIM: "照搬", CellKind.MODIFIED: "修改", CellKind.RELATED: "相关", CellKind.ABSENT: "未落实"}

# What a finding is about, and how the commitment moved.
FINDING_KINDS = {
    FindingKind.QUANTITY: "数量",
    FindingKind.DATE: "时限",
    FindingKind.MODAL: "约束力",
    FindingKind.DUTY: "责任单位",
    FindingKind.COVERAGE: "落实情况",
    FindingKind.MOVE: "移动",
}
DIRECTIONS = {
    Direction.CHANGED: "改变",
    Direction.ADDED: "新增",
    Direction.REMOVED: "删除",
    Direction.STRENGTHENED: "增强",
    Direction.WEAKENED: "减弱",
    Direction.MOVED: "移动",
}

# How the two documents stand to each other, as the reports name it.
RELATIONS = {Relation.REVISION: "修订（原稿 → 修改稿）", Relation.IMPLEMENTATION: "落实（上级文件 → 落实文件）"}

# Looked up by the value's type: a StrEnum member equals its string value, so
# PairKind.MODIFIED and CellKind.MODIFIED ("modified") would collide in one dict.
_TABLES: dict[type[Enum], Mapping[Any, str]] = {
    PairKind: PAIR_KINDS,
    CoverageGrade: GRADES,
    CellKind: CELL_KINDS,
    FindingKind: FINDING_KINDS,
    Direction: DIRECTIONS,
    Relation: RELATIONS,
}

Labelled = PairKind | CoverageGrade | CellKind | FindingKind | Direction | Relation


def label_of(value: Labelled) -> str:
    """The Chinese word for ``value``, as the exports print it and the window translates it."""
    return _TABLES[type(value)][value]


def pair_label(kind: PairKind | None) -> str:
    """The word for a pair kind, or for a section with no counterpart (None)."""
    return UNPAIRED if kind is None else PAIR_KINDS[kind]

