"""Atomic file output: write beside the target, then rename into place.

A failed export never leaves a half-written file and never destroys the file it was
meant to replace. A target held open by another program (Word keeps its documents
locked on Windows) becomes an ``InputError`` the user can act on.

Inputs are sacred: a target that is one of the compared files (by name, symlink, hard
link or ``..``) is refused, and so is a target that exists but is not a regular file
(a device, a pipe, a folder), because renaming over it would replace it. A symlink to a
regular file is followed, so the link stays and the file it points to is replaced.

Several outputs of one run are all or nothing (``all_or_nothing``): each is written and
flushed under a short temporary name, and only when all are done are they moved into
place; outputs another process wrote (the command line's helper processes) join the
batch staged (``staged_outputs``, ``adopt``). Temporary files are tracked so that a
signal handler can remove them; what a killed process (SIGKILL, a power cut) leaves
behind is removed by the next output written to that folder, once it is old enough not
to belong to a run still going.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path

from core import patterns
from core.errors import InputError, os_reason, printable

# Antivirus scanners and indexers hold new files for a moment on Windows; a short
# retry tells such a transient lock apart from a document open in Word.
_REPLACE_ATTEMPTS = 5
_REPLACE_PAUSE = 0.1
# Temporary outputs and backup links are named ``.~dz`` + 8 characters (+ the target's
# suffix); no other program names files so. One older than this belongs to a run that was
# killed: no comparison and its exports take an hour.
_TEMP_PREFIX = ".~dz"
_STALE = patterns.compiled(r"\.~dz[a-z0-9_]{8}(?:\.[^./\\]{1,16})?")
_STALE_AFTER_SECONDS = 3600


def _locked(path: Path) -> InputError:
    return InputError(f"无法写入 {printable(str(path))}：文件被其他程序占用（例如已在 Word 中打开），请关闭后重试")


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
        raise InputError(f"无法写入 {printable(str(path))}：符号链接循环") from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"无法写入 {printable(str(path))}：{os_reason(exc)}") from exc
    for source in inputs:
        if _same_file(target, Path(source)):
            raise InputError(f"不能写到 {printable(str(path))}：这是正在比较的输入文件 "
                             f"{printable(str(source))}，请另选文件名")
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "文件夹" if stat.S_ISDIR(info.st_mode) else "设备或特殊文件"
        raise InputError(f"无法写入 {printable(str(path))}：这是一个{kind}，不是普通文件")
    return target


def check_writable(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """``checked_target`` plus everything that can be known before the work: the folder
    exists, a file can be created in it (tried, then removed), and the name is not too long.

    Called for every output before a comparison starts, so that a bad target costs nothing.
    """
    target = checked_target(path, inputs)
    folder = _folder_of(target)
    limit = _name_limit(folder)
    if len(os.fsencode(target.name)) > limit:
        raise InputError(f"无法写入 {printable(str(path))}：文件名过长（超过 {limit} 字节）")
    handle, probe = _reserve(folder, target)
    os.close(handle)
    _discard(probe)
    remove_stale(folder)
    return target


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files and backup links a killed run left in ``folder`` (named
    by ``_reserve`` and ``_backup``, untouched for an hour); returns what was removed.

    A backup link is a second name of a file whose first name still stands, so removing it
    loses nothing; a temporary output was never moved into place.
    """
    limit = (time.time() if now is None else now) - _STALE_AFTER_SECONDS
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _STALE.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit and Path(entry.path) not in _live:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _folder_of(target: Path) -> Path:
    folder = target.parent
    try:
        is_dir = folder.is_dir()
    except OSError as exc:
        raise InputError(f"无法写入 {printable(str(target))}：{os_reason(exc)}") from exc
    if not is_dir:
        raise InputError(f"无法写入 {printable(str(target))}：文件夹 {printable(str(folder))} 不存在")
    return folder


