"""The parts of a .docx package, read without trusting them.

XML is parsed with options that never fetch, expand or include anything; every inflated part
is read through a cap on what actually inflates, not on the size the zip directory claims.
A package that breaks any of this raises ``DocxError`` with the reason the user reads.
"""

from __future__ import annotations

import posixpath
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# styles.xml and numbering.xml are parsed whole: real ones are a few hundred kilobytes.
MAX_SIDE_PART_BYTES = 16 * 1024 * 1024
CORRUPT = "Word 文件已损坏或无法打开"
_RELS = "word/_rels/document.xml.rels"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class DocxError(Exception):
    """The archive is not a readable Word document; the message is the user-facing reason."""


def parser_options() -> dict[str, Any]:
    """lxml options that never fetch, expand or include anything: no DTD, no entities, no
    network, no huge-tree mode (which lifts libxml2's depth and size guards)."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def side_part(zf: zipfile.ZipFile, reltype: str, default: str) -> Any:
    """The root element of the part the main document relates to by ``reltype``, or None."""
    from lxml import etree

    name = default
    if _RELS in zf.namelist():
        rels = etree.fromstring(_read_part(zf, _RELS), etree.XMLParser(**parser_options()))
        for rel in rels.iterchildren(_REL_NS + "Relationship"):
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
                break
        else:
            return None
    if name not in zf.namelist():
        return None
    return etree.fromstring(_read_part(zf, name), etree.XMLParser(**parser_options()))


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_SIDE_PART_BYTES:
        raise DocxError(f"文件过大（{name} 解压后超过 {MAX_SIDE_PART_BYTES // (1024 * 1024)} MB）")
    with zf.open(info) as stream:
        return Capped(stream, MAX_SIDE_PART_BYTES).read()


class Capped:
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
