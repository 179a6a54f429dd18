"""Highlighted runs of text as reportlab paragraph fragments, without parsing markup per paragraph.

A cell of the PDF report is made of runs of text, each in one of a few looks: its highlight
(background and print cue), bold or not, and the sans face for characters the serif face
lacks. reportlab makes a paragraph's fragments from markup with an HTML parser, which took a
fifth of the report's time on the sample pair (a tag and a colour to parse for every run).
The fragment of a look is the same whatever its text, so each look is parsed once, by
reportlab's own parser, from its markup around a placeholder, and each run of that look
becomes a copy of that fragment holding its text. A paragraph whose text the parser would
change (whitespace, which it collapses; the characters of markup, which arrive escaped) is
parsed as before, so both ways give the same fragments.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from core import patterns
from core.export.pdf_fonts import FONT_NAME, CJKParagraph, serif_segments
from core.export.report_options import ReportOptions
from core.export.segments import TextRun
from core.export.styles import CUE_LINES, HIGHLIGHTS
from core.kinds import Highlight

# Where a look's markup holds the text: a private-use character no document text reaches
# the report with (a text holding it is parsed as markup).
PLACE = "\ue000"
# Text the parser would not keep as it is: whitespace of any kind (collapsed, stripped at the
# ends: a drafter's 　　 indent too), the zero-width space it counts as one, and what markup escapes.
_PARSER_CHANGES = patterns.compiled("[\\s\u200b&<>" + PLACE + "]")

_lock = threading.Lock()
_templates: dict[tuple[int, str], Any] = {}  # (style id, look markup) -> its one fragment
_styles: dict[int, ParagraphStyle] = {}  # keeps each style of _templates alive, so its id stays its own


def looks(runs: Sequence[TextRun], options: ReportOptions) -> list[tuple[str, str]]:
    """The pieces of a paragraph of ``runs``: (markup of its look around ``PLACE``, text)."""
    if len(runs) == 1 and runs[0].kind is not None and len(runs[0].text) > 1:
        # With CJK line breaking, reportlab draws no background behind a paragraph made of
        # one fragment; two fragments of the same look are drawn as they should be.
        run = runs[0]
        runs = [TextRun(run.text[:-1], run.kind, run.bold), TextRun(run.text[-1], run.kind, run.bold)]
    pieces = []
    for run in runs:
        look = PLACE
        if run.bold or (options.bold_insertions and run.kind is Highlight.RIGHT_ONLY):
            look = f"<b>{look}</b>"
        if run.kind is not None:
            look = _cue(run.kind, look, options.shading)
        for missing, text in serif_segments(run.text):
            pieces.append((look.replace(PLACE, f'<font face="{FONT_NAME}">{PLACE}</font>') if missing else look,
                           text))
    return pieces


def _cue(kind: Highlight, body: str, shading: bool) -> str:
    style = HIGHLIGHTS[kind]
    if style.print_cue == "strike":
        body = f'<strike color="{CUE_LINES["strike"]}" width="0.7">{body}</strike>'
    elif style.print_cue == "underline":
        body = f'<u color="{CUE_LINES["underline"]}" width="0.7" offset="-2">{body}</u>'
    elif style.print_cue == "dotted":
        body = f'<u color="{CUE_LINES["dotted"]}" offset="-2.2">{body}</u>'
    return f'<font backColor="{style.light}">{body}</font>' if shading else body


def markup(pieces: Sequence[tuple[str, str]]) -> str:
    """The paragraph markup of ``pieces`` (``looks``)."""
    return "".join(look.replace(PLACE, escape(text)) for look, text in pieces if text)


def paragraph(pieces: Sequence[tuple[str, str]], style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of ``pieces`` in ``style``, its fragments copied from each look's."""
    text = markup(pieces)
    if any(_PARSER_CHANGES.search(piece) for _, piece in pieces):
        return CJKParagraph(text, style)
    frags = []
    lines = 0  # underlines and strike-throughs so far: the parser numbers them in the paragraph
    previous = None
    for look, piece in pieces:
        if not piece:
            continue
        if look == PLACE and previous == PLACE:  # untagged text after untagged text: one fragment
            frags[-1].text += piece
            continue
        previous = look
        template = _template(look, style)
        if template is None:
            return CJKParagraph(text, style)
        frag = copy.copy(template)
        frag.text = piece
        if template.us_lines:
            frag.us_lines = [(lines + number, *rest) for number, *rest in template.us_lines]
            lines += len(template.us_lines)
        frags.append(frag)
    if not frags:
        return CJKParagraph(text, style)
    textTransformFrags(frags, style)
    return CJKParagraph(text, style, frags=frags)


def _template(look: str, style: ParagraphStyle) -> Any:
    """The one fragment reportlab's parser makes of ``look`` in ``style``; None when it makes
    another number of them."""
    key = (id(style), look)
    found = _templates.get(key)
    if found is None:
        parser = ParaParser()
        parser.caseSensitive = 1  # as Paragraph parses
        _, frags, _ = parser.parse(cleanBlockQuotedText(look), style)
        found = frags[0] if frags and len(frags) == 1 and frags[0].text == PLACE else False
        with _lock:
            _templates[key] = found
            _styles[id(style)] = style
    return found or None
