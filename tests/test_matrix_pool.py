"""The matrix's worker pool: what forked workers need is loaded once, in the parent, before the fork."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import matrix, segmenter, word_index
from core.clean import clean
from core.load import load
from core.normalize import normalize
from core.options import Options

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
OTHERS = (ROOT / "docs_in" / "luzhou_2020_decision.txt", ROOT / "docs_in" / "longmatan_2022_action_plan.txt")


def test_warm_gives_the_segmenter_the_base_words() -> None:
    lazy = segmenter.cutter(segmenter.engine())
    assert isinstance(lazy, segmenter._LazyRjieba), "rjieba fell back to its whole dictionary"
    jobs = [matrix._Job(load(BASE), load(other), Options()) for other in OTHERS]
    matrix._warm(jobs)
    text = normalize(clean(load(BASE).text).text).text
    for run in word_index.HAN_WORD.findall(text):
        assert {run[i : i + 2] for i in range(len(run) - 1)} | set(run) <= lazy._seen


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_forked_workers_load_nothing_of_the_base(tmp_path: Path) -> None:
    # In a fresh interpreter (single-threaded, so compare_many forks), watch what the workers
    # load: never the tables nor the base document's words, which the parent loaded.
    code = (
        "import os\n"
        "from core import background, matrix, segmenter, word_index\n"
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
        f"m = matrix.compare_many({str(BASE)!r}, {[str(p) for p in OTHERS]!r}, workers=2)\n"
        "print(type(segmenter._cutters.get(segmenter.engine())).__name__, len(m.columns))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    kind, columns = out.stdout.split()
    assert columns == "2"
    assert kind == "_LazyRjieba", "rjieba fell back to its whole dictionary"
