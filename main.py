"""Duizhao entry point: one argument parser whose sub-commands are the window and the command line.

    python main.py                      # the window, with the sample pair
    python main.py [gui] [LEFT [RIGHT]] # the window, with these files
    python main.py compare LEFT RIGHT [--json F] [--pdf F] [--docx F] [--redline F] ...
    python main.py matrix BASE OTHER... [--xlsx F] [--json F] ...

``compare`` and ``matrix`` take their arguments from ``cli.compare`` and ``cli.matrix``, so
``main.py compare --help`` is the command's own help; ``gui`` is the default sub-command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TextIO

COMMANDS = ("gui", "compare", "matrix")
_TOP_LEVEL = ("-h", "--help", "--version")
_SELF_TEST = "--self-test"

_DESCRIPTION = "对照 Duizhao：并排比较政策文件。不写子命令时打开窗口（不给文件时载入示例文件）。"
_EPILOG = (
    "例：\n"
    "  main.py                    打开窗口，载入示例文件\n"
    "  main.py 左侧文件 右侧文件  打开窗口并比较这两个文件\n"
    "  main.py compare 左侧 右侧 --json 结果.json --docx 对照表.docx\n"
    "  main.py matrix 基准 对照1 对照2 --xlsx 矩阵.xlsx\n"
    "main.py 子命令 --help 查看子命令的选项。"
)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every invocation; each sub-command's ``handler`` default runs it with the
    parsed arguments, standard output and standard error."""
    from cli import compare, matrix
    from cli.args import Parser
    from core.resources import version

    parser = Parser(prog="duizhao", description=_DESCRIPTION, epilog=_EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"Duizhao {version()}", help="显示版本")
    commands = parser.add_subparsers(title="子命令", dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    window = commands.add_parser("gui", prog="duizhao gui", help="打开窗口并载入文件（默认）",
                                 description="打开窗口并比较给出的文件；不给文件时载入示例文件。")
    window.add_argument("files", nargs="*", metavar="file", help="左侧文件、右侧文件（至多两个）：.txt .docx .pdf")
    # Compares the sample pair, prints what it found and exits: the frozen app's smoke test.
    window.add_argument(_SELF_TEST, action="store_true", help=argparse.SUPPRESS)
    window.set_defaults(handler=open_window)
    command = commands.add_parser("compare", prog=compare.PROG, description=compare.DESCRIPTION,
                                  help="比较两份文件，写出 JSON、Word 对照表、Word 修订或 PDF 报告")
    compare.add_arguments(command)
    command.set_defaults(handler=compare.run_compare_args)
    command = commands.add_parser("matrix", prog=matrix.PROG, description=matrix.DESCRIPTION,
                                  help="一份基准对照多份文件，生成条目对照矩阵（Excel、JSON）")
    matrix.add_arguments(command)
    command.set_defaults(handler=matrix.run_matrix_args)
    return parser


def with_command(argv: list[str]) -> list[str]:
    """``argv`` with its sub-command: ``gui`` when it names none (no arguments, or only files)."""
    if argv[:1] == ["help"]:  # `main.py help` has always shown the usage
        return ["--help"]
    if argv[:1] and argv[0] != "gui" and argv[0] in (*COMMANDS, *_TOP_LEVEL):
        return argv
    files = argv[1:] if argv[:1] == ["gui"] else argv
    # --self-test may stand anywhere, even between the two files, as it always could; argparse
    # would take the file after it for an extra argument, so it goes first (sorted is stable).
    return ["gui", *sorted(files, key=lambda arg: arg != _SELF_TEST)]


def open_window(args: argparse.Namespace, _stdout: TextIO, stderr: TextIO) -> int:
    """Open the window on the files given (none: the sample pair); returns its exit code."""
    if len(args.files) > 2:  # most often a mistyped sub-command, taken for a file
        from cli.run import usage_error

        return usage_error(f"窗口至多载入两个文件，给出了 {len(args.files)} 个：{' '.join(args.files)}"
                           f"（子命令为 {'、'.join(COMMANDS[1:])}，见 main.py --help）", stderr)
    from gui.app import run

    return run(args.files, self_test=args.self_test)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the sub-command; returns the exit code (2: bad arguments)."""
    from core.collector import collector_paused

    with collector_paused():  # the command line's imports
        from cli.run import parse

        args = parse(build_parser(), with_command(list(sys.argv[1:] if argv is None else argv)), sys.stderr)
    if isinstance(args, int):
        return args
    handler: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.handler
    return handler(args, sys.stdout, sys.stderr)


def exit_now(code: int) -> NoReturn:
    """End a ``compare`` run with ``code`` at once, its standard streams flushed.

    Its outputs are written and closed and its helper processes waited for by then: all
    the interpreter's teardown would still do is free every object of the comparison one
    by one and unload every module, some 30 ms, a tenth of a ``compare --json`` run.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A frozen app's worker processes (the matrix compares documents in parallel) start
        # this executable again; freeze_support turns them into workers instead of new apps.
        import multiprocessing

        multiprocessing.freeze_support()
    exit_code = main()
    if with_command(sys.argv[1:])[:1] == ["compare"]:
        exit_now(exit_code)
    sys.exit(exit_code)
