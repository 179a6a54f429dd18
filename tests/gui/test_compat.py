"""The reference-count guard keeps long sessions alive on CPython 3.11."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Many more void Qt calls than None has references on a plain 3.11 interpreter.
VOID_CALLS = """
import gui
from PySide6.QtGui import QColor
color = QColor("#123456")
for _ in range(200_000):
    color.setAlpha(10)
print("alive")
"""

# Many more signals than True has references (emit() returns True without a reference).
EMITS = """
import gui
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    changed = Signal(int)

app = QCoreApplication([])
source = Source()
received = []
source.changed.connect(received.append)
for i in range(200_000):
    source.changed.emit(i)
print("alive", len(received))
"""


@pytest.mark.parametrize(("script", "output"), [(VOID_CALLS, "alive"), (EMITS, "alive 200000")])
def test_many_qt_calls_do_not_abort_the_interpreter(script, output):
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == output
