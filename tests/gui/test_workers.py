"""The worker pattern: newest request wins, stale results dropped, cancel stops a job."""

from __future__ import annotations

import threading
import time

from core.errors import Cancelled
from gui.workers import Worker


def test_result_and_progress_arrive_on_gui_thread(qtbot):
    worker = Worker()
    seen = []
    worker.progress.connect(lambda f, s: seen.append((f, s, threading.current_thread())))

    def job(progress, cancel):
        progress(0.5, "分析")
        return 42

    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.submit(job)
    assert blocker.args == [42]
    assert not worker.busy
    assert all(t is threading.main_thread() for *_, t in seen)


def test_stale_result_does_not_overwrite_newer(qtbot):
    worker = Worker()
    results = []
    worker.finished.connect(results.append)
    release_old = threading.Event()

    def old_job(progress, cancel):
        release_old.wait(5)
        return "old"  # ignores cancel on purpose: a slow stage that finishes late

    worker.submit(old_job)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.submit(lambda progress, cancel: "new")
    release_old.set()
    worker.wait_for_done(5000)
    qtbot.wait(50)  # give a stale queued signal the chance to arrive
    assert results == ["new"]


def test_cancel_stops_running_job(qtbot):
    worker = Worker()
    started = threading.Event()
    stopped = threading.Event()
    outcomes = []
    worker.finished.connect(outcomes.append)
    worker.failed.connect(outcomes.append)

    def job(progress, cancel):
        started.set()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if cancel():
                stopped.set()
                raise Cancelled()
            time.sleep(0.005)
        return "finished"

    with qtbot.waitSignal(worker.busy_changed, timeout=1000):
        worker.submit(job)
    assert started.wait(2)
    with qtbot.waitSignal(worker.busy_changed, timeout=1000) as blocker:
        worker.cancel()
    assert blocker.args == [False]
    assert stopped.wait(2)
    worker.wait_for_done(2000)
    qtbot.wait(50)
    assert outcomes == []  # neither the cancellation nor a result reaches the window


def test_errors_are_reported_not_raised(qtbot):
    worker = Worker()

    def job(progress, cancel):
        raise ValueError("坏文件")

    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.submit(job)
    assert isinstance(blocker.args[0], ValueError)
