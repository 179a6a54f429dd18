"""The part every sub-command shares: parse, check the outputs, work, write, and turn every
failure into its exit code (listed in the package's docstring). ``main.py`` parses with the
same ``parse``, its one parser holding every sub-command's."""

from __future__ import annotations

import argparse
import contextlib
import signal
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from cli.args import UsageError, options_of
from cli.helpers import Helpers
from cli.outputs import STDOUT, Binder, check_targets, copy_to_stdout, start_helpers, unbound, write_outputs
from cli.stop import Stopped, stoppable
from core.errors import Cancelled, InputError, is_disk_full, os_reason, printable
from core.export.registry import ExportFormat
from core.options import Options
from core.progress import Cancel

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


def say(stream: TextIO, text: str) -> None:
    """Print ``text`` on ``stream`` whatever its encoding and whatever bytes a file name holds."""
    with contextlib.suppress(OSError, ValueError):
        print(printable(text), file=stream)


class ProgressBar:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.last = ""

    def __call__(self, fraction: float, stage: str) -> None:
        """Show ``fraction`` done and the stage's name (a progress callback of the engine)."""
        if not self.enabled:
            return
        filled = int(fraction * 30)
        line = f"\r[{'#' * filled}{' ' * (30 - filled)}] {int(fraction * 100):3d}% {stage}"
        if line != self.last:
            self.stream.write(line + "\x1b[K")
            self.stream.flush()
            self.last = line

    def done(self) -> None:
        """Clear the bar's line, so the summary or an error starts on a clean line."""
        if self.enabled and self.last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def parse(parser: argparse.ArgumentParser, argv: Sequence[str], stderr: TextIO) -> argparse.Namespace | int:
    """The arguments ``parser`` reads in ``argv``, or the exit code when reading them ends the
    run: 2 after a one-line message for a wrong argument, 0 after ``--help`` or ``--version``."""
    try:
        return parser.parse_args(list(argv))
    except UsageError as exc:
        return usage_error(str(exc), stderr)
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)


def usage_error(reason: str, stderr: TextIO) -> int:
    """Say what is wrong with the arguments, on one line; the exit code for it."""
    say(stderr, f"duizhao: 参数错误：{reason}")
    return EXIT_USAGE


def run(
    args: argparse.Namespace,
    formats: Sequence[ExportFormat],
    inputs: Callable[[argparse.Namespace], Sequence[str]],
    work: Callable[[argparse.Namespace, Options, ProgressBar, Cancel], Any],
    summary: Callable[[Any, float], str],
    stdout: TextIO,
    stderr: TextIO,
    warnings: Callable[[Any], Sequence[str]] = lambda _result: (),
    bind: Binder = unbound,
    begin: Callable[[Options, Helpers], None] | None = None,
) -> int:
    """Check the parsed ``args`` and the outputs, run ``work`` with a progress bar, write the
    outputs, and turn every failure into its exit code: the part all sub-commands share.
    ``warnings`` are lines about the result for stderr, printed even with ``--quiet``;
    ``bind`` gives each output's writer its choices (see ``outputs.check_targets``);
    ``begin``, if given, starts what is done ahead of ``work`` (in a thread: see
    ``cli.compare.load_ahead``), once the outputs' helpers are forked, which needs this process
    to run a single thread; it is told which outputs the helpers write."""
    try:
        options = options_of(args)
        targets = check_targets(args, formats, inputs(args), bind)
    except UsageError as exc:
        return usage_error(str(exc), stderr)

    bar = ProgressBar(stderr, not args.quiet)
    started = time.perf_counter()
    helpers = Helpers()
    try:
        helpers = start_helpers(targets, formats)  # before any thread: they are forked
        if begin is not None:
            begin(options, helpers)
        with stoppable(args.timeout) as cancel:
            try:
                result = work(args, options, bar, cancel)
            finally:
                bar.done()
            printed = write_outputs(targets, result, helpers)
            if printed is not None:
                copy_to_stdout(printed, stdout)
    except Stopped as stop:
        return stopped(stop, args.timeout, stderr)
    except InputError as exc:
        say(stderr, f"duizhao: {exc}")
        return EXIT_USAGE
    except Cancelled:  # the deadline seen by work polled off the main thread
        return stopped(Stopped(0, True), args.timeout, stderr)
    except KeyboardInterrupt:
        say(stderr, "duizhao: 已取消")
        return 128 + signal.SIGINT
    except MemoryError:
        say(stderr, "duizhao: 内存不足：输入文件过大或过于复杂")
        return EXIT_USAGE
    except OSError as exc:
        say(stderr, f"duizhao: {os_message(exc)}")
        return EXIT_USAGE
    except Exception:
        say(stderr, "duizhao: 内部错误，请将以下信息反馈给开发者：")
        import traceback  # only on an internal error: not imported on every start

        traceback.print_exc(file=stderr)
        return EXIT_INTERNAL
    finally:
        helpers.close()  # a run that failed or stopped: its helpers' outputs go too
    for line in warnings(result):
        say(stderr, line)
    if not args.quiet and not any(str(target) == STDOUT for target, _ in targets.values()):
        say(stdout, summary(result, time.perf_counter() - started))
        for name, (target, _) in targets.items():
            say(stdout, f"  {name}: {target}")
    return EXIT_OK


def stopped(stop: Stopped, seconds: float, stderr: TextIO) -> int:
    """The message and exit code for a run ended by the timer or a signal."""
    if stop.timed_out:
        say(stderr, f"duizhao: 比较超过 {seconds:g} 秒（--timeout）仍未完成，已停止；未写出任何文件")
        return EXIT_USAGE
    try:
        name = signal.Signals(stop.signum).name
    except ValueError:
        name = str(stop.signum)
    say(stderr, f"duizhao: 收到信号 {name}，已停止；未写出任何文件")
    return 128 + stop.signum


def os_message(exc: OSError) -> str:
    """One line for a file-system error no layer below turned into an ``InputError``."""
    where = exc.filename if exc.filename is not None else ""
    cause = "磁盘空间不足" if is_disk_full(exc) else os_reason(exc)
    return f"无法读写 {printable(str(where))}：{cause}" if where else f"文件读写失败：{cause}"
