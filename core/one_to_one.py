"""Pairs chosen best first, each member used once: the greedy matching several stages use."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Rank = TypeVar("Rank")
Left = TypeVar("Left", bound=Hashable)
Right = TypeVar("Right", bound=Hashable)


def one_to_one(options: Iterable[tuple[Rank, Left, Right]]) -> list[tuple[Rank, Left, Right]]:
    """The ``(rank, left, right)`` options taken in their order (best first), each one whose
    left and right are both still free."""
    taken_left: set[Left] = set()
    taken_right: set[Right] = set()
    out = []
    for rank, left, right in options:
        if left not in taken_left and right not in taken_right:
            taken_left.add(left)
            taken_right.add(right)
            out.append((rank, left, right))
    return out
