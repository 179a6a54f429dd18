"""The command line (DESIGN §5, §10): ``main.py compare`` as a process and ``cli.compare.run_compare``.

Exit 0 on success; exit 2 with exactly one line on stderr and no traceback for unusable
input or arguments; nothing written on failure; input files never changed. Also the
purity rule of DESIGN §2: ``core`` imports neither PySide6 nor ``gui``.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from cli.compare import run_compare

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "docs_in" / "sichuan_2020_decision_traditional.txt"
RIGHT = ROOT / "docs_in" / "luzhou_2020_decision.txt"


# --- running the command -------------------------------------------------------------------


def _run_process(args: list[str]) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "main.py", "compare", *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return proc.returncode, proc.stdout, proc.stderr


def _run_inline(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_compare(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


RUNNERS: dict[str, Callable[[list[str]], tuple[int, str, str]]] = {
    "process": _run_process,
    "inline": _run_inline,
}


@pytest.fixture(params=sorted(RUNNERS))
def run(request: pytest.FixtureRequest) -> Callable[[list[str]], tuple[int, str, str]]:
    return RUNNERS[request.param]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_usage_error(code: int, stderr: str) -> str:
    assert code == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].strip(), f"expected one line, got {stderr!r}"
    return lines[0]


def _load_json(path: Path) -> dict:  # type: ignore[type-arg]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "duizhao.comparison/1"
    return data  # type: ignore[no-any-return]


# --- success --------------------------------------------------------------------------------


def test_sample_pair_writes_json(run: Callable[[list[str]], tuple[int, str, str]], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    before = (_digest(LEFT), _digest(RIGHT))
    code, stdout, stderr = run([str(LEFT), str(RIGHT), "--json", str(target)])
    assert code == 0, stderr
    data = _load_json(target)
    assert data["left"]["path"] == str(LEFT) and data["right"]["path"] == str(RIGHT)
    assert data["pairs"] and data["matches"]
    assert "Traceback" not in stderr
    assert stdout.strip()  # the summary
    assert (_digest(LEFT), _digest(RIGHT)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left


def test_the_summary_of_an_implementation_counts_grades_local_items_and_pairings_to_check(tmp_path: Path) -> None:
    target = tmp_path / "o.json"
    code, stdout, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(target)])
    assert code == 0, stderr
    checks = sum(1 for a in _load_json(target)["assignments"] if a["rival"] is not None)
    assert "关系：落实" in stdout and "上级条目：照搬" in stdout and f"；待核 {checks}；" in stdout and checks > 0


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    code, stdout, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(tmp_path / "o.json"), "--quiet"])
    assert (code, stdout, stderr) == (0, "", "")


def test_options_reach_the_result(tmp_path: Path) -> None:
    target = tmp_path / "o.json"
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(target), "--min-shared", "12",
                                   "--no-t2s", "--quiet"])
    assert code == 0, stderr
    options = _load_json(target)["options"]
    assert options["min_shared"] == 12 and options["t2s"] is False


def test_help_exits_zero() -> None:
    proc = subprocess.run([sys.executable, "main.py", "compare", "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0
    assert "--json" in proc.stdout and "--min-shared" in proc.stdout


def _sample_display_text(path: Path) -> str:
    target = path.parent / (path.name + ".json")
    code, _, stderr = _run_inline([str(path), str(RIGHT), "--json", str(target), "--quiet"])
    assert code == 0, stderr
    return str(_load_json(target)["left"]["text"])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "gb18030", "utf-8-sig"])
def test_other_encodings_of_the_same_text(tmp_path: Path, encoding: str) -> None:
    text = RIGHT.read_text(encoding="utf-8")
    source = tmp_path / "utf8.txt"
    source.write_text(text, encoding="utf-8")
    other = tmp_path / f"{encoding}.txt"
    if encoding == "utf-16-le-bom":
        other.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    else:
        other.write_bytes(text.encode(encoding))
    assert _sample_display_text(other) == _sample_display_text(source)


def test_big5_traditional_text(tmp_path: Path) -> None:
    text = LEFT.read_text(encoding="utf-8")
    # Keep what Big5 can encode (web pages in Big5 have no characters outside it).
    encodable = "".join(ch for ch in text if _big5_ok(ch))
    path = tmp_path / "big5.txt"
    path.write_bytes(encodable.encode("big5"))
    shown = _sample_display_text(path)
    assert "雙城經濟圈" in shown and "泸" not in shown


def _big5_ok(ch: str) -> bool:
    try:
        ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


# --- unusable input ----------------------------------------------------------------------------


def _make_input(kind: str, tmp_path: Path) -> Path:
    rng = random.Random(7)
    if kind == "missing":
        return tmp_path / "missing.txt"
    if kind == "directory":
        folder = tmp_path / "folder.txt"
        folder.mkdir()
        return folder
    path = tmp_path / {"corrupt-docx": "bad.docx", "corrupt-pdf": "bad.pdf", "image-pdf": "scan.pdf",
                       "unknown-extension": "notes.xyz", "png": "picture.txt",
                       "truncated-docx": "half.docx"}.get(kind, f"{kind}.txt")
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_bytes(b" \r\n\t\n")
    elif kind == "random-bytes":
        path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    elif kind == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2048)))
    elif kind == "corrupt-docx":
        path.write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2048)))
    elif kind == "truncated-docx":
        from docx import Document

        full = tmp_path / "full.docx"
        doc = Document()
        doc.add_paragraph("一、总体要求")
        doc.save(str(full))
        path.write_bytes(full.read_bytes()[:1500])
        full.unlink()
    elif kind == "corrupt-pdf":
        path.write_bytes(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2048)))
    elif kind == "image-pdf":
        from reportlab.pdfgen import canvas

        page = canvas.Canvas(str(path))
        page.rect(100, 100, 300, 400, fill=1)
        page.showPage()
        page.save()
    elif kind == "unknown-extension":
        path.write_text("一、总体要求\n坚持创新发展。", encoding="utf-8")
    elif kind == "zip-as-docx":
        with zipfile.ZipFile(path.with_suffix(".docx"), "w") as archive:
            archive.writestr("hello.txt", "不是 Word 文件")
        return path.with_suffix(".docx")
    else:
        raise AssertionError(kind)
    return path


BAD_INPUTS = ["missing", "directory", "empty", "blank", "random-bytes", "png", "corrupt-docx",
              "truncated-docx", "zip-as-docx", "corrupt-pdf", "image-pdf", "unknown-extension"]


# Every case in-process on both sides; as a process (slower to start) on the left side only.
UNUSABLE_CASES = [(runner, kind, side) for kind in BAD_INPUTS for runner, side in
                  (("inline", "left"), ("inline", "right"), ("process", "left"))]


@pytest.mark.parametrize(("runner", "kind", "side"), UNUSABLE_CASES)
def test_unusable_input(tmp_path: Path, runner: str, kind: str, side: str) -> None:
    run = RUNNERS[runner]
    bad = _make_input(kind, tmp_path)
    good = tmp_path / "good.txt"
    good.write_bytes(RIGHT.read_bytes())
    before = {p: _digest(p) for p in tmp_path.rglob("*") if p.is_file()}
    target = tmp_path / "out.json"
    pair = [str(bad), str(good)] if side == "left" else [str(good), str(bad)]
    code, _, stderr = run([*pair, "--json", str(target)])
    line = _assert_usage_error(code, stderr)
    assert bad.name in line, f"the message names the file: {line}"
    if kind == "image-pdf":
        assert "文字" in line, line  # says there is no text layer
    assert not target.exists()
    assert {p: _digest(p) for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("args", [
    ["--min-shared", "abc"],
    ["--min-shared", "0"],
    ["--min-shared", "-3"],
    ["--min-shared", "201"],
    ["--redline", "{tmp}/r.docx", "--date", "yesterday"],
    ["--no-such-option"],
])
def test_bad_options(run: Callable[[list[str]], tuple[int, str, str]], tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "out.json"
    code, _, stderr = run([str(LEFT), str(RIGHT), "--json", str(target), *(a.format(tmp=tmp_path) for a in args)])
    _assert_usage_error(code, stderr)
    assert not target.exists()


def test_report_choices_reach_the_documents(tmp_path: Path) -> None:
    report, redline = tmp_path / "对照表.docx", tmp_path / "修订.docx"
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--quiet", "--docx", str(report), "--portrait",
                                   "--redline", str(redline), "--author", "省政府办公厅", "--date", "2026-11-30T09:30"])
    assert code == 0, stderr
    section = docx.Document(str(report)).sections[0]
    assert section.page_width < section.page_height  # portrait A4
    xml = zipfile.ZipFile(redline).read("word/document.xml").decode("utf-8")
    assert 'w:author="省政府办公厅"' in xml and 'w:date="2026-11-30T' in xml


def test_literal_scripts_reaches_the_redline(tmp_path: Path) -> None:
    """Traditional against Simplified: by default compared in Simplified, where only spacing is left to
    the reviewer of written form; with --literal-scripts as written, each script difference under him."""
    form_marks = []
    for flags in ([], ["--literal-scripts"]):
        redline = tmp_path / f"修订{len(flags)}.docx"
        code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--quiet", "--redline", str(redline),
                                       "--author", "张三", *flags])  # fmt: skip
        assert code == 0, stderr
        form_marks.append(zipfile.ZipFile(redline).read("word/document.xml").decode("utf-8")
                          .count('w:author="张三（仅写法不同）"'))  # fmt: skip
    assert form_marks[1] > 10 * form_marks[0]


IDENTICAL = "两份文件内容相同，没有差异"
UNRELATED = "警告：两份文件几乎没有相同内容，请确认是否选错了文件"


def test_identical_inputs_are_said_identical_and_changes_only_reaches_the_reports(tmp_path: Path) -> None:
    copy = tmp_path / "luzhou_copy.txt"
    copy.write_bytes(RIGHT.read_bytes())
    report, short = tmp_path / "full.docx", tmp_path / "changes.docx"
    code, stdout, stderr = _run_inline([str(RIGHT), str(copy), "--docx", str(report)])
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[1] == f"  {IDENTICAL}"  # right below the files compared
    code, stdout, stderr = _run_inline([str(RIGHT), str(copy), "--quiet", "--docx", str(short), "--changes-only"])
    assert (code, stdout, stderr) == (0, "", "")
    full_text = [p.text for p in docx.Document(str(report)).paragraphs]
    short_text = [p.text for p in docx.Document(str(short)).paragraphs]
    assert "逐条对照" in full_text and "逐条对照" not in short_text  # identical: the head says it all
    assert any(line.startswith("本表只列出改动，两份文件内容相同，略去全部") for line in short_text)
    assert IDENTICAL in docx.Document(str(short)).tables[0].cell(0, 0).text


def test_different_inputs_are_not_said_identical(tmp_path: Path) -> None:
    code, stdout, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(tmp_path / "o.json")])
    assert (code, stderr) == (0, "")
    assert IDENTICAL not in stdout


def test_unrelated_inputs_get_a_warning_on_stderr(run: Callable[[list[str]], tuple[int, str, str]],
                                                  tmp_path: Path) -> None:  # fmt: skip
    unrelated = ROOT / "tests/data/implementation/compulsory_education_shanghai/base.txt"
    plan = ROOT / "docs_in/jiangyang_14th_five_year_plan.txt"
    code, stdout, stderr = run([str(unrelated), str(plan), "--json", str(tmp_path / "o.json")])
    assert code == 0  # a warning, not a failure: the outputs are written
    assert stderr.splitlines() == [UNRELATED]
    assert stdout.strip() and (tmp_path / "o.json").is_file()
    code, stdout, stderr = _run_inline([str(unrelated), str(plan), "--json", str(tmp_path / "q.json"), "--quiet"])
    assert (code, stdout, stderr) == (0, "", UNRELATED + "\n")  # --quiet silences the summary, not the warning


def test_missing_argument(run: Callable[[list[str]], tuple[int, str, str]]) -> None:
    code, _, stderr = run([str(LEFT)])
    _assert_usage_error(code, stderr)


@pytest.mark.parametrize("option", ["--json", "--pdf", "--docx", "--redline"])
def test_output_may_not_overwrite_an_input(run: Callable[[list[str]], tuple[int, str, str]], tmp_path: Path,
                                           option: str) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_bytes(LEFT.read_bytes())
    right.write_bytes(RIGHT.read_bytes())
    before = (_digest(left), _digest(right))
    # Spelled differently from the input argument, so that only path resolution catches it.
    same_as_right = str(tmp_path / "sub" / ".." / "right.txt")
    (tmp_path / "sub").mkdir()
    code, _, stderr = run([str(left), str(right), option, same_as_right])
    _assert_usage_error(code, stderr)
    assert (_digest(left), _digest(right)) == before


@pytest.mark.parametrize(("option", "suffix", "magic"), [
    ("--pdf", ".pdf", b"%PDF-"),
    ("--docx", ".docx", b"PK\x03\x04"),
    ("--redline", ".docx", b"PK\x03\x04"),
])
def test_each_export_writes_its_format(tmp_path: Path, option: str, suffix: str, magic: bytes) -> None:
    target = tmp_path / f"out{suffix}"
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), option, str(target), "--quiet"])
    assert code == 0, stderr
    assert target.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_huge_file_is_handled_quickly(tmp_path: Path) -> None:
    sample = RIGHT.read_text(encoding="utf-8")
    huge = tmp_path / "huge.txt"
    copies = 10 * 1024 * 1024 // len(sample.encode("utf-8")) + 1
    huge.write_text(sample * copies, encoding="utf-8")
    assert huge.stat().st_size >= 10 * 1024 * 1024
    target = tmp_path / "out.json"
    started = time.perf_counter()
    code, _, stderr = _run_process([str(huge), str(RIGHT), "--json", str(target), "--quiet"])
    elapsed = time.perf_counter() - started
    assert elapsed < 60, elapsed
    if code == 0:
        _load_json(target)
    else:
        line = _assert_usage_error(code, stderr)
        assert "过大" in line or "过长" in line, line
        assert not target.exists()


# --- core purity ------------------------------------------------------------------------------

_PURITY_SCRIPT = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None  # any import of PySide6 or a submodule now fails
sys.modules["gui"] = None
sys.modules["cli"] = None
import core
import core.export
names = [m.name for m in pkgutil.walk_packages(core.__path__, "core.")]
for name in names:
    importlib.import_module(name)
leaked = [n for n, m in sys.modules.items()
          if m is not None and n.split(".")[0] in ("PySide6", "gui", "cli", "shiboken6")]
assert not leaked, leaked
assert "core.export.styles" in names, names
print(len(names))
"""


