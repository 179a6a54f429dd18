"""Reflow: lines that PDF extraction broke at the page width are joined again.

Web text, one paragraph per line, has no dominant line width and is left alone.
"""

from __future__ import annotations

from collections import Counter

from core import patterns
from core.lines import match_heading
from core.spacing import CJK, WIDE, repair_line, tight_switches
from core.tuning import TUNING

_NARROW = patterns.compiled(rf"[^{CJK}\u3000]")
# The first-line indent of a paragraph, two Chinese characters wide: an extractor drops it,
# so the first line of a paragraph reads that much shorter than the full lines.
_INDENT = 4


def starts_block(line: str) -> bool:
    """A heading (as the outline recognises them) or an attachment: never glued to the line before."""
    return match_heading(line) is not None or line.startswith(("附件", "附表"))

# A line ending in one of these ends its sentence and keeps its break; a closing bracket or
# quotation mark does when one of them comes before it (。” but not 站（场）, which runs on).
_FINAL_MARKS = frozenset("。！？；：…!?;:")
_CLOSING_MARKS = "”’）)」』】》"


def reflow(lines: list[str], extracted: bool = False) -> list[str]:
    """Join lines that were broken at the page width back into paragraphs.

    ``extracted`` is whether the text's spacing is an extractor's (see
    ``core.spacing.extraction_spaced``): where pieces meet, their spacing is judged as on any line.
    Repeated until nothing changes, so reflowing the result is a no-op.
    """
    while True:
        widths = [_width(line, extracted) for line in lines]
        band = _full_width_band(lines, widths)
        if band is None:
            return lines
        joined = _join_broken(lines, widths, band, extracted)
        if len(joined) == len(lines):
            return joined
        lines = joined


def _width(line: str, extracted: bool = False) -> int:
    """Display width, indent included: Chinese characters and ideographic spaces count two,
    everything else one; in an extracted text the spaces its repair took out between Chinese
    and digits count too, as the page set them (处 1000 元以上 is as wide as printed)."""
    return 2 * len(line) - len(_NARROW.findall(line)) + (tight_switches(line) if extracted else 0)


def _full_width_band(lines: list[str], widths: list[int]) -> tuple[int, int] | None:
    """The widths of a full printed line, if the text was hard-wrapped; else None.

    Hard-wrapped text has a dominant width that a clear share of its longer lines sit
    at and almost none exceed; web text, one paragraph per line, has neither.
    """
    longer = [width for line, width in zip(lines, widths, strict=True) if len(line) >= 15]
    if len(longer) < TUNING.clean.min_repeats:
        return None
    counts = Counter(longer)
    # A full line may stop up to two Chinese characters short (a word or a mark that
    # cannot start a line is carried over) or run one over (a mark kept at its end).
    best = max(counts, key=lambda w: (sum(counts[x] for x in range(w - 4, w + 1)), w))
    low, high = best - 4, best + 2
    full = sum(1 for width in longer if low <= width <= high)
    wider = sum(1 for width in longer if width > high)
    if best < 20 or full < TUNING.clean.min_repeats or full < 0.4 * len(longer) or wider > 0.1 * len(longer):
        return None
    return low, high


def _join_broken(lines: list[str], widths: list[int], band: tuple[int, int], extracted: bool) -> list[str]:
    """One joining pass: a full line without a final mark absorbs the next line.

    A line is full when its display width, or its length counted as if every character
    were Chinese (text wrapped by character count), falls in the band.
    """
    low, high = band
    paragraphs: list[list[str]] = []
    runs_on = False  # whether the previous line continues on the next one
    for line, width in zip(lines, widths, strict=True):
        if runs_on and not starts_block(line.lstrip()):
            # A continued line's leading space is page layout, not the drafter's indent.
            pieces = paragraphs[-1]
            pieces.append(_joiner(pieces[-1], line.lstrip()))
            pieces.append(line.lstrip())
        else:
            paragraphs.append([line])
        # A paragraph's first line may have lost its indent (``_INDENT``).
        floor = low if runs_on else low - _INDENT
        full = floor <= width <= high or floor <= 2 * len(line) <= high
        runs_on = full and not _ends_sentence(line)
    # Pieces meet at new neighbours ("…党" + ", 1"), so their spaces are repaired again.
    return [pieces[0] if len(pieces) == 1 else repair_line("".join(pieces), extracted) for pieces in paragraphs]


def _ends_sentence(line: str) -> bool:
    """Whether a line ends its sentence: a final mark, or a closing bracket or quotation mark
    after one (……。” and ……。）, not 保持站（场） or 《中华人民共和国道路交通安全法》)."""
    end = line.rstrip(_CLOSING_MARKS)
    return not end or end[-1] in _FINAL_MARKS


def _joiner(before: str, after: str) -> str:
    """What goes between two rejoined pieces: a space only inside Latin-script text.

    Chinese text breaks anywhere, even inside an acronym or a number ("定制(C2" +
    "B)"), so pieces of a line that holds Chinese are glued directly.
    """
    last, first = before[-1], after[0]
    latin_break = last.isascii() and (last.isalnum() or last in ",.;:!?") and first.isascii() and first.isalnum()
    return " " if latin_break and not WIDE.search(before) else ""
