"""Start-up of the command line: a ``compare --json`` run loads only what it uses.

Every module imported at start-up is paid for on every run (issue 15: start-up was 70% of
a ``compare --json`` run). The modules below are needed only by some inputs or outputs
(a PDF, a zip, an internal error, the report formats, the window) and are
imported where they are used.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"

# Runs main.py's compare in a fresh interpreter, then lists the modules it loaded.
_RUN = """
import json, sys
from cli.compare import run_compare
code = run_compare(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""

NOT_AT_START = (
    "multiprocessing",  # the PDF reader's child process
    "zipfile",  # a .docx or another zip
    "traceback",  # an internal error
    "reportlab",
    "docx",
    "openpyxl",
    "PySide6",
)


def test_compare_json_loads_nothing_it_does_not_use(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(LEFT), str(RIGHT), "--json", str(target), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    code, modules = json.loads(proc.stdout.splitlines()[-1])
    assert code == 0, proc.stderr
    assert target.is_file()
    loaded = sorted({name.split(".")[0] for name in modules} & set(NOT_AT_START))
    assert loaded == [], f"imported at start-up but not used by compare --json: {loaded}"
