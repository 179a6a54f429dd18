"""The third column of a report's rows: what happened to each item, and the findings noted there.

Every row is keyed and labelled the same way in both reports, and every finding but
coverage is noted once, in the row (or under the right heading) of the section it
concerns (``RowNotes``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from core.base_items import section_grade
from core.document import Document, Section
from core.export.report_wording import wording
from core.export.rows import Row
from core.export.segments import opens_with_paragraph
from core.kinds import CoverageGrade, FindingKind, PairKind, Relation
from core.labels import label_of
from core.result import Comparison, Finding

FINDING_MARK = "◆ "  # opens a finding in a note, so it stands out from the status line
LOCAL = "本地新增"
BY_HAND = "（人工）"
TO_CHECK = "（待核）"  # a pairing that beat another base item by a near tie only
_MAX_SOURCES = 3

# Row status of a revision, as the 修改说明 column opens.
DELETED, ADDED, MODIFIED, MOVED = "删除", "新增", "修改", "移动"


def row_key(row: Row) -> str:
    """An id unique to a row: its right section's, or its left section's for a left-only row."""
    return row.right.id if row.right is not None else row.left[0].id


def section_label(section: Section, limit: int = 40) -> str:
    """A section's number and title, shortened for notes and bookmarks."""
    return section.caption(limit)


def heading_label(document: Document, section: Section) -> str:
    """What a report's band across the table shows for a heading of ``document``: its number and
    title, or its number alone for an article whose first sentence is its first paragraph, the
    next row's text."""
    if opens_with_paragraph(document, section):
        return section.number
    return section_label(section, 80)


def finding_section(comparison: Comparison, finding: Finding, side: str) -> Section | None:
    """The section of ``side`` ("L" or "R") a finding concerns: its pair's, else the one holding its span."""
    document = comparison.left if side == "L" else comparison.right
    if finding.pair is not None:
        pair = comparison.pairs[finding.pair]
        return document.by_id.get(pair.left if side == "L" else pair.right)
    span = finding.left if side == "L" else finding.right
    return document.section_at(span[0]) if span is not None else None


