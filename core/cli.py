"""Command line: ``main.py compare LEFT RIGHT ...`` and ``main.py matrix BASE OTHER... ...``.

Exit codes: 0 success; 2 unusable input or arguments, a file-system error, or a comparison
stopped by ``--timeout`` (one line on stderr, no traceback); 1 internal error; 128 + n when
stopped by signal n (SIGINT, SIGTERM). Every output is checked before the comparison starts
and the outputs are written all or nothing; temporary files are removed on a signal too.
Never imports Qt.
"""

from __future__ import annotations

import _thread
import argparse
import contextlib
import functools
import importlib
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from core.errors import Cancelled, InputError, is_disk_full, os_reason, printable
from core.export.atomic import all_or_nothing, check_writable, remove_temporaries
from core.model import MIN_SHARED_RANGE, RELATION_CHOICES, Comparison, CoverageGrade, Options, PairKind, Relation

if TYPE_CHECKING:
    from core.matrix import Matrix

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
STDOUT = "-"  # an output name that means standard output
# The default for --timeout: far beyond any real comparison (the largest documents within
# the loader's limits take well under a minute), short enough that a hostile input cannot
# keep a script waiting for ever. 0 turns the limit off.
DEFAULT_TIMEOUT = 600.0
# Signals that stop a run; their handler removes the temporary files first.
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))

# A writer takes the result (a Comparison or a Matrix) and the target path.
Writer = Callable[[Any, Path], None]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised instead of printed."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _add_options(parser: argparse.ArgumentParser) -> None:
    """The comparison options and ``--quiet``, shared by every sub-command."""
    parser.add_argument("--min-shared", metavar="N", type=int, default=Options.min_shared,
                        help=f"相同表述的最短长度（字），默认 {Options.min_shared}")
    parser.add_argument("--no-t2s", action="store_true", help="不做繁简转换")
    parser.add_argument("--keep-boilerplate", action="store_true", help="保留网页栏目、页码等非正文内容")
    parser.add_argument("--relation", choices=RELATION_CHOICES, default="auto",
                        help="两份文件的关系：auto 自动判断（默认）、revision 修订、implementation 落实")
    parser.add_argument("--quiet", action="store_true", help="不显示进度与摘要")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, default=DEFAULT_TIMEOUT,
                        help=f"最长运行时间（秒），超时即停止、不写出文件并以代码 2 退出；0 表示不限，"
                             f"默认 {DEFAULT_TIMEOUT:.0f}")


def build_parser() -> argparse.ArgumentParser:
    """The ``compare`` sub-command's argument parser."""
    parser = _Parser(prog="duizhao compare", description="比较两份政策文件（对照）。")
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
    _add_options(parser)
    return parser


def build_matrix_parser() -> argparse.ArgumentParser:
    """The ``matrix`` sub-command's argument parser."""
    parser = _Parser(prog="duizhao matrix",
                     description="一份基准文件对照多份文件（如省级决定对照各市县落实文件），生成条目对照矩阵。")
    parser.add_argument("base", help="基准（上级）文件：.txt .docx .pdf")
    parser.add_argument("others", nargs="+", metavar="other", help="对照（下级）文件，一份或多份")
    parser.add_argument("--xlsx", metavar="F", help="写出 Excel 对照矩阵")
    parser.add_argument("--json", metavar="F", help="写出 JSON 结果（duizhao.matrix/1）")
    _add_options(parser)
    return parser


# --name -> (module, function), imported only when asked for: reportlab, python-docx and
# openpyxl cost a tenth of a second each to import.
_WRITERS = {
    "json": ("core.report", "write_json"),
    "docx": ("core.export.docx_report", "write_docx_report"),
    "redline": ("core.export.docx_redline", "write_redline"),
    "pdf": ("core.export.pdf_report", "write_pdf_report"),
}
_MATRIX_WRITERS = {
    "xlsx": ("core.export.xlsx_matrix", "write_matrix_xlsx"),
    "json": ("core.matrix", "write_matrix_json"),
}


def _writer(module_name: str, function: str) -> Writer:
    """The writer function (imports its module: only the exports asked for are loaded)."""
    found: Writer = getattr(importlib.import_module(module_name), function)
    return found


