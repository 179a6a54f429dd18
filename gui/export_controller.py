"""Exports of the result on screen: where to write, with which choices, off the GUI thread.

An export names the files it compares, so only the result of the files named in the
headers may be exported (``exportable`` says which result that is, if any). The target
is checked before any work: an input file, a device, a missing folder or a name too
long is refused at once rather than after a minute of rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from core.atomic import check_writable
from core.errors import InputError
from core.export.registry import ExportFormat
from core.progress import Cancel, Progress
from core.result import Comparison
from gui.exports import ask_export_choices, default_name, export_error_message
from gui.i18n import tr
from gui.options_store import read_str
from gui.workers import Worker

KEY_EXPORT_DIR = "export/dir"


class ExportController(QObject):
    """Runs one export at a time on its own worker lane.

    Signals: ``status(text)`` for the status bar, ``finished(path)`` once written,
    ``failed(message)`` when refused or failed, ``busyChanged(bool)``.
    """

    status = Signal(str)
    finished = Signal(str)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, settings: QSettings, exportable: Callable[[], Comparison | None],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.settings = settings
        self._exportable = exportable
        self.worker = Worker(self)
        self.worker.finished.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.busy_changed.connect(self.busyChanged)

    @property
    def busy(self) -> bool:
        """True while an export is being written."""
        return self.worker.busy

    def export(self, exporter: ExportFormat, path: str | None = None, dialog_parent: QWidget | None = None) -> None:
        """Write an export of the exportable result (asks for the file unless ``path`` is given)."""
        comparison = self._exportable()
        if comparison is None:
            return
        if path is None:
            asked = self._ask(exporter, comparison, dialog_parent)
            if asked is None:
                return
            path, choices = asked
        else:
            choices = {}  # a path given by a script or test: the exporter's defaults
        target = Path(path)
        try:  # refuse an input, a device, a missing folder or a name too long at once, before any work
            check_writable(target, comparison.input_paths)
        except InputError as exc:
            self._on_failed(exc)
            return

        def job(progress: Progress, cancel: Cancel) -> str:
            progress(0.0, tr("正在导出"))
            exporter.write(comparison, target, progress, **choices)
            return str(target)

        self.status.emit(tr("正在导出到 %1 …").replace("%1", target.name))
        self.worker.submit(job)

    def _ask(self, exporter: ExportFormat, comparison: Comparison,
             parent: QWidget | None) -> tuple[str, dict[str, object]] | None:  # fmt: skip
        """The file and the choices of an export, asked of the user; None when cancelled."""
        folder = Path(read_str(self.settings, KEY_EXPORT_DIR, str(Path.home())))
        start = str(folder / default_name(comparison, exporter))
        path, _ = QFileDialog.getSaveFileName(parent, tr(exporter.label).rstrip("…"), start, tr(exporter.file_filter))
        if not path:
            return None
        if not path.lower().endswith(exporter.suffix):
            path += exporter.suffix
        self.settings.setValue(KEY_EXPORT_DIR, str(Path(path).parent))
        choices = ask_export_choices(parent, exporter, comparison, self.settings)
        return None if choices is None else (path, choices)

    def _on_done(self, path: object) -> None:
        self.status.emit(tr("已导出：%1").replace("%1", str(path)))
        self.finished.emit(str(path))

    def _on_failed(self, error: object) -> None:
        message = export_error_message(error)
        self.status.emit(tr("导出失败。"))
        self.failed.emit(message)