class RowNotes:
    """The third column of the report rows of one comparison, in the relation's words.

    A revision row opens with 删除 / 新增 / 修改 / 移动 (nothing for an unchanged item), an
    implementation row with the grade of its base item(s) or 本地新增. Each finding but
    coverage is noted once: in the row of its pair, or under the right heading whose own
    text it concerns; a finding about a left section without counterpart goes to the first
    row showing it.
    """

    def __init__(self, comparison: Comparison, ordered: Sequence[Row]) -> None:
        self._comparison = comparison
        self._words = wording(comparison)
        self._row_findings, self._heading_findings, self._targets = _place_findings(comparison, ordered)
        self._moved = frozenset(move.right for move in comparison.moves)  # the engine's, revision only
        # Rows carrying each left section's wording on: a related pair (the subject only) splits nothing.
        self._rows_of_left = Counter(p.left for row in ordered if row.right is not None for p in row.pairs
                                     if p.kind in (PairKind.SAME, PairKind.MODIFIED))
        self._by_hand = {a.right for a in comparison.assignments if a.by_hand}
        self._to_check = {a.right: a for a in comparison.assignments if a.to_check()}
        self.grades = _grades(comparison)
        self._leaf_starts = [leaf.start for leaf in comparison.left.leaves]
        self._by_right = sorted(comparison.matches, key=lambda m: m.right_start)
        self._by_left = sorted(comparison.matches, key=lambda m: m.left_start)
        self._right_starts = [m.right_start for m in self._by_right]
        self._left_starts = [m.left_start for m in self._by_left]
        # No match reaches further back than the longest one: bounds each row's scan.
        self._reach = max(
            (max(m.right_end - m.right_start, m.left_end - m.left_start) for m in comparison.matches),
            default=0,
        )

    def status(self, row: Row) -> str:
        """The row's status line: what happened to the item, in the relation's words."""
        if self._words.relation is Relation.IMPLEMENTATION:
            return self._grade_line(row)
        if row.right is None:
            return DELETED
        if not row.left:
            return ADDED
        moved = row_key(row) in self._moved
        if row.kind is PairKind.SAME:
            return MOVED if moved else ""
        return f"{MOVED}并{MODIFIED}" if moved else MODIFIED

    def lines(self, row: Row) -> list[str]:
        """Lines of the third column: status, then the facts behind it and the row's findings."""
        lines = [self.status(row)]
        if self._words.relation is Relation.REVISION:
            lines += self._revision_facts(row)
        elif (rival := self._rival_of(row)) is not None:
            lines.append(f"与{section_label(rival, 16)}得分接近，请核对")
        for finding in self._row_findings.get(row_key(row), ()):
            lines.append(FINDING_MARK + finding.summary)
        sources = self._elsewhere(row)
        if sources:
            more = f" 等 {len(sources)} 处" if len(sources) > _MAX_SOURCES else ""
            shown = "、".join(sources[:_MAX_SOURCES]) + more
            lines.append(self._elsewhere_phrase(row) + shown)
        return [line for line in lines if line]

    def unremarkable(self, row: Row) -> bool:
        """True when a changes-only report may leave the row out: nothing in its note to review.

        A revision's row must have no status (not changed, not moved); an implementation's
        base item(s) must all be graded 照搬 and the row must be paired on wording: an item
        paired with a copied base item by subject alone is not the copy. Either way no
        finding is noted in it and its pairing was neither set by hand nor a near tie to check.
        """
        if self._row_findings.get(row_key(row)) or (row.right is not None and row.right.id in self._by_hand):
            return False
        if self._rival_of(row) is not None:
            return False
        if self._words.relation is Relation.IMPLEMENTATION:
            return (bool(row.left) and row.kind in (PairKind.SAME, PairKind.MODIFIED)
                    and all(self._grade(s) is CoverageGrade.COPIED for s in row.left))
        return bool(row.left) and not self.status(row)

    def renamed_from(self, section: Section) -> str | None:
        """For a right heading the revision renamed, its heading before (原为：第二章 应急准备): the
        band across the table shows the new heading only, and a renamed 章 or 节 is a change.
        None for a heading kept, renumbered only, new, or an article (its first sentence is a row)."""
        right, left = self._comparison.right, self._comparison.left
        if self._comparison.relation.relation is not Relation.REVISION or section.role != "heading" \
                or section.is_leaf or opens_with_paragraph(right, section):
            return None
        for pair in self._comparison.pairs_of(section.id):
            before = left.by_id[pair.left]
            if pair.kind in (PairKind.SAME, PairKind.MODIFIED) and before.role == "heading" \
                    and "".join(before.title.split()) != "".join(section.title.split()):
                return f"原为：{before.caption(80)}"
        return None

    def heading_lines(self, section: Section) -> list[str]:
        """Findings about the text of a right heading itself (its heading line, or all of it)."""
        return [FINDING_MARK + f.summary for f in self._heading_findings.get(section.id, ())]

    def target(self, finding: Finding) -> str | None:
        """The row key (or right heading id) whose note carries ``finding``."""
        return self._targets.get(finding)

    def local_items(self) -> list[Section]:
        """Right leaves that carry out no base item (本地新增)."""
        right = self._comparison.right
        if self._comparison.assignments:
            return [right.by_id[a.right] for a in self._comparison.assignments if not a.left and a.right in right.by_id]
        return [leaf for leaf in right.leaves if not self._comparison.pair_indexes(leaf.id)]

    def to_check(self) -> list[tuple[Section, Section]]:
        """Each right leaf whose pairing beat another base item by a near tie only, with that rival."""
        right, left = self._comparison.right.by_id, self._comparison.left.by_id
        return [(right[rid], left[a.rival]) for rid, a in self._to_check.items()
                if rid in right and a.rival is not None and a.rival in left]

    def _rival_of(self, row: Row) -> Section | None:
        """The rival of the row's pairing when the row shows the base item that won the near tie."""
        found = self._to_check.get(row.right.id) if row.right is not None else None
        if found is None or found.rival is None or not any(found.to_check(s.id) for s in row.left):
            return None
        return self._comparison.left.by_id.get(found.rival)

    def _grade_line(self, row: Row) -> str:
        """The grades of a row's base items, or 本地新增; "（人工）" when the pairing was set by
        hand, "（待核）" when it beat another base item by a near tie only."""
        if not row.left:
            line = LOCAL
        elif len(row.left) == 1:
            line = label_of(self._grade(row.left[0]))
        else:
            line = "；".join(f"{section_label(s, 14)}：{label_of(self._grade(s))}" for s in row.left)
        if row.right is not None and row.right.id in self._by_hand:
            line += BY_HAND
        elif self._rival_of(row) is not None:
            line += TO_CHECK
        return line

    def _grade(self, section: Section) -> CoverageGrade:
        """A base section's grade; an article shown whole (with its list points) takes its
        leaves' strongest, as the summary counts it."""
        grade = section_grade(self._comparison.left, section, self.grades, self._leaf_starts)
        return CoverageGrade.NOT_TAKEN_UP if grade is None else grade

    def _revision_facts(self, row: Row) -> list[str]:
        """Renumbering, merging and splitting, stated as facts."""
        facts = []
        if row.right is not None and len(row.left) > 1:
            facts.append("合并原" + "、".join(section_label(s, 16) for s in row.left))
        elif row.right is not None and row.left:
            old = row.left[0]
            if self._rows_of_left[old.id] > 1:
                facts.append(f"由原{section_label(old, 16)}拆分")
            elif old.number and row.right.number and _plain(old.number) != _plain(row.right.number):
                facts.append(f"序号 {old.number} → {row.right.number}")
        return facts

    def _elsewhere_phrase(self, row: Row) -> str:
        if self._words.relation is Relation.IMPLEMENTATION:
            return "另引用上级文件：" if row.right is not None else "部分表述见本级："
        return "部分表述移自原" if row.right is not None else "部分表述移至"

    def _elsewhere(self, row: Row) -> list[str]:
        """Sections on the other side sharing wording with this row outside its counterparts.

        Read from the engine's shared-wording matches, largest contribution first.
        """
        found: dict[str, int] = defaultdict(int)
        if row.right is not None:
            here = row.right
            lo = bisect_left(self._right_starts, here.start - self._reach)
            hi = bisect_left(self._right_starts, here.end)
            for m in self._by_right[lo:hi]:
                if m.right_end > here.start and not _within(m.left_start, m.left_end, row.left):
                    _count(found, self._comparison.left.section_at(m.left_start), m.left_end - m.left_start)
        else:
            here = row.left[0]
            lo = bisect_left(self._left_starts, here.start - self._reach)
            hi = bisect_left(self._left_starts, here.end)
            for m in self._by_left[lo:hi]:
                if m.left_end > here.start:
                    _count(found, self._comparison.right.section_at(m.right_start), m.right_end - m.right_start)
        return [label for label, _ in sorted(found.items(), key=lambda item: -item[1])]


