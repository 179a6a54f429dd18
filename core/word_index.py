"""The dictionary words a segmenter can need, kept as a word index in the user cache folder.

rjieba builds its whole default dictionary (349,000 words) when it is imported: 0.1 to
0.2 s holding the GIL, so no thread can hide it; jieba reads its cache file, about a
second; yet a pair of documents uses a few thousand of those words. The segmenters of
``core.segmenter`` therefore start empty and take, before each cut, the words of this
index whose first two characters (or whose one character) occur in the text.

The words are jieba's dict.txt (the file jieba-rs embeds: jieba 0.42.1's) overlaid with
the policy dictionary (``resources/dict/policy_dict.txt``), grouped by key in one file per
engine and installation in the user cache folder (named by what it is built from, so that
two installations, an executable and a source checkout say, keep one each rather than
rebuild it in turn). It is built on the first start (a few seconds, checked against the
whole dictionary then; ``make`` builds rjieba's at install time) and rebuilt when the
engine, jieba's dictionary or the policy dictionary change, or when it is damaged.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from core import patterns
from core.resources import app_root, cache_dir, resource_path, write_cache

DICT_PARTS = ("dict", "policy_dict.txt")
_INDEX_MAGIC = b"DUIZHAO-WORDS\n"
_INDEX_FORMAT = 3
HAN_WORD = patterns.compiled("[\u4e00-\u9fd5]+")
# Every this-many-th dictionary word goes into the text that checks a new index.
_CHECK_STRIDE = 20
# Indexes of one engine kept in the cache folder, the most recently used first: one per
# installation in use; older ones are left over from installations updated or removed.
_KEPT = 3


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


class IndexUnusable(Exception):
    """The word index cannot stand in for the full dictionary here: use rjieba as it is."""


def _key(gram: str) -> int:
    """Index key of a word's first two characters, or of a one-character word (ideographs < U+10000)."""
    return ord(gram[0]) << 16 | (ord(gram[1]) if len(gram) > 1 else 0)


class WordIndex:
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

    def entries_of(self, grams: Iterable[str]) -> tuple[list[str], list[int]]:
        """The words under every one of ``grams`` and their frequencies, in one list each.

        What ``entries`` gives gram by gram, for less: the words of all the grams are decoded
        and split at once.
        """
        keys, spans, firsts, freqs, blob = self.keys, self.spans, self.firsts, self.freqs, self.blob
        count = len(keys)
        pieces: list[memoryview] = []
        found: list[int] = []
        for gram in grams:
            key = ord(gram[0]) << 16 | (ord(gram[1]) if len(gram) > 1 else 0)  # _key, inlined
            i = bisect_left(keys, key)
            if i < count and keys[i] == key:
                pieces.append(blob[spans[i] : spans[i + 1]])
                found.extend(freqs[firsts[i] : firsts[i + 1]])
        return str(b"".join(pieces), "utf-8").split(), found

    def words(self, i: int) -> list[str]:
        """The words under the ``i``-th key."""
        return str(self.blob[self.spans[i] : self.spans[i + 1]], "utf-8").split()


def package_dir(name: str) -> Path | None:
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


def rjieba_extension() -> Path | None:
    """Path of rjieba's binary extension, or None when it cannot be found."""
    from importlib.machinery import EXTENSION_SUFFIXES

    folder = package_dir("rjieba")
    if folder is None:
        return None
    for suffix in EXTENSION_SUFFIXES:
        path = folder / f"rjieba{suffix}"
        if path.is_file():
            return path
    return None


