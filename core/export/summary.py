"""What every export says about a comparison in words: wording by relation, summary, row notes.

The Word and PDF reports lay these out differently, but state the same facts in the
same words, so the two can be circulated side by side. The words follow the relation
of the two documents: a revision speaks of 删除 / 新增 / 修改 / 移动, an implementation
of the coverage grades (照搬 / 细化 / 修改 / 仅涉及 / 未见落实) and 本地新增.

Both reports open by saying when the two files are identical, or warning when they
have almost nothing in common (``core.verdict``). Shown "changes only", they leave out
the rows with nothing to review and cite what they left out where it stood: for a
revision the wholly unchanged items ("第三章至第五章 未修改"); for an implementation,
whose items are expected to differ from the base, the items graded 照搬 (the base
item's wording carried over nearly whole) that carry no finding.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import printable
from core.export.rows import Item, Omitted, Row, changes_only, with_headings
from core.export.styles import HIGHLIGHTS, HighlightStyle
from core.labels import label_of
from core.model import (
    Comparison,
    CoverageGrade,
    Document,
    Finding,
    FindingKind,
    Highlight,
    PairKind,
    Relation,
    Section,
)
from core.normalize import fold_char, normalize, to_simplified
from core.quantities import document_dates
from core.resources import version
from core.verdict import IDENTICAL, UNRELATED, has_nothing_in_common, is_identical, unchanged_sections

PRODUCT = "对照 Duizhao"
AUTHOR = "对照"  # revision author when the account name is unknown

FINDINGS_TITLE = "要点变化"
FINDING_MARK = "◆ "  # opens a finding in a note, so it stands out from the status line
NO_SECTION = "—"
CUE_ZH = {"none": "浅色底纹", "strike": "删除线", "underline": "下划线", "dotted": "点状下划线"}
LOCAL = "本地新增"
BY_HAND = "（人工）"
_MAX_SOURCES = 3

# Row status of a revision, as the 修改说明 column opens.
DELETED, ADDED, MODIFIED, MOVED = "删除", "新增", "修改", "移动"


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
class DocumentFacts:
    """One compared document as the report's head names it."""

    side: str  # 原稿 / 修改稿 / 上级文件 / 落实文件
    file: str
    title: str
    date: str  # the document's own date, else the file's; "—" when neither is known


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


def file_name(path: str) -> str:
    """The file name a reader recognises (no folders), readable even when it is not valid
    UTF-8 (a GBK name from a Windows share): no document format takes lone surrogates."""
    return printable(Path(path).name or path)


def document_date(document: Document) -> str:
    """The document's own date (title block, adoption line, signature), else its file's date."""
    reference = document_dates(_comparison_text(document.text)).reference
    if reference:
        return "".join(f"{value}{unit}" for value, unit in zip(reference, "年月日", strict=False))
    try:
        stamp = os.stat(document.path).st_mtime
    except OSError:
        return NO_SECTION
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d") + "（文件日期）"


class _Folded(dict[int, str]):
    """``str.translate`` table of ``fold_char``, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDED = _Folded()


def _comparison_text(display: str) -> str:
    """``normalize(display).text`` without the offset maps nobody here reads.

    Building the maps costs a Python step per character of both documents, on every
    export; the text alone is one conversion and one ``str.translate``. A tab may be a
    cell boundary kept as a tab, which only ``normalize`` decides: such texts go through it.
    """
    source = to_simplified(display)
    if "\t" in source:
        return normalize(display).text
    return source.translate(_FOLDED)


def document_facts(comparison: Comparison) -> tuple[DocumentFacts, DocumentFacts]:
    """Both documents as every output names them: side in the relation's words, file, title, date."""
    words, left, right = wording(comparison), comparison.left, comparison.right
    return (
        DocumentFacts(words.left_side, file_name(left.path), left.title, document_date(left)),
        DocumentFacts(words.right_side, file_name(right.path), right.title, document_date(right)),
    )


def header_line(documents: Sequence[DocumentFacts]) -> str:
    """A page header naming each document distinctly, even when both bear the same title."""
    return "　｜　".join(f"{d.side}：{d.file}（{d.date}）" for d in documents)


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


def omitted_line(words: Wording, block: Omitted) -> str:
    """The line standing for a stretch of rows left out: "第三章至第五章 未修改（略去 12 条）".

    Cited by the right document's numbering; the left's follows when it differs (items
    renumbered by an insertion further up are unchanged all the same).
    """
    right = "、".join(run.place + run.label for run in block.right)
    left = "、".join(run.place + run.label for run in block.left)
    said = "未修改" if words.relation is Relation.REVISION else "照搬上级文件"
    extra = [f"{words.left_side}{left}"] if left != right else []
    extra.append(f"略去 {len(block.rows)} 条")
    return f"{right} {said}（{'；'.join(extra)}）"


