"""Word's automatic numbering rendered as the text the reader sees (一、 （一） 1. 第一章 ...).

numbering.xml and styles.xml are resolved into each paragraph's list and level, counters run
as the paragraphs are read in order, and a level's number text is drawn in its number format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from core import patterns
from core.docx_xml import W, side_part

if TYPE_CHECKING:
    import zipfile

_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def read_numbering(zf: zipfile.ZipFile) -> Numbering:
    """The numbering of the package open in ``zf``, from the numbering and styles parts its
    main document relates to."""
    return Numbering(side_part(zf, _NUMBERING_REL, "word/numbering.xml"), side_part(zf, _STYLES_REL, "word/styles.xml"))


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


class Numbering:
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
_TIGHT_END = patterns.compiled(r"[、，。．：；）〕】」』》〉]$|[\uff00-\uffef]$")


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
