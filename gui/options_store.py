"""Comparison options kept between sessions (QSettings), validated on every read.

A settings file can be edited by hand, written by an older version or damaged; a bad
value must never stop the window from opening. Each value is checked by the rule
``core.options.Options`` checks itself by (``Options.valid_min_shared``, ``RELATION_CHOICES``),
the one the command line applies too, and replaced by its default when it does not fit;
the caller is told which keys were replaced so it can say so in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from core.options import RELATION_CHOICES, Options

KEY_MIN_SHARED = "compare/min_shared"
KEY_T2S = "compare/t2s"
KEY_KEEP_BOILERPLATE = "compare/keep_boilerplate"
KEY_RELATION = "compare/relation"

T = TypeVar("T")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class LoadedOptions:
    """The options read from the settings and the keys whose stored value was unusable."""

    options: Options
    replaced: tuple[str, ...]


def load_options(settings: QSettings) -> LoadedOptions:
    """The saved options; a missing value takes its default silently, a bad one with a note."""
    default = Options()
    replaced: list[str] = []

    def read(key: str, parse: Callable[[object], T | None], fallback: T) -> T:
        value = settings.value(key)
        if value is None:
            return fallback
        parsed = parse(value)
        if parsed is None:
            replaced.append(key)
            return fallback
        return parsed

    min_shared = read(KEY_MIN_SHARED, _min_shared, default.min_shared)
    t2s = read(KEY_T2S, _bool, default.t2s)
    keep = read(KEY_KEEP_BOILERPLATE, _bool, default.keep_boilerplate)
    relation = read(KEY_RELATION, _relation, default.relation)
    options = Options(min_shared=min_shared, t2s=t2s, keep_boilerplate=keep, relation=relation)
    return LoadedOptions(options, tuple(replaced))


def save_options(settings: QSettings, options: Options) -> None:
    """Keep the options for the next session (corrections are kept per pair of files elsewhere)."""
    settings.setValue(KEY_MIN_SHARED, options.min_shared)
    settings.setValue(KEY_T2S, options.t2s)
    settings.setValue(KEY_KEEP_BOILERPLATE, options.keep_boilerplate)
    settings.setValue(KEY_RELATION, options.relation)


def _min_shared(value: object) -> int | None:
    # INI files give strings, native stores may give ints; "8.0" or "abc" or 9999 are refused.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if Options.valid_min_shared(number) else None


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0 if value in (0, 1) else None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


def _relation(value: object) -> str | None:
    return value if isinstance(value, str) and value in RELATION_CHOICES else None


# -- other settings, read with their types --------------------------------------------------
#
# QSettings.value() is typed ``object``: an INI file gives strings, a native store may give
# ints, and a damaged file anything. These readers return the declared type or the default,
# so no caller has to trust what was stored.


def read_str(settings: QSettings, key: str, default: str) -> str:
    """A text setting (a folder, a language code); the default when missing or not text."""
    value = settings.value(key)
    return value if isinstance(value, str) and value else default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no setting; the default when missing or not recognisably yes or no."""
    value = settings.value(key)
    parsed = _bool(value) if value is not None else None
    return default if parsed is None else parsed


def read_int(settings: QSettings, key: str, default: int) -> int:
    """A whole-number setting; the default when missing or not a whole number."""
    value = settings.value(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and value.strip().isascii():
        return int(value.strip())
    return default


def read_str_list(settings: QSettings, key: str) -> list[str]:
    """A list of texts (recent files); a single text is a list of one, anything else empty."""
    value = settings.value(key, [])
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):  # a damaged setting: an empty list rather than no window
        return []
    return [str(v) for v in value]


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """A saved blob (window geometry or dock state), or None when missing, empty or damaged."""
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
