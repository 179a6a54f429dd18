"""Atomic export writes: all or nothing, an existing file survives a failure, locks are explained."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_export_rows import sample_comparison

from core.errors import InputError
from core.export import atomic
from core.export.atomic import write_atomically
from core.export.docx_report import write_docx_report


def test_writes_the_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomically(target, lambda temp: temp.write_text("完成", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "完成"
    assert os.listdir(tmp_path) == ["out.txt"]
    assert target.stat().st_mode & 0o777 == 0o644 or os.name == "nt"


def test_failure_keeps_the_existing_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("旧内容", encoding="utf-8")

    def broken(temp: Path) -> None:
        temp.write_text("写了一半", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_locked_target_gets_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "对照表.docx"
    target.write_bytes(b"old")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", locked)
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0)
    with pytest.raises(InputError) as caught:
        write_docx_report(sample_comparison(), target)
    message = str(caught.value)
    assert str(target) in message and "被其他程序占用" in message and "请关闭后重试" in message
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["对照表.docx"]


def test_transient_lock_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_replace = os.replace

    def flaky(src: str, dst: str) -> None:
        calls.append(src)
        if len(calls) == 1:
            raise PermissionError(13, "busy")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky)
    monkeypatch.setattr(atomic, "_REPLACE_PAUSE", 0)
    target = tmp_path / "out.txt"
    write_atomically(target, lambda temp: temp.write_text("好", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "好" and len(calls) == 2


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        write_atomically(tmp_path / "没有" / "out.pdf", lambda temp: None)


def test_directory_as_target_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    with pytest.raises(InputError, match="无法写入"):
        write_atomically(folder, lambda temp: temp.write_text("x", encoding="utf-8"))
    assert folder.is_dir()


# --- inputs are sacred; only regular files are replaced ----------------------------------


def _input(tmp_path: Path) -> Path:
    source = tmp_path / "原稿.txt"
    source.write_text("第一条　原文。", encoding="utf-8")
    return source


def _spellings(tmp_path: Path, source: Path) -> list[Path]:
    """Other names of ``source``: through ``..``, a symlink and a hard link."""
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    hard = tmp_path / "hard.txt"
    os.link(source, hard)
    return [source, tmp_path / "sub" / ".." / source.name, link, hard]


def test_an_input_is_never_written_over_under_any_name(tmp_path: Path) -> None:
    source = _input(tmp_path)
    for name in _spellings(tmp_path, source):
        with pytest.raises(InputError, match="输入文件"):
            write_atomically(name, lambda temp: temp.write_text("覆盖", encoding="utf-8"), [source])
    assert source.read_text(encoding="utf-8") == "第一条　原文。"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_every_exporter_refuses_its_own_input(tmp_path: Path) -> None:
    from dataclasses import replace

    source = _input(tmp_path)
    comparison = sample_comparison()
    comparison = replace(comparison, left=replace(comparison.left, path=str(source)))
    with pytest.raises(InputError):
        write_docx_report(comparison, source)
    assert source.read_text(encoding="utf-8") == "第一条　原文。"


def test_a_device_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (Path(os.devnull), fifo):
        with pytest.raises(InputError, match="不是普通文件"):
            write_atomically(target, lambda temp: temp.write_text("x", encoding="utf-8"))
    assert Path(os.devnull).is_char_device()
    assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symlink_to_a_device_is_refused_and_kept(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(os.devnull)
    with pytest.raises(InputError, match="不是普通文件"):
        write_atomically(link, lambda temp: temp.write_text("x", encoding="utf-8"))
    assert link.is_symlink() and os.readlink(link) == os.devnull


def test_a_symlink_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("旧", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(real)
    write_atomically(link, lambda temp: temp.write_text("新", encoding="utf-8"))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "新"


def test_a_symlink_loop_is_a_message(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(InputError):
        write_atomically(loop, lambda temp: temp.write_text("x", encoding="utf-8"))
    assert loop.is_symlink()
