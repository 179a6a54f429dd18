"""A stretch of display text cut into paragraphs of uniformly highlighted runs.

Every exporter writes text the same way: the engine's highlight spans (sorted, not
overlapping; characters outside any span are neutral) decide each run's look, line
breaks start a new paragraph, and the heading of a section is set in bold.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from core.document import Document, Section
from core.kinds import Highlight
from core.result import Span


@dataclass(frozen=True)
class TextRun:
    """A piece of one paragraph with a single highlight (None: neutral) and weight."""

    text: str
    kind: Highlight | None
    bold: bool = False


class SpanIndex:
    """Highlight spans of one side, searchable by offset."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = tuple(spans)
        self._ends = [s.end for s in self._spans]

    def cut(self, start: int, end: int) -> list[tuple[int, int, Highlight | None]]:
        """``[start, end)`` as consecutive ``(start, end, kind)`` pieces covering it exactly."""
        out: list[tuple[int, int, Highlight | None]] = []
        pos = start
        index = bisect_right(self._ends, start)
        while pos < end:
            if index >= len(self._spans) or self._spans[index].start >= end:
                out.append((pos, end, None))
                break
            span = self._spans[index]
            if span.start > pos:
                out.append((pos, span.start, None))
                pos = span.start
            stop = min(span.end, end)
            out.append((pos, stop, span.kind))
            pos = stop
            index += 1
        return out


def paragraphs(text: str, index: SpanIndex, start: int, end: int, bold_end: int | None = None) -> list[list[TextRun]]:
    """The display text ``text[start:end]`` as paragraphs of runs.

    Characters before ``bold_end`` (a section's heading) are bold. Blank paragraphs
    are dropped: they carry nothing a reader needs in a table cell.
    """
    cuts: list[int] = []
    if bold_end is not None and start < bold_end < end:
        cuts.append(bold_end)
    result: list[list[TextRun]] = [[]]
    for piece_start, piece_end, kind in index.cut(start, end):
        bounds = [piece_start, *(c for c in cuts if piece_start < c < piece_end), piece_end]
        for lo, hi in pairwise(bounds):
            bold = bold_end is not None and lo < bold_end
            lines = text[lo:hi].split("\n")
            for number, line in enumerate(lines):
                if number:
                    result.append([])
                if line:
                    result[-1].append(TextRun(line, kind, bold))
    return [runs for runs in result if any(run.text.strip() for run in runs)]


def cited_label(document: Document, section: Section, limit: int = 30) -> str:
    """A section as a later row refers back to it: its number and title, an article's first
    paragraph by its article's number (第二十九条 县级人民政府……)."""
    start, _, bold_end = shown_bounds(document, section, with_number=True)
    if start == section.start:
        return section.caption(limit)
    number = document.text[start:bold_end]
    return f"{number} {section.caption(max(1, limit - len(number)))}"


def shown_bounds(document: Document, section: Section, with_number: bool) -> tuple[int, int, int]:
    """Start, end and heading end of the text a table cell shows for ``section``: with
    ``with_number``, an article's first paragraph opens with the article's number, which
    stands before it on its line (the left column has no heading bands to carry it)."""
    parent = document.by_id[section.parent] if section.parent else None
    if with_number and parent is not None and opens_with_paragraph(document, parent) \
            and parent.children[0] == section.id:
        return parent.start, section.end, parent.number_end
    return section.start, section.end, section.heading_end


def opens_with_paragraph(document: Document, section: Section) -> bool:
    """Whether ``section`` is an article whose line after its number is its first paragraph
    (``core.outline``): its own text is its number alone, its first child starts right after."""
    return bool(section.number and section.children) \
        and document.by_id[section.children[0]].start == section.heading_end \
        and not document.text[section.number_end : section.heading_end].strip()
