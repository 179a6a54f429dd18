"""Hand-labelled ground truth of real base → implementation pairs (``tests/data``), and the
measures the product is held to: top-1 item accuracy, 未见落实 precision, and a plain
baseline (best TF-IDF match of character bigrams, no threshold) it must beat.

Items are named as a drafter cites them: their number as written, prefixed by their
parents' numbers where the number alone is not unique ("二、/（一）").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.document import Document, Section
from core.implementation_pairs import items_of
from core.kinds import CoverageGrade, Direction, FindingKind
from core.normalize import normalize
from core.result import Comparison, Finding

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Truth:
    """One labelled pair."""

    name: str
    base: Path
    implementation: Path
    relation: str
    items: tuple[dict[str, Any], ...]
    base_items: tuple[dict[str, Any], ...]
    # Findings other than coverage, judged by reading: kind, before, after, the implementing
    # item they stand in, and whether they are right.
    findings: tuple[dict[str, Any], ...] = ()


def truths(kind: str = "implementation") -> list[Truth]:
    """Every labelled pair under ``tests/data/<kind>``."""
    out = []
    for path in sorted((DATA / kind).rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        base = data.get("base") or data.get("old")
        other = data.get("implementation") or data.get("new")
        out.append(Truth(path.parent.name if path.name == "truth.json" else path.stem,
                         ROOT / base, ROOT / other, data.get("relation", kind),
                         tuple(data.get("items", ())), tuple(data.get("base_items", ())),
                         tuple(data.get("findings", ()))))
    return out


def _clean_number(number: str) -> str:
    return re.sub(r"\s+", "", number).replace("(", "（").replace(")", "）")


def resolve(doc: Document, ref: str) -> Section | None:
    """The section a reference names, or None."""
    parts = [_clean_number(p) for p in ref.split("/")]
    for section in doc.sections:
        if _clean_number(section.number) != parts[-1]:
            continue
        wanted = parts[:-1]
        parent = section.parent
        while wanted and parent:
            if _clean_number(doc.by_id[parent].number) == wanted[-1]:
                wanted.pop()
            parent = doc.by_id[parent].parent
        if not wanted:
            return section
    return None


def _descendants(doc: Document, section: Section) -> set[str]:
    return {s.id for s in doc.sections if section.start <= s.start and s.end <= section.end}


def product_base(result: Comparison, section: Section) -> str | None:
    """The base leaf the product names first for an implementing item (a leaf, or the
    base most often named by the leaves of a parent item); None: local."""
    firsts = [a.left[0] for a in result.assignments if a.left
              and a.right in _descendants(result.right, section)]
    if not firsts:
        return None
    return Counter(firsts).most_common(1)[0][0]


def _rivalled(result: Comparison, section: Section, named: str) -> bool:
    """True when the leaves of ``section`` naming ``named`` first name a rival too."""
    inside = _descendants(result.right, section)
    return any(a.rival is not None for a in result.assignments if a.right in inside and a.left[:1] == (named,))


@dataclass
class Score:
    """How the product (and the baseline) did on one pair."""

    items: int = 0
    correct: int = 0
    baseline_items: int = 0
    baseline_correct: int = 0
    product_on_baseline_items: int = 0
    rivalled: int = 0  # items named with a rival (a near tie to check)
    rivalled_correct: int = 0
    not_taken_up_said: int = 0
    not_taken_up_right: int = 0
    not_taken_up_labelled: int = 0
    findings_said: int = 0
    findings_right: int = 0
    unresolved: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()

    @property
    def accuracy(self) -> float:
        return self.correct / self.items if self.items else 1.0

    @property
    def clear_accuracy(self) -> float:
        """Top-1 accuracy of the items named without a rival."""
        clear = self.items - self.rivalled
        return (self.correct - self.rivalled_correct) / clear if clear else 1.0

    @property
    def not_taken_up_precision(self) -> float:
        return self.not_taken_up_right / self.not_taken_up_said if self.not_taken_up_said else 1.0

    @property
    def findings_precision(self) -> float:
        return self.findings_right / self.findings_said if self.findings_said else 1.0

    @property
    def not_taken_up_recall(self) -> float:
        return self.not_taken_up_right / self.not_taken_up_labelled if self.not_taken_up_labelled else 1.0


def _is_right(result: Comparison, named: str | None, expected: list[Section]) -> bool:
    if named is None:
        return not expected
    return any(named in _descendants(result.left, t) for t in expected)


def evaluate(result: Comparison, truth: Truth) -> Score:
    """Score the product's assignments and coverage grades against the truth."""
    score = Score()
    unresolved: list[str] = []
    wrong: list[str] = []
    baseline = _Baseline(result)
    for item in truth.items:
        section = resolve(result.right, item["ref"])
        expected = [resolve(result.left, ref) for ref in item["base"]]
        if section is None or None in expected:
            unresolved.append(item["ref"])
            continue
        bases = [s for s in expected if s is not None]
        named = product_base(result, section)
        score.items += 1
        right = _is_right(result, named, bases)
        if named is not None and _rivalled(result, section, named):
            score.rivalled += 1
            score.rivalled_correct += right
        if right:
            score.correct += 1
        else:
            label = result.left.by_id[named].label if named else "本地新增"
            wrong.append(f"{item['ref']} → {label}（应为 {'、'.join(item['base']) or '本地新增'}）")
        if bases:
            score.baseline_items += 1
            score.baseline_correct += _is_right(result, baseline.best(section), bases)
            score.product_on_baseline_items += _is_right(result, named, bases)
    # Every base item the product calls 未见落实 counts, labelled or not: a verdict on a
    # paragraph the truth does not list (a lead paragraph, say) is not a right one.
    labelled: list[tuple[Section, str]] = []
    for item in truth.base_items:
        section = resolve(result.left, item["ref"])
        if section is None:
            unresolved.append(item["ref"])
        else:
            labelled.append((section, item["grade"]))
            score.not_taken_up_labelled += item["grade"] == "未见落实"
    grades = result.coverage.grade_of
    for unit in items_of(result.left):
        leaves = [grades[s] for s in _descendants(result.left, unit) if s in grades]
        if not leaves or any(g is not CoverageGrade.NOT_TAKEN_UP for g in leaves):
            continue
        score.not_taken_up_said += 1
        found = [grade for section, grade in labelled
                 if section.start <= unit.start < section.end or unit.start <= section.start < unit.end]
        if "未见落实" in found:
            score.not_taken_up_right += 1
        else:
            wrong.append(f"上级 {unit.label[:20]} 判为未见落实（应为 {'、'.join(found) or '有落实，未列入上级条目'}）")
    for finding in result.findings:
        score.findings_said += 1
        verdict = _finding_is_right(result, truth, labelled, finding)
        score.findings_right += verdict
        if not verdict:
            wrong.append(f"发现 {finding.summary[:40]}（不对，或未经判定）")
    score.unresolved = tuple(unresolved)
    score.wrong = tuple(wrong)
    return score


