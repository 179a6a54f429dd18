"""Stopping a run: SIGINT, SIGTERM, SIGHUP and the ``--timeout`` deadline.

A stop removes the temporary output files first, then ends the work in the main thread,
so no half-written output is left whatever the moment.
"""

from __future__ import annotations

import _thread
import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

from core.atomic import remove_temporaries
from core.progress import Cancel

# Signals that stop a run; their handler removes the temporary files first.
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(BaseException):
    """Raised in the main thread by a stop signal or by the ``--timeout`` timer."""

    def __init__(self, signum: int, timed_out: bool) -> None:
        super().__init__(signum)
        self.signum = signum
        self.timed_out = timed_out


@contextlib.contextmanager
def stoppable(seconds: float) -> Iterator[Cancel]:
    """Within the block, SIGINT/SIGTERM/SIGHUP and the end of ``seconds`` (0: never) raise
    ``Stopped`` in the main thread after removing the temporary output files. Yields a
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
        raise Stopped(signum, timed_out.is_set())

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
