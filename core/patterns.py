"""The engine's regular expressions, their compiled form kept in the user cache folder.

Compiling the engine's fixed patterns costs 25 to 40 ms of every start, a third of its
imports: Python's pattern compiler is written in Python, and it expands a character
class such as ``[一-鿿]`` code point by code point. Yet the result, the program the ``re``
module hands to its C engine, depends only on the pattern and the interpreter. So
``compiled`` builds a pattern from that program when the cache file holds it (some
microseconds) and otherwise compiles it as ``re.compile`` does, keeping the program for
``save`` to write once the comparison is done.

Only fixed patterns come here, never ones made from a document or a resource file, so
the file stays small. It is named by the interpreter's version and the C engine's magic
number, carries a checksum, and the C engine checks every program it is given; a program
is kept only when the pattern rebuilt from it equals the one ``re`` compiled (patterns
compare by their programs). Where the ``re`` internals this relies on differ, patterns are
compiled as usual.
"""

from __future__ import annotations

import contextlib
import re
from importlib import import_module
from pathlib import Path
from typing import Any

from core import cache_file

_MAGIC = b"DUIZHAO-PATTERNS\n"

# (pattern, flags) -> (flags, program, groups, groupindex, indexgroup): the arguments of
# _sre.compile, as re._compiler.compile passes them.
Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]



def _internals() -> tuple[Any, Any, Any] | None:
    """The ``_sre``, ``re._parser`` and ``re._compiler`` modules (Python 3.11 and later; no type
    stubs), None where they cannot be imported."""
    try:
        return import_module("_sre"), import_module("re._parser"), import_module("re._compiler")
    except ImportError:
        return None


_INTERNALS = _internals()


def _path() -> Path | None:
    if _INTERNALS is None:
        return None
    return cache_file.path_for("patterns", _INTERNALS[0].MAGIC)


# (pattern, flags) -> its Form, read from the cache file and kept there (the file's name is
# looked up at each use, so that tests can point it elsewhere).
_forms = cache_file.Table(lambda: _path(), _MAGIC)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a fixed pattern of the engine, from the cache file when it holds it."""
    key = (pattern, int(flags))
    form = _forms.entries.get(key)
    if form is not None and _INTERNALS is not None:
        with contextlib.suppress(RuntimeError, TypeError, ValueError):  # RuntimeError: a program _sre refuses
            built: re.Pattern[str] = _INTERNALS[0].compile(pattern, *form)
            return built
    found = re.compile(pattern, flags)
    form = _form(pattern, key[1])
    if form is not None and _INTERNALS is not None and _INTERNALS[0].compile(pattern, *form) == found:
        _forms.add(key, form)
    return found


def _form(pattern: str, flags: int) -> Form | None:
    """What ``re._compiler.compile`` gives ``_sre.compile`` for ``pattern``; None where it cannot be had."""
    if _INTERNALS is None:
        return None
    _sre, parser, compiler = _INTERNALS
    try:
        tree = parser.parse(pattern, flags)
        program = [int(op) for op in compiler._code(tree, flags)]  # opcodes are an int subclass
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return int(flags | tree.state.flags), program, tree.state.groups - 1, groupindex, tuple(indexgroup)
    except (AttributeError, TypeError, ValueError, re.error):
        return None


def save() -> None:
    """Write the cache file when a pattern was compiled that it does not hold yet."""
    _forms.save()


_forms.load()
