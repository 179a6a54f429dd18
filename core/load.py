"""Read a policy document from disk: plain text (any common Chinese encoding), Word .docx or PDF.

``load`` tells the type from the extension and the content, hands the bytes to the reader of
that type (``core.decode``, ``core.load_docx``, ``core.load_pdf``) and returns the raw text with
line breaks normalised to ``"\\n"``; cleaning (web chrome, PDF noise, reflow) is ``clean.py``'s
job. The caps on a file and the way it is refused are ``core.load_limits``'.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from core import patterns
from core.decode import decode_text
from core.errors import printable
from core.load_limits import MAX_PARAGRAPHS, MAX_TEXT_CHARS, fail, read_bytes
from core.load_pdf import pdf_text
from core.text_checks import shows

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES
SUPPORTED = "请使用 .txt、.docx 或 .pdf"


@dataclass(frozen=True)
class Loaded:
    """A document's raw text and where it came from."""

    path: str
    text: str
    source_format: str  # "txt" | "docx" | "pdf"
    encoding: str | None  # detected encoding for txt, None otherwise


def load(path: str | os.PathLike[str]) -> Loaded:
    """Read ``path`` (.txt/.text, .md/.markdown, .docx, .pdf; text also without extension) into a ``Loaded``.

    A Markdown file is read as the text it shows, without its markup (``core.load_markdown``).

    Raises ``InputError`` (and nothing else) for anything unusable: missing file, folder,
    unsupported or mislabelled type, unknown encoding, corrupt file, no text layer, too large.
    """
    p = Path(path)
    name = printable(p.name or str(path))
    data = read_bytes(p, name)
    kind = _sniff(data)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES or (suffix == "" and kind not in ("pdf", "docx")):
        if kind == "docx":
            fail(name, "不是文本文件，内容实际是 Word 文档，请把扩展名改为 .docx")
        if kind == "pdf":
            fail(name, "不是文本文件，内容实际是 PDF 文件，请把扩展名改为 .pdf")
        text, encoding = decode_text(data, name)
        if suffix in MARKDOWN_SUFFIXES:
            text = _markdown_text(_finish(text, name))
        return Loaded(str(path), _finish(text, name), "txt", encoding)
    if suffix in (".docx", ".doc", "") and kind == "docx":
        return Loaded(str(path), _finish(_docx_text(data, name), name), "docx", None)
    if suffix in (".docx", ".doc"):
        if kind == "pdf":
            fail(name, "内容实际是 PDF 文件，请把扩展名改为 .pdf")
        if kind == "ole" or suffix == ".doc":
            fail(name, "这是旧版 Word 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再打开")
        fail(name, "Word 文件已损坏或无法打开")
    if suffix in (".pdf", ""):
        return Loaded(str(path), _finish(pdf_text(data, name), name), "pdf", None)
    fail(name, f"不支持的文件类型 {suffix}，{SUPPORTED}")


def _sniff(data: bytes) -> str:
    """``"pdf"``, ``"docx"`` (a zip holding word/document.xml), ``"zip"``, ``"ole"`` or ``""``."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import zipfile  # here, not at the top: only a zip needs it (a few ms to import)

        try:
            with zipfile.ZipFile(BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return ""


# Finishing ------------------------------------------------------------------------------------

_LINE_BREAKS = patterns.compiled("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_UNWANTED = patterns.compiled("[\x00-\x08\x0e-\x1f\x7f\ufeff\ufffe]")
# Private-use characters at a line's edges (after its indent, before its end): glyphs the
# page or PDF font it was copied from mapped nowhere, which would hide the article number
# after them from the outline (\ue004第三十六条). Inside a line one may stand for a rare
# character of a name, and stays (the comparison form drops it: ``core.normalize``).
_PRIVATE_AT_EDGES = patterns.compiled("(?m)^([^\\S\n]*)[\ue000-\uf8ff]+|[\ue000-\uf8ff]+(?=[^\\S\n]*$)")


def _finish(text: str, name: str) -> str:
    text = _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))
    kept = _PRIVATE_AT_EDGES.sub(lambda found: found.group(1) or "", text)
    if not _has_visible(kept):
        fail(name, "文件为空（只有空白或不可见字符）" if text.strip() else "文件为空")
    text = kept
    if len(text) > MAX_TEXT_CHARS:
        fail(name, f"文本过长（超过 {MAX_TEXT_CHARS:,} 字）")
    paragraphs = count_paragraphs(text)
    if paragraphs > MAX_PARAGRAPHS:
        fail(name, f"段落过多（{paragraphs:,} 段，上限 {MAX_PARAGRAPHS:,} 段）")
    return text


def _has_visible(text: str) -> bool:
    """Whether ``text`` holds at least one character that shows on the page."""
    return any(map(shows, text))


def count_paragraphs(text: str) -> int:
    """Non-blank lines of ``text``: the paragraphs (and headings) the outline will see."""
    return sum(1 for line in text.split("\n") if line.strip())


# Markdown -----------------------------------------------------------------------------------------


def _markdown_text(text: str) -> str:
    from core.load_markdown import markdown_text  # here: markdown-it-py loads only for a Markdown file

    return markdown_text(text)


# Word ---------------------------------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    from core.docx_xml import DocxError
    from core.load_docx import docx_text

    try:
        return docx_text(data, MAX_TEXT_CHARS, MAX_PARAGRAPHS)
    except DocxError as exc:
        fail(name, str(exc))
