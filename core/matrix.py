"""One base against many: compare the base with each document and build the provision matrix.

The matrix itself (rows, cells, columns) is ``core.matrix_model``; its JSON and workbook
are exports (``core.export.json_matrix``, ``core.export.xlsx_matrix``). Every column is an
ordinary pairwise ``compare`` of the base against that document, kept in
``Matrix.comparisons`` so a cell can open its pair's two-pane comparison without
recomputing.

The files are read once, up front, so an unusable file stops the run before any
work. Each comparison then runs in its own worker process when that pays (see
``_pool_plan``): always where a worker can be forked from this process, only for
large inputs where it has to be spawned and load the engine afresh.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from core.compare import compare_texts
from core.errors import InputError
from core.kinds import CoverageGrade, Relation
from core.load import Loaded, load
from core.matrix_model import Cell, CellKind, Column, Counterpart, Matrix, Row
from core.options import Options
from core.progress import Cancel, Progress, Stage, check, no_progress
from core.result import Comparison


def compare_many(
    base: str | os.PathLike[str],
    others: Sequence[str | os.PathLike[str]],
    options: Options | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    workers: int | None = None,
) -> Matrix:
    """Compare ``base`` against each of ``others`` and build the provision matrix.

    ``workers`` caps the worker processes: None decides from the size of the work
    and the number of CPUs, 1 keeps everything in this process. Raises
    ``InputError`` for an unusable file (before any comparison starts) and
    ``Cancelled`` when ``cancel()`` turns true.
    """
    if not others:
        raise InputError("至少需要一份与基准文件对照的文件")
    options = options or Options()
    report = progress or no_progress
    report(0.0, Stage.READ)
    base_loaded = load(base)
    loaded = []
    for other in others:
        check(cancel)
        loaded.append(load(other))
    check(cancel)
    jobs = [_Job(base_loaded, other, options) for other in loaded]
    count, context = _pool_plan(jobs, workers)
    if context is None:
        comparisons = _run_sequential(jobs, report, cancel)
    else:
        if context.get_start_method() == "fork":
            _warm(jobs)
        comparisons = _run_parallel(jobs, count, context, report, cancel)
    matrix = build_matrix(comparisons)
    report(1.0, Stage.DONE)
    return matrix


def build_matrix(comparisons: Sequence[Comparison]) -> Matrix:
    """The matrix of comparisons that share their left (base) document."""
    if not comparisons:
        raise ValueError("a matrix needs at least one comparison")
    base = comparisons[0].left
    rows = tuple(
        Row(leaf, tuple(_cell(c, leaf.id) for c in comparisons))
        for leaf in base.leaves
    )
    columns = tuple(_column(c, [row.cells[i] for row in rows]) for i, c in enumerate(comparisons))
    return Matrix(comparisons[0].options, base, columns, rows, tuple(comparisons))


def _cell(comparison: Comparison, leaf_id: str) -> Cell:
    grade = (comparison.coverage.grade_of.get(leaf_id)
             if comparison.relation.relation is Relation.IMPLEMENTATION else None)
    found = [
        Counterpart(comparison.right.by_id[comparison.pairs[i].right], comparison.pairs[i].kind,
                    comparison.pairs[i].score, i)
        for i in comparison.pair_indexes(leaf_id)
    ]
    if not found:
        return Cell(CellKind.ABSENT, 0.0, (), grade)
    found.sort(key=lambda cp: (cp.kind.rank, -cp.score, cp.section.start))
    best = found[0]
    return Cell(CellKind.of(best.kind), best.score, tuple(found), grade)


def _column(comparison: Comparison, cells: Sequence[Cell]) -> Column:
    counts = tuple((kind, sum(1 for cell in cells if cell.kind is kind)) for kind in CellKind)
    leaves = len(cells)
    absent = dict(counts)[CellKind.ABSENT]
    return Column(
        path=comparison.right.path,
        title=comparison.right.title,
        counts=counts,
        covered=round((leaves - absent) / leaves, 4) if leaves else 0.0,
        base_shared=comparison.stats.left_shared,
        local=comparison.stats.right_leaves_local,
        relation=comparison.relation.relation,
        grades=tuple((grade, sum(1 for cell in cells if cell.grade is grade)) for grade in CoverageGrade)
        if comparison.relation.relation is Relation.IMPLEMENTATION else (),
    )


# --- running the comparisons -----------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    base: Loaded
    other: Loaded
    options: Options


# With "fork" (Linux) a worker starts from this process as it is, engine and dictionaries
# loaded, in a few milliseconds: two workers beat one process even on the sample
# documents (benchmarks/bench_matrix.py: 79 ms against 100 ms). Forking is only safe while
# this process runs a single thread, so it is used from the main thread of a
# single-threaded program (the command line). Otherwise workers are spawned: each starts
# an interpreter, imports the engine and loads the segmenter's dictionary, about 0.2 s
# here with rjieba (257 ms against 100 ms on the sample documents), more on Windows and
# over 1 s with the pure-Python jieba. The engine handles some 330k characters of input
# (base + other) per second, so two spawned workers break even near 150k characters here
# (the 41k-char plan against two revisions, 165k: 447 ms against 494 ms); the threshold
# leaves room for slower process starts.
_SPAWN_MIN_CHARS = 400_000


def _pool_plan(jobs: Sequence[_Job], workers: int | None) -> tuple[int, BaseContext | None]:
    """How many worker processes to use and how to start them; (1, None): none at all."""
    cap = min(len(jobs), os.cpu_count() or 1) if workers is None else min(len(jobs), workers)
    if cap < 2:
        return 1, None
    default = multiprocessing.get_context()
    single_threaded = threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    if default.get_start_method() == "fork" and single_threaded:
        return cap, default
    if workers is None and sum(len(j.base.text) + len(j.other.text) for j in jobs) < _SPAWN_MIN_CHARS:
        return 1, None
    return cap, multiprocessing.get_context("spawn")


# A tiny pair with a heading, an item, a figure and a duty: comparing it makes this process
# load what every comparison loads on first use (OpenCC, the background table, the
# segmenter's index, the word lists of the findings), once, for all the workers it forks.
_WARM_TEXT = "一、总体要求\n（一）加快推动成渝地区双城经济圈建设。到2025年，新增就业岗位500个。牵头单位：市发展改革委\n"


def _warm(jobs: Sequence[_Job]) -> None:
    """Load the engine's tables, and the segmenter's words of the base document, before forking.

    Forked workers inherit them instead of each loading them again after the fork: the
    base is in every comparison; each other document is segmented by one worker only,
    so its words are left to that worker.
    """
    from core import segmenter
    from core.clean import clean
    from core.normalize import normalize

    options = jobs[0].options
    with contextlib.suppress(InputError):  # should the tiny pair be refused, workers load the tables
        _load_tables(options)
    # The comparison form the engine segments: cleaning and normalizing may join runs.
    base = clean(jobs[0].base.text, keep_boilerplate=options.keep_boilerplate).text
    segmenter.warm([normalize(base, t2s=options.t2s).text])


@lru_cache(maxsize=4)
def _load_tables(options: Options) -> None:
    """Compare the tiny pair once per process and options (t2s decides whether OpenCC loads)."""
    compare_texts(_WARM_TEXT, _WARM_TEXT + "二、保障措施\n加强组织领导。\n", options)


def _compare_job(job: _Job, progress: Progress | None, cancel: Cancel | None) -> Comparison:
    return compare_texts(
        job.base.text, job.other.text, job.options, progress, cancel,
        left_path=job.base.path, right_path=job.other.path,
        left_format=(job.base.source_format, job.base.encoding),
        right_format=(job.other.source_format, job.other.encoding),
    )


def _run_sequential(jobs: Sequence[_Job], report: Progress, cancel: Cancel | None) -> list[Comparison]:
    out = []
    total = len(jobs)
    for index, job in enumerate(jobs):
        name = Path(job.other.path).name

        def step(fraction: float, stage: str, index: int = index, name: str = name) -> None:
            report(0.05 + 0.9 * (index + fraction) / total, f"{name}：{stage}")

        out.append(_compare_job(job, step, cancel))
    return out


# Set in each worker process by _init_worker: where progress goes, and the stop flag.
_worker_progress: Any = None
_worker_stop: Any = None


def _init_worker(progress_queue: Any, stop: Any) -> None:
    global _worker_progress, _worker_stop
    _worker_progress, _worker_stop = progress_queue, stop


def _worker(index: int, job: _Job) -> Comparison:
    def step(fraction: float, stage: str) -> None:
        _worker_progress.put((index, fraction, stage))

    return _compare_job(job, step, _worker_stop.is_set)


def _run_parallel(jobs: Sequence[_Job], count: int, context: BaseContext, report: Progress,
                  cancel: Cancel | None) -> list[Comparison]:
    progress_queue = context.Queue()
    stop = context.Event()
    fractions = [0.0] * len(jobs)
    with ProcessPoolExecutor(count, mp_context=context, initializer=_init_worker,
                             initargs=(progress_queue, stop)) as pool:
        futures: list[Future[Comparison]] = [pool.submit(_worker, i, job) for i, job in enumerate(jobs)]
        pending = set(futures)
        try:
            while pending:
                _, pending = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
                check(cancel)
                stage = _drain(progress_queue, fractions)
                for i, future in enumerate(futures):
                    if future.done() and future.exception() is None:
                        fractions[i] = 1.0
                done = sum(1 for f in futures if f.done())
                doing = stage or Stage.COMPARE
                report(0.05 + 0.9 * sum(fractions) / len(jobs), f"{doing}（已完成 {done}/{len(jobs)} 份）")
            return [future.result() for future in futures]
        except BaseException:
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            progress_queue.close()


def _drain(progress_queue: Any, fractions: list[float]) -> str:
    stage = ""
    while True:
        try:
            index, fraction, stage = progress_queue.get_nowait()
        except queue.Empty:
            return stage
        fractions[index] = max(fractions[index], fraction)
