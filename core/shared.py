"""Shared wording: maximal passages present in both documents, wherever they are.

Works on the comparison forms of the two sides. Every k-gram (k = the minimum
passage length) of the right text is indexed; each k-gram of the left text that also
occurs on the right seeds a diagonal run that is extended both ways to its maximal
length. Runs never cross a line break, so a passage stays inside one paragraph on
each side. Cost is linear in the text length times the (capped) number of places a
k-gram recurs, not quadratic like a whole-text diff.

Shared wording (``wording``) counts content: characters that carry meaning (Chinese
characters and letters). Punctuation and digits ride along inside a passage but never
make one: "。到2025年，" is not shared wording however often both documents write it. A
passage never starts or ends inside a number either, so a changed figure is never half
shared. Stock wording (``is_stock``) is shared by any two policy texts and says nothing
about where new text came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from core.background import background_idf
from core.tokens import figure_spans, tokenize

# A k-gram that recurs more often than this on the right seeds runs only at the
# occurrences nearest to the same relative place in the document: stock phrases
# ("成渝地区双城经济圈建设") and repeated blocks would otherwise produce a quadratic
# number of runs, all saying the same thing.
_RARE = 4  # a k-gram seen at most this often on the right seeds at every occurrence
_COMMON_SEEDS = 2  # seeds of a more frequent k-gram
# A word used by more than about one background document in eight (idf below 3, as in
# core.subjects) is common policy wording: 加强 1.4, 推进 2.3, 全面 2.5, 生态环境 2.5.
_STOCK_IDF = 3.0
# What carries no meaning on its own: punctuation, spaces, digits (everything but letters,
# Chinese characters and numerals included).
_NON_CONTENT = re.compile(r"[\W\d_]")


def content_length(text: str) -> int:
    """Number of characters of ``text`` that carry meaning: Chinese characters and letters."""
    return len(text) - len(_NON_CONTENT.findall(text))


@lru_cache(maxsize=8192)
def is_stock(text: str) -> bool:
    """True when a passage (comparison form) is only common policy wording.

    Every word of two or more characters in it is used by more than one background
    document in eight, and it holds no other word that names something: such a
    passage (全面加强组织领导) turns up in any policy text, so finding it in the other
    document says nothing about where new text came from.
    """
    background = background_idf()
    named = False
    for start, end in tokenize(text):
        word = text[start:end]
        if content_length(word) < 2:
            continue
        if background.idf(word) >= _STOCK_IDF:
            return False
        named = True
    return named


@dataclass(frozen=True)
class Run:
    """A maximal common passage, in comparison-form offsets of both sides."""

    left_start: int
    right_start: int
    length: int

    @property
    def left_end(self) -> int:
        """End of the passage on the left (exclusive)."""
        return self.left_start + self.length

    @property
    def right_end(self) -> int:
        """End of the passage on the right (exclusive)."""
        return self.right_start + self.length


def _gram_index(text: str, k: int) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for line_start, line in _line_slices(text):
        for i in range(len(line) - k + 1):
            index.setdefault(line[i : i + k], []).append(line_start + i)
    return index


def _seeds(positions: list[int], expected: float) -> list[int]:
    """All positions of a rare k-gram; for a common one, those nearest ``expected``."""
    if len(positions) <= _RARE:
        return positions
    at = bisect_left(positions, expected)
    low = min(max(0, at - _COMMON_SEEDS // 2), len(positions) - _COMMON_SEEDS)
    return positions[low : low + _COMMON_SEEDS]


def _line_slices(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def common_runs(left: str, right: str, min_len: int) -> list[Run]:
    """Maximal common runs of at least ``min_len`` characters between two texts.

    These are the aligner's evidence: an identical date line pairs two sections even
    though it says little. What is reported as shared wording is ``wording(runs)``.

    Each (left, right) diagonal contributes each of its maximal runs once. A passage
    whose k-grams recur more than a few times on the right is linked only to the
    occurrences nearest its own relative place (``presence`` still sees them all).
    Runs are returned ordered by left position, then right position.
    """
    if min_len < 1 or not left or not right:
        return []
    k = min_len
    index = _gram_index(right, k)
    runs: list[Run] = []
    covered_until: dict[int, int] = {}  # diagonal (right - left) -> left end of the last run found on it
    scale = len(right) / len(left)
    for line_start, line in _line_slices(left):
        for offset in range(len(line) - k + 1):
            positions = index.get(line[offset : offset + k])
            if not positions:
                continue
            i = line_start + offset
            for j in _seeds(positions, i * scale):
                diagonal = j - i
                if covered_until.get(diagonal, -1) > i:
                    continue
                start_i, start_j = i, j
                while start_i > 0 and start_j > 0 and left[start_i - 1] == right[start_j - 1] != "\n":
                    start_i -= 1
                    start_j -= 1
                end_i, end_j = i + k, j + k
                while end_i < len(left) and end_j < len(right) and left[end_i] == right[end_j] != "\n":
                    end_i += 1
                    end_j += 1
                covered_until[diagonal] = end_i
                runs.append(Run(start_i, start_j, end_i - start_i))
    runs.sort(key=lambda r: (r.left_start, r.right_start))
    return runs


def wording(runs: list[Run], left: str, right: str, min_len: int) -> list[Run]:
    """The common runs that are shared wording: ``min_len`` content characters or more.

    Each run is first trimmed so that neither end cuts through a figure on either side
    (``达到6`` of 达到65% against 达到60% is not shared), then kept only when what is left
    holds at least ``min_len`` Chinese characters or letters. Sorted as ``common_runs``.
    """
    left_figures, right_figures = figure_spans(left), figure_spans(right)
    left_starts, right_starts = [a for a, _ in left_figures], [a for a, _ in right_figures]

    def cut(i: int, j: int) -> bool:
        return _cuts(left_figures, left_starts, i) or _cuts(right_figures, right_starts, j)

    out = []
    for run in runs:
        i, j, length = run.left_start, run.right_start, run.length
        while length > 0 and cut(i, j):
            i, j, length = i + 1, j + 1, length - 1
        while length > 0 and cut(i + length, j + length):
            length -= 1
        if length and length - len(_NON_CONTENT.findall(left, i, i + length)) >= min_len:
            out.append(Run(i, j, length))
    out.sort(key=lambda r: (r.left_start, r.right_start))
    return out


def _cuts(figures: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """True when the boundary before ``pos`` lies strictly inside one of ``figures``."""
    index = bisect_right(starts, pos) - 1
    return index >= 0 and figures[index][0] < pos < figures[index][1]


def presence(text: str, other: str, min_len: int) -> bytearray:
    """For each character of ``text``, 1 if it lies in a ``min_len``-gram that ``other`` contains.

    This is the "shared anywhere" mask behind the shared ratios; unlike the runs it
    has no cap on repeated phrases.
    """
    mask = bytearray(len(text))
    if min_len < 1:
        return mask
    grams: set[str] = set()
    for _, line in _line_slices(other):
        grams.update(line[i : i + min_len] for i in range(len(line) - min_len + 1))
    for line_start, line in _line_slices(text):
        last_marked = -1
        for i in range(len(line) - min_len + 1):
            if line[i : i + min_len] in grams:
                begin = max(line_start + i, last_marked)
                end = line_start + i + min_len
                mask[begin:end] = b"\x01" * (end - begin)
                last_marked = end
    return mask


def cover(runs: list[Run]) -> list[Run]:
    """The runs worth reporting: longest first, each kept only if it adds new ground on a side.

    A passage repeated in many places keeps one link per place it occupies, so every
    shared character on either side has at least one source on the other side.
    """
    if not runs:
        return []
    left_size = max(r.left_end for r in runs)
    right_size = max(r.right_end for r in runs)
    left_seen = bytearray(left_size)
    right_seen = bytearray(right_size)
    kept = []
    left_new, right_new = left_seen.find, right_seen.find  # a search, not a copy of each run's span
    for run in sorted(runs, key=lambda r: (-r.length, r.left_start, r.right_start)):
        if left_new(0, run.left_start, run.left_end) < 0 and right_new(0, run.right_start, run.right_end) < 0:
            continue
        kept.append(run)
        left_seen[run.left_start : run.left_end] = b"\x01" * run.length
        right_seen[run.right_start : run.right_end] = b"\x01" * run.length
    kept.sort(key=lambda r: (r.left_start, r.right_start))
    return kept
