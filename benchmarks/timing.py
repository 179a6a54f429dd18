"""Medians of interleaved runs: the timing rule of every benchmark here.

On a shared machine the load changes from one second to the next. Timing the works
to be compared in turn (A, B, A, B, ...) rather than one after the other (A, A, ...,
B, B, ...) exposes each to the same moments of load, so their ratio holds even when
their absolute times do not.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping


def median_times(works: Mapping[str, Callable[[], object]], runs: int,
                 before: Callable[[], None] | None = None, warm_up: bool = True) -> dict[str, float]:
    """Median seconds of each of ``works``, run in turn ``runs`` times, by name.

    One untimed round comes first when ``warm_up`` (imports, dictionaries, caches of
    the first call are not what is measured). ``before`` runs, untimed, before every
    call, e.g. to clear a cache that a repeated input would otherwise hit.
    """
    if warm_up:
        for work in works.values():
            if before is not None:
                before()
            work()
    samples: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(runs):
        for name, work in works.items():
            if before is not None:
                before()
            start = time.perf_counter()
            work()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}
