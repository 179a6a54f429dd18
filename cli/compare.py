"""``main.py compare LEFT RIGHT [--json F] [--pdf F] [--docx F] [--redline F] ...``: one pair."""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cli.args import Parser, UsageError, add_options
from cli.outputs import Writer
from cli.run import ProgressBar, parse, run
from core.collector import collector_paused
from core.export.registry import REDLINE, Choices, ExportFormat, Target, formats_for
from core.kinds import CoverageGrade, PairKind, Relation
from core.labels import label_of
from core.options import Options
from core.progress import Cancel

if TYPE_CHECKING:  # loaded with the engine: the helpers are forked before, the sooner the better
    from cli.helpers import Helpers
    from core.result import Comparison

PROG = "duizhao compare"
DESCRIPTION = "比较两份政策文件（对照）。"


def build_parser() -> argparse.ArgumentParser:
    """The ``compare`` sub-command's argument parser on its own (``run_compare``)."""
    parser = Parser(prog=PROG, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``compare`` arguments, on its own parser or on ``main.py``'s sub-command."""
    parser.add_argument("left", help="左侧（原稿 / 上级）文件：.txt .docx .pdf")
    parser.add_argument("right", help="右侧（修改稿 / 下级）文件：.txt .docx .pdf")
    parser.add_argument("--json", metavar="F", help="写出 JSON 结果（duizhao.comparison/1）")
    parser.add_argument("--pdf", metavar="F", help="写出 PDF 对照报告")
    parser.add_argument("--docx", metavar="F", help="写出 Word 修改对照表")
    parser.add_argument("--redline", metavar="F", help="写出 Word 修订（跟踪更改）文件")
    report = parser.add_argument_group("报告选项（--docx、--pdf、--redline）")
    report.add_argument("--blank-notes", action="store_true", help="修改说明一栏留空，供起草人填写（修订）")
    report.add_argument("--bold-insertions", action="store_true", help="新增文字加粗（另有下划线）")
    report.add_argument("--no-shading", action="store_true", help="不加底色（删除线、下划线等标记照常）")
    report.add_argument("--comments", action="store_true", help="Word 修改对照表中为每个改动行加批注")
    report.add_argument("--portrait", action="store_true", help="纵向 A4（默认横向，三栏更宽）")
    report.add_argument("--changes-only", action="store_true",
                        help="只列出改动：略去未修改的条目，在原处以一行注明（如“第三章至第五章 未修改”）；"
                             "落实文件略去照搬上级文件、无需说明的条目")
    report.add_argument("--author", metavar="NAME", help="修订文件中的修订人（默认为当前用户）")
    report.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]", help="修订文件中的修订时间（默认为现在）")
    report.add_argument("--literal-scripts", action="store_true",
                        help="两份文件繁简不同时，修订文件按原文逐字比较，仅繁简写法不同之处另记一名修订人"
                             "（默认先把左侧转换为右侧的繁简体再比较，繁简不同不作修订）")
    add_options(parser)


def with_choices(export: ExportFormat, args: argparse.Namespace) -> Writer:
    """The format's writer with the report choices given on the command line bound to it."""
    writer = export.write  # takes its choices as keywords (see Choices)
    if export.choices is Choices.REPORT:
        from core.export.report_options import ReportOptions

        choices = ReportOptions(blank_notes=args.blank_notes, bold_insertions=args.bold_insertions,
                                shading=not args.no_shading, comments=args.comments, landscape=not args.portrait,
                                changes_only=args.changes_only)
        return functools.partial(writer, options=choices) if choices != ReportOptions() else writer
    if export.choices is Choices.REDLINE and (args.author or args.date or args.literal_scripts):
        from datetime import datetime  # only for --date: not imported on every start

        try:
            date = datetime.fromisoformat(args.date) if args.date else None
        except ValueError as exc:
            raise UsageError(f"--date：无法识别的时间 {args.date}（应为 2026-11-30 或 2026-11-30T09:30）") from exc
        return functools.partial(writer, author=args.author, date=date, literal_scripts=args.literal_scripts)
    return writer


