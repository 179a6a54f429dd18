"""The files a sub-command writes: checked before the work, written all or nothing after it.

An output named ``-`` goes to standard output; it is rendered into a private temporary file
first, so it never becomes a file called ``-`` and a failed export prints nothing. Where it
pays, helper processes write some of the files (``cli.helpers``).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from cli.args import UsageError
from cli.helpers import Helpers
from core.atomic import all_or_nothing, check_writable
from core.errors import InputError, os_reason, printable
from core.export.registry import ExportFormat

STDOUT = "-"  # an output name that means standard output

# A writer takes the result (a Comparison or a Matrix) and the target path.
Writer = Callable[[Any, Path], None]
# The writer of one format (its --OPTION) with the choices given on the command line bound to it.
Binder = Callable[[ExportFormat, argparse.Namespace], Writer]


def unbound(export: ExportFormat, _args: argparse.Namespace) -> Writer:
    """The format's writer as it is: for sub-commands whose outputs take no choices."""
    return export.write


def check_targets(args: argparse.Namespace, formats: Sequence[ExportFormat], inputs: Sequence[str],
                  bind: Binder = unbound) -> dict[str, tuple[Path, Writer]]:
    """The outputs asked for, each with its writer; raises ``UsageError`` for an output that
    would overwrite an input, is given twice, or cannot be written (missing
    folder, no permission, name too long): all before any work starts. ``bind`` gives each
    writer the choices the sub-command's arguments make for it."""
    out: dict[str, tuple[Path, Writer]] = {}
    for export in formats:
        name = export.option
        given = getattr(args, name)
        if not given:
            continue
        writer = bind(export, args)
        if given == STDOUT:
            if any(earlier == Path(STDOUT) for earlier, _ in out.values()):
                raise UsageError(f"--{name}：只有一个输出可以写到标准输出（-）")
            out[name] = (Path(STDOUT), writer)
            continue
        try:
            target = check_writable(given, inputs)
        except InputError as exc:
            raise UsageError(f"--{name}：{exc}") from exc
        for other, (earlier, _) in out.items():
            if earlier != Path(STDOUT) and _same_place(target, earlier):
                raise UsageError(f"--{name} 与 --{other} 不能写到同一个文件 {given}")
        out[name] = (Path(given), writer)
    return out


def _same_place(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # a loop in one of them: already refused by check_writable
        return False


def _render_for_stdout(write: Writer, result: Any) -> bytes:
    """Run ``write`` into a private temporary file and return its bytes, so ``-`` never
    becomes a file and a failed export prints nothing."""
    with tempfile.TemporaryDirectory(prefix="duizhao-") as folder:
        temp = Path(folder) / "out"
        write(result, temp)
        return temp.read_bytes()


def copy_to_stdout(data: bytes, stdout: TextIO) -> None:
    """``data`` on standard output; an error there (a closed pipe, a full disk) becomes an
    ``InputError``."""
    try:
        _put(data, stdout)
    except OSError as exc:
        raise InputError(f"无法写入标准输出：{os_reason(exc)}") from exc


def _put(data: bytes, stdout: TextIO) -> None:
    stdout.flush()
    buffer = getattr(stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text stream without bytes underneath (tests): JSON is the only text output
        stdout.write(data.decode("utf-8", errors="replace"))


def start_helpers(targets: Mapping[str, tuple[Path, Writer]], formats: Sequence[ExportFormat]) -> Helpers:
    """Helper processes for some of the file outputs (see ``cli.helpers``), started before the
    work so that they load their libraries meanwhile; none where that does not pay."""
    files = {name: target for name, target in targets.items() if str(target[0]) != STDOUT}
    return Helpers.start(files, formats, _write_file)


def write_outputs(targets: Mapping[str, tuple[Path, Writer]], result: Any,
                  helpers: Helpers | None = None) -> bytes | None:  # fmt: skip
    """Write every file output, all or nothing, ``helpers`` writing theirs; returns what goes
    to standard output (printed by the caller once the files are in place), if anything."""
    helpers = helpers or Helpers()
    helpers.send(result)  # first: they write while this process does
    printed = None
    for target, write in targets.values():
        if str(target) == STDOUT:  # rendered first, outside the batch: it is not a file
            printed = _render_for_stdout(write, result)
    with all_or_nothing():
        for name, (target, write) in targets.items():
            if str(target) != STDOUT and not helpers.writes(name):
                _write_file(write, result, target)
        helpers.collect()
    return printed


def _write_file(write: Writer, result: Any, target: Path) -> None:
    """One file output; a file name that is not valid UTF-8 which the export cannot carry
    becomes a message instead of a traceback."""
    try:
        write(result, target)
    except UnicodeEncodeError as exc:
        if "surrogates" not in str(exc):
            raise
        raise InputError(f"无法写入 {printable(str(target))}：输入文件的文件名不是有效的 UTF-8 编码，"
                         "此导出无法记录它，请将文件改名后再试") from exc


