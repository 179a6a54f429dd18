"""The engine's own exceptions, and the wording of operating-system errors for the user.

Everything a user can cause is an ``InputError``; its message is one line of Chinese that
names the file. ``os_reason`` turns an ``OSError`` into the cause in that line, and
``printable`` makes a file name that is not valid UTF-8 safe to show and to write.
"""

from __future__ import annotations

import errno
import re


class DuizhaoError(Exception):
    """Base of the project's exceptions."""


class InputError(DuizhaoError):
    """A file or argument the engine cannot use; the message is shown to the user as is."""


class Cancelled(DuizhaoError):
    """The caller asked the running comparison to stop."""


# The causes a drafter meets (full disk, network share gone, locked file ...), in their words;
# any other errno keeps the system's own text.
_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "磁盘或文件夹只读",
    errno.ELOOP: "符号链接循环",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "是文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EIO: "读写错误（磁盘或网络故障）",
    errno.EBUSY: "文件正被占用",
    errno.EFBIG: "文件过大",
    errno.EMFILE: "打开的文件过多",
    errno.EXDEV: "不能跨磁盘移动文件",
}


def os_reason(exc: BaseException) -> str:
    """The cause of ``exc`` in a few words, without line breaks."""
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code in _REASONS:
        return _REASONS[code]
    if isinstance(exc, RecursionError | RuntimeError) and "symlink" in str(exc).lower():
        return _REASONS[errno.ELOOP]  # pathlib's symlink-loop error before Python 3.13
    reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
    return printable(str(reason)).replace("\n", " ")


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk or the user's quota is full."""
    return getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT)


def printable(text: str) -> str:
    """``text`` with undecodable bytes of a file name made readable.

    On Linux and macOS a file name that is not valid UTF-8 (a GBK name copied from a Windows
    share) reaches Python with its bytes as lone surrogates, which no stream can print. Each
    run of such bytes is read as GB18030 when it is valid GB18030, else shown as U+FFFD.
    """
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub(_decoded_run, text)


_SURROGATES = re.compile("[\ud800-\udfff]+")


def _decoded_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if any(not 0xDC80 <= ord(ch) <= 0xDCFF for ch in run):
        return "\ufffd" * len(run)  # not escaped bytes: nothing to recover
    raw = bytes(ord(ch) - 0xDC00 for ch in run)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")
