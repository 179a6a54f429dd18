"""compare() timed in this process: its total, each progress stage, sub-stages, growth and peak memory."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.results import Row, exponent, median_of, ms, verdict
from core import compare as pipeline
from core import tokens

GROWTH_EXPONENT = 1.15  # budget of DESIGN.md section 11: every stage on 8x input, time ratio at most 8 ** 1.15

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


@dataclass
class EngineRun:
    """Median wall time of compare() on one pair, with its stages."""

    total: float
    stages: dict[str, float] = field(default_factory=dict)


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
        rows.append(Row(f"  stage: {name}", value, **growth_cells(ratio, scale)))
    return rows


def growth_cells(ratio: float, scale: float, of: str = "") -> dict[str, str]:
    """The ratio, budget and verdict cells of a time growing ``ratio`` times for input growing
    ``scale`` times: its exponent against ``GROWTH_EXPONENT``. ``of`` names what the ratio is of."""
    power = exponent(ratio, scale)
    return {"ratio": f"{ratio:.1f} x{of} (exponent {power:.2f})", "budget": f"exponent <= {GROWTH_EXPONENT}",
            "verdict": verdict(power <= GROWTH_EXPONENT)}
