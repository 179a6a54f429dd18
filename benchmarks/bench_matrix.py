"""Time of the provision matrix (one base against many) against one comparison.

    python benchmarks/bench_matrix.py [--runs N] [--no-plan] [--no-cli]

Budgets: the province against Luzhou and Longmatan (a three-document matrix) in under
twice the time of one comparison (province against Luzhou) (issue 7), and its worker
pool at least 1.5 x faster than one process on two cores (the budgeted row of
``benchmarks/run.py``). Every figure is the median of N runs (default 5) after one
warm-up call, the ways of one matrix timed in turn; the segmenter's token cache is
cleared before every run, as a new pair would find it. Rows:

- one comparison: ``compare(province, Luzhou)``, the baseline of the ratios;
- matrix, automatic: ``compare_many`` as the command line runs it (the budgeted row);
- matrix, one process / forked workers / spawned workers: the three ways of running
  it (with ``workers=2``, this process and one worker process, each comparing one
  document; the worker is spawned when ``compare_many`` is called off the main thread,
  as the window does, or where the platform cannot fork);
- the same three on the 41k-char Jiangyang plan against two generated revisions,
  where each comparison takes long enough for spawned workers to pay;
- the machine's own parallelism: two processes spinning at once against one, which
  bounds what any pool can gain on a machine shared with other work;
- the command line, interpreter start included: ``main.py matrix`` against
  ``main.py compare`` on the same files.

Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.revision import revise  # noqa: E402
from benchmarks.timing import median_times  # noqa: E402
from core import tokens  # noqa: E402
from core.compare import compare  # noqa: E402
from core.matrix import compare_many  # noqa: E402

BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
OTHERS = (ROOT / "docs_in" / "luzhou_2020_decision.txt", ROOT / "docs_in" / "longmatan_2022_action_plan.txt")
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"
BUDGET = 2.0
POOL_BUDGET = 1.5  # the pool at least this many times faster than one process, on two cores
WAYS = ("one process", "forked workers", "spawned workers")
SPIN_SECONDS = 0.1  # length of one spin of the parallelism check


def clear_tokens() -> None:
    """Forget the segmenter's cached cuts, as a new pair finds them."""
    tokens.tokenize.cache_clear()


