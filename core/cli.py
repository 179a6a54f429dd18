"""Command line: ``main.py compare LEFT RIGHT ...`` and ``main.py matrix BASE OTHER... ...``.

Exit codes: 0 success; 2 unusable input or arguments (one line on stderr, no
traceback); 1 internal error. Never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from core.errors import Cancelled, InputError
from core.export.atomic import checked_target
from core.model import RELATION_CHOICES, Comparison, CoverageGrade, Options, PairKind, Relation

if TYPE_CHECKING:
    from core.matrix import Matrix

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
STDOUT = "-"  # an output name that means standard output

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


def build_parser() -> argparse.ArgumentParser:
    """The ``compare`` sub-command's argument parser."""
    parser = _Parser(prog="duizhao compare", description="比较两份政策文件（对照）。")
    parser.add_argument("left", help="左侧（原稿 / 上级）文件：.txt .docx .pdf")
    parser.add_argument("right", help="右侧（修改稿 / 下级）文件：.txt .docx .pdf")
    parser.add_argument("--json", metavar="F", help="写出 JSON 结果（duizhao.comparison/1）")
    parser.add_argument("--pdf", metavar="F", help="写出 PDF 对照报告")
    parser.add_argument("--docx", metavar="F", help="写出 Word 修改对照表")
    parser.add_argument("--redline", metavar="F", help="写出 Word 修订（跟踪更改）文件")
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


def _writer(module_name: str, function: str) -> Writer | None:
    """The writer function, or None when its module is missing."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    found: Writer = getattr(module, function)
    return found


def _options(args: argparse.Namespace) -> Options:
    """The comparison options given on the command line; raises ``_UsageError`` when out of range."""
    if args.min_shared < 2 or args.min_shared > 200:
        raise _UsageError("--min-shared 应在 2 到 200 之间")
    return Options(min_shared=args.min_shared, t2s=not args.no_t2s, keep_boilerplate=args.keep_boilerplate,
                   relation=args.relation)


def _targets(args: argparse.Namespace, table: Mapping[str, tuple[str, str]],
             inputs: Sequence[str]) -> dict[str, tuple[Path, Writer]]:
    """The outputs asked for, each with its writer; raises ``_UsageError`` for an output that
    is unavailable, would overwrite an input or is given twice."""
    out: dict[str, tuple[Path, Writer]] = {}
    for name, (module_name, function) in table.items():
        given = getattr(args, name)
        if not given:
            continue
        writer = _writer(module_name, function)
        if writer is None:
            raise _UsageError(f"--{name}：此导出功能尚不可用")
        if given == STDOUT:
            if any(earlier == Path(STDOUT) for earlier, _ in out.values()):
                raise _UsageError(f"--{name}：只有一个输出可以写到标准输出（-）")
            out[name] = (Path(STDOUT), writer)
            continue
        try:
            target = checked_target(given, inputs)
        except InputError as exc:
            raise _UsageError(f"--{name}：{exc}") from exc
        for other, (earlier, _) in out.items():
            if earlier != Path(STDOUT) and target.resolve() == earlier.resolve():
                raise _UsageError(f"--{name} 与 --{other} 不能写到同一个文件 {given}")
        out[name] = (Path(given), writer)
    return out


def _write_to_stdout(write: Writer, result: Any, stdout: TextIO) -> None:
    """Run ``write`` into a private temporary file and copy its bytes to standard output,
    so ``-`` never becomes a file and a failed export prints nothing."""
    with tempfile.TemporaryDirectory(prefix="duizhao-") as folder:
        temp = Path(folder) / "out"
        write(result, temp)
        data = temp.read_bytes()
    stdout.flush()
    buffer = getattr(stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text stream without bytes underneath (tests): JSON is the only text output
        stdout.write(data.decode("utf-8", errors="replace"))


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
    work: Callable[[argparse.Namespace, Options, _ProgressBar], Any],
    summary: Callable[[Any, float], str],
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Parse, check the outputs, run ``work`` with a progress bar, write the outputs, and turn
    every failure into its exit code: the part all sub-commands share."""
    try:
        args = parser.parse_args(list(argv))
        options = _options(args)
        targets = _targets(args, table, inputs(args))
    except _UsageError as exc:
        print(f"duizhao: 参数错误：{exc}", file=stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    bar = _ProgressBar(stderr, not args.quiet)
    started = time.perf_counter()
    try:
        try:
            result = work(args, options, bar)
        finally:
            bar.done()
        for target, write in targets.values():
            if str(target) == STDOUT:
                _write_to_stdout(write, result, stdout)
            else:
                write(result, target)
    except InputError as exc:
        print(f"duizhao: {exc}", file=stderr)
        return EXIT_USAGE
    except (Cancelled, KeyboardInterrupt):
        print("duizhao: 已取消", file=stderr)
        return EXIT_INTERNAL
    except Exception:
        print("duizhao: 内部错误，请将以下信息反馈给开发者：", file=stderr)
        traceback.print_exc(file=stderr)
        return EXIT_INTERNAL
    if not args.quiet and not any(str(target) == STDOUT for target, _ in targets.values()):
        print(summary(result, time.perf_counter() - started), file=stdout)
        for name, (target, _) in targets.items():
            print(f"  {name}: {target}", file=stdout)
    return EXIT_OK


def _summary(result: Comparison, seconds: float) -> str:
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
        f"  相同 {counts.get(PairKind.SAME, 0)}、修改 {counts.get(PairKind.MODIFIED, 0)}、"
        f"相关 {counts.get(PairKind.RELATED, 0)}；{unique}；"
        f"相同表述占比 左 {stats.left_shared:.0%} / 右 {stats.right_shared:.0%}"
    )


def _matrix_summary(matrix: Matrix, seconds: float) -> str:
    from core.matrix import CellKind

    lines = [f"{Path(matrix.base.path).name}：{len(matrix.rows)} 条基准条目，{len(matrix.columns)} 份对照文件，"
             f"{seconds:.2f} 秒"]
    for column in matrix.columns:
        counts = "、".join(f"{kind.label_zh} {column.count(kind)}" for kind in CellKind)
        lines.append(f"  {Path(column.path).name}：覆盖 {column.covered:.0%}（{counts}）")
    return "\n".join(lines)


def run_compare(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``compare`` with ``argv`` (without the sub-command); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: _ProgressBar) -> Comparison:
        from core.compare import compare

        return compare(args.left, args.right, options, progress=bar)

    return _run(argv, build_parser(), _WRITERS, lambda args: (args.left, args.right), work, _summary,
                stdout, stderr)


def run_matrix(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``matrix`` with ``argv`` (without the sub-command); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: _ProgressBar) -> Matrix:
        from core.matrix import compare_many

        return compare_many(args.base, args.others, options, progress=bar)

    return _run(argv, build_matrix_parser(), _MATRIX_WRITERS, lambda args: (args.base, *args.others), work,
                _matrix_summary, stdout, stderr)
