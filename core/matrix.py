"""One base against many: compare the base with each document and build the provision matrix.

The matrix itself (rows, cells, columns) is ``core.matrix_model``; its JSON and workbook
are exports (``core.export.json_matrix``, ``core.export.xlsx_matrix``). Every column is an
ordinary pairwise ``compare`` of the base against that document, kept in
``Matrix.comparisons`` so a cell can open its pair's two-pane comparison without
recomputing.

The files are read once, up front, so an unusable file stops the run before any
work, and the base is prepared (cleaned, outlined, normalized) once for all its
comparisons. The comparisons are shared out between this process and worker processes
when that pays (see ``_pool_plan``): always where workers can be forked from this
process, only for large inputs where they have to be spawned and load the engine afresh.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.context import DefaultContext, SpawnContext
from pathlib import Path
from typing import Any

from core.base_items import counted_items, section_grade
from core.compare import compare_prepared, compare_texts, prepare
from core.document import Document, Section
from core.errors import InputError
from core.kinds import CellKind, CoverageGrade, Relation
from core.load import Loaded, load
from core.matrix_model import Cell, Column, Counterpart, Matrix, Row
from core.normalize import Normalized
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

    ``workers`` caps the processes comparing at once, this one included: None decides
    from the size of the work and the number of CPUs, 1 keeps everything in this
    process. Raises ``InputError`` for an unusable file (before any comparison starts)
    and ``Cancelled`` when ``cancel()`` turns true.
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
    count, context = _pool_plan(base_loaded, loaded, workers)
    forking = context is not None and context.get_start_method() == "fork"
    if forking:
        with contextlib.suppress(InputError):  # should the tiny pair be refused, workers load the tables
            _load_tables(options.t2s)
    prepared = _Base.of(base_loaded, options)
    check(cancel)
    if context is None:
        comparisons = _run_sequential(prepared, loaded, report, cancel)
    else:
        if forking:
            _warm(prepared)
        comparisons = _run_parallel(prepared, loaded, count, context, report, cancel)
    matrix = build_matrix(comparisons)
    report(1.0, Stage.DONE)
    return matrix


def build_matrix(comparisons: Sequence[Comparison]) -> Matrix:
    """The matrix of comparisons that share their left (base) document.

    Its rows are the base's leaves; where a document implements the base, its items as a drafter
    counts them (``core.base_items.counted_items``: an article whole with its paragraphs and
    points), since that document is paired by those items and a paragraph of an article paired
    whole has no counterpart of its own."""
    if not comparisons:
        raise ValueError("a matrix needs at least one comparison")
    base = comparisons[0].left
    implementing = any(c.relation.relation is Relation.IMPLEMENTATION for c in comparisons)
    sections = counted_items(base) if implementing else base.leaves
    starts = [leaf.start for leaf in base.leaves]
    rows = tuple(Row(section, tuple(_cell(c, section, starts) for c in comparisons)) for section in sections)
    columns = tuple(_column(c, [row.cells[i] for row in rows]) for i, c in enumerate(comparisons))
    return Matrix(comparisons[0].options, base, columns, rows, tuple(comparisons))


def _cell(comparison: Comparison, section: Section, starts: list[int]) -> Cell:
    """How ``comparison``'s document takes up a base section (a revision pairs an article whole
    as well as its paragraphs)."""
    grade = (section_grade(comparison.left, section, comparison.coverage.grade_of, starts)
             if comparison.relation.relation is Relation.IMPLEMENTATION else None)
    found = [
        Counterpart(comparison.right.by_id[comparison.pairs[i].right], comparison.pairs[i].kind,
                    comparison.pairs[i].score, i)
        for i in comparison.pair_indexes(section.id)
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
class _Base:
    """The base document, prepared once (clean, outline, normalize) for all its comparisons."""

    loaded: Loaded
    side: tuple[Document, Normalized]
    options: Options

    @classmethod
    def of(cls, loaded: Loaded, options: Options) -> _Base:
        """``loaded`` prepared as the left side of every comparison."""
        return cls(loaded, prepare(loaded.text, loaded.path, "L", options, loaded.source_format, loaded.encoding),
                   options)


# With "fork" (Linux) a worker starts from this process as it is, engine, dictionaries and
# prepared base loaded, in a few milliseconds: this process and one forked worker beat one
# process even on the sample documents (benchmarks/bench_matrix.py: about 150 ms against
# 220 ms). Forking is only safe while this process runs a single thread, so it is used
# from the main thread of a single-threaded program (the command line). Otherwise workers
# are spawned: each starts an interpreter, imports the engine and loads the segmenter's
# dictionary, about 0.2 s here with rjieba, more on Windows and over 1 s with the
# pure-Python jieba, while this process compares its own share. On the sample documents
# that loses (about 560 ms against 310 ms); on the 41k-char plan against two revisions
# (165k characters of input, the base counted once per comparison) a spawned worker
# gains a little (840 ms against 970 ms); the threshold leaves room for slower process
# starts.
_SPAWN_MIN_CHARS = 400_000

# Where workers come from: the platform's default context (forking on Linux) or spawning.
_Context = DefaultContext | SpawnContext


def _pool_plan(base: Loaded, others: Sequence[Loaded], workers: int | None) -> tuple[int, _Context | None]:
    """How many processes to compare in (this one included) and how to start the workers;
    (1, None): this process alone."""
    cap = min(len(others), os.cpu_count() or 1) if workers is None else min(len(others), workers)
    if cap < 2:
        return 1, None
    default = multiprocessing.get_context()
    single_threaded = threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    if default.get_start_method() == "fork" and single_threaded:
        return cap, default
    if workers is None and len(base.text) * len(others) + sum(len(o.text) for o in others) < _SPAWN_MIN_CHARS:
        return 1, None
    return cap, multiprocessing.get_context("spawn")


# A tiny pair with a heading, an item, a figure, a duty and a modal word that changes:
# comparing it, as a revision and as an implementing document, makes this process load what
# every comparison loads on first use (OpenCC, the background table, the segmenter's index,
# the short forms of the subject vectors, the word lists of the findings), once, for all the
# workers it forks.
_WARM_PAIR = (
    "一、总体要求\n（一）加快推动成渝地区双城经济圈建设。到2025年，新增就业岗位500个。牵头单位：市发展改革委\n",
    "一、总体要求\n（一）应当加快推动成渝地区双城经济圈建设。到2025年，新增就业岗位600个。牵头单位：市发展改革委\n"
    "二、保障措施\n加强组织领导。\n",
)


@lru_cache(maxsize=2)
def _load_tables(t2s: bool) -> None:
    """Compare the tiny pair both ways once per process (``t2s`` decides whether OpenCC loads)."""
    for relation in (Relation.REVISION, Relation.IMPLEMENTATION):
        compare_texts(*_WARM_PAIR, Options(t2s=t2s, relation=relation.value))


def _warm(base: _Base) -> None:
    """Give the segmenter the words of the base document before forking.

    Forked workers inherit them instead of each adding them again after the fork: the
    base is in every comparison; each other document is segmented by one worker only,
    so its words are left to that worker.
    """
    from core import segmenter

    segmenter.warm([base.side[1].text])


def _compare(base: _Base, other: Loaded, progress: Progress, cancel: Cancel | None) -> Comparison:
    """The comparison of the prepared base with one other document, as ``compare_texts`` makes it."""
    progress(0.1, Stage.PREPARE)
    right = prepare(other.text, other.path, "R", base.options, other.source_format, other.encoding)
    check(cancel)
    return compare_prepared(base.side, right, base.options, progress, cancel)


def _run_sequential(base: _Base, others: Sequence[Loaded], report: Progress,
                    cancel: Cancel | None) -> list[Comparison]:
    out = []
    total = len(others)
    for index, other in enumerate(others):
        name = Path(other.path).name

        def step(fraction: float, stage: str, index: int = index, name: str = name) -> None:
            report(0.05 + 0.9 * (index + fraction) / total, f"{name}：{stage}")

        out.append(_compare(base, other, step, cancel))
    return out


def _run_parallel(base: _Base, others: Sequence[Loaded], count: int, context: _Context, report: Progress,
                  cancel: Cancel | None) -> list[Comparison]:
    """The comparisons in ``count`` processes: this one and ``count - 1`` workers, each taking
    every ``count``-th document from its own first one.

    This process would otherwise only wait, and its own comparisons need no sending back.
    A forked worker starts with its work given, the engine and the base loaded, and
    compares at once; a spawned one is sent its work after it starts (passed at the start,
    the work would hold up this process until the worker has imported the engine). Each
    sends back its progress, then each comparison or what stopped it.
    """
    inbox, outbox = context.Queue(), context.Queue()
    forked = context.get_start_method() == "fork"
    work = [(base, [(i, others[i]) for i in range(first, len(others), count)]) for first in range(1, count)]
    workers = [context.Process(target=_work, args=(given if forked else None, outbox, inbox), daemon=True)
               for given in work]
    for worker in workers:
        worker.start()
    if not forked:
        outbox.cancel_join_thread()  # should a worker never take its work, leaving it unsent is right
        for given in work:
            outbox.put(given)
    fractions = [0.0] * len(others)
    done: dict[int, Comparison] = {}

    def receive(stage: str = Stage.COMPARE, wait: float = 0.0) -> None:
        """Take in what the workers sent, waiting up to ``wait`` seconds for it, and report the progress."""
        messages = []
        with contextlib.suppress(queue.Empty):
            messages.append(inbox.get(timeout=wait) if wait else inbox.get_nowait())
            while True:
                messages.append(inbox.get_nowait())
        for kind, index, *content in messages:
            if kind == _FAILED:
                raise content[0]
            if kind == _DONE:
                done[index], fractions[index] = content[0], 1.0
            else:
                fractions[index], stage = max(fractions[index], content[0]), content[1]
        report(0.05 + 0.9 * sum(fractions) / len(others), f"{stage}（已完成 {len(done)}/{len(others)} 份）")

    try:
        for index in range(0, len(others), count):

            def step(fraction: float, stage: str, index: int = index) -> None:
                fractions[index] = max(fractions[index], fraction)
                receive(stage)

            done[index] = _compare(base, others[index], step, cancel)
        while len(done) < len(others):
            ended = not any(worker.is_alive() for worker in workers)
            receive(wait=0.0 if ended else 0.05)  # once ended, all they sent is there to be read
            if ended and len(done) < len(others):
                raise RuntimeError("比对进程意外退出")
            check(cancel)
    except BaseException:
        for worker in workers:  # cancelled, or failed here or there: what they do is not wanted
            worker.terminate()
        raise
    finally:
        for worker in workers:
            worker.join()
        inbox.close()
        outbox.close()
    return [done[i] for i in range(len(others))]


# The kinds of message a worker sends: (_PROGRESS, index, fraction, stage), (_DONE, index,
# comparison), (_FAILED, index, exception).
_PROGRESS, _DONE, _FAILED = "progress", "done", "failed"


def _work(given: tuple[_Base, Sequence[tuple[int, Loaded]]] | None, outbox: Any, inbox: Any) -> None:
    """A worker process: compare the base with each ``(index, document)`` of its share in turn.

    ``given``: the base and the share, or None to take them from ``outbox``.
    """
    base, share = given or outbox.get()
    for index, other in share:

        def step(fraction: float, stage: str, index: int = index) -> None:
            inbox.put((_PROGRESS, index, fraction, stage))

        try:
            comparison = _compare(base, other, step, None)
        except BaseException as exc:  # sent back, to be raised there
            inbox.put((_FAILED, index, exc))
            return
        inbox.put((_DONE, index, comparison))
