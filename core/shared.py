"""Shared wording: maximal passages present in both documents, wherever they are.

Works on the comparison forms of the two sides. Every k-gram (k = the minimum
passage length) of the right text is indexed; each k-gram of the left text that also
occurs on the right seeds a diagonal run that is extended both ways to its maximal
length. Runs never cross a line break, so a passage stays inside one paragraph on
each side. Cost is linear in the text length, not quadratic like a whole-text diff:
the left text is looked up once per stretch whose seeds cannot change (see
``common_runs``), however often its passages recur on either side.

Shared wording (``wording``) counts content: characters that carry meaning (Chinese
characters and letters). Punctuation and digits ride along inside a passage but never
make one: "。到2025年，" is not shared wording however often both documents write it. A
passage never starts or ends inside a number either, so a changed figure is never half
shared. Stock wording (``is_stock``) is shared by any two policy texts and says nothing
about where new text came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, islice, repeat
from operator import attrgetter, ne

from core import patterns
from core.background import background_idf
from core.tokens import figure_spans, tokenize

# A k-gram that recurs more often than this on the right seeds runs only at the
# occurrences nearest to the same relative place in the document: stock phrases
# ("成渝地区双城经济圈建设") and repeated blocks would otherwise produce a quadratic
# number of runs, all saying the same thing.
_RARE = 4  # a k-gram seen at most this often on the right seeds at every occurrence
_COMMON_SEEDS = 2  # seeds of a more frequent k-gram
# A k-gram recurring more often than this is looked up at each place rather than stepped
# over with its family (``common_runs``): checking that every occurrence runs on alike
# would cost more than the lookups it saves.
_FAMILY_CAP = 32
_FIRST_CHUNK = 64  # characters first compared at once when a run is extended: most runs are shorter
# A word used by more than about one background document in eight (idf below 3, as in
# core.subjects) is common policy wording: 加强 1.4, 推进 2.3, 全面 2.5, 生态环境 2.5.
_STOCK_IDF = 3.0
# What carries no meaning on its own: punctuation, spaces, digits (everything but letters,
# Chinese characters and numerals included).
_NON_CONTENT = patterns.compiled(r"[\W\d_]")
_MARK = "\0"  # a character _NON_CONTENT matches itself
_FOUND = re.compile(b"\x01+")
_IN_ORDER = attrgetter("left_start", "right_start")  # the order of runs: left position, then right
_LENGTH = attrgetter("length")


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


def _gram_index(text: str, k: int) -> tuple[dict[str, list[int]], list[list[int] | tuple[()]]]:
    """Where each k-gram of ``text`` starts, and for each position of ``text`` (and one past
    its end) the list of its k-gram, empty where no k-gram inside one line starts."""
    index: dict[str, list[int]] = {}
    by_position: list[list[int] | tuple[()]] = []
    for line_start, line in _line_slices(text):
        for i in range(len(line) - k + 1):
            positions = index.setdefault(line[i : i + k], [])
            positions.append(line_start + i)
            by_position.append(positions)
        by_position.extend(repeat((), min(k, len(line) + 1)))  # the line's last k - 1 characters and its break
    return index, by_position


def _agree(a: str, i: int, b: str, j: int, limit: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share from their start, up to ``limit``.

    Compares chunks of doubling size from ``_FIRST_CHUNK`` on, then halves the chunk that
    differs: a few string comparisons, not a Python step per character, and the work
    follows the length found rather than the limit (a run's limit is its line's end).
    """
    done, size = 0, _FIRST_CHUNK
    while size < limit - done:
        if a[i + done : i + done + size] != b[j + done : j + done + size]:
            break
        done += size
        size *= 2
    else:
        size = limit - done
        if a[i + done : i + limit] == b[j + done : j + limit]:
            return limit
    same, differs = 0, size  # of the chunk at ``done``, the first ``same`` characters agree, ``differs`` do not
    while differs - same > 1:
        middle = (same + differs) // 2
        if a[i + done + same : i + done + middle] == b[j + done + same : j + done + middle]:
            same = middle
        else:
            differs = middle
    return done + same