def median_time(work: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls of ``work`` after a warm-up call, token cache cleared each time."""
    return median_times({"work": work}, runs, before=clear_tokens)["work"]


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


def matrix_ways(base: Path, others: tuple[Path, ...]) -> dict[str, Callable[[], object]]:
    """The ways of running one matrix, by name: WAYS and "automatic" (compare_many's own choice)."""
    return {
        "automatic": lambda: compare_many(base, others),
        "one process": lambda: compare_many(base, others, workers=1),
        "forked workers": lambda: compare_many(base, others, workers=2),
        "spawned workers": off_main_thread(lambda: compare_many(base, others, workers=2)),
    }


def matrix_times(base: Path, others: tuple[Path, ...], runs: int, ways: Iterable[str] = WAYS) -> dict[str, float]:
    """Median seconds of the matrix of ``base`` against ``others`` in each of ``ways``, timed in turn."""
    every = matrix_ways(base, others)
    return median_times({way: every[way] for way in ways}, runs, before=clear_tokens)


def matrix_times_fresh(base: Path, others: tuple[Path, ...], runs: int, ways: Iterable[str]) -> dict[str, float]:
    """``matrix_times`` in a fresh interpreter, as the command line runs the matrix.

    A forked worker starts as a copy of this process: in one that has already run the
    other benchmarks (exports, the 8x plan) its heap is several times the command line's,
    and forking and the copies its first writes cause cost the pool what no user's run
    pays (measured: 0.9-1.3x in such a process, 1.5-1.6x in a fresh one).
    """
    code = ("import json, sys; from pathlib import Path; from benchmarks import bench_matrix; "
            "print(json.dumps(bench_matrix.matrix_times(Path(sys.argv[1]), tuple(map(Path, sys.argv[3:])), "
            "int(sys.argv[2]), tuple(json.loads(sys.stdin.read())))))")
    done = subprocess.run([sys.executable, "-c", code, str(base), str(runs), *map(str, others)], cwd=ROOT,
                          input=json.dumps(list(ways)), capture_output=True, text=True, check=True)
    times: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return times


def plan_revisions(folder: Path) -> tuple[Path, Path]:
    """Two generated revisions of the Jiangyang plan, written to ``folder``."""
    plan_text = PLAN.read_text(encoding="utf-8")
    paths = []
    for seed in ("A", "B"):
        path = folder / f"plan-{seed}.txt"
        path.write_text(revise(plan_text, seed), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _spin(count: int) -> int:
    """Pure-Python work of a fixed size (module level, so a spawned worker can find it)."""
    total = 0
    for i in range(count):
        total += i
    return total


def machine_parallelism(runs: int) -> float:
    """How many times more work two processes get done at once than one, on this machine now.

    Two busy worker processes of an already started pool against one: 2.0 on two idle
    cores, less while other programs hold a core. No pool can gain more than this, so
    it is the context of the pool's budget.
    """
    start = time.perf_counter()
    _spin(200_000)
    count = max(10_000, int(200_000 * SPIN_SECONDS / max(time.perf_counter() - start, 1e-6)))
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, (1, 1)))  # both workers started before anything is timed
        ratios = []
        for _ in range(runs):
            start = time.perf_counter()
            pool.submit(_spin, count).result()
            one = time.perf_counter() - start
            start = time.perf_counter()
            list(pool.map(_spin, (count, count)))
            two = time.perf_counter() - start
            ratios.append(2 * one / two)
    return statistics.median(ratios)


def cli_time(args: list[str], runs: int) -> float:
    """Median wall time of ``main.py ARGS --quiet`` in a fresh interpreter."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", *args, "--quiet"], cwd=ROOT, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _print_ways(label: str, times: dict[str, float], baseline: float) -> None:
    for way, seconds in times.items():
        print(f"{label + ', ' + way:44} {seconds * 1000:8.0f} ms  {seconds / baseline:5.2f} x one comparison")


def main() -> None:
    """Print the figures and the budget verdicts."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-plan", action="store_true", help="skip the Jiangyang plan rows")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line rows")
    args = parser.parse_args()

    one = median_time(lambda: compare(BASE, OTHERS[0]), args.runs)
    print(f"{'one comparison (province vs Luzhou)':44} {one * 1000:8.0f} ms  1.00")
    times = matrix_times(BASE, OTHERS, args.runs, ("automatic", *WAYS))
    auto = times.pop("automatic")
    ratio = auto / one
    verdict = "PASS" if ratio < BUDGET else "FAIL"
    print(f"{'matrix, 3 documents, automatic':44} {auto * 1000:8.0f} ms  {ratio:5.2f} x one comparison"
          f"  budget < {BUDGET:g} x: {verdict}")
    _print_ways("matrix, 3 documents", times, one)
    speedup = times["one process"] / auto
    verdict = "PASS" if speedup >= POOL_BUDGET else "FAIL"
    print(f"{'matrix, 3 documents, pool speed-up':44} {speedup:8.2f} x  (automatic against one process)"
          f"  budget >= {POOL_BUDGET:g} x: {verdict}")
    print(f"{'two processes at once (this machine, now)':44} {machine_parallelism(args.runs):8.2f} x one")

    if not args.no_plan:
        with tempfile.TemporaryDirectory() as folder:
            revisions = plan_revisions(Path(folder))
            plan_one = median_time(lambda: compare(PLAN, revisions[0]), args.runs)
            print(f"{'one comparison (plan vs revision)':44} {plan_one * 1000:8.0f} ms  1.00")
            _print_ways("plan matrix, 3 documents", matrix_times(PLAN, revisions, args.runs), plan_one)

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
