"""Time of the three exports on the sample pair and on the 41k-char plan against a revision.

    python benchmarks/bench_exports.py [--runs N]

The comparison is computed once per pair and not timed; each export is timed from
the Comparison to the finished file (median of N runs, the first one included, since
a user exports once). Budgets (DESIGN.md section 11, issues 5 and 15): on the sample pair
the PDF report within 1 s, the DOCX report and the redline within 0.3 s each; each export
of the plan pair under 15 s. Exits 0 whatever the figures. ``benchmarks/run.py`` (``make
bench``) takes the sample-pair figures from ``export_times``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.revision import scaled_pair  # noqa: E402
from core.compare import compare, compare_texts  # noqa: E402
from core.export.docx_redline import write_redline  # noqa: E402
from core.export.docx_report import write_docx_report  # noqa: E402
from core.export.pdf_report import write_pdf_report  # noqa: E402
from core.result import Comparison  # noqa: E402

SAMPLE_LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
SAMPLE_RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"
PLAN = ROOT / "docs_in" / "jiangyang_14th_five_year_plan.txt"

EXPORTS: tuple[tuple[str, Callable[[Comparison, Path], object], str], ...] = (
    ("PDF report", write_pdf_report, ".pdf"), ("DOCX report", write_docx_report, ".docx"),
    ("DOCX redline", write_redline, ".docx"))  # fmt: skip
BUDGETS = {("sample pair", "PDF report"): 1.0, ("sample pair", "DOCX report"): 0.3,
           ("sample pair", "DOCX redline"): 0.3}  # fmt: skip
PLAN_BUDGET = 15.0


@dataclass(frozen=True)
class ExportTime:
    """One export of one comparison: median seconds and the size of the file written."""

    seconds: float
    size: int


def sample_comparison() -> Comparison:
    """The comparison of the sample pair (province against Luzhou)."""
    return compare(SAMPLE_LEFT, SAMPLE_RIGHT)


def plan_comparison() -> Comparison:
    """The 41k-char Jiangyang plan against its generated 1x revision."""
    left, right = scaled_pair(PLAN.read_text(encoding="utf-8"), 1)
    return compare_texts(left, right, left_path="plan.txt", right_path="plan-rev.txt")


def export_times(comparison: Comparison, runs: int, folder: Path) -> dict[str, ExportTime]:
    """Median seconds of each export of ``comparison`` to a file in ``folder``, by export name.

    Every run is timed, the first included: a user exports a result once, so the cost of a
    first export (fonts registered, templates read) belongs in the figure.
    """
    out = {}
    for export_name, write, suffix in EXPORTS:
        target = folder / f"out{suffix}"
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            write(comparison, target)
            samples.append(time.perf_counter() - start)
        out[export_name] = ExportTime(statistics.median(samples), target.stat().st_size)
    return out


def main() -> None:
    """Print one line per (pair, export): median seconds, output size and budget verdict."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pairs = {"sample pair": sample_comparison(), "plan vs revision": plan_comparison()}
    with tempfile.TemporaryDirectory() as folder:
        for pair_name, comparison in pairs.items():
            size = f"{len(comparison.left.text)}+{len(comparison.right.text)} chars"
            for export_name, timed in export_times(comparison, args.runs, Path(folder)).items():
                budget = BUDGETS.get((pair_name, export_name), PLAN_BUDGET if pair_name != "sample pair" else None)
                verdict = "" if budget is None else (
                    ("  ok" if timed.seconds < budget else "  OVER") + f" (< {budget:g} s)")
                print(f"{pair_name:17} {size:18} {export_name:13} {timed.seconds:6.2f} s  {timed.size / 1024:7.0f} KiB"
                      f"{verdict}")


if __name__ == "__main__":
    main()
