"""The result table of ``make bench``: its rows, how figures read in it, and its plain and Markdown forms."""

from __future__ import annotations

import math
import statistics
import sys
from dataclasses import dataclass, field


class Failure(Exception):
    """The engine or the CLI failed: the benchmark cannot be trusted."""


@dataclass
class Row:
    """One line of the result table."""

    name: str
    value: str
    note: str = ""
    ratio: str = ""
    budget: str = ""
    verdict: str = ""


@dataclass
class Run:
    """The rows of one benchmark run and the conditions it ran under."""

    rows: list[Row] = field(default_factory=list)
    window: str = ""


def median_of(samples: list[float]) -> float:
    """Median of ``samples``."""
    return statistics.median(samples)


def ms(seconds: float) -> str:
    """``seconds`` as milliseconds or seconds, whichever reads better."""
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mib(size: float) -> str:
    """A byte count in MiB."""
    return f"{size / 2**20:.1f} MiB"


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)


def exponent(ratio: float, scale: float) -> float:
    """The growth exponent k of ``ratio = scale ** k``."""
    return math.log(ratio) / math.log(scale)


HEADERS = ("measurement", "median", "ratio", "budget", "result", "notes")


def cells(row: Row) -> tuple[str, ...]:
    """A row's cells in column order."""
    return (row.name, row.value, row.ratio, row.budget, row.verdict, row.note)


def plain_table(rows: list[Row]) -> str:
    """Columns padded with spaces."""
    table = [HEADERS, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in table)


def markdown_table(rows: list[Row]) -> str:
    """A GitHub Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        first, *rest = cells(row)
        indented = first.replace("  ", "&nbsp;&nbsp;", 1) if first.startswith("  ") else first
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in (indented, *rest)) + " |")
    return "\n".join(lines)


def readme_section(header: str, rows: list[Row]) -> str:
    """What goes between the README's markers: the conditions line and the table."""
    return f"Last `make bench`: {header}.\n\n{markdown_table(rows)}"


def failed_rows(rows: list[Row]) -> list[str]:
    """Names of the rows over budget; a stage row is named with the row it belongs to."""
    failed, parent = [], ""
    for row in rows:
        if not row.name.startswith(" "):
            parent = row.name
        if row.verdict == "FAIL":
            failed.append(f"{parent}: {row.name.strip()}" if row.name.startswith(" ") else row.name)
    return failed
