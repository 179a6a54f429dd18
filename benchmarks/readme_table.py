"""Put the benchmark table of the last run into README.md, between two marker comments.

Only the text between ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` is replaced;
the markers and everything around them stay as they are. The file is written beside
itself and renamed into place, so a reader (or an interrupted run) never sees half a
README, and it is not written at all when the table is unchanged.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"


class MarkerError(ValueError):
    """The file does not hold exactly one begin marker followed by one end marker."""


def replace_between_markers(text: str, content: str) -> str:
    """``text`` with what lies between the markers replaced by ``content`` (on lines of its own).

    Raises MarkerError unless ``text`` holds each marker exactly once, begin before end.
    """
    if text.count(BEGIN) != 1 or text.count(END) != 1:
        raise MarkerError(f"expected one {BEGIN} and one {END}")
    head, rest = text.split(BEGIN)
    if END in head:
        raise MarkerError(f"{END} comes before {BEGIN}")
    _old, tail = rest.split(END)
    newline = "\r\n" if "\r\n" in text else "\n"
    body = content.strip("\r\n").replace("\r\n", "\n").replace("\n", newline)
    return f"{head}{BEGIN}{newline}{body}{newline}{END}{tail}"


def write_table(path: Path, content: str) -> bool:
    """Replace the text between the markers of ``path`` with ``content``; True if the file changed.

    Atomic: the new text goes to a temporary file in the same folder, which then
    replaces ``path`` (its permissions kept). Raises MarkerError, leaving the file
    untouched, when its markers are missing or out of order.
    """
    with open(path, encoding="utf-8", newline="") as file:
        old = file.read()
    new = replace_between_markers(old, content)
    if new == old:
        return False
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(new)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True
