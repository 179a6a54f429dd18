"""Every measurement of ``make bench``, in the order of the result table.

The sample pair (difflib baselines, engine, command line, exports), the matrix's worker
pool, the window, growth on the plan and on short sections, peak memory and cold
tokenizer loads. Works compared with each other are timed in turn.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from benchmarks import bench_exports, bench_matrix, bench_window
from benchmarks.child_processes import cli_argv, difflib_once, difflib_time, run_child, tokenizer_load, window_measure
from benchmarks.engine_timing import engine_peak, engine_times, growth_cells, growth_rows
from benchmarks.results import Failure, Row, Run, log, median_of, mib, ms, verdict
from benchmarks.revision import scaled_pair, sections_pair
from core import tokens
from core.load import load
from core.normalize import to_simplified

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"
IMPLEMENTATION_DATA = ROOT / "tests" / "data" / "implementation"
VOLUME_NOTES = {
    "distinct": "each law or decision against the document implementing it, all of them in a row",
    "unrelated": "the documents of half the real pairs against those of the other half",
}

# Budgets of DESIGN.md section 11.
ENGINE_BUDGET_S = 0.150  # sample pair, after warm-up
CLI_BUDGET = 0.35  # whole CLI with --json: at most this times difflib on the pair after t2s
CLI_ALL_OUTPUTS_BUDGET = 1.0  # the same with JSON, PDF, DOCX report and redline
PLAN_BUDGET_S = 1.0  # 41k-char plan against its revision
SECTIONS = 400  # short articles of the smaller growth case; the larger has twice as many
SECTIONS_BUDGET = 2.3  # twice the short sections: at most this times the time
MEMORY_BUDGET = 10**9  # "under 1 GB"

SAMPLE_AUTOJUNK_LIMIT_S = 30.0  # above this, the sample baseline falls back to autojunk=True
PLAN_DIFFLIB_LIMIT_S = 60.0
SCALE = 8


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
    rows.append(Row(f"engine, plan {SCALE}x", ms(big.total), big_note,
                    **growth_cells(big.total / one.total, SCALE, of=" the 1x time")))
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


def law_volumes() -> list[tuple[str, str]]:
    """The real base -> implementation pairs of ``tests/data/implementation`` as (base, implementation)
    texts, the sample pair last: volumes of several kinds and structures (第X条 articles, 一、（一） items)."""
    folders = sorted(path for path in IMPLEMENTATION_DATA.iterdir() if (path / "base.txt").is_file())
    pairs = [((folder / "base.txt").read_text(encoding="utf-8"),
              (folder / "implementation.txt").read_text(encoding="utf-8")) for folder in folders]
    return [*pairs, (load(SAMPLE_LEFT).text, load(SAMPLE_RIGHT).text)]


def volume_pairs(volumes: list[tuple[str, str]]) -> dict[str, tuple[tuple[str, str], tuple[str, str]]]:
    """Growth cases made of whole volumes, each kind as its (1x, many) pair of texts.

    ``distinct``: every base against its own implementation, all volumes one after another
    on each side, against the pair of median size. ``unrelated``: every document of half
    the pairs against every document of the other half, against one base of each half:
    nothing on one side carries out or revises anything on the other.
    """
    by_size = sorted(volumes, key=lambda pair: len(pair[0]) + len(pair[1]))
    first, second = volumes[0::2], volumes[1::2]
    return {
        "distinct": (by_size[len(by_size) // 2],
                     ("\n".join(base for base, _ in volumes), "\n".join(done for _, done in volumes))),
        "unrelated": ((first[0][0], second[0][0]),
                      ("\n".join(text for pair in first for text in pair),
                       "\n".join(text for pair in second for text in pair))),
    }


def measure_volumes(runs: int, work: Path, into: Run) -> None:
    """Growth on whole volumes of real documents, distinct and unrelated; the exponent is taken
    against the growth of the input in characters, which is not a round number here."""
    for kind, (small, big) in volume_pairs(law_volumes()).items():
        log(f"engine on {kind} volumes ...")
        paths = [write_pair(work, f"{kind}_{size}", pair) for size, pair in (("one", small), ("all", big))]
        one, many = engine_times(paths, runs)
        scale = sum(map(len, big)) / sum(map(len, small))
        note = (f"{len(small[0]):,} + {len(small[1]):,} -> {len(big[0]):,} + {len(big[1]):,} chars "
                f"({scale:.1f} x); {VOLUME_NOTES[kind]}")
        into.rows.append(Row(f"engine, {kind} volumes", f"{ms(one.total)} -> {ms(many.total)}", note,
                             **growth_cells(many.total / one.total, scale)))
        into.rows += growth_rows(one, many, scale)


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
        times = bench_matrix.matrix_times_fresh(base, others, runs, ("one process", "automatic"))
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
    measure_volumes(runs, work, run)
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
