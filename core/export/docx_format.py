"""Word formatting the python-docx API does not reach: East Asian fonts, shading, page setup,
page-number fields, document properties.

Word and WPS pick the font of Chinese characters from ``w:rFonts/@w:eastAsia``; the
default template also names theme fonts (``w:eastAsiaTheme`` …), which win over the
explicit names, so they are removed wherever a font is set. Fonts follow GB/T 9704
(仿宋_GB2312 body, 黑体 headings, 小标宋 title); the font table declares each with a
common alternative and the GB2312 character set, so that Word or WPS on a machine
without it substitutes a Chinese face of the same kind rather than a Latin one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from copy import deepcopy
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from core.export.styles import HIGHLIGHTS, INK, LINK_INK, MUTED_INK, hex_to_rgb
from core.kinds import Highlight

BODY_FONT = "仿宋_GB2312"  # GB/T 9704 body face
HEADING_FONT = "黑体"  # SimHei
TITLE_FONT = "方正小标宋简体"  # GB/T 9704 title face
KAI_FONT = "楷体_GB2312"  # GB/T 9704 second-level headings
LATIN_FONT = "Times New Roman"

# Font table entries: name -> (alternative name, pitch family). Charset 86 is GB2312.
_FONT_TABLE = {
    BODY_FONT: ("仿宋", "modern", "fixed"),
    "仿宋": ("FangSong", "modern", "fixed"),
    HEADING_FONT: ("SimHei", "modern", "fixed"),
    KAI_FONT: ("楷体", "modern", "fixed"),
    TITLE_FONT: ("宋体", "roman", "variable"),
}
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

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
    """Normal in 仿宋_GB2312, headings in 黑体, the title in 小标宋 (black, not the template's blue)."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(body_size)
    set_fonts(normal.element, BODY_FONT)
    sizes = {"Title": 22, "Heading 1": 16, "Heading 2": 14, "Heading 3": 12, "Heading 4": 12}
    for name, size in sizes.items():
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = name != "Title"  # 小标宋 is heavy already
        style.font.color.rgb = RGBColor(*hex_to_rgb(INK))
        set_fonts(style.element, TITLE_FONT if name == "Title" else HEADING_FONT)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the template's title has a blue rule below it, which a circulated document must not
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    declare_fonts(document)


def declare_fonts(document: Any) -> None:
    """Declare the GB/T 9704 faces in the font table with an alternative and the GB2312 charset."""
    part = _part(document, "/word/fontTable.xml")
    if part is None:
        return
    root = parse_xml(part.blob)
    present = {font.get(qn("w:name")) for font in root.findall(qn("w:font"))}
    for name, (alternative, family, pitch) in _FONT_TABLE.items():
        if name in present:
            continue
        root.append(parse_xml(
            f'<w:font xmlns:w="{_W_NS}" w:name="{escape(name)}"><w:altName w:val="{escape(alternative)}"/>'
            f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        ))  # fmt: skip
    part._blob = _serialize(root)


def page_number_footer(section: Any, east_asian: str = BODY_FONT, size: float = 10.5) -> None:
    """A centred footer "第 N 页 / 共 M 页" from PAGE and NUMPAGES fields, which Word fills in."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", "PAGE"), (" 页 / 共 ", "NUMPAGES"), (" 页", None)):
        run = paragraph.add_run(text)
        set_fonts(run._r, east_asian)
        run.font.size = Pt(size)
        if field:
            _field(paragraph, field, east_asian, size)


def page_header(section: Any, text: str, east_asian: str = BODY_FONT, size: float = 9) -> None:
    """A one-line header naming both documents, with a thin rule below it."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    run = paragraph.add_run(text)
    set_fonts(run._r, east_asian)
    run.font.size = Pt(size)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pBdr xmlns:w="{_W_NS}"><w:bottom w:val="single" w:sz="4" w:space="1" '
                         f'w:color="{MUTED_INK.lstrip("#")}"/></w:pBdr>'))  # fmt: skip


def _field(paragraph: Any, instruction: str, east_asian: str, size: float) -> None:
    """A complex field (begin, instruction, separator, placeholder result, end) in its own runs."""
    parts = (("fldChar", "begin"), ("instrText", f" {instruction} "), ("fldChar", "separate"),
             ("t", "1"), ("fldChar", "end"))  # fmt: skip
    for tag, value in parts:
        run = paragraph.add_run()
        set_fonts(run._r, east_asian)
        run.font.size = Pt(size)
        if tag == "fldChar":
            run._r.append(_element("w:fldChar", fldCharType=value))
        else:
            element = OxmlElement(f"w:{tag}")
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            element.text = value
            run._r.append(element)


def set_properties(document: Any, *, title: str, subject: str, author: str, comments: str,
                   keywords: str, producer: str, now: datetime | None = None) -> None:
    """Core and application properties of a generated document, dated now.

    Replaces what the template brings: its author and description ("python-docx"), its
    2013 dates, its application name and the thumbnail of another document.
    """
    stamp = (now or datetime.now()).astimezone().replace(microsecond=0)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.last_modified_by = author
    properties.comments = comments
    properties.keywords = keywords
    properties.category = "对照报告"
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == _THUMBNAIL:
            del package.rels[key]
    app = _part(document, "/docProps/app.xml")
    if app is not None:
        app._blob = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_APP_NS}">'
            f"<Application>{escape(producer)}</Application><DocSecurity>0</DocSecurity></Properties>"
        ).encode()


