"""Text of a Word .docx: body paragraphs and table rows in reading order, with Word's automatic
numbering rendered as the text the reader sees (一、 （一） 1. 第一章 ...).

A table row with several cells is one line, its cells separated by a tab (``CELL_SEPARATOR``),
so a row is compared as a unit and a cell boundary is never inside a word. A row of one
cell (a 专栏 box drawn as a framed table, a title row merged across the table) keeps one
line per paragraph, like body text.

Only the main document is read: headers, footers, footnotes and comments are page furniture,
not policy text. Tracked insertions count as text, tracked deletions do not; hidden text is
skipped. Text boxes follow the paragraph that anchors them.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from io import BytesIO
from typing import IO, Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# The main part is streamed (each paragraph is read, then dropped), so memory stays small
# whatever its size; these caps bound the time. The Civil Code (民法典, about 107,000
# characters) saved by Word makes a document.xml of a few megabytes, some 3,000 paragraphs
# (twice that with empty spacer paragraphs) and some 200,000 XML elements with heavy
# formatting; the caps are ten to thirty times that. A 480 MB part of empty paragraphs
# (735 KB zipped) is the kind of file they refuse, in well under a second.
MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024
MAX_XML_ELEMENTS = 2_000_000
MAX_PARAGRAPH_ELEMENTS = 100_000
# styles.xml and numbering.xml are parsed whole: real ones are a few hundred kilobytes.
MAX_SIDE_PART_BYTES = 16 * 1024 * 1024
CORRUPT = "Word 文件已损坏或无法打开"
DOCUMENT = "word/document.xml"
_RELS = "word/_rels/document.xml.rels"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

# Elements whose content is not reader-visible text of the paragraph itself.
_SKIP = frozenset(
    W + t
    for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "sdtPr", "fldData", "p")
) | {MC + "Fallback"}
# Containers between the body and its paragraphs.
_BLOCK_CONTAINERS = frozenset(W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml"))
# Between the cells of a table row on its line; inside a cell, tabs and breaks become spaces.
CELL_SEPARATOR = "\t"
_IN_CELL = str.maketrans({"\t": " ", "\n": " "})


class DocxError(Exception):
    """The archive is not a readable Word document; the message is the user-facing reason."""


def docx_text(data: bytes, max_chars: int, max_paragraphs: int | None = None) -> str:
    """Text of the .docx held in ``data``, one line per paragraph (table cell paragraphs too).

    Raises ``DocxError`` for a broken archive, past ``max_chars`` characters, past
    ``max_paragraphs`` non-blank paragraphs, or when a cap on the part's size is reached.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            info = _document_info(zf)
            numbering = _Numbering(_side_part(zf, _NUMBERING_REL, "word/numbering.xml"),
                                   _side_part(zf, _STYLES_REL, "word/styles.xml"))
            with zf.open(info) as stream:
                return _stream_text(_Capped(stream, MAX_DOCUMENT_XML_BYTES), numbering, max_chars, max_paragraphs)
    except DocxError:
        raise
    except Exception as exc:  # zipfile, zlib and lxml raise many types for broken files
        raise DocxError(CORRUPT) from exc


def _document_info(zf: zipfile.ZipFile) -> zipfile.ZipInfo:
    try:
        info = zf.getinfo(DOCUMENT)
    except KeyError as exc:
        raise DocxError(CORRUPT) from exc
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise DocxError(f"文件过大（正文解压后超过 {MAX_DOCUMENT_XML_BYTES // (1024 * 1024)} MB）")
    return info


