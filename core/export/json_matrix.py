"""The provision matrix as JSON (schema ``duizhao.matrix/1``)::

    {
      "schema": "duizhao.matrix/1",
      "options": {"min_shared": 8, "t2s": true, "keep_boilerplate": false},
      "base": {"path": "...", "title": "...", "leaves": 24, "items": 24},
      "documents": [
        {"path": "...", "title": "...", "relation": "implementation",
         "grades": {"copied": 0, "elaborated": 13, "adapted": 6, "touched": 4, "not-taken-up": 1},
         "coverage": {"verbatim": 1, "modified": 10, "related": 6, "absent": 7,
                      "covered": 0.7083, "base_shared": 0.21, "local": 0.4}}
      ],
      "rows": [
        {"id": "L12", "number": "（八）", "title": "推动川渝毗邻地区联动发展",
         "start": 1532, "end": 1890,
         "cells": [
           {"kind": "modified", "grade": "elaborated", "score": 0.55,
            "counterparts": [{"id": "R40", "number": "（十四）", "title": "深化毗邻地区合作",
                              "kind": "modified", "score": 0.55, "start": 8801, "end": 9120}]}
         ]}
      ]
    }

``documents`` and every row's ``cells`` are in the same order (the order the other
documents were given). A cell's ``kind`` is the closest kind among its counterparts
(``absent``: none, and ``counterparts`` is empty) and its ``score`` the best score
of that kind (0 when absent). ``rows`` are the base's leaves, or where a document
implements the base its items (an article whole with its paragraphs and points), ``items``
of them; ``leaves`` counts the base's leaves either way. ``covered`` is the share of rows
with any counterpart, ``base_shared`` the share of the base's wording found in the document,
``local`` the share of the document's own leaves with no counterpart in the base.
``grades`` is empty and every cell's ``grade`` null for a document that revises the base.
Section offsets are display offsets, as in ``duizhao.comparison/1``. Extra keys
may be added; none may change meaning without a new schema version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.atomic import write_atomically
from core.document import Section
from core.export.json_text import readable_json
from core.matrix_model import Matrix

SCHEMA = "duizhao.matrix/1"


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    """The matrix as the ``duizhao.matrix/1`` JSON object (see the module docstring)."""
    return {
        "schema": SCHEMA,
        "options": {
            "min_shared": matrix.options.min_shared,
            "t2s": matrix.options.t2s,
            "keep_boilerplate": matrix.options.keep_boilerplate,
        },
        "base": {"path": matrix.base.path, "title": matrix.base.title, "leaves": len(matrix.base.leaves),
                 "items": len(matrix.rows)},
        "documents": [
            {
                "path": column.path,
                "title": column.title,
                "relation": column.relation.value,
                "grades": {grade.value: n for grade, n in column.grades},
                "coverage": {
                    **{kind.value: n for kind, n in column.counts},
                    "covered": column.covered,
                    "base_shared": column.base_shared,
                    "local": column.local,
                },
            }
            for column in matrix.columns
        ],
        "rows": [
            {
                **_section_ref(row.section),
                "cells": [
                    {
                        "kind": cell.kind.value,
                        "grade": cell.grade.value if cell.grade else None,
                        "score": cell.score,
                        "counterparts": [
                            {**_section_ref(cp.section), "kind": cp.kind.value, "score": cp.score}
                            for cp in cell.counterparts
                        ],
                    }
                    for cell in row.cells
                ],
            }
            for row in matrix.rows
        ],
    }


def _section_ref(section: Section) -> dict[str, Any]:
    return {"id": section.id, "number": section.number, "title": section.title,
            "start": section.start, "end": section.end}


def write_matrix_json(matrix: Matrix, path: str | Path) -> None:
    """Write the matrix's JSON to ``path`` atomically (UTF-8, Chinese unescaped)."""
    data = readable_json(matrix_json(matrix))

    def write(temp: Path) -> None:
        temp.write_text(data, encoding="utf-8")

    write_atomically(path, write, matrix.input_paths)
