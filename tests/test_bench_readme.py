"""The README's Speed table is written by `make bench` between two markers, and nowhere else.

Only the writer (benchmarks/readme_table.py) is tested here, on temporary files: no
benchmark runs.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from benchmarks.readme_table import BEGIN, END, MarkerError, replace_between_markers, write_table

ROOT = Path(__file__).resolve().parent.parent

BEFORE = "# Title\n\n## Speed\n\nHow to read the table.\n\n"
AFTER = "\n\nText after the table, kept.\n\n## Next section\n"


def _readme(tmp_path: Path, inside: str = "| old | table |\n") -> Path:
    path = tmp_path / "README.md"
    path.write_text(f"{BEFORE}{BEGIN}\n{inside}{END}{AFTER}", encoding="utf-8")
    return path


def test_only_the_text_between_the_markers_is_replaced(tmp_path: Path) -> None:
    path = _readme(tmp_path)
    assert write_table(path, "Conditions.\n\n| new | table |\n|---|---|\n")
    assert path.read_text(encoding="utf-8") == (
        f"{BEFORE}{BEGIN}\nConditions.\n\n| new | table |\n|---|---|\n{END}{AFTER}"
    )


def test_writing_the_same_table_again_changes_nothing(tmp_path: Path) -> None:
    path = _readme(tmp_path)
    assert write_table(path, "| a |\n")
    first = path.read_bytes()
    before = path.stat().st_mtime_ns
    assert not write_table(path, "| a |\n")
    assert not write_table(path, "\n| a |\n\n")  # surrounding blank lines do not count
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == before


def test_the_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = _readme(tmp_path)
    inode = path.stat().st_ino
    write_table(path, "| b |\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    # A new file renamed over the old one, not the old one rewritten in place.
    assert path.stat().st_ino != inode


def test_a_failed_rename_leaves_the_readme_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _readme(tmp_path)
    original = path.read_bytes()

    def refuse(_source: object, _target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_table(path, "| c |\n")
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


@pytest.mark.parametrize("text", [
    "no markers at all\n",
    f"{BEGIN}\nonly the beginning\n",
    f"only the end\n{END}\n",
    f"{END}\nreversed\n{BEGIN}\n",
    f"{BEGIN}\n{END}\n{BEGIN}\n{END}\n",
])
def test_missing_or_misplaced_markers_are_refused_and_the_file_is_untouched(tmp_path: Path, text: str) -> None:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MarkerError):
        write_table(path, "| d |\n")
    assert path.read_text(encoding="utf-8") == text


def test_line_endings_and_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(f"intro\r\n{BEGIN}\r\nold\r\n{END}\r\nafter\r\n".encode())
    path.chmod(0o640)
    write_table(path, "| e |\n|---|\n")
    assert path.read_bytes() == f"intro\r\n{BEGIN}\r\n| e |\r\n|---|\r\n{END}\r\nafter\r\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_the_projects_readme_has_its_markers() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    replace_between_markers(text, "| table |")  # raises MarkerError when a marker is lost
    assert text.index(BEGIN) > text.index("## Speed")
