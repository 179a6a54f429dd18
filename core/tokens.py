"""Word segmentation of comparison-form text.

Chinese runs are cut by jieba's algorithm (dictionary DAG, no HMM) with the policy
user dictionary ``resources/dict/policy_dict.txt``, so that terms such as
成渝地区双城经济圈 or 放管服 stay whole. rjieba (jieba-rs) is the fast path; the
pure-Python jieba is the reference and the fallback when rjieba is missing. Both
see exactly the same input, pure runs of CJK ideographs, and the same dictionary,
so they cut the same way (a test checks this on the sample documents).

Quantities are atoms: a number with its unit (1200亿元, 500个, 16.5%), a date (2025年底,
2020年7月), a range (5-8个, 10%-15%) and a Chinese numeral (三年, 一百二十, 第十二条) are one
token each, so a changed figure is replaced whole in every diff, never digit by digit.
A value is recognised only where it starts and ends on a word boundary of the
segmenter: 统一 or 一体化 keep their 一, and a policy term that holds a numeral
(三年行动计划, 十四五) stays the one word it is.

Everything loads on first use, once per process: importing this module is cheap. rjieba
is used in a lazy form that only ever holds the dictionary words of the texts it has
seen, read from a word index kept in the user cache folder, and cuts exactly as rjieba
with its whole dictionary (see "rjieba, loaded lazily" below).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
import zlib
from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.resources import app_root, cache_dir, resource_path

Cutter = Callable[[str], Iterable[str]]

# Only ideographs that both engines treat as Chinese reach the segmenter (jieba's own
# class is U+4E00..U+9FD5); anything else is cut here, so both engines cut alike.
# ASCII runs keep decimals and a trailing percent sign: "8.5%", "5g", "2025".
_RUNS = re.compile(
    r"(?P<han>[\u4e00-\u9fd5]+)|(?P<ascii>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*%?)|.",
    re.DOTALL,
)

# Numerals: Arabic (with thousands separators and decimals) or Chinese (〇 lies outside
# the ideograph block the segmenter sees, so it arrives as a token of its own).
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = rf"(?:[0-9]+(?:,[0-9]{{3}}(?![0-9]))*(?:\.[0-9]+)?|[{_CN_DIGITS}]+)"
# Units and measure words that follow a number in policy texts, longest first where
# one is a prefix of another; a magnitude (万, 亿) may precede any of them.
_UNITS = (
    "年底|年末|年初|年前|年内|年中|年后|年度|年|个月|月底|月末|月初|月份|月|日|号|季度|周年|周|天|小时|分钟|秒|"
    "个百分点|百分点|个|项|条|款|章|节|家|所|座|名|位|人次|人|户|次|倍|岁|届|批|类|种|件|台|辆|套|张|份|"
    "期|轮|级|处|间|栋|层|床|艘|架|列|趟|场|篇|部|册|宗|笔|元|美元|吨|千克|公斤|克|公里|千米|米|"
    "平方公里|平方米|立方米|亩|公顷|千瓦时|千瓦|兆瓦|瓦|度|升|标箱|%|‰"
)
_QUANTITY = rf"(?:第)?{_NUMBER}(?:余|多)?(?:[十百千万亿]*(?:{_UNITS})|[十百千万亿]+)?"
_DATE = rf"{_NUMBER}年{_NUMBER}月(?:{_NUMBER}[日号])?|{_NUMBER}月{_NUMBER}[日号]"
_VALUE_PART = rf"(?:{_DATE}|{_QUANTITY})"
_VALUE = re.compile(rf"百分之{_NUMBER}|{_VALUE_PART}(?:[-~至到]{_VALUE_PART})?")
_VALUE_START = re.compile(f"[0-9第{_CN_DIGITS}]")
_SEPARATORS = frozenset("-~至到")
_FIGURE_START = re.compile(r"(?<![0-9.,])[0-9]")

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
    """rjieba with the policy words: the lazy form when it can be used, else the full dictionary."""
    try:
        return _load_rjieba_lazy()
    except (ImportError, OSError, ValueError, RuntimeError, _IndexUnusable):
        return _load_rjieba_full()


def _load_rjieba_full() -> Cutter:
    """rjieba's own default instance (349,000 words built at import, about 0.1-0.2 s) with the policy words."""
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
    """jieba with the policy words: the lazy form when it can be used, else the whole dictionary."""
    try:
        return _load_jieba_lazy()
    except (ImportError, OSError, ValueError, RuntimeError, _IndexUnusable):
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

    def cutter(text: str) -> Iterable[str]:
        words: Iterable[str] = tokenizer.cut(text, HMM=False)
        return words

    return cutter


