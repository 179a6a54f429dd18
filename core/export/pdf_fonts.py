"""The two bundled CJK faces, registered once with reportlab, and CJK line breaking measured in them.

After GB/T 9704 (宋体 body, 黑体 headings) the report sets its body text in AR PL UMing
CN, a Ming (宋体) face, and its title, headings and labels in WenQuanYi Micro Hei, a
sans-serif standing in for 黑体. Both have TrueType outlines, so reportlab embeds the
glyphs actually used as a subset: the PDF shows the same characters on a machine
without any Chinese font, and its text stays selectable. Neither collection has a bold
face: bold in the body (``<b>``) is set in the sans face, as Chinese documents set
emphasis in 黑体, and ``body_markup`` sets the few characters the serif face lacks in
the sans face too. reportlab's reading of a face is kept in the cache folder
(``core.export.pdf_faces``): it took longer than writing a report.

``CJKParagraph`` is a reportlab paragraph that breaks mixed-style CJK text into the
very lines reportlab's own CJK wrapping makes (same algorithm, same arithmetic), but
without reportlab's cost: reportlab builds a string object per character, measures
each one anew and compares styles character by character (over half the time of a
report), and repeats all of it each time a table cell is measured again. Here glyph
widths are looked up in a table per font and size, styles compared once per style
run, and the lines kept per width.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from itertools import groupby
from typing import Any
from unicodedata import category
from xml.sax.saxutils import escape

from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, registerFont, registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, _split_blParaHard
from reportlab.rl_config import _FUZZ

from core.errors import InputError
from core.export.pdf_faces import face_font
from core.resources import resource_path

FONT_NAME = "WenQuanYiMicroHei"  # the sans-serif face: title, headings, labels, page furniture
FONT_FILE = ("fonts", "wqy-microhei.ttc")
SERIF_FONT_NAME = "UMingCN"  # the serif face: body text and table cells
SERIF_FONT_FILE = ("fonts", "uming.ttc")
SERIF_FONT_INDEX = 0  # "AR PL UMing CN", the collection's face for mainland text (resources/fonts/README.md)

_lock = threading.Lock()
_registered = False
_serif_registered = False
_serif_chars: frozenset[int] = frozenset()  # the code points the serif face has a glyph for


def cjk_font() -> str:
    """Register the bundled sans-serif face with reportlab (first call only) and return its name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            _register(FONT_NAME, FONT_FILE, 0)
            _registered = True
    return FONT_NAME


def serif_font() -> str:
    """Register the bundled serif face with reportlab (first call only) and return its name.

    Its bold is the sans face: a ``<b>`` run in a serif paragraph comes out in 黑体.
    """
    global _serif_registered, _serif_chars
    if _serif_registered:
        return SERIF_FONT_NAME
    sans = cjk_font()  # before taking the lock, which it takes itself
    with _lock:
        if not _serif_registered:
            font = _register(SERIF_FONT_NAME, SERIF_FONT_FILE, SERIF_FONT_INDEX)
            _serif_chars = frozenset(font.face.charToGlyph)
            registerFontFamily(SERIF_FONT_NAME, normal=SERIF_FONT_NAME, bold=sans, italic=SERIF_FONT_NAME,
                               boldItalic=sans)  # fmt: skip
            # Mapping the serif family's bold to the sans face also pointed reportlab's map
            # from the sans face back to a family at the serif family; the sans paragraphs
            # must keep their own.
            registerFontFamily(sans)
            _serif_registered = True
    return SERIF_FONT_NAME


def _register(name: str, file: tuple[str, str], index: int) -> TTFont:
    """Register face ``index`` of the bundled collection ``file`` as ``name``."""
    path = resource_path(*file)
    if not path.is_file():
        raise InputError(f"缺少字体文件 {path}：请重新安装对照")
    font = face_font(name, path, index)
    registerFont(font)
    return font


def body_markup(text: str) -> str:
    """``text`` as paragraph markup for the serif face: escaped, and what it lacks set in the sans face.

    The serif face covers GB 2312 and Big5 (every character of the sample documents)
    but not all of GBK or the symbols a document may hold; the sans face covers more.
    """
    parts = []
    for missing, run in serif_segments(text):
        body = escape(run)
        parts.append(f'<font face="{FONT_NAME}">{body}</font>' if missing else body)
    return "".join(parts)


def serif_segments(text: str) -> list[tuple[bool, str]]:
    """``text`` cut where the serif face starts or stops lacking glyphs: (lacking, piece) pairs."""
    serif_font()
    lacking = {c for c in set(text) if ord(c) not in _serif_chars and not c.isspace()}
    if not lacking:
        return [(False, text)]
    return [(missing, "".join(run)) for missing, run in groupby(text, lacking.__contains__)]


