"""Time from launching the window to its first paint and to the sample pair's result on screen.

    python benchmarks/bench_window.py [--runs N] [--json]

Starts ``main.py --self-test`` as a child process under the current display, N times
after one untimed launch (the disk cache warm, settings written, as on a second start),
with ``DUIZHAO_TIMINGS=1``: the self-test then prints the seconds from its process start
(as the operating system records it) to the window's first paint and to the compared
sample pair painted on screen (see ``gui/app.py``). As a check, this script also times
the same two moments from just before it spawned the child, on the same clock, and
reports by how much the two origins differ. Budgets (DESIGN.md section 11): first paint
<= 0.5 s, result on screen <= 1.0 s.

Without a display there is nothing to paint on: Linux without DISPLAY or WAYLAND_DISPLAY
reports "skipped: no display". On a machine without one, run it under Xvfb:

    xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb .venv/bin/python benchmarks/bench_window.py

``--json`` prints the medians as one JSON object instead of lines (``benchmarks/run.py``
reads it when it starts this script under xvfb-run itself). Exits 0 whatever the figures,
1 when the self-test fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST_PAINT_BUDGET_S = 0.5
RESULT_BUDGET_S = 1.0
CHILD_TIMEOUT_S = 120
XVFB_SCREEN = "-screen 0 1920x1200x24"


class WindowFailure(Exception):
    """The window's self-test failed or printed no timings."""


@dataclass(frozen=True)
class WindowTimes:
    """Medians of the launches, in seconds.

    ``first_paint`` and ``result`` count from the origin the app reports (``origin``:
    its process start, or its ``run()`` where the OS does not tell); the ``spawn_``
    figures count from just before this script spawned the child, and ``origin_offset``
    is the median of (app's origin - spawn), the check of the two.
    """

    first_paint: float
    result: float
    spawn_first_paint: float
    spawn_result: float
    origin_offset: float
    origin: str
    platform: str
    runs: int


def display_available() -> bool:
    """Whether a window can be shown: always off Linux, else when DISPLAY or WAYLAND_DISPLAY is set."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def xvfb_command() -> list[str] | None:
    """The xvfb-run prefix that gives a child a virtual display with Qt's X11 platform, None without xvfb-run."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        return None
    return [xvfb_run, "-a", "-s", XVFB_SCREEN, "env", "QT_QPA_PLATFORM=xcb"]


def launch(config: Path) -> tuple[dict[str, object], float]:
    """One self-test launch: the app's timings and the ``perf_counter`` reading just before the spawn."""
    env = dict(os.environ, DUIZHAO_TIMINGS="1", XDG_CONFIG_HOME=str(config))
    env.pop("DUIZHAO_SELF_TEST", None)
    spawned = time.perf_counter()
    done = subprocess.run([sys.executable, "main.py", "--self-test"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=CHILD_TIMEOUT_S)
    if done.returncode != 0:
        raise WindowFailure(f"main.py --self-test exited {done.returncode}:\n{done.stderr}{done.stdout}")
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            timings: dict[str, object] = json.loads(line)
            return timings, spawned
    raise WindowFailure(f"main.py --self-test printed no timings:\n{done.stdout}")


def _seconds(value: object) -> float:
    if not isinstance(value, int | float):
        raise WindowFailure(f"not a time: {value!r}")
    return float(value)


def window_times(runs: int) -> WindowTimes:
    """Medians of ``runs`` launches after an untimed one; raises WindowFailure when the self-test fails.

    Each launch reads and writes its settings in a folder of its own, shared by the
    launches of this call only, so the user's settings are neither read nor changed.
    """
    samples: list[tuple[float, float, float, float, float]] = []
    origin = ""
    with tempfile.TemporaryDirectory() as config:
        launch(Path(config))
        for _ in range(runs):
            timings, spawned = launch(Path(config))
            clock = timings["clock"]
            if not isinstance(clock, dict):
                raise WindowFailure(f"no clock readings: {timings}")
            origin = str(timings["origin"])
            app_origin = _seconds(clock["process_start"] if origin == "process start" else clock["run"])
            samples.append((
                _seconds(timings["first_paint"]), _seconds(timings["result_on_screen"]),
                _seconds(clock["first_paint"]) - spawned, _seconds(clock["result_on_screen"]) - spawned,
                app_origin - spawned,
            ))
    first, result, spawn_first, spawn_result, offset = (
        statistics.median(column) for column in zip(*samples, strict=True))
    platform = os.environ.get("QT_QPA_PLATFORM", "") or "Qt's default"
    return WindowTimes(first, result, spawn_first, spawn_result, offset, origin, platform, runs)


def main() -> int:
    """Print the medians (lines, or one JSON object with --json)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the medians as one JSON object")
    args = parser.parse_args()
    if not display_available():
        print(json.dumps({"skipped": "no display"}) if args.json else "skipped: no display")
        return 0
    try:
        times = window_times(args.runs)
    except (WindowFailure, subprocess.TimeoutExpired) as exc:
        print(f"window benchmark failed: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(asdict(times)))
        return 0
    for label, seconds, budget in (("first paint", times.first_paint, FIRST_PAINT_BUDGET_S),
                                   ("result on screen", times.result, RESULT_BUDGET_S)):
        verdict = "PASS" if seconds <= budget else "FAIL"
        print(f"{label:17} {seconds * 1000:6.0f} ms from {times.origin}  budget <= {budget:g} s: {verdict}")
    print(f"from the spawn: first paint {times.spawn_first_paint * 1000:.0f} ms, result "
          f"{times.spawn_result * 1000:.0f} ms; app origin - spawn {times.origin_offset * 1000:+.0f} ms "
          f"(median of {times.runs}, platform {times.platform})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
