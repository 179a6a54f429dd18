"""The methods ``dataclasses`` writes for each class, compiled once per installation.

For every dataclass, ``dataclasses`` writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and, for a frozen class, ``__setattr__`` and ``__delattr__``, and compiles each
with ``exec``: some 260 compilations for the engine's result and stage classes, 20 ms of every
start of the command line, a third of its imports. The code compiled from a source depends
only on that source and the interpreter, so ``install`` has ``dataclasses`` run the code
object kept for the same source, compiling only the sources the cache file does not hold yet;
``save`` writes those once a comparison is done. Every class gets exactly the methods it
would get otherwise.

The file sits in the user's own cache folder and holds code, as Python's ``__pycache__``
folders do; it is trusted as they are. Where ``dataclasses`` does not compile through its
module's ``exec`` (another interpreter), nothing is changed.
"""

from __future__ import annotations

import builtins
import dataclasses
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from core import cache_file

_MAGIC = b"DUIZHAO-DATACLASS-CODE\n"
_OWN = ("core.", "cli.", "gui.")  # the packages whose classes are kept



def _path() -> Path:
    return cache_file.path_for("dataclass-code", MAGIC_NUMBER.hex())


# Method source -> its code, read from the cache file and kept there (the file's name is looked
# up at each use, so that tests can point it elsewhere).
_code = cache_file.Table(lambda: _path(), _MAGIC)


def _exec(source: object, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the code for a source of Duizhao's own
    classes compiled once (``globals`` are the class's module's: another library's classes,
    or the test suite's, are compiled as usual and keep the file small)."""
    if not isinstance(source, str) or not str((globals or {}).get("__name__", "")).startswith(_OWN):
        builtins.exec(source, globals, locals)  # type: ignore[arg-type]
        return
    code = _code.entries.get(source)
    if not isinstance(code, CodeType):  # not kept yet (or not code: a file from elsewhere)
        code = compile(source, "<string>", "exec")
        _code.add(source, code)
    builtins.exec(code, globals, locals)


def install() -> None:
    """Have ``dataclasses`` compile each method source once per installation (see above)."""
    create = getattr(dataclasses, "_create_fn", None)
    if create is None or "exec" not in create.__code__.co_names or dataclasses.__dict__.get("exec") is _exec:
        return
    _code.load()
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def save() -> None:
    """Write the cache file when a method was compiled that it does not hold yet."""
    _code.save()
