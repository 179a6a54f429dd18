"""The two files being compared, the recently opened ones and the dialogs that choose them.

The controller holds the path of each side (``None`` until chosen) and the recent-file
list kept in the settings. It never compares: a file chosen by the user is reported
through ``fileChosen`` and the window decides what follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from core.resources import samples_dir
from gui.i18n import tr
from gui.options_store import read_str, read_str_list

SAMPLE_LEFT = "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = "luzhou_2020_decision.txt"
MAX_RECENT = 10
OPEN_FILTER = "政策文件 (*.txt *.md *.docx *.pdf);;所有文件 (*)"
KEY_RECENT_FILES = "recent/files"
KEY_RECENT_DIR = "recent/dir"


def sample_pair() -> tuple[str, str]:
    """Paths of the bundled sample pair (provincial decision, Luzhou decision)."""
    folder = samples_dir()
    return str(folder / SAMPLE_LEFT), str(folder / SAMPLE_RIGHT)


def push_recent(recent: Sequence[str], path: str, limit: int = MAX_RECENT) -> list[str]:
    """``recent`` with ``path`` moved (or added) to the front, at most ``limit`` long."""
    return [path, *(p for p in recent if p != path)][:limit]


class FilesController(QObject):
    """The path of each side and the recent files.

    ``pathsChanged()`` follows every change of a side's path; ``fileChosen(side, path)``
    reports a file the user picked in a dialog or the recent-files menu.
    """

    pathsChanged = Signal()
    fileChosen = Signal(int, str)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.paths: list[str | None] = [None, None]

    def set_path(self, side: int, path: str) -> None:
        """Put a file on one side and remember it among the recent files."""
        self.paths[side] = path
        self.remember(path)
        self.pathsChanged.emit()

    def set_paths(self, paths: Sequence[str | None]) -> None:
        """Name the files of a result (not remembered: they were opened before)."""
        self.paths = list(paths)
        self.pathsChanged.emit()

    def swap(self) -> None:
        """Exchange the left and right files."""
        self.paths.reverse()
        self.pathsChanged.emit()

    def remember(self, path: str) -> None:
        """Put ``path`` first in the recent files and its folder as the next dialog's start."""
        self.settings.setValue(KEY_RECENT_FILES, push_recent(self.recent_files(), path))
        self.settings.setValue(KEY_RECENT_DIR, str(Path(path).parent))

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return read_str_list(self.settings, KEY_RECENT_FILES)

    def start_dir(self, side: int = 0) -> str:
        """Where an open dialog starts: the side's file, else the folder last opened from."""
        return self.paths[side] or read_str(self.settings, KEY_RECENT_DIR, str(Path.home()))

    def ask_open(self, side: int, parent: QWidget | None) -> None:
        """Ask for a file for one side; a choice is reported through ``fileChosen``."""
        caption = tr("打开左侧文件") if side == 0 else tr("打开右侧文件")
        path, _ = QFileDialog.getOpenFileName(parent, caption, self.start_dir(side), tr(OPEN_FILTER))
        if path:
            self.fileChosen.emit(side, path)

    def ask_matrix(self, parent: QWidget | None) -> tuple[str, list[str]] | None:
        """Ask for a base file and the files to set against it; None when either was cancelled."""
        caption = tr("一对多对照：选择基准文件")
        base, _ = QFileDialog.getOpenFileName(parent, caption, self.start_dir(0), tr(OPEN_FILTER))
        if not base:
            return None
        others, _ = QFileDialog.getOpenFileNames(
            parent, tr("一对多对照：选择要对照的文件（可多选）"), str(Path(base).parent), tr(OPEN_FILTER)
        )
        return (base, others) if others else None

    def fill_recent(self, menu: QMenu, side: int) -> None:
        """Fill a recent-files menu; choosing an entry reports it for ``side``."""
        menu.clear()
        files = self.recent_files()
        if not files:
            empty = menu.addAction(tr("（无）"))
            empty.setEnabled(False)
            return
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path, s=side: self.fileChosen.emit(s, p))
