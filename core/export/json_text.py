"""JSON text a person can read and the interpreter writes quickly: one record per line.

``json.dumps`` with ``indent`` runs the pure-Python encoder (12 ms for the sample pair's
result, against 3 ms for the C one), and puts every number of every highlight span on a line
of its own. Here the outer objects and lists are broken into lines by hand, each of their
members (a pair, a finding, a span) written by the C encoder on one line.
"""

from __future__ import annotations

import json
from typing import Any

# Objects and lists this many levels deep are written one member per line; deeper ones whole.
_OPEN_LEVELS = 3


def readable_json(value: Any) -> str:
    """``value`` as JSON (UTF-8 text, Chinese unescaped), one member of each outer object or list
    per line; ``json.loads`` gives back ``value``."""
    return _text(value, 0)


def _text(value: Any, level: int) -> str:
    if level < _OPEN_LEVELS and isinstance(value, dict) and value:
        indent = " " * (level + 1)
        members = ",\n".join(f"{indent}{json.dumps(key, ensure_ascii=False)}: {_text(item, level + 1)}"
                             for key, item in value.items())
        return "{\n" + members + "\n" + " " * level + "}"
    if level < _OPEN_LEVELS and isinstance(value, list) and value:
        indent = " " * (level + 1)
        # A list of plain values (a span's start, end and kind) stays on one line.
        if not any(isinstance(item, dict | list) for item in value):
            return json.dumps(value, ensure_ascii=False)
        members = ",\n".join(indent + _text(item, _OPEN_LEVELS) for item in value)
        return "[\n" + members + "\n" + " " * level + "]"
    return json.dumps(value, ensure_ascii=False)