def body_items(
    comparison: Comparison, ordered: Sequence[Row], notes: RowNotes, shown_only_changes: bool
) -> list[tuple[Item, tuple[Section, ...]]]:
    """The lines of a report's body, each with the right headings opening before it.

    Every row; or, for a report of the changes only, the rows with something to review
    and one ``Omitted`` line for each stretch of the others.
    """
    if not shown_only_changes:
        return list(with_headings(comparison, ordered))
    left, right = unchanged = (unchanged_sections(comparison, "L"), unchanged_sections(comparison, "R"))

    def left_out(row: Row) -> bool:
        if not notes.unremarkable(row):
            return False
        # An implementation's items are re-worded by nature: 照搬 (unremarkable) is enough.
        # A revision's must be unchanged on both sides, as the window folds them.
        return comparison.relation.relation is Relation.IMPLEMENTATION or (
            row.right is not None and row.right.id in right and all(s.id in left for s in row.left))

    return changes_only(comparison, ordered, unchanged, left_out)


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
    grades = notes.grades
    counts = Counter(grades.values())
    parts = "，".join(f"{label_of(grade)} {counts[grade]} 条" for grade in CoverageGrade if counts[grade])
    local = notes.local_items()
    by_hand = sum(1 for a in comparison.assignments if a.by_hand)
    lines = [f"上级文件 {len(grades)} 条：{parts or '无'}。",
             f"落实文件 {len(comparison.right.leaves)} 条，其中{LOCAL} {len(local)} 条。"]  # fmt: skip
    if by_hand:
        lines.append(f"其中 {by_hand} 条的对应关系为人工指定，标注“{BY_HAND}”。")
    left = comparison.left.by_id
    missing = tuple(section_label(left[sid]) for sid, g in grades.items() if g is CoverageGrade.NOT_TAKEN_UP)
    return tuple(lines), ((label_of(CoverageGrade.NOT_TAKEN_UP), missing),
                          (LOCAL, tuple(section_label(s) for s in local)))  # fmt: skip


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


def section_label(section: Section, limit: int = 40) -> str:
    """A section's number and title, shortened for notes and bookmarks."""
    return section.caption(limit)


def legend(words: Wording) -> list[tuple[Highlight, HighlightStyle, str, str]]:
    """Each highlight class with its style, its meaning in the relation's words and its print cue."""
    return [(kind, style, words.meanings[kind], CUE_ZH[style.print_cue]) for kind, style in HIGHLIGHTS.items()]


def row_key(row: Row) -> str:
    """An id unique to a row: its right section's, or its left section's for a left-only row."""
    return row.right.id if row.right is not None else row.left[0].id


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
        self._rows_of_left = Counter(s.id for row in ordered if row.right is not None for s in row.left)
        self._by_hand = {a.right for a in comparison.assignments if a.by_hand}
        self.grades = _grades(comparison)
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
        finding is noted in it and its pairing was not set by hand.
        """
        if self._row_findings.get(row_key(row)) or (row.right is not None and row.right.id in self._by_hand):
            return False
        if self._words.relation is Relation.IMPLEMENTATION:
            return (bool(row.left) and row.kind in (PairKind.SAME, PairKind.MODIFIED)
                    and all(self._grade(s) is CoverageGrade.COPIED for s in row.left))
        return bool(row.left) and not self.status(row)

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

    def _grade_line(self, row: Row) -> str:
        """The grades of a row's base items, or 本地新增; "（人工）" when the pairing was set by hand."""
        if not row.left:
            line = LOCAL
        elif len(row.left) == 1:
            line = label_of(self._grade(row.left[0]))
        else:
            line = "；".join(f"{section_label(s, 14)}：{label_of(self._grade(s))}" for s in row.left)
        if row.right is not None and row.right.id in self._by_hand:
            line += BY_HAND
        return line

    def _grade(self, section: Section) -> CoverageGrade:
        return self.grades.get(section.id, CoverageGrade.NOT_TAKEN_UP)

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
    for finding in comparison.findings:
        if finding.kind is FindingKind.COVERAGE:
            continue  # the row's status says it, in the relation's words
        right = finding_section(comparison, finding, "R") if finding.pair is not None or finding.right else None
        if right is not None:
            # Every right leaf has a row of its own; other right sections are headings.
            (by_row if right.is_leaf else by_heading)[right.id].append(finding)
            where[finding] = right.id
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


def product_version() -> str:
    """The product and its version, as document properties name the producer."""
    return f"{PRODUCT} {version()}"


def account_name() -> str:
    """The user's account name for revision marks, or 对照 when the system does not tell."""
    for variable in ("USERNAME", "USER", "LOGNAME"):
        name = os.environ.get(variable, "").strip()
        if name:
            return name
    try:
        import getpass

        return getpass.getuser() or AUTHOR
    except (OSError, KeyError, ImportError):
        return AUTHOR



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
