"""The right document as Word tracked changes against the left (w:ins / w:del, w:moveFrom / w:moveTo).

The revision marks and paragraphs are written by ``redline_body``. When the two
documents are in different scripts (Traditional against Simplified), the left is by
default compared in the right's script (``core.script``): script is then no revision at
all, and "reject all" gives the left's wording in the right's script, as the document
properties (and the page header of a new layout) say (``redline_properties``);
``literal_scripts`` compares them as written, script differences under the form
reviewer. Author and date of the revision marks are parameters.

When the right document is a Word file that still reads as the compared text, the
redline is written into a copy of it, in its own styles, paragraph and run formats,
tables, numbering, headers, footers and page setup (``docx_native``); otherwise into a
new document laid out after GB/T 9704 (``redline_official``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from core.atomic import write_atomically
from core.export.docx_native import native_start
from core.export.provenance import account_name
from core.export.redline_body import Revisions, write_body
from core.export.redline_build import redline_conversion, tracked_pieces
from core.export.redline_lines import line_aligned
from core.export.redline_official import OutlineLayout, official_document, outline_styles
from core.export.redline_pieces import Piece
from core.export.redline_properties import redline_properties
from core.progress import Progress, Stage
from core.result import Comparison
from core.script import Conversion

_LOG = logging.getLogger(__name__)


def write_redline(
    comparison: Comparison,
    path: str | Path,
    progress: Progress | None = None,
    *,
    author: str | None = None,
    date: datetime | None = None,
    literal_scripts: bool = False,
) -> None:
    """Write the right document as tracked changes against the left to ``path`` (atomically).

    ``author`` and ``date`` are those of every revision mark: by default the user's
    account name (对照 when the system does not tell) and now; a naive ``date`` is local time.
    When the two documents are in different scripts, the left is compared in the right's
    script, so that script is no change (``redline_build.redline_conversion``);
    ``literal_scripts`` compares them as written, script differences under the form reviewer.
    """
    if progress:
        progress(0.05, Stage.EXPORT)
    scripts = None if literal_scripts else redline_conversion(comparison)
    pieces = tracked_pieces(comparison, scripts)
    if progress:
        progress(0.6, Stage.EXPORT)
    author = author or account_name()
    document = _native_redline(comparison, pieces, author, date, scripts)
    if document is None:
        document = official_document(comparison, author, scripts)
        write_body(document.element.body, pieces, Revisions(author, date),
                    OutlineLayout(outline_styles(document, comparison.right)))
    if progress:
        progress(0.9, Stage.EXPORT)
    write_atomically(path, lambda temp: document.save(str(temp)), comparison.input_paths)
    if progress:
        progress(1.0, Stage.EXPORT)


def _native_redline(comparison: Comparison, pieces: list[Piece], author: str, date: datetime | None,
                    scripts: Conversion | None) -> Any:  # fmt: skip
    """The redline written into a copy of the right Word document, or None when the right
    document is no Word file that still reads as the compared text (see ``docx_native``)."""
    native = native_start(comparison)
    if native is None:
        return None
    document, layout = native
    revisions = Revisions(author, date)
    try:
        redline_properties(document, comparison, author, scripts)
        aligned = line_aligned(pieces)
        layout.plan_numbering(aligned)
        write_body(document.element.body, aligned, revisions, layout)
        layout.complete(revisions.again)
    except Exception:  # a Word file written in a way not foreseen must still give a redline
        _LOG.warning("redline: %s could not be followed; GB/T 9704 layout", comparison.right.path, exc_info=True)
        return None
    return document
