"""Command line: ``main.py compare LEFT RIGHT [--json F] [--pdf F] [--docx F] [--redline F] ...``.

Exit codes: 0 success; 2 unusable input or arguments (one line on stderr, no
traceback); 1 internal error. Never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from core.errors import Cancelled, InputError
from core.model import Comparison, Options, PairKind

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2

Exporter = Callable[[Comparison, Path], None]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised instead of printed."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The ``compare`` sub-command's argument parser."""
    parser = _Parser(prog="duizhao compare", description="比较两份政策文件（对照）。")
    parser.add_argument("left", help="左侧（原稿 / 上级）文件：.txt .docx .pdf")
    parser.add_argument("right", help="右侧（修改稿 / 下级）文件：.txt .docx .pdf")
    parser.add_argument("--json", metavar="F", help="写出 JSON 结果（duizhao.comparison/1）")
    parser.add_argument("--pdf", metavar="F", help="写出 PDF 对照报告")
    parser.add_argument("--docx", metavar="F", help="写出 Word 修改对照表")
    parser.add_argument("--redline", metavar="F", help="写出 Word 修订（跟踪更改）文件")
    parser.add_argument("--min-shared", metavar="N", type=int, default=Options.min_shared,
                        help=f"相同表述的最短长度（字），默认 {Options.min_shared}")
    parser.add_argument("--no-t2s", action="store_true", help="不做繁简转换")
    parser.add_argument("--keep-boilerplate", action="store_true", help="保留网页栏目、页码等非正文内容")
    parser.add_argument("--quiet", action="store_true", help="不显示进度与摘要")
    return parser


_WRITERS = {
    "json": ("core.report", "write_json"),
    "docx": ("core.export.docx_report", "write_docx_report"),
    "redline": ("core.export.docx_redline", "write_redline"),
    "pdf": ("core.export.pdf_report", "write_pdf_report"),
}


def _exporter(name: str) -> Exporter | None:
    """The writer behind ``--name``, imported only when asked for (reportlab and python-docx
    cost a tenth of a second to import); None when its module is missing."""
    module_name, function = _WRITERS[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    found: Exporter = getattr(module, function)
    return found


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


def _summary(result: Comparison, seconds: float) -> str:
    stats = result.stats
    counts = dict(stats.pair_counts)
    return (
        f"{Path(result.left.path).name} ↔ {Path(result.right.path).name}：{seconds:.2f} 秒；"
        f"相同 {counts.get(PairKind.SAME, 0)}、修改 {counts.get(PairKind.MODIFIED, 0)}、"
        f"相关 {counts.get(PairKind.RELATED, 0)}；左侧未对应 {stats.left_unpaired}、右侧独有 {stats.right_unpaired}；"
        f"相同表述占比 左 {stats.left_shared:.0%} / 右 {stats.right_shared:.0%}"
    )


def run_compare(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``compare`` with ``argv`` (without the sub-command); returns the exit code."""
    try:
        args = build_parser().parse_args(list(argv))
        if args.min_shared < 2 or args.min_shared > 200:
            raise _UsageError("--min-shared 应在 2 到 200 之间")
        targets = {name: Path(getattr(args, name)) for name in _WRITERS if getattr(args, name)}
        writers: dict[str, Exporter] = {}
        for name, target in targets.items():
            writer = _exporter(name)
            if writer is None:
                raise _UsageError(f"--{name}：此导出功能尚不可用")
            writers[name] = writer
            for given in (args.left, args.right):
                if target.resolve() == Path(given).resolve():
                    raise _UsageError(f"--{name} 不能覆盖输入文件 {given}")
    except _UsageError as exc:
        print(f"duizhao: 参数错误：{exc}", file=stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    from core.compare import compare

    options = Options(min_shared=args.min_shared, t2s=not args.no_t2s,
                      keep_boilerplate=args.keep_boilerplate)
    bar = _ProgressBar(stderr, not args.quiet)
    started = time.perf_counter()
    try:
        try:
            result = compare(args.left, args.right, options, progress=bar)
        finally:
            bar.done()
        for name, target in targets.items():
            writers[name](result, target)
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
    if not args.quiet:
        print(_summary(result, time.perf_counter() - started), file=stdout)
        for name, target in targets.items():
            print(f"  {name}: {target}", file=stdout)
    return EXIT_OK
