"""How long work reports progress and learns it should stop: one protocol for the engine,
the exporters, the command line and the window.

A ``Progress`` callback takes the fraction done (0 to 1) and the text to show for what
is being done; a ``Cancel`` callback is polled between steps and turns true when the
caller wants the work to stop, which then raises ``core.errors.Cancelled``.

The steps are named by :class:`Stage`. A stage is a ``str`` whose value is its display
text (Chinese, the interface's source language), so a callback shows it as it is and
code compares it by member, never by its words; a run over many documents prefixes
the document's name to the stage's text.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from core.errors import Cancelled

# (fraction done in [0, 1], what is being done as display text) -> None
Progress = Callable[[float, str], None]
# () -> True once the caller wants the work to stop
Cancel = Callable[[], bool]


class Stage(StrEnum):
    """A named step of long work; the value is the text the window and the command line show."""

    READ = "读取文件"
    PREPARE = "清理与结构识别"  # clean, normalize and outline both sides
    SHARED = "查找相同表述"
    ALIGN = "对齐章节"
    DIFF = "逐词比较"
    STATISTICS = "统计"  # highlights, coverage, statistics, moves
    FINDINGS = "政策要点"
    DONE = "完成"
    COMPARE = "比较"  # a run over many documents, before any has said which stage it is in
    EXPORT = "正在导出"  # writing a report of one comparison
    WRITE_MATRIX = "写出对照矩阵"

    @property
    def label(self) -> str:
        """The text shown for this stage (its value, named for readers of the calling code)."""
        return self.value


def no_progress(_fraction: float, _stage: str) -> None:
    """A ``Progress`` that reports nowhere: the default when the caller passed none."""
    return None


def check(cancel: Cancel | None) -> None:
    """Raise ``Cancelled`` when ``cancel`` is given and says stop."""
    if cancel is not None and cancel():
        raise Cancelled("比较已取消")
