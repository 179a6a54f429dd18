"""Atomic export writes: all or nothing, an existing file survives a failure, locks are explained."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_export_rows import sample_comparison

from core import atomic
from core.atomic import write_atomically
from core.errors import InputError
from core.export.docx_report import write_docx_report

ROOT = Path(__file__).resolve().parent.parent


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


# --- names, all or nothing, full disks, signals (issue 13) ---------------------------------------


@pytest.mark.parametrize("name", ["报" * 79 + "ab.json", "a" * 250 + ".json"], ids=["244-bytes", "255-bytes"])
def test_a_name_at_the_length_limit_gets_a_short_temporary(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    assert len(os.fsencode(name)) in (244, 255)
    seen: list[str] = []

    def write(temp: Path) -> None:
        seen.append(temp.name)
        temp.write_text("好", encoding="utf-8")

    assert atomic.check_writable(target) == target
    write_atomically(target, write)
    assert target.read_text(encoding="utf-8") == "好"
    assert seen[0].startswith(".~") and len(seen[0]) <= 20
    assert os.listdir(tmp_path) == [target.name]


def test_a_name_over_the_limit_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件名过长"):
        atomic.check_writable(tmp_path / ("a" * 260 + ".pdf"))
    assert os.listdir(tmp_path) == []


def test_check_writable_refuses_a_missing_folder_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        atomic.check_writable(tmp_path / "没有" / "out.pdf")
    atomic.check_writable(tmp_path / "out.pdf")
    assert os.listdir(tmp_path) == []


def test_all_or_nothing_moves_every_output_only_at_the_end(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    with atomic.all_or_nothing():
        write_atomically(first, lambda temp: temp.write_text("一", encoding="utf-8"))
        assert not first.exists()  # staged under its temporary name
        write_atomically(second, lambda temp: temp.write_text("二", encoding="utf-8"))
    assert first.read_text(encoding="utf-8") == "一" and second.read_text(encoding="utf-8") == "二"
    assert sorted(os.listdir(tmp_path)) == ["a.json", "b.json"]


def test_all_or_nothing_leaves_nothing_when_one_output_fails(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    second.write_text("旧", encoding="utf-8")

    def broken(temp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(InputError) as caught, atomic.all_or_nothing():
        write_atomically(first, lambda temp: temp.write_text("一", encoding="utf-8"))
        write_atomically(second, broken)
    assert "磁盘空间不足" in str(caught.value) and str(second) in str(caught.value)
    assert sorted(os.listdir(tmp_path)) == ["b.json"] and second.read_text(encoding="utf-8") == "旧"


def test_a_failed_move_puts_the_earlier_targets_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("旧一", encoding="utf-8")
    real_replace = os.replace

    def refuse_second(src: str, dst: str) -> None:
        if Path(dst) == second:
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    with pytest.raises(InputError) as caught, atomic.all_or_nothing():
        write_atomically(first, lambda temp: temp.write_text("新一", encoding="utf-8"))
        write_atomically(second, lambda temp: temp.write_text("新二", encoding="utf-8"))
        monkeypatch.setattr(atomic.os, "replace", refuse_second)
    assert "未写出任何文件" in str(caught.value)
    assert first.read_text(encoding="utf-8") == "旧一" and not second.exists()
    assert os.listdir(tmp_path) == ["a.json"]


def test_disk_full_while_writing_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(temp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_sync", full)
    target = tmp_path / "报告.json"
    with pytest.raises(InputError) as caught:
        write_atomically(target, lambda temp: temp.write_text("x", encoding="utf-8"))
    assert str(caught.value) == f"无法写入 {target}：磁盘空间不足"
    assert os.listdir(tmp_path) == []


def test_remove_temporaries_clears_what_is_on_disk(tmp_path: Path) -> None:
    seen: list[Path] = []

    def write(temp: Path) -> None:
        temp.write_text("x", encoding="utf-8")
        seen.append(temp)
        atomic.remove_temporaries()  # what a signal handler does mid-write
        assert not temp.exists()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "out.json", write)
    assert os.listdir(tmp_path) == [] and seen


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_what_a_killed_run_left_is_removed_by_the_next_output_once_stale(tmp_path: Path) -> None:
    target = tmp_path / "报告.json"
    target.write_text("旧", encoding="utf-8")
    # A run killed while writing its output: nothing can remove its temporary file then.
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from pathlib import Path\n"
         "from core.atomic import write_atomically\n"
         "def write(temp):\n"
         "    temp.write_text('半', encoding='utf-8'); print('writing', flush=True); time.sleep(60)\n"
         "write_atomically(Path(sys.argv[1]), write)\n", str(target)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = [p for p in tmp_path.iterdir() if p != target]
    assert len(left) == 1 and left[0].name.startswith(".~dz")
    # A fresh one may belong to a run still going: kept.
    atomic.check_writable(target)
    assert left[0].exists()
    hour_ago = time.time() - 3700
    os.utime(left[0], (hour_ago, hour_ago))
    atomic.check_writable(target)
    assert sorted(tmp_path.iterdir()) == [target]
    assert target.read_text(encoding="utf-8") == "旧"


def test_only_stale_files_of_its_own_naming_are_removed(tmp_path: Path) -> None:
    names = [".~dzk3j9x0a_.pdf", ".~dz0badcafe.bak", ".~lock.报告.docx#", ".~dzshort.pdf", "~$报告.docx",
             ".~dzk3j9x0a_"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".~dzabcdefgh.pdf").mkdir()  # a folder is never removed
    removed = atomic.remove_stale(tmp_path, now=time.time() + 7200)
    assert sorted(p.name for p in removed) == [".~dz0badcafe.bak", ".~dzk3j9x0a_", ".~dzk3j9x0a_.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".~dzabcdefgh.pdf", ".~lock.报告.docx#",
                                                                 ".~dzshort.pdf", "~$报告.docx"])
    assert atomic.remove_stale(tmp_path) == []
