"""Paragraphs, paragraph properties and run properties copied from the right Word document.

A copy is of what the right document shows, without its earlier revisions. A numbered
paragraph's automatic number is switched off where the number is written as text, or
taken off the text where Word goes on drawing it.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn

# Revision marks and earlier versions a copied property may hold: the redline's own
# marks replace them, and an old version would undo the right document's formatting on reject.
REVISION_TAGS = frozenset(qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange"))
# What a copied paragraph of the right document loses (earlier deletions and records of
# earlier changes) and what it takes in (earlier insertions).
_GONE = tuple(qn(t) for t in ("w:del", "w:moveFrom", "w:pPrChange", "w:rPrChange", "w:moveFromRangeStart",
                              "w:moveFromRangeEnd", "w:moveToRangeStart", "w:moveToRangeEnd"))
_TAKEN = (qn("w:ins"), qn("w:moveTo"))
# The w:pPr children that come before w:numPr (CT_PPrBase order).
_BEFORE_NUMBERING = frozenset(
    qn(t) for t in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl")
)


def blank_copy(paragraph: Any) -> Any:
    """``paragraph`` as the right document shows it: earlier deletions gone, earlier
    insertions taken in, no record of earlier changes."""
    result = copy.deepcopy(paragraph)
    for element in list(result.iter(*_GONE, *_TAKEN)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _TAKEN:
            for child in list(element):
                element.addprevious(child)
        parent.remove(element)
    return result


def first_paragraph(block: Any) -> Any:
    """The paragraph whose properties ``block`` is written in: the block itself, or the
    first paragraph of a table row that holds text (else its first)."""
    if block.tag == qn("w:p"):
        return block
    paragraphs = list(block.iter(qn("w:p")))
    return next((p for p in paragraphs if _text_run(p) is not None), paragraphs[0] if paragraphs else None)


def paragraph_properties(source: Any, numbered: bool, *, keep_section: bool) -> Any:
    """A clean copy of ``source``'s ``w:pPr``, or None when it has none.

    Earlier revisions go; a numbered paragraph's automatic number is switched off (its
    number is in the text); a section break stays only on the paragraph that keeps the
    right paragraph's mark, so a section never ends twice.
    """
    if source is None:
        return None
    found = source.find(qn("w:pPr"))
    if found is None:
        if not numbered:
            return None
        found = source.makeelement(qn("w:pPr"), {})
    properties = copy.deepcopy(found)
    for child in list(properties):
        if child.tag == qn("w:pPrChange") or (child.tag == qn("w:sectPr") and not keep_section):
            properties.remove(child)
    marks = properties.find(qn("w:rPr"))
    if marks is not None:
        for child in list(marks):
            if child.tag in REVISION_TAGS:
                marks.remove(child)
    if numbered:
        _number_off(properties)
    return properties


def _number_off(properties: Any) -> None:
    """Set ``w:numPr`` to list 0, which turns off a number set here or by the style."""
    numbering = properties.find(qn("w:numPr"))
    if numbering is None:
        numbering = properties.makeelement(qn("w:numPr"), {})
        before = [child for child in properties if child.tag in _BEFORE_NUMBERING]
        if before:
            before[-1].addnext(numbering)
        else:
            properties.insert(0, numbering)
    for child in list(numbering):
        numbering.remove(child)
    number = numbering.makeelement(qn("w:numId"), {qn("w:val"): "0"})
    numbering.append(number)


def may_number(paragraph: Any) -> bool:
    """Whether ``paragraph`` may be numbered by Word (its own numbering or a style's): in a
    table row the number is part of the row's text, so it is switched off there."""
    properties = paragraph.find(qn("w:pPr")) if paragraph is not None else None
    return properties is not None and (
        properties.find(qn("w:numPr")) is not None or properties.find(qn("w:pStyle")) is not None
    )


def strip_label(paragraph: Any, label: str) -> bool:
    """Take ``label`` (Word's number, kept text) off the start of ``paragraph``'s kept runs,
    leaving it for Word to draw; False, with nothing changed, when they do not start with it."""
    texts = [t for run in paragraph.iterchildren(qn("w:r")) for t in run.iterchildren(qn("w:t"))]
    if not "".join(t.text or "" for t in texts).startswith(label):
        return False
    left = len(label)
    for element in texts:
        taken = min(left, len(element.text or ""))
        element.text = (element.text or "")[taken:]
        left -= taken
    return True


def mark_paragraph(properties: Any, mark: Any) -> None:
    """Put the revision ``mark`` of the paragraph mark first in ``properties``' ``w:rPr``."""
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = properties.makeelement(qn("w:rPr"), {})
        # w:rPr comes after every other paragraph property but the section break and a change
        tail = next((c for c in properties if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))), None)
        if tail is not None:
            tail.addprevious(marks)
        else:
            properties.append(marks)
    marks.insert(0, mark)


def _text_run(paragraph: Any) -> Any:
    """The first visible run of ``paragraph`` that holds text, outside earlier deletions."""
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in run.iterancestors()):
            continue
        hidden = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        if hidden is None and any(t.text for t in run.iterchildren(qn("w:t"))):
            return run
    return None


def run_properties(source: Any) -> Any:
    """A copy of the ``w:rPr`` of the run where ``source``'s text starts, without earlier
    revisions, or None."""
    run = _text_run(source) if source is not None else None
    found = run.find(qn("w:rPr")) if run is not None else None
    if found is None:
        return None
    properties = copy.deepcopy(found)
    for child in list(properties):
        if child.tag in REVISION_TAGS:
            properties.remove(child)
    return properties