def _overlapping(doc: Document, span: tuple[int, int] | None, refs: list[tuple[Section, Any]]) -> list[Any]:
    """The labels of ``refs`` whose section overlaps ``span`` (display offsets of ``doc``)."""
    if span is None:
        return []
    start, end = span
    return [label for section, label in refs if section.start < max(end, start + 1) and start < section.end]


def _finding_is_right(result: Comparison, truth: Truth, labelled: list[tuple[Section, str]],
                      finding: Finding) -> bool:
    """A coverage finding is right when every labelled item it covers agrees (未见落实 on the
    base side, local on the implementing side); any other finding must have been judged
    right by reading (``Truth.findings``): one nobody judged counts as wrong."""
    if finding.kind is FindingKind.COVERAGE:
        if finding.direction is Direction.REMOVED:
            grades = _overlapping(result.left, finding.left, labelled)
            return bool(grades) and all(grade == "未见落实" for grade in grades)
        items = [(s, not item["base"]) for item in truth.items if (s := resolve(result.right, item["ref"]))]
        local = _overlapping(result.right, finding.right, items)
        return bool(local) and all(local)
    for judged in truth.findings:
        item = resolve(result.right, judged["item"])
        if (judged["kind"] == finding.kind.value and judged["before"] == finding.before
                and judged["after"] == finding.after and item is not None
                and _overlapping(result.right, finding.right, [(item, True)])):
            return bool(judged["right"])
    return False


class _Baseline:
    """Plain best match: TF-IDF cosine of character bigrams (punctuation and digits left
    out) between each implementing item's whole text and each base leaf's, no threshold."""

    def __init__(self, result: Comparison) -> None:
        self.result = result
        self.left = {s.id: self._vector(result.left, s) for s in result.left.leaves}

    def _text(self, doc: Document, section: Section) -> str:
        return normalize(doc.text[section.start : section.end]).text

    def _bigrams(self, text: str) -> Counter[str]:
        runs = re.findall(r"[\u4e00-\u9fff]+", text)
        return Counter(run[i : i + 2] for run in runs for i in range(len(run) - 1))

    def _vector(self, doc: Document, section: Section) -> Counter[str]:
        return self._bigrams(self._text(doc, section))

    def best(self, section: Section) -> str:
        vectors = dict(self.left)
        vectors["?"] = self._vector(self.result.right, section)
        df: Counter[str] = Counter()
        for v in vectors.values():
            df.update(v.keys())
        n = len(vectors)

        def weigh(v: Counter[str]) -> dict[str, float]:
            w = {g: (1 + math.log(c)) * math.log(n / df[g]) for g, c in v.items()}
            norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
            return {g: x / norm for g, x in w.items()}

        query = weigh(vectors.pop("?"))
        scored = {sid: sum(x * weigh(v).get(g, 0.0) for g, x in query.items()) for sid, v in vectors.items()}
        return max(sorted(scored), key=lambda sid: scored[sid])
