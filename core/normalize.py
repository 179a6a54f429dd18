"""Comparison form of a display text, with an exact offset map back.

Comparison runs on a normalized copy: Traditional converted to Simplified (OpenCC),
full-width forms folded to ASCII, quote and dash variants unified, Latin lower-cased
and every space and private-use character dropped. The display text keeps the spacing a drafter wrote (indents,
``第一条　为了``, word spaces; see ``core.clean``); dropping it here is what keeps a
difference in spacing alone from ever being marked. Line breaks are kept: they
separate paragraphs, and shared passages never cross them. A tab with text on both
sides of it in its line is kept too: it separates two cells of a table row
(``core.lines``), and no word or value may run across it (30 and 35 in two cells
are two values, not 3035). Each normalized character remembers the display span it
came from, so every offset that leaves the core points into what the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache
from itertools import compress

# The comparison form is data the result carries (``Comparison.left_form``), so its type
# lives with the document (core.document); the stages that build and read it know it by this name too.
from core import patterns
from core.document import Normalized as Normalized
from core.lines import is_row
from core.script import convert

_QUOTES = dict.fromkeys("“”„‟〝〞＂「」『』﹁﹂﹃﹄", '"') | dict.fromkeys("‘’‚‛＇", "'")
_DASHES = dict.fromkeys("—―–‒－﹣", "-")
_DOTS = dict.fromkeys("·•・‧∙", "·")
_FOLD = _QUOTES | _DASHES | _DOTS | {"﹔": ";", "﹐": ",", "﹑": "、", "﹒": "."}


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified, keeping the length of ``text``
    (``core.script.convert`` with OpenCC's t2s)."""
    return convert(text, "t2s")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The comparison form of one (already simplified) character: one character, or '' to drop it."""
    if ch == "\n":
        return ch
    if ch in _FOLD:
        return _FOLD[ch]
    # Private-use characters are no text: glyphs a page or a PDF font mapped nowhere, left at
    # line ends and inside words by the copy it came from (one copy of 山东省环境噪声污染防治条例 ends most
    # of its lines with U+E004, the other none).
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Co"):
        return ""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E or 0xFE50 <= code <= 0xFE6B or code == 0x3000:
        ch = unicodedata.normalize("NFKC", ch)
        ch = _FOLD.get(ch, ch)
    return ch.lower() if ch.isascii() else ch


# A tab (with any spaces around it) between two visible characters of one line.
_CELL_TAB = patterns.compiled(r"(?<=[^\s])[^\S\n]*\t[^\S\n]*(?=[^\s])")


def _cell_tabs(text: str) -> set[int]:
    """Indices of the tabs in ``text`` that stand between two cells of a table row.

    Only a line that reads as a row counts (``core.lines.is_row``): a tab typed after
    a heading number (第一条, a tab, 为了) is spacing like any other, dropped.
    """
    found: set[int] = set()
    if "\t" not in text:
        return found
    line_start = 0
    for line in text.split("\n"):
        if "\t" in line and is_row(line):
            for gap in _CELL_TAB.finditer(line):
                found.update(line_start + gap.start() + i for i, ch in enumerate(gap.group()) if ch == "\t")
        line_start += len(line) + 1
    return found


def normalize(display: str, t2s: bool = True) -> Normalized:
    """Build the comparison form of ``display`` with its offset map."""
    source = to_simplified(display) if t2s else display
    # Each character folds to one character or none (``fold_char``): the text comes from
    # str.translate and its map from a mask of the characters kept, found by a search for
    # the few kinds dropped. A Python loop over the characters cost twice as much.
    folded = {ord(ch): fold_char(ch) for ch in set(source)}
    kept = bytearray(b"\x01") * len(source)
    dropped = "".join(chr(code) for code, out in folded.items() if not out)
    if dropped:
        for gone in re.finditer(f"[{re.escape(dropped)}]", source):
            kept[gone.start()] = 0
    pieces: list[str] = []
    done = 0
    for tab in sorted(_cell_tabs(source)):  # kept, where fold_char drops a tab
        pieces += (source[done:tab].translate(folded), "\t")
        kept[tab] = 1
        done = tab + 1
    pieces.append(source[done:].translate(folded))
    starts = array("i", list(compress(range(len(source)), kept)))
    ends = array("i", list(compress(range(1, len(source) + 1), kept)))
    return Normalized("".join(pieces), starts, ends, len(display))