# --- the segmenters, loaded lazily -----------------------------------------------------
#
# rjieba builds its whole default dictionary (349,000 words) when it is imported: 0.1 to
# 0.2 s holding the GIL, so no thread can hide it; jieba reads its cache file, about a
# second; yet a pair of documents uses a few thousand of those words. The lazy forms start
# from an empty dictionary and, before each cut, add the dictionary words whose first two
# characters (or whose one character) occur in the text: about 20,000 for the sample
# pair, some tens of milliseconds. A word that does not occur in a text is never a node of
# its word graph, so the graph is the whole dictionary's; and the dictionary total that
# scales every route is the whole one too (rjieba: one placeholder entry, which no Chinese
# run can contain, carries the weight of the words not added; jieba: the total is set).
# The routes, hence the cuts, are exactly those of the whole dictionary.
#
# The words are jieba's dict.txt (the file jieba-rs embeds: jieba 0.42.1's) overlaid with
# the policy dictionary, grouped by key in one file per engine in the user cache folder.
# It is built on the first start (a few seconds, checked against the whole dictionary then;
# `make` builds rjieba's at install time) and rebuilt when the engine, jieba's dictionary or
# the policy dictionary change, or when it is damaged.

_INDEX_MAGIC = b"DUIZHAO-WORDS\n"
_INDEX_FORMAT = 3
# Carries the weight of the words not (yet) added; ASCII, so it never occurs in a Chinese run.
_REST_WORD = "duizhao-rest"
_HAN_WORD = re.compile("[\u4e00-\u9fd5]+")
# Every this-many-th dictionary word goes into the text that checks a new index.
_CHECK_STRIDE = 20


class _IndexUnusable(Exception):
    """The word index cannot stand in for the full dictionary here: use rjieba as it is."""


def _key(gram: str) -> int:
    """Index key of a word's first two characters, or of a one-character word (ideographs < U+10000)."""
    return ord(gram[0]) << 16 | (ord(gram[1]) if len(gram) > 1 else 0)


class _WordIndex:
    """The dictionary words grouped by key, as laid out in the cache file (all arrays unsigned 32-bit).

    ``keys`` sorted; the words under ``keys[i]`` are ``blob[spans[i]:spans[i + 1]]`` (UTF-8,
    separated by spaces) and their frequencies ``freqs[firsts[i]:firsts[i + 1]]``.
    """

    def __init__(self, keys: memoryview, spans: memoryview, firsts: memoryview, freqs: memoryview,
                 blob: memoryview, total: int) -> None:
        """The arrays as described above; ``total``: the sum of all the dictionary's frequencies."""
        self.keys = keys
        self.spans = spans
        self.firsts = firsts
        self.freqs = freqs
        self.blob = blob
        self.total = total

    def entries(self, gram: str) -> tuple[list[str], list[int]]:
        """The words under ``gram`` (a word's first two characters, or a one-character word) and their frequencies."""
        key = ord(gram[0]) << 16 | (ord(gram[1]) if len(gram) > 1 else 0)  # _key, inlined: called per gram
        keys = self.keys
        i = bisect_left(keys, key)
        if i == len(keys) or keys[i] != key:
            return [], []
        return self.words(i), self.freqs[self.firsts[i] : self.firsts[i + 1]].tolist()

    def words(self, i: int) -> list[str]:
        """The words under the ``i``-th key."""
        return str(self.blob[self.spans[i] : self.spans[i + 1]], "utf-8").split()


