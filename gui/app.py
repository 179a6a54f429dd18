"""Start the desktop application: ``run(paths)`` is what ``main.py`` calls.

Start-up does only what the first paint needs (Qt, the bundled font, the translator,
the window); the engine is imported by the worker thread while the window is already
on screen. ``run(..., self_test=True)`` or ``DUIZHAO_SELF_TEST=1`` compares the
sample pair, checks that both panes are filled and exits 0 (1 on failure): the smoke
test of the frozen app.
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
    print(f"self-test: {outcome.message}", file=sys.stderr if outcome.code else sys.stdout)
    return outcome.code
