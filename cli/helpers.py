"""Helper processes: outputs of a run written by a forked process while this one works.

A run that writes a PDF report spends longer loading reportlab and the report fonts
(some 0.4 s) and writing the report than comparing the documents. Where a process can be
forked (POSIX systems other than macOS: never Windows), this process runs a single
thread and the machine has a CPU to spare, ``Helpers.start`` forks a helper for the
outputs of one file type before the comparison starts: the helper loads that type's
library while this process compares, receives the comparison (pickled, through a pipe)
and writes its outputs while this process writes the others. Outputs of one file type
share their library (python-docx writes both Word outputs), so they go to the same
process; only types whose format names something to load ahead (``ExportFormat.prepare``)
get a helper, the types written last (the PDF report, the slowest) first, one per spare
CPU. Everywhere else everything is written here, one output after another.

A helper leaves each output under its temporary name (``core.atomic.staged_outputs``) and
hands the names back; this process moves them into place with its own, all or nothing
(``core.atomic.adopt``). A helper's failure comes back as its exception and ends the run
as the same failure here would; a helper that ends without a word is an internal error.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from core import atomic
from core.export.registry import ExportFormat

# Windows has no fork; on macOS a forked process may not use the system libraries its
# parent loaded (Python's multiprocessing spawns its workers there).
_CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"

# A writer takes the result and the target path; ``WriteFile`` runs one (cli.outputs._write_file).
Writer = Callable[[Any, Path], None]
WriteFile = Callable[[Writer, Any, Path], None]


class _Helper:
    """One forked helper and the two pipes to it (a plain class: a dataclass costs most of a
    millisecond to create, on every start)."""

    def __init__(self, pid: int, names: tuple[str, ...], inbox: int, outbox: int) -> None:
        """The helper ``pid`` writing the outputs ``names`` (their --OPTION names)."""
        self.pid = pid
        self.names = names
        self.inbox: int | None = inbox  # write end of the pipe the result goes through, until handed on or closed
        self.outbox: int | None = outbox  # read end of the pipe its outcome comes back through, until read out
        self.sender: threading.Thread | None = None
        self.report: list[bytes] = []  # what came through ``outbox`` so far
        self.outcome: tuple[str, Any] | None = None  # what it reported, until taken over or removed
        self.done = False  # it has ended and been waited for


class Helpers:
    """The helper processes of one run; none where forking is not possible or does not pay."""

    def __init__(self, helpers: Sequence[_Helper] = ()) -> None:
        """Take charge of ``helpers``, already started."""
        self._helpers = list(helpers)

    @classmethod
    def start(cls, targets: Mapping[str, tuple[Path, Writer]], formats: Sequence[ExportFormat],
              write: WriteFile) -> Helpers:  # fmt: skip
        """Fork the helpers for the file outputs ``targets`` (by --OPTION name, in the order
        they are written), before the work: each loads its library at once, then waits for
        the result. ``write`` writes one output in a helper as it would be written here."""
        spare = _spare_cpus()
        single = threading.active_count() == 1 and threading.current_thread() is threading.main_thread()
        if not (_CAN_FORK and spare and single):
            return cls()
        by_name = {export.option: export for export in formats}
        groups: dict[str, list[str]] = {}
        for name in targets:
            export = by_name.get(name)
            if export is not None and export.prepare is not None:
                groups.setdefault(export.suffix, []).append(name)
        helpers: list[_Helper] = []
        for names in list(groups.values())[::-1][:spare]:
            try:
                helpers.append(_fork(tuple(names), targets, by_name, write, helpers))
            except OSError:  # no process to be had: the rest is written here
                break
        helpers.reverse()  # in the order the outputs are written, for ``collect``
        return cls(helpers)

    def writes(self, name: str) -> bool:
        """Whether a helper writes the output ``name``."""
        return any(name in helper.names for helper in self._helpers)

    def send(self, result: Any) -> None:
        """Hand the result to every helper. A pipe holds less than a comparison and a helper
        reads it only once its library is loaded, so a thread per helper feeds it, while
        this process goes on. A result that cannot be pickled keeps every output here."""
        if not self._helpers:
            return
        import pickle  # only where helpers run: not on every start

        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # whatever pickling raises, writing here still works
            self.close()
            self._helpers = []
            return
        for helper in self._helpers:
            helper.sender = threading.Thread(target=_send, args=(helper.inbox, data), daemon=True)
            helper.inbox = None  # the thread closes it
            helper.sender.start()

    def collect(self) -> None:
        """Within the run's ``all_or_nothing`` block: take over every helper's outputs, then
        raise the failure of the first helper that failed (which removes them all)."""
        outcomes = [self._finish(helper) for helper in self._helpers]
        for helper, (kind, value) in zip(self._helpers, outcomes, strict=True):
            if kind == "ok":
                atomic.adopt(value)
                helper.outcome = None  # moved into place with the others, or removed with them
        for kind, value in outcomes:
            if kind == "error":
                raise value

    def close(self) -> None:
        """End the helpers whose outputs were not taken over (the run failed or was stopped):
        interrupted, waited for, their finished outputs removed."""
        for helper in self._helpers:
            if helper.done and helper.outcome is None:
                continue
            if helper.inbox is not None:
                os.close(helper.inbox)  # a helper still waiting for the result sees its end
                helper.inbox = None
            if not helper.done:
                with contextlib.suppress(OSError):
                    os.kill(helper.pid, signal.SIGINT)
            kind, value = self._finish(helper)
            if kind == "ok":
                atomic.discard_staged(value)
            helper.outcome = None

    def _finish(self, helper: _Helper) -> tuple[str, Any]:
        """The helper's outcome, ("ok", its staged outputs) or ("error", an exception), once
        it has ended."""
        if not helper.done:
            # Resumable: a stop signal may end a first call half-way (then ``close`` calls again).
            if helper.outbox is not None:
                while chunk := os.read(helper.outbox, 1 << 20):
                    helper.report.append(chunk)
                os.close(helper.outbox)
                helper.outbox = None
            _, status = os.waitpid(helper.pid, 0)
            if helper.sender is not None:
                helper.sender.join()  # ends with the helper's end of the pipe, if not before
            helper.outcome = _outcome(b"".join(helper.report), status, helper.names)
            helper.done = True
        return helper.outcome or ("ok", [])


def _spare_cpus() -> int:
    """CPUs this process may use beyond its own."""
    try:
        count = len(os.sched_getaffinity(0))  # the CPUs a container or `taskset` allows
    except (AttributeError, OSError):
        count = os.cpu_count() or 1
    return count - 1


def _fork(names: tuple[str, ...], targets: Mapping[str, tuple[Path, Writer]], formats: Mapping[str, ExportFormat],
          write: WriteFile, started: Sequence[_Helper]) -> _Helper:  # fmt: skip
    """Start one helper writing the outputs ``names``."""
    inbox_read, inbox_write = os.pipe()
    outbox_read, outbox_write = os.pipe()
    # A stop signal is held back until each process has its handlers: one arriving just
    # after the fork would otherwise unwind the helper through this process's frames.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for fd in (inbox_read, inbox_write, outbox_read, outbox_write):
            os.close(fd)
        raise
    if pid == 0:
        try:
            # The other helpers' pipes stay open in this process otherwise: they would
            # never see the end of their input.
            for other_fd in (f for other in started for f in (other.inbox, other.outbox)):
                if other_fd is not None:
                    os.close(other_fd)
            os.close(inbox_write)
            os.close(outbox_read)
            _serve(names, targets, formats, write, inbox_read, outbox_write, held)
        finally:
            os._exit(1)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(inbox_read)
    os.close(outbox_write)
    return _Helper(pid, names, inbox_write, outbox_read)


_STOP_SIGNALS: set[int] = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _serve(names: tuple[str, ...], targets: Mapping[str, tuple[Path, Writer]], formats: Mapping[str, ExportFormat],
           write: WriteFile, inbox: int, outbox: int, held: set[int]) -> NoReturn:  # fmt: skip
    """The helper's whole life: load, wait for the result, write, report, exit.

    It never returns into the caller's frames, whose clean-up belongs to the parent.
    Being stopped (the parent ends it with SIGINT) removes what it wrote.
    """
    import pickle

    outcome: tuple[str, Any] | None = None
    try:
        for signum in _STOP_SIGNALS:
            signal.signal(signum, _interrupt)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for name in names:
            prepare = formats[name].prepare
            if prepare is not None:
                with contextlib.suppress(Exception):  # writing raises it again, and reports it
                    prepare()
        data = _receive(inbox)
        if data:  # else the run ended without a result: nothing to write
            result = pickle.loads(data)
            with atomic.staged_outputs() as staged:
                for name in names:
                    target, writer = targets[name]
                    write(writer, result, target)
            outcome = ("ok", staged)
    except BaseException as exc:  # every failure goes back to the parent
        outcome = ("error", _portable(exc))
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # reported outputs belong to the parent now
        if outcome is not None:
            _send(outbox, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` as it can travel to the parent, with the helper's traceback as a note."""
    import pickle
    import traceback

    with contextlib.suppress(Exception):
        exc.add_note("（在写出导出文件的辅助进程中）\n" + "".join(traceback.format_exception(exc)).rstrip())
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # an exception pickle cannot carry: its text can
        return RuntimeError("".join(traceback.format_exception(exc)))
    return exc


def _outcome(data: bytes, status: int, names: tuple[str, ...]) -> tuple[str, Any]:
    """What a helper reported, or, if it ended without a word, an internal error."""
    if data:
        import pickle

        try:
            kind, value = pickle.loads(data)
        except Exception as exc:  # a garbled report is the helper's failure
            return "error", RuntimeError(f"导出进程的结果无法读取：{exc!r}")
        return kind, value
    if os.WIFSIGNALED(status):
        try:
            how = f"信号 {signal.Signals(os.WTERMSIG(status)).name}"
        except ValueError:
            how = f"信号 {os.WTERMSIG(status)}"
    else:
        how = f"退出码 {os.waitstatus_to_exitcode(status)}"
    options = "、".join(f"--{name}" for name in names)
    return "error", RuntimeError(f"写出 {options} 的辅助进程意外结束（{how}）")


def _send(fd: int, data: bytes) -> None:
    """Write ``data`` into the pipe ``fd`` and close it; a reader that is gone is no error."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def _receive(fd: int) -> bytes:
    """Everything written into the pipe ``fd`` until its writer closes it; the pipe is closed."""
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)
