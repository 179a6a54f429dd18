"""Build ``background_df.tsv.gz``: how many documents of a reference corpus use each term.

The aligner weighs a shared word by how much it says about a subject. Words that every
policy or legal text uses (加强, 推进, 建设, 工作, 发展) occur in most documents and weigh
little; subject words (白酒, 航运, 毗邻, 疾病预防) occur in few and weigh much. This script
counts, over a corpus of Chinese laws, regulations and policy documents, the number of
documents each term occurs in (its document frequency, df); ``core/background.py`` reads
the table and turns it into an idf.

A term of a document is

- a character bigram: two consecutive ideographs inside a run of ideographs, and
- a jieba word of two or more ideographs, cut exactly as ``core/tokens.py`` cuts
  (rjieba, no HMM, the policy user dictionary),

both taken from the document's comparison form (``core/normalize.py``: Traditional
converted to Simplified with OpenCC, spaces dropped, punctuation folded), so that the
table speaks of the same strings the aligner sees. Ideographs are U+4E00..U+9FD5, the
class ``core/tokens.py`` hands to the segmenter. A document is one file (a law, a
regulation, an interpretation), or one record of a JSON Lines file; a file without a
single term (no Chinese text) is not counted. When a folder holds
several versions of one law, ``标题(YYYY-MM-DD).md``, only the newest counts, unless
``--all-versions`` is given: near-identical versions would inflate the df of the words
of that one law.

Sources are folders, bare git directories (read at ``HEAD`` with ``git``, no work tree
needed) or ``.jsonl`` files whose records carry the text under ``content`` (or
``text``). Write ``LABEL=PATH`` to name a source in the header, and ``PATH::GLOB`` to
read only the files of a folder or git directory whose path matches GLOB. Only terms with
``df >= --min-df`` are written: rarer terms get the reader's default, the maximum idf.

Output: gzip-compressed UTF-8 text, first line a ``#`` header with the number of
documents and the sources, then ``term<TAB>df`` lines sorted by term (code point order,
so the reader can binary-search it). Rebuild (see ``README.md`` for the exact command)::

    .venv/bin/python resources/dict/build_background.py [LABEL=]SOURCE[::GLOB] ... [-o OUT]
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path(__file__).resolve().parent / "background_df.tsv.gz"
TEXT_SUFFIXES = (".md", ".txt")
DEFAULT_EXCLUDES = ("_index.md", "README.md", "*模版.md", "*模板.md")
HAN_RUN = re.compile(r"[\u4e00-\u9fd5]+")  # the ideographs core/tokens.py segments
VERSION = re.compile(r"^(?P<title>.*?)\s*\((?P<date>\d{4}-\d{2}-\d{2})\)$")
FORMAT = "duizhao-background-df 1"


@dataclass
class Source:
    """One corpus given on the command line and what was taken from it."""

    label: str
    path: Path
    only: str = ""  # glob over paths inside the source: read only these files
    documents: int = 0
    skipped_versions: int = 0
    without_terms: int = 0  # files with no Chinese text (a requirements.txt): not documents
    commit: str = ""
    kinds: Counter[str] = field(default_factory=Counter)

    def describe(self) -> str:
        """``label@commit (N documents)`` for the header line."""
        at = f"@{self.commit[:12]}" if self.commit else ""
        return f"{self.label}{at} ({self.documents} documents)"


# ---------------------------------------------------------------------------- reading


def _excluded(path: str, excludes: tuple[str, ...]) -> bool:
    parts = path.replace("\\", "/").split("/")
    if any(part.startswith(".") for part in parts):
        return True
    return any(fnmatch.fnmatch(parts[-1], pattern) for pattern in excludes)


def _newest_versions(paths: list[str]) -> tuple[list[str], int]:
    """Keep, of the files ``标题(YYYY-MM-DD).md`` of one folder, the newest; count the rest.

    A file without a date counts as the oldest version of its title.
    """
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        stem = name.rsplit(".", 1)[0]
        match = VERSION.match(stem)
        title, date = (match["title"], match["date"]) if match else (stem, "")
        key = (folder, title)
        if key not in best or date > best[key][0]:
            best[key] = (date, path)
    kept = sorted(path for _, path in best.values())
    return kept, len(paths) - len(kept)


def _jsonl_documents(data: str, where: str) -> Iterator[str]:
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record.get("content") or record.get("text")
        if not isinstance(text, str):
            raise ValueError(f"{where}:{lineno}: no 'content' or 'text' string in the record")
        yield text


def _is_git_dir(path: Path) -> bool:
    return path.is_dir() and (path / "HEAD").is_file() and (path / "objects").is_dir()


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True).stdout


def _git_blobs(git_dir: Path, paths: list[str]) -> Iterator[tuple[str, bytes]]:
    """Contents of ``HEAD:path`` for each path, through one ``git cat-file --batch``."""
    with subprocess.Popen(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        for path in paths:
            proc.stdin.write(f"HEAD:{path}\n".encode())
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) < 3 or header[1] != b"blob":
                continue  # missing from the snapshot (e.g. a large file left out): skip it
            data = proc.stdout.read(int(header[2]))
            proc.stdout.read(1)  # the newline after the contents
            yield path, data
        proc.stdin.close()


def read_source(source: Source, excludes: tuple[str, ...], all_versions: bool) -> Iterator[str]:
    """The texts of the documents of ``source``, one string per document."""
    path = source.path
    if path.is_file():
        if path.suffix != ".jsonl":
            raise ValueError(f"{path}: a single file must be JSON Lines (.jsonl)")
        for text in _jsonl_documents(path.read_text(encoding="utf-8"), str(path)):
            source.kinds["jsonl record"] += 1
            yield text
        return
    if _is_git_dir(path):
        source.commit = _git(path, "rev-parse", "HEAD").decode().strip()
        listed = _git(path, "-c", "core.quotepath=off", "ls-tree", "-r", "-z", "--name-only", "HEAD")
        names = [name.decode("utf-8") for name in listed.split(b"\0") if name]

        def blobs(wanted: list[str]) -> Iterable[tuple[str, bytes]]:
            return _git_blobs(path, wanted)

    elif path.is_dir():
        names = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())

        def blobs(wanted: list[str]) -> Iterable[tuple[str, bytes]]:
            return ((name, (path / name).read_bytes()) for name in wanted)

    else:
        raise FileNotFoundError(path)
    names = [n for n in names if n.endswith((*TEXT_SUFFIXES, ".jsonl")) and not _excluded(n, excludes)]
    if source.only:
        names = [n for n in names if fnmatch.fnmatch(n, source.only)]
    texts = [n for n in names if n.endswith(TEXT_SUFFIXES)]
    if not all_versions:
        texts, source.skipped_versions = _newest_versions(texts)
    wanted = sorted(texts + [n for n in names if n.endswith(".jsonl")])
    for name, data in blobs(wanted):
        text = data.decode("utf-8-sig", errors="replace")
        if name.endswith(".jsonl"):
            for record in _jsonl_documents(text, name):
                source.kinds["jsonl record"] += 1
                yield record
        else:
            source.kinds[name.rsplit(".", 1)[1]] += 1
            yield text


# ---------------------------------------------------------------------------- terms

_worker_cut: Callable[[str], tuple[tuple[int, int], ...]] | None = None


def _init_worker() -> None:
    """Load OpenCC and the segmenter once per worker process."""
    global _worker_cut
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from core import tokens

    # tokenize() caches per text; a corpus of whole documents would fill that cache.
    _worker_cut = tokens.tokenize.__wrapped__  # type: ignore[attr-defined]
    _worker_cut("加强")


def comparison_form(text: str) -> str:
    """``text`` as core/normalize.py compares it: Simplified, folded, spaces dropped."""
    from core.normalize import fold_char, to_simplified

    simplified = to_simplified(text)
    return simplified.translate({ord(ch): fold_char(ch) for ch in set(simplified)})


def document_terms(text: str) -> list[str]:
    """The distinct bigrams and jieba words (2+ ideographs) of one document."""
    assert _worker_cut is not None, "call _init_worker() first"
    form = comparison_form(text)
    terms: set[str] = set()
    for match in HAN_RUN.finditer(form):
        run = match.group()
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    for start, end in _worker_cut(form):
        if end - start >= 2 and HAN_RUN.fullmatch(form, start, end):
            terms.add(form[start:end])
    return list(terms)


# ---------------------------------------------------------------------------- main


def _parse_source(spec: str) -> Source:
    """``[LABEL=]PATH[::GLOB]``: a source, its name in the header, the files to read."""
    spec, _, only = spec.partition("::")
    label, sep, path = spec.partition("=")
    if not sep:
        path = spec
        resolved = Path(spec).resolve()
        label = resolved.parent.name if resolved.name in ("repo", ".git") else resolved.name
    return Source(label=label, path=Path(path), only=only)


def build(
    sources: list[Source], out: Path, min_df: int, jobs: int, excludes: tuple[str, ...], all_versions: bool
) -> tuple[int, int]:
    """Count document frequencies over ``sources`` and write the table; return (N, terms written)."""
    df: Counter[str] = Counter()
    documents = 0
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) if jobs > 1 else None
    if pool is None:
        _init_worker()
    mapper = pool.map if pool is not None else map
    with pool or nullcontext():
        for source in sources:
            texts = list(read_source(source, excludes, all_versions))
            for terms in mapper(document_terms, texts):
                if terms:
                    df.update(terms)
                    source.documents += 1
                else:
                    source.without_terms += 1
            documents += source.documents
            print(
                f"{source.describe()}: read {dict(source.kinds)}, older versions skipped: {source.skipped_versions}, "
                f"without Chinese text: {source.without_terms}",
                file=sys.stderr,
            )
    kept = sorted(term for term, count in df.items() if count >= min_df)
    header = (
        f"# {FORMAT}; documents={documents}; min_df={min_df}; terms={len(kept)}; "
        f"built by resources/dict/build_background.py; sources: " + "; ".join(s.describe() for s in sources)
    )
    body = "\n".join(f"{term}\t{df[term]}" for term in kept)
    data = f"{header}\n{body}\n".encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".gz":
        with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)  # no name and no time in the gzip header: rebuilds are byte-identical
    else:
        out.write_bytes(data)
    return documents, len(kept)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "sources", nargs="+", metavar="[LABEL=]SOURCE[::GLOB]", help="folder, bare git dir or .jsonl file"
    )
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help="output (.gz: compressed)")
    parser.add_argument("--min-df", type=int, default=3, help="keep terms found in at least this many documents")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (1: none)")
    parser.add_argument("--exclude", action="append", default=[], help="file-name glob to skip (repeatable)")
    parser.add_argument("--all-versions", action="store_true", help="count every dated version of a law")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sources = [_parse_source(spec) for spec in args.sources]
    excludes = DEFAULT_EXCLUDES + tuple(args.exclude)
    documents, terms = build(sources, args.out, args.min_df, args.jobs, excludes, args.all_versions)
    size = args.out.stat().st_size
    elapsed = time.perf_counter() - started
    print(f"{args.out}: {documents} documents, {terms} terms, {size} bytes, {elapsed:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
