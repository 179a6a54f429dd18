"""What every export says about a comparison in words: summary facts, findings, legend, row notes.

The Word and PDF reports lay these out differently, but state the same facts in the
same words, so the two can be circulated side by side.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.export.rows import Row
from core.export.styles import HIGHLIGHTS, PAIR_LABELS_ZH, HighlightStyle
from core.model import Comparison, Direction, Finding, FindingKind, Highlight, PairKind, Section

LEFT_NAME = "左（原文 / 上级文件）"
RIGHT_NAME = "右（修改稿 / 落实文件）"
ABSENT_LEFT = "（左侧无对应内容：右侧新增或本地特有）"
ABSENT_RIGHT = "（右侧无对应内容：已删除或未采纳）"
AUTHOR = "对照"

FINDINGS_TITLE = "要点变化"
FINDING_KINDS_ZH = {
    FindingKind.QUANTITY: "数量",
    FindingKind.DATE: "时限",
    FindingKind.MODAL: "约束力",
    FindingKind.DUTY: "责任单位",
    FindingKind.COVERAGE: "落实情况",
}
FINDING_MARK = "◆ "  # opens a finding in a note, so it stands out from the relation lines
NO_SECTION = "—"
CUE_ZH = {"none": "浅色底纹", "strike": "删除线", "underline": "下划线", "dotted": "点状下划线"}
_MAX_SOURCES = 3


@dataclass(frozen=True)
class Summary:
    """The facts of a report's first page."""

    title: str
    generated: str
    files: tuple[tuple[str, str, str], ...]  # (side, file name, document title)
    options: tuple[tuple[str, str], ...]
    stats: tuple[tuple[str, str], ...]
    not_taken_up: tuple[str, ...]  # labels of left leaves without counterpart
    local: tuple[str, ...]  # labels of right leaves without counterpart
    findings: tuple[FindingGroup, ...] = ()  # one group per finding kind, in the model's order

    @property
    def finding_count(self) -> int:
        """Number of findings over all groups."""
        return sum(group.count for group in self.findings)

    def finding_overview(self) -> str:
        """Every kind with its count on one line, e.g. "数量 0　时限 2 …"."""
        return "　".join(f"{group.label} {group.count}" for group in self.findings)

    def unpaired_lists(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Headings and labels of the sections without counterpart.

        Empty when coverage findings exist: they list the same sections (whole parts
        where a whole part is missing), and the report should say it once.
        """
        if any(group.kind is FindingKind.COVERAGE and group.count for group in self.findings):
            return ()
        return (("左侧未被采纳 / 已删除的条目", self.not_taken_up), ("右侧新增 / 本地特有的条目", self.local))


@dataclass(frozen=True)
class FindingEntry:
    """One finding as the summary lists it: its summary line and where it is on each side."""

    summary: str
    left: str  # label of the left section concerned, NO_SECTION when none
    right: str


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one kind.

    Coverage findings name their section in the summary line already, so they are
    also offered as ``lists``: the labels under each heading ("未落实", "本地新增" …),
    for a compact listing of what can be dozens of items.
    """

    kind: FindingKind
    label: str
    entries: tuple[FindingEntry, ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def count(self) -> int:
        """Number of findings of this kind."""
        return len(self.entries)


def percent(value: float) -> str:
    """A share in [0, 1] as a whole percentage."""
    return f"{round(value * 100)}%"


def file_name(path: str) -> str:
    """The file name a reader recognises (no folders)."""
    return Path(path).name or path


def summarize(comparison: Comparison, now: datetime | None = None) -> Summary:
    """The summary facts of ``comparison``, dated ``now`` (default: the current time)."""
    left, right, stats, options = comparison.left, comparison.right, comparison.stats, comparison.options
    counts = dict(stats.pair_counts)
    stat_rows = [
        ("左侧表述见于右侧", percent(stats.left_shared)),
        ("右侧表述见于左侧", percent(stats.right_shared)),
        ("左侧条目有对应", percent(stats.left_leaves_covered)),
        ("右侧条目为新增 / 本地特有", percent(stats.right_leaves_local)),
        *((f"对应条目（{PAIR_LABELS_ZH[kind]}）", str(counts.get(kind, 0))) for kind in PairKind),
        ("左侧独有条目（删除 / 未采纳）", str(stats.left_unpaired)),
        ("右侧独有条目（新增 / 本地）", str(stats.right_unpaired)),
    ]
    return Summary(
        title="修改对照表",
        generated=(now or datetime.now()).strftime("%Y-%m-%d %H:%M"),
        files=(
            (LEFT_NAME, file_name(left.path), left.title),
            (RIGHT_NAME, file_name(right.path), right.title),
        ),
        options=(
            ("相同表述最短长度", f"{options.min_shared} 字"),
            ("繁简转换后比较", "是" if options.t2s else "否"),
            ("保留网页框架与页码", "是" if options.keep_boilerplate else "否"),
        ),
        stats=tuple(stat_rows),
        not_taken_up=_unpaired_labels(comparison.coverage.left, left.by_id),
        local=_unpaired_labels(comparison.coverage.right, right.by_id),
        findings=finding_groups(comparison),
    )


def finding_groups(comparison: Comparison) -> tuple[FindingGroup, ...]:
    """The comparison's findings grouped by kind (every kind, empty ones too), in reading order."""
    by_kind: dict[FindingKind, list[Finding]] = defaultdict(list)
    for finding in comparison.findings:
        by_kind[finding.kind].append(finding)
    groups = []
    for kind in FindingKind:
        found = by_kind[kind]
        entries = tuple(
            FindingEntry(f.summary, *(_label_or_dash(finding_section(comparison, f, side)) for side in "LR"))
            for f in found
        )
        lists: dict[str, list[str]] = {}
        if kind is FindingKind.COVERAGE:
            # what is missing before what is new; loose (related-only) cases after the clear ones
            for f in sorted(found, key=lambda f: (f.direction is Direction.ADDED, f.pair is not None)):
                head, _, item = f.summary.partition("：")
                lists.setdefault(head, []).append(item or head)
        groups.append(FindingGroup(kind, FINDING_KINDS_ZH[kind], entries,
                                   tuple((head, tuple(items)) for head, items in lists.items())))  # fmt: skip
    return tuple(groups)


def finding_section(comparison: Comparison, finding: Finding, side: str) -> Section | None:
    """The section of ``side`` ("L" or "R") a finding concerns: its pair's, else the one holding its span."""
    document = comparison.left if side == "L" else comparison.right
    if finding.pair is not None:
        pair = comparison.pairs[finding.pair]
        return document.by_id.get(pair.left if side == "L" else pair.right)
    span = finding.left if side == "L" else finding.right
    return document.section_at(span[0]) if span is not None else None


def _label_or_dash(section: Section | None) -> str:
    return section_label(section, 24) if section is not None else NO_SECTION


def _unpaired_labels(coverage: tuple[tuple[str, PairKind | None], ...], by_id: dict[str, Section]) -> tuple[str, ...]:
    return tuple(section_label(by_id[sid]) for sid, kind in coverage if kind is None and sid in by_id)


def section_label(section: Section, limit: int = 40) -> str:
    """A section's number and title, shortened for notes and bookmarks."""
    return section.caption(limit)


def legend() -> list[tuple[Highlight, HighlightStyle, str]]:
    """Each highlight class with its style and its print cue in words."""
    return [(kind, style, CUE_ZH[style.print_cue]) for kind, style in HIGHLIGHTS.items()]


def row_kind_label(row: Row) -> str:
    """The relation of a row in words."""
    if row.right is None:
        return "左侧独有（已删除 / 未采纳）"
    if not row.pairs:
        return "右侧独有（新增 / 本地特有）"
    return PAIR_LABELS_ZH[row.kind]


def row_key(row: Row) -> str:
    """An id unique to a row: its right section's, or its left section's for a left-only row."""
    return row.right.id if row.right is not None else row.left[0].id


class RowNotes:
    """Notes of the report rows of one comparison (indexes matches and findings once).

    Each finding is noted once in the body: in the row of its pair, or under the right
    heading whose own text (heading line) it concerns; a finding about a section
    without counterpart goes to the row or heading of that section, a left one to the
    first row showing it.
    """

    def __init__(self, comparison: Comparison, ordered: Sequence[Row]) -> None:
        self._comparison = comparison
        self._row_findings, self._heading_findings = _place_findings(comparison, ordered)
        self._by_right = sorted(comparison.matches, key=lambda m: m.right_start)
        self._by_left = sorted(comparison.matches, key=lambda m: m.left_start)
        self._right_starts = [m.right_start for m in self._by_right]
        self._left_starts = [m.left_start for m in self._by_left]
        # No match reaches further back than the longest one: bounds each row's scan.
        self._reach = max(
            (max(m.right_end - m.right_start, m.left_end - m.left_start) for m in comparison.matches),
            default=0,
        )

    def lines(self, row: Row) -> list[str]:
        """Lines of the note column: relation, score, counterparts, source of shared wording."""
        lines = [row_kind_label(row)]
        if row.score is not None:
            lines.append(f"相似度 {percent(row.score)}")
        own_left = row.left[0] if len(row.left) == 1 else None
        for finding in self._row_findings.get(row_key(row), ()):
            lines.append(FINDING_MARK + _finding_note(finding, own_left, row.right))
        if row.right is not None and len(row.left) > 1:
            lines.append("对应左侧 " + "、".join(section_label(s, 16) for s in row.left))
        sources = self._elsewhere(row)
        if sources:
            side = "左侧" if row.right is not None else "右侧"
            shown = "；".join(f"{label}（{chars} 字）" for label, chars in sources[:_MAX_SOURCES])
            more = f" 等 {len(sources)} 处" if len(sources) > _MAX_SOURCES else ""
            lines.append(f"另有表述见{side}：{shown}{more}")
        return lines

    def heading_lines(self, section: Section) -> list[str]:
        """Findings about the text of a right heading itself (its heading line, or all of it)."""
        return [FINDING_MARK + _finding_note(f, None, section) for f in self._heading_findings.get(section.id, ())]

    def _elsewhere(self, row: Row) -> list[tuple[str, int]]:
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
        return sorted(found.items(), key=lambda item: -item[1])


def _place_findings(
    comparison: Comparison, ordered: Sequence[Row]
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    """Findings by row key and by right heading id (see ``RowNotes``)."""
    by_row: dict[str, list[Finding]] = defaultdict(list)
    by_heading: dict[str, list[Finding]] = defaultdict(list)
    # Left sections in the order the rows show them: a left span goes to the first row showing it.
    left_shown = [(s.start, s.end, row_key(row)) for row in ordered for s in row.left]
    for finding in comparison.findings:
        right = finding_section(comparison, finding, "R") if finding.pair is not None or finding.right else None
        if right is not None:
            # Every right leaf has a row of its own; other right sections are headings.
            (by_row if right.is_leaf else by_heading)[right.id].append(finding)
        elif finding.left is not None:
            start, end = finding.left
            end = max(end, start + 1)  # an empty span is the point at its start
            key = next((k for a, b, k in left_shown if a < end and start < b), None)
            if key is not None:
                by_row[key].append(finding)
    return by_row, by_heading


def _finding_note(finding: Finding, left: Section | None, right: Section | None) -> str:
    """A finding's summary line; only its heading when it is about the very section the note is on."""
    section, span = (right, finding.right) if finding.direction is Direction.ADDED else (left, finding.left)
    if finding.kind is FindingKind.COVERAGE and section is not None and span == (section.start, section.end):
        return finding.summary.partition("：")[0]
    return finding.summary


def _within(start: int, end: int, sections: tuple[Section, ...]) -> bool:
    return any(s.start <= start and end <= s.end for s in sections)


def _count(found: dict[str, int], section: Section | None, chars: int) -> None:
    if section is not None:
        found[section_label(section, 20)] += chars
