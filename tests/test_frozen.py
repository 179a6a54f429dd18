"""Smoke test of the frozen app (PyInstaller folder), run by `make exe-check` and the Windows workflow.

Set DUIZHAO_FROZEN to the built folder (dist/Duizhao). The frozen command line must
give exactly the result the source tree gives on the sample pair, so a data file left
out of the bundle (OpenCC tables, the policy dictionary, fonts) fails here, and each
export must open and hold both sides' wording. The window must start, compare the
sample pair and quit cleanly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as WordDocument
from test_export_redline import left_as_compared, reconstruct

from core.compare import compare
from core.export.json_report import to_json

FROZEN = os.environ.get("DUIZHAO_FROZEN")
pytestmark = pytest.mark.skipif(not FROZEN, reason="set DUIZHAO_FROZEN to the built folder (make exe-check)")

SUFFIX = ".exe" if sys.platform == "win32" else ""
SAMPLES = Path(__file__).resolve().parent.parent / "docs_in"
LEFT = SAMPLES / "sichuan_2020_decision_traditional.txt"
RIGHT = SAMPLES / "luzhou_2020_decision.txt"


def _program(name: str) -> Path:
    assert FROZEN
    path = Path(FROZEN) / f"{name}{SUFFIX}"
    assert path.is_file(), f"missing {path}"
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("frozen")
    out = {name: folder / f"out.{suffix}" for name, suffix in
           (("json", "json"), ("pdf", "pdf"), ("docx", "docx"), ("redline", "redline.docx"))}
    run = subprocess.run(
        [str(_program("duizhao-cli")), "compare", str(LEFT), str(RIGHT), "--quiet",
         *(arg for name, path in out.items() for arg in (f"--{name}", str(path)))],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return out


def _without_paths(data: dict) -> dict:
    for side in ("left", "right"):
        data[side].pop("path")
    return data


def test_frozen_result_equals_the_source_result(outputs: dict[str, Path]) -> None:
    frozen = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert _without_paths(frozen) == _without_paths(to_json(compare(LEFT, RIGHT)))


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils (pdffonts, pdftotext)")
def test_frozen_pdf_embeds_its_font_and_holds_both_sides(outputs: dict[str, Path]) -> None:
    fonts = subprocess.run(["pdffonts", str(outputs["pdf"])], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts.splitlines()[2:]), fonts
    text = "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(outputs["pdf"]), "-"],
                                  capture_output=True, text=True, check=True).stdout.split())
    assert "推動川渝毗鄰地區聯動發展" in text and "深化毗邻地区合作" in text


def test_frozen_word_exports_open(outputs: dict[str, Path]) -> None:
    report = "".join(cell.text for table in WordDocument(str(outputs["docx"])).tables
                     for row in table.rows for cell in row.cells)
    assert "推動川渝毗鄰地區聯動發展" in report and "深化毗邻地区合作" in report
    # The two sides differ in script, so the redline compares the left in the right's script.
    accepted, rejected = reconstruct(outputs["redline"])
    source = compare(LEFT, RIGHT)
    assert (accepted, rejected) == (source.right.text, left_as_compared(source))


def test_frozen_cli_refuses_bad_input_cleanly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = subprocess.run([str(_program("duizhao-cli")), "compare", str(empty), str(RIGHT)],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_frozen_window_compares_the_sample_pair_and_quits(tmp_path: Path) -> None:
    # Its own settings folder (Linux): the window saves its layout and recent files on quitting,
    # and a test must not change the ones of whoever runs it.
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_CONFIG_HOME=str(tmp_path))
    run = subprocess.run([str(_program("Duizhao")), "--self-test"], capture_output=True, text=True,
                         encoding="utf-8", timeout=120, env=env)
    # A windowed Windows program has no stdout: the exit status is the verdict.
    assert run.returncode == 0, run.stdout + run.stderr
