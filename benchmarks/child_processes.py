"""Timings taken in fresh child processes: difflib, the command line, tokenizer loads and the window.

Each runs in a child so that a run over its limit can be stopped, or so that it starts
from a fresh interpreter as a user's would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import bench_window
from benchmarks.results import Failure, median_of

ROOT = Path(__file__).resolve().parent.parent

DIFFLIB_CHILD = """
import difflib, sys, time
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
t = time.perf_counter()
difflib.SequenceMatcher(None, a, b, autojunk=sys.argv[3] == "1").get_opcodes()
print(time.perf_counter() - t)
"""

TOKENIZER_CHILD = """
import sys, time
t = time.perf_counter()
if sys.argv[1] == "jieba":
    sys.modules["rjieba"] = None  # makes `import rjieba` fail: the fallback path
from core.tokens import engine, tokenize
tokenize("加快推动成渝地区双城经济圈建设")
print(engine(), time.perf_counter() - t)
"""

# Runs main.py as `python main.py ...` would, with rjieba hidden from the import system.
CLI_WITHOUT_RJIEBA = """
import runpy, sys
sys.modules["rjieba"] = None
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


# -- difflib --------------------------------------------------------------------------

def difflib_once(left: Path, right: Path, autojunk: bool, limit: float) -> float | None:
    """Seconds of one whole-text SequenceMatcher.get_opcodes(), None if it exceeds ``limit``.

    It runs in a child process so that a run over the limit can be stopped.
    """
    try:
        out = subprocess.run(
            [sys.executable, "-c", DIFFLIB_CHILD, str(left), str(right), "1" if autojunk else "0"],
            capture_output=True, text=True, timeout=limit, check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(out.stdout)


def difflib_time(left: Path, right: Path, autojunk: bool, runs: int, limit: float) -> float | None:
    """Median seconds of ``runs`` whole-text SequenceMatcher.get_opcodes(), None if a run exceeds ``limit``."""
    samples = []
    for _ in range(runs):
        seconds = difflib_once(left, right, autojunk, limit)
        if seconds is None:
            return None
        samples.append(seconds)
    return median_of(samples)


# -- subprocesses ---------------------------------------------------------------------

def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run ``argv`` from the repository root; (wall seconds, max RSS in bytes or -1).

    os.wait4 gives this child's own resource usage, unlike RUSAGE_CHILDREN, which is
    the maximum over every child reaped so far.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        else:
            child.wait()
            rss = -1
        seconds = time.perf_counter() - start
        if child.returncode != 0:
            errors.seek(0)
            raise Failure(f"{' '.join(argv)} exited {child.returncode}:\n{errors.read().decode(errors='replace')}")
    return seconds, rss


def cli_argv(left: Path, right: Path, out: Path, without_rjieba: bool = False,
             all_outputs: bool = False) -> list[str]:
    """The whole CLI on ``left`` and ``right``, writing into the folder ``out``.

    ``all_outputs`` writes the PDF report, the DOCX report and the redline besides the JSON.
    """
    argv = [sys.executable, "main.py", "compare", str(left), str(right), "--json", str(out / "result.json")]
    if all_outputs:
        argv += ["--pdf", str(out / "report.pdf"), "--docx", str(out / "report.docx"),
                 "--redline", str(out / "redline.docx")]
    argv.append("--quiet")
    if without_rjieba:
        argv = [sys.executable, "-c", CLI_WITHOUT_RJIEBA, *argv[1:]]
    return argv


def tokenizer_load(which: str, runs: int, empty_cache: bool = False) -> tuple[str, float]:
    """Engine name and median seconds from a fresh interpreter to the first tokenize()."""
    samples, name = [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            if empty_cache:
                env["XDG_CACHE_HOME"] = cache
            out = subprocess.run(
                [sys.executable, "-c", TOKENIZER_CHILD, which],
                cwd=ROOT, env=env, capture_output=True, text=True, check=True,
            )
        name, seconds = out.stdout.split()
        samples.append(float(seconds))
    return name, median_of(samples)


# -- the window -----------------------------------------------------------------------

def window_measure(runs: int) -> tuple[bench_window.WindowTimes | None, str]:
    """The window's launch times and where they were taken; (None, why) when they were not.

    Under a display the launches run from here. On Linux without one, bench_window.py
    runs under xvfb-run with Qt's X11 platform, as the screenshots are taken; with
    neither, the rows are skipped, not failed. A failing self-test raises Failure.
    """
    if bench_window.display_available():
        try:
            return bench_window.window_times(runs), "the current display"
        except (bench_window.WindowFailure, subprocess.TimeoutExpired) as exc:
            raise Failure(f"window: {exc}") from exc
    prefix = bench_window.xvfb_command()
    if prefix is None:
        return None, "skipped: no display"
    try:
        done = subprocess.run(
            [*prefix, sys.executable, str(Path(bench_window.__file__)), "--json", "--runs", str(runs)],
            cwd=ROOT, capture_output=True, text=True, timeout=bench_window.CHILD_TIMEOUT_S * (runs + 2),
        )
    except subprocess.TimeoutExpired as exc:
        raise Failure(f"window under xvfb-run did not finish: {exc}") from exc
    if done.returncode != 0:
        raise Failure(f"window under xvfb-run exited {done.returncode}:\n{done.stderr}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    if "skipped" in found:
        return None, f"skipped: {found['skipped']}"
    return bench_window.WindowTimes(**found), "Xvfb (xvfb-run)"
