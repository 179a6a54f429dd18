"""Word segmentation of comparison-form text.

Chinese runs are cut by jieba's algorithm (dictionary DAG, no HMM) with the policy
user dictionary ``resources/dict/policy_dict.txt``, so that terms such as
成渝地区双城经济圈 or 放管服 stay whole. rjieba (jieba-rs) is the fast path; the
pure-Python jieba is the reference and the fallback when rjieba is missing. Both
see exactly the same input, pure runs of CJK ideographs, and the same dictionary,
so they cut the same way (a test checks this on the sample documents).

Everything loads on first use, once per process: importing this module is cheap.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache

from core.resources import cache_dir, resource_path

Cutter = Callable[[str], Iterable[str]]

# Only ideographs that both engines treat as Chinese reach the segmenter (jieba's own
# class is U+4E00..U+9FD5); anything else is cut here, so both engines cut alike.
# ASCII runs keep decimals and a trailing percent sign: "8.5%", "5g", "2025".
_RUNS = re.compile(
    r"(?P<han>[\u4e00-\u9fd5]+)|(?P<ascii>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*%?)|.",
    re.DOTALL,
)

DICT_PARTS = ("dict", "policy_dict.txt")

_lock = threading.Lock()
_cutters: dict[str, Cutter] = {}


def read_user_dict() -> list[tuple[str, int, str | None]]:
    """Entries ``(word, frequency, tag)`` of the policy dictionary.

    Frequencies are required (unlike plain jieba user dictionaries) so that both
    engines weigh every word identically, whatever order the words are added in.
    """
    path = resource_path(*DICT_PARTS)
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) not in (2, 3) or not fields[1].isdigit():
            raise ValueError(f"{path}:{lineno}: expected '词 频率 [词性]', got {line!r}")
        entries.append((fields[0], int(fields[1]), fields[2] if len(fields) == 3 else None))
    return entries


def _load_rjieba() -> Cutter:
    import rjieba

    # rjieba builds its default dictionary on import; adding words to that instance
    # avoids paying for a second copy.
    for word, freq, tag in read_user_dict():
        rjieba.add_word(word, freq, tag)
    cut = rjieba.cut

    def cutter(text: str) -> list[str]:
        return cut(text, hmm=False)

    return cutter


def _load_jieba() -> Cutter:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba logs its loading at DEBUG to stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())
    tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
    tokenizer.initialize()
    for word, freq, tag in read_user_dict():
        previous = tokenizer.FREQ.get(word, 0)
        tokenizer.add_word(word, freq, tag)
        # jieba adds the new frequency to the total without removing the old one;
        # jieba-rs replaces it. Keep the totals equal so both weigh routes alike.
        tokenizer.total -= previous

    def cutter(text: str) -> Iterable[str]:
        words: Iterable[str] = tokenizer.cut(text, HMM=False)
        return words

    return cutter


_LOADERS: dict[str, Callable[[], Cutter]] = {"rjieba": _load_rjieba, "jieba": _load_jieba}


def _cutter(engine: str) -> Cutter:
    """The loaded segmenter ``engine`` ("rjieba" or "jieba"), loading it once."""
    cutter = _cutters.get(engine)
    if cutter is None:
        with _lock:
            cutter = _cutters.get(engine)
            if cutter is None:
                cutter = _cutters[engine] = _LOADERS[engine]()
    return cutter


@lru_cache(maxsize=1)
def engine() -> str:
    """Name of the segmenter in use: "rjieba" when it can be imported, else "jieba"."""
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


def _spans(text: str, cut: Cutter) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    append = spans.append
    for match in _RUNS.finditer(text):
        start = match.start()
        if match.lastgroup == "han":
            for word in cut(match.group()):
                end = start + len(word)
                append((start, end))
                start = end
        else:
            append((start, match.end()))
    return tuple(spans)


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int], ...]:
    """Token spans [start, end) tiling `text` (a comparison-form text: Simplified, folded) in order.

    Chinese is cut into words, runs of ASCII letters and digits stay whole, and every
    other character (punctuation, line breaks) is a token of its own. Results are
    cached: a section is often diffed against several counterparts.
    """
    return _spans(text, _cutter(engine()))
