"""Helper processes of the command line: outputs of several file types written side by side.

Each run is a fresh interpreter (the only thread, so helpers may be forked), patched
before the run where a test needs a writer to fail; the helpers inherit the patch.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cli import helpers

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"

pytestmark = pytest.mark.skipif(not helpers._CAN_FORK or helpers._spare_cpus() < 1,
                                reason="helpers need fork and a second CPU")  # fmt: skip

# Runs the compare command after ``PATCH``; prints the exit code and the outputs each helper wrote.
# The reports say the minute they were made: both runs of a test say the same one, as two runs
# straddling a minute would otherwise differ.
_RUN = """
import datetime, json, sys
from cli import helpers
from core.export import summary
class _Made(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(2026, 1, 1, 9, 30)
summary.datetime = _Made
forked = []
fork = helpers._fork
def spy(names, *rest):
    forked.append(names)
    return fork(names, *rest)
helpers._fork = spy
{patch}
from cli.compare import run_compare
code = run_compare(sys.argv[1:])
print(json.dumps([code, forked]))
"""


def run(args: list[str], patch: str = "") -> tuple[int, list[list[str]], str]:
    proc = subprocess.run([sys.executable, "-c", _RUN.format(patch=patch), str(LEFT), str(RIGHT), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    code, forked = json.loads(proc.stdout.splitlines()[-1])
    return code, forked, proc.stderr


def outputs(folder: Path) -> list[str]:
    return ["--json", str(folder / "a.json"), "--pdf", str(folder / "a.pdf"), "--docx", str(folder / "a.docx"),
            "--redline", str(folder / "r.docx"), "--date", "2026-01-01T09:30", "--quiet"]  # fmt: skip


def pdf_without_dates(path: Path) -> bytes:
    """The PDF without what changes from run to run: its dates and its ID."""
    data = path.read_bytes()
    data = re.sub(rb"D:\d{14}[^)]*", b"D:", data)
    return re.sub(rb"/ID\s*\[[^\]]*\]", b"/ID []", data)


@pytest.mark.slow
def test_helpers_write_what_one_process_writes(tmp_path: Path) -> None:
    alone, together = tmp_path / "alone", tmp_path / "together"
    alone.mkdir()
    together.mkdir()
    code, forked, stderr = run(outputs(alone), "helpers._CAN_FORK = False")
    assert (code, forked) == (0, []), stderr
    code, forked, stderr = run(outputs(together))
    assert code == 0, stderr
    assert forked == [["pdf"]]  # the slowest type; this process writes the JSON and both Word files
    assert sorted(os.listdir(together)) == sorted(os.listdir(alone)) == ["a.docx", "a.json", "a.pdf", "r.docx"]
    assert (together / "a.json").read_bytes() == (alone / "a.json").read_bytes()
    assert pdf_without_dates(together / "a.pdf") == pdf_without_dates(alone / "a.pdf")
    for name in ("a.docx", "r.docx"):
        with zipfile.ZipFile(together / name) as one, zipfile.ZipFile(alone / name) as other:
            assert one.namelist() == other.namelist()
            for part in one.namelist():
                if part != "docProps/core.xml":  # the time it was written
                    assert one.read(part) == other.read(part), (name, part)


@pytest.mark.slow
def test_a_helper_that_fails_fails_the_run_and_leaves_nothing(tmp_path: Path) -> None:
    patch = (
        "import errno\n"
        "from core.export import pdf_report\n"
        "def full(result, path, *rest, **choices):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "pdf_report.write_pdf_report = full\n"
    )
    code, forked, stderr = run(outputs(tmp_path), patch)
    assert forked == [["pdf"]]
    assert code == 2, stderr
    lines = stderr.strip().split("\n")
    assert len(lines) == 1 and "磁盘空间不足" in lines[0] and str(tmp_path / "a.pdf") in lines[0], stderr
    assert os.listdir(tmp_path) == []  # the JSON and Word files this process wrote went too


@pytest.mark.slow
def test_a_helper_that_fails_inside_is_an_internal_error_with_its_traceback(tmp_path: Path) -> None:
    patch = (
        "from core.export import pdf_report\n"
        "def broken(result, path, *rest, **choices):\n"
        "    raise ValueError('the report broke')\n"
        "pdf_report.write_pdf_report = broken\n"
    )
    code, _, stderr = run(outputs(tmp_path), patch)
    assert code == 1, stderr
    assert "内部错误" in stderr and "ValueError: the report broke" in stderr and "in broken" in stderr
    assert os.listdir(tmp_path) == []


@pytest.mark.slow
def test_a_helper_that_dies_is_an_internal_error(tmp_path: Path) -> None:
    patch = (
        "import os\n"
        "from core.export import pdf_report\n"
        "def dies(result, path, *rest, **choices):\n"
        "    os._exit(3)\n"
        "pdf_report.write_pdf_report = dies\n"
    )
    code, _, stderr = run(outputs(tmp_path), patch)
    assert code == 1, stderr
    assert "写出 --pdf 的辅助进程意外结束（退出码 3）" in stderr
    assert os.listdir(tmp_path) == []


@pytest.mark.slow
def test_a_run_stopped_before_the_result_ends_its_helpers(tmp_path: Path) -> None:
    patch = (
        "import time\n"
        "import core.compare\n"
        "def slow(*args, **kwargs):\n"
        "    end = time.monotonic() + 30\n"
        "    while time.monotonic() < end:\n"  # busy, as the engine is: the timer's stop lands at once
        "        pass\n"
        "core.compare.compare = slow\n"
    )
    code, forked, stderr = run([*outputs(tmp_path), "--timeout", "1"], patch)
    assert forked == [["pdf"]]
    assert code == 2 and "--timeout" in stderr, stderr
    assert os.listdir(tmp_path) == []


def test_one_file_type_alone_gets_a_helper_that_loads_it_meanwhile(tmp_path: Path) -> None:
    code, forked, stderr = run(["--docx", str(tmp_path / "a.docx"), "--redline", str(tmp_path / "r.docx"),
                                "--json", str(tmp_path / "a.json"), "--quiet"])  # fmt: skip
    assert code == 0, stderr
    assert forked == [["docx", "redline"]]  # both Word outputs share python-docx
    assert sorted(os.listdir(tmp_path)) == ["a.docx", "a.json", "r.docx"]


def test_json_alone_gets_no_helper(tmp_path: Path) -> None:
    code, forked, stderr = run(["--json", str(tmp_path / "a.json"), "--quiet"])
    assert (code, forked) == (0, []), stderr
