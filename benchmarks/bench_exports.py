"""Time of the three exports on the sample pair and on the 41k-char plan against a revision.

    python benchmarks/bench_exports.py [--runs N]

The comparison is computed once per pair and not timed; each export is timed from
the Comparison to the finished file (median of N runs, the first one included, since
a user exports once). Budgets (DESIGN.md section 11, issues 5 and 15): on the sample pair
the PDF report within 1 s, the DOCX report and the redline within 0.3 s each; each export
of the plan pair under 15 s. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.revision import scaled_pair  # noqa: E402
from core.compare import compare, compare_texts  # noqa: E402
from core.export.docx_redline import write_redline  # noqa: E402
from core.export.docx_report import write_docx_report  # noqa: E402
from core.export.pdf_report import write_pdf_report  # noqa: E402

EXPORTS = (("PDF report", write_pdf_report, ".pdf"), ("DOCX report", write_docx_report, ".docx"),
           ("DOCX redline", write_redline, ".docx"))  # fmt: skip
BUDGETS = {("sample pair", "PDF report"): 1.0, ("sample pair", "DOCX report"): 0.3,
           ("sample pair", "DOCX redline"): 0.3}  # fmt: skip
PLAN_BUDGET = 15.0


def main() -> None:
    """Print one line per (pair, export): median seconds, output size and budget verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    plan_left, plan_right = scaled_pair(
        (ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt").read_text(encoding="utf-8"), 1
    )
    pairs = {
        "sample pair": compare(
            ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt", ROOT / "docs_in" / "luzhou_2020_decision.txt"
        ),
        "plan vs revision": compare_texts(plan_left, plan_right, left_path="plan.txt", right_path="plan-rev.txt"),
    }
    with tempfile.TemporaryDirectory() as folder:
        for pair_name, comparison in pairs.items():
            size = f"{len(comparison.left.text)}+{len(comparison.right.text)} chars"
            for export_name, write, suffix in EXPORTS:
                target = Path(folder) / f"out{suffix}"
                samples = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    write(comparison, target)
                    samples.append(time.perf_counter() - start)
                median = statistics.median(samples)
                budget = BUDGETS.get((pair_name, export_name), PLAN_BUDGET if pair_name != "sample pair" else None)
                verdict = "" if budget is None else ("  ok" if median < budget else "  OVER") + f" (< {budget:g} s)"
                kib = target.stat().st_size / 1024
                print(f"{pair_name:17} {size:18} {export_name:13} {median:6.2f} s  {kib:7.0f} KiB{verdict}")


if __name__ == "__main__":
    main()