class _Widths(dict[str, float]):
    """Glyph advance widths of one font at one size, by character, measured on first sight."""

    def __init__(self, font_name: str, size: float) -> None:
        super().__init__()
        self._font_name = font_name
        self._size = size

    def __missing__(self, char: str) -> float:
        # reportlab's own measure of a one-character string, so the sums come out the same
        width: float = stringWidth(char, self._font_name, self._size)
        self[char] = width
        return width


_WIDTHS: dict[tuple[str, float], _Widths] = {}


def _widths(font_name: str, size: float) -> _Widths:
    """The (process-wide) width table of ``font_name`` at ``size``."""
    key = (font_name, size)
    table = _WIDTHS.get(key)
    if table is None:
        table = _WIDTHS[key] = _Widths(font_name, size)
    return table


class CJKParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no type hints
    """A reportlab paragraph whose multi-style CJK lines come from ``cjk_lines``, kept per width.

    A table measures its cells again at every page break; the lines of a width are
    computed once.
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # reportlab's name
        """reportlab's CJK line breaking, kept per width; the multi-style case computed by ``cjk_lines``."""
        if getattr(self, "_splitpara", 0) or self.bulletText is not None:
            # the second half of a split paragraph reuses its lines; a bullet changes the widths
            return super().breakLinesCJK(maxWidths)
        widths = tuple(maxWidths) if isinstance(maxWidths, list | tuple) else (maxWidths,)
        cache = self._kept_lines()
        lines = cache.get(widths)
        if lines is None:
            continued = self.__dict__.get("_continued")
            if continued is not None and all(width == continued[0] for width in widths):
                lines = cache[widths] = ParaLines(kind=1, lines=list(continued[1]))
            else:
                fast = _fast_case(self, widths)
                lines = cache[widths] = cjk_lines(self.frags, widths) if fast else super().breakLinesCJK(maxWidths)
        self.height = 0  # as reportlab's does, before ``wrap`` sets it
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # reportlab's names
        """reportlab's split, on a copy of lines kept for later measures.

        The split appends a space to the last word of each line of its first part, in
        place: kept lines would carry it into a later split of the same paragraph. Only the
        lines the first part can hold are copied (no line is lower than the leading, but
        where the leading follows the text), so that a paragraph running over many pages
        is not copied whole at every page.
        """
        lines = self.__dict__.get("blPara")
        if lines is not None and lines.kind == 1 and any(lines is kept for kept in self._kept_lines().values()):
            every = lines.lines
            fixed = getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) in ("", "off")
            held = int(availHeight // self.style.leading) + 2 if fixed and self.style.leading > 0 else len(every)
            copied = [line.clone(words=[w.clone() for w in line.words]) for line in every[:held]]
            self.blPara = lines.clone(lines=copied + every[held:])
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2 and self._hands_on_cjk_lines():
            _continue_lines(self.blPara, parts[0], parts[1])
        return parts

    def _get_split_blParaFunc(self) -> Any:  # reportlab's name
        """How ``split`` hands lines to its two parts: the second part's CJK lines as they are.

        reportlab ends each line it hands on with a space, which word-wrapped lines need
        (they drop the space they break at). CJK lines keep every character: the second
        part, broken into lines anew, would show each added space as a gap inside the
        text, and push the breaks of the lines after it.
        """
        hand_on = super()._get_split_blParaFunc()
        if not self._hands_on_cjk_lines():
            return hand_on

        def parts(lines: Any, start: int, stop: int) -> list[Any]:
            if start == 0:
                # the first part draws the very lines it is given, where a space after the
                # last character shows nothing: reportlab's own result stays
                return hand_on(lines, start, stop)  # type: ignore[no-any-return]
            return [word for line in lines.lines[start:stop] for word in line.words]

        return parts

    def _hands_on_cjk_lines(self) -> bool:
        """Whether ``split`` hands the second part the words of its lines as they are."""
        return super()._get_split_blParaFunc() is _split_blParaHard and self.style.wordWrap == "CJK"

    def _kept_lines(self) -> dict[tuple[float, ...], Any]:
        """The lines computed so far, by the widths they were computed for."""
        kept: dict[tuple[float, ...], Any] = self.__dict__.setdefault("_cjk_lines", {})
        return kept


def _continue_lines(lines: Any, first: Any, second: Any) -> None:
    """Give the second part of a split paragraph the lines it is made of, for the width they
    were broken at: a line ends where the text and the width alone decide, so breaking the
    rest anew at that width gives these very lines. Without them a paragraph running over
    many pages (a whole document on one line) was broken anew at every page, the work
    growing with the square of its length."""
    if lines.kind != 1 or second.bulletText is not None:
        return
    rest = lines.lines[len(first.blPara.lines):]
    widths = {line.maxWidth for line in rest}
    if rest and len(widths) == 1:
        second.__dict__["_continued"] = (widths.pop(), rest)


def _fast_case(paragraph: Any, widths: tuple[float, ...]) -> bool:
    """Whether ``cjk_lines`` gives exactly reportlab's result for this paragraph.

    That is the plain case of the report: several style runs of text (links included),
    no inline images, link targets or line breaks, fixed leading (a single run reportlab
    wraps another way).
    """
    style = paragraph.style
    if len(paragraph.frags) < 2 or style.endDots:
        return False
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off"):
        return False
    if not all(isinstance(w, float | int) for w in widths):
        return False
    return all(
        isinstance(f.__dict__.get("text"), str) and f.text and not _special(f.__dict__) for f in paragraph.frags
    )


def _special(attributes: dict[str, Any]) -> bool:
    """A fragment that is an image, a link target or a line break (reportlab treats those apart)."""
    return "cbDefn" in attributes or "lineBreak" in attributes


def cjk_lines(frags: Sequence[Any], max_widths: Sequence[float]) -> Any:
    """The ``ParaLines`` reportlab's ``cjkFragSplit`` makes of ``frags``, computed per style run.

    Same rules as reportlab: a line ends at the character that makes it overflow, which
    moves to the next line unless it may not start one (closing punctuation hangs in the
    margin); in a run of Latin text the break moves back to a space or to the last CJK
    character, at most half-way back.
    """
    chars = "".join(f.text for f in frags)
    widths: list[float] = []
    starts: list[int] = []  # where each fragment's text starts in ``chars``
    for f in frags:
        starts.append(len(widths))
        table = _widths(f.fontName, f.fontSize)
        widths.extend([table[c] for c in f.text])
    runs = _Runs(frags, starts, len(chars))
    lines: list[Any] = []
    i = line_start = 0
    width_used = 0.0
    max_width = max_widths[0]
    count = len(chars)
    while i < count:
        u = chars[i]
        w = widths[i]
        i += 1
        width_used += w
        if width_used > max_width + _FUZZ and width_used > 0:
            extra_space = max_width - width_used
            if ord(u) < 0x3000:
                # inside a non-Asian word: break after a space or the last CJK character,
                # looking back at most half the line
                for j in range(i - 1, (line_start + i) >> 1, -1):
                    uj = chars[j]
                    if category(uj) == "Zs" or ord(uj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extra_space += sum(widths[ii] for ii in range(j, i))
                            w = widths[k]
                            u = chars[k]
                            i = j
                            break
            if u not in ALL_CANNOT_START and i > line_start + 1:
                i -= 1  # the overflowing character starts the next line
                extra_space += w
            lines.append(runs.line(line_start, i, max_width, width_used, extra_space))
            max_width = max_widths[len(lines)] if len(lines) < len(max_widths) else max_widths[-1]
            line_start = i
            width_used = 0.0
    if width_used > 0:
        lines.append(runs.line(line_start, count, max_width, width_used, max_width - width_used))
    return ParaLines(kind=1, lines=lines)


class _Runs:
    """The style runs of one paragraph, cut into the words of a line as reportlab cuts them."""

    def __init__(self, frags: Sequence[Any], starts: list[int], end: int) -> None:
        self._frags = frags
        self._bounds = [*starts, end]
        self._extents = [getAscentDescent(f.fontName, f.fontSize) for f in frags]
        self._text = "".join(f.text for f in frags)

    def line(self, start: int, end: int, max_width: float, width_used: float, extra_space: float) -> Any:
        """The ``FragLine`` of characters ``[start, end)``: one word per run of the same look."""
        words: list[Any] = []
        texts: list[str] = []
        current: Any = None
        max_size = max_ascent = min_descent = 0
        index = self._run_at(start)
        while start < end:
            frag = self._frags[index]
            stop = min(self._bounds[index + 1], end)
            if stop > start:
                ascent, descent = self._extents[index]
                max_size = max(max_size, frag.fontSize)
                max_ascent = max(max_ascent, ascent)
                min_descent = min(min_descent, descent)
                if current is None or not sameFrag(current, frag):
                    if current is not None:
                        words.append(_word(current, texts))
                    current, texts = frag, []
                texts.append(self._text[start:stop])
                start = stop
            index += 1
        if current is not None:
            words.append(_word(current, texts))
        return FragLine(kind=1, extraSpace=extra_space, wordCount=1, words=words, fontSize=max_size,
                        ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width_used,
                        lineBreak=False)  # fmt: skip

    def _run_at(self, position: int) -> int:
        """The index of the run holding character ``position``."""
        return bisect_right(self._bounds, position) - 1


def _word(frag: Any, texts: list[str]) -> Any:
    word = frag.clone()
    word.text = "".join(texts)
    return word
