"""Start the desktop application: ``run(paths)`` is what ``main.py`` calls.

Start-up does only what the first paint needs (Qt, the bundled font, the translator,
the window); the engine is imported by the worker thread while the window is already
on screen. ``run(..., self_test=True)`` or ``DUIZHAO_SELF_TEST=1`` compares the
sample pair, checks that both panes are filled and exits 0 (1 on failure): the smoke
test of the frozen app. With ``DUIZHAO_TIMINGS=1`` as well, the self-test also prints one
line of JSON on stdout: seconds from the start of the process to the first paint and to
the result painted on screen (``benchmarks/bench_window.py`` reads it).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from core.resources import resource_path, version
from gui.gc_guard import collect_in_gui_thread
from gui.i18n import install_translator, preferred_language

if TYPE_CHECKING:  # imported when run, after the application exists
    from gui.main_window import MainWindow

SELF_TEST_ENV = "DUIZHAO_SELF_TEST"
SELF_TEST_TIMEOUT_MS = 60_000
TIMINGS_ENV = "DUIZHAO_TIMINGS"


def register_fonts() -> list[str]:
    """Register the bundled CJK font; returns the families it provides (empty if missing)."""
    path = resource_path("fonts", "wqy-microhei.ttc")
    if not path.exists():
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with names, icon, bundled font and translator set up (reused if it exists)."""
    QCoreApplication.setOrganizationName("Duizhao")
    QCoreApplication.setApplicationName("Duizhao")
    QCoreApplication.setApplicationVersion(version())
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("icons", "duizhao.png"))))
    families = register_fonts()
    if families:
        # The bundled font is the fallback of the interface font, so menus render Chinese too.
        font = app.font()
        font.setFamilies([font.family(), *families])
        app.setFont(font)
    collect_in_gui_thread(app)  # the engine runs in worker threads: no Qt object may die there
    translator = install_translator(app, preferred_language(QSettings()))
    if translator is not None:
        app.setProperty("duizhao_translator", translator)
    return app


class _FirstPaint(QObject):
    """Records when the window first paints (start-up time of the self-test)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the first paint event."""
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False


def _process_start() -> float | None:
    """When this process started, on the clock of ``time.perf_counter``; None where unknown.

    The interpreter starts and imports PySide6 before this module runs, so only the
    operating system knows when the launch began. Linux keeps it in /proc/self/stat (field 22), in
    clock ticks since boot: one tick (10 ms) of resolution. perf_counter is the
    monotonic clock there, which differs from the boot clock by a constant.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()  # the name in (...) may hold spaces
        ticks_per_second = os.sysconf("SC_CLK_TCK")
        since_start = time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / ticks_per_second
    except (OSError, ValueError, IndexError):
        return None
    return time.perf_counter() - since_start


def run(paths: Sequence[str] = (), self_test: bool = False) -> int:
    """Open the window on 0, 1 or 2 files (none: the sample pair) and run until it closes."""
    from gui.main_window import MainWindow, sample_pair

    started = time.perf_counter()
    self_test = self_test or os.environ.get(SELF_TEST_ENV, "") not in ("", "0")
    app = create_application()
    window = MainWindow()
    paint = _FirstPaint()
    window.installEventFilter(paint)
    window.show()
    paths = list(paths)[:2]
    left: str | None
    right: str | None
    if self_test or not paths:
        left, right = sample_pair()
    else:
        left, right = paths[0], paths[1] if len(paths) > 1 else None
    # Compare once the event loop runs, so the window paints before the engine is imported.
    QTimer.singleShot(0, lambda: window.open_pair(left, right))
    if not self_test:
        return app.exec()
    return _self_test(app, window, paint, started)


@dataclass
class _Outcome:
    """What the self-test found: the exit code and the line it prints."""

    code: int = 1
    message: str = "timed out"
    timings: str = ""  # the JSON line of DUIZHAO_TIMINGS, once the result is on screen


def _self_test(app: QApplication, window: MainWindow, paint: _FirstPaint, started: float) -> int:
    window.quiet = True
    outcome = _Outcome()

    def done(comparison: object) -> None:
        filled = bool(window.left_pane.toPlainText()) and bool(window.right_pane.toPlainText())
        rows = window.pair_list.model.rowCount()
        if filled and rows > 0:
            shown = f"{paint.at - started:.2f}s" if paint.at is not None else "n/a"
            total = time.perf_counter() - started
            outcome.code = 0
            outcome.message = f"ok: painted after {shown}, result after {total:.2f}s, {rows} rows"
            if os.environ.get(TIMINGS_ENV, "") not in ("", "0"):
                outcome.timings = _timings(window, paint, started)
        else:
            outcome.message = "panes or pair list empty"
        app.quit()

    def failed(message: str) -> None:
        outcome.message = f"comparison failed: {message}"
        app.quit()

    window.resultShown.connect(done)
    window.compareFailed.connect(failed)
    QTimer.singleShot(SELF_TEST_TIMEOUT_MS, app.quit)
    app.exec()
    window.close()
    if outcome.timings:
        print(outcome.timings)
    print(f"self-test: {outcome.message}", file=sys.stderr if outcome.code else sys.stdout)
    return outcome.code


def _timings(window: MainWindow, paint: _FirstPaint, started: float) -> str:
    """The JSON line of DUIZHAO_TIMINGS: seconds to the first paint and to the result on screen.

    The panes hold the result when ``resultShown`` fires; it is on screen once painted,
    so the window is painted now rather than at the next turn of the event loop. The
    times count from the process start where the OS gives it, else from ``run()``
    ("origin"); "clock" gives the raw ``perf_counter`` readings, which on Linux another
    process can compare with its own (the benchmark checks them against its spawn time).
    """
    import json  # here, not at the top: every launch would pay for it

    window.repaint()
    on_screen = time.perf_counter()
    process_start = _process_start()
    origin = started if process_start is None else process_start
    return json.dumps({
        "origin": "run()" if process_start is None else "process start",
        "first_paint": None if paint.at is None else round(paint.at - origin, 4),
        "result_on_screen": round(on_screen - origin, 4),
        "clock": {"process_start": process_start, "run": started, "first_paint": paint.at,
                  "result_on_screen": on_screen},
    })
