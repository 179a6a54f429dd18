"""The engine's own exceptions: everything a user can cause is an ``InputError``."""

from __future__ import annotations


class DuizhaoError(Exception):
    """Base of the project's exceptions."""


class InputError(DuizhaoError):
    """A file or argument the engine cannot use; the message is shown to the user as is."""


class Cancelled(DuizhaoError):
    """The caller asked the running comparison to stop."""
