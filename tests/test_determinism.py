"""The same inputs give the same bytes, whatever the interpreter's hash seed.

Sets and dicts of strings change their order with the seed; where that order reaches a
floating-point sum or a tie-break, a result changes from one run to the next (and a
frozen build disagrees with the source). Both relations are checked, on real pairs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIRS = {
    "decision": (ROOT / "docs_in/sichuan_2020_decision_traditional.txt",
                 ROOT / "docs_in/luzhou_2020_decision.txt"),
    "law": (ROOT / "tests/data/implementation/compulsory_education_shanghai/base.txt",
            ROOT / "tests/data/implementation/compulsory_education_shanghai/implementation.txt"),
}


def _json(left: Path, right: Path, seed: str, target: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, str(ROOT / "main.py"), "compare", str(left), str(right), "--json", str(target),
                    "--quiet"], check=True, env=env, timeout=120)
    return target.read_bytes()


# Seeds 7 and 9 once ordered a subject vector's terms differently from seed 0 and so broke
# a tie in the shared terms the other way on the decision pair; a few seeds make it likely
# that such an order dependence shows.
SEEDS = ("0", "7", "9", "2024")


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_json_is_the_same_under_any_hash_seed(name: str, tmp_path: Path) -> None:
    left, right = PAIRS[name]
    first = _json(left, right, SEEDS[0], tmp_path / "first.json")
    for seed in SEEDS[1:]:
        assert _json(left, right, seed, tmp_path / f"{seed}.json") == first, f"hash seed {seed}"
