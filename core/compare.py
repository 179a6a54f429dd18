"""The pipeline: two files in, one immutable ``Comparison`` out.

load -> clean -> normalize -> outline -> shared -> align -> diff -> highlight/report.
Progress is reported through an optional ``core.progress.Progress`` callback, one
``Stage`` at a time; a cancel callback is polled between stages and between pair diffs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from core import dataclass_code, patterns
from core.align import align
from core.clean import clean
from core.collector import collector_paused
from core.document import Document
from core.errors import printable
from core.findings import findings
from core.highlight import highlights
from core.kinds import PairKind, Relation
from core.load import load
from core.moves import moves
from core.normalize import Normalized, normalize
from core.options import Options
from core.outline import outline
from core.pair_diffs import PairDiffs
from core.pairs import DiffOp, Match, Pair
from core.progress import Cancel, Progress, Stage, check, no_progress
from core.relation import detect_relation
from core.report import changes, coverage, shared_ratio, statistics
from core.result import Comparison
from core.shared import common_runs, cover, wording
from core.wording import AlignedPair


def prepare(text: str, path: str, side: str, options: Options,
            source_format: str = "txt", encoding: str | None = None) -> tuple[Document, Normalized]:
    """Clean, normalize and outline one side's raw text."""
    cleaned = clean(text, keep_boilerplate=options.keep_boilerplate)
    # printable: a file name that is not valid UTF-8 must not reach the exports as surrogates
    sections, title = outline(cleaned.text, side, fallback_title=printable(Path(path).stem) if path else "")
    doc = Document(
        path=path,
        title=title,
        text=cleaned.text,
        sections=sections,
        source_format=source_format,
        encoding=encoding,
        removed=cleaned.removed,
    )
    return doc, normalize(cleaned.text, t2s=options.t2s)


def compare(
    left: str | os.PathLike[str],
    right: str | os.PathLike[str],
    options: Options | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Comparison:
    """Compare two policy documents given by path.

    Raises ``core.errors.InputError`` for a file that cannot be used and
    ``core.errors.Cancelled`` when ``cancel()`` turns true.
    """
    report = progress or no_progress
    report(0.0, Stage.READ)
    left_loaded = load(left)
    check(cancel)
    right_loaded = load(right)
    check(cancel)
    return compare_texts(
        left_loaded.text, right_loaded.text, options, report, cancel,
        left_path=left_loaded.path, right_path=right_loaded.path,
        left_format=(left_loaded.source_format, left_loaded.encoding),
        right_format=(right_loaded.source_format, right_loaded.encoding),
    )


def compare_texts(
    left_text: str,
    right_text: str,
    options: Options | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    left_path: str = "",
    right_path: str = "",
    left_format: tuple[str, str | None] = ("txt", None),
    right_format: tuple[str, str | None] = ("txt", None),
) -> Comparison:
    """Compare two raw texts (as loaded); the rest of ``compare``."""
    options = options or Options()
    report = progress or no_progress
    with collector_paused():
        report(0.1, Stage.PREPARE)
        left = prepare(left_text, left_path, "L", options, *left_format)
        check(cancel)
        right = prepare(right_text, right_path, "R", options, *right_format)
        check(cancel)
        return compare_prepared(left, right, options, report, cancel)


def compare_prepared(
    left: tuple[Document, Normalized],
    right: tuple[Document, Normalized],
    options: Options,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Comparison:
    """Compare two sides already prepared (``prepare``, the left as side "L", the right as "R");
    the rest of ``compare_texts``.

    The matrix prepares its base once for all its comparisons: a side is never changed
    by a comparison, so one can take part in several.
    """
    with collector_paused():
        return _compare_prepared(left, right, options, progress or no_progress, cancel)


def _compare_prepared(left: tuple[Document, Normalized], right: tuple[Document, Normalized], options: Options,
                      report: Progress, cancel: Cancel | None) -> Comparison:
    left_doc, left_norm = left
    right_doc, right_norm = right
    report(0.3, Stage.SHARED)
    runs = common_runs(left_norm.text, right_norm.text, options.min_shared)
    shared = wording(runs, left_norm.text, right_norm.text, options.min_shared)  # what is shown as shared
    check(cancel)

    left_share, right_share = shared_ratio(left_norm, right_norm, options.min_shared), shared_ratio(
        right_norm, left_norm, options.min_shared)
    relation = detect_relation(left_doc, right_doc, left_share, right_share, options.relation)

    report(0.45, Stage.ALIGN)
    alignment = align(left_doc, left_norm, right_doc, right_norm, runs, relation.relation, options.corrections)
    check(cancel)

    report(0.55, Stage.DIFF)
    pairs = _diff_pairs(alignment.pairs, left_doc, left_norm, right_doc, right_norm, report, cancel)

    report(0.9, Stage.STATISTICS)
    left_spans, right_spans = highlights(left_doc, left_norm, right_doc, right_norm, pairs, shared)
    matches = tuple(
        Match(*left_norm.to_display(r.left_start, r.left_end), *right_norm.to_display(r.right_start, r.right_end))
        for r in cover(shared)
    )
    cov = coverage(left_doc, right_doc, pairs, alignment.grades, alignment.units)
    moved = moves(left_doc, right_doc, pairs) if relation.relation is Relation.REVISION else ()
    check(cancel)
    report(0.95, Stage.FINDINGS)
    found = findings(left_doc, left_norm, right_doc, right_norm, pairs, cov, relation.relation, moved)
    result = Comparison(
        options=options,
        left=left_doc,
        right=right_doc,
        pairs=pairs,
        matches=matches,
        stats=statistics(left_doc, right_doc, pairs, cov, (left_share, right_share)),
        coverage=cov,
        left_highlights=left_spans,
        right_highlights=right_spans,
        changes=changes(left_doc, right_doc, pairs, [m.pair for m in moved]),
        findings=found,
        relation=relation,
        assignments=alignment.assignments,
        moves=moved,
        left_form=left_norm,
        right_form=right_norm,
    )
    # Every pattern and dataclass of the engine is compiled by now: the next start reads them.
    patterns.save()
    dataclass_code.save()
    report(1.0, Stage.DONE)
    return result


def _diff_pairs(
    aligned: Sequence[AlignedPair],
    left_doc: Document,
    left_norm: Normalized,
    right_doc: Document,
    right_norm: Normalized,
    report: Progress,
    cancel: Cancel | None,
) -> tuple[Pair, ...]:
    out = []
    total = max(1, len(aligned))
    # parents' diffs are joined from their children's, so each text is diffed once
    differ = PairDiffs(left_doc, left_norm, right_doc, right_norm,
                       [(p.left, p.right) for p in aligned if p.kind in (PairKind.SAME, PairKind.MODIFIED)])
    for index, p in enumerate(aligned):
        if index % 16 == 0:
            check(cancel)
            report(0.55 + 0.35 * index / total, Stage.DIFF)
        diff: tuple[DiffOp, ...] = ()
        if p.kind in (PairKind.SAME, PairKind.MODIFIED):
            diff = differ.diff(p.left, p.right)
        out.append(Pair(p.left, p.right, p.kind, p.score, diff))
    return tuple(out)
