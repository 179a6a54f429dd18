"""Statistics, coverage, the navigation order and the JSON result (schema §4)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from core.errors import printable
from core.export.atomic import write_atomically
from core.model import (
    SCHEMA,
    Change,
    Comparison,
    Coverage,
    CoverageGrade,
    Document,
    Pair,
    PairKind,
    Section,
    Stats,
)
from core.normalize import Normalized
from core.shared import presence


def _best_kinds(pairs: Sequence[Pair], side: str) -> dict[str, PairKind]:
    best: dict[str, PairKind] = {}
    for p in pairs:
        sid = p.left if side == "left" else p.right
        if sid not in best or p.kind.rank < best[sid].rank:
            best[sid] = p.kind
    return best


def coverage(left: Document, right: Document, pairs: Sequence[Pair],
             grades: tuple[tuple[str, CoverageGrade], ...] = (),
             units: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {})) -> Coverage:
    """The best counterpart kind of every leaf on both sides (None: unpaired), and the
    coverage grade of every left leaf (as the aligner found it).

    ``units`` (implementation) maps leaves to the items paired whole: a leaf takes its
    item's kind, and the right leaves of items with no counterpart are ``local``."""
    best_left = _best_kinds(pairs, "left")
    best_right = _best_kinds(pairs, "right")

    def kind(best: dict[str, PairKind], unit_of: Mapping[str, str], leaf: str) -> PairKind | None:
        return best.get(leaf) or best.get(unit_of.get(leaf, ""))

    right_kinds = tuple((s.id, kind(best_right, units[1], s.id)) for s in right.leaves)
    return Coverage(
        left=tuple((s.id, kind(best_left, units[0], s.id)) for s in left.leaves),
        right=right_kinds,
        grades=grades,
        # A title block is never local content, whatever the aligner made of it.
        local=tuple(sid for sid, found in right_kinds
                    if found is None and sid in units[1] and right.by_id[sid].role != "preamble"),
    )


def shared_ratio(norm: Normalized, other: Normalized, min_len: int) -> float:
    """Share of ``norm``'s characters lying in a passage of ``min_len`` or more also in ``other``."""
    # Passages never cross a line, so line breaks are never marked and only need leaving out
    # of the denominator.
    countable = len(norm.text) - norm.text.count("\n")
    return round(sum(presence(norm.text, other.text, min_len)) / countable, 4) if countable else 0.0


def statistics(left: Document, right: Document, pairs: Sequence[Pair], cov: Coverage,
               shared: tuple[float, float]) -> Stats:
    """Overall figures: the shared ratios of both sides (``shared_ratio``), leaf coverage
    (as computed by ``coverage``) and pair counts."""
    left_paired = sum(1 for _, kind in cov.left if kind is not None)
    right_paired = sum(1 for _, kind in cov.right if kind is not None)
    leaf_pairs = [p for p in pairs if left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf]
    counts = tuple((kind, sum(1 for p in leaf_pairs if p.kind is kind)) for kind in PairKind)
    return Stats(
        left_shared=shared[0],
        right_shared=shared[1],
        left_leaves_covered=round(left_paired / len(cov.left), 4) if cov.left else 0.0,
        right_leaves_local=round(1 - right_paired / len(cov.right), 4) if cov.right else 0.0,
        pair_counts=counts,
        left_unpaired=len(cov.left) - left_paired,
        right_unpaired=len(cov.right) - right_paired,
    )


def changes(left: Document, right: Document, pairs: Sequence[Pair],
            moved: Sequence[int] = ()) -> tuple[Change, ...]:
    """Navigation stops in the right document's reading order.

    Modified and related leaf pairs and right-only leaves follow the right side;
    each left-only leaf comes right after the stop of its nearest preceding left
    leaf that has a counterpart. A moved section (``moved``: indexes of its pair)
    is one stop, just before its first leaf.
    """
    moved_at: dict[str, int] = {}  # first right leaf of a moved section -> the section's pair
    for i in moved:
        section = right.by_id[pairs[i].right]
        first = next(leaf for leaf in right.leaves if leaf.start >= section.start)
        moved_at[first.id] = i
    leaf_pairs = [
        (i, p) for i, p in enumerate(pairs)
        if left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf
    ]
    by_right: dict[str, list[int]] = {}
    for i, p in leaf_pairs:
        by_right.setdefault(p.right, []).append(i)
    paired_left = {p.left for _, p in leaf_pairs}
    left_after: dict[str, list[str]] = {}  # paired left leaf -> left-only leaves that follow it
    anchor: str | None = None
    for leaf in left.leaves:
        if leaf.id in paired_left:
            anchor = leaf.id
        else:
            left_after.setdefault(anchor or "", []).append(leaf.id)

    out: list[Change] = [Change(sid, None, None) for sid in left_after.get("", [])]
    placed: set[str] = set()
    for leaf in right.leaves:
        if leaf.id in moved_at:
            i = moved_at[leaf.id]
            out.append(Change(pairs[i].left, pairs[i].right, i))
        indices = by_right.get(leaf.id)
        if not indices:
            out.append(Change(None, leaf.id, None))
            continue
        for i in indices:
            p = pairs[i]
            if p.kind is not PairKind.SAME and i not in moved_at.values():
                out.append(Change(p.left, p.right, i))
            if p.left not in placed:
                placed.add(p.left)
                out.extend(Change(sid, None, None) for sid in left_after.get(p.left, []))
    return tuple(out)


