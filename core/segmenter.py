"""The word segmenters: rjieba (jieba-rs), and the pure-Python jieba as the reference and fallback.

Both see exactly the same input, pure runs of CJK ideographs, and the same dictionary
(jieba's words and the policy dictionary), so they cut the same way (a test checks this
on the sample documents). Everything loads on first use, once per process.

Each is used in a lazy form: an empty dictionary that, before each cut, takes from the
word index (``core.word_index``) the dictionary words whose first two characters (or
whose one character) occur in the text: about 20,000 for the sample pair, some tens of
milliseconds. A word that does not occur in a text is never a node of its word graph, so
the graph is the whole dictionary's; and the dictionary total that scales every route is
the whole one too (rjieba: one placeholder entry, which no Chinese run can contain,
carries the weight of the words not added; jieba: the total is set). The routes, hence
the cuts, are exactly those of the whole dictionary.
"""

from __future__ import annotations

import sys
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import add
from typing import Any

from core.resources import cache_dir
from core.word_index import (
    HAN_WORD,
    IndexUnusable,
    WordIndex,
    check_text,
    read_user_dict,
    rjieba_extension,
    word_index,
)

Cutter = Callable[[str], Iterable[str]]

# Carries the weight of the words not (yet) added; ASCII, so it never occurs in a Chinese run.
_REST_WORD = "duizhao-rest"

_lock = threading.Lock()
_cutters: dict[str, Cutter] = {}


def _load_rjieba() -> Cutter:
    """rjieba with the policy words: the lazy form when it can be used, else the full dictionary."""
    try:
        return _load_rjieba_lazy()
    except (ImportError, OSError, ValueError, RuntimeError, IndexUnusable):
        return _load_rjieba_full()


def _load_rjieba_full() -> Cutter:
    """rjieba's own default instance (349,000 words built at import, about 0.1-0.2 s) with the policy words."""
    import rjieba

    # rjieba builds its default dictionary on import; adding words to that instance
    # avoids paying for a second copy.
    for word, freq, tag in read_user_dict():
        rjieba.add_word(word, freq, tag)
    cut = rjieba.cut

    def segment(text: str) -> list[str]:
        return cut(text, hmm=False)

    return segment


def _load_jieba() -> Cutter:
    """jieba with the policy words: the lazy form when it can be used, else the whole dictionary."""
    try:
        return _load_jieba_lazy()
    except (ImportError, OSError, ValueError, RuntimeError, IndexUnusable):
        return _load_jieba_full()


