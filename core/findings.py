"""Policy findings: which commitments changed, on top of the alignment and the diff.

A drafter's question is which targets, deadlines, obligations and responsibilities
changed, and which items were not taken up. Changed values, modal words and duties come
from the mentions each edit of a pair touches (``core.section_mentions``,
``core.edit_matching``). Unpaired leaves become coverage findings. Everything is found
in comparison form and reported with the display offsets and display text of each side.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from functools import cached_property

from core import patterns
from core.document import Document, Section
from core.edit_matching import Edit, Touched, cancel, match_in_edit, touched
from core.kinds import CoverageGrade, Direction, FindingKind, OpKind, PairKind, Relation
from core.lines import number_scheme
from core.normalize import Normalized
from core.obligations import scale
from core.pairs import DiffOp, Pair
from core.quantities import Mention, governed_by_achievement, quantity_unit, same_measure, value_contexts
from core.result import Coverage, Finding, Move
from core.section_mentions import Side
from core.tuning import TUNING

_ARTICLES_MIN = 3  # articles (第X条) that make a document a law or regulation for ``_in_articles``
_LABEL_MAX = 40  # characters of a section label quoted in a coverage summary
_KIND_ORDER = tuple(FindingKind)
_VALUE_KINDS = (FindingKind.QUANTITY, FindingKind.DATE)
_NAMES = {FindingKind.QUANTITY: "目标值", FindingKind.DATE: "时限"}
# An amount of a penalty clause (处五万元以下罚款; 并处一万元以上五万元以下的罚款) is a fine, not
# a target: the amount, then up to one more amount or a few words, then 罚款 or 罚金, within
# the clause (comparison form writes ， as ",").
_FINE_AFTER = patterns.compiled(r"[^,。；;:：\n]{0,16}?(?:罚款|罚金)")
_FINE = "罚款"
# An amount closing a condition (违法所得超过2万元的，…; 货值金额一万元以上的，…) is the threshold
# the rule applies from, not a target: the amount, then 的 ending the clause (a bound already
# belongs to the amount; 完成30%的改造任务 is a target).
_THRESHOLD_AFTER = patterns.compiled("的[,;:]")
_THRESHOLD = "数额"
# A span of time (2个月内, 延长三年, 1至3年不得申请) is a time limit, not a target.
_PERIOD = "期限"
# A number a law or regulation sets (董事会成员为三人以上; 摘要文字部分不得超过300个字) is a rule's,
# not a target, unless a verb of achievement governs it (示范区覆盖率达到30%).
_RULE_VALUE = "数值"


def _any(_a: Hashable, _b: Hashable) -> bool:
    return True


def _value_name(kind: FindingKind, side: Side, mention: Mention, statutes: bool = False) -> str:
    """What a changed value is called in its finding: 时限 for a date; for a quantity 罚款 when it
    is the amount of a fine, 期限 for a span of time, 数额 when it is the threshold of a
    condition, else 目标值, or between ``statutes`` (laws, regulations) 数值 unless it is a target."""
    if kind is FindingKind.QUANTITY:
        text = side.norm.text
        if _FINE_AFTER.match(text, mention.end):
            return _FINE
        if quantity_unit(mention.key) in value_contexts()["duration"]:
            return _PERIOD
        if _THRESHOLD_AFTER.match(text, mention.end):
            return _THRESHOLD
        if statutes and not governed_by_achievement(text, mention):
            return _RULE_VALUE
    return _NAMES[kind]


def _in_articles(doc: Document) -> bool:
    """Whether a document is written in articles (第X条), as laws and regulations are: three
    of them at least, and more than sections of any other numbering."""
    schemes = Counter(scheme for section in doc.sections if (scheme := number_scheme(section.number)))
    articles = schemes.pop("article", 0)
    return articles >= _ARTICLES_MIN and articles > max(schemes.values(), default=0)


class _Engine:
    def __init__(self, left: Side, right: Side, pairs: Sequence[Pair], relation: Relation) -> None:
        self.left = left
        self.right = right
        self.pairs = pairs
        # An implementing item adds local figures and leaves out what it does not carry
        # out of a base item: a value on one side only is no changed commitment there.
        self.one_sided_values = relation is Relation.REVISION
        self.counterparts: dict[str, list[str]] = {}
        self.pair_indexes: dict[str, list[int]] = {}
        for i, p in enumerate(pairs):
            self.pair_indexes.setdefault(p.left, []).append(i)
            self.pair_indexes.setdefault(p.right, []).append(i)
            if p.kind in (PairKind.SAME, PairKind.MODIFIED):
                self.counterparts.setdefault(p.left, []).append(p.right)
                self.counterparts.setdefault(p.right, []).append(p.left)
        self.out: list[tuple[tuple[int, int, int, int], Finding]] = []
        self._said: set[tuple[FindingKind, Direction, str, tuple[int, int] | None]] = set()
        # Between two laws or regulations some modal words bind alike (必须 and 应当: ``scale``).
        self.statutes = _in_articles(left.doc) and _in_articles(right.doc)
        self.statute_levels = scale().statute_levels if self.statutes else {}

    def add(self, finding: Finding, anchor: int | None = None, tier: int = 1) -> None:
        # Two articles merged into one (会计法 2017 第四十三条 and 第四十四条, one fine each, into
        # 2024 第四十一条) pair with it twice: the same change of the same text is said once.
        where = finding.left if finding.direction is Direction.REMOVED else finding.right
        said = (finding.kind, finding.direction, finding.summary, where)
        if said in self._said:
            return
        self._said.add(said)
        right_pos = finding.right[0] if finding.right else -1
        left_pos = finding.left[0] if finding.left else -1
        position = right_pos if anchor is None else anchor
        self.out.append(((position, tier, left_pos, _KIND_ORDER.index(finding.kind)), finding))

    def elsewhere(self, side: Side, other: Side, section: Section, exclude: str, kind: FindingKind,
                  key: Hashable) -> bool:
        """True when ``key`` occurs in another counterpart of ``section`` (a split or merge)."""
        for sid in self.counterparts.get(section.id, ()):
            if sid != exclude:
                counterpart = other.doc.by_id[sid]
                if any(m.key == key for m in other.mentions(counterpart, not counterpart.is_leaf)[kind]):
                    return True
        return False

    def pair(self, index: int, pair: Pair) -> None:
        if pair.kind not in (PairKind.SAME, PairKind.MODIFIED):
            return
        ls, rs = self.left.doc.by_id[pair.left], self.right.doc.by_id[pair.right]
        # Text of a parent lives in its children's pairs, except its own heading line.
        heading_only = not (ls.is_leaf and rs.is_leaf)
        edits = self._edits(pair.diff, ls, rs, heading_only)
        if not edits:
            return
        left_m = self.left.mentions(ls, heading_only)
        right_m = self.right.mentions(rs, heading_only)
        left_spans = [e.left for e in edits]
        right_spans = [e.right for e in edits]
        for kind in _VALUE_KINDS:
            self._values(index, kind, ls, rs, edits,
                         touched(left_m[kind], left_spans), touched(right_m[kind], right_spans))
        self._modals(index, edits, touched(left_m[FindingKind.MODAL], left_spans),
                     touched(right_m[FindingKind.MODAL], right_spans))
        if touched(left_m[FindingKind.DUTY], left_spans) or touched(right_m[FindingKind.DUTY], right_spans):
            self._duties(index, ls, rs, edits, left_m[FindingKind.DUTY], right_m[FindingKind.DUTY])

    def _edits(self, diff: Sequence[DiffOp], ls: Section, rs: Section, heading_only: bool) -> list[Edit]:
        l_lo, l_hi = self.left.span(ls, heading_only)
        r_lo, r_hi = self.right.span(rs, heading_only)
        edits = []
        for op in diff:
            if op.op is OpKind.EQUAL:
                continue
            a, b = self.left.norm.from_display(op.left_start, op.left_end)
            c, d = self.right.norm.from_display(op.right_start, op.right_end)
            left = (min(max(a, l_lo), l_hi), max(min(b, l_hi), l_lo))
            right = (min(max(c, r_lo), r_hi), max(min(d, r_hi), r_lo))
            if left[0] < left[1] or right[0] < right[1]:
                edits.append(Edit(left, right, op.right_start))
        return edits

    def _values(self, index: int, kind: FindingKind, ls: Section, rs: Section, edits: list[Edit],
                left: list[Touched], right: list[Touched]) -> None:
        left, right = cancel(left, right)
        # A value the right section holds as another of its counterparts held it is that one's,
        # kept (points renumbered: old (三)'s 200元以下 is new (二)'s, and old (二)'s 500元以下 did
        # not become it). A value of the left section found in another of its counterparts may
        # still have changed in this one: an article split by case keeps its fine for one and
        # lowers it for another.
        right = [t for t in right if not self.elsewhere(self.right, self.left, rs, ls.id, kind, t.mention.key)]
        compatible = same_measure if kind is FindingKind.QUANTITY else _any
        changed, left, right = match_in_edit(left, right, compatible, edits,
                                              (self.left.norm.text, self.right.norm.text))
        for a, b in changed:
            (l_span, before), (r_span, after) = self.left.display(a.mention), self.right.display(b.mention)
            name = _value_name(kind, self.right, b.mention, self.statutes)
            self.add(Finding(kind, Direction.CHANGED, l_span, r_span, before, after, index,
                             f"{name} {before} → {after}"))
        if not self.one_sided_values:
            return
        # A value merely bordering an edit is still there: it was neither removed nor added.
        for t in left:
            if t.inside and not self.elsewhere(self.left, self.right, ls, rs.id, kind, t.mention.key):
                l_span, before = self.left.display(t.mention)
                point = edits[t.edit].right_display
                self.add(Finding(kind, Direction.REMOVED, l_span, (point, point), before, "", index,
                                 f"删除{_value_name(kind, self.left, t.mention, self.statutes)}：{before}"))
        for t in right:
            if t.inside:
                r_span, after = self.right.display(t.mention)
                point = self.left.norm.to_display(*edits[t.edit].left)[0]
                self.add(Finding(kind, Direction.ADDED, (point, point), r_span, "", after, index,
                                 f"新增{_value_name(kind, self.right, t.mention, self.statutes)}：{after}"))

    def _modals(self, index: int, edits: list[Edit], left: list[Touched], right: list[Touched]) -> None:
        # Only a clause whose modal word was replaced counts: both words in one edit, and
        # either the edit is no more than the word or the clause goes on the same way.
        for edit in sorted({t.edit for t in left} & {t.edit for t in right}):
            lefts, rights = cancel([t for t in left if t.edit == edit], [t for t in right if t.edit == edit])
            small = all(e - s <= TUNING.findings.word_edit for s, e in (edits[edit].left, edits[edit].right))
            for a, b in zip(lefts, rights, strict=False):
                before_level, after_level = self._level(a.mention), self._level(b.mention)
                if before_level == after_level or not (small or self._same_clause(a.mention, b.mention)):
                    continue
                (l_span, before), (r_span, after) = self.left.display(a.mention), self.right.display(b.mention)
                stronger = after_level > before_level
                self.add(Finding(
                    FindingKind.MODAL, Direction.STRENGTHENED if stronger else Direction.WEAKENED,
                    l_span, r_span, before, after, index,
                    f"约束力{'增强' if stronger else '减弱'}：{before} → {after}",
                ))

    def _level(self, mention: Mention) -> int:
        """The level of a modal word (its key: word and level on the scale), as the documents read it."""
        key: tuple[str, int] = mention.key  # type: ignore[assignment]
        return self.statute_levels.get(key[0], key[1])

    def _same_clause(self, a: Mention, b: Mention) -> bool:
        """True when the words after two modal words agree (the clause is the same)."""
        context = TUNING.findings.clause_context
        after_a = self.left.norm.text[a.end:a.end + context]
        return len(after_a) == context and after_a == self.right.norm.text[b.end:b.end + context]

    def _duties(self, index: int, ls: Section, rs: Section, edits: list[Edit],
                left: list[Mention], right: list[Mention]) -> None:
        # A duty list is one unit per item: compare the bodies under each label as sets.
        right_keys = {m.key for m in right}
        left_keys = {m.key for m in left}
        left_edit = {t.mention: t.edit for t in touched(left, [e.left for e in edits])}
        right_edit = {t.mention: t.edit for t in touched(right, [e.right for e in edits])}
        for m in left:
            if m.key in right_keys or self.elsewhere(self.left, self.right, ls, rs.id, FindingKind.DUTY, m.key):
                continue
            l_span, before = self.left.display(m)
            point = edits[left_edit[m]].right_display if m in left_edit else rs.start
            label = m.key[0]  # type: ignore[index]
            self.add(Finding(FindingKind.DUTY, Direction.REMOVED, l_span, (point, point), before, "", index,
                             f"{label}删除：{before}"))
        for m in right:
            if m.key in left_keys or self.elsewhere(self.right, self.left, rs, ls.id, FindingKind.DUTY, m.key):
                continue
            r_span, after = self.right.display(m)
            point = self.left.norm.to_display(*edits[right_edit[m]].left)[0] if m in right_edit else ls.start
            label = m.key[0]  # type: ignore[index]
            self.add(Finding(FindingKind.DUTY, Direction.ADDED, (point, point), r_span, "", after, index,
                             f"{label}新增：{after}"))

    def moves(self, moves: Sequence[Move]) -> None:
        """One finding per moved section: 由第一章第二节移至第三章第一节, named by what moved, the
        section as it stood: a revision may open the moved article with a sentence of its own
        (第三条 行政复议工作坚持中国共产党的领导。), which was never where it is said to come from."""
        for move in moves:
            ls, rs = self.left.doc.by_id[move.left], self.right.doc.by_id[move.right]
            label = _short(ls.title or ls.label)
            self.add(Finding(FindingKind.MOVE, Direction.MOVED, (ls.start, ls.end), (rs.start, rs.end),
                             move.left_place, move.right_place, move.pair,
                             f"移动：「{label}」由{move.left_place}移至{move.right_place}"))

    def coverage(self, cov: Coverage, relation: Relation) -> None:
        """Leaves not taken up (left) and purely local leaves (right).

        A leaf whose only counterparts are ``related`` (same subject, little shared
        wording) and already have closer counterparts of their own is reported too,
        with its closest counterpart: it resembles its neighbours but was not taken up.
        """
        paired_left = {p.left for p in self.pairs}
        paired_right = {p.right for p in self.pairs}
        if relation is Relation.IMPLEMENTATION:
            # The grades decide: an item only touched in passing is not 未见落实.
            lost = [(sid, None if grade is CoverageGrade.NOT_TAKEN_UP else PairKind.RELATED)
                    for sid, grade in cov.grades]
            removed, added = "未见落实", "本地新增"
        else:
            lost, removed, added = list(cov.left), "删除", "新增"
        for section in _uncovered(self.left.doc, lost, paired_left):
            label = _short(section.label)
            self.add(
                Finding(FindingKind.COVERAGE, Direction.REMOVED, (section.start, section.end), None,
                        label, "", None, f"{removed}：{label}"),
                anchor=self._left_anchor(section), tier=0,
            )
        right = cov.right
        if relation is Relation.IMPLEMENTATION:
            # items that carry out nothing; a line that addresses or signs the document is no item
            local = set(cov.local)
            right = tuple((sid, None if sid in local else PairKind.RELATED) for sid, _ in cov.right)
        for section in _uncovered(self.right.doc, right, paired_right):
            label = _short(section.label)
            self.add(Finding(FindingKind.COVERAGE, Direction.ADDED, None, (section.start, section.end),
                             "", label, None, f"{added}：{label}"))
        if relation is Relation.IMPLEMENTATION:
            return
        for sid, kind in cov.left:
            if kind is PairKind.RELATED and self._only_loose(sid, "left"):
                index, other = self._closest(sid, "left")
                section, label = self.left.doc.by_id[sid], _short(self.left.doc.by_id[sid].label)
                self.add(Finding(FindingKind.COVERAGE, Direction.REMOVED, (section.start, section.end),
                                 (other.start, other.end), label, "", index, f"删除（仅主题相关）：{label}"))
        for sid, kind in cov.right:
            if kind is PairKind.RELATED and self._only_loose(sid, "right"):
                index, other = self._closest(sid, "right")
                section, label = self.right.doc.by_id[sid], _short(self.right.doc.by_id[sid].label)
                self.add(Finding(FindingKind.COVERAGE, Direction.ADDED, (other.start, other.end),
                                 (section.start, section.end), "", label, index, f"新增（仅主题相关）：{label}"))

    def _only_loose(self, sid: str, side: str) -> bool:
        """True when every ``related`` counterpart of a section has a closer counterpart of its own.

        Then the section merely resembles items that correspond to something else (it was
        dropped or inserted); two sections related only to each other are one item
        rewritten in other words, which is taken up, not missing.
        """
        for i in self.pair_indexes[sid]:
            other = self.pairs[i].right if side == "left" else self.pairs[i].left
            if all(self.pairs[j].kind is PairKind.RELATED for j in self.pair_indexes[other]):
                return False
        return True

    def _closest(self, sid: str, side: str) -> tuple[int, Section]:
        """Index of the best-scoring pair of a section, and its counterpart there."""
        index = max(self.pair_indexes[sid], key=lambda i: (self.pairs[i].score, -i))
        p = self.pairs[index]
        return index, (self.right.doc.by_id[p.right] if side == "left" else self.left.doc.by_id[p.left])

    @cached_property
    def _anchors(self) -> tuple[list[int], list[int]]:
        """Starts of the left leaves that have a leaf counterpart, in order, and the end of
        each one's first counterpart on the right: built once, not per uncovered section."""
        left, right = self.left.doc, self.right.doc
        first_partner: dict[str, Section] = {}
        for p in self.pairs:
            if left.by_id[p.left].is_leaf and right.by_id[p.right].is_leaf:
                partner = right.by_id[p.right]
                if p.left not in first_partner or partner.start < first_partner[p.left].start:
                    first_partner[p.left] = partner
        paired = [leaf for leaf in left.leaves if leaf.id in first_partner]
        return [leaf.start for leaf in paired], [first_partner[leaf.id].end for leaf in paired]

    def _left_anchor(self, section: Section) -> int:
        """Right position after which a left-only section is listed (see ``core.report.changes``)."""
        starts, ends = self._anchors
        i = bisect_left(starts, section.start) - 1
        return ends[i] if i >= 0 else -1


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_MAX else label[:_LABEL_MAX] + "…"


