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
from dataclasses import dataclass, field

from core.clean import clean
from core.document import Section
from core.kinds import Direction, FindingKind
from core.lines import match_heading
from core.obligations import scale
from core.outline import outline
from core.tokens import tokenize

VARIANTS = (
    "delete", "insert", "light", "heavy", "rename", "move", "split", "merge", "renumber",
    "traditional", "mixed",
)
# Variants that change commitments (targets, deadlines, modal words, responsible bodies)
# and record each planted change in ``Revision.planted``.
FINDING_VARIANTS = ("numbers", "dates", "modals", "duties")

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
class Planted:
    """One commitment change made by the generator.

    ``before``/``after`` are the changed characters (a finding's values contain them);
    ``left``/``right`` are offsets of the change in the original and revised texts
    (None on the side where it does not exist).
    """

    kind: FindingKind
    direction: Direction
    before: str
    after: str
    left: int | None = None
    right: int | None = None
    line: Line | None = None  # the revised line holding the change, to place ``right``
    column: int = 0  # where in that line


@dataclass
class Revision:
    """A revised text with the truth of where each of its lines came from."""

    original: str
    revised: str
    lines: list[Line]
    variant: str
    seed: int
    planted: list[Planted] = field(default_factory=list)
    moved: frozenset[int] = frozenset()  # original lines the variant moved elsewhere

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


    def line_truth(self) -> set[tuple[int, int]]:
        """(original line, revised line) for every non-blank revised line and each non-blank
        original line it derives from: the generator's own record, whatever the outline says."""
        original, revised = self.original.split("\n"), self.revised.split("\n")
        return {(source, i) for i, line in enumerate(self.lines) if revised[i].strip()
                for source in line.sources if original[source].strip()}


def leaf_line_indices(text: str, sections: tuple[Section, ...]) -> dict[str, list[int]]:
    """Line indices (of ``text.split('\\n')``) whose start lies in each leaf.

    A line starts after its indent, where its section starts (``core.outline``).
    """
    starts = []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos + len(line) - len(line.lstrip()))
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
        line_starts[pos + len(line) - len(line.lstrip())] = i  # sections start after the indent
        pos += len(line) + 1
    out = []
    for s in sections:
        if s.is_leaf and s.start in line_starts and "\n" not in text[s.start : s.end] and s.role != "preamble":
            line = text[s.start : s.end]
            if len(line) >= 30 and "。" in line:
                out.append(line_starts[s.start])
    return sorted(out)


def _split_number(text: str) -> tuple[str, str]:
    found = match_heading(text.lstrip())
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
        found = match_heading(line.text.lstrip())
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


_QUANTITY = re.compile(r"(?<![\d.第a-zA-Z])(\d+(?:\.\d+)?)"
                       r"((?:[万亿])?(?:%|个|亿元|万元|元|人|家|所|项|条|座|平方公里|公里|亩|吨|倍|户|名))"
                       r"(?!以上|以下|左右|\d)")
_YEAR = re.compile(r"(?<!\d)(?:到|至)?(20\d{2})年(?:底前|前|底)?")
_DUTY_LIST = re.compile(r"[(（](牵头单位|责任单位)[:：]([^)）]*)[)）]")
_BODIES = ("区发展改革局", "区财政局", "区统计局", "区审计局", "区科技局", "区司法局", "区应急局", "区医保局",
           "区信访局", "区档案馆")
_NEW_QUANTITIES = ("新增{n}个服务网点，", "累计培训{n}万人次，", "覆盖率达到{n}%，", "改造{n}公里管网，")
_NEW_DATES = ("{y}年底前", "到{y}年，", "{y}年6月前")


def _clause_starts(text: str, lo: int) -> list[int]:
    return [m.end() for m in re.finditer(r"[，,；;。]", text) if lo <= m.end() < len(text) - 1]