def _options(args: argparse.Namespace) -> Options:
    """The comparison options given on the command line; raises ``_UsageError`` when out of range."""
    low, high = MIN_SHARED_RANGE
    if not low <= args.min_shared <= high:
        raise _UsageError(f"--min-shared 应在 {low} 到 {high} 之间")
    if not 0 <= args.timeout < 10**7:  # also refuses nan
        raise _UsageError("--timeout 应为不小于 0 的秒数（0 表示不限）")
    return Options(min_shared=args.min_shared, t2s=not args.no_t2s, keep_boilerplate=args.keep_boilerplate,
                   relation=args.relation)


def _targets(args: argparse.Namespace, table: Mapping[str, tuple[str, str]],
             inputs: Sequence[str]) -> dict[str, tuple[Path, Writer]]:
    """The outputs asked for, each with its writer; raises ``_UsageError`` for an output that
    would overwrite an input, is given twice, or cannot be written (missing
    folder, no permission, name too long): all before any work starts."""
    out: dict[str, tuple[Path, Writer]] = {}
    for name, (module_name, function) in table.items():
        given = getattr(args, name)
        if not given:
            continue
        writer = _with_choices(name, _writer(module_name, function), args)
        if given == STDOUT:
            if any(earlier == Path(STDOUT) for earlier, _ in out.values()):
                raise _UsageError(f"--{name}：只有一个输出可以写到标准输出（-）")
            out[name] = (Path(STDOUT), writer)
            continue
        try:
            target = check_writable(given, inputs)
        except InputError as exc:
            raise _UsageError(f"--{name}：{exc}") from exc
        for other, (earlier, _) in out.items():
            if earlier != Path(STDOUT) and _same_place(target, earlier):
                raise _UsageError(f"--{name} 与 --{other} 不能写到同一个文件 {given}")
        out[name] = (Path(given), writer)
    return out


def _with_choices(name: str, writer: Writer, args: argparse.Namespace) -> Writer:
    """The writer with the report choices given on the command line bound to it."""
    takes_choices: Callable[..., None] = writer  # the report writers take their choices as keywords
    if name in ("docx", "pdf") and hasattr(args, "blank_notes"):
        from core.export.summary import ReportOptions

        choices = ReportOptions(blank_notes=args.blank_notes, bold_insertions=args.bold_insertions,
                                shading=not args.no_shading, comments=args.comments, landscape=not args.portrait,
                                changes_only=args.changes_only)
        return functools.partial(takes_choices, options=choices) if choices != ReportOptions() else writer
    if name == "redline" and (getattr(args, "author", None) or getattr(args, "date", None)):
        try:
            date = datetime.fromisoformat(args.date) if args.date else None
        except ValueError as exc:
            raise _UsageError(f"--date：无法识别的时间 {args.date}（应为 2026-11-30 或 2026-11-30T09:30）") from exc
        return functools.partial(takes_choices, author=args.author, date=date)
    return writer


