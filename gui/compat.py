"""Work-around for reference-counting bugs of PySide6 6.12 on CPython 3.11.

Shiboken 6.12 returns ``None`` from every Qt method without a result but does not
take a reference to it, so each such call (``QColor.setAlpha``, ``QPainter.drawPath``,
``QScrollBar.setValue`` ...) drops one reference to ``None``; ``SignalInstance.emit``
does the same with the ``True`` it returns, so every signal emitted drops one
reference to ``True``. From CPython 3.12 on these singletons are immortal and
nothing happens; on 3.11 a count reaches zero after a few thousand calls and the
interpreter aborts ("deallocating None", "deallocating True or False"). Giving the
singletons a practically endless count makes 3.11 behave like 3.12. Remove this
module when the project requires Python 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48  # far more calls than any session makes, far below the Py_ssize_t limit
_SINGLETONS = (None, True, False)  # False too: the same bug would hit it through any bool result


def keep_singletons_alive() -> None:
    """Raise the reference counts of ``None``, ``True`` and ``False`` where they are not immortal."""
    if sys.version_info >= (3, 12) or getattr(keep_singletons_alive, "done", False):
        return
    for singleton in _SINGLETONS:
        # ob_refcnt is the first field of every CPython object; id() is the object's address.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _HEADROOM
    keep_singletons_alive.done = True  # type: ignore[attr-defined]
