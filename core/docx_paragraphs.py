"""A Word paragraph's text as the reader sees it, and a table row's cells as lines.

Tracked insertions count as text, tracked deletions do not; hidden text is skipped. Text
boxes follow the paragraph that anchors them.

A table row with several cells is one line, its cells separated by a tab (``CELL_SEPARATOR``),
so a row is compared as a unit and a cell boundary is never inside a word. A row of one
cell (a 专栏 box drawn as a framed table, a title row merged across the table) keeps one
line per paragraph, like body text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from core.docx_numbering import Numbering
from core.docx_xml import MC, W

# Elements whose content is not reader-visible text of the paragraph itself.
_SKIP = frozenset(
    W + t
    for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "sdtPr", "fldData", "p")
) | {MC + "Fallback"}
# Containers between the body and its paragraphs.
BLOCK_CONTAINERS = frozenset(W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml"))
# Between the cells of a table row on its line; inside a cell, tabs and breaks become spaces.
CELL_SEPARATOR = "\t"
_IN_CELL = str.maketrans({"\t": " ", "\n": " "})


def paragraph_lines(p: Any, numbering: Numbering) -> Iterator[str]:
    """Paragraph ``p``'s line, its number first, then the lines of its text boxes."""
    boxes: list[Any] = []
    parts: list[str] = []
    inline(p, parts, boxes)
    yield numbering.label(p) + "".join(parts)
    for box in boxes:
        yield from blocks(box, numbering)


def blocks(container: Any, numbering: Numbering) -> Iterator[str]:
    """The lines of the paragraphs in ``container`` and in the tables and controls it holds."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            yield from paragraph_lines(child, numbering)
        elif child.tag in BLOCK_CONTAINERS:
            yield from blocks(child, numbering)


def inline(el: Any, out: list[str], boxes: list[Any]) -> None:
    """Append the text ``el`` shows to ``out``, and the text boxes it anchors to ``boxes``."""
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag == W + "r" and _hidden(child):
            continue
        elif tag == MC + "AlternateContent":
            choice = next(iter(child.iterchildren(MC + "Choice")), None)
            if choice is not None:
                inline(choice, out, boxes)
        else:
            inline(child, out, boxes)


def _hidden(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def row_lines(cells: list[list[str]], continued: list[bool]) -> list[str]:
    """The display lines of one table row.

    Several cells make one line, cells separated by ``CELL_SEPARATOR`` and each cell's
    paragraphs joined by a space; a continued vertical merge is an empty cell (its text is
    the cell above's, already read). One cell keeps its paragraphs as lines.
    """
    if len(cells) == 1:
        return cells[0]
    texts = [
        "" if merged else " ".join(p.strip().translate(_IN_CELL) for p in paragraphs if p.strip())
        for paragraphs, merged in zip(cells, continued, strict=True)
    ]
    if not any(texts):
        return [""]
    return [CELL_SEPARATOR.join(texts).rstrip(CELL_SEPARATOR)]


def block_level(p: Any) -> bool:
    """Whether ``blocks`` of the tree walk reaches paragraph ``p``: the body, then only
    tables, rows, cells, content controls and custom XML between."""
    parent = p.getparent()
    while parent is not None and parent.tag in BLOCK_CONTAINERS:
        parent = parent.getparent()
    return parent is not None and parent.tag == W + "body"
