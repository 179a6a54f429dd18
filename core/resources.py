"""The one place that builds paths to bundled resources.

From source, resources live in ``resources/`` at the top of the repository; in the
frozen app PyInstaller unpacks them under ``sys._MEIPASS``. Writable data (jieba's
cache, the segmenter's word index, the decompressed background table) goes to the
user's cache directory.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path


def app_root() -> Path:
    """Top folder of the application: the repository, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return app_root().joinpath("resources", *parts)


def docs_dir() -> Path:
    """Folder of the user guide and its images."""
    return app_root() / "docs"


def samples_dir() -> Path:
    """Folder of the bundled sample documents."""
    return app_root() / "docs_in"


def cache_dir() -> Path:
    """A writable per-user cache folder for Duizhao, created on demand."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "duizhao"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        path = Path(tempfile.gettempdir()) / "duizhao-cache"
        path.mkdir(parents=True, exist_ok=True)
    return path


def write_cache(path: Path, data: bytes) -> None:
    """Write a file of the cache folder atomically (no reader ever sees half of it); a cache
    that cannot be written is only a slower next start, so a failure is ignored."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def version() -> str:
    """The application version, from the single ``VERSION`` file."""
    try:
        return (app_root() / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return "0.0.0"
