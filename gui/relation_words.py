"""The words of the window for each relation between the two documents.

A revision speaks of what the editor did to one document: 删除, 新增, 修改, 移动. An
implementing document is read the other way round: each base item was taken up
(照搬 / 修改 / 细化 / 仅涉及) or not (未见落实), and each implementing item carries out
base item(s) or is 本地新增. :class:`SectionNotes` gives the outline and the pair list
one short note per section (and per pair row) and a longer tooltip, in the words of the
relation the result was compared under, with pairings set by hand marked as such.
"""

from __future__ import annotations

from functools import cached_property

from core.base_items import section_grade
from core.document import Section
from core.kinds import CoverageGrade, PairKind, Relation
from core.pairs import Assignment
from core.result import Comparison, Move, RelationVerdict
from gui.i18n import tr, tr_label

_NUMBER_MAX = 10  # characters of a base item's caption when it has no number


def relation_choice_label(choice: str) -> str:
    """Name of a relation choice ("auto" | "revision" | "implementation") for combo boxes."""
    return {
        "auto": tr("自动判断"),
        Relation.REVISION.value: tr("修订（原稿→修改稿）"),
        Relation.IMPLEMENTATION.value: tr("落实（上级文件→落实文件）"),
    }[choice]


def relation_name(relation: Relation) -> str:
    """The relation in a sentence."""
    return tr("修订") if relation is Relation.REVISION else tr("落实")


def verdict_text(verdict: RelationVerdict) -> str:
    """One line for the status bar: the relation in use and how it was chosen."""
    how = tr("自动判断") if verdict.detected else tr("手动指定")
    return tr("关系：%1（%2）").replace("%1", relation_name(verdict.relation)).replace("%2", how)


def verdict_tooltip(verdict: RelationVerdict) -> str:
    """The evidence that decided the relation, one sentence a line."""
    lines = [relation_choice_label(verdict.relation.value)]
    lines += [f"· {line}" for line in verdict.evidence]
    return "\n".join(lines)


def _mark(found: Assignment, left_id: str | None = None) -> str:
    """What a note adds to a pairing: set by hand, or a near tie for the drafter to check (with
    ``left_id``, a row of one of its base items: only the first one won the near tie)."""
    if found.by_hand:
        return tr("（人工）")
    return tr("（待核）") if found.to_check(left_id) else ""


def short_ref(section: Section) -> str:
    """How a note names another item: its number, else the start of its title."""
    return section.number.strip() or section.caption(_NUMBER_MAX)


