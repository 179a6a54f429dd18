"""Atomic file output: write beside the target, then rename into place.

A failed export never leaves a half-written file and never destroys the file it was
meant to replace. A target held open by another program (Word keeps its documents
locked on Windows) becomes an ``InputError`` the user can act on.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from core.errors import InputError

# Antivirus scanners and indexers hold new files for a moment on Windows; a short
# retry tells such a transient lock apart from a document open in Word.
_REPLACE_ATTEMPTS = 5
_REPLACE_PAUSE = 0.1


def _locked(path: Path) -> InputError:
    return InputError(f"无法写入 {path}：文件被其他程序占用（例如已在 Word 中打开），请关闭后重试")


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary path beside ``path``, then move the result onto ``path``.

    On any failure the temporary file is removed and an existing ``path`` is left as it
    was. Permission problems and a missing folder are reported as ``InputError``.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"无法写入 {target}：文件夹 {folder} 不存在")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=target.suffix, dir=folder)
    except PermissionError as exc:
        raise InputError(f"无法写入 {target}：没有在 {folder} 中写文件的权限") from exc
    except OSError as exc:
        raise InputError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        # mkstemp creates the file private (0600); give the export the usual permissions
        # or keep those of the file it replaces.
        os.chmod(temp, target.stat().st_mode & 0o777 if target.is_file() else 0o644)
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _replace(temp: Path, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(temp, target)
            return
        except PermissionError as exc:
            if attempt + 1 == _REPLACE_ATTEMPTS:
                raise _locked(target) from exc
            time.sleep(_REPLACE_PAUSE)
        except IsADirectoryError as exc:
            raise InputError(f"无法写入 {target}：这是一个文件夹") from exc
        except OSError as exc:
            raise InputError(f"无法写入 {target}：{exc.strerror or exc}") from exc