def _parser_options() -> dict[str, Any]:
    """lxml options that never fetch, expand or include anything: no DTD, no entities, no
    network, no huge-tree mode (which lifts libxml2's depth and size guards)."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _side_part(zf: zipfile.ZipFile, reltype: str, default: str) -> Any:
    """The root element of the part the main document relates to by ``reltype``, or None."""
    from lxml import etree

    name = default
    if _RELS in zf.namelist():
        rels = etree.fromstring(_read_part(zf, _RELS), etree.XMLParser(**_parser_options()))
        for rel in rels.iterchildren(_REL_NS + "Relationship"):
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
                break
        else:
            return None
    if name not in zf.namelist():
        return None
    return etree.fromstring(_read_part(zf, name), etree.XMLParser(**_parser_options()))


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_SIDE_PART_BYTES:
        raise DocxError(f"文件过大（{name} 解压后超过 {MAX_SIDE_PART_BYTES // (1024 * 1024)} MB）")
    with zf.open(info) as stream:
        return _Capped(stream, MAX_SIDE_PART_BYTES).read()


class _Capped:
    """A read-only stream that raises ``DocxError`` past ``limit`` bytes: the size in the zip
    directory is the writer's claim, the inflated bytes are the truth."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self._stream = stream
        self._left = limit
        self._limit = limit

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all when negative), counting them against the limit."""
        chunk = self._stream.read(self._left + 1 if size < 0 else min(size, self._left + 1))
        self._left -= len(chunk)
        if self._left < 0:
            raise DocxError(f"文件过大（正文解压后超过 {self._limit // (1024 * 1024)} MB）")
        return chunk


def _stream_text(stream: _Capped, numbering: _Numbering, max_chars: int, max_paragraphs: int | None) -> str:
    """Walk document.xml as it is parsed; each top-level paragraph is turned into its line
    and then cleared, so only one paragraph (and the text of one table row) is in memory
    at a time."""
    from lxml import etree

    out = _Lines(max_chars, max_paragraphs)
    rows = _Rows(max_chars)
    elements = paragraphs = 0
    depth = 0  # paragraphs open around the current element (text boxes nest them)
    body = None
    for event, el in etree.iterparse(stream, events=("start", "end"), **_parser_options()):
        is_p = el.tag == W + "p"
        if event == "start":
            depth += is_p
            if not depth:
                rows.start(el.tag)
            continue
        elements += 1
        if elements > MAX_XML_ELEMENTS:
            raise DocxError(f"文件过于复杂（正文超过 {MAX_XML_ELEMENTS:,} 个 XML 元素）")
        if not is_p:
            if el.tag == W + "body":
                body = el
            elif not depth and el.tag == W + "vMerge":
                rows.vertical_merge(el)  # read before it is dropped like any other property
                _drop(el)
            elif not depth and el.tag == W + "tr":
                out.extend(rows.end())
                _drop(el)  # its cells are read: nothing of a finished row stays in memory
            elif not depth and el.tag not in _BLOCK_CONTAINERS:
                _drop(el)  # section properties, bookmarks ... outside any paragraph
            continue
        depth -= 1
        paragraphs += 1
        if paragraphs > MAX_PARAGRAPH_ELEMENTS:
            raise DocxError(f"段落过多（超过 {MAX_PARAGRAPH_ELEMENTS:,} 段）")
        if depth:
            continue  # a text box's paragraph: read with the paragraph that anchors it
        take = rows.add if rows.in_cell else out.extend
        if not len(el) and not numbering.numbers_bare_paragraphs and _block_level(el):
            take([""])  # an empty paragraph: no number, no text
        elif _block_level(el):
            take(list(_paragraph_lines(el, numbering)))
        _drop(el)  # read, or one the reader does not see (inside a deletion ...)
    if body is None:
        raise DocxError(CORRUPT)
    return "\n".join(out.lines)


class _Lines:
    """The document's lines as they are read, with the caps on characters and paragraphs."""

    def __init__(self, max_chars: int, max_paragraphs: int | None) -> None:
        self.lines: list[str] = []
        self._total = 0
        self._filled = 0
        self._max_chars = max_chars
        self._max_paragraphs = max_paragraphs

    def extend(self, lines: list[str]) -> None:
        """Append ``lines``, raising ``DocxError`` once a cap is passed."""
        for line in lines:
            self.lines.append(line)
            self._total += len(line) + 1
            self._filled += bool(line.strip())
            if self._total > self._max_chars:
                raise DocxError(f"文本过长（超过 {self._max_chars:,} 字）")
            if self._max_paragraphs is not None and self._filled > self._max_paragraphs:
                raise DocxError(f"段落过多（超过 {self._max_paragraphs:,} 段）")


