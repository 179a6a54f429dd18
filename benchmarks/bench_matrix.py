"""Time of the provision matrix (one base against many) against one comparison.

    python benchmarks/bench_matrix.py [--runs N] [--no-plan] [--no-cli]

Budget (issue 7): the province against Luzhou and Longmatan (a three-document matrix)
in under twice the time of one comparison (province against Luzhou). Every figure is
the median of N runs (default 5) after one warm-up call; the segmenter's token cache
is cleared before every run, as a new pair would find it. Rows:

- one comparison: ``compare(province, Luzhou)``, the baseline of the ratios;
- matrix, automatic: ``compare_many`` as the command line runs it (the budgeted row);
- matrix, one process / forked workers / spawned workers: the three ways of running
  it (workers are spawned when ``compare_many`` is called off the main thread, as the
  window does, or where the platform cannot fork);
- the same three on the 41k-char Jiangyang plan against two generated revisions,
  where each comparison takes long enough for spawned workers to pay;
- the command line, interpreter start included: ``main.py matrix`` against
  ``main.py compare`` on the same files.

Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.revision import revise  # noqa: E402
from core import tokens  # noqa: E402
from core.compare import compare  # noqa: E402
from core.matrix import compare_many  # noqa: E402

BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
OTHERS = (ROOT / "docs_in" / "luzhou_2020_decision.txt", ROOT / "docs_in" / "longmatan_2022_action_plan.txt")
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"
BUDGET = 2.0


def median_time(work: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls of ``work`` after a warm-up call, token cache cleared each time."""
    tokens.tokenize.cache_clear()
    work()
    samples = []
    for _ in range(runs):
        tokens.tokenize.cache_clear()
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def off_main_thread(work: Callable[[], object]) -> Callable[[], None]:
    """``work`` run in a second thread, where compare_many spawns its workers instead of forking."""

    def run() -> None:
        failure: list[BaseException] = []

        def target() -> None:
            try:
                work()
            except BaseException as exc:  # re-raised in the caller
                failure.append(exc)

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    return run


def matrix_rows(label: str, base: Path, others: tuple[Path, ...], baseline: float, runs: int) -> None:
    """Print the one-process, forked and spawned times of one matrix."""
    ways = {
        "one process": lambda: compare_many(base, others, workers=1),
        "forked workers": lambda: compare_many(base, others, workers=2),
        "spawned workers": off_main_thread(lambda: compare_many(base, others, workers=2)),
    }
    for way, work in ways.items():
        seconds = median_time(work, runs)
        print(f"{label + ', ' + way:44} {seconds * 1000:8.0f} ms  {seconds / baseline:5.2f} x one comparison")


def cli_time(args: list[str], runs: int) -> float:
    """Median wall time of ``main.py ARGS --quiet`` in a fresh interpreter."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", *args, "--quiet"], cwd=ROOT, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    """Print the figures and the budget verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-plan", action="store_true", help="skip the Jiangyang plan rows")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line rows")
    args = parser.parse_args()

    one = median_time(lambda: compare(BASE, OTHERS[0]), args.runs)
    print(f"{'one comparison (province vs Luzhou)':44} {one * 1000:8.0f} ms  1.00")
    auto = median_time(lambda: compare_many(BASE, OTHERS), args.runs)
    ratio = auto / one
    verdict = "PASS" if ratio < BUDGET else "FAIL"
    print(f"{'matrix, 3 documents, automatic':44} {auto * 1000:8.0f} ms  {ratio:5.2f} x one comparison"
          f"  budget < {BUDGET:g} x: {verdict}")
    matrix_rows("matrix, 3 documents", BASE, OTHERS, one, args.runs)

    if not args.no_plan:
        with tempfile.TemporaryDirectory() as folder:
            plan_text = PLAN.read_text(encoding="utf-8")
            revisions = []
            for seed in ("A", "B"):
                path = Path(folder) / f"plan-{seed}.txt"
                path.write_text(revise(plan_text, seed), encoding="utf-8")
                revisions.append(path)
            plan_one = median_time(lambda: compare(PLAN, revisions[0]), args.runs)
            print(f"{'one comparison (plan vs revision)':44} {plan_one * 1000:8.0f} ms  1.00")
            matrix_rows("plan matrix, 3 documents", PLAN, tuple(revisions), plan_one, args.runs)

    if not args.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            compare_cli = cli_time(["compare", str(BASE), str(OTHERS[0]), "--json", f"{folder}/c.json"], args.runs)
            matrix_cli = cli_time(["matrix", str(BASE), *map(str, OTHERS), "--json", f"{folder}/m.json"], args.runs)
            with_xlsx = cli_time(["matrix", str(BASE), *map(str, OTHERS), "--json", f"{folder}/m.json",
                                  "--xlsx", f"{folder}/m.xlsx"], args.runs)
        print(f"{'CLI compare (province vs Luzhou, JSON)':44} {compare_cli * 1000:8.0f} ms  1.00")
        print(f"{'CLI matrix, 3 documents, JSON':44} {matrix_cli * 1000:8.0f} ms  {matrix_cli / compare_cli:5.2f}"
              " x CLI compare")
        print(f"{'CLI matrix, 3 documents, JSON + xlsx':44} {with_xlsx * 1000:8.0f} ms  {with_xlsx / compare_cli:5.2f}"
              " x CLI compare")


if __name__ == "__main__":
    main()