def _part(document: Any, name: str) -> Any:
    """The package part named ``name``, or None."""
    return next((p for p in document.part.package.iter_parts() if str(p.partname) == name), None)


def _serialize(element: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def a4(document: Any, landscape: bool, margin_mm: float = 18) -> None:
    """A4 pages with even margins, in the given orientation."""
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = Mm(210), Mm(297)
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(margin_mm))


def style_run(run: Any, kind: Highlight | None, bold: bool = False, shading: bool = True) -> None:
    """Add the print cue of a run's highlight (strike / underline) and, unless told not to, its shading."""
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
    if shading:
        rpr.append(_element("w:shd", val="clear", color="auto", fill=style.light.lstrip("#").upper()))


class RunMaker:
    """Appends runs of a few fixed looks, each look formatted once through python-docx.

    Formatting every run through python-docx's object layer (fonts, bold, colour,
    shading) costs dozens of element look-ups and insertions per run, most of a large
    report's time; a run here is a copy of the look's formatted ``w:rPr`` plus its text,
    the same XML.
    """

    def __init__(self) -> None:
        self._looks: dict[Hashable, Any] = {}

    def add(self, paragraph: Any, text: str, look: Hashable, style: Callable[[Any], None]) -> Any:
        """Append a run of ``text`` to ``paragraph`` as ``style`` formats a run; return the run.

        ``look`` names what ``style`` does: runs of one look share one formatted original.
        """
        original = self._looks.get(look)
        if original is None:
            original = self._looks[look] = _styled_run(style)
        element = deepcopy(original)
        paragraph._p.append(element)
        run = Run(element, paragraph)
        if _RUN_BREAKS.isdisjoint(text):
            if text:
                t = element.makeelement(_T, {})
                t.text = text
                if len(text.strip()) < len(text):
                    t.set(_XML_SPACE, "preserve")
                element.append(t)
        else:
            run.text = text  # tabs and line breaks become Word's own elements
        return run


class RowMaker:
    """Appends rows of a few fixed shapes to one table, each shape made once through python-docx.

    python-docx finds a new row's place, and a merged cell's extent, by searching the
    whole table, so a long table costs time growing with the square of its rows; a row
    here is a copy of its shape's first row as it stood before it was filled.
    """

    def __init__(self, table: Any) -> None:
        self._table = table
        self._shapes: dict[Hashable, Any] = {}

    def add(self, shape: Hashable, make: Callable[[Any], None]) -> list[Any]:
        """Append an empty row as ``make`` shapes a new row (widths, merges, fills); return its cells.

        ``shape`` names what ``make`` does: rows of one shape share one original.
        """
        template = self._shapes.get(shape)
        if template is None:
            row = self._table.add_row()
            make(row)
            self._shapes[shape] = deepcopy(row._tr)
            tr = row._tr
        else:
            tr = deepcopy(template)
            self._table._tbl.append(tr)
        return [_Cell(tc, self._table) for tc in tr.tc_lst]


_RUN_BREAKS = frozenset("\t\r\n")
_T = qn("w:t")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _styled_run(style: Callable[[Any], None]) -> Any:
    """The ``w:r`` of an empty run, formatted by ``style`` in a scratch paragraph."""
    scratch = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]  # formatting needs no document part
    run = scratch.add_run()
    style(run)
    element = run._r
    scratch._p.remove(element)
    return element


def shade_cell(cell: Any, color: str) -> None:
    """Fill a table cell with ``"#RRGGBB"``."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_element("w:shd", val="clear", color="auto", fill=color.lstrip("#").upper()))


def repeat_as_header(row: Any) -> None:
    """Repeat a table row at the top of every page the table spans."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:tblHeader", val="true"))


def span_row(row: Any) -> Any:
    """Merge a row's cells into one (a heading row across the table); returns the merged cell."""
    cells = row.cells
    return cells[0].merge(cells[-1])


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """Make the start of ``paragraph`` the target ``name`` of internal links (Word bookmark)."""
    start = _element("w:bookmarkStart", id=str(number), name=name)
    end = _element("w:bookmarkEnd", id=str(number))
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    start.addnext(end)


def internal_link(paragraph: Any, text: str, anchor: str, east_asian: str = BODY_FONT) -> None:
    """Append ``text`` to ``paragraph`` as a link to the bookmark ``anchor`` (blue, underlined)."""
    link = _element("w:hyperlink", anchor=anchor, history="1")
    run = paragraph.add_run(text)
    set_fonts(run._r, east_asian)
    run.font.color.rgb = RGBColor(*hex_to_rgb(LINK_INK))
    run.font.underline = True
    link.append(run._r)  # moves the run into the link
    paragraph._p.append(link)


def keep_row_whole(row: Any) -> None:
    """Never break a table row across pages (for short rows, where a split only hurts)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:cantSplit", val="true"))


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element
