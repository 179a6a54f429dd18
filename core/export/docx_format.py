"""Word formatting the python-docx API does not reach: East Asian fonts, shading, page setup.

Word and WPS pick the font of Chinese characters from ``w:rFonts/@w:eastAsia``; the
default template also names theme fonts (``w:eastAsiaTheme`` …), which win over the
explicit names, so they are removed wherever a font is set.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from core.export.styles import HIGHLIGHTS
from core.model import Highlight

BODY_FONT = "宋体"  # SimSun: the body face of Chinese official documents
HEADING_FONT = "黑体"  # SimHei
LATIN_FONT = "Times New Roman"

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_WORD_UNDERLINE = {"underline": "single", "dotted": "dotted"}


def set_fonts(rpr_parent: Any, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Set Latin and East Asian font names on a style's or run's ``w:rPr``."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def setup_styles(document: Any, body_size: float = 10.5) -> None:
    """Normal in 宋体, headings and title in 黑体 (black, not the template's blue)."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(body_size)
    set_fonts(normal.element, BODY_FONT)
    sizes = {"Title": 20, "Heading 1": 15, "Heading 2": 13, "Heading 3": 12, "Heading 4": 11}
    for name, size in sizes.items():
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element, HEADING_FONT)


def a4(document: Any, landscape: bool, margin_mm: float = 18) -> None:
    """A4 pages with even margins, in the given orientation."""
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = Mm(210), Mm(297)
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(margin_mm))


def style_run(run: Any, kind: Highlight | None, bold: bool = False) -> None:
    """Shade a run with its highlight colour and add the print cue (strike / underline)."""
    if bold:
        run.bold = True
    if kind is None:
        return
    style = HIGHLIGHTS[kind]
    rpr = run._r.get_or_add_rPr()
    if style.print_cue == "strike":
        rpr.append(_element("w:strike"))
    elif style.print_cue in _WORD_UNDERLINE:
        rpr.append(_element("w:u", val=_WORD_UNDERLINE[style.print_cue]))
    rpr.append(_element("w:shd", val="clear", color="auto", fill=style.light.lstrip("#").upper()))


def shade_cell(cell: Any, color: str) -> None:
    """Fill a table cell with ``"#RRGGBB"``."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_element("w:shd", val="clear", color="auto", fill=color.lstrip("#").upper()))


def repeat_as_header(row: Any) -> None:
    """Repeat a table row at the top of every page the table spans."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:tblHeader", val="true"))


def keep_row_whole(row: Any) -> None:
    """Never break a table row across pages (for short rows, where a split only hurts)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:cantSplit", val="true"))


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element