def _plant(line: Line, variant: str, rng: random.Random, start: int) -> list[Planted]:
    """Make one change of ``variant``'s kind in ``line`` (at display offset ``start`` of the original)."""
    text = line.text
    prefix, _ = _split_number(text)
    body_at = len(prefix)

    def replace(at: int, old: str, new: str) -> None:
        line.text = line.text[:at] + new + line.text[at + len(old):]

    def insert_clause(template: str, value: str) -> list[Planted]:
        starts = _clause_starts(text, body_at)
        if not starts:
            return []
        at = rng.choice(starts)
        replace(at, "", template)
        col = at + template.index(value)
        return [Planted(FindingKind.QUANTITY if variant == "numbers" else FindingKind.DATE, Direction.ADDED,
                        "", value, None, None, line, col)]

    if variant == "numbers":
        found = [m for m in _QUANTITY.finditer(text) if m.start() >= body_at]
        roll = rng.random()
        if found and roll < 0.6:
            m = rng.choice(found)
            old = m.group(1)
            new = str(int(float(old)) + rng.randint(1, 9)) if "." not in old else f"{float(old) + 0.5:g}"
            replace(m.start(1), old, new)
            return [Planted(FindingKind.QUANTITY, Direction.CHANGED, old, new, start + m.start(1), None,
                            line, m.start(1))]
        if found and roll < 0.8:
            m = rng.choice(found)
            replace(m.start(), m.group(0), "")
            return [Planted(FindingKind.QUANTITY, Direction.REMOVED, m.group(0), "", start + m.start())]
        n = str(rng.randint(2, 90))
        return insert_clause(rng.choice(_NEW_QUANTITIES).replace("{n}", n), n)
    if variant == "dates":
        found = [m for m in _YEAR.finditer(text) if m.start() >= body_at]
        roll = rng.random()
        if found and roll < 0.6:
            m = rng.choice(found)
            old = m.group(1)
            new = str(int(old) + rng.choice((-2, -1, 1, 2, 3)))
            replace(m.start(1), old, new)
            return [Planted(FindingKind.DATE, Direction.CHANGED, old, new, start + m.start(1), None,
                            line, m.start(1))]
        if found and roll < 0.8:
            m = rng.choice(found)
            replace(m.start(), m.group(0), "")
            return [Planted(FindingKind.DATE, Direction.REMOVED, m.group(1), "", start + m.start(1))]
        y = str(rng.randint(2023, 2030))
        template = rng.choice(_NEW_DATES).replace("{y}", y)
        return insert_clause(template if template.endswith("，") else template + "，", y)
    if variant == "modals":
        levels = scale().levels
        found = [(a, b) for a, b in tokenize(text) if a >= body_at and text[a:b] in levels and b - a >= 2]
        if not found:
            return []
        a, b = rng.choice(found)
        old = text[a:b]
        new = rng.choice(sorted(w for w, level in levels.items() if level != levels[old] and len(w) >= 2))
        replace(a, old, new)
        direction = Direction.STRENGTHENED if levels[new] > levels[old] else Direction.WEAKENED
        return [Planted(FindingKind.MODAL, direction, old, new, start + a, None, line, a)]
    # duties: drop or add a body in a duty list, or give the item a list of its own
    m = _DUTY_LIST.search(text)
    if not m:
        names = rng.sample(_BODIES, 2)
        addition = f"（责任单位：{names[0]}、{names[1]}）"
        at = len(text)
        replace(at, "", addition)
        return [Planted(FindingKind.DUTY, Direction.ADDED, "", name, None, None, line, at + addition.index(name))
                for name in names]
    bodies = [b for b in re.split("、", m.group(2))]
    names = [re.sub(r"等(单位|部门)?$", "", b) for b in bodies]
    free = [b for b in _BODIES if b not in names]
    if len(names) >= 2 and rng.random() < 0.5:
        i = rng.randrange(len(names))
        at = m.start(2) + sum(len(b) + 1 for b in bodies[:i])
        if i == len(names) - 1:
            # the last body carries 等单位: drop the separator before it and the name, keep 等单位
            replace(at - 1, "、" + names[i], "")
        else:
            replace(at, names[i] + "、", "")
        return [Planted(FindingKind.DUTY, Direction.REMOVED, names[i], "", start + at)]
    new = rng.choice(free)
    at = m.start(2)
    replace(at, "", new + "、")
    return [Planted(FindingKind.DUTY, Direction.ADDED, "", new, None, None, line, at)]


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
    line_starts = [0]
    for t in original_lines:
        line_starts.append(line_starts[-1] + len(t) + 1)
    planted: list[Planted] = []
    out_of: dict[int, list[Line]] = {i: [line] for i, line in enumerate(lines)}
    moved: list[Line] = []
    for index, kind in zip(chosen, kinds, strict=True):
        if not out_of[index]:
            continue  # merged into its predecessor already
        line = out_of[index][0]
        prefix, _body = _split_number(line.text)
        if kind in FINDING_VARIANTS:
            planted += _plant(line, kind, rng, line_starts[index])
        elif kind == "delete":
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
        scheme = (match_heading(line.text.lstrip()) or ("",))[0]
        targets = [
            i for i, other in enumerate(result)
            if other.sources and min(other.sources) in unit_set and min(other.sources) > units[0]
            and (match_heading(other.text.lstrip()) or ("",))[0] == scheme
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
    at = 0
    starts_in_revised: dict[int, int] = {}
    for line in result:
        starts_in_revised[id(line)] = at
        at += len(line.text) + 1
    for p in planted:
        if p.line is not None:
            p.right = starts_in_revised[id(p.line)] + p.column
    return Revision(original, revised, result, variant, seed, planted,
                    frozenset(source for line in moved for source in line.sources))
