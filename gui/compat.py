"""Work-around for a reference-counting bug of PySide6 6.12 on CPython 3.11.

Shiboken 6.12 returns ``None`` from every Qt method without a result but does not
take a reference to it, so each such call (``QColor.setAlpha``, ``QPainter.drawPath``,
``QScrollBar.setValue`` ...) drops one reference to ``None``. From CPython 3.12 on,
``None`` is immortal and nothing happens; on 3.11 its count reaches zero after a
few thousand calls and the interpreter aborts ("deallocating None"). Giving ``None``
a practically endless count makes 3.11 behave like 3.12. Remove this module when
the project requires Python 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 48  # far more calls than any session makes, far below the Py_ssize_t limit


def keep_none_alive() -> None:
    """Raise the reference count of ``None`` on interpreters where it is not immortal."""
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    # ob_refcnt is the first field of every CPython object; id() is the object's address.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _HEADROOM
    keep_none_alive.done = True  # type: ignore[attr-defined]
