"""``main.py matrix BASE OTHER... [--xlsx F] [--json F] ...``: one base against many documents."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cli.args import Parser, add_options
from cli.run import ProgressBar, parse, run
from core.export.registry import Target, formats_for
from core.kinds import CellKind
from core.labels import label_of
from core.options import Options
from core.progress import Cancel

if TYPE_CHECKING:  # main.py imports this module on every start, for its arguments
    from core.matrix_model import Matrix

PROG = "duizhao matrix"
DESCRIPTION = "一份基准文件对照多份文件（如省级决定对照各市县落实文件），生成条目对照矩阵。"


def build_parser() -> argparse.ArgumentParser:
    """The ``matrix`` sub-command's argument parser on its own (``run_matrix``)."""
    parser = Parser(prog=PROG, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``matrix`` arguments, on its own parser or on ``main.py``'s sub-command."""
    parser.add_argument("base", help="基准（上级）文件：.txt .docx .pdf")
    parser.add_argument("others", nargs="+", metavar="other", help="对照（下级）文件，一份或多份")
    parser.add_argument("--xlsx", metavar="F", help="写出 Excel 对照矩阵")
    parser.add_argument("--json", metavar="F", help="写出 JSON 结果（duizhao.matrix/1）")
    add_options(parser)


def summary(matrix: Matrix, seconds: float) -> str:
    """The lines printed after a run: one per document, with its relation and coverage."""
    lines = [f"{Path(matrix.base.path).name}：{len(matrix.rows)} 条基准条目，{len(matrix.columns)} 份对照文件，"
             f"{seconds:.2f} 秒"]
    for column in matrix.columns:
        if column.grades:  # an implementing document: the grades, in the words of the reports
            counts = "、".join(f"{label_of(grade)} {n}" for grade, n in column.grades)
        else:
            counts = "、".join(f"{label_of(kind)} {column.count(kind)}" for kind in CellKind)
        lines.append(f"  {Path(column.path).name}：{label_of(column.relation)}；覆盖 {column.covered:.0%}（{counts}）")
    return "\n".join(lines)


def run_matrix(argv: Sequence[str], stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``matrix`` with ``argv`` (without the sub-command); returns the exit code."""
    args = parse(build_parser(), argv, stderr)
    return args if isinstance(args, int) else run_matrix_args(args, stdout, stderr)


def run_matrix_args(args: argparse.Namespace, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Run ``matrix`` with its arguments parsed (by its own parser or ``main.py``'s); returns the exit code."""

    def work(args: argparse.Namespace, options: Options, bar: ProgressBar, cancel: Cancel) -> Matrix:
        from core.matrix import compare_many

        return compare_many(args.base, args.others, options, progress=bar, cancel=cancel)

    return run(args, formats_for(Target.MATRIX), lambda args: (args.base, *args.others), work, summary, stdout, stderr)