class _LazySegmenter(ABC):
    """A segmenter that grows, before each cut, by the dictionary words the text can hold."""

    def __init__(self, index: _WordIndex) -> None:
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
        with self._lock:
            if self._full is None and run not in self._ready:
                grams = {run[i : i + 2] for i in range(len(run) - 1)}
                grams.update(run)
                new = grams - self._seen
                if new:
                    self._grow(new)
                self._ready.add(run)
            if self._full is None:
                return self._cut(run)
        return list(self._full(run))

    def grow(self, runs: Iterable[str]) -> None:
        """Add the words ``runs`` can hold without cutting them (warming up before workers fork)."""
        grams: set[str] = set()
        for run in runs:
            grams.update(run[i : i + 2] for i in range(len(run) - 1))
            grams.update(run)
        with self._lock:
            new = grams - self._seen
            if new and self._full is None:
                self._grow(new)

    def _grow(self, grams: set[str]) -> None:
        """Add the words under ``grams``; a damaged entry switches to the full dictionary for good."""
        entries = self._index.entries
        added = self._added
        try:
            for gram in grams:
                words, freqs = entries(gram)
                self._add(words, freqs)
                added += sum(freqs)
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

    def __init__(self, index: _WordIndex, jieba_class: Any) -> None:
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

    def __init__(self, index: _WordIndex, tokenizer: Any) -> None:
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
    path = _rjieba_extension()
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


def _package_dir(name: str) -> Path | None:
    """Folder of an installed package, found without importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    for location in spec.submodule_search_locations or ():
        return Path(location)
    return None


def _rjieba_extension() -> Path | None:
    """Path of rjieba's binary extension, or None when it cannot be found."""
    from importlib.machinery import EXTENSION_SUFFIXES

    folder = _package_dir("rjieba")
    if folder is None:
        return None
    for suffix in EXTENSION_SUFFIXES:
        path = folder / f"rjieba{suffix}"
        if path.is_file():
            return path
    return None


def _jieba_dictionary() -> Path:
    """jieba's dict.txt, the words jieba-rs embeds; raises ``_IndexUnusable`` without it."""
    folder = _package_dir("jieba")
    for candidate in (folder, app_root() / "jieba"):  # the second: the frozen app
        if candidate is not None and (candidate / "dict.txt").is_file():
            return candidate / "dict.txt"
    raise _IndexUnusable("jieba's dict.txt not found")


def _stamp(path: Path) -> list[int]:
    """Size and modification time: what identifies an installed file without reading it."""
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _index_identity(engine: str) -> dict[str, Any]:
    """What ``engine``'s index is built from: the files' identities and the policy dictionary's checksum.

    Installed files are identified by size and time (hashing jieba's 5 MB dictionary
    would cost several milliseconds on every start), the policy dictionary, which is
    edited in place, by its content.
    """
    if engine == "rjieba":
        library = _rjieba_extension()
    else:
        folder = _package_dir("jieba")
        library = folder / "__init__.py" if folder is not None else None
    if library is None or not library.is_file():
        raise _IndexUnusable(f"{engine} not found")
    policy = resource_path(*DICT_PARTS).read_bytes()
    return {
        "format": _INDEX_FORMAT,
        "engine": engine,
        "byteorder": sys.byteorder,
        "library": _stamp(library),
        "jieba_dict": _stamp(_jieba_dictionary()),
        "policy_dict": [len(policy), zlib.crc32(policy)],
    }


def _index_bytes(identity: dict[str, Any], usable: bool, arrays: tuple[bytes, ...] | None, total: int) -> bytes:
    """The cache file: magic, header length, JSON header padded to 8 bytes, then the index's arrays and blob."""
    import json

    parts = arrays or (b"",) * 5
    sizes = [len(part) for part in parts]
    header = json.dumps({"identity": identity, "usable": usable, "total": total, "sizes": sizes,
                         "crc": zlib.crc32(b"".join(parts))}).encode()
    header += b" " * (-(len(_INDEX_MAGIC) + 4 + len(header)) % 8)
    return b"".join((_INDEX_MAGIC, len(header).to_bytes(4, "little"), header, *parts))


