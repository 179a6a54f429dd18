"""Alignment quality on generated revisions with known truth (leaf-pair precision and recall)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from revision_generator import VARIANTS, leaf_line_indices, revise

from core.compare import compare_texts
from core.document import Document, Section
from core.kinds import OpKind, PairKind
from core.result import Comparison

SAMPLES = Path(__file__).resolve().parent.parent / "docs_in"
# Each base document, and the unrelated document its inserted sections come from.
BASES = {
    "jiangyang_14th_five_year_plan.txt": "sichuan_2020_decision_traditional.txt",
    "longmatan_2022_action_plan.txt": "sichuan_2020_decision_traditional.txt",
    "sichuan_2020_decision_traditional.txt": "jiangyang_14th_five_year_plan.txt",
}
SEEDS = (0, 1, 2)
THRESHOLD = 0.95
LINE_THRESHOLD = 0.95


def _read(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _matched_leaf_pairs(result: Comparison) -> set[tuple[str, str]]:
    return {
        (p.left, p.right)
        for p in result.pairs
        if p.kind is not PairKind.RELATED
        and result.left.by_id[p.left].is_leaf
        and result.right.by_id[p.right].is_leaf
    }


def _precision_recall(found: Sequence[tuple[set[tuple[Any, Any]], set[tuple[Any, Any]]]]) -> tuple[float, float]:
    """Precision and recall of the predicted pairs against the true ones, pooled over ``found``."""
    hits = sum(len(predicted & truth) for predicted, truth in found)
    return hits / sum(len(predicted) for predicted, _ in found), hits / sum(len(truth) for _, truth in found)


def _line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _own_text(doc: Document, section: Section) -> tuple[int, int]:
    """Where a section's own text lies: its heading and body, before its first child."""
    return section.start, doc.by_id[section.children[0]].start if section.children else section.end


def _line_pairs(result: Comparison) -> set[tuple[int, int]]:
    """(left line, right line) wherever a pair's diff keeps two characters or more in a row of
    the two sections' own text: the lines the comparison says correspond."""
    left_starts, right_starts = _line_starts(result.left.text), _line_starts(result.right.text)
    out = set()
    for pair in result.pairs:
        left_own = _own_text(result.left, result.left.by_id[pair.left])
        right_own = _own_text(result.right, result.right.by_id[pair.right])
        for op in pair.diff:
            if op.op is not OpKind.EQUAL or op.left_end - op.left_start < 2:
                continue
            for k in range(op.left_end - op.left_start):
                a, b = op.left_start + k, op.right_start + k
                if left_own[0] <= a < left_own[1] and right_own[0] <= b < right_own[1]:
                    out.add((bisect_right(left_starts, a) - 1, bisect_right(right_starts, b) - 1))
    return out


@pytest.mark.parametrize("base", sorted(BASES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_pairs_precision_and_recall(base: str, variant: str) -> None:
    """Leaf pairs against the generator's lines mapped onto the engine's outline, and lines
    against the generator's own record of where each revised line came from: an outline
    that merged two paragraphs, or left a heading unpaired, shows in the second though the
    leaf pairs built on that outline look right."""
    leaves, lines = [], []
    for seed in SEEDS:
        revision = revise(_read(base), variant, seed, _read(BASES[base]))
        result = compare_texts(revision.original, revision.revised)
        truth = revision.truth(result.left.sections, result.right.sections)
        assert truth, "the generator must leave something to find"
        leaves.append((_matched_leaf_pairs(result), truth))
        lines.append((_line_pairs(result), revision.line_truth()))
    precision, recall = _precision_recall(leaves)
    assert precision >= THRESHOLD, f"{variant} on {base}: precision {precision:.3f}"
    assert recall >= THRESHOLD, f"{variant} on {base}: recall {recall:.3f}"
    precision, recall = _precision_recall(lines)
    assert precision >= LINE_THRESHOLD, f"{variant} on {base}: line precision {precision:.3f}"
    assert recall >= LINE_THRESHOLD, f"{variant} on {base}: line recall {recall:.3f}"


@pytest.mark.parametrize("seed", SEEDS)
def test_inserted_foreign_sections_are_never_modified(seed: int) -> None:
    base = "jiangyang_14th_five_year_plan.txt"
    revision = revise(_read(base), "insert", seed, _read(BASES[base]), share=0.3)
    result = compare_texts(revision.original, revision.revised)
    foreign_lines = {i for i, line in enumerate(revision.lines) if not line.sources}
    leaf_lines = leaf_line_indices(revision.revised, result.right.sections)
    foreign_leaves = {sid for sid, lines in leaf_lines.items() if lines and set(lines) <= foreign_lines}
    assert foreign_leaves
    for pair in result.pairs:
        if pair.right in foreign_leaves:
            assert pair.kind is PairKind.RELATED, (pair, result.right.by_id[pair.right].label)


def test_unchanged_document_pairs_every_leaf_as_same() -> None:
    text = _read("longmatan_2022_action_plan.txt")
    result = compare_texts(text, text)
    assert result.stats.left_leaves_covered == 1.0
    leaf_pairs = [p for p in result.pairs if result.left.by_id[p.left].is_leaf]
    assert leaf_pairs and all(p.kind is PairKind.SAME and p.left[1:] == p.right[1:] for p in leaf_pairs)