class _Rows:
    """Table rows as they are streamed: each cell's paragraphs are collected as they end, and
    a finished row becomes its line(s). Only the cells of the outermost table count; a table
    nested in a cell is read into that cell's text, so only one row is ever held."""

    def __init__(self, max_chars: int) -> None:
        self._max_chars = max_chars
        self._held = 0  # characters of the row being read
        self._open_rows = 0  # table rows open around the current element (nested tables count)
        self._cells: list[list[str]] = []  # paragraphs of each cell of the outermost open row
        self._continued: list[bool] = []  # per cell: the lower part of a vertical merge

    @property
    def in_cell(self) -> bool:
        """Whether a paragraph that ends now belongs to a cell of the row being read."""
        return self._open_rows > 0 and bool(self._cells)

    def start(self, tag: str) -> None:
        """A row or, in the outermost row, a cell opens."""
        if tag == W + "tr":
            self._open_rows += 1
            if self._open_rows == 1:
                self._cells, self._continued, self._held = [], [], 0
        elif tag == W + "tc" and self._open_rows == 1:
            self._cells.append([])
            self._continued.append(False)

    def vertical_merge(self, merge: Any) -> None:
        """Note a vertically merged continuation cell: Word shows the cell above across it.

        Only the cell's own properties count, not an earlier version kept by a tracked change.
        """
        properties = merge.getparent()
        cell = properties.getparent() if properties is not None else None
        if self._open_rows != 1 or not self._cells or cell is None or cell.tag != W + "tc":
            return
        self._continued[-1] = merge.get(W + "val") in (None, "continue")

    def add(self, lines: list[str]) -> None:
        """Lines of a paragraph (and its text boxes) that ended inside the current cell.

        A row is only counted against the document's caps once it ends, so one row's own
        text is held to the character cap here (a row of a million paragraphs is refused
        as it grows, not after).
        """
        self._held += sum(len(line) + 1 for line in lines)
        if self._held > self._max_chars:
            raise DocxError(f"文本过长（超过 {self._max_chars:,} 字）")
        self._cells[-1].extend(lines)

    def end(self) -> list[str]:
        """Close a row; the outermost one returns its line(s), a nested one nothing."""
        self._open_rows -= 1
        if self._open_rows:
            return []
        cells, self._cells = self._cells, []
        return _row_lines(cells, self._continued)


def _row_lines(cells: list[list[str]], continued: list[bool]) -> list[str]:
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


def _block_level(p: Any) -> bool:
    """Whether ``_blocks`` of the tree walk reaches paragraph ``p``: the body, then only
    tables, rows, cells, content controls and custom XML between."""
    parent = p.getparent()
    while parent is not None and parent.tag in _BLOCK_CONTAINERS:
        parent = parent.getparent()
    return parent is not None and parent.tag == W + "body"


