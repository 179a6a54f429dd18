"""The caps on what is loaded, and how a file is refused.

Every problem the user can cause becomes an ``InputError`` whose message names the file and
the reason in one line of Chinese (``fail``). The input file is only ever opened for reading,
and read once (``read_bytes``).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import IO, NoReturn

from core.errors import InputError, os_reason

# Limits a real policy document never reaches, so that a hostile file is refused before it
# costs minutes or gigabytes. The longest Chinese law, the Civil Code (民法典), has about
# 107,000 characters in some 1,260 articles and 3,000 paragraphs; a five-year plan outline
# has about 70,000 characters and 1,000 paragraphs. Text and paragraphs are capped at 28x
# and 3x that; the comparison's cost grows with the number of paragraphs (sections), so that
# cap is the tighter one.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 3_000_000
MAX_PARAGRAPHS = 10_000


def fail(name: str, reason: str) -> NoReturn:
    """Refuse the file shown as ``name`` for ``reason``: raise the ``InputError`` the user reads."""
    raise InputError(f"无法读取 “{name}”：{reason}")


def read_bytes(p: Path, name: str) -> bytes:
    """The whole file, after checking that it is a readable regular file of sane size.

    The file is read to its end rather than to the size the system reports: files under
    /proc and some network or FUSE file systems report 0 and still have content.
    """
    try:
        st = p.stat()
    except FileNotFoundError:
        fail(name, "文件不存在")
    except PermissionError:
        fail(name, "没有读取权限")
    except (OSError, ValueError, RuntimeError) as exc:
        fail(name, f"无法访问（{os_reason(exc)}）")
    if stat.S_ISDIR(st.st_mode):
        fail(name, "是文件夹，请选择其中的文件")
    if not stat.S_ISREG(st.st_mode):
        fail(name, "不是普通文件")
    if st.st_size > MAX_FILE_BYTES:
        fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    try:
        with open(p, "rb") as fh:
            data = _read_to_end(fh, MAX_FILE_BYTES + 1)  # bounded: the file may grow while read
    except PermissionError:
        fail(name, "没有读取权限")
    except IsADirectoryError:
        fail(name, "是文件夹，请选择其中的文件")
    except OSError as exc:
        fail(name, f"读取失败（{os_reason(exc)}）")
    if len(data) > MAX_FILE_BYTES:
        fail(name, f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    if not data.strip():
        fail(name, "文件为空")
    return data


def _read_to_end(fh: IO[bytes], limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fh``, reading until end of file."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = fh.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
