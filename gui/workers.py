"""The one worker pattern of the window: long work off the GUI thread.

A :class:`Worker` is a lane of background jobs in which the newest request wins.
Each request gets a token; submitting a new one cancels the running job (its
``cancel()`` callback starts returning True) and any result or error still arriving
with an older token is dropped, so a stale comparison never overwrites a newer one.
Jobs run as ``QRunnable`` on the lane's own thread pool and report through a small
signal channel that lives on the GUI thread (queued connections).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.progress import Cancel, Progress

Job = Callable[[Progress, Cancel], Any]  # the engine's progress protocol, reported through signals


class _Channel(QObject):
    """Carries a job's reports from its thread to the GUI thread."""

    progress = Signal(int, float, str)
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    """Runs one job and reports its outcome tagged with the job's token."""

    def __init__(self, token: int, job: Job, channel: _Channel, stop: threading.Event) -> None:
        super().__init__()
        self._token = token
        self._job = job
        self._channel = channel
        self._stop = stop

    def run(self) -> None:
        """Execute the job; never lets an exception escape into Qt."""

        def progress(fraction: float, stage: str) -> None:
            if not self._stop.is_set():
                self._channel.progress.emit(self._token, float(fraction), str(stage))

        try:
            result = self._job(progress, self._stop.is_set)
        except BaseException as exc:  # reported to the GUI thread, which shows it
            self._channel.failed.emit(self._token, exc)
        else:
            self._channel.finished.emit(self._token, result)


class Worker(QObject):
    """A lane of background work where the newest request wins.

    Signals carry only the current request's reports: ``progress(fraction, stage)``,
    ``finished(result)``, ``failed(exception)``; ``busy_changed(bool)`` tells when the
    lane starts or stops working for the user.
    """

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # A cancelled job may still be winding down while its successor starts.
        self._pool.setMaxThreadCount(2)
        self._channel = _Channel(self)
        self._channel.progress.connect(self._on_progress)
        self._channel.finished.connect(self._on_finished)
        self._channel.failed.connect(self._on_failed)
        self._token = 0
        self._stop: threading.Event | None = None  # set while the current request runs

    @property
    def busy(self) -> bool:
        """True while a current request is queued or running."""
        return self._stop is not None

    def submit(self, job: Job) -> None:
        """Run ``job(progress, cancel)`` in the background, superseding any earlier request."""
        self._abandon()
        self._token += 1
        self._stop = threading.Event()
        self.busy_changed.emit(True)
        self._pool.start(_Task(self._token, job, self._channel, self._stop))

    def cancel(self) -> None:
        """Stop the current request; its late result or error is ignored."""
        if not self.busy:
            return
        self._abandon()
        self._token += 1
        self.busy_changed.emit(False)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the lane's threads are idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _abandon(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def _current(self, token: int) -> bool:
        return token == self._token and self._stop is not None

    def _on_progress(self, token: int, fraction: float, stage: str) -> None:
        if self._current(token):
            self.progress.emit(fraction, stage)

    def _on_finished(self, token: int, result: object) -> None:
        if self._current(token):
            self._stop = None
            self.busy_changed.emit(False)
            self.finished.emit(result)

    def _on_failed(self, token: int, error: object) -> None:
        if self._current(token):
            self._stop = None
            self.busy_changed.emit(False)
            self.failed.emit(error)