def _drop(el: Any) -> None:
    """Free a finished element and the finished siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _paragraph_lines(p: Any, numbering: _Numbering) -> Iterator[str]:
    boxes: list[Any] = []
    parts: list[str] = []
    _inline(p, parts, boxes)
    yield numbering.label(p) + "".join(parts)
    for box in boxes:
        yield from _blocks(box, numbering)


# Walking the body ---------------------------------------------------------------------------


def _blocks(container: Any, numbering: _Numbering) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == W + "p":
            yield from _paragraph_lines(child, numbering)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child, numbering)


def _inline(el: Any, out: list[str], boxes: list[Any]) -> None:
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
                _inline(choice, out, boxes)
        else:
            _inline(child, out, boxes)


def _hidden(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


# Numbering ----------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: 0 = never; None = after any earlier level
    legal: bool = False
    suffix: str = "tab"
    pstyle: str | None = None


@dataclass
class _List:
    group: str  # counters are shared by every w:num of one abstractNum unless it restarts
    levels: dict[int, _Level] = field(default_factory=dict)


def _val(el: Any, tag: str) -> str | None:
    if el is None:
        return None
    found = el.find(W + tag)
    return None if found is None else found.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _parse_level(lvl: Any) -> _Level:
    legal = lvl.find(W + "isLgl")
    restart = _val(lvl, "lvlRestart")
    return _Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        restart=None if restart is None else _int(restart, 0),
        legal=legal is not None and legal.get(W + "val") not in ("0", "false", "off"),
        suffix=_val(lvl, "suff") or "tab",
        pstyle=_val(lvl.find(W + "pPr"), "pStyle"),
    )


class _Numbering:
    """numbering.xml and styles.xml resolved into per-paragraph labels, with running counters."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._default_style: str | None = None
        for style in styles.iterchildren(W + "style") if styles is not None else ():
            sid = style.get(W + "styleId")
            if sid is None:
                continue
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            self._styles[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl"), _val(style, "basedOn"))
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self._default_style = sid
        abstract: dict[str, tuple[dict[int, _Level], str | None]] = {}
        nums: dict[str, Any] = {}
        for el in numbering.iterchildren() if numbering is not None else ():
            if el.tag == W + "abstractNum":
                levels = {
                    _int(lvl.get(W + "ilvl"), 0): _parse_level(lvl) for lvl in el.iterchildren(W + "lvl")
                }
                abstract[el.get(W + "abstractNumId") or ""] = (levels, _val(el, "numStyleLink"))
            elif el.tag == W + "num":
                nums[el.get(W + "numId") or ""] = el
        self._lists: dict[str, _List] = {}
        for num_id, el in nums.items():
            abs_id = _val(el, "abstractNumId") or ""
            levels, style_link = abstract.get(abs_id, ({}, None))
            if style_link and not levels:
                # A list style: the real definition hangs off the numbering of the linked style.
                linked = nums.get(self._styles.get(style_link, (None, None, None))[0] or "")
                if linked is not None:
                    abs_id = _val(linked, "abstractNumId") or ""
                    levels = abstract.get(abs_id, ({}, None))[0]
            levels = {k: _Level(**vars(v)) for k, v in levels.items()}
            restarts = False
            for override in el.iterchildren(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)
                    restarts = True
                start = _val(override, "startOverride")
                if start is not None:
                    levels.setdefault(ilvl, _Level()).start = _int(start, 1)
                    restarts = True
            group = f"num:{num_id}" if restarts else f"abstract:{abs_id}"
            self._lists[num_id] = _List(group, levels)
        self._counters: dict[str, list[int | None]] = {}
        self.last_group = ""  # the counter group (list) of the last paragraph labelled, "" if none

    @cached_property
    def numbers_bare_paragraphs(self) -> bool:
        """Whether a paragraph without properties gets a number (from the default style)."""
        num_id, _ = self._style_numpr(self._default_style)
        return bool(num_id) and num_id != "0"

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, str | None]:
        num_id: str | None = None
        ilvl: str | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen and (num_id is None or ilvl is None):
            seen.add(style_id)
            s_num, s_lvl, based_on = self._styles.get(style_id, (None, None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            style_id = based_on
        return num_id, ilvl

    def label(self, p: Any) -> str:
        """The number text Word shows before paragraph ``p`` (advancing the counters), or ""."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl_s = _val(numpr, "numId"), _val(numpr, "ilvl")
        style_id = _val(ppr, "pStyle") or self._default_style
        if num_id is None or ilvl_s is None:
            s_num, s_lvl = self._style_numpr(style_id)
            num_id = num_id if num_id is not None else s_num
            ilvl_s = ilvl_s if ilvl_s is not None else s_lvl
        self.last_group = ""
        if not num_id or num_id == "0" or num_id not in self._lists:
            return ""
        lst = self._lists[num_id]
        self.last_group = lst.group
        if ilvl_s is None:
            # Style-linked numbering names its level by the level's own pStyle.
            ilvl_s = next((str(k) for k, v in lst.levels.items() if v.pstyle == style_id), "0")
        ilvl = min(max(_int(ilvl_s, 0), 0), 8)
        level = lst.levels.get(ilvl, _Level())
        counters = self._counters.setdefault(lst.group, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for k in range(ilvl + 1, 9):
            deeper = lst.levels.get(k)
            restart = deeper.restart if deeper is not None and deeper.restart is not None else k
            if restart != 0 and ilvl < restart:
                counters[k] = None
        return _render(level, lst.levels, counters)


# Dashes that policy documents use as list markers (——); other bullet glyphs are dropped.
_DASHES = frozenset("—–-－―─")
_TIGHT_END = re.compile(r"[、，。．：；）〕】」』》〉]$|[\uff00-\uffef]$")


def _render(level: _Level, levels: dict[int, _Level], counters: list[int | None]) -> str:
    if level.fmt == "bullet":
        marker = level.text if level.text and set(level.text) <= _DASHES else ""
    else:

        def placeholder(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k <= 8:
                return ""
            other = levels.get(k, _Level())
            value = counters[k]
            value = other.start if value is None else value
            return format_number(value, "decimal" if level.legal else other.fmt)

        marker = re.sub(r"%([1-9])", placeholder, level.text)
    if not marker or level.suffix == "nothing":
        return marker
    # Word separates the number from the text by a tab or space; in Chinese layout the
    # punctuation of 一、 or （一） already does that, so a space is only kept after
    # a marker ending in a letter, digit or Latin punctuation (1. / 第一章 / a)).
    return marker if _TIGHT_END.search(marker) else marker + " "


# Number formats -----------------------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"
_ZH_LEGAL_S = "零壹贰叁肆伍陆柒捌玖"
_ZH_LEGAL_T = "零壹貳參肆伍陸柒捌玖"
_IDEO_DIGITS = "〇一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(
    n: int, digits: str, units: str, myriad: str, *, short_ten: bool, zeros: bool = True, ones: bool = True
) -> str:
    """Chinese reading of ``n`` (0 < n < 10**8): 十一, 二十, 一百零一, 一万零五 ..."""

    def below_10000(v: int) -> str:
        out: list[str] = []
        pending_zero = False
        for place, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
            d = v // place % 10
            if d == 0:
                pending_zero = bool(out)
                continue
            if pending_zero and zeros:
                out.append(digits[0])
            pending_zero = False
            out.append(unit if (d == 1 and unit and not ones) else digits[d] + unit)
        return "".join(out)

    high, low = divmod(n, 10000)
    text = below_10000(high) + myriad if high else ""
    if low:
        if high and low < 1000 and zeros:
            text += digits[0]
        text += below_10000(low)
    if short_ten and 10 <= n < 20 and text.startswith(digits[1] + units[0]):
        text = text[1:]
    return text


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def _enclosed_circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (w:numFmt); unknown formats fall back to decimal."""
    if fmt == "none":
        return ""
    if n <= 0 or n >= 10**8:
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed_circle(n)
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "ideographEnclosedCircle" and n <= 10:
        return chr(0x3280 + n - 1)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return _chinese(n, _ZH_DIGITS, "十百千", "万", short_ten=True)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _ZH_LEGAL_S, "拾佰仟", "万", short_ten=False)
    if fmt == "ideographLegalTraditional":
        return _chinese(n, _ZH_LEGAL_T, "拾佰仟", "萬", short_ten=False)
    if fmt == "japaneseCounting":
        return _chinese(n, _ZH_DIGITS, "十百千", "万", short_ten=True, zeros=False, ones=False)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_IDEO_DIGITS[int(c)] for c in str(n))
    if fmt == "ideographTraditional" and n <= 10:
        return _HEAVENLY[n - 1]
    if fmt == "ideographZodiac" and n <= 12:
        return _EARTHLY[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and n < 4000:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


# Lines and the blocks they come from ------------------------------------------------------


@dataclass(frozen=True)
class SourceLine:
    """One line of ``docx_text`` and where it comes from.

    ``block`` is the body paragraph (a text box's lines: the paragraph that anchors it),
    or the table row (w:tr) of a row of several cells; ``label``: the number Word draws
    for its paragraph, rendered as text at the line's start ("" when none), ``group``:
    the list whose counters number it.
    """

    text: str
    block: Any
    label: str = ""
    group: str = ""

    @property
    def numbered(self) -> bool:
        """Whether the line starts with its paragraph's automatic number."""
        return bool(self.label)


def source_lines(data: bytes, body: Any) -> list[SourceLine]:
    """The lines of ``docx_text(data)``, each with the block of ``body`` it comes from.

    ``body`` is the w:body of the same package, already parsed and kept whole (an exporter
    writes into it), so the walk is a tree walk, not the capped stream of ``docx_text``:
    callers compare the joined text with ``docx_text`` before relying on the lines.
    """
    with zipfile.ZipFile(BytesIO(data)) as zf:
        numbering = _Numbering(_side_part(zf, _NUMBERING_REL, "word/numbering.xml"),
                               _side_part(zf, _STYLES_REL, "word/styles.xml"))
    out: list[SourceLine] = []
    _source_blocks(body, numbering, out)
    lines: list[SourceLine] = []
    for line in out:
        # A line break inside a paragraph (w:br) starts a display line of the same paragraph.
        first, *more = line.text.split("\n")
        lines.append(replace(line, text=first))
        lines += [SourceLine(part, line.block) for part in more]
    return lines


def _source_blocks(container: Any, numbering: _Numbering, out: list[SourceLine]) -> None:
    """Append the lines of the paragraphs and table rows in ``container``, in reading order."""
    for child in container.iterchildren():
        if child.tag == W + "p":
            out.extend(_source_paragraph(child, numbering))
        elif child.tag == W + "tr":
            out.extend(_source_row(child, numbering))
        elif child.tag in _BLOCK_CONTAINERS or child.tag == W + "tbl":
            _source_blocks(child, numbering, out)


def _source_paragraph(p: Any, numbering: _Numbering) -> list[SourceLine]:
    """A paragraph's lines as ``_stream_text`` takes them, the first with its number."""
    if not len(p) and not numbering.numbers_bare_paragraphs:
        return [SourceLine("", p)]
    boxes: list[Any] = []
    parts: list[str] = []
    label = numbering.label(p)
    group = numbering.last_group
    _inline(p, parts, boxes)
    lines = [SourceLine(label + "".join(parts), p, label, group)]
    lines += [SourceLine(line, p) for box in boxes for line in _blocks(box, numbering)]
    return lines


def _source_row(row: Any, numbering: _Numbering) -> list[SourceLine]:
    """The lines of one outermost table row: a line per paragraph for a one-cell row (each
    from its paragraph), else one line from the row."""
    cells: list[list[SourceLine]] = []
    continued: list[bool] = []
    for cell in row.iter(W + "tc"):
        if next(cell.iterancestors(W + "tr")) is not row:
            continue  # a cell of a table nested in a cell: its text is in that cell's paragraphs
        merge = cell.find(f"{W}tcPr/{W}vMerge")
        continued.append(merge is not None and merge.get(W + "val") in (None, "continue"))
        cells.append([line for p in cell.iter(W + "p") if _block_level(p) for line in _source_paragraph(p, numbering)])
    if len(cells) == 1:
        return cells[0]
    texts = [[line.text for line in lines] for lines in cells]
    return [SourceLine(text, row) for text in _row_lines(texts, continued)]
