"""Builders of small .docx and .pdf files for the loader tests."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'


def level_xml(
    ilvl: int, fmt: str, text: str, *, start: int = 1, restart: int | None = None, suff: str | None = None,
    legal: bool = False,
) -> str:
    """One ``w:lvl`` of an abstract numbering definition."""
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += "<w:isLgl/>" if legal else ""
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'{suffix}<w:lvlText w:val="{text}"/></w:lvl>'
    )


POLICY_LEVELS = (
    level_xml(0, "chineseCounting", "%1、"),
    level_xml(1, "chineseCounting", "（%2）"),
    level_xml(2, "decimal", "%3."),
)


class DocxBuilder:
    """A python-docx document whose numbering.xml is replaced by the definitions given."""

    def __init__(self) -> None:
        self.doc = Document()
        numbering = self.doc.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        self._numbering = numbering
        self._abstracts: list[object] = []
        self._nums: list[object] = []

    def abstract(self, abstract_id: int, *levels: str) -> None:
        """Define ``w:abstractNum`` ``abstract_id`` with the given ``w:lvl`` elements."""
        self._abstracts.append(
            parse_xml(f'<w:abstractNum {NSDECL} w:abstractNumId="{abstract_id}">{"".join(levels)}'
                      "</w:abstractNum>")
        )

    def num(self, num_id: int, abstract_id: int, overrides: str = "") -> None:
        """Define ``w:num`` ``num_id`` pointing at ``abstract_id``, with optional lvlOverride XML."""
        self._nums.append(
            parse_xml(f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                      f"{overrides}</w:num>")
        )

    def para(self, text: str, num_id: int | None = None, ilvl: int | None = None,
             style: str | None = None) -> None:
        """Append a paragraph, numbered directly through numPr when ``num_id`` is given."""
        p = self.doc.add_paragraph(text, style=style)
        if num_id is not None or ilvl is not None:
            parts = ""
            if ilvl is not None:
                parts += f'<w:ilvl w:val="{ilvl}"/>'
            if num_id is not None:
                parts += f'<w:numId w:val="{num_id}"/>'
            p._p.get_or_add_pPr().append(parse_xml(f"<w:numPr {NSDECL}>{parts}</w:numPr>"))

    def numbered_style(self, style_id: str, num_id: int | None, ilvl: int | None,
                       based_on: str | None = None) -> None:
        """Add paragraph style ``style_id`` (optionally basedOn another) carrying numPr."""
        numpr = ""
        if num_id is not None or ilvl is not None:
            inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
                f'<w:numId w:val="{num_id}"/>' if num_id is not None else "")
            numpr = f"<w:pPr><w:numPr>{inner}</w:numPr></w:pPr>"
        based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        self.doc.styles.element.append(parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            f"{based}{numpr}</w:style>"
        ))

    def raw_para(self, inner_xml: str) -> None:
        """Append a paragraph given as the XML inside ``w:p``."""
        body = self.doc.element.body
        body.insert(len(body) - 1, parse_xml(f"<w:p {NSDECL}>{inner_xml}</w:p>"))

    def save(self, path: Path) -> Path:
        """Write the document (abstractNums must precede nums in numbering.xml)."""
        for el in [*self._abstracts, *self._nums]:
            self._numbering.append(el)
        self.doc.save(str(path))
        return path


def chinese_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages hold the given lines in reportlab's built-in STSong-Light CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("STSong-Light", 14)
        for i, line in enumerate(lines):
            c.drawString(72, 750 - 20 * i, line)
        c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A PDF with drawings and an embedded raster image but no text."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 300, fill=1)
    c.circle(300, 500, 50)
    c.drawImage(ImageReader(Image.new("RGB", (40, 30), (200, 10, 10))), 50, 600, 80, 60)
    c.showPage()
    c.rect(10, 10, 20, 20)
    c.showPage()
    c.save()
    return path
