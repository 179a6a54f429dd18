"""Strength of obligation (modal words) and responsible bodies in comparison-form text.

The graded scale of modal words (必须 > 应当 > 力争 > 支持 > 探索 ...) and the labels of
duty lists (牵头单位, 责任单位, 配合单位 ...) are data, read once from
``resources/findings/modal_scale.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from core import patterns
from core.quantities import Mention
from core.resources import resource_path

_SCALE_FILE = ("findings", "modal_scale.txt")
# A list runs to the closing bracket, the next clause or the end of the sentence.
_LIST_END = ");；。\n"
_BODY_SEPARATORS = patterns.compiled(r"[、,，/]")  # one character each: offsets below rely on it
_ETC = patterns.compiled(r"等(?:单位|部门)?$")


@dataclass(frozen=True)
class Scale:
    """Modal words with their level (higher binds more strongly) and the duty-list labels."""

    levels: dict[str, int]
    duty_labels: tuple[str, ...]
    # Levels that words take in laws and regulations (written in 第X条 articles), where they differ.
    statute_levels: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def scale() -> Scale:
    """The scale, read from the resource file on first use."""
    levels: dict[str, int] = {}
    statute: dict[str, int] = {}
    labels: list[str] = []
    part = ""
    for raw in resource_path(*_SCALE_FILE).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            part = line[1:-1]
        elif part in ("modal", "statute"):
            level, *words = line.split()
            for word in words:
                (levels if part == "modal" else statute)[word] = int(level)
        elif part == "duty":
            labels.extend(line.split())
    return Scale(levels, tuple(labels), statute)


@lru_cache(maxsize=1)
def _duty_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in sorted(scale().duty_labels, key=len, reverse=True))
    return re.compile(rf"(?P<label>{labels})\s*[:：]\s*(?P<list>[^{re.escape(_LIST_END)}]*)")


def modals(text: str, tokens: Sequence[tuple[int, int]], lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Modal words among ``tokens`` (spans into ``text``) that lie in ``[lo, hi)``.

    Whole tokens only, so 要 in 重要 or 主要 never counts. The key is ``(word, level)``.
    """
    levels = scale().levels
    end = len(text) if hi is None else hi
    out = []
    for start, stop in tokens:
        if lo <= start and stop <= end:
            word = text[start:stop]
            level = levels.get(word)
            if level is not None:
                out.append(Mention(start, stop, (word, level)))
    return out


def duties(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Bodies named in duty lists in ``text[lo:hi]``; the key is ``(label, body)``.

    （牵头单位：区自然资源和规划分局、区发展改革局等单位） gives two bodies; a trailing
    等单位 / 等部门 is not part of the last body.
    """
    out = []
    for m in _duty_pattern().finditer(text, lo, len(text) if hi is None else hi):
        label = m.group("label")
        at = m.start("list")
        for piece in _BODY_SEPARATORS.split(m.group("list")):
            body = _ETC.sub("", piece.rstrip())
            offset = at + (len(piece) - len(piece.lstrip()))
            body = body.strip()
            if body:
                out.append(Mention(offset, offset + len(body), (label, body)))
            at += len(piece) + 1
    return out