def _parse_index(data: bytes, identity: dict[str, Any]) -> _WordIndex | None:
    """The index in ``data``; None when it is damaged or was built from other files.

    Raises ``_IndexUnusable`` when the file records that the index failed its check.
    """
    import json

    start = len(_INDEX_MAGIC) + 4
    if not data.startswith(_INDEX_MAGIC) or len(data) < start:
        return None
    size = int.from_bytes(data[len(_INDEX_MAGIC) : start], "little")
    try:
        header = json.loads(data[start : start + size])
        sizes, total, crc = header["sizes"], int(header["total"]), header["crc"]
        if header["identity"] != identity:
            return None
        if not header["usable"]:
            raise _IndexUnusable("the word index disagreed with rjieba on this machine")
        body = memoryview(data)[start + size :]
        if len(sizes) != 5 or sum(sizes) != len(body) or zlib.crc32(body) != crc:
            return None
        parts = []
        for length in sizes:
            parts.append(body[:length])
            body = body[length:]
        keys, spans, firsts, freqs = (part.cast("I") for part in parts[:4])
    except (ValueError, KeyError, TypeError):  # TypeError: a length that is no multiple of 4
        return None
    if not len(spans) == len(firsts) == len(keys) + 1:
        return None
    return _WordIndex(keys, spans, firsts, freqs, parts[4], total)


def _build_index(engine: str) -> tuple[_WordIndex, tuple[bytes, ...]]:
    """The word index from jieba's dict.txt and the policy dictionary (which wins), as ``engine`` reads them.

    The words and frequencies are the same for both engines; the total differs: jieba-rs
    sums the frequencies of the distinct words, jieba those of every line (a word listed
    twice counts twice) plus the policy words' change (see ``_jieba_tokenizer``).
    """
    from array import array

    freq: dict[str, int] = {}
    line_total = 0
    with _jieba_dictionary().open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if fields:  # jieba-rs: a missing frequency is 0, a later line replaces an earlier one
                freq[fields[0]] = int(fields[1]) if len(fields) > 1 else 0
                line_total += freq[fields[0]]
    for word, count, _tag in read_user_dict():
        line_total += count - freq.get(word, 0)
        freq[word] = count
    groups: dict[int, list[str]] = {}
    for word in freq:
        if _HAN_WORD.fullmatch(word):
            groups.setdefault(_key(word[:2]), []).append(word)
    keys = array("I", sorted(groups))
    spans, firsts, freqs = array("I", [0]), array("I", [0]), array("I")
    chunks = []
    for key in keys:
        words = groups[key]
        chunk = " ".join(words).encode("utf-8") + b" "
        chunks.append(chunk)
        spans.append(spans[-1] + len(chunk))
        freqs.extend(freq[word] for word in words)
        firsts.append(len(freqs))
    arrays = (keys.tobytes(), spans.tobytes(), firsts.tobytes(), freqs.tobytes(), b"".join(chunks))
    total = sum(freq.values()) if engine == "rjieba" else line_total
    index = _parse_index(_index_bytes({}, True, arrays, total), {})
    if index is None or keys.itemsize != 4:
        raise _IndexUnusable("word index could not be laid out")
    return index, arrays


def _check_text(index: _WordIndex) -> str:
    """A long text made of every twentieth word of the index, to compare the lazy and full cuts on."""
    return "".join(word for i in range(len(index.keys)) for word in index.words(i)[::_CHECK_STRIDE])


def _rjieba_agrees(index: _WordIndex) -> bool:
    """Whether the lazy form cuts as rjieba's full dictionary does: every word of the index
    known to it, and the check text cut alike."""
    full = _load_rjieba_full()
    import rjieba

    for i in range(len(index.keys)):
        if not all(map(rjieba.has_word, index.words(i))):
            return False
    text = _check_text(index)
    return _LazyRjieba(index, rjieba.Jieba)(text) == list(full(text))


def _jieba_agrees(index: _WordIndex) -> bool:
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
    text = _check_text(index)
    return _LazyJieba(index, _jieba_tokenizer(initialize=False))(text) == list(full.cut(text, HMM=False))


def _word_index(engine: str, agrees: Callable[[_WordIndex], bool]) -> _WordIndex:
    """``engine``'s word index from the cache folder, built (and checked by ``agrees``) when
    missing, stale or damaged."""
    identity = _index_identity(engine)
    path = cache_dir() / f"{engine}-words.bin"
    try:
        index = _parse_index(path.read_bytes(), identity)
    except OSError:
        index = None
    if index is not None:
        return index
    index, arrays = _build_index(engine)
    usable = agrees(index)
    _write_index(path, _index_bytes(identity, usable, arrays if usable else None, index.total))
    if not usable:
        raise _IndexUnusable(f"the word index disagrees with {engine} on this machine")
    return index


