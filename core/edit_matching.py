"""Which mentions the word-level edits of a pair touch, and which of them changed.

For every ``same``/``modified`` pair the word-level diff localises the edits: a
quantity, date, modal word or responsible body counts only where an edit touches it,
and a value deleted in one place and inserted in another place of the same pair (a
moved sentence) cancels out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from operator import add

from core import patterns
from core.one_to_one import one_to_one
from core.quantities import Mention


@dataclass(frozen=True)
class Edit:
    """A non-equal diff op in normalized offsets, clipped to the compared regions."""

    left: tuple[int, int]
    right: tuple[int, int]
    right_display: int  # where the edit is on the right, for placing removals


@dataclass(frozen=True)
class Touched:
    """A mention an edit touches."""

    mention: Mention
    edit: int  # index of the edit touching it
    inside: bool  # the edit overlaps the mention (not merely adjacent to it)


def touched(mentions: Sequence[Mention], spans: Sequence[tuple[int, int]]) -> list[Touched]:
    """Mentions that an edit overlaps, or that an insertion point (empty span) borders."""
    starts = [s for s, _ in spans]
    out = []
    for m in mentions:
        # Edits are in order and do not overlap: only those starting before the mention ends matter.
        for i in range(bisect_right(starts, m.end) - 1, -1, -1):
            s, e = spans[i]
            if e < m.start:
                break
            if s < e and s < m.end and m.start < e:
                out.append(Touched(m, i, True))
                break
            if s == e and m.start <= s <= m.end:
                out.append(Touched(m, i, False))
                break
    return out


def cancel(left: list[Touched], right: list[Touched]) -> tuple[list[Touched], list[Touched]]:
    """Drop values found on both sides (an edit around an unchanged value, a moved sentence)."""
    rest_right = list(right)
    rest_left = []
    for t in left:
        same = [j for j, r in enumerate(rest_right) if r.mention.key == t.mention.key]
        if same:
            near = [j for j in same if rest_right[j].edit == t.edit]
            rest_right.pop((near or same)[0])
        else:
            rest_left.append(t)
    return rest_left, rest_right


def _one_value(a: Touched, b: Touched, edit: Edit) -> bool:
    """True when a left and a right value of one edit can be the same value rewritten.

    A value that only borders an insertion (8万亩 before ",其中…完成3万亩") is still there;
    it changed only if its counterpart runs across the edge of the edit (30% → 30%以上),
    not if the counterpart lies wholly inside the inserted text.
    """
    if not a.inside:
        return b.mention.start < edit.right[0] or b.mention.end > edit.right[1]
    if not b.inside:
        return a.mention.start < edit.left[0] or a.mention.end > edit.left[1]
    return True


def match_in_edit(
    left: list[Touched], right: list[Touched], compatible: Callable[[Hashable, Hashable], bool],
    edits: Sequence[Edit], texts: tuple[str, str] = ("", ""),
) -> tuple[list[tuple[Touched, Touched]], list[Touched], list[Touched]]:
    """Pair left and right values of the same edit: the changed ones. A value pairs with one of
    the same tier (``_tier``: whom it fines, and whether 情节严重的 raises it), then with the one
    whose lead-in (``texts``: the two comparison texts) shares most with its own: the tier of a
    penalty (……可以对单位并处 with ……对单位可以并处, 对直接负责的主管人员……处 with the same), not
    the first value of a rewritten clause (a threshold of illegal income); among equals, with
    the first it can be, in order (a new 情节严重 tier comes after the value it raises). A value
    of another edit of the pair can be the one when their lead-ins are mostly alike: the diff
    may have lined the old clause up with the new tier repeating its words (会计法 2024 第四十条:
    对其直接负责的主管人员……可以处五万元以下, then 情节严重的……可以处五万元以上五十万元以下)."""
    options = []
    leads = [_lead(texts[1], r.mention) if texts[1] else set() for r in right]
    tiers = [_tier(texts[1], r.mention) if texts[1] else _NO_TIER for r in right]
    for i, t in enumerate(left):
        lead = _lead(texts[0], t.mention) if texts[0] else set()
        tier = _tier(texts[0], t.mention) if texts[0] else _NO_TIER
        for j, r in enumerate(right):
            if not compatible(t.mention.key, r.mention.key):
                continue
            kin = len(lead & leads[j])
            same_edit = r.edit == t.edit and _one_value(t, r, edits[t.edit])
            if same_edit or (r.edit != t.edit and r.inside and t.inside and 2 * kin > len(lead)):
                whom, raised = _agreement(tier, tiers[j])
                if whom >= 0 and raised >= 0:
                    options.append(((-whom, -raised, -kin, i, j), i, j))
    chosen = sorted((i, j) for _, i, j in one_to_one(sorted(options)))
    taken_left, taken_right = {i for i, _ in chosen}, {j for _, j in chosen}
    rest_left = [t for i, t in enumerate(left) if i not in taken_left]
    rest_right = [r for j, r in enumerate(right) if j not in taken_right]
    return [(left[i], right[j]) for i, j in chosen], rest_left, rest_right


# Characters before a value read as its lead-in, within its clause group (a semicolon or a
# full stop closes the tier before it: 对单位……罚款；对其直接负责的主管人员……罚款).
_LEAD = 16
_LEAD_END = "；;。\n"
_HAN = patterns.compiled(r"[\u4e00-\u9fff]+")


def _lead(text: str, mention: Mention) -> set[str]:
    """The bigrams of words in a value's lead-in (of Chinese characters: a comma shared says nothing)."""
    start = max(0, mention.start - _LEAD)
    lead = text[start:mention.start]
    cut = max(lead.rfind(end) for end in _LEAD_END)
    return {gram for run in _HAN.findall(lead[cut + 1:]) for gram in map(add, run, run[1:])}


