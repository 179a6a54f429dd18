"""The comparison as JSON: schema ``duizhao.comparison/1`` (DESIGN §4).

Every field is read from the ``Comparison`` as the pipeline left it; nothing is computed
here. The file is UTF-8 with Chinese unescaped, written atomically like every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.atomic import write_atomically
from core.document import Document, Section
from core.errors import printable
from core.export.json_text import readable_json
from core.result import SCHEMA, Comparison


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
                "rival": a.rival,
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
    data = readable_json(to_json(result))

    def write(temp: Path) -> None:
        temp.write_text(data, encoding="utf-8")

    write_atomically(path, write, result.input_paths)
