"""Hostile input files, generated at test time: decompression bombs, oversized structures,
broken and mislabelled files, text that is not what it claims.

``scale`` multiplies the sizes: 1 for ``make test`` (seconds), 10 for ``make fuzz``.
Every builder writes one file into ``folder`` and returns its path.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent.parent / "docs_in"
SAMPLE = DOCS / "luzhou_2020_decision.txt"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("\r\n", "\n")


def docx_stream(path: Path, head: str, repeat: bytes, count: int, tail: str = "") -> Path:
    """A .docx whose document.xml is ``head``, ``repeat`` ``count`` times, then the end of
    the body, written through the zip stream so that the XML is never held in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{head}'.encode())
            block = repeat * max(1, (1 << 20) // len(repeat))
            full, rest = divmod(count, max(1, (1 << 20) // len(repeat)))
            for _ in range(full):
                part.write(block)
            part.write(repeat * rest)
            part.write(f"{tail}</w:body></w:document>".encode())
    return path


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_empty_paragraph_bomb(folder: Path, scale: int) -> Path:
    """document.xml inflating to 80 MB x scale of empty paragraphs (the issue's 480 MB kind)."""
    count = 80 * scale * (1 << 20) // 6
    return docx_stream(folder / "bomb.docx", _paragraph("一、总体要求"), b"<w:p/>", count)


def docx_under_size_cap(folder: Path, scale: int) -> Path:
    """Empty paragraphs below the size cap but far past any real document's paragraph count."""
    return docx_stream(folder / "empty_paragraphs.docx", _paragraph("一、总体要求"), b"<w:p/>", 2_000_000 * scale)


def docx_many_paragraphs(folder: Path, scale: int) -> Path:
    """200,000 x scale short text paragraphs."""
    return docx_stream(folder / "paragraphs.docx", "", _paragraph("加强管理。").encode(), 200_000 * scale)


def docx_deep_nesting(folder: Path, scale: int) -> Path:
    """Tables nested 5,000 deep (libxml2 refuses past its depth limit)."""
    depth = 5_000 * scale
    return docx_stream(folder / "deep.docx", "<w:tbl><w:tr><w:tc>" * depth + _paragraph("正文"), b" ", 1,
                       "</w:tc></w:tr></w:tbl>" * depth)


def docx_billion_laughs(folder: Path, scale: int) -> Path:
    """Entity expansion in document.xml: never expanded."""
    path = folder / "laughs.docx"
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document xmlns:w="{_W}"><w:body>{_paragraph("&i;")}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", xml)
    return path


def _pdf(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is ``stream`` (already Flate-compressed)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _deflated(opening: bytes, repeat: bytes, size: int) -> bytes:
    packer = zlib.compressobj(1)
    block = repeat * ((1 << 20) // len(repeat))
    parts = [packer.compress(opening)]
    parts += [packer.compress(block) for _ in range(size // len(block))]
    parts.append(packer.flush())
    return b"".join(parts)


def pdf_text_bomb(folder: Path, scale: int) -> Path:
    """A content stream of 20 MB x scale text-showing operators: pdfium builds an object per
    glyph, gigabytes in all."""
    path = folder / "glyphs.pdf"
    path.write_bytes(_pdf(_deflated(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\nBT ", b"(AB) Tj\n",
                                    20 * scale * (1 << 20))))
    return path


def pdf_stream_bomb(folder: Path, scale: int) -> Path:
    """A content stream inflating to 40 MB x scale of path operators."""
    path = folder / "stream.pdf"
    path.write_bytes(_pdf(_deflated(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n", b"0 0 m\n", 40 * scale * (1 << 20))))
    return path


def many_headings(folder: Path, scale: int) -> Path:
    """50,000 x scale numbered headings."""
    digits = "一二三四五六七八九十"
    lines = [f"（{digits[i % 10]}）第{i}项任务" for i in range(50_000 * scale)]
    path = folder / "headings.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def repeated_headings(folder: Path, scale: int) -> Path:
    """The same heading 3,000 times: the worst case for section alignment."""
    path = folder / "same_heading.txt"
    path.write_text("\n".join(["一、总体要求"] * 3_000), encoding="utf-8")
    return path


def huge_line(folder: Path, scale: int) -> Path:
    """The sample text as one line of about 300 KB (100,000 characters) x scale."""
    path = folder / "one_line.txt"
    line = sample_text().replace("\n", "")
    path.write_text(line * (10 * scale), encoding="utf-8")
    return path


def invisible_only(folder: Path, scale: int) -> Path:
    """Zero-width, ideographic and other invisible spaces only."""
    path = folder / "invisible.txt"
    path.write_text("\u200b\u3000\u200d\ufeff\u2060\u00a0 \u3000\n\u200c\u3000\t" * 100, encoding="utf-8")
    return path


def nul_late(folder: Path, scale: int) -> Path:
    """A good text with one NUL 20 KB in: refused like a NUL in the first block."""
    data = sample_text().encode()
    path = folder / "nul_late.txt"
    path.write_bytes(data[:20_000] + b"\x00" + data[20_000:])
    return path


def nul_early(folder: Path, scale: int) -> Path:
    data = sample_text().encode()
    path = folder / "nul_early.txt"
    path.write_bytes(data[:100] + b"\x00" + data[100:])
    return path


def mostly_gbk(folder: Path, scale: int) -> Path:
    """95 % GBK lines, 5 % UTF-8 lines."""
    lines = sample_text().split("\n")
    path = folder / "mostly_gbk.txt"
    path.write_bytes(b"\n".join(line.encode("utf-8" if i % 20 == 7 else "gb18030") for i, line in enumerate(lines)))
    return path


def garbage(folder: Path, scale: int) -> Path:
    path = folder / "garbage.txt"
    path.write_bytes(random.Random(13).randbytes(200_000 * scale))
    return path


def _real_docx() -> bytes:
    from docx import Document

    document = Document()
    for line in sample_text().split("\n")[:40]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _real_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for row in range(40):
        page.drawString(72, 800 - row * 18, f"Article {row}: policy text line {row}")
    page.showPage()
    page.save()
    return buffer.getvalue()


def truncated_docx(folder: Path, scale: int) -> Path:
    data = _real_docx()
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def truncated_pdf(folder: Path, scale: int) -> Path:
    data = _real_pdf()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def docx_named_pdf(folder: Path, scale: int) -> Path:
    path = folder / "really_docx.pdf"
    path.write_bytes(_real_docx())
    return path


def pdf_named_docx(folder: Path, scale: int) -> Path:
    path = folder / "really_pdf.docx"
    path.write_bytes(_real_pdf())
    return path


def text_named_pdf(folder: Path, scale: int) -> Path:
    path = folder / "really_text.pdf"
    path.write_text(sample_text(), encoding="utf-8")
    return path


def symlink_loop(folder: Path, scale: int) -> Path:
    first, second = folder / "loop_a.txt", folder / "loop_b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def gbk_file_name(folder: Path, scale: int) -> Path:
    """A good file whose name is GBK bytes, not UTF-8 (copied from a Windows share)."""
    path = Path(folder, "政策文件".encode("gbk").decode("utf-8", "surrogateescape") + ".txt")
    path.write_text(sample_text(), encoding="utf-8")
    return path


# name -> (builder, expected exit code: 0, 2, or None for either)
HOSTILE: dict[str, tuple[Callable[[Path, int], Path], int | None]] = {
    "docx-empty-paragraph-bomb": (docx_empty_paragraph_bomb, 2),
    "docx-under-size-cap": (docx_under_size_cap, 2),
    "docx-200k-paragraphs": (docx_many_paragraphs, 2),
    "docx-deep-nesting": (docx_deep_nesting, 2),
    "docx-billion-laughs": (docx_billion_laughs, None),
    "pdf-glyph-bomb": (pdf_text_bomb, 2),
    "pdf-stream-bomb": (pdf_stream_bomb, None),
    "50k-headings": (many_headings, 2),
    "same-heading-3000": (repeated_headings, None),
    "huge-line": (huge_line, 0),
    "invisible-only": (invisible_only, 2),
    "nul-late": (nul_late, 2),
    "nul-early": (nul_early, 2),
    "mostly-gbk": (mostly_gbk, 0),
    "garbage": (garbage, 2),
    "truncated-docx": (truncated_docx, 2),
    "truncated-pdf": (truncated_pdf, 2),
    "docx-named-pdf": (docx_named_pdf, 2),
    "pdf-named-docx": (pdf_named_docx, 2),
    "text-named-pdf": (text_named_pdf, 2),
    "symlink-loop": (symlink_loop, 2),
    "gbk-file-name": (gbk_file_name, 0),
}
