"""What a comparison amounts to, in one sentence: identical, unrelated, or which parts are unchanged.

Three questions a drafter asks before reading any mark:

- **Identical?** The two inputs have the same comparison text (after normalization:
  script, width, punctuation forms and spaces folded), every section is paired
  ``same``, nothing is unpaired and nothing moved. Then there is nothing to review.
- **Almost nothing in common?** Neither document shares more of its wording with the
  other than two unrelated policy documents do through stock phrases; a wrong file
  was probably chosen. See :data:`NOTHING_IN_COMMON` for the measurements.
- **What is unchanged?** The sections that are wholly unchanged (paired ``same`` all
  the way down, not moved), grouped into runs of consecutive siblings with labels
  ready for "第三章至第五章 未修改". A view or report that shows only the changes
  folds each run into that one line; no navigation stop (``Comparison.changes``) ever
  lies inside a run.

Pure functions of an immutable :class:`core.result.Comparison`; nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.document import Document, Section
from core.kinds import PairKind
from core.normalize import normalize
from core.result import Comparison

# Both sides must share less than this of their comparison text for "almost nothing in
# common" (Stats.left_shared / right_shared: the share of a side's characters lying in a
# passage of at least ``min_shared`` characters that also occurs in the other document).
# The share means the same on any pair, whatever the lengths. Measured with the default
# options (min_shared 8), left / right:
#
#   unrelated real documents                                       left     right
#     Shanghai compulsory-education base  vs Sichuan price base    1.04 %   0.27 %
#     Shanghai education implementation   vs Sichuan price impl.   0.00 %   0.00 %
#     Shanghai education base             vs Luzhou decision       0.00 %   0.00 %
#     Sichuan price implementation        vs Longmatan programme   0.00 %   0.00 %
#     Shanghai filing rules (old)         vs Sichuan decision      0.00 %   0.00 %
#     Shanghai filing rules (new)         vs Jiangyang plan        2.89 %   0.30 %
#     Jiangyang plan                      vs Longmatan programme   1.79 %   4.25 %
#   related documents
#     Sichuan decision       vs Luzhou decision (implements it)   17.02 %  17.72 %
#     Shanghai education     base vs implementation               34.59 %  37.04 %
#     Sichuan price          base vs implementation               35.60 %  20.42 %
#     Shanghai filing rules  old vs new (revision)                93.90 %  75.30 %
#     Luzhou decision        vs Longmatan programme                6.28 %   3.16 %
#     Sichuan decision       vs Jiangyang plan                    10.47 %   2.65 %
#     Sichuan decision       vs Longmatan programme                4.02 %   1.26 %
#
# Unrelated documents share at most 4.25 % on a side (two district plans of one city,
# through the same stock phrases); documents where one carries out or revises the other
# share 17 % and more on both sides. The bar sits just above the unrelated level. The
# only related pair below it, the province's decision against a district's programme
# two levels down, shares no passage longer than 18 characters: in wording it is as far
# apart as unrelated documents, so the warning (which only asks to confirm the files)
# is true of it too.
NOTHING_IN_COMMON = 0.05

# The verdict in the words every output opens with (the reports' head, the command line).
IDENTICAL = "两份文件内容相同，没有差异"
UNRELATED = "警告：两份文件几乎没有相同内容，请确认是否选错了文件"

_NUMBER_TAIL = "、．.，, 　"  # punctuation that closes a number ("一、", "1．") but not a citation
_ROLE_NAMES = {"preamble": "标题", "closing": "落款"}


@dataclass(frozen=True)
class UnchangedRun:
    """Consecutive sibling sections of one side, each wholly unchanged.

    ``start``/``end`` are display offsets: from the first section's heading to the end
    of the last one. ``label`` cites them as a drafter would within their parent
    (第一节至第二节); ``place`` cites that parent (第一篇第四章), "" at the top.
    """

    side: str  # "L" or "R"
    sections: tuple[str, ...]
    start: int
    end: int
    label: str
    place: str = ""

    @property
    def summary(self) -> str:
        """The run as one line out of context (a report): "第一篇第四章第一节至第二节 未修改"."""
        return f"{self.place}{self.label} 未修改"


@dataclass(frozen=True)
class Verdict:
    """The overall answers for one comparison."""

    identical: bool  # nothing to review: same comparison text, all paired same, nothing moved
    nothing_in_common: bool  # both sides share less than NOTHING_IN_COMMON: a wrong file?
    left_runs: tuple[UnchangedRun, ...]
    right_runs: tuple[UnchangedRun, ...]

    def runs(self, side: str) -> tuple[UnchangedRun, ...]:
        """The unchanged runs of side "L" or "R", in document order."""
        return self.left_runs if side == "L" else self.right_runs


def verdict(comparison: Comparison) -> Verdict:
    """Whether the inputs are identical or unrelated, and their unchanged runs."""
    return Verdict(
        identical=is_identical(comparison),
        nothing_in_common=has_nothing_in_common(comparison),
        left_runs=unchanged_runs(comparison, "L"),
        right_runs=unchanged_runs(comparison, "R"),
    )


def is_identical(comparison: Comparison) -> bool:
    """True when the two inputs have the same comparison text and the result shows no change."""
    if comparison.moves or comparison.changes:
        return False
    for kind in (*(k for _, k in comparison.coverage.left), *(k for _, k in comparison.coverage.right)):
        if kind is None:  # an unpaired leaf: deleted or inserted
            return False
    if any(pair.kind is not PairKind.SAME for pair in comparison.pairs):
        return False
    # The pairing can call sections "same" whose numbers differ; only the whole text decides.
    t2s = comparison.options.t2s
    return normalize(comparison.left.text, t2s).text == normalize(comparison.right.text, t2s).text


def has_nothing_in_common(comparison: Comparison) -> bool:
    """True when neither side shares more wording with the other than unrelated documents do."""
    stats = comparison.stats
    return stats.left_shared < NOTHING_IN_COMMON and stats.right_shared < NOTHING_IN_COMMON


def unchanged_sections(comparison: Comparison, side: str) -> frozenset[str]:
    """Ids of the sections of a side that are wholly unchanged, at every level.

    A leaf is unchanged when it has counterparts and every pair it takes part in is
    ``same``; a parent when, besides, its own pairs are all ``same`` and so are all its
    children. Anything inside a moved section (on either side) counts as changed, since
    the move is a navigation stop.
    """
    document = comparison.left if side == "L" else comparison.right
    other = comparison.right if side == "L" else comparison.left
    moved = {m.left for m in comparison.moves} | {m.right for m in comparison.moves}
    found: set[str] = set()
    # Children come after their parents in document order: decide bottom-up.
    for section in reversed(document.sections):
        pairs = comparison.pairs_of(section.id)
        if not pairs or any(p.kind is not PairKind.SAME for p in pairs):
            continue
        if not all(child in found for child in section.children):
            continue
        if _within(document, section.id, moved):
            continue
        counterparts = comparison.counterparts(section.id)
        if any(_within(other, cid, moved) for cid in counterparts):
            continue
        found.add(section.id)
    return frozenset(found)


def unchanged_runs(comparison: Comparison, side: str) -> tuple[UnchangedRun, ...]:
    """Maximal runs of consecutive wholly unchanged sibling sections of one side, in order.

    The outline is walked from the top: an unchanged section is taken whole (its
    children are not listed apart); a changed one is entered to find unchanged parts
    below it. Siblings join one run only when nothing but white space lies between them.
    """
    document = comparison.left if side == "L" else comparison.right
    unchanged = unchanged_sections(comparison, side)
    if not unchanged:
        return ()
    runs: list[UnchangedRun] = []
    top = tuple(s for s in document.sections if s.parent is None)
    _collect(document, side, top, unchanged, runs)
    return tuple(runs)


def run_of(document: Document, side: str, sections: Sequence[Section]) -> UnchangedRun:
    """Consecutive unchanged sibling sections of one side, cited as :func:`unchanged_runs` cites its runs.

    For part of a run: a report that keeps one row of a run (a deleted item slotted in
    the middle of it, say) cites the unchanged sections on each side of that row apart.
    """
    return _run(document, side, list(sections))


def _collect(
    document: Document, side: str, siblings: tuple[Section, ...], unchanged: frozenset[str], runs: list[UnchangedRun]
) -> None:
    group: list[Section] = []
    for section in siblings:
        if section.id in unchanged:
            if group and document.text[group[-1].end : section.start].strip():
                runs.append(_run(document, side, group))
                group = []
            group.append(section)
            continue
        if group:
            runs.append(_run(document, side, group))
            group = []
        children = tuple(document.by_id[c] for c in section.children)
        _collect(document, side, children, unchanged, runs)
    if group:
        runs.append(_run(document, side, group))


def _run(document: Document, side: str, group: list[Section]) -> UnchangedRun:
    first, last = group[0], group[-1]
    where = "".join(_cite(s) for s in document.containing(first.id))
    return UnchangedRun(side, tuple(s.id for s in group), first.start, last.end, _label(group), where)


def _label(group: list[Section]) -> str:
    """Cite a run: "第三章至第五章"; "标题及第一章至第二章"; "“加强组织领导…”等3段" when unnumbered."""
    numbered = [s for s in group if _cite(s)]
    if not numbered:
        name = _name(group[0])
        return name if len(group) == 1 else f"{name}等{len(group)}段"
    span = _cite(numbered[0]) if len(numbered) == 1 else f"{_cite(numbered[0])}至{_cite(numbered[-1])}"
    # Unnumbered sections between numbered ones fall inside the range; a leading one is named.
    return span if group[0] is numbered[0] else f"{_name(group[0])}及{span}"


def _name(section: Section) -> str:
    """An unnumbered section: the title block, the closing, or its opening words in quotes."""
    if section.role in _ROLE_NAMES:
        return _ROLE_NAMES[section.role]
    # Quotes inside a quotation become single quotes, as Chinese typesetting nests them.
    return "“" + section.caption(12).replace("“", "‘").replace("”", "’") + "”"


def _cite(section: Section) -> str:
    """The section's number as cited in running text: "第三章", "（八）", "一" for "一、"."""
    return section.number.strip().rstrip(_NUMBER_TAIL)





def _within(document: Document, section_id: str, ids: set[str]) -> bool:
    """True when the section or one of its ancestors is in ``ids``."""
    current: str | None = section_id
    while current is not None:
        if current in ids:
            return True
        current = document.by_id[current].parent
    return False
