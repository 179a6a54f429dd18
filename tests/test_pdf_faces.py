"""The report faces read back from the cache folder are the fonts reportlab builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFont

from core import cache_file
from core.export import pdf_faces
from core.export.pdf_fonts import SERIF_FONT_FILE, SERIF_FONT_INDEX
from core.resources import resource_path

SERIF = resource_path(*SERIF_FONT_FILE)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own."""
    monkeypatch.setattr(cache_file, "cache_dir", lambda: tmp_path)
    return tmp_path


def _comparable(font: TTFont) -> dict[str, object]:
    """The font's attributes and its face's, what differs by object identity left out."""
    mine = {key: value for key, value in vars(font).items() if key not in ("face", "encoding", "state")}
    face = {key: (type(value), value) for key, value in vars(font.face).items() if key != "_pdfScale"}
    return {"font": mine, "face": face, "scale": [font.face._pdfScale(x) for x in (0, 1, 512, 1024)]}


def test_the_face_read_back_is_the_face_reportlab_reads(cache: Path) -> None:
    read = pdf_faces.face_font("Serif", SERIF, SERIF_FONT_INDEX)
    assert len(list(cache.glob("face-*"))) == 1, "the face read is kept"
    again = pdf_faces.face_font("Serif", SERIF, SERIF_FONT_INDEX)
    assert again.face is not read.face
    assert _comparable(again) == _comparable(TTFont("Serif", str(SERIF), subfontIndex=SERIF_FONT_INDEX))
    assert isinstance(again.face.familyName, TTFNameBytes)
    assert again.stringWidth("宋体字宽", 12) == read.stringWidth("宋体字宽", 12)
    subset = list(map(ord, "中华人民共和国"))
    assert again.face.makeSubset(subset) == read.face.makeSubset(subset)


def test_a_damaged_cache_file_is_read_again_from_the_font(cache: Path) -> None:
    pdf_faces.face_font("Serif", SERIF, SERIF_FONT_INDEX)
    (kept,) = cache.glob("face-*")
    kept.write_bytes(kept.read_bytes()[:-100])
    font = pdf_faces.face_font("Serif", SERIF, SERIF_FONT_INDEX)
    assert font.face.numGlyphs > 20000
    assert cache_file.read(kept, pdf_faces._MAGIC), "the damaged copy is replaced"


def test_a_changed_font_file_replaces_its_copy(cache: Path, tmp_path: Path) -> None:
    font_file = tmp_path / "fonts" / SERIF.name
    font_file.parent.mkdir()
    shutil.copyfile(SERIF, font_file)
    pdf_faces.face_font("Serif", font_file, SERIF_FONT_INDEX)
    (kept,) = cache.glob("face-*")
    os.utime(font_file, ns=(0, 10**18))
    font = pdf_faces.face_font("Serif", font_file, SERIF_FONT_INDEX)
    assert font.face.numGlyphs > 20000
    assert list(cache.glob("face-*")) == [kept], "one copy per face"
    assert cache_file.read(kept, pdf_faces._MAGIC)[pdf_faces._SOURCE][1] == 10**18


def test_without_a_cache_folder_the_face_is_read_from_the_font(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder() -> Path:
        raise OSError("no cache folder")

    monkeypatch.setattr(cache_file, "cache_dir", no_folder)
    assert pdf_faces.face_font("Serif", SERIF, SERIF_FONT_INDEX).face.numGlyphs > 20000