def _grades(comparison: Comparison) -> dict[str, CoverageGrade]:
    """Every left leaf's grade; without grades from the engine, read from its pairs."""
    if comparison.coverage.grades:
        return dict(comparison.coverage.grade_of)
    derived = {
        PairKind.SAME: CoverageGrade.COPIED, PairKind.MODIFIED: CoverageGrade.ADAPTED,
        PairKind.RELATED: CoverageGrade.TOUCHED, None: CoverageGrade.NOT_TAKEN_UP,
    }  # fmt: skip
    return {sid: derived[kind] for sid, kind in comparison.coverage.left}


def _plain(number: str) -> str:
    """A number without its brackets and punctuation, so （三） and (三) compare equal."""
    return number.strip("（）()、. 　第条章节")


def _place_findings(
    comparison: Comparison, ordered: Sequence[Row]
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]], dict[Finding, str]]:
    """Findings by row key and by right heading id (see ``RowNotes``), and each finding's place."""
    by_row: dict[str, list[Finding]] = defaultdict(list)
    by_heading: dict[str, list[Finding]] = defaultdict(list)
    where: dict[Finding, str] = {}
    # Left sections in the order the rows show them: a left span goes to the first row showing it.
    left_shown = [(s.start, s.end, row_key(row)) for row in ordered for s in row.left]
    right_rows = {row.right.id for row in ordered if row.right is not None}
    for finding in comparison.findings:
        if finding.kind is FindingKind.COVERAGE:
            continue  # the row's status says it, in the relation's words
        right = finding_section(comparison, finding, "R") if finding.pair is not None or finding.right else None
        if right is not None:
            # A right section is a row, or inside one (an item shown whole), or a heading.
            row = next((s.id for s in (right, *reversed(comparison.right.containing(right.id)))
                        if s.id in right_rows), None)
            if row is not None:
                by_row[row].append(finding)
            else:
                by_heading[right.id].append(finding)
            where[finding] = row or right.id
        elif finding.left is not None:
            start, end = finding.left
            end = max(end, start + 1)  # an empty span is the point at its start
            key = next((k for a, b, k in left_shown if a < end and start < b), None)
            if key is not None:
                by_row[key].append(finding)
                where[finding] = key
    return by_row, by_heading, where


def _within(start: int, end: int, sections: tuple[Section, ...]) -> bool:
    return any(s.start <= start and end <= s.end for s in sections)


def _count(found: dict[str, int], section: Section | None, chars: int) -> None:
    # a heading's own line is shown in its heading row; only items are worth naming
    if section is not None and section.is_leaf:
        found[section_label(section, 20)] += chars