def _same_place(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # a loop in one of them: already refused by check_writable
        return False


def _render_for_stdout(write: Writer, result: Any) -> bytes:
    """Run ``write`` into a private temporary file and return its bytes, so ``-`` never
    becomes a file and a failed export prints nothing."""
    with tempfile.TemporaryDirectory(prefix="duizhao-") as folder:
        temp = Path(folder) / "out"
        write(result, temp)
        return temp.read_bytes()


def _copy_to_stdout(data: bytes, stdout: TextIO) -> None:
    """``data`` on standard output; an error there (a closed pipe, a full disk) becomes an
    ``InputError``."""
    try:
        _put(data, stdout)
    except OSError as exc:
        raise InputError(f"无法写入标准输出：{os_reason(exc)}") from exc


def _put(data: bytes, stdout: TextIO) -> None:
    stdout.flush()
    buffer = getattr(stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text stream without bytes underneath (tests): JSON is the only text output
        stdout.write(data.decode("utf-8", errors="replace"))


class _Stopped(BaseException):
    """Raised in the main thread by a stop signal or by the ``--timeout`` timer."""

    def __init__(self, signum: int, timed_out: bool) -> None:
        super().__init__(signum)
        self.signum = signum
        self.timed_out = timed_out


@contextlib.contextmanager
def _stoppable(seconds: float) -> Iterator[Callable[[], bool]]:
    """Within the block, SIGINT/SIGTERM/SIGHUP and the end of ``seconds`` (0: never) raise
    ``_Stopped`` in the main thread after removing the temporary output files. Yields a
    cancel callback that turns true at the deadline, for work polled from other threads.
    """
    deadline = time.monotonic() + seconds if seconds else None
    timed_out = threading.Event()

    def cancel() -> bool:
        return deadline is not None and time.monotonic() >= deadline

    if threading.current_thread() is not threading.main_thread():
        yield cancel  # signal handlers can only be set from the main thread
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        remove_temporaries()
        raise _Stopped(signum, timed_out.is_set())

    running = threading.Event()
    running.set()

    def expire() -> None:
        if running.is_set():
            timed_out.set()
            _thread.interrupt_main(signal.SIGINT)  # runs ``handler`` in the main thread

    previous = {signum: signal.signal(signum, handler) for signum in _STOP_SIGNALS}
    timer = threading.Timer(seconds, expire) if seconds else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        yield cancel
    finally:
        running.clear()
        if timer is not None:
            timer.cancel()
        for signum, old in previous.items():
            signal.signal(signum, old)


def _say(stream: TextIO, text: str) -> None:
    """Print ``text`` on ``stream`` whatever its encoding and whatever bytes a file name holds."""
    with contextlib.suppress(OSError, ValueError):
        print(printable(text), file=stream)


class _ProgressBar:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.last = ""

    def __call__(self, fraction: float, stage: str) -> None:
        if not self.enabled:
            return
        filled = int(fraction * 30)
        line = f"\r[{'#' * filled}{' ' * (30 - filled)}] {int(fraction * 100):3d}% {stage}"
        if line != self.last:
            self.stream.write(line + "\x1b[K")
            self.stream.flush()
            self.last = line

    def done(self) -> None:
        if self.enabled and self.last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _run(
    argv: Sequence[str],
    parser: argparse.ArgumentParser,
    table: Mapping[str, tuple[str, str]],
    inputs: Callable[[argparse.Namespace], Sequence[str]],
    work: Callable[[argparse.Namespace, Options, _ProgressBar, Callable[[], bool]], Any],
    summary: Callable[[Any, float], str],
    stdout: TextIO,
    stderr: TextIO,
    warnings: Callable[[Any], Sequence[str]] = lambda _result: (),
) -> int:
    """Parse, check the outputs, run ``work`` with a progress bar, write the outputs, and turn
    every failure into its exit code: the part all sub-commands share. ``warnings`` are
    lines about the result for stderr, printed even with ``--quiet``."""
    try:
        args = parser.parse_args(list(argv))
        options = _options(args)
        targets = _targets(args, table, inputs(args))
    except _UsageError as exc:
        _say(stderr, f"duizhao: 参数错误：{exc}")
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    bar = _ProgressBar(stderr, not args.quiet)
    started = time.perf_counter()
    try:
        with _stoppable(args.timeout) as cancel:
            try:
                result = work(args, options, bar, cancel)
            finally:
                bar.done()
            printed = _write_outputs(targets, result)
            if printed is not None:
                _copy_to_stdout(printed, stdout)
    except _Stopped as stop:
        return _stopped(stop, args.timeout, stderr)
    except InputError as exc:
        _say(stderr, f"duizhao: {exc}")
        return EXIT_USAGE
    except Cancelled:  # the deadline seen by work polled off the main thread
        return _stopped(_Stopped(0, True), args.timeout, stderr)
    except KeyboardInterrupt:
        _say(stderr, "duizhao: 已取消")
        return 128 + signal.SIGINT
    except MemoryError:
        _say(stderr, "duizhao: 内存不足：输入文件过大或过于复杂")
        return EXIT_USAGE
    except OSError as exc:
        _say(stderr, f"duizhao: {_os_message(exc)}")
        return EXIT_USAGE
    except Exception:
        _say(stderr, "duizhao: 内部错误，请将以下信息反馈给开发者：")
        traceback.print_exc(file=stderr)
        return EXIT_INTERNAL
    for line in warnings(result):
        _say(stderr, line)
    if not args.quiet and not any(str(target) == STDOUT for target, _ in targets.values()):
        _say(stdout, summary(result, time.perf_counter() - started))
        for name, (target, _) in targets.items():
            _say(stdout, f"  {name}: {target}")
    return EXIT_OK


def _write_outputs(targets: Mapping[str, tuple[Path, Writer]], result: Any) -> bytes | None:
    """Write every file output, all or nothing; returns what goes to standard output (printed
    by the caller once the files are in place), if anything."""
    printed = None
    for target, write in targets.values():
        if str(target) == STDOUT:  # rendered first, outside the batch: it is not a file
            printed = _render_for_stdout(write, result)
    with all_or_nothing():
        for target, write in targets.values():
            if str(target) != STDOUT:
                _write_file(write, result, target)
    return printed


def _write_file(write: Writer, result: Any, target: Path) -> None:
    """One file output; a file name that is not valid UTF-8 which the export cannot carry
    becomes a message instead of a traceback."""
    try:
        write(result, target)
    except UnicodeEncodeError as exc:
        if "surrogates" not in str(exc):
            raise
        raise InputError(f"无法写入 {printable(str(target))}：输入文件的文件名不是有效的 UTF-8 编码，"
                         "此导出无法记录它，请将文件改名后再试") from exc


def _stopped(stop: _Stopped, seconds: float, stderr: TextIO) -> int:
    """The message and exit code for a run ended by the timer or a signal."""
    if stop.timed_out:
        _say(stderr, f"duizhao: 比较超过 {seconds:g} 秒（--timeout）仍未完成，已停止；未写出任何文件")
        return EXIT_USAGE
    try:
        name = signal.Signals(stop.signum).name
    except ValueError:
        name = str(stop.signum)
    _say(stderr, f"duizhao: 收到信号 {name}，已停止；未写出任何文件")
    return 128 + stop.signum


def _os_message(exc: OSError) -> str:
    """One line for a file-system error no layer below turned into an ``InputError``."""
    where = exc.filename if exc.filename is not None else ""
    cause = "磁盘空间不足" if is_disk_full(exc) else os_reason(exc)
    return f"无法读写 {printable(str(where))}：{cause}" if where else f"文件读写失败：{cause}"


def _verdict_warnings(result: Comparison) -> tuple[str, ...]:
    """The warning a drafter must not miss: almost nothing in common, probably the wrong file."""
    from core.verdict import UNRELATED, has_nothing_in_common

    return (UNRELATED,) if has_nothing_in_common(result) else ()


def _summary(result: Comparison, seconds: float) -> str:
    from core.verdict import IDENTICAL, is_identical

    stats = result.stats
    counts = dict(stats.pair_counts)
    verdict = result.relation
    how = "自动判断" if verdict.detected else "指定"
    if verdict.relation is Relation.IMPLEMENTATION:
        grades = Counter(grade for _, grade in result.coverage.grades)
        unique = (f"上级条目：{'、'.join(f'{g.label_zh} {grades[g]}' for g in CoverageGrade)}；"
                  f"本地新增 {sum(1 for a in result.assignments if not a.left)}")
    else:
        unique = f"删除 {stats.left_unpaired}、新增 {stats.right_unpaired}"
    return (
        f"{Path(result.left.path).name} ↔ {Path(result.right.path).name}：{seconds:.2f} 秒；"
        f"关系：{verdict.relation.label_zh}（{how}）\n"
        + (f"  {IDENTICAL}\n" if is_identical(result) else "")
        + f"  相同 {counts.get(PairKind.SAME, 0)}、修改 {counts.get(PairKind.MODIFIED, 0)}、"
        f"相关 {counts.get(PairKind.RELATED, 0)}；{unique}；"
        f"相同表述占比 左 {stats.left_shared:.0%} / 右 {stats.right_shared:.0%}"
    )


def _matrix_summary(matrix: Matrix, seconds: float) -> str:
    from core.matrix import CellKind

    lines = [f"{Path(matrix.base.path).name}：{len(matrix.rows)} 条基准条目，{len(matrix.columns)} 份对照文件，"
             f"{seconds:.2f} 秒"]
    for column in matrix.columns:
        if column.grades:  # an implementing document: the grades, in the words of the reports
            counts = "、".join(f"{grade.label_zh} {n}" for grade, n in column.grades)
        else:
            counts = "、".join(f"{kind.label_zh} {column.count(kind)}" for kind in CellKind)
        lines.append(f"  {Path(column.path).name}：{column.relation.label_zh}；覆盖 {column.covered:.0%}（{counts}）")
    return "\n".join(lines)


def run_compare(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``compare`` with ``argv`` (without the sub-command); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: _ProgressBar, cancel: Callable[[], bool]) -> Comparison:
        from core.compare import compare

        return compare(args.left, args.right, options, progress=bar, cancel=cancel)

    return _run(argv, build_parser(), _WRITERS, lambda args: (args.left, args.right), work, _summary,
                stdout, stderr, _verdict_warnings)


def run_matrix(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``matrix`` with ``argv`` (without the sub-command); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: _ProgressBar, cancel: Callable[[], bool]) -> Matrix:
        from core.matrix import compare_many

        return compare_many(args.base, args.others, options, progress=bar, cancel=cancel)

    return _run(argv, build_matrix_parser(), _MATRIX_WRITERS, lambda args: (args.base, *args.others), work,
                _matrix_summary, stdout, stderr)
