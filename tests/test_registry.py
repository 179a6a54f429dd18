"""The one table of export formats: what the command line and the window both read."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from test_export_rows import sample_comparison

from cli.compare import build_parser as compare_parser
from cli.matrix import build_parser as matrix_parser
from core.export.registry import FORMATS, Choices, Target, formats_for, menu_formats
from core.result import Comparison


def test_keys_and_options_are_unique() -> None:
    assert len({f.key for f in FORMATS}) == len(FORMATS)
    for target in Target:
        options = [f.option for f in formats_for(target)]
        assert len(options) == len(set(options)), target


@pytest.mark.parametrize(("target", "parser"), [(Target.COMPARISON, compare_parser), (Target.MATRIX, matrix_parser)])
def test_every_format_has_its_command_line_option(target: Target, parser) -> None:  # type: ignore[no-untyped-def]
    declared = {action.dest for action in parser()._actions}
    assert {f.option for f in formats_for(target)} <= declared


def test_the_window_menu_lists_the_reports_of_a_comparison() -> None:
    assert [f.key for f in menu_formats()] == ["docx_report", "docx_redline", "pdf_report"]
    assert all(f.target is Target.COMPARISON and f.label.endswith("…") for f in menu_formats())


def test_writers_take_the_progress_and_the_choices_they_declare() -> None:
    keywords = {Choices.NONE: set(), Choices.REPORT: {"options"},
                Choices.REDLINE: {"author", "date", "literal_scripts"}}
    for f in FORMATS:
        parameters = list(inspect.signature(f.write).parameters)
        assert parameters[1:3] == ["path", "progress"], f.key
        assert set(parameters[3:]) == keywords[f.choices], f.key
        assert f.suffix.startswith(".") and f.file_filter.endswith(f"(*{f.suffix})"), f.key


def test_a_writer_writes_its_format(tmp_path: Path) -> None:
    comparison: Comparison = sample_comparison()
    json_format = next(f for f in formats_for(Target.COMPARISON) if f.option == "json")
    target = tmp_path / f"out{json_format.suffix}"
    json_format.write(comparison, target)
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "duizhao.comparison/1"
