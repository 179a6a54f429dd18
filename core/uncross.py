"""Leaf pairs of a revision that cross their articles, put straight.

Leaves are paired on wording alone, whatever their parents. Where two articles hold
paragraphs of the same wording, a paragraph can pair with its twin in the other article
while every other paragraph of both pairs straight: 《最高人民法院关于适用〈民事诉讼法〉的
解释》 has 自执行异议裁定送达之日起十五日内提起 as item (三) of two articles, and an edit
elsewhere in the text tipped the tie between them; 烟草专卖法实施条例 2023 re-cites the
law's renumbered articles in its 第五十一条 and 第五十三条, so the old lead paragraph of one
reads word for word as the new one of the other. Either way the two leaves were reported moved into the other article.
Such a pair of pairs is swapped when both straight pairs are acceptable on their wording:
each paragraph then pairs inside the article the rest of its article pairs with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from core.document import Document
from core.wording import Candidate


def uncrossed(chosen: Sequence[Candidate], candidates: Sequence[Candidate], left: Document, right: Document,
              acceptable: Callable[[Candidate], bool]) -> list[Candidate]:
    """``chosen`` with each crossing pair of one-to-one pairs swapped for the straight
    pair of pairs among ``candidates``, where both of those are ``acceptable``."""
    lefts, rights = Counter(c.left for c in chosen), Counter(c.right for c in chosen)
    single = [c for c in chosen if lefts[c.left] == 1 and rights[c.right] == 1]
    partner = _partners(chosen, left, right)
    # Crossing pairs by (left parent, right parent); a pair crosses when its left parent's
    # other leaves mostly pair into another right parent.
    crossing: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in single:
        left_parent, right_parent = left.by_id[c.left].parent, right.by_id[c.right].parent
        if left_parent is not None and right_parent is not None and partner.get(left_parent) not in (None,
                                                                                                        right_parent):
            crossing[(left_parent, right_parent)].append(c)
    if not crossing:
        return list(chosen)
    by_pair = {(c.left, c.right): c for c in candidates}
    swapped: dict[int, Candidate | None] = {}  # id of a chosen pair -> what replaces it (None: its twin does)
    for (left_parent, right_parent), found in crossing.items():
        for c in found:
            if id(c) in swapped:
                continue
            twin = next((d for d in _twins(crossing, partner, left_parent, right_parent)
                         if id(d) not in swapped and _straight(c, d, by_pair, acceptable)), None)
            if twin is not None:
                swapped[id(c)] = by_pair[(c.left, twin.right)]
                swapped[id(twin)] = by_pair[(twin.left, c.right)]
    out = [swapped.get(id(c), c) for c in chosen]
    return [c for c in out if c is not None]


def _partners(chosen: Sequence[Candidate], left: Document, right: Document) -> dict[str, str]:
    """Each left parent and the right parent most of its paired leaves pair into, where
    more than half of them do."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in chosen:
        left_parent, right_parent = left.by_id[c.left].parent, right.by_id[c.right].parent
        if left_parent is not None and right_parent is not None:
            votes[left_parent][right_parent] += 1
    out = {}
    for left_parent, counted in votes.items():
        top, count = counted.most_common(1)[0]
        if 2 * count > sum(counted.values()):
            out[left_parent] = top
    return out


def _twins(crossing: dict[tuple[str, str], list[Candidate]], partner: dict[str, str], left_parent: str,
           right_parent: str) -> list[Candidate]:
    """The crossing pairs going the other way: from a left parent whose partner is
    ``right_parent`` into the partner of ``left_parent``."""
    wanted = partner[left_parent]
    return [d for (other_left, other_right), found in crossing.items()
            if other_right == wanted and partner.get(other_left) == right_parent for d in found]


def _straight(c: Candidate, d: Candidate, by_pair: dict[tuple[str, str], Candidate],
              acceptable: Callable[[Candidate], bool]) -> bool:
    """Whether both straight pairs of the crossing pairs ``c`` and ``d`` are acceptable candidates."""
    one, other = by_pair.get((c.left, d.right)), by_pair.get((d.left, c.right))
    return one is not None and other is not None and acceptable(one) and acceptable(other)