def _write_index(path: Path, data: bytes) -> None:
    """Write the cache file atomically; a cache that cannot be written is only a slower next start."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def _load_rjieba_lazy() -> Cutter:
    """rjieba from the word index: only the words each text can hold are ever built."""
    jieba_class = _rjieba_class()
    if "rjieba" in sys.modules:  # the full dictionary is built already: use it
        return _load_rjieba_full()
    return _LazyRjieba(_word_index("rjieba", _rjieba_agrees), jieba_class)


def _load_jieba_lazy() -> Cutter:
    """jieba from the word index: its table only ever holds the words of the texts seen."""
    tokenizer = _jieba_tokenizer(initialize=False)
    return _LazyJieba(_word_index("jieba", _jieba_agrees), tokenizer)


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
    """Name of the segmenter in use: "rjieba" when it can be imported, else "jieba".

    Only rjieba's binary extension is loaded here: importing the package would build its
    whole dictionary.
    """
    try:
        _rjieba_class()
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


def _with_values(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` with the tokens of each value (a number with its unit, a date, a range) joined.

    A value is tried at each token start that can begin one and kept up to the last
    token boundary it reaches, so a value never splits a word; a trailing range
    separator is left out. Candidates are found by one regex scan: most tokens cannot
    start a value, and a Python loop over every token would cost more than the cut.
    """
    joins: list[tuple[int, int]] = []  # (first, last) token indices of each value
    resume = 0
    for candidate in _VALUE_START.finditer(text):
        pos = candidate.start()
        if pos < resume:
            continue
        first = bisect_left(spans, pos, key=_start_of)
        if first == len(spans) or spans[first][0] != pos:
            continue
        match = _VALUE.match(text, pos)
        if match is None or match.end() <= spans[first][1]:
            continue
        last = bisect_right(spans, match.end(), key=_end_of) - 1
        while last > first and text[spans[last][0] : spans[last][1]] in _SEPARATORS:
            last -= 1
        if last > first:
            joins.append((first, last))
            resume = spans[last][1]
    if not joins:
        return spans
    out: list[tuple[int, int]] = []
    done = 0
    for first, last in joins:
        out += spans[done:first]
        out.append((spans[first][0], spans[last][1]))
        done = last + 1
    out += spans[done:]
    return tuple(out)


def _start_of(span: tuple[int, int]) -> int:
    return span[0]


def _end_of(span: tuple[int, int]) -> int:
    return span[1]


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the values that start with a digit (2025年底, 16.5%, 5-8个), found by pattern alone.

    Cheaper than ``tokenize`` on a whole document (no segmenter), for code that only
    needs to keep a figure whole; without the word boundaries a unit may reach into the
    next word (3个 of 3个人才), which only makes the span a little longer.
    """
    spans: list[tuple[int, int]] = []
    for start in _FIGURE_START.finditer(text):
        if spans and start.start() < spans[-1][1]:
            continue  # the second figure of a range
        match = _VALUE.match(text, start.start())
        if match is not None:
            spans.append((match.start(), match.end()))
    return spans


def warm(texts: Iterable[str]) -> None:
    """Load the segmenter and, in its lazy form, the words of ``texts`` (comparison-form text).

    For work about to be forked into worker processes: what is loaded here is shared
    by every worker instead of being loaded again in each.
    """
    cut = _cutter(engine())
    if isinstance(cut, _LazySegmenter):
        cut.grow(run for text in texts for run in _HAN_WORD.findall(text))


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int], ...]:
    """Token spans [start, end) tiling `text` (a comparison-form text: Simplified, folded) in order.

    Chinese is cut into words, runs of ASCII letters and digits stay whole, a value
    (number with unit, percentage, date, range, Chinese numeral) is one token, and
    every other character (punctuation, line breaks) is a token of its own. Results
    are cached: a section is often diffed against several counterparts.
    """
    return _with_values(text, _spans(text, _cutter(engine())))
