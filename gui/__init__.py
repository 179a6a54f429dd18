"""The PySide6 desktop window of Duizhao.

Only this package imports Qt. It renders the engine's immutable ``Comparison`` and
routes user actions; all comparison logic lives in ``core``.
"""

from gui.compat import keep_singletons_alive

keep_singletons_alive()