def _name_limit(folder: Path) -> int:
    """The longest file name, in bytes, the file system of ``folder`` accepts."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, ValueError, OSError):  # Windows has no pathconf: NTFS allows 255
        return 255


# Temporary files on disk right now, so that a signal handler can remove them before the
# process ends (``remove_temporaries``).
_live: set[Path] = set()


def _reserve(folder: Path, target: Path) -> tuple[int, Path]:
    """Create a temporary file in ``folder`` for ``target``; returns its descriptor and path.

    The name is short (``.~dz`` + 8 characters + the target's suffix, if short), so that a
    target whose own name is at the file system's limit still gets one.
    """
    suffix = target.suffix if len(target.suffix) <= 16 else ""
    try:
        handle, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=suffix, dir=folder)
    except PermissionError as exc:
        raise InputError(f"无法写入 {printable(str(target))}：没有在 {printable(str(folder))} 中写文件的权限") from exc
    except OSError as exc:
        raise InputError(f"无法写入 {printable(str(target))}：{os_reason(exc)}") from exc
    temp = Path(name)
    _live.add(temp)
    return handle, temp


def remove_temporaries() -> None:
    """Remove every temporary file still on disk (called on SIGTERM/SIGINT)."""
    for temp in list(_live):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        _live.discard(temp)


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()
    _live.discard(temp)


class _Batch:
    """Outputs written so far in an ``all_or_nothing`` block: (temporary, target) pairs."""

    def __init__(self) -> None:
        self.staged: list[tuple[Path, Path]] = []


_batch: ContextVar[_Batch | None] = ContextVar("duizhao_output_batch", default=None)


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Within the block, every ``write_atomically`` leaves its finished output under its
    temporary name; when the block ends normally all are moved into place together, and
    when it fails none is (the temporaries are removed).

    Should a move fail half-way (a target locked by another program), the targets already
    replaced are put back as they were and the error says so.
    """
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    except BaseException:
        for temp, _ in batch.staged:
            _discard(temp)
        raise
    finally:
        _batch.reset(token)
    _commit(batch.staged)


@contextlib.contextmanager
def staged_outputs() -> Iterator[list[tuple[Path, Path]]]:
    """Within the block, every ``write_atomically`` leaves its finished output under its
    temporary name and lists it, as (temporary, target), in the list the block is given:
    for a process that writes outputs another moves into place (``adopt``). When the block
    fails they are removed.
    """
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield batch.staged
    except BaseException:
        discard_staged(batch.staged)
        raise
    finally:
        _batch.reset(token)


def adopt(staged: Iterable[tuple[Path, Path]]) -> None:
    """Outputs another process left staged (``staged_outputs``) join the current
    ``all_or_nothing`` block: moved into place with its own outputs, or removed with them."""
    batch = _batch.get()
    if batch is None:
        raise RuntimeError("adopt() outside all_or_nothing()")
    for temp, target in staged:
        _live.add(temp)
        batch.staged.append((temp, target))


def discard_staged(staged: Iterable[tuple[Path, Path]]) -> None:
    """Remove the temporary files of staged outputs that will not be moved into place."""
    for temp, _ in staged:
        _discard(temp)


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Move every staged temporary onto its target, or none (see ``all_or_nothing``)."""
    done: list[tuple[Path, Path | None]] = []  # target, backup of the file it replaced
    try:
        for temp, target in staged:
            backup = _backup(target)
            try:
                _replace(temp, target)
            except BaseException:
                if backup is not None:
                    _discard(backup)
                raise
            _live.discard(temp)
            done.append((target, backup))
    except BaseException as exc:
        undone = _roll_back(done)
        for temp, _ in staged:
            _discard(temp)
        if isinstance(exc, InputError) and done:
            note = "，其他输出已恢复原状，未写出任何文件" if undone else "；已写出：" + "、".join(
                printable(str(t)) for t, _ in done)
            raise InputError(f"{exc}{note}") from exc
        raise
    for _, backup in done:
        if backup is not None:
            _discard(backup)


def _backup(target: Path) -> Path | None:
    """A hard link to the file ``target`` holds now, so that a failed batch can put it back;
    None when there is no such file or the file system has no hard links."""
    if not target.is_file():
        return None
    backup = target.with_name(f"{_TEMP_PREFIX}{os.urandom(4).hex()}.bak")
    try:
        os.link(target, backup)
    except OSError:
        return None
    _live.add(backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> bool:
    """Undo the moves of a failed batch; whether every target is as it was."""
    clean = True
    for target, backup in reversed(done):
        try:
            if backup is None:
                target.unlink()
            else:
                os.replace(backup, target)
                _live.discard(backup)
        except OSError:
            clean = False
    return clean


def write_atomically(path: str | Path, write: Callable[[Path], None], inputs: Iterable[str | Path] = ()) -> None:
    """Call ``write`` with a temporary path beside ``path``, then move the result onto ``path``.

    ``inputs`` are the files the output was made from; writing over one is refused, as is a
    target that is not a regular file (see ``checked_target``). On any failure the temporary
    file is removed and an existing ``path`` is left as it was. Permission problems, a
    missing folder, a full disk and other file-system errors are reported as ``InputError``
    naming the file. Inside ``all_or_nothing`` the move waits for the end of the block.
    """
    target = checked_target(path, inputs)
    folder = _folder_of(target)
    handle, temp = _reserve(folder, target)
    os.close(handle)
    try:
        try:
            write(temp)
            _sync(temp)
            # mkstemp creates the file private (0600); give the export the usual permissions
            # or keep those of the file it replaces.
            os.chmod(temp, target.stat().st_mode & 0o777 if target.is_file() else 0o644)
        except InputError:
            raise
        except OSError as exc:
            raise InputError(f"无法写入 {printable(str(target))}：{os_reason(exc)}") from exc
        batch = _batch.get()
        if batch is not None:
            batch.staged.append((temp, target))
            return
        _replace(temp, target)
        _live.discard(temp)
    except BaseException:
        _discard(temp)
        raise


def _sync(temp: Path) -> None:
    """Flush ``temp`` to the disk, so that a crash after the move cannot leave an empty file
    under the target's name. Opened for writing: Windows flushes only such handles."""
    fd = os.open(temp, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
            raise InputError(f"无法写入 {printable(str(target))}：这是一个文件夹") from exc
        except OSError as exc:
            raise InputError(f"无法写入 {printable(str(target))}：{os_reason(exc)}") from exc
