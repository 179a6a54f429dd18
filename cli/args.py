"""The arguments every sub-command shares, and a parser whose errors are one line."""

from __future__ import annotations

import argparse
from typing import NoReturn

from core.options import MIN_SHARED_RANGE, RELATION_CHOICES, Options

# The default for --timeout: far beyond any real comparison (the largest documents within
# the loader's limits take well under a minute), short enough that a hostile input cannot
# keep a script waiting for ever. 0 turns the limit off.
DEFAULT_TIMEOUT = 600.0


class UsageError(Exception):
    """A wrong argument or an unusable output, found before any work: exit code 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised instead of printed."""

    def error(self, message: str) -> NoReturn:
        """Raise ``UsageError`` instead of printing usage and exiting."""
        raise UsageError(message)


def add_options(parser: argparse.ArgumentParser) -> None:
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


def options_of(args: argparse.Namespace) -> Options:
    """The comparison options given on the command line; raises ``UsageError`` when out of range."""
    if not Options.valid_min_shared(args.min_shared):
        low, high = MIN_SHARED_RANGE
        raise UsageError(f"--min-shared 应在 {low} 到 {high} 之间")
    if not 0 <= args.timeout < 10**7:  # also refuses nan
        raise UsageError("--timeout 应为不小于 0 的秒数（0 表示不限）")
    return Options(min_shared=args.min_shared, t2s=not args.no_t2s, keep_boilerplate=args.keep_boilerplate,
                   relation=args.relation)
