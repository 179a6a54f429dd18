"""Screenshots of the main window on the sample pair, for the README and the user guide.

Run under a real display (``make screenshots`` uses Xvfb with Qt's xcb platform):
``python -m gui.screenshots [OUTDIR]``. Each shot is the whole window at 1600×1000; the
last one is the provision matrix window (the province against Luzhou and Longmatan).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.kinds import FindingKind
from core.resources import docs_dir, samples_dir
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


def _show_finding(window: MainWindow) -> None:
    """Open the findings tab and select its first finding about a value, else its first one."""
    assert window.comparison is not None
    findings = window.comparison.findings
    if not findings:
        return
    window.side_tabs.setCurrentWidget(window.findings)
    window.resizeDocks([window.info_dock], [520], Qt.Orientation.Horizontal)
    chosen = next((f for f in findings if f.kind is not FindingKind.COVERAGE), findings[0])
    window.navigation.select_finding(chosen)
    panel = window.findings
    for row in range(panel.proxy.rowCount()):
        if panel.visible_findings()[row] == chosen:
            panel.table.selectRow(row)
            break


def _wait_matrix(window: MainWindow) -> None:
    """Build the matrix of the province against two implementing documents and wait for its window."""
    folder = samples_dir()
    loop = QEventLoop()
    window.matrixShown.connect(lambda _m: loop.quit())
    window.compareFailed.connect(lambda _m: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    window.compare.start_matrix(
        str(folder / "sichuan_2020_decision_traditional.txt"),
        [str(folder / "luzhou_2020_decision.txt"), str(folder / "longmatan_2022_action_plan.txt")],
    )
    loop.exec()
    if window.matrix_window is None:
        raise SystemExit(f"matrix failed: {window.last_error}")
    window.matrix_window.resize(*SIZE)


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

    def find() -> None:
        window.find_bar.open_bar()
        window.find_bar.field.setText("川南渝西")
        window.finder.step(1)

    def findings() -> None:
        window.find_bar.close_bar()
        _show_finding(window)

    shots: list[tuple[str, Callable[[], None]]] = [
        ("main_window.png", lambda: window.navigation.select_section("R", _section(window, "R", "十四"))),
        ("change_navigation.png", lambda: window.navigation.go_to_change(2)),
        ("find.png", find),
        ("statistics.png", lambda: window.side_tabs.setCurrentWidget(window.stats)),
        ("findings.png", findings),
    ]
    saved = []
    for name, prepare in shots:
        prepare()
        _settle(app)
        path = out_dir / name
        window.grab().save(str(path))
        saved.append(path)
    _wait_matrix(window)
    _settle(app, 300)
    path = out_dir / "matrix.png"
    assert window.matrix_window is not None
    window.matrix_window.grab().save(str(path))
    saved.append(path)
    window.close()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else docs_dir() / "images"
    for shot in take(target):
        print(shot)
