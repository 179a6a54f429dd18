"""The JSON of the sample pairs and the labelled implementing pairs, pinned by digest: a refactor must not move
a byte of it. A change that means to change results updates the digests on purpose:

    .venv/bin/python tests/test_pinned_json.py --update
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.compare import compare  # noqa: E402
from core.export.json_report import to_json  # noqa: E402

PINNED = Path(__file__).resolve().parent / "data" / "pinned_json.json"
SAMPLES = sorted((ROOT / "docs_in").glob("*.txt"))
# Every two samples in name order, and the province's decision (the base of the samples'
# implementing pairs) on the left of each other sample; then the labelled real pairs.
PAIRS = [(a, b) for a, b in itertools.permutations(SAMPLES, 2) if a.name < b.name or "traditional" in a.name]
PAIRS += [(d / "base.txt", d / "implementation.txt") for d in sorted((ROOT / "tests/data/implementation").iterdir())
          if (d / "base.txt").is_file()]
# Every comparison here takes up to a second or two.
pytestmark = pytest.mark.slow


def digest(left: Path, right: Path) -> str:
    """SHA-256 of the comparison's JSON, the two paths reduced to their names (the only part
    that depends on where the repository lies)."""
    data = to_json(compare(left, right))
    for side in ("left", "right"):
        data[side]["path"] = Path(data[side]["path"]).name
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _name(pair: tuple[Path, Path]) -> str:
    left, right = pair
    folder = f"{left.parent.name}/" if left.parent != right.parent or left.parent.name != "docs_in" else ""
    return f"{folder}{left.name} | {right.name}"


@pytest.mark.parametrize("pair", PAIRS, ids=_name)
def test_json_of_the_sample_pair_is_as_pinned(pair: tuple[Path, Path]) -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert digest(*pair) == pinned[_name(pair)], "the JSON changed: update the digests only if that was meant"


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    PINNED.write_text(json.dumps({_name(p): digest(*p) for p in PAIRS}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    print(f"{len(PAIRS)} digests written to {PINNED}")
