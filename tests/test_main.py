"""``main.py``: one argument parser whose sub-commands are the window, ``compare`` and ``matrix``.

Each command line sub-command's help is exactly its own parser's (``cli.compare``,
``cli.matrix``); files with no sub-command open the window, as they always did; a wrong
argument is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import types
from pathlib import Path

import pytest

import main
from cli import compare, matrix

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"


def _sub_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = main.build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_top_level_help_lists_every_sub_command() -> None:
    proc = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    for command in main.COMMANDS:
        assert f"\n    {command} " in proc.stdout, command
    assert proc.stdout.startswith("usage: duizhao ")


@pytest.mark.parametrize("module", [compare, matrix], ids=["compare", "matrix"])
def test_a_sub_command_helps_exactly_as_its_own_parser(module: types.ModuleType) -> None:
    name = module.__name__.rsplit(".", 1)[1]
    assert _sub_parsers()[name].format_help() == module.build_parser().format_help()


@pytest.mark.parametrize("command", ["compare", "matrix"])
def test_sub_command_help_as_a_process(command: str) -> None:
    proc = subprocess.run([sys.executable, "main.py", command, "--help"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    module = compare if command == "compare" else matrix
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"usage: duizhao {command} ")
    assert "--min-shared" in proc.stdout and module.DESCRIPTION in proc.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["gui"]),
        (["a.txt"], ["gui", "a.txt"]),
        (["a.txt", "b.txt"], ["gui", "a.txt", "b.txt"]),
        (["--self-test"], ["gui", "--self-test"]),
        (["a.txt", "--self-test", "b.txt"], ["gui", "--self-test", "a.txt", "b.txt"]),
        (["gui", "a.txt", "--self-test"], ["gui", "--self-test", "a.txt"]),
        (["compare", "a", "b"], ["compare", "a", "b"]),
        (["matrix", "a", "b", "c"], ["matrix", "a", "b", "c"]),
        (["--version"], ["--version"]),
        (["-h"], ["-h"]),
        (["help"], ["--help"]),
    ],
)
def test_files_without_a_sub_command_go_to_the_window(argv: list[str], expected: list[str]) -> None:
    assert main.with_command(argv) == expected


def _fake_window(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], bool]]:
    """Stand in for ``gui.app`` so that no window opens; records each call of ``run``."""
    calls: list[tuple[list[str], bool]] = []

    def run(paths: list[str], self_test: bool = False) -> int:
        calls.append((list(paths), self_test))
        return 0

    monkeypatch.setitem(sys.modules, "gui.app", types.SimpleNamespace(run=run))
    return calls


@pytest.mark.parametrize(
    ("argv", "paths", "self_test"),
    [
        ([], [], False),
        (["a.txt"], ["a.txt"], False),
        (["a.txt", "b.txt"], ["a.txt", "b.txt"], False),
        (["gui", "a.txt", "b.txt"], ["a.txt", "b.txt"], False),
        (["--self-test"], [], True),
        (["a.txt", "--self-test", "b.txt"], ["a.txt", "b.txt"], True),
    ],
)
def test_the_window_opens_on_the_files_given(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], paths: list[str], self_test: bool
) -> None:
    calls = _fake_window(monkeypatch)
    assert main.main(argv) == 0
    assert calls == [(paths, self_test)]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["a.txt", "b.txt", "c.txt"], "至多载入两个文件"),
        (["compar", str(LEFT), str(RIGHT)], "子命令"),
        (["--bogus"], "--bogus"),
        (["compare", str(LEFT)], "right"),
        (["compare", str(LEFT), str(RIGHT), "--bogus"], "--bogus"),
        (["compare", str(LEFT), str(RIGHT), "--min-shared", "1"], "--min-shared"),
        (["matrix", str(LEFT)], "other"),
    ],
)
def test_a_wrong_argument_is_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    calls = _fake_window(monkeypatch)
    assert main.main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("duizhao: 参数错误：") and err.count("\n") == 1 and words in err
    assert calls == []


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from core.resources import version

    assert main.main(["--version"]) == 0
    assert capsys.readouterr().out == f"Duizhao {version()}\n"
