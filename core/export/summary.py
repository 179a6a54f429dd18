"""What every export says about a comparison in words: summary facts, legend, row notes.

The Word and PDF reports lay these out differently, but state the same facts in the
same words, so the two can be circulated side by side.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.export.rows import Row
from core.export.styles import HIGHLIGHTS, PAIR_LABELS_ZH, HighlightStyle
from core.model import Comparison, Highlight, PairKind, Section

LEFT_NAME = "左（原文 / 上级文件）"
RIGHT_NAME = "右（修改稿 / 落实文件）"
ABSENT_LEFT = "（左侧无对应内容：右侧新增或本地特有）"
ABSENT_RIGHT = "（右侧无对应内容：已删除或未采纳）"
AUTHOR = "对照"

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
    )


def _unpaired_labels(coverage: tuple[tuple[str, PairKind | None], ...], by_id: dict[str, Section]) -> tuple[str, ...]:
    return tuple(section_label(by_id[sid]) for sid, kind in coverage if kind is None and sid in by_id)


def section_label(section: Section, limit: int = 40) -> str:
    """A section's number and title, shortened for notes and bookmarks."""
    label = " ".join(section.label.split()) or section.role
    return label if len(label) <= limit else label[: limit - 1] + "…"


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


class RowNotes:
    """Notes of the report rows of one comparison (indexes the shared-wording matches once)."""

    def __init__(self, comparison: Comparison) -> None:
        self._comparison = comparison
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
        if row.right is not None and len(row.left) > 1:
            lines.append("对应左侧 " + "、".join(section_label(s, 16) for s in row.left))
        sources = self._elsewhere(row)
        if sources:
            side = "左侧" if row.right is not None else "右侧"
            shown = "；".join(f"{label}（{chars} 字）" for label, chars in sources[:_MAX_SOURCES])
            more = f" 等 {len(sources)} 处" if len(sources) > _MAX_SOURCES else ""
            lines.append(f"另有表述见{side}：{shown}{more}")
        return lines

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


def _within(start: int, end: int, sections: tuple[Section, ...]) -> bool:
    return any(s.start <= start and end <= s.end for s in sections)


def _count(found: dict[str, int], section: Section | None, chars: int) -> None:
    if section is not None:
        found[section_label(section, 20)] += chars
