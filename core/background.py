"""How much a word says about a subject, from a background corpus of Chinese legal and policy texts.

Words that nearly every policy or legal document uses (加强, 推进, 建设, 工作, 发展) say
little about what a passage is about; subject words (白酒, 航运, 毗邻, 义务教育) say much.
The aligner uses this to weigh shared words, so that two passages that share 邮政 and
快递 pair up before two that share only 加强 and 推进.

The weight is an inverse document frequency, ``log((N + 1) / (df + 1)) + 1``, where N is
the number of documents of the background corpus and df the number of them that use the
term (a CJK character bigram or a jieba word of 2+ ideographs, in comparison form:
Simplified, as ``core/normalize.py`` and ``core/tokens.py`` produce it). Terms that are
not in the table (found in fewer than 3 documents, or never) get df = 0, the largest idf.

The table, ``resources/dict/background_df.tsv.gz``, is built by
``resources/dict/build_background.py`` (corpus and rebuild command in
``resources/dict/README.md``). Its lines are ``term<TAB>df`` sorted by term after one
``#`` header line that gives ``documents=N``. It is loaded on first use, once per
process, and kept as it is, one block of bytes: a comparison looks up a few thousand of
its ~170,000 terms, so a term is found by a binary search over the first term of about
every hundredth line, then a search of those hundred lines, instead of splitting the whole
table into strings (that cost some 20 ms on every start). The decompressed table is kept in the
user's cache folder, checked against the checksum the compressed file carries, so that a
start does not decompress it again (another 12 ms).
"""

from __future__ import annotations

import math
import threading
import zlib
from bisect import bisect_right
from pathlib import Path

from core import patterns
from core.resources import cache_dir, resource_path, write_cache

TABLE_NAMES = ("background_df.tsv.gz", "background_df.tsv")  # the first that exists is read
_DOCUMENTS = patterns.compiled(r"\bdocuments=(\d+)")
# Bytes of table per block of the lookup directory: a lookup searches one block.
_BLOCK = 1024


class BackgroundIdf:
    """Document frequencies of a background corpus, and the idf weight they give."""

    def __init__(self, documents: int, lines: bytes) -> None:
        """``lines``: the table's ``term<TAB>df`` lines in UTF-8, sorted by term, header removed."""
        if documents < 1:
            raise ValueError("a background table needs at least one document")
        self.documents = documents
        # Each line, the first too, follows a line break: a line is found by searching for
        # "\n" + term + "\t" in its block.
        self._lines = b"\n" + lines if not lines or lines.endswith(b"\n") else b"\n" + lines + b"\n"
        self._starts, self._firsts = _blocks(self._lines)
        self._log_n1 = math.log(documents + 1)
        self._memo: dict[str, float] = {}

    @classmethod
    def from_text(cls, text: str) -> BackgroundIdf:
        """Parse a table: a ``#`` header line with ``documents=N``, then sorted ``term<TAB>df`` lines."""
        return cls.from_bytes(text.encode("utf-8"))

    @classmethod
    def from_bytes(cls, data: bytes) -> BackgroundIdf:
        """Parse a table given as UTF-8 bytes (see ``from_text``)."""
        header, _, body = data.partition(b"\n")
        head = header.decode("utf-8", errors="replace")
        match = _DOCUMENTS.search(head) if head.startswith("#") else None
        if match is None:
            raise ValueError(f"background table header without documents=N: {head[:80]!r}")
        return cls(int(match.group(1)), body)

    @classmethod
    def from_path(cls, path: Path) -> BackgroundIdf:
        """Read a table file, gzip-compressed when its name ends in ``.gz``."""
        return cls.from_bytes(_decompressed(path) if path.suffix == ".gz" else path.read_bytes())

    def __len__(self) -> int:
        """Number of terms in the table."""
        return self._lines.count(b"\n") - 1

    def df(self, term: str) -> int:
        """Number of background documents that use ``term``; 0 when it is not in the table."""
        key = term.encode("utf-8")
        # A tab sorts before every character of a term: line order is term order (and UTF-8
        # keeps the order of the characters), so the line is in the last block starting at
        # or before it.
        block = bisect_right(self._firsts, key) - 1
        if block < 0:
            return 0
        starts, lines = self._starts, self._lines
        end = starts[block + 1] if block + 1 < len(starts) else len(lines)
        found = lines.find(b"\n" + key + b"\t", starts[block], end)
        if found < 0:
            return 0
        value = found + len(key) + 2
        return int(lines[value : lines.index(b"\n", value)])

    def idf(self, term: str) -> float:
        """``log((N + 1) / (df + 1)) + 1``: about 1 for words every document uses, ``max_idf`` for unknown ones."""
        value = self._memo.get(term)
        if value is None:
            value = self._memo[term] = self._log_n1 - math.log(self.df(term) + 1) + 1.0
        return value

    @property
    def max_idf(self) -> float:
        """The idf of a term no background document uses: the largest weight."""
        return self._log_n1 + 1.0


def table_path() -> Path:
    """Path of the bundled table (the compressed one when both exist)."""
    for name in TABLE_NAMES:
        path = resource_path("dict", name)
        if path.is_file():
            return path
    raise FileNotFoundError(f"no background table {' or '.join(TABLE_NAMES)} in {resource_path('dict')}")


_tables: list[BackgroundIdf] = []  # the bundled table, once loaded
_tables_lock = threading.Lock()


def background_idf() -> BackgroundIdf:
    """The bundled background table, loaded on first use and kept for the process (while a
    thread loads it ahead, see ``cli.compare.load_ahead``, a second caller waits for it
    rather than load it again)."""
    if not _tables:
        with _tables_lock:
            if not _tables:
                _tables.append(BackgroundIdf.from_path(table_path()))
    return _tables[0]


def _blocks(lines: bytes) -> tuple[list[int], list[bytes]]:
    """The lookup directory of a table (``lines`` starting with a line break): the offset of
    the line break opening each block of about ``_BLOCK`` bytes, and the block's first term."""
    starts: list[int] = []
    firsts: list[bytes] = []
    start = 0
    last = len(lines) - 1  # the final line break opens no line
    while 0 <= start < last:
        line_end = lines.index(b"\n", start + 1)
        tab = lines.find(b"\t", start + 1, line_end)
        starts.append(start)
        firsts.append(lines[start + 1 : tab if tab >= 0 else line_end])
        start = lines.find(b"\n", start + _BLOCK)
    return starts, firsts


def _decompressed(path: Path) -> bytes:
    """The content of the gzip file ``path``; for the bundled table, from the cache folder
    when a copy there matches the checksum and size the file records for it (its last eight
    bytes). Other tables (the build script's) are decompressed each time."""
    if path.parent != resource_path("dict"):
        import gzip

        return gzip.decompress(path.read_bytes())
    with path.open("rb") as file:
        file.seek(-8, 2)
        trailer = file.read(8)
    crc, size = int.from_bytes(trailer[:4], "little"), int.from_bytes(trailer[4:], "little")
    try:
        cached: Path | None = cache_dir() / path.name.removesuffix(".gz")
    except OSError:  # no cache folder to be had: decompressed on every start
        cached = None
    try:
        data = cached.read_bytes() if cached is not None else b""
    except OSError:  # no copy yet
        data = b""
    if len(data) % 2**32 == size and zlib.crc32(data) == crc:
        return data
    import gzip  # only when the cached copy is missing or stale

    data = gzip.decompress(path.read_bytes())
    if cached is not None:
        write_cache(cached, data)
    return data
