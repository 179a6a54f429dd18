"""Pairings set by hand, kept with the pair of files they were made on.

A drafter who corrects "this city item carries out that provincial item" expects to
find the correction again when the same two files are compared later, and never on
other files. Corrections are therefore stored in the settings under a key made from
the content of both files (not their names: a renamed copy keeps its corrections, an
edited file loses them), and handed to the engine in ``Options.corrections`` on every
comparison of those files. The engine applies one only while both items still carry
the labels it was made on.

The key needs both files read, so it is computed on the worker thread together with
the comparison (:func:`compare_job`), which returns the result with its key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from core.options import Correction, Options
from core.progress import Cancel, Progress
from core.result import Comparison
from gui.workers import Job

SETTINGS_KEY = "corrections/by_files"
MAX_KEPT = 200  # pairs of files whose corrections are kept; the least recently changed go first
_CHUNK = 1 << 20


def content_key(left: str, right: str) -> str:
    """A key for the ordered pair of files' contents; "" when a file cannot be read.

    Order matters: a correction says which right item carries out which left item, so
    swapping the sides is a different comparison.
    """
    digest = hashlib.sha256()
    for path in (left, right):
        part = hashlib.sha256()
        try:
            with open(path, "rb") as handle:
                while chunk := handle.read(_CHUNK):
                    part.update(chunk)
        except (OSError, ValueError):  # the comparison reports the real problem
            return ""
        digest.update(part.digest())
    return digest.hexdigest()[:40]


@dataclass(frozen=True)
class Compared:
    """A comparison and the content key of its two files (for its corrections)."""

    comparison: Comparison
    key: str


def compare_job(left: str, right: str, options: Options, stored: Mapping[str, tuple[Correction, ...]]) -> Job:
    """A worker job: key the two files, add their stored corrections to ``options``, compare."""

    def job(progress: Progress, cancel: Cancel) -> Compared:
        from core.compare import compare

        key = content_key(left, right)
        corrected = replace(options, corrections=stored.get(key, ()))
        return Compared(compare(left, right, corrected, progress=progress, cancel=cancel), key)

    return job


class CorrectionStore:
    """Corrections per content key, read once and written through to the settings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._by_key: dict[str, tuple[Correction, ...]] = _decode(settings.value(SETTINGS_KEY))

    def snapshot(self) -> dict[str, tuple[Correction, ...]]:
        """A copy of every stored correction, safe to hand to a worker thread."""
        return dict(self._by_key)

    def of(self, key: str) -> tuple[Correction, ...]:
        """The corrections of one pair of files."""
        return self._by_key.get(key, ())

    def put(self, key: str, correction: Correction) -> None:
        """Keep ``correction``, replacing an earlier one for the same right item."""
        kept = tuple(c for c in self.of(key) if c.right != correction.right)
        self._update(key, (*kept, correction))

    def remove(self, key: str, right: str) -> None:
        """Forget the correction of one right item (its automatic pairing returns)."""
        self._update(key, tuple(c for c in self.of(key) if c.right != right))

    def _update(self, key: str, corrections: tuple[Correction, ...]) -> None:
        if not key:
            return
        self._by_key.pop(key, None)
        if corrections:
            self._by_key[key] = corrections  # insertion order is recency of change
        while len(self._by_key) > MAX_KEPT:
            del self._by_key[next(iter(self._by_key))]
        self._settings.setValue(SETTINGS_KEY, _encode(self._by_key))


def _encode(by_key: Mapping[str, tuple[Correction, ...]]) -> str:
    return json.dumps(
        {key: [[c.right, c.right_label, c.left, c.left_label] for c in items] for key, items in by_key.items()},
        ensure_ascii=False,
    )


def _decode(value: object) -> dict[str, tuple[Correction, ...]]:
    """Stored corrections; whatever cannot be read is dropped, never raised."""
    if not isinstance(value, str):
        return {}
    try:
        raw = json.loads(value)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    out: dict[str, tuple[Correction, ...]] = {}
    for key, items in raw.items():
        if not isinstance(items, list):
            continue
        found = []
        for item in items:
            if (
                isinstance(item, list)
                and len(item) == 4
                and all(isinstance(part, str) for part in (item[0], item[1], item[3]))
                and (item[2] is None or isinstance(item[2], str))
            ):
                found.append(Correction(item[0], item[1], item[2], item[3]))
        if found:
            out[str(key)] = tuple(found)
    return out
