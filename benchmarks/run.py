"""Speed and memory of the comparison engine and the CLI, against difflib in the same run.

    python benchmarks/run.py [--quick] [--markdown] [--runs N]

Every figure is the median of N runs (5; 3 with --quick) taken in this one process
run, and the budgets are checked as ratios where the machine's speed cancels out.
See benchmarks/README.md for what each row means. The script reports; it exits 0
whatever the figures, and 1 only when the engine or the CLI fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.revision import scaled_pair  # noqa: E402
from core import compare as pipeline  # noqa: E402
from core import tokens  # noqa: E402
from core.load import load  # noqa: E402
from core.normalize import to_simplified  # noqa: E402

SAMPLE_LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"

ENGINE_BUDGET_S = 0.150  # sample pair, after warm-up (DESIGN.md section 11)
PLAN_BUDGET_S = 1.0  # 41k-char plan against its revision
GROWTH_BUDGET = 10.0  # 8x input must take less than 10x the time
# "Well under the difflib time": read as at most half of it.
WELL_UNDER = 0.5
SAMPLE_AUTOJUNK_LIMIT_S = 30.0  # above this, the sample baseline falls back to autojunk=True
PLAN_DIFFLIB_LIMIT_S = 60.0
SCALE = 8

# Progress messages of core.compare, in pipeline order, with the stages they start.
STAGES = {
    "读取文件": "load",
    "清理与结构识别": "clean + normalize + outline",
    "查找相同表述": "shared wording",
    "对齐章节": "align",
    "逐词比较": "diff",
    "统计": "highlight + report",
}
DONE = "完成"
# Stage functions looked up in core.compare's namespace, timed inside the stage above.
SUB_STAGES = ("clean", "normalize", "outline")

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


class Failure(Exception):
    """The engine or the CLI failed: the benchmark cannot be trusted."""


@dataclass
class Row:
    """One line of the result table."""

    name: str
    value: str
    note: str = ""
    ratio: str = ""
    budget: str = ""
    verdict: str = ""


@dataclass
class EngineRun:
    """Median wall time of compare() on one pair, with its stages."""

    total: float
    stages: dict[str, float] = field(default_factory=dict)


def median_of(samples: list[float]) -> float:
    """Median of ``samples``."""
    return statistics.median(samples)


def ms(seconds: float) -> str:
    """``seconds`` as milliseconds or seconds, whichever reads better."""
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mib(size: float) -> str:
    """A byte count in MiB."""
    return f"{size / 2**20:.1f} MiB"


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


# -- difflib --------------------------------------------------------------------------

def difflib_time(left: Path, right: Path, autojunk: bool, runs: int, limit: float) -> float | None:
    """Median seconds of a whole-text SequenceMatcher.get_opcodes(), None if a run exceeds ``limit``.

    Each run is a child process so that a run over the limit can be stopped.
    """
    samples = []
    for _ in range(runs):
        try:
            out = subprocess.run(
                [sys.executable, "-c", DIFFLIB_CHILD, str(left), str(right), "1" if autojunk else "0"],
                capture_output=True, text=True, timeout=limit, check=True,
            )
        except subprocess.TimeoutExpired:
            return None
        samples.append(float(out.stdout))
    return median_of(samples)


# -- engine ---------------------------------------------------------------------------

@contextmanager
def timed_functions(names: tuple[str, ...], into: dict[str, float]) -> Iterator[None]:
    """Wrap core.compare's stage functions ``names`` so that their time adds up in ``into``."""
    originals = {name: getattr(pipeline, name) for name in names if callable(getattr(pipeline, name, None))}

    def wrap(name: str, function: Callable[..., object]) -> Callable[..., object]:
        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                into[name] = into.get(name, 0.0) + time.perf_counter() - start

        return timed

    for name, function in originals.items():
        setattr(pipeline, name, wrap(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


def engine_once(left: Path, right: Path) -> EngineRun:
    """One compare() call, timed, with the time of each progress stage.

    The token cache is cleared first: a repeated pair would otherwise skip
    segmentation, which a user comparing a new pair never does.
    """
    tokens.tokenize.cache_clear()
    marks: list[tuple[float, str]] = []
    sub: dict[str, float] = {}

    def progress(_fraction: float, stage: str) -> None:
        if not marks or marks[-1][1] != stage:
            marks.append((time.perf_counter(), stage))

    with timed_functions(SUB_STAGES, sub):
        start = time.perf_counter()
        pipeline.compare(left, right, progress=progress)
        end = time.perf_counter()
    stages: dict[str, float] = {}
    for (at, stage), (until, _next) in zip(marks, [*marks[1:], (end, "")], strict=True):
        if stage == DONE:
            continue
        name = STAGES.get(stage, stage)
        stages[name] = stages.get(name, 0.0) + until - at
        if name == STAGES["清理与结构识别"]:
            stages.update({f"  {sub_name}": seconds for sub_name, seconds in sub.items()})
    return EngineRun(end - start, stages)


def engine_time(left: Path, right: Path, runs: int) -> EngineRun:
    """Median of ``runs`` compare() calls after one warm-up call; stage times are medians too."""
    engine_once(left, right)
    done = [engine_once(left, right) for _ in range(runs)]
    names = list(dict.fromkeys(name for run in done for name in run.stages))
    return EngineRun(
        median_of([run.total for run in done]),
        {name: median_of([run.stages.get(name, 0.0) for run in done]) for name in names},
    )


def engine_peak(left: Path, right: Path) -> tuple[int, int]:
    """Peak bytes allocated by Python objects during one compare() (dictionaries already loaded):
    while loading the files, and in the rest of the pipeline."""
    tokens.tokenize.cache_clear()
    peaks: list[int] = []

    def progress(_fraction: float, stage: str) -> None:
        if stage != "读取文件" and not peaks:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.reset_peak()

    tracemalloc.start()
    try:
        pipeline.compare(left, right, progress=progress)
        return (peaks or [0])[0], tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


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


def cli_time(left: Path, right: Path, runs: int, without_rjieba: bool = False) -> tuple[float, int]:
    """Median wall time of the whole CLI (interpreter start included) and its largest RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "result.json")
        argv = [sys.executable, "main.py", "compare", str(left), str(right), "--json", out, "--quiet"]
        if without_rjieba:
            argv = [sys.executable, "-c", CLI_WITHOUT_RJIEBA, *argv[1:]]
        samples = [run_child(argv) for _ in range(runs)]
    return median_of([s for s, _ in samples]), max(rss for _, rss in samples)


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


# -- the run --------------------------------------------------------------------------

def chars(path: Path) -> int:
    """Characters of a document as loaded."""
    return len(load(path).text)


def measure(runs: int, work: Path) -> list[Row]:
    """Take every measurement; the result table's rows in order."""
    rows: list[Row] = []
    sample_note = f"{chars(SAMPLE_LEFT):,} vs {chars(SAMPLE_RIGHT):,} chars"

    log("difflib on the sample pair ...")
    autojunk = False
    base = difflib_time(SAMPLE_LEFT, SAMPLE_RIGHT, False, runs, SAMPLE_AUTOJUNK_LIMIT_S)
    if base is None:
        autojunk = True
        base = difflib_time(SAMPLE_LEFT, SAMPLE_RIGHT, True, runs, 10 * SAMPLE_AUTOJUNK_LIMIT_S)
    if base is None:
        raise Failure("difflib baseline did not finish")
    rows.append(Row("difflib, sample pair (baseline)", ms(base),
                    f"{sample_note}; SequenceMatcher(autojunk={autojunk}).get_opcodes()", "1.00"))
    simplified = work / "sample_left_simplified.txt"
    simplified.write_text(to_simplified(load(SAMPLE_LEFT).text), encoding="utf-8")
    base_t2s = difflib_time(simplified, SAMPLE_RIGHT, autojunk, runs, 10 * SAMPLE_AUTOJUNK_LIMIT_S)
    if base_t2s is not None:
        rows.append(Row("difflib, sample pair, left in Simplified", ms(base_t2s),
                        "both sides in one script, as the engine compares them", f"{base_t2s / base:.2f}"))

    log("engine on the sample pair ...")
    sample = engine_time(SAMPLE_LEFT, SAMPLE_RIGHT, runs)
    rows.append(Row("engine, sample pair", ms(sample.total), "compare() after a warm-up call",
                    f"{sample.total / base:.2f}", f"<= {ms(ENGINE_BUDGET_S)}",
                    verdict(sample.total <= ENGINE_BUDGET_S)))
    rows += [Row(f"  stage: {name}", ms(seconds), ratio=f"{seconds / sample.total:.0%} of engine")
             for name, seconds in sample.stages.items()]

    log("whole CLI on the sample pair ...")
    cli, cli_rss = cli_time(SAMPLE_LEFT, SAMPLE_RIGHT, runs)
    rows.append(Row("CLI, sample pair (rjieba)", ms(cli), "main.py compare --json --quiet, interpreter start included",
                    f"{cli / base:.2f}", f"< {WELL_UNDER:.1f} x difflib", verdict(cli / base < WELL_UNDER)))
    cli_jieba, _ = cli_time(SAMPLE_LEFT, SAMPLE_RIGHT, runs, without_rjieba=True)
    rows.append(Row("CLI, sample pair (jieba fallback)", ms(cli_jieba), "rjieba hidden from the import system",
                    f"{cli_jieba / base:.2f}", f"< {WELL_UNDER:.1f} x difflib", verdict(cli_jieba / base < WELL_UNDER)))

    log("generating the Jiangyang revisions ...")
    plan = load(PLAN).text
    pairs = {}
    for copies in (1, SCALE):
        left, right = scaled_pair(plan, copies)
        pairs[copies] = (work / f"plan_{copies}x_left.txt", work / f"plan_{copies}x_right.txt")
        pairs[copies][0].write_text(left, encoding="utf-8")
        pairs[copies][1].write_text(right, encoding="utf-8")

    log("difflib on the 1x plan pair ...")
    plan_note = f"{chars(pairs[1][0]):,} vs {chars(pairs[1][1]):,} chars"
    plan_base = difflib_time(*pairs[1], False, runs, PLAN_DIFFLIB_LIMIT_S)
    rows.append(Row("difflib, plan 1x", ms(plan_base) if plan_base else f"skipped: > {PLAN_DIFFLIB_LIMIT_S:.0f} s",
                    f"{plan_note}; autojunk=False"))

    plan_runs = {}
    for copies in (1, SCALE):
        log(f"engine on the {copies}x plan pair ...")
        plan_runs[copies] = engine_time(*pairs[copies], runs)
    one, big = plan_runs[1], plan_runs[SCALE]
    rows.append(Row("engine, plan 1x", ms(one.total), plan_note,
                    f"{one.total / plan_base:.2f}" if plan_base else "", f"< {ms(PLAN_BUDGET_S)}",
                    verdict(one.total < PLAN_BUDGET_S)))
    big_note = f"{chars(pairs[SCALE][0]):,} vs {chars(pairs[SCALE][1]):,} chars"
    growth = big.total / one.total
    rows.append(Row(f"engine, plan {SCALE}x", ms(big.total), big_note, f"{growth:.1f} x the 1x time",
                    f"< {GROWTH_BUDGET:.0f} x", verdict(growth < GROWTH_BUDGET)))
    rows += [Row(f"  stage: {name}", f"{ms(one.stages.get(name, 0.0))} -> {ms(seconds)}",
                 ratio=f"{seconds / one.stages[name]:.1f} x" if one.stages.get(name) else "")
             for name, seconds in big.stages.items()]

    log("peak memory ...")
    for label, pair in (("sample pair", (SAMPLE_LEFT, SAMPLE_RIGHT)), (f"plan {SCALE}x", pairs[SCALE])):
        loading, rest = engine_peak(*pair)
        rows.append(Row(f"peak Python memory, engine, {label}", mib(max(loading, rest)),
                        f"tracemalloc, dictionaries already loaded; loading files {mib(loading)}, "
                        f"the rest {mib(rest)}"))
    rows.append(Row("max RSS, CLI, sample pair", mib(cli_rss) if cli_rss >= 0 else "n/a",
                    "the whole process, dictionaries included"))

    log("cold tokenizer loads ...")
    rj_name, rj = tokenizer_load("rjieba", runs)
    rows.append(Row(f"first tokenize(), fresh interpreter ({rj_name})", ms(rj),
                    "imports and the words of the text from the word index"))
    if sys.platform.startswith("linux"):
        _, rj_cold = tokenizer_load("rjieba", max(1, runs // 3), empty_cache=True)
        rows.append(Row(f"first tokenize(), fresh interpreter ({rj_name}, no cache)", ms(rj_cold),
                        "first start after install: builds and checks the word index", f"+{ms(rj_cold - rj)}"))
    jb_name, jb = tokenizer_load("jieba", runs)
    rows.append(Row(f"first tokenize(), fresh interpreter ({jb_name})", ms(jb), "its word index present",
                    f"+{ms(jb - rj)} vs {rj_name}"))
    if sys.platform.startswith("linux"):
        _, cold = tokenizer_load("jieba", runs, empty_cache=True)
        rows.append(Row(f"first tokenize(), fresh interpreter ({jb_name}, no cache)", ms(cold),
                        "first start: builds its word index, checked against jieba's whole dictionary",
                        f"+{ms(cold - rj)} vs {rj_name}"))
    return rows


HEADERS = ("measurement", "median", "ratio", "budget", "result", "notes")


def cells(row: Row) -> tuple[str, ...]:
    """A row's cells in column order."""
    return (row.name, row.value, row.ratio, row.budget, row.verdict, row.note)


def plain_table(rows: list[Row]) -> str:
    """Columns padded with spaces."""
    table = [HEADERS, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in table)


def markdown_table(rows: list[Row]) -> str:
    """A GitHub Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        first, *rest = cells(row)
        indented = first.replace("  ", "&nbsp;&nbsp;", 1) if first.startswith("  ") else first
        lines.append("| " + " | ".join([indented, *rest]) + " |")
    return "\n".join(lines)


def main() -> int:
    """Measure, print the table, return the exit code."""
    parser = argparse.ArgumentParser(description="Duizhao speed and memory benchmarks.")
    parser.add_argument("--quick", action="store_true", help="3 runs per figure instead of 5")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table for the README")
    parser.add_argument("--runs", type=int, help="runs per figure (overrides --quick)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)

    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as work:
            rows = measure(runs, Path(work))
    except (Failure, subprocess.CalledProcessError) as exc:
        detail = exc.stderr if isinstance(exc, subprocess.CalledProcessError) else ""
        print(f"benchmark failed: {exc}\n{detail or ''}", file=sys.stderr)
        return 1
    header = (f"Duizhao benchmarks: Python {platform.python_version()}, {platform.system()} "
              f"{platform.machine()}, {os.cpu_count()} CPUs, tokenizer {tokens.engine()}, "
              f"median of {runs} runs, {time.perf_counter() - started:.0f} s in all")
    print(header)
    print(plain_table(rows))
    if args.markdown:
        print()
        print(header)
        print()
        print(markdown_table(rows))
    failed = [row.name.strip() for row in rows if row.verdict == "FAIL"]
    if failed:
        print("over budget: " + "; ".join(failed), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
