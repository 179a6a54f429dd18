"""The None reference-count guard keeps long sessions alive on CPython 3.11."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Many more void Qt calls than None has references on a plain 3.11 interpreter.
SCRIPT = """
import gui
from PySide6.QtGui import QColor
color = QColor("#123456")
for _ in range(200_000):
    color.setAlpha(10)
print("alive")
"""


def test_many_void_qt_calls_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"
