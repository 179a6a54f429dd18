"""Suite-wide pytest hooks."""

from __future__ import annotations

import os
import sys

import pytest

_status: dict[str, int] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remember the session's exit status for ``pytest_unconfigure``."""
    _status["exit"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without interpreter finalization once Qt widgets have existed.

    PySide6 6.12 can abort while the interpreter tears down its objects after a
    QApplication ran ("bool_dealloc: deallocating True or False"), which turns a
    passing run into exit code 134. Every report has been written by now, so exit
    with pytest's own status and skip the teardown.
    """
    if "PySide6.QtWidgets" in sys.modules and "exit" in _status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_status["exit"])
