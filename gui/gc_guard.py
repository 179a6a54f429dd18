"""Garbage collection in the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold
is passed. When that is a worker thread comparing documents and the garbage holds Qt
objects (a closed window caught in a reference cycle), Qt destroys them outside the GUI
thread and the process crashes. The automatic collector is therefore switched off and a
timer in the GUI thread collects instead, as soon as the thresholds would have asked for
it (the recipe pyqtgraph's GarbageCollector uses).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 500  # how often the GUI thread looks whether a collection is due


class GuiThreadCollector(QObject):
    """Runs the cyclic garbage collector from the GUI thread's event loop, never elsewhere."""

    def __init__(self, parent: QObject | None = None) -> None:
        """Switch automatic collection off and start collecting on a timer."""
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(_INTERVAL_MS)

    def stop(self) -> None:
        """Give collection back to the interpreter (when no worker runs any more)."""
        self._timer.stop()
        gc.enable()
        parent = self.parent()
        if parent is not None and parent.property("duizhao_collector") is self:
            parent.setProperty("duizhao_collector", None)

    def collect_if_due(self) -> None:
        """Collect the oldest generation whose count has passed its threshold, if any."""
        counts = gc.get_count()
        due = [generation for generation in range(3) if counts[generation] > self._thresholds[generation]]
        if due:
            gc.collect(max(due))


def collect_in_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` once (it lives as long as the application)."""
    existing = app.property("duizhao_collector")
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    app.setProperty("duizhao_collector", collector)
    return collector
