"""Revised-draft generator with known truth, for measuring alignment quality.

It takes a cleaned policy document, applies one kind of revision a drafter makes
(delete, insert foreign sections, edit lightly or heavily, rename, move across
chapters, split, merge, renumber, convert to Traditional) to a share of its
paragraphs, and records for every output line which original lines it derives
from. A leaf pair (original leaf, revised leaf) is true when a line of the revised
leaf derives from a line of the original leaf.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from core.clean import clean
from core.model import Section
from core.outline import match_heading, outline

VARIANTS = (
    "delete", "insert", "light", "heavy", "rename", "move", "split", "merge", "renumber",
    "traditional", "mixed",
)

_CN_DIGITS = "零一二三四五六七八九"
_FILLER = (
    "进一步完善工作机制", "切实加强统筹协调", "按照有关要求", "结合本地实际", "持续推进",
    "加大支持力度", "健全考核评价体系", "强化督促检查", "确保各项任务落到实处", "积极稳妥推进",
)
_SWAPS = (("加快", "加速"), ("推动", "推进"), ("建设", "打造"), ("加强", "强化"), ("支持", "鼓励"),
          ("完善", "健全"), ("提升", "提高"), ("深化", "深入推进"), ("发展", "发展壮大"), ("构建", "建立"))


@dataclass
class Line:
    text: str
    sources: frozenset[int]  # indices of original lines this line derives from


@dataclass
class Revision:
    """A revised text with the truth of where each of its lines came from."""

    original: str
    revised: str
    lines: list[Line]
    variant: str
    seed: int

    def truth(self, left: tuple[Section, ...], right: tuple[Section, ...]) -> set[tuple[str, str]]:
        """True leaf pairs between the outline of the original and that of the revision."""
        left_lines = leaf_line_indices(self.original, left)
        right_lines = leaf_line_indices(self.revised, right)
        owner: dict[int, str] = {}
        for sid, indices in left_lines.items():
            for i in indices:
                owner[i] = sid
        out = set()
        for sid, indices in right_lines.items():
            for i in indices:
                for source in self.lines[i].sources:
                    if source in owner:
                        out.add((owner[source], sid))
        return out


def leaf_line_indices(text: str, sections: tuple[Section, ...]) -> dict[str, list[int]]:
    """Line indices (of ``text.split('\\n')``) whose start lies in each leaf."""
    starts = []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    out: dict[str, list[int]] = {}
    for s in sections:
        if s.is_leaf:
            out[s.id] = [i for i, start in enumerate(starts) if s.start <= start < s.end]
    return out


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def _units(text: str) -> list[int]:
    """Lines that are whole leaves (a paragraph or a run-in item): the units a drafter edits."""
    sections = outline(text, "L")[0]
    line_starts: dict[int, int] = {}
    pos = 0
    for i, line in enumerate(text.split("\n")):
        line_starts[pos] = i
        pos += len(line) + 1
    out = []
    for s in sections:
        if s.is_leaf and s.start in line_starts and "\n" not in text[s.start : s.end] and s.role != "preamble":
            line = text[s.start : s.end]
            if len(line) >= 30 and "。" in line:
                out.append(line_starts[s.start])
    return sorted(out)


def _split_number(text: str) -> tuple[str, str]:
    found = match_heading(text)
    if not found:
        return "", text
    number = found[1]
    at = text.find(number) + len(number)
    return text[:at], text[at:]


def _light_edit(text: str, rng: random.Random) -> str:
    prefix, body = _split_number(text)
    for _ in range(2):
        options = [(a, b) for a, b in _SWAPS if a in body]
        if options:
            a, b = rng.choice(options)
            at = rng.choice([m.start() for m in re.finditer(a, body)])
            body = body[:at] + b + body[at + len(a):]
    clauses = re.split(r"(?<=[，,；;])", body)
    at = rng.randrange(len(clauses))
    clauses.insert(at, rng.choice(_FILLER) + "，")
    return prefix + "".join(clauses)


def _heavy_edit(text: str, rng: random.Random, foreign: list[str]) -> str:
    prefix, body = _split_number(text)
    clauses = [c for c in re.split(r"(?<=[，,；;。])", body) if c]
    kept = []
    for index, clause in enumerate(clauses):
        roll = rng.random()
        if index == 0 or roll >= 0.4:
            kept.append(_light_edit(clause, rng) if roll > 0.85 else clause)
        elif roll < 0.2:
            donor = [c for c in re.split(r"(?<=[，,；;。])", rng.choice(foreign)) if len(c) > 6]
            kept.append(rng.choice(donor) if donor else clause)
    return prefix + "".join(kept)


def _rename(text: str, rng: random.Random) -> str:
    prefix, body = _split_number(text)
    cut = body.find("。")
    if prefix and 0 < cut <= 40:
        title = body[:cut]
        words = [title[i : i + 2] for i in range(0, len(title), 2)]
        rng.shuffle(words)
        new_title = rng.choice(("全面", "着力", "大力", "持续")) + "".join(words[: max(2, len(words) - 1)])
        return prefix + new_title + body[cut:]
    return _light_edit(text, rng)


def _renumber(lines: list[Line]) -> None:
    """Number each scheme's items consecutively again (a drafter's final pass)."""
    counters: dict[str, int] = {}
    rank = {"part": 0, "chapter": 1, "section": 2, "cn": 3, "cn_paren": 4, "num": 5, "num_paren": 6}
    for line in lines:
        found = match_heading(line.text)
        if not found or found[0] not in rank:
            continue
        scheme, number = found
        for other in list(counters):
            if rank[other] > rank[scheme]:
                del counters[other]
        counters[scheme] = counters.get(scheme, 0) + 1
        n = counters[scheme]
        fresh = {
            "part": f"第{_cn_number(n)}篇", "chapter": f"第{_cn_number(n)}章", "section": f"第{_cn_number(n)}节",
            "cn": f"{_cn_number(n)}、", "cn_paren": f"（{_cn_number(n)}）", "num": f"{n}.", "num_paren": f"（{n}）",
        }[scheme]
        at = line.text.find(number)
        line.text = line.text[:at] + fresh + line.text[at + len(number):]


def revise(text: str, variant: str, seed: int, foreign_text: str, share: float = 0.2) -> Revision:
    """Apply ``variant`` to about ``share`` of the editable paragraphs of ``text``.

    ``text`` is a raw document; it is cleaned first, as the engine would. Lines of
    ``foreign_text`` supply inserted sections and rewritten clauses.
    """
    rng = random.Random(f"{variant}:{seed}")
    original = clean(text).text
    original_lines = original.split("\n")
    foreign = [line for line in clean(foreign_text).text.split("\n") if len(line) > 40 and "。" in line]
    lines = [Line(t, frozenset({i})) for i, t in enumerate(original_lines)]
    units = _units(original)
    chosen = sorted(rng.sample(units, max(1, int(len(units) * share))))
    kinds = [variant] * len(chosen)
    if variant == "mixed":
        kinds = [rng.choice(("delete", "insert", "light", "heavy", "move", "split", "merge")) for _ in chosen]

    unit_set = set(units)
    out_of: dict[int, list[Line]] = {i: [line] for i, line in enumerate(lines)}
    moved: list[Line] = []
    for index, kind in zip(chosen, kinds, strict=True):
        if not out_of[index]:
            continue  # merged into its predecessor already
        line = out_of[index][0]
        prefix, _body = _split_number(line.text)
        if kind == "delete":
            out_of[index] = []
        elif kind == "insert":
            _, donor_body = _split_number(rng.choice(foreign))
            out_of[index] = [line, Line(prefix + donor_body, frozenset())]
        elif kind == "light":
            line.text = _light_edit(line.text, rng)
        elif kind == "heavy":
            line.text = _heavy_edit(line.text, rng, foreign)
        elif kind == "rename":
            line.text = _rename(line.text, rng)
        elif kind == "move":
            moved.append(line)
            out_of[index] = []
        elif kind == "split":
            sentences = [s for s in re.split(r"(?<=。)", line.text) if s]
            if len(sentences) >= 3:
                cut = len(sentences) // 2
                out_of[index] = [Line("".join(sentences[:cut]), line.sources),
                                 Line(prefix + "".join(sentences[cut:]), line.sources)]
        elif kind == "merge":
            following = out_of.get(index + 1)
            if following and index + 1 in unit_set and len(following) == 1:
                _, next_body = _split_number(following[0].text)
                out_of[index] = [Line(line.text + next_body, line.sources | following[0].sources)]
                out_of[index + 1] = []
    result = [line for i in sorted(out_of) for line in out_of[i]]
    for line in moved:
        # Across chapters: before another editable line of the same kind (numbered item
        # before numbered item, paragraph before paragraph) anywhere in the body.
        scheme = (match_heading(line.text) or ("",))[0]
        targets = [
            i for i, other in enumerate(result)
            if other.sources and min(other.sources) in unit_set and min(other.sources) > units[0]
            and (match_heading(other.text) or ("",))[0] == scheme
        ]
        result.insert(rng.choice(targets) if targets else len(result), line)
    if variant in ("renumber", "mixed", "move", "split", "merge"):
        _renumber(result)
    if variant == "traditional":
        import opencc

        converter = opencc.OpenCC("s2t")
        for line in result:
            line.text = converter.convert(line.text)
    revised = "\n".join(line.text for line in result)
    return Revision(original, revised, result, variant, seed)
