"""The matrix's worker pool: what forked workers need is loaded once, in the parent, before the fork."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from core import matrix, segmenter, word_index
from core.clean import clean
from core.export.json_matrix import matrix_json
from core.load import Loaded, load
from core.matrix import compare_many
from core.matrix_model import Matrix
from core.normalize import normalize
from core.options import Options

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
OTHERS = (ROOT / "docs_in" / "luzhou_2020_decision.txt", ROOT / "docs_in" / "longmatan_2022_action_plan.txt")


def test_warm_gives_the_segmenter_the_base_words() -> None:
    lazy = segmenter.cutter(segmenter.engine())
    assert isinstance(lazy, segmenter._LazyRjieba), "rjieba fell back to its whole dictionary"
    matrix._warm(matrix._Base.of(load(BASE), Options()))
    text = normalize(clean(load(BASE).text).text).text
    for run in word_index.HAN_WORD.findall(text):
        assert {run[i : i + 2] for i in range(len(run) - 1)} | set(run) <= lazy._seen


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_forked_workers_load_nothing_of_the_base(tmp_path: Path) -> None:
    # In a fresh interpreter (single-threaded, so compare_many forks), watch what the workers
    # load: never the tables, any other resource file nor the base document's words, which
    # the parent loaded.
    code = (
        "import builtins, io, os\n"
        "from core import background, matrix, segmenter, word_index\n"
        "from core.resources import resource_path\n"
        "from core.clean import clean\n"
        "from core.load import load\n"
        "from core.normalize import normalize\n"
        "parent = os.getpid()\n"
        f"base = normalize(clean(load({str(BASE)!r}).text).text).text\n"
        "base_grams = {run[i : i + 2] for run in word_index.HAN_WORD.findall(base) for i in range(len(run) - 1)}\n"
        "grow = segmenter._LazyRjieba._grow\n"
        "def spy(self, grams):\n"
        "    if os.getpid() != parent and grams & base_grams:\n"
        "        raise AssertionError(f'worker added base words: {sorted(grams & base_grams)[:5]}')\n"
        "    grow(self, grams)\n"
        "segmenter._LazyRjieba._grow = spy\n"
        "table = background.BackgroundIdf.from_path\n"
        "def watch(path):\n"
        "    assert os.getpid() == parent, 'worker loaded the background table'\n"
        "    return table(path)\n"
        "background.BackgroundIdf.from_path = watch\n"
        "resources, opened = str(resource_path()), io.open\n"
        "def read(file, *args, **kwargs):\n"
        "    if os.getpid() != parent and str(file).startswith(resources):\n"
        "        raise AssertionError(f'worker read {file}')\n"
        "    return opened(file, *args, **kwargs)\n"
        "builtins.open = io.open = read\n"
        f"m = matrix.compare_many({str(BASE)!r}, {[str(p) for p in OTHERS]!r}, workers=2)\n"
        "print(type(segmenter._cutters.get(segmenter.engine())).__name__, len(m.columns))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    kind, columns = out.stdout.split()
    assert columns == "2"
    assert kind == "_LazyRjieba", "rjieba fell back to its whole dictionary"


def test_spawned_workers_give_the_same_matrix() -> None:
    # Off the main thread compare_many spawns its workers (as in the window, and on Windows
    # always): they get the prepared base pickled, and load the engine themselves.
    found: list[Matrix] = []
    methods: list[str] = []

    def run() -> None:
        context = matrix._pool_plan(load(BASE), [load(p) for p in OTHERS], 2)[1]
        methods.append(context.get_start_method() if context else "none")
        found.append(compare_many(BASE, OTHERS, workers=2))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert methods == ["spawn"]
    assert len(found) == 1, "the spawned run failed"
    assert matrix_json(found[0]) == matrix_json(compare_many(BASE, OTHERS, workers=1))


def _forking() -> bool:
    context = matrix._pool_plan(load(BASE), [load(p) for p in OTHERS], 2)[1]
    return context is not None and context.get_start_method() == "fork"


@pytest.mark.skipif(not _forking(), reason="compare_many does not fork here")
def test_what_stops_a_worker_is_raised_here(monkeypatch: pytest.MonkeyPatch) -> None:
    compare = matrix._compare

    def failing(base: matrix._Base, other: Loaded, *args: Any) -> object:
        if os.getpid() != parent:
            raise ValueError(f"cannot compare {other.path}")
        return compare(base, other, *args)

    parent = os.getpid()
    monkeypatch.setattr(matrix, "_compare", failing)  # forked workers inherit it
    with pytest.raises(ValueError, match="longmatan"):
        compare_many(BASE, OTHERS, workers=2)


@pytest.mark.skipif(not _forking(), reason="compare_many does not fork here")
def test_a_worker_that_dies_fails_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    compare = matrix._compare

    def dying(base: matrix._Base, other: Loaded, *args: Any) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return compare(base, other, *args)

    parent = os.getpid()
    monkeypatch.setattr(matrix, "_compare", dying)
    with pytest.raises(RuntimeError):
        compare_many(BASE, OTHERS, workers=2)
