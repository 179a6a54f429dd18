"""Lengths of sets of character intervals."""

from __future__ import annotations

from collections.abc import Iterable


def union_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Characters covered by ``intervals``, each counted once however many hold it."""
    total = 0
    end = -1
    for a, b in sorted(intervals):
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total