def jieba_dictionary() -> Path:
    """jieba's dict.txt, the words jieba-rs embeds; raises ``IndexUnusable`` without it."""
    folder = package_dir("jieba")
    for candidate in (folder, app_root() / "jieba"):  # the second: the frozen app
        if candidate is not None and (candidate / "dict.txt").is_file():
            return candidate / "dict.txt"
    raise IndexUnusable("jieba's dict.txt not found")


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
        library = rjieba_extension()
    else:
        folder = package_dir("jieba")
        library = folder / "__init__.py" if folder is not None else None
    if library is None or not library.is_file():
        raise IndexUnusable(f"{engine} not found")
    policy = resource_path(*DICT_PARTS).read_bytes()
    return {
        "format": _INDEX_FORMAT,
        "engine": engine,
        "byteorder": sys.byteorder,
        "library": _stamp(library),
        "jieba_dict": _stamp(jieba_dictionary()),
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


def _parse_index(data: bytes, identity: dict[str, Any]) -> WordIndex | None:
    """The index in ``data``; None when it is damaged or was built from other files.

    Raises ``IndexUnusable`` when the file records that the index failed its check.
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
            raise IndexUnusable("the word index disagreed with rjieba on this machine")
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
    return WordIndex(keys, spans, firsts, freqs, parts[4], total)


def _build_index(engine: str) -> tuple[WordIndex, tuple[bytes, ...]]:
    """The word index from jieba's dict.txt and the policy dictionary (which wins), as ``engine`` reads them.

    The words and frequencies are the same for both engines; the total differs: jieba-rs
    sums the frequencies of the distinct words, jieba those of every line (a word listed
    twice counts twice) plus the policy words' change (see ``_jieba_tokenizer``).
    """
    from array import array

    freq: dict[str, int] = {}
    line_total = 0
    with jieba_dictionary().open(encoding="utf-8") as lines:
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
        if HAN_WORD.fullmatch(word):
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
        raise IndexUnusable("word index could not be laid out")
    return index, arrays


def check_text(index: WordIndex) -> str:
    """A long text made of every twentieth word of the index, to compare the lazy and full cuts on."""
    return "".join(word for i in range(len(index.keys)) for word in index.words(i)[::_CHECK_STRIDE])


def index_path(folder: Path, identity: dict[str, Any]) -> Path:
    """The file of the index built from ``identity`` in ``folder``: the engine's name and a
    digest of what the index is built from."""
    # Two checksums of zlib, which every start loads anyway (hashlib costs 3 ms to import): a
    # name, not a seal; the file's header holds the identity itself and is checked on reading.
    named = json.dumps(identity, sort_keys=True).encode()
    digest = f"{zlib.crc32(named):08x}{zlib.adler32(named):08x}"
    return folder / f"{identity['engine']}-words-{digest}.bin"


def prune(kept: Path) -> None:
    """Remove the indexes of ``kept``'s engine beyond the ``_KEPT`` most recently used (``kept``
    always stays; each start marks the index it reads), and the index file of earlier
    versions, named by the engine alone."""
    engine = kept.name.split("-words-")[0]
    folder = kept.parent
    with contextlib.suppress(OSError):
        (folder / f"{engine}-words.bin").unlink(missing_ok=True)
        others = [path for path in folder.glob(f"{engine}-words-*.bin") if path != kept]
        others.sort(key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for path in others[_KEPT - 1 :]:
            path.unlink(missing_ok=True)


def word_index(engine: str, agrees: Callable[[WordIndex], bool]) -> WordIndex:
    """``engine``'s word index from the cache folder, built (and checked by ``agrees``) when
    missing, stale or damaged."""
    identity = _index_identity(engine)
    path = index_path(cache_dir(), identity)
    try:
        index = _parse_index(path.read_bytes(), identity)
    except OSError:
        index = None
    if index is not None:
        with contextlib.suppress(OSError):  # marks it in use, so that ``prune`` keeps it
            os.utime(path)
        return index
    index, arrays = _build_index(engine)
    usable = agrees(index)
    write_cache(path, _index_bytes(identity, usable, arrays if usable else None, index.total))
    prune(path)
    if not usable:
        raise IndexUnusable(f"the word index disagrees with {engine} on this machine")
    return index
