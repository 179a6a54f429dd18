"""The bundled CJK faces as reportlab reads them, kept in the user's cache folder once read.

reportlab reads a TrueType face by walking its tables in Python: the character map, the
advance widths and the glyph offsets of some 27,000 glyphs, about 0.15 s for the serif
face and 0.2 s for the sans face here, paid by every process on the first PDF it writes.
What it builds from the tables is plain data (dictionaries and lists of numbers), so it
is kept in a cache file (``core.cache_file``) with the font file's size and time, named for
the face and the reportlab version. A later process reads it back and reads the font file's
bytes, which reportlab needs to cut the subset of glyphs it embeds: about 55 ms for the serif
face and 75 ms for the sans here, against 0.3 to 0.45 s for reportlab's reading of both
(most of it is unmarshalling the per-glyph tables, which the subsets need). The font read
back is the one reportlab builds, attribute for attribute (a test compares them).
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from core import cache_file

_MAGIC = b"DZface1\n"
# Not kept: the font file's bytes (read again) and a scaling function (rebuilt from unitsPerEm).
_NOT_KEPT = frozenset({"_ttf_data", "_pdfScale"})
_NAMES = "\x00names"  # the key listing the attributes that are reportlab's TTFNameBytes
_SOURCE = "\x00source"  # the key of the font file's size and time when the copy was made


def face_font(name: str, path: Path, index: int) -> TTFont:
    """reportlab's font ``name`` of face ``index`` of the font file ``path``, its face read
    from the cache folder when a copy for this very file is there, else read and kept."""
    stat = path.stat()
    source = [stat.st_size, stat.st_mtime_ns]
    try:
        # One file per face, replaced when the font file changes: a new installation's fonts
        # do not leave the last one's copy behind.
        cached: Path | None = cache_file.path_for(f"face-{path.stem}-{index}", f"rl{reportlab.Version}")
    except OSError:  # no cache folder to be had: reportlab reads the face each time
        cached = None
    state = cache_file.read(cached, _MAGIC)
    if state.pop(_SOURCE, None) == source:
        try:
            return _font(name, _face(path, state))
        except (KeyError, AttributeError, TypeError, ValueError):
            pass  # a copy not of this shape: read again below
    font = TTFont(name, str(path), subfontIndex=index)
    cache_file.write(cached, _MAGIC, {**_state(font.face), _SOURCE: source})
    return font


def _state(face: TTFontFace) -> dict[str, Any]:
    """What ``_face`` needs to build ``face`` again, in values ``marshal`` can write."""
    state = {key: bytes(value) if isinstance(value, TTFNameBytes) else value
             for key, value in vars(face).items() if key not in _NOT_KEPT}
    state[_NAMES] = [key for key, value in vars(face).items() if isinstance(value, TTFNameBytes)]
    return state


def _face(path: Path, state: dict[str, Any]) -> TTFontFace:
    """The face whose attributes ``state`` holds, with the font file's bytes and its scaling."""
    face = TTFontFace.__new__(TTFontFace)
    names = set(state.pop(_NAMES, ()))
    face.__dict__.update({key: TTFNameBytes(value) if key in names else value for key, value in state.items()})
    face._ttf_data = path.read_bytes()
    factor = 1000 / face.unitsPerEm
    # reportlab's own scaling (TTFontFile.extractInfo): the identity for 1000 units per em.
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * factor)
    return face


def _font(name: str, face: TTFontFace) -> TTFont:
    """A font around ``face``, set up as ``TTFont.__init__`` sets one up around the face it reads."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
