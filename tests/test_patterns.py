"""The engine's patterns built from the cache file behave exactly as ``re.compile``'s (``core.patterns``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import core.compare  # noqa: F401  every module with fixed patterns is imported, and has compiled them
from core import patterns
from core.cache_file import Table

SAMPLES = ("第一条 为了规范管理，制定本办法。", "（二）加快白酒产业\n2025年底前完成90%以上",
           "Article 3: 本法所称水土保持，是指……", "")


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache file of its own and an empty memory of forms, restored afterwards."""
    path = tmp_path / "patterns.bin"
    monkeypatch.setattr(patterns, "_forms", Table(lambda: path, patterns._MAGIC))
    return path


def _reloaded() -> None:
    patterns._forms.entries.clear()
    patterns._forms.load()


def test_every_engine_pattern_rebuilt_from_its_program_equals_re_compile() -> None:
    forms = dict(patterns._forms.entries)
    assert len(forms) > 40  # the engine's fixed patterns are all kept
    for (pattern, flags), form in forms.items():
        rebuilt = patterns._INTERNALS[0].compile(pattern, *form)  # type: ignore[index]
        assert rebuilt == re.compile(pattern, flags), pattern


def test_a_pattern_survives_the_file_and_matches_the_same(cache_file: Path) -> None:
    source = r"(?P<number>第[一二三四五六七八九十百]+条)\s*(?P<rest>[^。]*)|(\d+)%|^Article"
    flags = re.MULTILINE | re.IGNORECASE
    fresh = patterns.compiled(source, flags)
    patterns.save()
    assert cache_file.is_file()
    _reloaded()
    assert (source, int(flags)) in patterns._forms.entries
    cached = patterns.compiled(source, flags)
    assert cached == fresh == re.compile(source, flags)
    assert cached.groupindex == fresh.groupindex and cached.groups == fresh.groups
    for text in SAMPLES:
        assert [m.groups() for m in cached.finditer(text)] == [m.groups() for m in fresh.finditer(text)]


def test_nothing_is_written_when_no_pattern_is_new(cache_file: Path) -> None:
    patterns.save()
    assert not cache_file.exists()


def test_a_damaged_file_is_ignored(cache_file: Path) -> None:
    patterns.compiled(r"[一-龥]+", 0)
    patterns.save()
    data = bytearray(cache_file.read_bytes())
    data[-3] ^= 0xFF
    cache_file.write_bytes(bytes(data))
    _reloaded()
    assert patterns._forms.entries == {}
    assert patterns.compiled(r"[一-龥]+").findall("甲乙 abc 丙") == ["甲乙", "丙"]


def test_a_program_the_engine_refuses_falls_back_to_compiling(cache_file: Path) -> None:
    patterns._forms.entries[("a+b", 0)] = (0, [99999, 1, 2], 0, {}, (None,))
    assert patterns.compiled("a+b").fullmatch("aab") is not None


def test_the_engine_s_patterns_are_the_same_strings_whatever_the_hash_seed(tmp_path: Path) -> None:
    # A pattern joined from a set in its iteration order differs from start to start: it is
    # never found in the cache file, which was then written again, a little larger, on every run.
    import os
    import subprocess
    import sys

    script = ("import core.compare, core.findings\nfrom core import patterns\n"
              "print(sorted(repr(key) for key in patterns._forms.entries))")
    seen = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / seed)}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent.parent, check=True)
        seen.append(done.stdout)
    assert seen[0] == seen[1]