def _uncovered(doc: Document, leaves: Sequence[tuple[str, PairKind | None]], paired: set[str]) -> list[Section]:
    """Unpaired leaves, each replaced by its highest ancestor that is wholly unpaired."""
    lost = {sid for sid, kind in leaves if kind is None}
    leaf_starts = [s.start for s in doc.leaves]

    def wholly_lost(section: Section) -> bool:
        if section.id in paired or section.role == "preamble":
            return False
        inside = doc.leaves[bisect_left(leaf_starts, section.start):bisect_left(leaf_starts, section.end)]
        return all(leaf.id in lost for leaf in inside)

    out: dict[str, Section] = {}
    for sid in sorted(lost, key=lambda s: doc.by_id[s].start):
        section = doc.by_id[sid]
        if section.role == "preamble":
            continue
        while section.parent and wholly_lost(doc.by_id[section.parent]):
            section = doc.by_id[section.parent]
        out.setdefault(section.id, section)
    return list(out.values())


def findings(
    left_doc: Document,
    left_norm: Normalized,
    right_doc: Document,
    right_norm: Normalized,
    pairs: Sequence[Pair],
    coverage: Coverage,
    relation: Relation = Relation.REVISION,
    moves: Sequence[Move] = (),
) -> tuple[Finding, ...]:
    """The changed commitments between two aligned documents.

    Input: both documents with their comparison forms, the pairs (with their diffs, as
    built by ``core.compare``) and the leaf coverage. Output: quantity, date, modal,
    duty, move and coverage findings with display spans, in the right document's reading
    order; left-only items follow their nearest preceding paired item, as in
    ``core.report.changes``. A removal inside a pair gets an empty right span at the
    place of the removal, an addition an empty left span; coverage findings have no
    span on the other side. Deterministic.
    """
    engine = _Engine(Side(left_doc, left_norm), Side(right_doc, right_norm), pairs, relation)
    for index, pair in enumerate(pairs):
        engine.pair(index, pair)
    engine.moves(moves)
    engine.coverage(coverage, relation)
    engine.out.sort(key=lambda item: (item[0], item[1].summary))
    return tuple(f for _, f in engine.out)
