"""Atomic file output: write beside the target, then rename into place.

A failed export never leaves a half-written file and never destroys the file it was
meant to replace. A target held open by another program (Word keeps its documents
locked on Windows) becomes an ``InputError`` the user can act on.

Inputs are sacred: a target that is one of the compared files (by name, symlink, hard
link or ``..``) is refused, and so is a target that exists but is not a regular file
(a device, a pipe, a folder), because renaming over it would replace it. A symlink to a
regular file is followed, so the link stays and the file it points to is replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from core.errors import InputError

# Antivirus scanners and indexers hold new files for a moment on Windows; a short
# retry tells such a transient lock apart from a document open in Word.
_REPLACE_ATTEMPTS = 5
_REPLACE_PAUSE = 0.1


def _locked(path: Path) -> InputError:
    return InputError(f"无法写入 {path}：文件被其他程序占用（例如已在 Word 中打开），请关闭后重试")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def checked_target(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """The file an output to ``path`` will replace, after refusing what must not be replaced.

    Raises ``InputError`` when the target is one of ``inputs`` (same file under any name)
    or exists and is not a regular file. A symlink resolves to the file it points to.
    """
    target = Path(path)
    try:
        if target.is_symlink():
            target = target.resolve(strict=False)
        info = target.stat() if target.exists() else None
    except RuntimeError as exc:  # a symlink loop (Python < 3.13 raises RuntimeError)
        raise InputError(f"无法写入 {path}：符号链接循环") from exc
    except OSError as exc:
        raise InputError(f"无法写入 {path}：{exc.strerror or exc}") from exc
    for source in inputs:
        if _same_file(target, Path(source)):
            raise InputError(f"不能写到 {path}：这是正在比较的输入文件 {source}，请另选文件名")
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "文件夹" if stat.S_ISDIR(info.st_mode) else "设备或特殊文件"
        raise InputError(f"无法写入 {path}：这是一个{kind}，不是普通文件")
    return target


def write_atomically(path: str | Path, write: Callable[[Path], None], inputs: Iterable[str | Path] = ()) -> None:
    """Call ``write`` with a temporary path beside ``path``, then move the result onto ``path``.

    ``inputs`` are the files the output was made from; writing over one is refused, as is a
    target that is not a regular file (see ``checked_target``). On any failure the temporary
    file is removed and an existing ``path`` is left as it was. Permission problems and a
    missing folder are reported as ``InputError``.
    """
    target = checked_target(path, inputs)
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