def _section_json(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "parent": s.parent,
        "level": s.level,
        "number": s.number,
        "title": s.title,
        "start": s.start,
        "end": s.end,
        "role": s.role,
    }


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "path": printable(doc.path),  # a name that is not valid UTF-8 still makes valid JSON
        "title": doc.title,
        "format": doc.source_format,
        "encoding": doc.encoding,
        "text": doc.text,
        "removed": list(doc.removed),
        "sections": [_section_json(s) for s in doc.sections],
    }


def to_json(result: Comparison) -> dict[str, Any]:
    """The comparison as the ``duizhao.comparison/1`` JSON object (DESIGN §4)."""
    stats = result.stats
    grades = result.coverage.grade_of
    return {
        "schema": SCHEMA,
        "options": {
            "min_shared": result.options.min_shared,
            "t2s": result.options.t2s,
            "keep_boilerplate": result.options.keep_boilerplate,
            "relation": result.options.relation,
            "corrections": [
                {"right": c.right, "right_label": c.right_label, "left": c.left, "left_label": c.left_label}
                for c in result.options.corrections
            ],
        },
        "left": _document_json(result.left),
        "right": _document_json(result.right),
        "pairs": [
            {
                "left": p.left,
                "right": p.right,
                "kind": p.kind.value,
                "score": p.score,
                "diff": [[op.op.value, op.left_start, op.left_end, op.right_start, op.right_end]
                         for op in p.diff],
            }
            for p in result.pairs
        ],
        "matches": [{"left": [m.left_start, m.left_end], "right": [m.right_start, m.right_end]}
                    for m in result.matches],
        "stats": {
            "left_shared": stats.left_shared,
            "right_shared": stats.right_shared,
            "left_leaves_covered": stats.left_leaves_covered,
            "right_leaves_local": stats.right_leaves_local,
            "pairs_by_kind": {kind.value: count for kind, count in stats.pair_counts},
            "left_unpaired": stats.left_unpaired,
            "right_unpaired": stats.right_unpaired,
        },
        "relation": {
            "relation": result.relation.relation.value,
            "detected": result.relation.detected,
            "evidence": list(result.relation.evidence),
        },
        "moves": [
            {"pair": m.pair, "left": m.left, "right": m.right, "from": m.left_place, "to": m.right_place}
            for m in result.moves
        ],
        "assignments": [
            {
                "right": a.right,
                "left": list(a.left),
                "by_hand": a.by_hand,
                "margin": a.margin,
                "terms": list(a.terms),
                "alternatives": [{"left": lid, "score": score} for lid, score in a.alternatives],
            }
            for a in result.assignments
        ],
        "coverage": {
            "left": [{"id": sid, "kind": kind.value if kind else None,
                      "grade": grades[sid].value if sid in grades else None}
                     for sid, kind in result.coverage.left],
            "right": [{"id": sid, "kind": kind.value if kind else None} for sid, kind in result.coverage.right],
        },
        "findings": [
            {
                "kind": f.kind.value,
                "direction": f.direction.value,
                "left": list(f.left) if f.left else None,
                "right": list(f.right) if f.right else None,
                "before": f.before,
                "after": f.after,
                "pair": f.pair,
                "summary": f.summary,
            }
            for f in result.findings
        ],
        "highlights": {
            "left": [[s.start, s.end, s.kind.value] for s in result.left_highlights],
            "right": [[s.start, s.end, s.kind.value] for s in result.right_highlights],
        },
    }


def write_json(result: Comparison, path: str | Path) -> None:
    """Write the JSON result to ``path`` atomically (UTF-8, Chinese unescaped)."""
    data = json.dumps(to_json(result), ensure_ascii=False, indent=1)

    def write(temp: Path) -> None:
        temp.write_text(data, encoding="utf-8")

    write_atomically(path, write, result.input_paths)
