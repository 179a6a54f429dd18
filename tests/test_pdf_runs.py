"""Paragraph fragments copied from each look's are the ones reportlab's parser makes (``core.export.pdf_runs``)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.export import pdf_runs
from core.export.pdf_fonts import CJKParagraph
from core.export.pdf_report_styles import Styles
from core.export.report_options import ReportOptions
from core.export.segments import TextRun
from core.kinds import Highlight

STYLES = Styles()
KINDS = [None, *Highlight]
# Ideographs, characters the serif face lacks (set in the sans), ASCII and punctuation; and,
# in one run out of four, whitespace of any kind (a 　 indent too) or the characters of
# markup, which the parser changes (such paragraphs are parsed as before).
PLAIN = st.text(st.sampled_from("政策文件第十条鿫鿬AZ09%.，"), min_size=0, max_size=12)
CHANGED = st.text(st.sampled_from("政策 \n\xa0\u3000\u200b\u2003&<>"), min_size=1, max_size=6)
TEXTS = st.one_of(PLAIN, PLAIN, PLAIN, CHANGED)
RUNS = st.lists(st.builds(TextRun, TEXTS, st.sampled_from(KINDS), st.booleans()), min_size=1, max_size=6)


def _fragments(paragraph: CJKParagraph) -> list[dict[str, Any]]:
    return [vars(frag) for frag in paragraph.frags]


def _parsed(pieces: list[tuple[str, str]], style: Any) -> CJKParagraph:
    return CJKParagraph(pdf_runs.markup(pieces), style)


@settings(max_examples=300, deadline=None)
@given(runs=RUNS, shading=st.booleans(), bold_insertions=st.booleans())
def test_fragments_equal_the_parsers(runs: list[TextRun], shading: bool, bold_insertions: bool) -> None:
    pieces = pdf_runs.looks(runs, ReportOptions(shading=shading, bold_insertions=bold_insertions))
    if not pdf_runs.markup(pieces).strip():
        return  # nothing to draw: the report never makes such a paragraph
    for style in (STYLES.cell, STYLES.note):
        assert _fragments(pdf_runs.paragraph(pieces, style)) == _fragments(_parsed(pieces, style))


@pytest.mark.parametrize("kind", [k for k in KINDS if k is not None])
def test_each_run_gets_its_own_cue_line(kind: Highlight) -> None:
    runs = [TextRun("甲乙", kind), TextRun("丙", None), TextRun("丁戊", kind)]
    pieces = pdf_runs.looks(runs, ReportOptions())
    copied = pdf_runs.paragraph(pieces, STYLES.cell)
    assert _fragments(copied) == _fragments(_parsed(pieces, STYLES.cell))
    assert [frag.text for frag in copied.frags] == ["甲乙", "丙", "丁戊"]
