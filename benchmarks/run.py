"""Every performance budget of DESIGN.md section 11, measured in one run: ``make bench``.

    python benchmarks/run.py [--quick] [--runs N] [--markdown] [--readme]

Engine, command line, exports, growth, the matrix's worker pool, the window and memory.
Every figure is the median of N runs (5; 3 with --quick) taken in this one process run,
works that are compared with each other timed in turn, and the budgets are checked as
ratios where the machine's speed cancels out. See benchmarks/README.md for what each row
means. ``--readme`` also writes the table into README.md's Speed section (between its
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` markers); ``make bench`` passes it.

Exit status: 0 when every budget holds, 3 when one or more is exceeded (named on
stderr), 1 when the engine, the command line or the README's markers fail.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_exports, bench_matrix, bench_window  # noqa: E402
from benchmarks.readme_table import MarkerError, write_table  # noqa: E402
from benchmarks.revision import scaled_pair, sections_pair  # noqa: E402
from core import compare as pipeline  # noqa: E402
from core import tokens  # noqa: E402
from core.load import load  # noqa: E402
from core.normalize import to_simplified  # noqa: E402

SAMPLE_LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"
README = ROOT / "README.md"

# Budgets of DESIGN.md section 11.
ENGINE_BUDGET_S = 0.150  # sample pair, after warm-up
CLI_BUDGET = 0.35  # whole CLI with --json: at most this times difflib on the pair after t2s
CLI_ALL_OUTPUTS_BUDGET = 1.0  # the same with JSON, PDF, DOCX report and redline
PLAN_BUDGET_S = 1.0  # 41k-char plan against its revision
GROWTH_EXPONENT = 1.15  # every stage on 8x input: time ratio at most 8 ** 1.15
SECTIONS = 400  # short articles of the smaller growth case; the larger has twice as many
SECTIONS_BUDGET = 2.3  # twice the short sections: at most this times the time
MEMORY_BUDGET = 10**9  # "under 1 GB"

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
    "政策要点": "findings",
}
DONE = "完成"
# Stage functions looked up in core.compare's namespace, timed inside the stage above.
SUB_STAGES = ("clean", "normalize", "outline")
SUB_PREFIX = "  "  # the name of a sub-stage of "clean + normalize + outline" in EngineRun.stages

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


def exponent(ratio: float, scale: float) -> float:
    """The growth exponent k of ``ratio = scale ** k``."""
    return math.log(ratio) / math.log(scale)


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
            stages.update({f"{SUB_PREFIX}{sub_name}": seconds for sub_name, seconds in sub.items()})
    return EngineRun(end - start, stages)


def engine_times(pairs: Sequence[tuple[Path, Path]], runs: int) -> list[EngineRun]:
    """Medians of ``runs`` compare() calls on each pair after one warm-up call each; stage times are medians too.

    The pairs are compared in turn, run after run, so that a growth ratio between
    them sees the same moments of the machine's load.
    """
    for pair in pairs:
        engine_once(*pair)
    done: list[list[EngineRun]] = [[] for _ in pairs]
    for _ in range(runs):
        for index, pair in enumerate(pairs):
            done[index].append(engine_once(*pair))
    out = []
    for pair_runs in done:
        names = list(dict.fromkeys(name for run in pair_runs for name in run.stages))
        out.append(EngineRun(
            median_of([run.total for run in pair_runs]),
            {name: median_of([run.stages.get(name, 0.0) for run in pair_runs]) for name in names},
        ))
    return out


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


def growth_rows(small: EngineRun, big: EngineRun, scale: float | None) -> list[Row]:
    """One row per stage: its small -> big times and growth; with ``scale``, the exponent and its budget.

    The sub-stages of clean + normalize + outline are shown without a budget: their
    stage as a whole has one.
    """
    rows = []
    for name, seconds in big.stages.items():
        before = small.stages.get(name, 0.0)
        value = f"{ms(before)} -> {ms(seconds)}"
        if not before:
            rows.append(Row(f"  stage: {name}", value))
            continue
        ratio = seconds / before
        if scale is None or name.startswith(SUB_PREFIX):
            rows.append(Row(f"  stage: {name}", value, ratio=f"{ratio:.1f} x"))
            continue
        power = exponent(ratio, scale)
        rows.append(Row(f"  stage: {name}", value, ratio=f"{ratio:.1f} x (exponent {power:.2f})",
                        budget=f"exponent <= {GROWTH_EXPONENT}", verdict=verdict(power <= GROWTH_EXPONENT)))
    return rows


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


# -- the run --------------------------------------------------------------------------

def chars(path: Path) -> int:
    """Characters of a document as loaded."""
    return len(load(path).text)


def write_pair(work: Path, name: str, pair: tuple[str, str]) -> tuple[Path, Path]:
    """Write a generated (left, right) pair to ``work``; their paths."""
    paths = (work / f"{name}_left.txt", work / f"{name}_right.txt")
    for path, text in zip(paths, pair, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


@dataclass
class Run:
    """The rows of one benchmark run and the conditions it ran under."""

    rows: list[Row] = field(default_factory=list)
    window: str = ""


def child_times(runs: int, simplified: Path, out: Path) -> tuple[bool, dict[str, list[float]], int]:
    """The child processes of the sample pair, timed in turn run after run: difflib and the CLI.

    Returns whether difflib needed autojunk=True, the seconds of each kind of child
    by name and the largest RSS of the CLI children. Timing them in turn keeps the
    CLI's ratios to the difflib baseline steady while the machine's load drifts.
    """
    # One untimed difflib run decides autojunk (and brings the files into the disk cache).
    autojunk = difflib_once(simplified, SAMPLE_RIGHT, False, SAMPLE_AUTOJUNK_LIMIT_S) is None
    limit = 10 * SAMPLE_AUTOJUNK_LIMIT_S
    difflibs = {"baseline": (simplified, SAMPLE_RIGHT), "raw": (SAMPLE_LEFT, SAMPLE_RIGHT)}
    clis = {
        "cli": cli_argv(SAMPLE_LEFT, SAMPLE_RIGHT, out),
        "jieba": cli_argv(SAMPLE_LEFT, SAMPLE_RIGHT, out, without_rjieba=True),
        "all": cli_argv(SAMPLE_LEFT, SAMPLE_RIGHT, out, all_outputs=True),
    }
    times: dict[str, list[float]] = {name: [] for name in [*difflibs, *clis]}
    rss = -1
    for _ in range(runs):
        for name, pair in difflibs.items():
            seconds = difflib_once(*pair, autojunk, limit)
            if seconds is None:
                raise Failure(f"difflib ({name}) did not finish within {limit:.0f} s")
            times[name].append(seconds)
        for name, argv in clis.items():
            seconds, child_rss = run_child(argv)
            times[name].append(seconds)
            rss = max(rss, child_rss)
    return autojunk, times, rss


def measure_sample(runs: int, work: Path, into: Run) -> int:
    """Difflib baselines, engine, command line and exports on the sample pair; the CLI's max RSS."""
    rows = into.rows
    sample_note = f"{chars(SAMPLE_LEFT):,} vs {chars(SAMPLE_RIGHT):,} chars"

    # The baseline is difflib on the pair as the engine compares it, both sides in
    # Simplified (DESIGN: "after t2s"). Raw, the pair is in two scripts and few
    # characters match, which makes difflib unusually fast.
    log("difflib and the whole CLI on the sample pair ...")
    simplified = work / "sample_left_simplified.txt"
    simplified.write_text(to_simplified(load(SAMPLE_LEFT).text), encoding="utf-8")
    out = work / "cli"
    out.mkdir()
    autojunk, times, rss = child_times(runs, simplified, out)
    medians = {name: median_of(samples) for name, samples in times.items()}
    base = medians["baseline"]
    rows.append(Row("difflib, sample pair, left in Simplified (baseline)", ms(base),
                    f"{sample_note}; t2s, then SequenceMatcher(autojunk={autojunk}).get_opcodes()", "1.00"))
    rows.append(Row("difflib, sample pair, raw", ms(medians["raw"]),
                    "Traditional against Simplified: few characters match", f"{medians['raw'] / base:.2f}"))

    log("engine on the sample pair ...")
    (sample,) = engine_times([(SAMPLE_LEFT, SAMPLE_RIGHT)], runs)
    rows.append(Row("engine, sample pair", ms(sample.total), "compare() after a warm-up call",
                    f"{sample.total / base:.2f}", f"<= {ms(ENGINE_BUDGET_S)}",
                    verdict(sample.total <= ENGINE_BUDGET_S)))
    rows += [Row(f"  stage: {name}", ms(seconds), ratio=f"{seconds / sample.total:.0%} of engine")
             for name, seconds in sample.stages.items()]

    name = tokens.engine()
    cli, cli_jieba, cli_all = medians["cli"], medians["jieba"], medians["all"]
    rows.append(Row(f"CLI, sample pair ({name})", ms(cli),
                    "main.py compare --json --quiet, interpreter start and dictionary load included",
                    f"{cli / base:.2f}", f"<= {CLI_BUDGET} x difflib", verdict(cli / base <= CLI_BUDGET)))
    rows.append(Row("CLI, sample pair (jieba fallback)", ms(cli_jieba),
                    "rjieba hidden from the import system; no budget", f"{cli_jieba / base:.2f}"))
    rows.append(Row(f"CLI, sample pair, all four outputs ({name})", ms(cli_all),
                    "--json --pdf --docx --redline --quiet", f"{cli_all / base:.2f}",
                    f"<= {CLI_ALL_OUTPUTS_BUDGET} x difflib", verdict(cli_all / base <= CLI_ALL_OUTPUTS_BUDGET)))

    log("exports of the sample pair ...")
    comparison = bench_exports.sample_comparison()
    exports_dir = work / "exports"
    exports_dir.mkdir()
    for export, timed in bench_exports.export_times(comparison, runs, exports_dir).items():
        budget = bench_exports.BUDGETS[("sample pair", export)]
        rows.append(Row(f"export, sample pair: {export}", ms(timed.seconds),
                        f"{timed.size / 1024:.0f} KiB; from the finished comparison to the file",
                        f"{timed.seconds / sample.total:.1f} x engine", f"<= {ms(budget)}",
                        verdict(timed.seconds <= budget)))
    return rss


