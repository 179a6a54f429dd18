"""Garbage is collected in the GUI thread, never in a worker (Qt objects must die there)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from gui.gc_guard import collect_in_gui_thread


class _Cycle:
    """A reference cycle holding a Qt object, as a closed window's closures make one."""

    def __init__(self) -> None:
        self.me = self
        self.qt = QObject()


def test_collection_happens_in_the_gui_thread(qapp, qtbot) -> None:
    collector = collect_in_gui_thread(qapp)
    assert not gc.isenabled()
    threads: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        def worker() -> None:
            for _ in range(20_000):  # far past the first generation's threshold
                _Cycle()

        thread = threading.Thread(target=worker, name="worker")
        thread.start()
        thread.join()
        assert "worker" not in threads  # nothing collected while the worker allocated
        qtbot.waitUntil(lambda: bool(threads), timeout=3000)
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
    assert collector is collect_in_gui_thread(qapp)  # installed once
