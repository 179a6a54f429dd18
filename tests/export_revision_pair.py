"""A draft and its revision, edited by hand from the first two parts of the Jiangyang plan.

The edits are the ones a drafter makes between 征求意见稿 and 送审稿: a target raised, a
paragraph deleted, one added, two principles swapped, a sentence re-worded. The two
files share their title, as two versions of one document do.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.compare import compare
from core.options import Options
from core.result import Comparison

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs_in/jiangyang_14th_five_year_plan.txt"
DELETED = "城乡统筹发展全域提升。"
ADDED = "积极参与川渝毗邻地区合作平台建设，推动泸永江融合发展示范区共建共享，力争到2025年合作项目达到30个。"


def revised_lines(lines: list[str]) -> list[str]:
    """The draft's lines with the revision's edits applied (line numbers are the draft's, from 0)."""
    out = list(lines)
    out[11] = out[11].replace("年均增长15%", "年均增长18%")
    out[35] = out[35].replace("保持", "力争保持", 1)
    out[60] = out[60].replace("积极助推", "全力推动", 1)
    out[29], out[31] = out[31], out[29]  # two principles swapped
    out.insert(59, ADDED)
    return [line for line in out if not line.startswith(DELETED)]


@cache
def revision_files(folder: Path) -> tuple[Path, Path]:
    """The draft and the revision as two text files in ``folder``."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")[:78]
    draft, revised = folder / "江阳区规划（征求意见稿）.txt", folder / "江阳区规划（送审稿）.txt"
    draft.write_text("\n".join(lines), encoding="utf-8")
    revised.write_text("\n".join(revised_lines(lines)), encoding="utf-8")
    return draft, revised


def revision_comparison(folder: Path) -> Comparison:
    """The draft compared with its revision, as a revision."""
    draft, revised = revision_files(folder)
    return compare(draft, revised, Options(relation="revision"))
