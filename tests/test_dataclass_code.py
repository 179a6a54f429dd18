"""Dataclasses built from cached code behave exactly as ones ``dataclasses`` compiles (``core.dataclass_code``)."""

from __future__ import annotations

import dataclasses
import sys
import types
from pathlib import Path

import pytest

from core import dataclass_code
from core.cache_file import Table


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache file of its own and an empty memory of code, restored afterwards."""
    path = tmp_path / "dataclass-code.bin"
    monkeypatch.setattr(dataclass_code, "_code", Table(lambda: path, dataclass_code._MAGIC))
    return path


def _reloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the compiled code and read the file again, as a new start does."""
    dataclass_code._code.entries.clear()
    monkeypatch.setattr(dataclasses, "exec", None, raising=False)  # installed afresh below
    dataclass_code.install()


_POINT = """
import dataclasses

@dataclasses.dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = dataclasses.field(default=(), compare=False)
"""


def _point_class(module: str = "core._dataclass_code_example") -> type:
    """A frozen, ordered dataclass defined in ``module`` (by default one of the engine's, whose
    classes are kept)."""
    namespace = types.ModuleType(module)
    sys.modules[module] = namespace
    try:
        exec(_POINT, namespace.__dict__)
    finally:
        del sys.modules[module]
    point: type = namespace.Point
    return point


def test_the_engine_compiles_its_dataclasses_through_the_cache() -> None:
    import core.result  # noqa: F401  the result classes are defined by now

    assert dataclasses.__dict__.get("exec") is dataclass_code._exec
    assert len(dataclass_code._code.entries) > 100


def test_a_class_built_from_cached_code_behaves_as_a_compiled_one(
        cache_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _point_class()
    assert dataclass_code._code.new
    dataclass_code.save()
    assert cache_file.is_file()
    _reloaded(monkeypatch)
    assert dataclass_code._code.entries and not dataclass_code._code.new
    cached = _point_class()
    assert not dataclass_code._code.new  # every method came from the file
    a, b = cached(1, 2, ("甲",)), cached(1, 2)
    assert a == b and hash(a) == hash(b) and a < cached(2)
    assert repr(a) == repr(fresh(1, 2, ("甲",))).replace(fresh.__qualname__, cached.__qualname__)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        cached()  # x has no default
    assert dataclasses.replace(a, y=5) == cached(1, 5)


def test_nothing_is_written_when_no_code_is_new(cache_file: Path) -> None:
    dataclass_code.save()
    assert not cache_file.exists()


def test_a_damaged_file_is_ignored(cache_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _point_class()
    dataclass_code.save()
    data = bytearray(cache_file.read_bytes())
    data[-3] ^= 0xFF
    cache_file.write_bytes(bytes(data))
    _reloaded(monkeypatch)
    assert dataclass_code._code.entries == {}
    assert _point_class()(4).y == 0


def test_another_packages_classes_are_compiled_as_usual(cache_file: Path) -> None:
    _point_class("elsewhere.example")
    assert not dataclass_code._code.new and dataclass_code._code.entries == {}
