"""The head of a report: documents, relation, an overview of the changes, the findings by kind.

Both reports open by saying when the two files are identical, or warning when they
have almost nothing in common (``core.verdict``); the overview counts the changes in
the relation's words (``report_wording``), and, for a report of the changes only, what
it left out (``report_body``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from core.base_items import counted_items, graded_items
from core.document import Section
from core.export.provenance import DocumentFacts, document_facts, header_line
from core.export.report_wording import NO_SECTION, Wording, wording
from core.export.row_notes import (
    ADDED,
    BY_HAND,
    DELETED,
    LOCAL,
    MODIFIED,
    MOVED,
    TO_CHECK,
    RowNotes,
    finding_section,
    section_label,
)
from core.export.rows import Omitted, Row
from core.kinds import CoverageGrade, FindingKind, Relation
from core.labels import label_of
from core.result import Comparison, Finding
from core.verdict import IDENTICAL, UNRELATED, has_nothing_in_common, is_identical

FINDINGS_TITLE = "要点变化"


@dataclass(frozen=True)
class FindingEntry:
    """One finding as the summary lists it: its line, where it is on each side, the row noting it."""

    summary: str
    left: str  # label of the left section concerned, NO_SECTION when none
    right: str
    target: str | None = None  # row key (or right heading id) of the body row noting it


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one kind."""

    kind: FindingKind
    label: str
    entries: tuple[FindingEntry, ...]

    @property
    def count(self) -> int:
        """Number of findings of this kind."""
        return len(self.entries)


@dataclass(frozen=True)
class Summary:
    """The facts of a report's head: documents, relation, overview of changes, findings."""

    wording: Wording
    generated: str
    documents: tuple[DocumentFacts, DocumentFacts]
    relation: str  # e.g. "修订（原稿 → 修改稿），自动识别"
    detected: bool  # the relation was detected (not chosen): then ``evidence`` says why
    evidence: tuple[str, ...]
    overview: tuple[str, ...]  # sentences: counts of changes or grades, shared wording
    lists: tuple[tuple[str, tuple[str, ...]], ...]  # (head, labels): 删除 / 新增 or 未见落实 / 本地新增
    findings: tuple[FindingGroup, ...]  # one group per finding kind but coverage, in the model's order
    options: tuple[tuple[str, str], ...]
    notice: str = ""  # IDENTICAL, UNRELATED or nothing: the first thing the head says
    identical: bool = False

    @property
    def warning(self) -> bool:
        """True when the notice warns (almost nothing in common) rather than informs."""
        return self.notice == UNRELATED

    @property
    def title(self) -> str:
        """The report's title."""
        return self.wording.title

    @property
    def finding_count(self) -> int:
        """Number of findings over all groups."""
        return sum(group.count for group in self.findings)

    def finding_overview(self) -> str:
        """Every kind with its count on one line, e.g. "数量 0　时限 2 …"."""
        return "　".join(f"{group.label} {group.count}" for group in self.findings)

    def header(self) -> str:
        """The page header: both documents named distinctly (side, file name, date)."""
        return header_line(self.documents)


def percent(value: float) -> str:
    """A share in [0, 1] as a whole percentage."""
    return f"{round(value * 100)}%"


def summarize(
    comparison: Comparison,
    ordered: Sequence[Row],
    now: datetime | None = None,
    omitted: Sequence[Omitted] | None = None,
) -> Summary:
    """The head facts of ``comparison`` whose report rows are ``ordered``, dated ``now``.

    ``omitted`` is given when the report shows only the changes: the stretches of rows it
    leaves out, which the overview counts.
    """
    words = wording(comparison)
    options, verdict = comparison.options, comparison.relation
    documents = document_facts(comparison)
    notes = RowNotes(comparison, ordered)
    if words.relation is Relation.IMPLEMENTATION:
        overview, lists = _implementation_overview(comparison, notes)
    else:
        overview, lists = _revision_overview(comparison, ordered, notes)
    stats = comparison.stats
    overview += (f"{words.left_side}表述见于{words.right_side} {percent(stats.left_shared)}，"
                 f"{words.right_side}表述见于{words.left_side} {percent(stats.right_shared)}。",)  # fmt: skip
    identical = is_identical(comparison)
    if omitted is not None:
        overview += (omission_line(words, omitted, len(ordered) if identical else None),)
    notice = IDENTICAL if identical else UNRELATED if has_nothing_in_common(comparison) else ""
    return Summary(
        wording=words,
        generated=(now or datetime.now()).strftime("%Y-%m-%d %H:%M"),
        documents=documents,
        relation=f"{label_of(verdict.relation)}，{'自动识别' if verdict.detected else '由用户指定'}",
        detected=verdict.detected,
        evidence=verdict.evidence,
        overview=overview,
        lists=lists,
        findings=finding_groups(comparison, notes),
        options=(
            ("相同表述最短长度", f"{options.min_shared} 字"),
            ("繁简转换后比较", "是" if options.t2s else "否"),
            ("保留网页框架与页码", "是" if options.keep_boilerplate else "否"),
        ),
        notice=notice,
        identical=identical,
    )


