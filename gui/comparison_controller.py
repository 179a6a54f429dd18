"""The comparison lifecycle: start, progress, cancel, result, failure and corrections.

Comparisons and one-against-many matrices share one :class:`gui.workers.Worker` lane,
where the newest request wins and a late result of a superseded or cancelled request
never arrives. The controller keeps the result on screen (its :class:`ResultIndex`
and the content key its corrections are kept under); after a failure or a cancel it
names again the files of that result, since the views still show it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from core.errors import Cancelled, InputError
from core.options import Options
from core.progress import Cancel, Progress
from core.result import Comparison
from gui.correction_menu import CorrectionChoice, correction_menu, store_choice
from gui.corrections import Compared, CorrectionStore, compare_job
from gui.files_controller import FilesController
from gui.i18n import tr
from gui.result_index import ResultIndex
from gui.workers import Job, Worker

if TYPE_CHECKING:
    from core.matrix_model import Matrix


def run_matrix(base: str, others: Sequence[str], options: Options) -> Job:
    """A worker job comparing one base file against several others (the provision matrix)."""

    def job(progress: Progress, cancel: Cancel) -> Matrix:
        from core.matrix import compare_many

        return compare_many(base, list(others), options, progress=progress, cancel=cancel)

    return job


def compare_error_message(error: object) -> str | None:
    """The message for a failed comparison; None when it was cancelled (nothing to tell)."""
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, InputError):
        return str(error)
    if isinstance(error, OSError):
        return tr("无法读取文件：%1").replace("%1", str(error))
    if isinstance(error, BaseException):  # an internal error: the traceback is for the developer
        traceback.print_exception(error)
    return tr("比较时发生内部错误：%1").replace("%1", f"{type(error).__name__}: {error}")


class ComparisonController(QObject):
    """Runs comparisons in the background and owns the result on screen.

    Signals: ``started(status)`` when a request is submitted, ``progress(fraction, stage)``,
    ``busyChanged(bool)``, ``status(text)`` for the status bar, ``compared(Comparison, key)``
    and ``matrixReady(Matrix)`` for a current result, ``failed(message)``, and
    ``restored(Comparison)`` once the files of the result on screen are named again.
    """

    started = Signal(str)
    progress = Signal(float, str)
    busyChanged = Signal(bool)
    status = Signal(str)
    compared = Signal(object, str)
    matrixReady = Signal(object)
    failed = Signal(str)
    restored = Signal(object)

    def __init__(self, files: FilesController, options: Callable[[], Options], corrections: CorrectionStore,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.files = files
        self._options = options
        self.corrections = corrections
        self.index: ResultIndex | None = None
        self.result_key = ""  # content key of the files of the result on screen ("" when unknown)
        self._reselect: str | None = None  # right item to select again once a correction is compared
        self.worker = Worker(self)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._on_result)
        self.worker.failed.connect(self._on_failed)
        self.worker.busy_changed.connect(self.busyChanged)

    @property
    def comparison(self) -> Comparison | None:
        """The result on screen, or None before the first one."""
        return self.index.comparison if self.index is not None else None

    @property
    def busy(self) -> bool:
        """True while a comparison or matrix is being computed."""
        return self.worker.busy

    # -- requests ----------------------------------------------------------------------

    def start(self) -> None:
        """Compare the two files in the background; a newer request supersedes this one."""
        left, right = self.files.paths
        if not left or not right:
            self.status.emit(tr("请再打开另一侧的文件。"))
            return
        text = tr("正在比较 %1 与 %2 …").replace("%1", Path(left).name).replace("%2", Path(right).name)
        self.submit(compare_job(left, right, self._options(), self.corrections.snapshot()), text)

    def start_matrix(self, base: str, others: Sequence[str]) -> None:
        """Compare ``base`` against each of ``others`` in the background."""
        text = tr("正在将 %1 与 %2 份文件对照 …").replace("%1", Path(base).name).replace("%2", str(len(others)))
        self.submit(run_matrix(base, others, self._options()), text)

    def submit(self, job: Job, status: str) -> None:
        """Run ``job`` on the lane (superseding any earlier request), announcing ``status``."""
        self.started.emit(status)
        self.worker.submit(job)

    def cancel(self) -> None:
        """Stop the running comparison; the files of the result on screen are named again."""
        if self.worker.busy:
            self.worker.cancel()
            self.restore_names()
            self.status.emit(tr("已取消比较。"))

    def drop_pending(self) -> None:
        """Forget a running request without a word (a result chosen elsewhere replaces it)."""
        self.worker.cancel()

    # -- the result on screen ------------------------------------------------------------

    def accept(self, comparison: Comparison, key: str = "") -> ResultIndex:
        """Make ``comparison`` the result on screen and name its files; returns its index."""
        self.index = ResultIndex(comparison)
        self.result_key = key
        self.files.set_paths(comparison.input_paths)
        return self.index

    def result_matches_files(self) -> bool:
        """True when the result on screen is that of the two files named in the headers."""
        comparison = self.comparison
        return comparison is not None and list(comparison.input_paths) == self.files.paths

    def restore_names(self) -> None:
        """After a failed or cancelled comparison, name again the files of the result on screen.

        The panes, outlines, lists and exports still hold that result; a header naming the
        file that could not be compared would put it under the wrong names. Without a
        result on screen the new names stay, with nothing under them.
        """
        comparison = self.comparison
        if comparison is None:
            return
        self.files.set_paths(comparison.input_paths)
        self.restored.emit(comparison)

    def _on_result(self, result: object) -> None:
        if isinstance(result, Compared):
            self.compared.emit(result.comparison, result.key)
        elif isinstance(result, Comparison):
            self.compared.emit(result, "")
        else:
            from core.matrix_model import Matrix  # loaded by the job already

            if isinstance(result, Matrix):
                self.matrixReady.emit(result)

    def _on_failed(self, error: object) -> None:
        self.restore_names()
        message = compare_error_message(error)
        if message is None:
            self.status.emit(tr("已取消比较。"))
            return
        self.status.emit(tr("比较失败。"))
        self.failed.emit(message)

    # -- corrections ---------------------------------------------------------------------

    def can_correct(self) -> bool:
        """Whether the pairings on screen may be corrected."""
        # A correction is kept under the files' content key, known only for a result compared here.
        return bool(self.result_key) and self.result_matches_files()

    def apply_correction(self, choice: CorrectionChoice, parent: QWidget | None = None) -> None:
        """Keep the drafter's choice for one right item with these files, then compare again."""
        if self.index is None or not self.can_correct():
            return
        if store_choice(self.corrections, self.result_key, self.index.notes, choice, parent):
            self._reselect = choice.right
            self.start()

    def correction_menu(self, right_id: str, parent: QWidget) -> QMenu | None:
        """The correction menu of a right item, or None when its pairing cannot be corrected."""
        if self.index is None:
            return None
        apply = partial(self.apply_correction, parent=parent)
        return correction_menu(parent, self.index.notes, right_id, self.can_correct(), apply)

    def take_reselect(self) -> str | None:
        """The right item to select once the corrected result is shown (asked once)."""
        reselect, self._reselect = self._reselect, None
        return reselect
