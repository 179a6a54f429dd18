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
process, and kept as its sorted list of lines: terms are found by binary search, which
loads several times faster than building a dictionary of the ~170,000 entries.
"""

from __future__ import annotations

import gzip
import math
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from core.resources import resource_path

TABLE_NAMES = ("background_df.tsv.gz", "background_df.tsv")  # the first that exists is read
_DOCUMENTS = re.compile(r"\bdocuments=(\d+)")


class BackgroundIdf:
    """Document frequencies of a background corpus, and the idf weight they give."""

    def __init__(self, documents: int, lines: list[str]) -> None:
        """``lines``: the table's ``term<TAB>df`` lines, sorted by term, header removed."""
        if documents < 1:
            raise ValueError("a background table needs at least one document")
        self.documents = documents
        self._lines = lines
        self._log_n1 = math.log(documents + 1)
        self._memo: dict[str, float] = {}

    @classmethod
    def from_text(cls, text: str) -> BackgroundIdf:
        """Parse a table: a ``#`` header line with ``documents=N``, then sorted ``term<TAB>df`` lines."""
        header, _, body = text.partition("\n")
        match = _DOCUMENTS.search(header) if header.startswith("#") else None
        if match is None:
            raise ValueError(f"background table header without documents=N: {header[:80]!r}")
        lines = body.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        return cls(int(match.group(1)), lines)

    @classmethod
    def from_path(cls, path: Path) -> BackgroundIdf:
        """Read a table file, gzip-compressed when its name ends in ``.gz``."""
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        return cls.from_text(data.decode("utf-8"))

    def __len__(self) -> int:
        """Number of terms in the table."""
        return len(self._lines)

    def df(self, term: str) -> int:
        """Number of background documents that use ``term``; 0 when it is not in the table."""
        key = term + "\t"  # a tab sorts before every ideograph: line order is term order
        lines = self._lines
        index = bisect_left(lines, key)
        if index < len(lines) and lines[index].startswith(key):
            return int(lines[index][len(key) :])
        return 0

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


@lru_cache(maxsize=1)
def background_idf() -> BackgroundIdf:
    """The bundled background table, loaded on first use and kept for the process."""
    return BackgroundIdf.from_path(table_path())