# Whom a penalty's value is for: the nearest 对…… before it in its clause group, up to the verb
# (对单位可以并处, 对个人处, 对其直接负责的主管人员和其他直接责任人员，可以处); and the
# circumstance raising it (情节严重的, 逾期不改正的). Sixteen characters of lead-in often hold
# neither: 对单位处上一年度销售额百分之一以下的罚款，上一年度没有销售额……的，处五百万元以下.
_WHOM = patterns.compiled(r"对其?([\u4e00-\u9fff、]{1,30}?)(?:可以|并处|处以|处|，|,)")
_RAISED = patterns.compiled(r"情节(?:特别)?(?:严重|较重|较轻|轻微)"
                            r"|(?P<defied>逾期(?:仍)?(?:不|未)|拒不(?:改正|执行|履行|整改|停止|拆除|缴纳))")
_GROUP = 200  # characters searched back for the start of a value's clause group
_NO_TIER = ("", "")


def _tier(text: str, mention: Mention) -> tuple[str, str]:
    """Whom a value is for and what raises it (``_WHOM``, ``_RAISED``), each "" when its clause
    group does not say."""
    group = text[max(0, mention.start - _GROUP):mention.start]
    group = group[max(group.rfind(end) for end in _LEAD_END) + 1:]
    whom = [found.group(1) for found in _WHOM.finditer(group)]
    # Refusing to comply is one tier however it is said (逾期不改正, 逾期仍未履行, 拒不改正).
    raised = ["逾期" if found.group("defied") else found.group() for found in _RAISED.finditer(group)]
    return (whom[-1] if whom else ""), (raised[-1] if raised else "")


def _agreement(left: tuple[str, str], right: tuple[str, str]) -> tuple[int, int]:
    """How far two values' tiers (``_tier``) agree: on whom they fine, 1 when the same, -1 when
    not, 0 when one does not say; on what raises them, 1 when the same (nothing counts) and -1
    when not. A value of one tier never changed into one of another (-1): the fine on the persons
    in charge is not the unit's, a 情节严重 fine not the ordinary one."""
    whom = 1 if left[0] == right[0] else 0 if not left[0] or not right[0] else -1
    return whom, 1 if left[1] == right[1] else -1
