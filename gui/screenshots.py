"""Screenshots of the main window on the sample pair, for the README and the user guide.

Run under a real display (``make screenshots`` uses Xvfb with Qt's xcb platform):
``python -m gui.screenshots [OUTDIR]``. Each shot is the whole window at 1600×1000.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.resources import docs_dir
from gui.app import create_application
from gui.main_window import MainWindow, sample_pair

SIZE = (1600, 1000)


def _settle(app: QApplication, msecs: int = 150) -> None:
    """Let pending paints and layouts run."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()
    app.processEvents()


def _section(window: MainWindow, side: str, number: str) -> str:
    """Id of the first section of a side whose number contains ``number``."""
    assert window.comparison is not None
    doc = window.comparison.left if side == "L" else window.comparison.right
    return next(s.id for s in doc.sections if number in s.number)


def take(out_dir: Path) -> list[Path]:
    """Save the screenshots into ``out_dir``; returns their paths."""
    app = create_application()
    settings_file = Path(tempfile.mkdtemp()) / "screenshots.ini"
    window = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.quiet = True
    window.resize(*SIZE)
    window.show()
    loop = QEventLoop()
    window.resultShown.connect(lambda _c: loop.quit())
    window.compareFailed.connect(lambda _m: loop.quit())
    QTimer.singleShot(60_000, loop.quit)
    window.open_pair(*sample_pair())
    loop.exec()
    if window.comparison is None:
        raise SystemExit(f"comparison failed: {window.last_error}")
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, Callable[[], None]]] = [
        ("main_window.png", lambda: window.select_section("R", _section(window, "R", "十四"))),
        ("change_navigation.png", lambda: window.go_to_change(2)),
        (
            "find.png",
            lambda: (window.find_bar.open_bar(), window.find_bar.field.setText("川南渝西"), window.step_find(1)),
        ),
        ("statistics.png", lambda: window.side_tabs.setCurrentIndex(1)),
    ]
    saved = []
    for name, prepare in shots:
        prepare()
        _settle(app)
        path = out_dir / name
        window.grab().save(str(path))
        saved.append(path)
    window.close()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else docs_dir() / "images"
    for shot in take(target):
        print(shot)