def verdict_warnings(result: Comparison) -> tuple[str, ...]:
    """The warning a drafter must not miss: almost nothing in common, probably the wrong file."""
    from core.verdict import UNRELATED, has_nothing_in_common

    return (UNRELATED,) if has_nothing_in_common(result) else ()


def summary(result: Comparison, seconds: float) -> str:
    """The lines printed after a run: relation, pair counts and shared wording."""
    from core.base_items import graded_items
    from core.verdict import IDENTICAL, is_identical

    stats = result.stats
    counts = dict(stats.pair_counts)
    verdict = result.relation
    how = "自动判断" if verdict.detected else "指定"
    if verdict.relation is Relation.IMPLEMENTATION:
        grades = Counter(grade for _, grade in graded_items(result.left, result.coverage.grade_of))
        unique = (f"上级条目：{'、'.join(f'{label_of(g)} {grades[g]}' for g in CoverageGrade)}；"
                  f"本地新增 {sum(1 for a in result.assignments if not a.left)}；"
                  f"待核 {sum(1 for a in result.assignments if a.rival is not None)}")
    else:
        unique = f"删除 {stats.left_unpaired}、新增 {stats.right_unpaired}"
    return (
        f"{Path(result.left.path).name} ↔ {Path(result.right.path).name}：{seconds:.2f} 秒；"
        f"关系：{label_of(verdict.relation)}（{how}）\n"
        + (f"  {IDENTICAL}\n" if is_identical(result) else "")
        + "  " + "、".join(f"{label_of(kind)} {counts.get(kind, 0)}" for kind in PairKind) + f"；{unique}；"
        f"相同表述占比 左 {stats.left_shared:.0%} / 右 {stats.right_shared:.0%}"
    )


def run_compare(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``compare`` with ``argv`` (without the sub-command); returns the exit code."""
    args = parse(build_parser(), argv, stderr)
    return args if isinstance(args, int) else run_compare_args(args, stdout, stderr)


def run_compare_args(args: argparse.Namespace, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``compare`` with its arguments parsed (by its own parser or ``main.py``'s); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: ProgressBar, cancel: Cancel) -> Comparison:
        from core.compare import compare

        return compare(args.left, args.right, options, progress=bar, cancel=cancel)

    # The engine's imports, the comparison and the outputs, in this process and its helpers
    # alike, leave next to nothing for the collector to find: its passes cost the run some
    # 30 ms here and more in the helper writing a PDF report (see core.collector).
    with collector_paused():
        begin = functools.partial(start_load_ahead, redline=bool(args.redline) and not args.literal_scripts)
        return run(args, formats_for(Target.COMPARISON), lambda args: (args.left, args.right), work, summary,
                   stdout, stderr, verdict_warnings, with_choices, begin)


def start_load_ahead(options: Options, helpers: Helpers, redline: bool = False) -> None:
    """Start ``load_ahead`` in a thread of its own; the conversions of a ``redline`` only where
    this process writes it (a helper loads its own: ``core.export.registry``)."""
    here = redline and not helpers.writes(REDLINE.option)
    threading.Thread(target=load_ahead, args=(options, here), name="load-ahead", daemon=True).start()


def load_ahead(options: Options, redline: bool = False) -> None:
    """Load the tables a comparison with ``options`` reads: OpenCC's (with t2s), the
    segmenter's word index and the background table; then, for a ``redline`` that writes
    the left text in the right's script, every OpenCC conversion that may take. Most of
    their loading releases the GIL (OpenCC's, reading and checking the files), so run in a
    thread it overlaps the import of the engine and the comparison where a CPU is free.
    A failure here is left to the engine, which loads the same tables again and reports it."""
    with contextlib.suppress(Exception):
        from core import background, script, segmenter

        if options.t2s:
            script.load_ahead(["t2s"])
        segmenter.warm(())
        background.background_idf()
        if redline and options.t2s:  # see core.export.redline_build.redline_conversion
            script.load_every_conversion()