def _jieba_tokenizer(initialize: bool) -> Any:
    """A jieba tokenizer with its cache file in the cache folder, its dictionary loaded or not."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba logs its loading at DEBUG to stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())
    tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
    if initialize:
        tokenizer.initialize()
        for word, freq, tag in read_user_dict():
            previous = tokenizer.FREQ.get(word, 0)
            tokenizer.add_word(word, freq, tag)
            # jieba adds the new frequency to the total without removing the old one;
            # jieba-rs replaces it. Keep the totals equal so both weigh routes alike.
            tokenizer.total -= previous
    return tokenizer


def _load_jieba_full() -> Cutter:
    """jieba with its whole dictionary (from its cache file, about a second) and the policy words."""
    tokenizer = _jieba_tokenizer(initialize=True)

    def segment(text: str) -> Iterable[str]:
        words: Iterable[str] = tokenizer.cut(text, HMM=False)
        return words

    return segment


class _LazySegmenter(ABC):
    """A segmenter that grows, before each cut, by the dictionary words the text can hold."""

    def __init__(self, index: WordIndex) -> None:
        """Start with none of the index's words."""
        self._index = index
        self._seen: set[str] = set()  # grams whose words are added
        self._ready: set[str] = set()  # runs cut before: a section's runs recur in its parents
        self._added = 0  # total frequency of the words added
        # The engine's dictionary cannot change while another thread cuts with it.
        self._lock = threading.Lock()
        self._full: Cutter | None = None

    def __call__(self, run: str) -> list[str]:
        """The words of ``run``, a run of ideographs, exactly as the full dictionary cuts it."""
        return self.cut_all((run,))[0]

    def cut_all(self, runs: Sequence[str]) -> list[list[str]]:
        """The words of each of ``runs`` (runs of ideographs), exactly as the full dictionary cuts them.

        The words all of them can hold are added at once: growing run by run cost more
        than the cutting itself.
        """
        with self._lock:
            if self._full is None:
                ready = self._ready
                fresh = [run for run in runs if run not in ready]
                if fresh:
                    self._grow_for(fresh)
                    ready.update(fresh)
            if self._full is None:
                cut = self._cut
                return [cut(run) for run in runs]
        full = self._full
        return [list(full(run)) for run in runs]

    def grow(self, runs: Iterable[str]) -> None:
        """Add the words ``runs`` can hold without cutting them (warming up before workers fork)."""
        with self._lock:
            if self._full is None:
                self._grow_for(runs)

    def _grow_for(self, runs: Iterable[str]) -> None:
        """Add the words ``runs`` can hold that are not added yet."""
        grams: set[str] = set()
        for run in runs:
            grams.update(map(add, run, run[1:]))  # its bigrams, built without a Python loop
            grams.update(run)
        new = grams - self._seen
        if new:
            self._grow(new)

    def _grow(self, grams: set[str]) -> None:
        """Add the words under ``grams``; a damaged entry switches to the full dictionary for good."""
        try:
            words, freqs = self._index.entries_of(grams)
            self._add(words, freqs)  # a word count that differs from the frequencies': ValueError
            added = self._added + sum(freqs)
            if added > self._index.total:
                raise ValueError("word index total too small")
            self._rest(self._index.total - added)
        except (ValueError, UnicodeDecodeError, OverflowError):
            self._full = self._load_full()
            return
        self._added = added
        self._seen |= grams

    @abstractmethod
    def _add(self, words: list[str], freqs: list[int]) -> None:
        """Add these dictionary words with their frequencies to the engine."""

    @abstractmethod
    def _rest(self, weight: int) -> None:
        """Keep the engine's total at the whole dictionary's, ``weight`` being what is not added yet."""

    @abstractmethod
    def _cut(self, run: str) -> list[str]:
        """Cut ``run`` with the words added so far."""

    @abstractmethod
    def _load_full(self) -> Cutter:
        """The engine with its whole dictionary, for good, when the index cannot serve."""


class _LazyRjieba(_LazySegmenter):
    """rjieba, lazily: an empty instance, the words added as texts need them, one placeholder
    entry carrying the rest of the dictionary's weight (rjieba sums the total itself)."""

    def __init__(self, index: WordIndex, jieba_class: Any) -> None:
        """Start empty but for the placeholder that stands for the whole dictionary's weight."""
        super().__init__(index)
        self._jieba = jieba_class.empty()
        self._jieba.add_word(_REST_WORD, index.total, None)

    def _add(self, words: list[str], freqs: list[int]) -> None:
        add = self._jieba.add_word
        for word, freq in zip(words, freqs, strict=True):
            add(word, freq, None)

    def _rest(self, weight: int) -> None:
        self._jieba.add_word(_REST_WORD, weight, None)

    def _cut(self, run: str) -> list[str]:
        words: list[str] = self._jieba.cut(run, hmm=False)
        return words

    def _load_full(self) -> Cutter:
        return _load_rjieba_full()