def omission_line(words: Wording, omitted: Sequence[Omitted], identical: int | None = None) -> str:
    """The overview's account of what a changes-only report left out, and where it says so.

    ``identical`` is the number of rows when the files are identical: the report then
    leaves out all of them and has no body at all.
    """
    if identical is not None:
        return f"本表只列出改动，两份文件内容相同，略去全部 {identical} 条。"
    count = sum(len(block.rows) for block in omitted)
    revision = words.relation is Relation.REVISION
    opening = "本表只列出改动" if revision else "本表只列出与上级文件有差异的条目"
    if not count:
        return f"{opening}；没有可略去的条目。"
    what = "未修改的" if revision else "照搬上级文件、无需说明的"
    return f"{opening}：略去{what} {count} 条，在原处以 {len(omitted)} 行注明。"


def _revision_overview(
    comparison: Comparison, ordered: Sequence[Row], notes: RowNotes
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Counts of deleted, added, modified, moved and unchanged items, and the deleted and added ones."""
    counts: Counter[str] = Counter()
    for row in ordered:
        # "移动并修改" counts as both: the two counts answer two questions
        status = notes.status(row)
        counts.update(word for word in (MODIFIED, ADDED, DELETED, MOVED) if word in status)
        counts["unchanged"] += not status
    unchanged = counts["unchanged"]
    parts = [f"{status} {counts[status]} 条" for status in (MODIFIED, ADDED, DELETED, MOVED) if counts[status]]
    line = f"共对照 {len(ordered)} 条：" + ("，".join(parts) + "，" if parts else "") + f"未修改 {unchanged} 条。"
    deleted = tuple(section_label(row.left[0]) for row in ordered if row.right is None)
    added = tuple(section_label(row.right) for row in ordered if row.right is not None and not row.left)
    return (line,), ((DELETED, deleted), (ADDED, added))


def _implementation_overview(
    comparison: Comparison, notes: RowNotes
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Grades of the base items, local items, pairings set by hand, and the lists a drafter checks."""
    # Counted by item, as a drafter counts them: a law's articles, not their paragraphs.
    graded = graded_items(comparison.left, notes.grades)
    counts = Counter(grade for _, grade in graded)
    parts = "，".join(f"{label_of(grade)} {counts[grade]} 条" for grade in CoverageGrade if counts[grade])
    local = notes.local_items()
    by_hand = sum(1 for a in comparison.assignments if a.by_hand)
    lines = [f"上级文件 {len(graded)} 条：{parts or '无'}。",
             f"落实文件 {len(counted_items(comparison.right))} 条，其中{LOCAL} {len(local)} 条。"]  # fmt: skip
    if by_hand:
        lines.append(f"其中 {by_hand} 条的对应关系为人工指定，标注“{BY_HAND}”。")
    to_check = notes.to_check()
    if to_check:
        lines.append(f"另有 {len(to_check)} 条对应的上级条目仅以微弱优势胜过另一条，标注“{TO_CHECK}”，请逐条核对。")
    missing = tuple(section_label(item) for item, grade in graded if grade is CoverageGrade.NOT_TAKEN_UP)
    lists = [(label_of(CoverageGrade.NOT_TAKEN_UP), missing), (LOCAL, tuple(section_label(s) for s in local))]
    if to_check:  # listed only when there is something to check, as pairings set by hand are
        lists.append(("待核对应", tuple(f"{section_label(item, 20)}（另见{section_label(rival, 20)}）"
                                        for item, rival in to_check)))
    return tuple(lines), tuple(lists)


def finding_groups(comparison: Comparison, notes: RowNotes | None = None) -> tuple[FindingGroup, ...]:
    """The findings grouped by kind (every kind, empty ones too), in reading order.

    Coverage findings are left out: the overview says the same in the relation's own
    words (删除 / 新增, or the coverage grades).
    """
    by_kind: dict[FindingKind, list[Finding]] = defaultdict(list)
    for finding in comparison.findings:
        by_kind[finding.kind].append(finding)
    groups = []
    for kind in FindingKind:
        if kind is FindingKind.COVERAGE:
            continue
        entries = tuple(
            FindingEntry(f.summary, _label_or_dash(finding_section(comparison, f, "L")),
                         _label_or_dash(finding_section(comparison, f, "R")), notes.target(f) if notes else None)
            for f in by_kind[kind]
        )  # fmt: skip
        groups.append(FindingGroup(kind, label_of(kind), entries))
    return tuple(groups)


def _label_or_dash(section: Section | None) -> str:
    return section_label(section, 24) if section is not None else NO_SECTION