def test_core_imports_without_qt_or_an_interface() -> None:
    proc = subprocess.run([sys.executable, "-c", _PURITY_SCRIPT], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 10


def test_no_core_module_names_an_interface_or_qt_in_an_import() -> None:
    # Static as well: an import guarded by ``except ImportError`` would pass the dynamic check.
    offenders = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else []
            else:
                continue
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("gui", "cli", "PySide6", "shiboken6")]
    assert not offenders, offenders


@pytest.mark.parametrize("option", ["--json", "--pdf"])
def test_output_to_a_device_or_pipe_is_refused_before_work(tmp_path: Path, option: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (os.devnull, str(fifo)):
        code, _, stderr = _run_inline([str(LEFT), str(RIGHT), option, target])
        assert "不是普通文件" in _assert_usage_error(code, stderr)
    assert Path(os.devnull).is_char_device() and fifo.is_fifo()


def test_dash_writes_json_to_standard_output(tmp_path: Path) -> None:
    code, stdout, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", "-"])
    assert code == 0, stderr
    assert json.loads(stdout)["schema"] == "duizhao.comparison/1"
    assert not Path("-").exists()


# --- outputs checked first, all or nothing; every failure a line (issue 13) -------------------


def _no_comparison(*args: object, **kwargs: object) -> None:
    raise AssertionError("the comparison ran although an output was unusable")


@pytest.mark.parametrize("bad", ["missing-folder", "long-name", "input"])
def test_every_output_is_checked_before_the_comparison(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       bad: str) -> None:
    monkeypatch.setattr("core.compare.compare", _no_comparison)
    good = tmp_path / "good.json"
    target = {"missing-folder": str(tmp_path / "无" / "r.pdf"), "long-name": str(tmp_path / ("长" * 90 + ".pdf")),
              "input": str(RIGHT)}[bad]
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(good), "--pdf", target])
    assert "--pdf" in _assert_usage_error(code, stderr)
    assert os.listdir(tmp_path) == []