class _LazyJieba(_LazySegmenter):
    """jieba, lazily: its word table filled as texts need it, each word with its prefixes
    (as jieba keeps them), and the whole dictionary's total set once."""

    def __init__(self, index: WordIndex, tokenizer: Any) -> None:
        """Take over ``tokenizer``, not initialized: it never loads its own dictionary."""
        super().__init__(index)
        tokenizer.FREQ = {}
        tokenizer.total = index.total
        tokenizer.initialized = True
        self._tokenizer = tokenizer

    def _add(self, words: list[str], freqs: list[int]) -> None:
        table = self._tokenizer.FREQ
        for word, freq in zip(words, freqs, strict=True):
            table[word] = freq
            for end in range(1, len(word)):
                table.setdefault(word[:end], 0)

    def _rest(self, weight: int) -> None:
        pass  # jieba's total was set to the whole dictionary's once and never sums the words

    def _cut(self, run: str) -> list[str]:
        return list(self._tokenizer.cut(run, HMM=False))

    def _load_full(self) -> Cutter:
        return _load_jieba_full()


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, loaded without building the default dictionary where possible."""
    if "rjieba" in sys.modules:  # already imported (or hidden: None raises ImportError)
        import rjieba

        return rjieba.Jieba
    path = rjieba_extension()
    if path is None:
        import rjieba

        return rjieba.Jieba
    module = sys.modules.get("rjieba.rjieba")
    if module is None:
        import importlib.util
        from importlib.machinery import ExtensionFileLoader

        # The binary extension alone: rjieba's __init__ would build the default instance.
        # Registered under its own name, so a later `import rjieba` uses this copy.
        loader = ExtensionFileLoader("rjieba.rjieba", str(path))
        spec = importlib.util.spec_from_file_location("rjieba.rjieba", path, loader=loader)
        if spec is None:
            raise ImportError("rjieba extension")
        module = importlib.util.module_from_spec(spec)
        loader.exec_module(module)
        sys.modules["rjieba.rjieba"] = module
    return module.Jieba


def _rjieba_agrees(index: WordIndex) -> bool:
    """Whether the lazy form cuts as rjieba's full dictionary does: every word of the index
    known to it, and the check text cut alike."""
    full = _load_rjieba_full()
    import rjieba

    for i in range(len(index.keys)):
        if not all(map(rjieba.has_word, index.words(i))):
            return False
    text = check_text(index)
    return _LazyRjieba(index, rjieba.Jieba)(text) == list(full(text))


def _jieba_agrees(index: WordIndex) -> bool:
    """Whether the lazy form cuts as jieba's full dictionary does: the same total, every word
    of the index with the same frequency, and the check text cut alike."""
    full = _jieba_tokenizer(initialize=True)
    if full.total != index.total:
        return False
    table = full.FREQ
    for i in range(len(index.keys)):
        freqs = index.freqs[index.firsts[i] : index.firsts[i + 1]].tolist()
        if [table.get(word) for word in index.words(i)] != freqs:
            return False
    text = check_text(index)
    return _LazyJieba(index, _jieba_tokenizer(initialize=False))(text) == list(full.cut(text, HMM=False))


def _load_rjieba_lazy() -> Cutter:
    """rjieba from the word index: only the words each text can hold are ever built."""
    jieba_class = _rjieba_class()
    if "rjieba" in sys.modules:  # the full dictionary is built already: use it
        return _load_rjieba_full()
    return _LazyRjieba(word_index("rjieba", _rjieba_agrees), jieba_class)


def _load_jieba_lazy() -> Cutter:
    """jieba from the word index: its table only ever holds the words of the texts seen."""
    tokenizer = _jieba_tokenizer(initialize=False)
    return _LazyJieba(word_index("jieba", _jieba_agrees), tokenizer)


_LOADERS: dict[str, Callable[[], Cutter]] = {"rjieba": _load_rjieba, "jieba": _load_jieba}


def cutter(engine: str) -> Cutter:
    """The loaded segmenter ``engine`` ("rjieba" or "jieba"), loading it once."""
    found = _cutters.get(engine)
    if found is None:
        with _lock:
            found = _cutters.get(engine)
            if found is None:
                found = _cutters[engine] = _LOADERS[engine]()
    return found


def cut_all(cut: Cutter, runs: Sequence[str]) -> list[list[str]]:
    """The words of each of ``runs`` (runs of ideographs) as the segmenter ``cut`` cuts them;
    a lazy segmenter adds the words of all of them at once."""
    if isinstance(cut, _LazySegmenter):
        return cut.cut_all(runs)
    return [list(cut(run)) for run in runs]


@lru_cache(maxsize=1)
def engine() -> str:
    """Name of the segmenter in use: "rjieba" when it can be imported, else "jieba".

    Only rjieba's binary extension is loaded here: importing the package would build its
    whole dictionary.
    """
    try:
        _rjieba_class()
    except ImportError:
        return "jieba"
    return "rjieba"


def warm(texts: Iterable[str]) -> None:
    """Load the segmenter and, in its lazy form, the words of ``texts`` (comparison-form text).

    For work about to be forked into worker processes: what is loaded here is shared
    by every worker instead of being loaded again in each. Without texts, it loads the
    segmenter ahead of its first cut (from a thread: see ``cli.compare.load_ahead``).
    """
    cut = cutter(engine())
    if isinstance(cut, _LazySegmenter):
        cut.grow(run for text in texts for run in HAN_WORD.findall(text))
