"""Turn a loader's raw text into the display text: the policy as written, and only the policy.

Three repairs, in this order:

1. Whitespace (``core.spacing``): extraction spacing goes, a drafter's spacing stays.
2. Noise (``core.boilerplate``; skipped with ``keep_boilerplate``): web-page chrome and
   PDF page numbers with their running headers.
3. Reflow (``core.reflow``): lines broken at the page width are joined again.

Every removed line is reported, so the user can see what was dropped and switch it off.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.boilerplate import compact, noise
from core.reflow import reflow
from core.spacing import extraction_spaced, repair_whitespace


@dataclass(frozen=True)
class Cleaned:
    """The display text of a document and the lines cleaning removed from it."""

    text: str  # the display text; paragraphs separated by exactly one "\n", each with its indent
    removed: tuple[str, ...]  # lines removed, as they were (stripped), in order


def clean(raw: str, keep_boilerplate: bool = False) -> Cleaned:
    """Return the display text of ``raw`` and the lines removed from it.

    Whitespace is always repaired and broken lines always rejoined; web chrome and
    PDF page furniture are removed unless ``keep_boilerplate`` is true. Cleaning its
    own output changes nothing.
    """
    extracted = extraction_spaced(raw)
    originals, lines = repair_whitespace(raw, extracted)
    removed: list[str] = []
    # Removing noise can let lines join across a page break, and a joined line is judged
    # afresh, so both steps repeat until neither changes anything: that is what makes
    # cleaning idempotent. Each round removes or joins lines, so the loop ends.
    while True:
        changed = False
        if not keep_boilerplate:
            drop = noise([compact(line) for line in lines])
            if any(drop):
                changed = True
                removed += [original for original, gone in zip(originals, drop, strict=True) if gone]
                originals = [original for original, gone in zip(originals, drop, strict=True) if not gone]
                lines = [line for line, gone in zip(lines, drop, strict=True) if not gone]
        joined = reflow(lines, extracted)
        if len(joined) != len(lines):
            # A joined line has no single original: from here on it stands for itself.
            originals, lines = [line.strip() for line in joined], joined
            changed = True
        if not changed or keep_boilerplate:
            return Cleaned("\n".join(lines), tuple(removed))
