"""Fuzzing the command line with hostile files (issue 13): every case ends in exit 0 with a
result or exit 2 with one line on stderr, never a traceback or exit 1, never a hang, never
a changed input, never a partial output; the bombs stay under 1 GB and 60 s.

``make test`` runs the short version (small files, few examples, fixed seed);
``make fuzz`` sets DUIZHAO_FUZZ_SCALE and DUIZHAO_FUZZ_EXAMPLES for a longer run.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzz.hostile import HOSTILE, SAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.compare import run_compare

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("DUIZHAO_FUZZ_SCALE", "1"))
EXAMPLES = int(os.environ.get("DUIZHAO_FUZZ_EXAMPLES", "15"))
SECONDS = 60.0  # the bound for any hostile file
PEAK_BYTES = 1024**3
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=SCALE == 1,
                         suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _fingerprint(folder: Path) -> dict[str, str]:
    """Digest of every regular file under ``folder`` (symlinks not followed)."""
    out = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                out[os.fsencode(path).hex()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _leftovers(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".~")]


def _compare(args: list[str]) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = run_compare([*args, "--quiet", "--timeout", str(SECONDS)], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


def _assert_ended_well(code: int, stderr: str, seconds: float, output: Path) -> None:
    assert code in (0, 2), stderr
    assert "Traceback" not in stderr and "内部错误" not in stderr, stderr
    if code == 2:
        lines = stderr.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].startswith("duizhao: "), stderr
        assert not output.exists()
    else:
        assert output.stat().st_size > 0
    assert not _leftovers(output.parent)
    assert seconds < SECONDS


# --- the hostile corpus, in this process --------------------------------------------------------


# The glyph bomb costs seconds of a child process at its memory limit; the short run
# measures it once, in a fresh process (below).
INLINE_CASES = sorted(case for case in HOSTILE if SCALE > 1 or case != "pdf-glyph-bomb")


@pytest.mark.parametrize("case", INLINE_CASES)
def test_hostile_file_ends_in_a_result_or_one_line(tmp_path: Path, case: str) -> None:
    build, expected = HOSTILE[case]
    inputs = tmp_path / "in"
    inputs.mkdir()
    bad = build(inputs, SCALE)
    good = inputs / "good.txt"
    good.write_bytes(SAMPLE.read_bytes())
    before = _fingerprint(inputs)
    output = tmp_path / "out.json"
    code, _, stderr, seconds = _compare([str(bad), str(good), "--json", str(output)])
    _assert_ended_well(code, stderr, seconds, output)
    if expected is not None:
        assert code == expected, stderr
    if code == 2:
        name = os.fsdecode(bad.name)
        assert name in stderr or name.encode("utf-8", "surrogateescape").decode("gb18030", "replace") in stderr
    assert _fingerprint(inputs) == before


# --- memory and time, measured in a fresh process ---------------------------------------------------

_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True, encoding="utf-8", errors="replace")
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KB on Linux
print(proc.returncode, seconds, peak)
sys.stderr.write(proc.stderr)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="peak memory through getrusage in bytes on Linux")
@pytest.mark.parametrize("case", ["docx-empty-paragraph-bomb", "pdf-glyph-bomb", "50k-headings"])
def test_bombs_stay_under_a_gigabyte_and_a_minute(tmp_path: Path, case: str) -> None:
    bad = HOSTILE[case][0](tmp_path, SCALE)
    output = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "main.py", "compare", str(bad), str(SAMPLE),
         "--json", str(output), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=2 * SECONDS,
    )
    code, seconds, peak = proc.stdout.split()
    assert int(code) == 2, proc.stderr
    assert float(seconds) < SECONDS
    assert int(peak) < PEAK_BYTES, f"{int(peak) / 2**20:.0f} MB"
    assert "Traceback" not in proc.stderr and bad.name in proc.stderr


# --- work that ends ------------------------------------------------------------------------------


def test_timeout_stops_the_comparison_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(*args: object, **kwargs: object) -> None:
        while True:  # a comparison that never finishes, in Python code as the engine is
            time.sleep(0.01)

    monkeypatch.setattr("core.compare.compare", endless)
    output = tmp_path / "out.json"
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    code = run_compare([str(SAMPLE), str(SAMPLE), "--json", str(output), "--timeout", "1"], stdout=out, stderr=err)
    assert time.perf_counter() - started < 10
    assert code == 2 and "--timeout" in err.getvalue() and "未写出任何文件" in err.getvalue()
    assert err.getvalue().count("\n") == 1
    assert not output.exists() and not _leftovers(tmp_path)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_removes_the_temporary_files(tmp_path: Path, signum: int) -> None:
    # The flush of the finished temporary file is slowed down, so the signal comes while
    # the temporary file is on disk.
    driver = (
        "import sys, time\n"
        "import core.atomic as atomic\n"
        "atomic._sync = lambda temp: time.sleep(60)\n"
        "from main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    output = tmp_path / "out.json"
    proc = subprocess.Popen(
        [sys.executable, "-c", driver, "compare", str(SAMPLE), str(SAMPLE), "--json", str(output), "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    deadline = time.monotonic() + 60
    while not _leftovers(tmp_path) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert _leftovers(tmp_path), "the temporary file never appeared"
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr and stderr.count("\n") == 1
    assert not _leftovers(tmp_path) and not output.exists()


# --- generated documents and bytes (hypothesis) --------------------------------------------------

_PIECES = st.sampled_from([
    "一、总体要求", "（一）加强组织领导。", "1. 完善机制", "第一条 为了规范管理，制定本办法。", "第一章 总则",
    "专栏1 重点项目", "——推进改革", "①", "（十四）深化毗邻地区合作", "二○二○年七月三十一日", "中共泸州市委",
    "\u200b\u3000", "\t", "。。。。", "《》“”", "0.5%", "\ufeff", "\x0c", "\u2028", "\U0001f600", "\ue000",
    "全市上下要团结一心。", "加强" * 50,
])
_DOCUMENT = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=60).map("\n".join)


@FUZZ_SETTINGS
@given(left=_DOCUMENT, right=_DOCUMENT, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
def test_generated_documents_compare_or_are_refused(tmp_path: Path, left: str, right: str, encoding: str) -> None:
    folder = tmp_path / f"g{time.perf_counter_ns()}"
    folder.mkdir()
    paths = []
    for name, text in (("left.txt", left), ("right.txt", right)):
        path = folder / name
        path.write_bytes(text.encode(encoding, errors="replace"))
        paths.append(str(path))
    before = _fingerprint(folder)
    output = folder / "out.json"
    code, _, stderr, seconds = _compare([*paths, "--json", str(output)])
    _assert_ended_well(code, stderr, seconds, output)
    output.unlink(missing_ok=True)
    assert _fingerprint(folder) == before


_PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
             "一、".encode("gb18030"), "一、总体要求\n".encode()]


@FUZZ_SETTINGS
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=3000),
       suffix=st.sampled_from([".txt", ".docx", ".pdf", ".md", "", ".doc"]))
def test_arbitrary_bytes_through_the_command_line(tmp_path: Path, prefix: bytes, body: bytes, suffix: str) -> None:
    folder = tmp_path / f"b{time.perf_counter_ns()}"
    folder.mkdir()
    bad = folder / f"fuzz{suffix}"
    bad.write_bytes(prefix + body)
    before = _fingerprint(folder)
    output = folder / "out.json"
    code, _, stderr, seconds = _compare([str(bad), str(SAMPLE), "--json", str(output)])
    _assert_ended_well(code, stderr, seconds, output)
    output.unlink(missing_ok=True)
    assert _fingerprint(folder) == before
