"""Implementing documents: the base item each item of the implementing document carries out.

A city decision carrying out a provincial one re-words almost everything, re-orders it
around local priorities and adds local content, so shared passages alone pair few of
its items. Every implementing item (``core.implementation_pairs.items_of``: a numbered item or an
article, whole) is compared by subject (``core.subjects``) with every base item it could
carry out, and takes the best one by rank: there is no score cut-off that would hold for
one pair only. Candidates scoring nearly as well as the best are told apart by their
chapters: an implementing document keeps the base's subjects together, so the candidate
whose chapter is closest to the item's chapter wins. It is local (本地新增) only when no
base item shares a subject word with it; once one does, the rank decides among all
candidates, the ones sharing no segmenter word included. A purpose article and a
definitions article are paired by their kind (``core.provisions``), on both sides: no other
item carries out the base's purpose or definitions article. The measure's purpose article (根据
《…法》，结合本市实际，制定本办法) also carries out the law's article leaving implementing rules to
the provinces (省、自治区、直辖市……可以根据本法制定实施办法): the measure is what that article asks for.
On the 121 law → 实施办法 pairs of LawRefBook/Laws, 30 such articles had been 仅涉及 or 未见落实, on
the strength of whatever item happened to echo their wording. A scope article (本市行政区域内……，
适用本办法) carries out the base's scope article, and is local where the base has none
(``_scope_of``). A penalty article citing the articles whose breach it punishes
(违反本办法第二十条规定的……) carries out the base's penalty for
the same breach: the one citing the base articles those carry out (违反本法第二十九条规定), else
the one closest in subject to the cited articles, else it is read with their text and chooses
among the base's penalties sharing a subject with it: its own wording is the stock of sanctions
every penalty shares. On 农业技术推广法 → 上海市实施办法 two of its three such articles had gone
to the law's penalty for diverted funds; 动物防疫法 → 北京市实施办法 第二十五条 (animal shows)
went to the penalty for sick workers, 邮政法 → 山东省邮政条例 第三十五条 (obstructing mail
vehicles) to the one for unchecked parcels: each now finds the law's penalty for the same
breach. On the labelled pairs no pairing changes. The other way round, an article that
punishes nothing (no breach it opens with, no sanction) carries out a duty, a power or a right,
never a penalty: a penalty lists the breaches of many articles in their words, and outscored
the article itself (消费者权益保护法 → 浙江省实施办法 第三十九条, the powers to investigate, went
to the law's penalties; 山东省邮政条例's list of prohibited acts to the penalty for one of them,
not to the law's list). No labelled pairing changes; of six pairs read, three changed six
pairings, three for the better and three from one wrong base to another. An item
also carries out every base item whose wording it takes up substantially (one item, several
base items). A runner-up that only scores well is not named as carried out: on the six
labelled pairs such second
bases were wrong two times in three; it is touched instead (below) and stays among the
item's alternatives, for the drafter to confirm. An item whose base item beat another only
by a near tie, with no shared wording behind it, names that other as its rival: on the six
labelled pairs such items were wrong about one time in four, the others one time in twenty.

A base item nobody chose is still *touched* (仅涉及) when an implementing item quotes a
clause of it (wording the item shares with its own base items is theirs, and wording the base
repeats in many articles its stock, not a quote), when an item's runners-up single it out
(its score beats what the best of as many unrelated base items would reach, and they share a
subject word), when it is the lead paragraph of a part whose items are carried out, or when
one implementing item singles it out from the others in the same way and shares a subject
word with it other than the documents' common topic (every article of a 水土保持 实施办法
shares 水土保持 with every article of the law); only then is it 未见落实. For a numbered base item
only a numbered item is asked: a title or preamble citing 《中华人民共和国……法》 scores highest
with every base article that cites another law, and addresses none of them. Leaving stock wording
out of the quotes finds 23 of the six labelled pairs' 57 未见落实 articles instead of 20, none
wrongly. The single-item rule keeps most of the others 仅涉及: requiring the item to rank the base
item among its own best candidates too would find 31, still none wrongly, but on the held-out
邮政法 pair and on an unlabelled one (突发事件应对法 → 北京) one new 未见落实 in three or four
would be wrong, a loud error where 仅涉及 is a soft one. The topic still counts when an item chooses
among base items: there the rank decides, and an item about the topic alone is about the
law, not local (on the soil-conservation pair leaving it out makes five right items local).
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from core.intervals import union_length
from core.kinds import CoverageGrade
from core.pairs import Assignment
from core.provisions import (
    cited_articles,
    defined_terms,
    is_about_itself,
    is_definitions,
    is_enabling,
    is_penalty,
    is_purpose,
    is_scope,
    punishes_officials,
    rewards_merit,
    speaks_of_sanctions,
    takes_effect,
)
from core.subjects import SubjectSpace
from core.tuning import TUNING

_ALTERNATIVES = 3
# Kinds of article nearly every law and measure has one of, which carry each other out (``_Scores``),
# each as (implementing item of the kind, base item of the kind): a base law may reward merit after
# other sentences of an article, while a measure's article about other work may end with a reward.
_KINDS: dict[str, tuple[Callable[[str], bool], Callable[[str], bool]]] = {
    "officials": (punishes_officials, punishes_officials),
    "merit": (functools.partial(rewards_merit, anywhere=False), rewards_merit),
}
_TERMS = 6


@dataclass(frozen=True)
class Wording:
    """Shared wording of one (base leaf, implementing leaf) pair, in normalized characters."""

    left_shared: int
    right_shared: int
    left_share: float  # of the base leaf's wording
    right_share: float  # of the implementing leaf's wording
    acceptable: bool  # enough to call the pair modified on wording alone
    # Each shared passage on the base side: its span in the base's comparison text, and its text.
    passages: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Item:
    """A leaf with what the assignment needs: its comparison text and its parent."""

    id: str
    text: str
    parent: str | None
    numbered: bool  # an item a drafter cites by its number, not a lead paragraph
    number: str = ""  # as written (第二十条), for the items of the same document that cite it


def noise_ceiling(n: int) -> float:
    """Expected largest of ``n`` standard normal scores (Gumbel approximation).

    An item's best candidate counts as found when its standardized score beats what
    the best of ``n`` unrelated candidates reaches by chance; the bar rises slowly
    with the number of candidates, so it carries from 18 items to 200 articles.
    """
    if n < 3:
        return 0.0
    root = math.sqrt(2 * math.log(n))
    return root - (math.log(math.log(n)) + math.log(4 * math.pi)) / (2 * root)


def _moments(scored: Iterable[float], count: int) -> tuple[float, float]:
    """Mean and spread (standard deviation) of ``count`` scores: ``scored`` and zeros for the
    rest; a spread of 0 where they cannot be told apart (fewer than two, or all equal).

    Most candidates share no term with an item and score 0; they are counted, not listed,
    so that an item is weighed against 3,000 candidates as fast as against 30.
    """
    if count < 2:
        return 0.0, 0.0
    # By hand rather than with the statistics module, which costs every start its import
    # (decimal, fractions) and is slower on plain floats.
    values = list(scored)
    mean = math.fsum(values) / count
    squares = math.fsum((x - mean) ** 2 for x in values) + (count - len(values)) * mean * mean
    return mean, math.sqrt(squares / count)


def _standard(value: float, moments: tuple[float, float]) -> float:
    """Standard score of ``value`` among the scores whose ``_moments`` are given."""
    mean, spread = moments
    return (value - mean) / spread if spread else math.inf


class _Scores:
    """Subject similarity of every implementing item with its candidate base items."""

    def __init__(self, left: Sequence[Item], right: Sequence[Item]) -> None:
        self.right = right
        texts = {item.id: item.text for item in (*left, *right)}
        # A penalty article citing its own articles is about what they require: it is read with
        # their text, and chooses among the base's penalties (``_best_of``).
        own = {item.number: item for item in right if item.number}
        # rid -> the ids of the articles it cites, for ``_best_of`` to follow to the base.
        self.cited: dict[str, list[str]] = {
            item.id: cited for item in right
            if (cited := [own[n].id for n in cited_articles(item.text) if n in own and n != item.number])}
        texts.update((rid, "\n".join((texts[rid], *(texts[c] for c in cited)))) for rid, cited in self.cited.items())
        base_penalties = frozenset(base.id for base in left if base.numbered and is_penalty(base.text))
        # An article that punishes nothing carries out a duty, a power or a right, not a penalty
        # (``_best_of``): its candidates are the base's other items.
        self.base_penalties = base_penalties
        self.punishing_nothing = frozenset(item.id for item in right
                                           if item.numbered and not speaks_of_sanctions(item.text))
        # The articles of a kind nearly every law and measure has, on either side: one carries out the
        # other, though what each lists is the text's own (``_best_of``): the penalty on officials'
        # misconduct in office, whatever breaches it names, and the reward for merit, whatever work.
        self.kind_of: dict[str, str] = {}
        self.of_kind: dict[str, frozenset[str]] = {}
        for kind, (item_is, base_is) in _KINDS.items():
            self.kind_of.update((item.id, kind) for item in right if item.numbered and item_is(item.text))
            self.of_kind[kind] = frozenset(base.id for base in left if base.numbered and base_is(base.text))
        # A base penalty citing the base's articles (违反本法第二十条规定) names its duties outright.
        by_number = {base.number: base.id for base in left if base.number}
        self.punished: dict[str, frozenset[str]] = {  # base penalty -> the base items it cites
            base.id: frozenset(by_number[n] for n in cited_articles(base.text) if n in by_number)
            for base in left if base.id in base_penalties}
        self.leaves = SubjectSpace(texts)
        raw = self.leaves.similarities([r.id for r in right], [base.id for base in left])
        # A numbered item carries out numbered base items: lead paragraphs and preambles
        # restate the whole, they are not what an item implements.
        everything = sorted(base.id for base in left)
        numbered = sorted(base.id for base in left if base.numbered)
        allowed = frozenset(numbered)
        # Each item's candidates in id order (how ties at 0 are ranked), and the scores of
        # those sharing a term with it; the others score 0 and are not stored.
        self.candidates: dict[str, list[str]] = {}
        self.score: dict[str, dict[str, float]] = {}
        for r in right:
            only_numbered = r.numbered and bool(numbered)
            self.candidates[r.id] = numbered if only_numbered else everything
            row = raw[r.id]
            self.score[r.id] = ({lid: v for lid, v in row.items() if lid in allowed}
                                if only_numbered and len(numbered) < len(everything) else row)
        # The implementing items that may single out a base item (``closest_item``): for an
        # unnumbered one, the items it is a candidate of; for a numbered one, the numbered items.
        # A title or preamble naming the base (根据《中华人民共和国邮政法》……制定本条例) shares
        # its name with every article and scores highest with many, but addresses none of them.
        self._rows_of = {False: sorted(r.id for r in right if self.candidates[r.id] is everything)}
        self._rows_of[True] = sorted(r.id for r in right if r.numbered) or sorted(r.id for r in right)
        self._singling_numbered = frozenset(self._rows_of[True])
        self._numbered = allowed
        self._everything, self._numbered_order = everything, numbered
        self._chapters_of: dict[bool, dict[str | None, list[str]]] = {}
        # Each side's chapters (the parents of its items) as one text each, for telling near
        # ties apart; items without a parent form one group, which favours no candidate.
        grouped: dict[str, list[str]] = defaultdict(list)
        for side, items in (("base", left), ("item", right)):
            for item in items:
                grouped[f"{side}:{item.parent}"].append(item.id)
        self.chapters = self.leaves.grouped(grouped)
        self._closeness: dict[tuple[str, str], float] = {}
        self._ranked: dict[str, list[tuple[str, float]]] = {}
        self.parent = {item.id: item.parent for item in (*left, *right)}
        # The base's articles leaving implementing rules to the provinces, in order: the measure's
        # purpose article carries them out (``assign``).
        self.enabling = [base.id for base in left if base.numbered and is_enabling(base.text)]
        self._kind_only = frozenset([*self.enabling, *(base.id for base in left
                                                       if is_purpose(base.text) or is_definitions(base.text))])

    def same_kind(self, right: str) -> frozenset[str]:
        """The base items of the implementing item's kind (``_KINDS``): none when it is of none, or
        the base has no item of its kind."""
        kind = self.kind_of.get(right)
        return self.of_kind[kind] if kind else frozenset()

    def is_numbered(self, left: str) -> bool:
        """Whether a base item is numbered (an article or item, not a title, preamble or lead)."""
        return left in self._numbered

    def by_kind_only(self, left: str) -> bool:
        """True for a base article saying why the base is made (为了……，制定本法), what its terms
        mean (本法下列用语的含义) or who makes the rules implementing it (省、自治区、直辖市……根据本法制定
        实施办法): only an implementing article of the matching kind carries it out (``_purpose_of``,
        ``_defining_alike``); it shares words with every article, not a subject."""
        return left in self._kind_only

    def ranked(self, right: str) -> list[tuple[str, float]]:
        """The candidates scoring above 0, best first (equal scores by id); sorted once per item,
        for the assignment, its alternatives and its rival to read. Not to be changed."""
        found = self._ranked.get(right)
        if found is None:
            # By id, then by score with equal scores kept in that order: two sorts in C, no key
            # function called per candidate (each item has as many as the base has articles).
            found = self._ranked[right] = sorted(sorted(self.score[right].items()), key=itemgetter(1), reverse=True)
        return found

    def unscored(self, right: str) -> Iterator[str]:
        """The candidates scoring 0, in id order: they rank after every scored one."""
        row = self.score[right]
        return (lid for lid in self.candidates[right] if lid not in row)

    def leading(self, right: str, count: int) -> list[tuple[str, float]]:
        """The first ``count`` candidates of the whole ranking, unscored ones included."""
        found = self.ranked(right)[:count]
        found.extend((lid, 0.0) for lid in islice(self.unscored(right), count - len(found)))
        return found

    def nearest_unscored(self, right: str, wording: Iterable[str]) -> str | None:
        """The candidate scoring 0 that ``_best_of`` would choose among those addressing the item
        (sharing a subject word with it, or ``wording``), purpose and definitions articles left out: the first
        by id in the chapter closest to the item's. None: no such candidate, the item is local.

        Found chapter by chapter, so that thousands of items all sharing one word with
        thousands of candidates (a text of identical lines) cost what their chapters cost.
        """
        addressing = (self.leaves.sharing_subject(right) | set(wording)) - self._kind_only
        if not addressing:
            return None
        order = self.candidates[right]
        by_chapter = self._by_chapter(order is self._everything)
        levels: dict[float, list[str | None]] = defaultdict(list)
        for chapter in by_chapter:
            levels[self._closeness_of(right, chapter)].append(chapter)
        for level in sorted(levels, reverse=True):
            found = [lid for chapter in levels[level]
                     for lid in _first_in(by_chapter[chapter], addressing)]
            if found:
                return min(found)
        return None

    def _by_chapter(self, everything: bool) -> dict[str | None, list[str]]:
        """The candidates (all base items, or the numbered ones) by chapter, in id order."""
        if everything not in self._chapters_of:
            out: dict[str | None, list[str]] = defaultdict(list)
            for lid in self._everything if everything else self._numbered_order:
                out[self.parent[lid]].append(lid)
            self._chapters_of[everything] = out
        return self._chapters_of[everything]

    def _closeness_of(self, right: str, chapter: str | None) -> float:
        key = (f"item:{self.parent[right]}", f"base:{chapter}")
        if key not in self._closeness:
            self._closeness[key] = self.chapters.cosine(*key)
        return self._closeness[key]

    def chapter_closeness(self, right: str, left: str) -> float:
        """Subject cosine of the implementing item's chapter and the base item's chapter."""
        return self._closeness_of(right, self.parent[left])

    def closest_item(self, left: str) -> tuple[str, float] | None:
        """The implementing item scoring highest with a base item (first by id among equals) and
        its standard score, among the items that may single it out (``_rows_of``); None: there are none."""
        rows = self._rows_of[left in self._numbered]
        if not rows:
            return None
        # Asked only of the base items nothing else addresses: read from the rows on demand,
        # not every row turned into columns.
        singling = self._singling_numbered if left in self._numbered else None
        column = {rid: row[left] for rid, row in self.score.items()
                  if left in row and (singling is None or rid in singling)}
        if not column:
            return rows[0], _standard(0.0, _moments((), len(rows)))
        top = max(column.values())
        rid = min(key for key, value in column.items() if value == top)
        return rid, _standard(top, _moments(column.values(), len(rows)))


@dataclass(frozen=True)
class Found:
    """The result of ``assign``."""

    assignments: tuple[Assignment, ...]  # one per implementing leaf, in the order given
    touched: dict[str, str]  # base leaf nobody carries out -> the implementing leaf touching it
    subject: dict[tuple[str, str], float]  # (base, implementing) -> subject cosine, for every link


def assign(left: Sequence[Item], right: Sequence[Item], wording: Mapping[tuple[str, str], Wording]) -> Found:
    """The base leaves each implementing leaf carries out, and the base leaves only touched."""
    if not left or not right:
        return Found(tuple(Assignment(r.id, (), (), 0.0, ()) for r in right), {}, {})
    scores = _Scores(left, right)
    cosines: dict[tuple[str, str], float] = {}

    def subject(lid: str, rid: str) -> float:
        value = cosines.get((lid, rid))
        if value is None:
            value = cosines[(lid, rid)] = round(min(1.0, scores.leaves.cosine(lid, rid)), 4)
        return value

    by_right: dict[str, list[str]] = defaultdict(list)  # wording-acceptable base leaves per item
    sharing: dict[str, list[str]] = defaultdict(list)  # base leaves sharing any wording, per item
    for (lid, rid), shared in wording.items():
        sharing[rid].append(lid)
        if shared.acceptable:
            by_right[rid].append(lid)
    quote = TUNING.implementation.quote
    text_of = {base.id: base.text for base in left}
    stock = _StockWording("\n".join(text_of.values()), TUNING.implementation.quote_repeats)
    singled_out: dict[str, list[str]] = {}
    definitions: dict[str, frozenset[str]] = {}  # base item -> the terms it defines, read once one is needed
    # A penalty article citing its own articles follows them to the base (``_best_of``): it is
    # decided once they are.
    carrying: dict[str, list[str]] = {}  # implementing item -> the base items it carries out
    decided: dict[str, Assignment] = {}
    for r in sorted(right, key=lambda item: item.id in scores.cited):
        ranked = scores.ranked(r.id)
        count = len(scores.candidates[r.id])
        leading = scores.leading(r.id, _ALTERNATIVES)
        # A purpose or definitions article is paired by its kind, not by its score.
        purpose = _purpose_of(r, left)
        scope = is_scope(r.text)
        itself = r.numbered and is_about_itself(r.text)
        by_kind = purpose is not None or scope or itself or is_definitions(r.text)
        if purpose is not None:
            best: str | None = purpose
        elif itself:
            # What the text says of itself is local, but for an article taking effect that quotes a base
            # article: the regulation both repeal (《浙江省城市房屋拆迁管理条例》同时废止). Saying that other
            # laws punish its breaches quotes their stock wording (构成犯罪的，依法追究刑事责任), no article.
            quoted = [(amount, lid) for lid in sharing[r.id] if scores.is_numbered(lid)
                      and (amount := _quoted(wording[(lid, r.id)], (), stock)) >= quote]
            best = max(quoted)[1] if quoted and takes_effect(r.text) else None
        elif scope:
            best = _scope_of(r, left, scores, by_right[r.id], wording)
        elif by_kind:
            definitions = definitions or {base.id: defined_terms(base.text) for base in left if base.numbered}
            best = _defining_alike(r, ranked, definitions)
        elif scores.same_kind(r.id) or _addresses_a_scored(r.id, by_right[r.id], scores):
            # The item addresses some base item's subject, so it is not local, and the rank
            # decides among all candidates: which base item it carries out is told by how
            # much of its wording they share, not by whether the segmenter found a common
            # word (社会公益活动 carries out 社会实践活动 through 社会, 活动 and 相适应).
            carried = [lid for c in scores.cited.get(r.id, ()) for lid in carrying.get(c, ())]
            best = _best_of(r.id, ranked, scores, carried)
        else:
            # Only candidates sharing no scored term are left, all at 0.
            best = scores.nearest_unscored(r.id, by_right[r.id])
        chosen: list[str] = [best] if best is not None else []
        if purpose is not None:
            # The measure's purpose article (根据《…法》，结合本市实际，制定本办法) is what carries
            # out the law's article leaving implementing rules to the provinces.
            chosen.extend(scores.enabling)
        # Further base items the item singles out are touched at least (仅涉及); a scope article
        # singles out what the base says of the subjects it lists, though it carries out none of them.
        if best is not None or scope:
            ceiling = noise_ceiling(count)
            moments = _moments(scores.score[r.id].values(), count)
            singled_out[r.id] = [lid for lid, score in leading
                                 if lid != best and _standard(score, moments) > ceiling
                                 and scores.leaves.share_subject(r.id, lid)]
        if not itself:
            extra = sorted(by_right[r.id], key=lambda lid: -scores.score[r.id].get(lid, 0.0))
            chosen.extend(lid for lid in extra if lid not in chosen)
        margin = leading[0][1] - leading[1][1] if len(leading) > 1 else leading[0][1]
        terms = scores.leaves.common_terms(r.id, chosen[0], _TERMS) if chosen else ()
        alternatives = tuple((lid, subject(lid, r.id)) for lid, _ in leading)
        # A rival is named for the items a drafter cites by number: a title or a lead paragraph
        # restates the whole, and which base paragraph it echoes is nothing to check.
        settled = by_kind or not r.numbered or not chosen or chosen[0] in by_right[r.id]
        rival = None if settled else _rival(r.id, chosen, scores)
        decided[r.id] = Assignment(r.id, tuple(chosen), alternatives, round(margin, 4), terms, rival=rival)
        carrying[r.id] = chosen
    out = [decided[r.id] for r in right]
    carrier: dict[str, list[str]] = defaultdict(list)  # base leaf -> the implementing leaves carrying it out
    for a in out:
        for lid in a.left:
            carrier[lid].append(a.right)
    touched: dict[str, str] = {}
    ceiling_left = noise_ceiling(len(right))
    carried_texts = {a.right: [text_of[lid] for lid in a.left] for a in out}
    # Each base item's shared wording and the items singling it out, found once: asked base by
    # base, a search through all of them would grow with the square of the documents' length.
    wording_of: dict[str, list[tuple[str, Wording]]] = defaultdict(list)
    for (lid, rid), found in wording.items():
        wording_of[lid].append((rid, found))
    singling: dict[str, list[str]] = defaultdict(list)
    for rid, found_ids in singled_out.items():
        for lid in found_ids:
            singling[lid].append(rid)
    for base in left:
        if base.id in carrier:
            continue
        quoted = [(amount, rid) for rid, found in wording_of.get(base.id, ())
                  if (amount := _quoted(found, carried_texts.get(rid, ()), stock)) >= quote]
        if quoted:
            touched[base.id] = max(quoted)[1]
            continue
        pointing = singling.get(base.id, [])
        if pointing:
            touched[base.id] = max(pointing, key=lambda rid: scores.score[rid].get(base.id, 0.0))
            continue
        lead = _lead_carrier(base, left, carrier, functools.partial(scores.leaves.cosine, base.id))
        if lead is not None:
            touched[base.id] = lead
            continue
        closest = scores.closest_item(base.id)
        if closest is None:  # no implementing item could carry it out (an unnumbered base paragraph)
            continue
        rid, standard = closest
        if standard > ceiling_left and scores.leaves.share_subject(rid, base.id, beyond_topic=True):
            touched[base.id] = rid
    for a in out:
        for lid in a.left:
            subject(lid, a.right)
    for lid, rid in touched.items():
        subject(lid, rid)
    return Found(tuple(out), touched, cosines)


class _StockWording:
    """The passages a base document uses more than ``repeats`` times: its stock wording."""

    def __init__(self, text: str, repeats: int) -> None:
        self._text = text
        self._repeats = repeats
        self._known: dict[str, bool] = {}

    def __contains__(self, passage: str) -> bool:
        found = self._known.get(passage)
        if found is None:
            found = self._known[passage] = self._text.count(passage) > self._repeats
        return found


def _quoted(found: Wording, carried: Sequence[str], stock: _StockWording) -> int:
    """Characters of a base item an implementing item quotes: the wording they share, less the
    passages also found in the base items it carries out, and less the base's stock wording.
    The former are their wording, not a quote of this one (a measure's purpose article
    restating the law's purposes shares them with every article that repeats one); the latter
    every item that cites a penalty or a licence shares with every such article."""
    if not found.passages:
        return found.left_shared
    return union_length((a, b) for a, b, text in found.passages
                        if text not in stock and not any(text in other for other in carried))


def _addresses_a_scored(rid: str, quoting: Sequence[str], scores: _Scores) -> bool:
    """Whether a base item the item scores with shares wording or a subject word with it:
    asked of the whole row at once, not candidate by candidate (rows grow with the base)."""
    row = scores.score[rid]
    return any(lid in row for lid in quoting) or scores.leaves.shares_subject_with_any(rid, row)


def _first_in(ordered: Sequence[str], wanted: set[str]) -> list[str]:
    """The first of ``ordered`` that is in ``wanted``, as a list of one or none; walks the
    shorter of the two."""
    if len(wanted) < len(ordered):
        members = set(ordered)
        found = [lid for lid in wanted if lid in members]
        return [min(found)] if found else []
    return next(([lid] for lid in ordered if lid in wanted), [])


def _purpose_of(item: Item, left: Sequence[Item]) -> str | None:
    """For the article saying why the implementing text is made, the base's own such article:
    a 实施办法's 第一条 (为了实施《…法》，结合本市实际，制定本办法) carries out the law's 第一条
    (为了……，制定本法) though the two share no subject, only the purpose they serve."""
    if not is_purpose(item.text):
        return None
    return next((base.id for base in left if base.numbered and is_purpose(base.text)), None)


def _scope_of(item: Item, left: Sequence[Item], scores: _Scores, quoted: Sequence[str],
              wording: Mapping[tuple[str, str], Wording]) -> str | None:
    """For the article saying what the implementing text governs (本市行政区域内……，适用本办法),
    the base's own such article among its general provisions; where the base has none, the base
    article it takes up word for word (a scope article often goes on: 本办法所称农民专业合作社，
    是指……), else the article standing where a scope article would (the first after the purpose
    article) when the two share a subject beyond the documents' topic (在本省行政区域内国有土地上
    ……房屋征收与补偿，适用本条例 and 为了公共利益的需要，征收国有土地上单位、个人的房屋的……);
    else None, local. A scope article names the text's whole subject, so by rank it lands on
    whichever article lists most of it (义务教育法's rule of reference 未作规定的，适用本法,
    邮政法's article on postal facilities)."""
    numbered = [base for base in left if base.numbered]
    after = next((i + 1 for i, base in enumerate(numbered) if is_purpose(base.text)), None)
    # The base's scope article stands among its general provisions, with the purpose article: one
    # near the end extends the base to a special case (国有农场……兴办农民专业合作社适用本法).
    general = numbered if after is None else [base for base in numbered if base.parent == numbered[after - 1].parent]
    found = next((base.id for base in general if is_scope(base.text)), None)
    if found is None:
        found = max(quoted, key=lambda lid: wording[(lid, item.id)].left_shared, default=None)
    if found is not None or after is None or after >= len(numbered):
        return found
    second = numbered[after].id
    return second if scores.leaves.share_subject(item.id, second, beyond_topic=True) else None


def _defining_alike(item: Item, ranked: Sequence[tuple[str, float]],
                    definitions: Mapping[str, frozenset[str]]) -> str | None:
    """For an article defining the implementing text's terms, the best ranked base item defining
    one of the same terms; None: it defines terms of its own only, and is local. A definitions
    article shares its wording with every article using its terms, and only a definition of
    the same term is what it restates."""
    own = defined_terms(item.text)
    return next((lid for lid, _ in ranked if own & definitions.get(lid, frozenset())), None)


def _best_of(rid: str, ranked: Sequence[tuple[str, float]], scores: _Scores,
             carried: Sequence[str] = ()) -> str | None:
    """The best of an item's candidates, ranked best first: among those nearly as good as the
    first (``TUNING.implementation.near_tie``), the one whose chapter is closest to the item's.
    A penalty article citing its own articles, which carry out the base items ``carried``,
    carries out the base's penalty for those (``_penalty_for``), else chooses among the
    base's penalties about its subject."""
    punishing_carried = _penalty_for(rid, carried, scores)
    if punishing_carried is not None:
        return punishing_carried
    # The base's purpose and definitions articles are carried out by implementing articles of
    # the same kind alone (``_purpose_of``, ``_defining_alike``): a scope article sharing the
    # purpose article's words restates the base's scope, an article using defined terms no definition.
    def kept(excluded: frozenset[str] = frozenset()) -> Iterator[tuple[str, float]]:
        return (found for found in ranked if not scores.by_kind_only(found[0]) and found[0] not in excluded)

    def closest(near: Sequence[tuple[str, float]]) -> str:
        return max(near, key=lambda found: (scores.chapter_closeness(rid, found[0]), found[1]))[0]

    same_kind = scores.same_kind(rid)
    if same_kind:
        # An article punishing officials' misconduct carries out the base's own such article, not the
        # base's penalty for a breach it happens to list, nor its catch-all article (违反本法规定，构成
        # 犯罪的，依法追究刑事责任); one rewarding merit the base's reward, not its article on the work.
        # Decided even where they share no scored term: a word the whole base uses says no more.
        return closest(_near_ties(found for found in kept() if found[0] in same_kind)
                       or [(lid, 0.0) for lid in sorted(same_kind)])
    # An article punishing nothing chooses among the base's other items, where there are any.
    excluded = scores.base_penalties if rid in scores.punishing_nothing else frozenset()
    near = _near_ties(kept(excluded))
    if not near and excluded:
        excluded = frozenset()
        near = _near_ties(kept())
    if rid in scores.cited and not excluded:
        # Only a base penalty about the same subject as the duty cited: a law with no penalty for
        # that duty leaves the choice to the rank, not to a penalty for another breach.
        near = _near_ties(found for found in kept() if found[0] in scores.base_penalties
                          and scores.leaves.share_subject(rid, found[0], beyond_topic=True)) or near
    return closest(near) if near else None


def _near_ties(ranked: Iterable[tuple[str, float]]) -> list[tuple[str, float]]:
    """The first of candidates ranked best first and those scoring nearly as well
    (``TUNING.implementation.near_tie``); read no further than the last of them."""
    found = iter(ranked)
    first = next(found, None)
    if first is None:
        return []
    floor = first[1] * TUNING.implementation.near_tie
    near = [first]
    for candidate in found:
        if candidate[1] < floor:
            break
        near.append(candidate)
    return near


def _penalty_for(rid: str, carried: Sequence[str], scores: _Scores) -> str | None:
    """The base penalty for breaching what the item's cited articles require: one citing the base
    items ``carried`` out by them (违反本法第二十条规定), else the one closest in subject to the cited
    articles; None when no base penalty shares a subject word beyond the topic with them."""
    penalties = sorted(scores.base_penalties) if rid in scores.cited else []
    if not penalties:
        return None
    duties = set(carried)
    score = scores.score[rid]
    citing = [lid for lid in penalties if scores.punished[lid] & duties]
    if citing:
        return min(citing, key=lambda lid: (-score.get(lid, 0.0), lid))
    breached = scores.cited[rid]
    cosine, shares = scores.leaves.cosine, scores.leaves.share_subject
    closeness = {lid: max(cosine(lid, text) for text in breached) for lid in penalties
                 if any(shares(lid, text, beyond_topic=True) for text in breached)}
    return min(closeness, key=lambda lid: (-closeness[lid], lid)) if closeness else None


def _rival(rid: str, chosen: Sequence[str], scores: _Scores) -> str | None:
    """The best candidate not chosen that scores within ``TUNING.implementation.near_tie`` of
    the better of the first chosen and the top of the ranking (purpose and definitions articles left out, as
    ``_best_of`` leaves them out): a near tie, which the chapters decided and a drafter
    should check. When every candidate scores 0 the first one was picked by its chapter
    alone, and the next is its rival."""
    score = scores.score[rid]
    ranked = [(lid, value) for lid, value in scores.leading(rid, len(chosen) + _ALTERNATIVES)
              if not scores.by_kind_only(lid)]
    top = max(score.get(chosen[0], 0.0), ranked[0][1] if ranked else 0.0)
    floor = top * TUNING.implementation.near_tie
    return next((lid for lid, value in ranked if lid not in chosen and value >= floor), None)


def _lead_carrier(base: Item, left: Sequence[Item], carrier: Mapping[str, list[str]],
                  closeness: Callable[[str], float]) -> str | None:
    """For a lead paragraph (an unnumbered paragraph opening a numbered part, which states
    what the part's items do), the implementing item closest to it among those carrying
    out the part's items: a lead is addressed when its part is carried out, though no item
    carries out the lead itself."""
    if base.numbered or base.parent is None:
        return None
    found = sorted({rid for item in left if item.parent == base.parent and item.numbered
                    for rid in carrier.get(item.id, ())})
    return max(found, key=closeness) if found else None


def grades(left_leaves: Sequence[str], assignments: Sequence[Assignment], touched: Mapping[str, str],
           wording: Mapping[tuple[str, str], Wording]) -> tuple[tuple[str, CoverageGrade], ...]:
    """How each base leaf was taken up: 照搬, 细化, 修改, 仅涉及 or 未见落实."""
    carriers: dict[str, list[str]] = defaultdict(list)
    for a in assignments:
        for lid in a.left:
            carriers[lid].append(a.right)
    out = []
    copy_share = TUNING.implementation.copied
    for lid in left_leaves:
        by = carriers.get(lid, [])
        copied = any(wording[(lid, rid)].left_share >= copy_share for rid in by if (lid, rid) in wording)
        if by and copied:
            grade = CoverageGrade.COPIED
        elif len(by) > 1:
            grade = CoverageGrade.ELABORATED
        elif by:
            grade = CoverageGrade.ADAPTED
        elif lid in touched:
            grade = CoverageGrade.TOUCHED
        else:
            grade = CoverageGrade.NOT_TAKEN_UP
        out.append((lid, grade))
    return tuple(out)
