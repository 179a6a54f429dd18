"""Every performance budget of DESIGN.md section 11, measured in one run: ``make bench``.

    python benchmarks/run.py [--quick] [--runs N] [--markdown] [--readme]

Engine, command line, exports, growth, the matrix's worker pool, the window and memory.
Every figure is the median of N runs (5; 3 with --quick) taken in this one process run,
works that are compared with each other timed in turn, and the budgets are checked as
ratios where the machine's speed cancels out. See benchmarks/README.md for what each row
means. ``--readme`` also writes the table into README.md's Speed section (between its
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` markers); ``make bench`` passes it.

The measurements are taken by ``measurements.py`` and set out by ``results.py``.

Exit status: 0 when every budget holds, 3 when one or more is exceeded (named on
stderr), 1 when the engine, the command line or the README's markers fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measurements import measure  # noqa: E402
from benchmarks.readme_table import MarkerError, write_table  # noqa: E402
from benchmarks.results import Failure, failed_rows, log, markdown_table, plain_table, readme_section  # noqa: E402
from core import tokens  # noqa: E402

README = ROOT / "README.md"


def load_average() -> float | None:
    """The machine's load average over the last minute, None where the OS has none."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def conditions(runs: int, window: str, seconds: float, load_before: float | None) -> str:
    """What the figures depend on besides the code, without a date: interpreter, machine, load, runs."""
    load_after = load_average()
    busy = "" if load_before is None or load_after is None else (
        f" (load average {load_before:.1f} at the start, {load_after:.1f} at the end)")
    shown = f"window {window}" if window.startswith("skipped") else f"window on {window}"
    return (f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs{busy}, tokenizer {tokens.engine()}, median of {runs} runs, "
            f"{shown}, {seconds:.0f} s in all")


def main() -> int:
    """Measure, print the table, return the exit code."""
    parser = argparse.ArgumentParser(description="Duizhao speed and memory benchmarks.")
    parser.add_argument("--quick", action="store_true", help="3 runs per figure instead of 5")
    parser.add_argument("--markdown", action="store_true", help="also print the table in Markdown")
    parser.add_argument("--readme", action="store_true",
                        help="write the table into README.md between <!-- bench:begin --> and <!-- bench:end -->")
    parser.add_argument("--runs", type=int, help="runs per figure (overrides --quick)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)

    started = time.perf_counter()
    load_before = load_average()
    try:
        with tempfile.TemporaryDirectory() as work:
            run = measure(runs, Path(work))
    except (Failure, subprocess.CalledProcessError) as exc:
        detail = exc.stderr if isinstance(exc, subprocess.CalledProcessError) else ""
        print(f"benchmark failed: {exc}\n{detail or ''}", file=sys.stderr)
        return 1
    header = conditions(runs, run.window, time.perf_counter() - started, load_before)
    print(f"Duizhao benchmarks: {header}")
    print(plain_table(run.rows))
    if args.markdown:
        print()
        print(markdown_table(run.rows))
    if args.readme:
        try:
            changed = write_table(README, readme_section(header, run.rows))
        except (MarkerError, OSError) as exc:
            print(f"README.md not written: {exc}", file=sys.stderr)
            return 1
        log("README.md: Speed table written" if changed else "README.md: Speed table unchanged")
    failed = failed_rows(run.rows)
    if failed:
        print("over budget: " + "; ".join(failed), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
