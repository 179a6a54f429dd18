"""Files of the user cache folder that hold one marshalled dictionary behind a checksum.

Several start-up costs are the same work done again on every start (compiling the engine's
patterns, the methods of its dataclasses); their results are kept in such files. A file is
written atomically (``core.resources.write_cache``) and read back only when its header and
checksum match: a damaged or foreign file reads as empty, and the work is done as if there
were none. What is stored depends on the interpreter, so each file's name carries its version.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.resources import cache_dir, write_cache


def path_for(stem: str, tag: object) -> Path:
    """The cache file named ``stem`` for this interpreter (its name and exact version) and ``tag``."""
    version = ".".join(map(str, sys.version_info[:3]))
    return cache_dir() / f"{stem}-{sys.implementation.name}-{version}-{tag}.bin"


def read(path: Path | None, magic: bytes) -> dict[Any, Any]:
    """The dictionary the file holds; empty when it is missing, damaged or not ours."""
    try:
        data = path.read_bytes() if path is not None else b""
    except OSError:
        return {}
    start = len(magic) + 4
    body = data[start:]
    if not data.startswith(magic) or int.from_bytes(data[len(magic) : start], "little") != zlib.crc32(body):
        return {}
    with contextlib.suppress(ValueError, EOFError, TypeError):
        found = marshal.loads(body)
        if isinstance(found, dict):
            return found
    return {}


def write(path: Path | None, magic: bytes, content: dict[Any, Any]) -> None:
    """Replace the file with ``content`` (values ``marshal`` can write); a failure only costs
    the next start the work."""
    if path is None:
        return
    body = marshal.dumps(content)
    write_cache(path, magic + zlib.crc32(body).to_bytes(4, "little") + body)


class Table:
    """A dictionary kept in one cache file: read when first needed, written back by ``save``
    once entries were added that the file does not hold yet."""

    def __init__(self, path: Callable[[], Path | None], magic: bytes) -> None:
        """``path`` names the file (None: no file, where the entries cannot be kept)."""
        self._path = path
        self._magic = magic
        self._lock = threading.Lock()
        self.entries: dict[Any, Any] = {}
        self.new = False  # an entry the file does not hold yet

    def load(self) -> None:
        """Add the entries the file holds; none when it is missing or damaged."""
        self.entries.update(read(self._path(), self._magic))

    def add(self, key: Any, value: Any) -> None:
        """Keep ``value`` under ``key``, for ``save`` to write."""
        with self._lock:
            self.entries[key] = value
            self.new = True

    def save(self) -> None:
        """Write the file when an entry was added that it does not hold yet."""
        if not self.new:
            return
        with self._lock:
            self.new = False
            entries = dict(self.entries)
        write(self._path(), self._magic, entries)
