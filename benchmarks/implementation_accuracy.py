"""Accuracy of implementation pairing on the labelled real pairs of ``tests/data``.

For every pair: top-1 item accuracy of the product and of the plain baseline (best
TF-IDF match of character bigrams, no threshold), 未见落实 precision, findings precision
(coverage findings against the labels, the others against judgements by reading), and
every wrong verdict. ``python benchmarks/implementation_accuracy.py [-v] [--set stage.name=value ...]``;
``--set`` measures the pairs with a threshold of ``core.tuning`` changed, to see how far a
value can move before a figure changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from implementation_truth import evaluate, truths  # noqa: E402

from core import tuning  # noqa: E402
from core.compare import compare  # noqa: E402
from core.options import Options  # noqa: E402


def use(changed: tuning.Tuning) -> None:
    """Make every engine module read ``changed`` instead of the shipped thresholds."""
    shipped = tuning.TUNING
    for name, module in list(sys.modules.items()):
        if name.startswith("core.") and name != "core.tuning" and getattr(module, "TUNING", None) is shipped:
            module.TUNING = changed  # type: ignore[attr-defined]


def main() -> int:
    """Print the measures of every labelled pair; exit 1 when one misses its bar."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong verdict")
    parser.add_argument("--set", action="append", default=[], metavar="STAGE.NAME=VALUE",
                        help="measure with this threshold of core.tuning changed (repeatable)")
    args = parser.parse_args()
    verbose = args.verbose
    changed = tuning.TUNING
    for setting in args.set:
        name, _, value = setting.partition("=")
        changed = tuning.replaced(changed, name, float(value))
    if args.set:
        import core.compare  # noqa: F401  every stage that reads the thresholds is loaded by now

        use(changed)
    ok = True
    for truth in truths():
        result = compare(truth.base, truth.implementation, Options(relation="implementation"))
        score = evaluate(result, truth)
        ok &= score.accuracy >= 0.95 and score.not_taken_up_precision >= 0.95 and score.findings_precision >= 0.9
        print(f"{truth.name}: items {score.items}, top-1 {score.accuracy:.3f} "
              f"(baseline {score.baseline_correct}/{score.baseline_items}, "
              f"product {score.product_on_baseline_items}/{score.baseline_items} on the same items); "
              f"未见落实 {score.not_taken_up_right}/{score.not_taken_up_said} said right, "
              f"{score.not_taken_up_right}/{score.not_taken_up_labelled} labelled found; "
              f"named with a rival {score.rivalled} ({score.rivalled_correct} right), "
              f"without one {score.items - score.rivalled} (top-1 {score.clear_accuracy:.3f}); "
              f"findings {score.findings_right}/{score.findings_said} right; "
              f"relation detected: {compare(truth.base, truth.implementation).relation.relation.value}")
        if score.unresolved:
            print("  unresolved refs:", ", ".join(score.unresolved))
        if verbose:
            for line in score.wrong:
                print("  ", line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