class SectionNotes:
    """Short notes and tooltips for sections and pair rows of one result."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.implementation = comparison.relation.relation is Relation.IMPLEMENTATION

    @cached_property
    def _assignment(self) -> dict[str, Assignment]:
        return {a.right: a for a in self.comparison.assignments}

    @cached_property
    def _implementers(self) -> dict[str, list[str]]:
        """Base leaf id -> the implementing items that carry it out, in document order."""
        out: dict[str, list[str]] = {}
        for a in self.comparison.assignments:
            for lid in a.left:
                out.setdefault(lid, []).append(a.right)
        return out

    @cached_property
    def _moves(self) -> dict[int, Move]:
        """Pair index -> its move, for the pairs of a revision that left their place (engine's verdict)."""
        return {move.pair: move for move in self.comparison.moves}

    def assignment(self, right_id: str) -> Assignment | None:
        """The pairing of an implementing item (a right leaf), or None."""
        return self._assignment.get(right_id)

    def by_hand(self, right_id: str) -> bool:
        """True when the pairing of a right item was set by the drafter."""
        found = self._assignment.get(right_id)
        return found is not None and found.by_hand

    # -- one section -------------------------------------------------------------------

    def note(self, side: str, section_id: str) -> str:
        """A few words on a section's fate; "" for a section that needs none (a heading)."""
        doc = self.comparison.left if side == "L" else self.comparison.right
        section = doc.by_id.get(section_id)
        if section is None or not (section.is_leaf or self._is_item(side, section_id)):
            return ""
        if self.implementation:
            return self._left_grade(section_id) if side == "L" else self._right_base(section_id)
        kinds = [p.kind for p in self.comparison.pairs_of(section_id)]
        if not kinds:
            return tr("删除") if side == "L" else tr("新增")
        words = [self._revision_kind(min(kinds, key=lambda kind: kind.rank))]
        if any(i in self._moves for i in self.comparison.pair_indexes(section_id)):
            words.append(tr("移动"))
        return "、".join(words)

    def tooltip(self, side: str, section_id: str) -> str:
        """The note in full: for an implementing item, its base items, evidence and alternatives."""
        doc = self.comparison.left if side == "L" else self.comparison.right
        section = doc.by_id.get(section_id)
        if section is None:
            return ""
        note = self.note(side, section_id)
        lines = [section.label] + ([note] if note else [])
        if not self.implementation:
            for i in self.comparison.pair_indexes(section_id):
                move = self._moves.get(i)
                if move is not None:
                    lines.append(tr("位置：%1 → %2").replace("%1", move.left_place).replace("%2", move.right_place))
            return "\n".join(lines)
        if not (section.is_leaf or self._is_item(side, section_id)):
            return "\n".join(lines)
        if side == "L":
            carried = self._implementers.get(section_id, [])
            right = self.comparison.right.by_id
            lines += [tr("落实条目：%1").replace("%1", right[rid].label) for rid in carried if rid in right]
            return "\n".join(lines)
        found = self._assignment.get(section_id)
        if found is None:
            return "\n".join(lines)
        left = self.comparison.left.by_id
        lines += [tr("对应上级条目：%1").replace("%1", left[lid].label) for lid in found.left if lid in left]
        if found.by_hand:
            lines.append(tr("此对应为人工设定。"))
        else:
            if found.rival is not None and found.rival in left:
                lines.append(tr("待核：与 %1 得分接近，请核对。").replace("%1", left[found.rival].caption(24)))
            if found.terms:
                lines.append(tr("共同主题词：%1").replace("%1", "、".join(found.terms)))
            if found.left:
                lines.append(tr("领先次选：%1").replace("%1", f"{found.margin:.3f}"))
        others = [(lid, score) for lid, score in found.alternatives if lid not in found.left and lid in left]
        if others:
            lines.append(tr("其他候选："))
            lines += [f"  {left[lid].caption(24)}  {score:.2f}" for lid, score in others]
        return "\n".join(lines)

    # -- one row of the pair list --------------------------------------------------------

    def row_note(self, left_id: str | None, right_id: str | None, kind: PairKind | None) -> str:
        """The note of a pair-list row: a pair of sections, or one section without counterpart."""
        if left_id is None and right_id is not None:
            return self.note("R", right_id)
        if right_id is None and left_id is not None:
            return self.note("L", left_id)
        if left_id is None or right_id is None:
            return ""
        lsec = self.comparison.left.by_id.get(left_id)
        rsec = self.comparison.right.by_id.get(right_id)
        if lsec is None or rsec is None:
            return ""
        if not self.implementation:
            # Parents are paired where their children are: nothing of their own to say.
            return self.note("R", right_id) if lsec.is_leaf and rsec.is_leaf else ""
        if not (rsec.is_leaf or self._is_item("R", right_id)):
            return ""
        found = self._assignment.get(right_id)
        if found is None or left_id not in found.left:
            return tr("仅涉及")  # quoted or addressed in passing by an item about something else
        grade = self._grade(left_id)
        words = tr_label(grade) if grade is not None else ""
        return words + _mark(found, left_id)

    # -- helpers -----------------------------------------------------------------------

    def _is_item(self, side: str, section_id: str) -> bool:
        """True for a section an implementing pairing names whole (an article with its paragraphs
        and points): the implementing item of an assignment, or a base section one carries out."""
        if not self.implementation:
            return False
        return section_id in (self._implementers if side == "L" else self._assignment)

    @cached_property
    def _grade_of(self) -> dict[str, CoverageGrade]:
        return self.comparison.coverage.grade_of

    @cached_property
    def _leaf_starts(self) -> list[int]:
        return [leaf.start for leaf in self.comparison.left.leaves]

    def _grade(self, section_id: str) -> CoverageGrade | None:
        """A base section's grade: its own, or for an article carried out whole its leaves' strongest."""
        section = self.comparison.left.by_id.get(section_id)
        if section is None:
            return None
        return section_grade(self.comparison.left, section, self._grade_of, self._leaf_starts)

    def _left_grade(self, section_id: str) -> str:
        grade = self._grade(section_id)
        if grade is None:
            return ""
        if grade is CoverageGrade.ELABORATED:
            count = len(self._implementers.get(section_id, []))
            return tr("细化（%1 项）").replace("%1", str(count))
        return tr_label(grade)

    def _right_base(self, section_id: str) -> str:
        found = self._assignment.get(section_id)
        if found is None:
            return ""
        left = self.comparison.left.by_id
        refs = "、".join(short_ref(left[lid]) for lid in found.left if lid in left)
        words = f"→ {refs}" if refs else tr("本地新增")
        return words + _mark(found)

    @staticmethod
    def _revision_kind(kind: PairKind) -> str:
        return {PairKind.SAME: tr("未改"), PairKind.MODIFIED: tr("修改"), PairKind.RELATED: tr("改写")}[kind]
