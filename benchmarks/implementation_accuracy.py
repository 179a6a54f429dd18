"""Accuracy of implementation pairing on the labelled real pairs of ``tests/data``.

For every pair: top-1 item accuracy of the product and of the plain baseline (best
TF-IDF match of character bigrams, no threshold), 未见落实 precision, and every wrong
verdict. ``python benchmarks/implementation_accuracy.py [-v]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from implementation_truth import evaluate, truths  # noqa: E402

from core.compare import compare  # noqa: E402
from core.model import Options  # noqa: E402


def main() -> int:
    """Print the measures of every labelled pair; exit 1 when one misses its bar."""
    verbose = "-v" in sys.argv
    ok = True
    for truth in truths():
        result = compare(truth.base, truth.implementation, Options(relation="implementation"))
        score = evaluate(result, truth)
        ok &= score.accuracy >= 0.95 and score.not_taken_up_precision >= 0.95
        print(f"{truth.name}: items {score.items}, top-1 {score.accuracy:.3f} "
              f"(baseline {score.baseline_correct}/{score.baseline_items}, "
              f"product {score.product_on_baseline_items}/{score.baseline_items} on the same items); "
              f"未见落实 {score.not_taken_up_right}/{score.not_taken_up_said} said right, "
              f"{score.not_taken_up_right}/{score.not_taken_up_labelled} labelled found; "
              f"relation detected: {compare(truth.base, truth.implementation).relation.relation.value}")
        if score.unresolved:
            print("  unresolved refs:", ", ".join(score.unresolved))
        if verbose:
            for line in score.wrong:
                print("  ", line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