def measure_growth(runs: int, work: Path, into: Run) -> dict[int, tuple[Path, Path]]:
    """The plan at 1x and 8x, and short sections at N and 2N; the plan pairs by scale."""
    rows = into.rows
    log("generating the Jiangyang revisions ...")
    plan = load(PLAN).text
    pairs = {copies: write_pair(work, f"plan_{copies}x", scaled_pair(plan, copies)) for copies in (1, SCALE)}

    log("difflib on the 1x plan pair ...")
    plan_note = f"{chars(pairs[1][0]):,} vs {chars(pairs[1][1]):,} chars"
    # Seconds per run and no budget of its own: half the runs are enough for context.
    plan_base = difflib_time(*pairs[1], False, max(1, runs // 2), PLAN_DIFFLIB_LIMIT_S)
    rows.append(Row("difflib, plan 1x", ms(plan_base) if plan_base else f"skipped: > {PLAN_DIFFLIB_LIMIT_S:.0f} s",
                    f"{plan_note}; autojunk=False"))

    log(f"engine on the 1x and {SCALE}x plan pairs ...")
    one, big = engine_times([pairs[1], pairs[SCALE]], runs)
    rows.append(Row("engine, plan 1x", ms(one.total), plan_note,
                    f"{one.total / plan_base:.2f}" if plan_base else "", f"< {ms(PLAN_BUDGET_S)}",
                    verdict(one.total < PLAN_BUDGET_S)))
    big_note = f"{chars(pairs[SCALE][0]):,} vs {chars(pairs[SCALE][1]):,} chars; the plan's versions repeat"
    growth = big.total / one.total
    power = exponent(growth, SCALE)
    rows.append(Row(f"engine, plan {SCALE}x", ms(big.total), big_note,
                    f"{growth:.1f} x the 1x time (exponent {power:.2f})", f"exponent <= {GROWTH_EXPONENT}",
                    verdict(power <= GROWTH_EXPONENT)))
    rows += growth_rows(one, big, SCALE)

    log(f"engine on {SECTIONS} and {2 * SECTIONS} short sections ...")
    sections = [write_pair(work, f"sections_{n}", sections_pair(n)) for n in (SECTIONS, 2 * SECTIONS)]
    few, many = engine_times(sections, runs)
    for (left, right), timed, count in zip(sections, (few, many), (SECTIONS, 2 * SECTIONS), strict=True):
        note = f"{chars(left):,} vs {chars(right):,} chars; 第X条, one sentence each, against a revision"
        if count == SECTIONS:
            rows.append(Row(f"engine, {count} short sections", ms(timed.total), note))
        else:
            ratio = timed.total / few.total
            rows.append(Row(f"engine, {count} short sections", ms(timed.total), note, f"{ratio:.2f} x the {SECTIONS}",
                            f"<= {SECTIONS_BUDGET} x", verdict(ratio <= SECTIONS_BUDGET)))
    rows += growth_rows(few, many, None)
    return pairs


def measure_matrix(runs: int, work: Path, into: Run) -> None:
    """The matrix's worker pool against one process, and what the machine allows now."""
    rows = into.rows
    log("matrix: worker pool against one process ...")
    cpus = os.cpu_count() or 1
    parallelism = bench_matrix.machine_parallelism(runs) if cpus >= 2 else 1.0
    inputs = {
        "sample": (bench_matrix.BASE, bench_matrix.OTHERS),
        "plan": (bench_matrix.PLAN, bench_matrix.plan_revisions(work)),
    }
    for label, (base, others) in inputs.items():
        times = bench_matrix.matrix_times(base, others, runs, ("one process", "automatic"))
        one, pool = times["one process"], times["automatic"]
        speedup = one / pool
        what = f"matrix, {label} (3 documents)"
        rows.append(Row(f"{what}, one process", ms(one),
                        f"compare_many({base.name}, {len(others)} others, workers=1)"))
        if label != "sample":
            rows.append(Row(f"{what}, worker pool", ms(pool), "compare_many's own choice; no budget",
                            f"speed-up {speedup:.2f} x"))
        elif cpus < 2:
            rows.append(Row(f"{what}, worker pool", ms(pool), "one CPU: the budget is for two",
                            f"speed-up {speedup:.2f} x", "skipped: 1 CPU"))
        else:
            rows.append(Row(f"{what}, worker pool", ms(pool),
                            "compare_many's own choice, as the command line runs it (forked workers on Linux); "
                            "speed-up = one process / pool",
                            f"speed-up {speedup:.2f} x", f"speed-up >= {bench_matrix.POOL_BUDGET} x",
                            verdict(speedup >= bench_matrix.POOL_BUDGET)))
    rows.append(Row("two busy processes at once, this machine now", f"{parallelism:.2f} x one",
                    "pure-Python loops in a started pool: the most any pool can gain here"))


def measure_window(runs: int, into: Run) -> None:
    """First paint and the sample pair's result on screen, from the process start."""
    log("window: launch to first paint and to the result ...")
    times, where = window_measure(runs)
    into.window = where
    labels = (("window, first paint", bench_window.FIRST_PAINT_BUDGET_S),
              ("window, sample pair's result on screen", bench_window.RESULT_BUDGET_S))
    if times is None:
        into.rows += [Row(label, where, budget=f"<= {ms(budget)}") for label, budget in labels]
        return
    for (label, budget), seconds, from_spawn in zip(labels, (times.first_paint, times.result),
                                                    (times.spawn_first_paint, times.spawn_result), strict=True):
        into.rows.append(Row(label, ms(seconds),
                             f"main.py --self-test from its {times.origin}; from our spawn {ms(from_spawn)} "
                             f"(origins {times.origin_offset * 1000:+.0f} ms apart); {where}",
                             budget=f"<= {ms(budget)}", verdict=verdict(seconds <= budget)))


def measure(runs: int, work: Path) -> Run:
    """Take every measurement; the result table's rows in order."""
    run = Run()
    cli_rss = measure_sample(runs, work, run)
    measure_matrix(runs, work, run)
    measure_window(runs, run)
    pairs = measure_growth(runs, work, run)
    rows = run.rows

    log("peak memory ...")
    for label, pair in (("sample pair", (SAMPLE_LEFT, SAMPLE_RIGHT)), (f"plan {SCALE}x", pairs[SCALE])):
        loading, rest = engine_peak(*pair)
        rows.append(Row(f"peak Python memory, engine, {label}", mib(max(loading, rest)),
                        f"tracemalloc, dictionaries already loaded; loading files {mib(loading)}, "
                        f"the rest {mib(rest)}"))
    if cli_rss >= 0:
        rows.append(Row("max RSS, CLI, sample pair", mib(cli_rss),
                        "the largest of the CLI runs above (all four outputs included): the whole process",
                        budget="< 1 GB", verdict=verdict(cli_rss < MEMORY_BUDGET)))

    log("cold tokenizer loads ...")
    rj_name, rj = tokenizer_load("rjieba", runs)
    rows.append(Row(f"first tokenize(), fresh interpreter ({rj_name})", ms(rj),
                    "imports and the words of the text from the word index"))
    if sys.platform.startswith("linux"):
        # The index builds take seconds each and vary little: a third of the runs.
        _, rj_cold = tokenizer_load("rjieba", max(1, runs // 3), empty_cache=True)
        rows.append(Row(f"first tokenize(), fresh interpreter ({rj_name}, no cache)", ms(rj_cold),
                        "first start after install: builds and checks the word index", f"+{ms(rj_cold - rj)}"))
    jb_name, jb = tokenizer_load("jieba", runs)
    rows.append(Row(f"first tokenize(), fresh interpreter ({jb_name})", ms(jb), "its word index present",
                    f"+{ms(jb - rj)} vs {rj_name}"))
    if sys.platform.startswith("linux"):
        _, cold = tokenizer_load("jieba", max(1, runs // 3), empty_cache=True)
        rows.append(Row(f"first tokenize(), fresh interpreter ({jb_name}, no cache)", ms(cold),
                        "first start: builds its word index, checked against jieba's whole dictionary",
                        f"+{ms(cold - rj)} vs {rj_name}"))
    return run


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
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in (indented, *rest)) + " |")
    return "\n".join(lines)


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


def readme_section(header: str, rows: list[Row]) -> str:
    """What goes between the README's markers: the conditions line and the table."""
    return f"Last `make bench`: {header}.\n\n{markdown_table(rows)}"


def failed_rows(rows: list[Row]) -> list[str]:
    """Names of the rows over budget; a stage row is named with the row it belongs to."""
    failed, parent = [], ""
    for row in rows:
        if not row.name.startswith(" "):
            parent = row.name
        if row.verdict == "FAIL":
            failed.append(f"{parent}: {row.name.strip()}" if row.name.startswith(" ") else row.name)
    return failed


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