def _seed_range(positions: list[int], expected: float) -> tuple[int, int]:
    """The slice of ``positions`` that seeds runs: all of a rare k-gram's; for a common one,
    those nearest ``expected``."""
    if len(positions) <= _RARE:
        return 0, len(positions)
    at = bisect_left(positions, expected)
    low = min(max(0, at - _COMMON_SEEDS // 2), len(positions) - _COMMON_SEEDS)
    return low, low + _COMMON_SEEDS


def _seeds_hold(positions: list[int], low: int, i: int, scale: float, limit: int) -> int:
    """How many characters past left offset ``i``, up to ``limit``, a common k-gram's family
    keeps its seeds: met ``s`` characters later, its occurrences all moved on by ``s``, it is
    still seeded at ``positions[low]`` and the next, moved on by ``s``.

    ``_seed_range`` picks them while the expected place ``(i + s) * scale`` lies between the
    right neighbours, moved on by ``s``: while ``(i + s) * scale - s`` lies between the
    unmoved ones. That drifts one way only, by ``scale - 1`` a character (at least
    1 / len(left), unless both texts are as long and it stays put), far more than rounding
    can move it in texts the loader accepts (3 million characters): the pick changes at
    most once, and a binary search finds where.
    """
    half = _COMMON_SEEDS // 2
    below = positions[low + half - 1] if low > 0 else None
    above = positions[low + half] if low < len(positions) - _COMMON_SEEDS else None

    def same(s: int) -> bool:
        expected = (i + s) * scale
        return (below is None or below + s < expected) and (above is None or not above + s < expected)

    if same(limit):
        return limit
    holds, fails = 0, limit
    while fails - holds > 1:
        middle = (holds + fails) // 2
        if same(middle):
            holds = middle
        else:
            fails = middle
    return holds


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

    The runs are those found by looking up every k-gram of the left text in turn and
    extending each seed not already inside a run on its diagonal. Most lookups need not
    be made: once a k-gram's seeds lie in runs found, the following k-grams of the left
    text seed the same diagonals for as long as the left text runs on along one of those
    runs, every right occurrence of the k-gram runs on alike and no other joins them (a
    *family*: its k-grams recur at the same places, moved on by one), and a common
    k-gram's nearest occurrences stay the nearest. Such a stretch is stepped over whole,
    so a document that repeats its volumes costs a lookup per stretch, not per character
    and seed (a k-gram recurring more than ``_FAMILY_CAP`` times is looked up each time).
    """
    if min_len < 1 or not left or not right:
        return []
    k = min_len
    index, by_position = _gram_index(right, k)
    family_length: dict[int, int] = {}  # first occurrence of a k-gram -> how far its family runs on
    left_back, right_back = left[::-1], right[::-1]  # extending backwards is agreeing forwards on these
    runs: list[Run] = []
    covered_until: dict[int, int] = {}  # diagonal (right - left) -> left end of the last run found on it
    scale = len(right) / len(left)
    for line_start, line in _line_slices(left):
        line_end = line_start + len(line)
        i = line_start
        while i <= line_end - k:
            positions = index.get(left[i : i + k])
            if not positions:
                i += 1
                continue
            low, high = _seed_range(positions, i * scale)
            reach = 0  # left end of the longest run through i on a seed's diagonal
            for j in positions[low:high]:
                end = covered_until.get(j - i, -1)
                if end <= i:
                    run = _extend(left, right, left_back, right_back, i, j, k, line_start, line_end)
                    runs.append(run)
                    end = covered_until[j - i] = run.left_end
                reach = max(reach, end)
            steps = reach - k - i  # the left text runs on along a seed's run this far
            if steps > 0 and len(positions) <= _FAMILY_CAP:
                known = family_length.get(positions[0])
                if known is not None:
                    steps = min(steps, known)
                else:
                    found = _family_length(right, k, positions, by_position, steps)
                    if found < steps:  # the family ends there, wherever it is met again
                        family_length[positions[0]] = found
                    steps = found
                if steps > 0 and high - low < len(positions):
                    steps = _seeds_hold(positions, low, i, scale, steps)
            else:
                steps = 0
            i += steps + 1
    runs.sort(key=_IN_ORDER)
    return runs


def _family_length(right: str, k: int, positions: list[int], by_position: list[list[int] | tuple[()]],
                   limit: int) -> int:
    """How many characters, up to ``limit``, the k-gram at ``positions`` runs on as a family:
    every occurrence followed by the same characters, and each k-gram met on the way
    occurring exactly as often (so exactly there)."""
    first = positions[0]
    steps = limit
    for other in islice(positions, 1, None):
        if steps <= 0:
            return 0
        steps = _agree(right, first + k, right, other + k, steps)
    recurrences = map(len, by_position[first + 1 : first + 1 + steps])
    return next(compress(count(), map(ne, recurrences, repeat(len(positions)))), steps)


def _extend(left: str, right: str, left_back: str, right_back: str, i: int, j: int, k: int,
            line_start: int, line_end: int) -> Run:
    """The maximal run through the shared k-gram at ``left[i:]`` and ``right[j:]``, inside their lines."""
    back = 0
    # Past the line's start, left[i - 1] is no line break, so neither is a right character equal to it.
    if i > line_start and j > 0 and left[i - 1] == right[j - 1]:
        right_line_start = right.rfind("\n", 0, j) + 1
        back = _agree(left_back, len(left) - i, right_back, len(right) - j, min(i - line_start, j - right_line_start))
    right_line_end = right.find("\n", j + k)
    if right_line_end < 0:
        right_line_end = len(right)
    ahead = _agree(left, i + k, right, j + k, min(line_end - i, right_line_end - j) - k)
    return Run(i - back, j - back, back + k + ahead)


def wording(runs: list[Run], left: str, right: str, min_len: int) -> list[Run]:
    """The common runs that are shared wording: ``min_len`` content characters or more.

    Each run is first trimmed so that neither end cuts through a figure on either side
    (``达到6`` of 达到65% against 达到60% is not shared), then kept only when what is left
    holds at least ``min_len`` Chinese characters or letters. Sorted as ``common_runs``.
    """
    left_inside, right_inside = _figure_insides(left), _figure_insides(right)
    # Every character that carries no meaning becomes one mark, so that a run's content is
    # counted in place rather than by listing what it leaves out: a document that repeats
    # its volumes has runs that overlap many times over.
    marked = _NON_CONTENT.sub(_MARK, left)
    out = []
    for run in runs:
        i, j, length = run.left_start, run.right_start, run.length
        while length > 0 and (left_inside[i] or right_inside[j]):
            i, j, length = i + 1, j + 1, length - 1
        while length > 0 and (left_inside[i + length] or right_inside[j + length]):
            length -= 1
        if length and length - marked.count(_MARK, i, i + length) >= min_len:
            out.append(run if length == run.length else Run(i, j, length))
    out.sort(key=_IN_ORDER)
    return out


def _figure_insides(text: str) -> bytearray:
    """For each boundary before a position of ``text`` (and after its end), 1 when it lies
    strictly inside a figure: cutting there would split the figure."""
    inside = bytearray(len(text) + 1)
    for start, end in figure_spans(text):
        inside[start + 1 : end] = b"\x01" * (end - start - 1)
    return inside


def presence(text: str, other: str, min_len: int) -> bytearray:
    """For each character of ``text``, 1 if it lies in a ``min_len``-gram that ``other`` contains.

    This is the "shared anywhere" mask behind the shared ratios; unlike the runs it
    has no cap on repeated phrases.
    """
    mask = bytearray(len(text))
    if min_len < 1:
        return mask
    k = min_len
    grams: set[str] = set()
    for _, line in _line_slices(other):
        grams.update([line[i : i + k] for i in range(len(line) - k + 1)])
    for line_start, line in _line_slices(text):
        # One byte per k-gram of the line, 1 where ``other`` has it; then each stretch of
        # them marked at once, from its first k-gram's start to its last one's end.
        found = bytes([line[i : i + k] in grams for i in range(len(line) - k + 1)])
        for stretch in _FOUND.finditer(found):
            begin, end = line_start + stretch.start(), line_start + stretch.end() - 1 + k
            mask[begin:end] = b"\x01" * (end - begin)
    return mask


def cover(runs: list[Run]) -> list[Run]:
    """The runs worth reporting: longest first, each kept only if it adds new ground on a side.

    A passage repeated in many places keeps one link per place it occupies, so every
    shared character on either side has at least one source on the other side.
    """
    if not runs:
        return []
    left_seen = bytearray(max(r.left_start + r.length for r in runs))
    right_seen = bytearray(max(r.right_start + r.length for r in runs))
    kept = []
    left_new, right_new = left_seen.find, right_seen.find  # a search, not a copy of each run's span
    # Longest first, then in order: two stable sorts on keys read in C (a document that
    # repeats its volumes has several runs for each place, and every one passes here).
    longest_first = sorted(runs, key=_IN_ORDER)
    longest_first.sort(key=_LENGTH, reverse=True)
    for run in longest_first:
        i, j, length = run.left_start, run.right_start, run.length
        if left_new(0, i, i + length) < 0 and right_new(0, j, j + length) < 0:
            continue
        kept.append(run)
        seen = b"\x01" * length
        left_seen[i : i + length] = seen
        right_seen[j : j + length] = seen
    kept.sort(key=_IN_ORDER)
    return kept
