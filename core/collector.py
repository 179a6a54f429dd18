"""Python's cyclic garbage collector, paused where its passes are pure cost."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, back on after it (if it was on).

    A comparison allocates millions of objects and frees almost all of them by reference
    counting (it leaves a few thousand in cycles); the collector's passes over the whole
    heap, triggered by the allocations, are pure cost, and on a large document their
    number and their size both grow with the input (the 8x plan: its diff stage grew
    12x for 8x input with them, 7x without). Importing modules is alike: what it creates
    (modules, classes, compiled patterns) lives as long as the process; and so is writing
    the exports, whose objects python-docx and reportlab free as they go (a PDF report of
    the sample pair took as much memory without the passes, and 10% less time). Whatever
    is left in cycles is collected once the collector is back on.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