def test_one_failing_output_leaves_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from core.export import docx_redline

    def full(result: object, path: Path, *_progress: object, **_choices: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    # Outputs are written in the order json, docx, redline, pdf: the JSON is done (staged)
    # when the redline fails, and must not be left.
    first, second = tmp_path / "a.json", tmp_path / "b.docx"
    monkeypatch.setattr(docx_redline, "write_redline", full)
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--redline", str(second), "--json", str(first)])
    line = _assert_usage_error(code, stderr)
    assert "磁盘空间不足" in line and str(second) in line
    assert os.listdir(tmp_path) == []


def test_disk_full_in_the_export_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from core import atomic

    def full(temp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_sync", full)
    target = tmp_path / "out.json"
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(target)])
    assert _assert_usage_error(code, stderr) == f"duizhao: 无法写入 {target}：磁盘空间不足"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("value", ["-1", "abc", "nan"])
def test_bad_timeout_is_a_usage_error(value: str) -> None:
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--timeout", value])
    assert "--timeout" in _assert_usage_error(code, stderr) or "timeout" in stderr


def test_input_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    # As a process: the message must survive printing, which a StringIO would not test.
    name = "政策".encode("gbk").decode("utf-8", "surrogateescape")
    bad = tmp_path / f"{name}.txt"
    bad.write_bytes(b"")
    proc = subprocess.run([sys.executable, "main.py", "compare", str(bad), str(RIGHT)], cwd=ROOT,
                          capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "Traceback" not in stderr
    assert "“政策.txt”：文件为空" in stderr


def test_json_of_an_input_named_in_gbk_is_valid_utf8(tmp_path: Path) -> None:
    name = "政策".encode("gbk").decode("utf-8", "surrogateescape")
    source = tmp_path / f"{name}.txt"
    source.write_bytes(RIGHT.read_bytes())
    target = tmp_path / "out.json"
    code, _, stderr = _run_inline([str(LEFT), str(source), "--json", str(target), "--quiet"])
    assert code == 0, stderr
    assert _load_json(target)["right"]["path"].endswith("政策.txt")


def test_every_export_of_an_input_named_in_gbk_is_written(tmp_path: Path) -> None:
    name = "政策".encode("gbk").decode("utf-8", "surrogateescape")
    source = tmp_path / f"{name}.txt"
    source.write_bytes(RIGHT.read_bytes())
    outputs = {"--docx": tmp_path / "对照表.docx", "--pdf": tmp_path / "对照表.pdf",
               "--redline": tmp_path / "修订.docx"}
    code, _, stderr = _run_inline([str(LEFT), str(source), "--quiet",
                                   *(part for option, path in outputs.items() for part in (option, str(path)))])
    assert code == 0, stderr
    properties = zipfile.ZipFile(outputs["--docx"]).read("docProps/core.xml").decode("utf-8")
    assert "政策.txt" in properties
    assert all(path.stat().st_size > 0 for path in outputs.values())


def test_symlink_loop_as_input_or_output(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    code, _, stderr = _run_inline([str(first), str(RIGHT)])
    assert "符号链接循环" in _assert_usage_error(code, stderr)
    code, _, stderr = _run_inline([str(LEFT), str(RIGHT), "--json", str(first)])
    assert "符号链接循环" in _assert_usage_error(code, stderr)
