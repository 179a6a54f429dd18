"""Subject vectors: what a section is about, and whether two sections share a subject.

An implementing document re-words what it carries out, so two items about the same
subject often share no passage at all, only their subject terms (白酒产业, 航运贸易,
疾病预防). Each section becomes a TF-IDF vector of the character bigrams inside its runs
of Chinese characters (punctuation and digits say nothing about a subject), and of its
compound subject words (three characters or more, which no bigram stands for), weighed
by how rare each term is among the sections compared. On the three labelled real pairs
bigrams alone rank base items better than segmenter words alone or a background
weighting do; adding the compounds keeps every pair's accuracy and gains one item on
Luzhou and one right 未见落实 on the law (``benchmarks/implementation_accuracy.py``).

Both read a standard short form and its full form as one (科技 for 科学技术, 环保 for
环境保护: ``resources/dict/short_forms.txt``): a law writes the full form where the measure
implementing it writes the short one.

Whether two sections share a subject at all is a separate, yes-or-no question, answered
with the segmenter's words and the background table of ``core.background``: a word most
policy and legal documents use (加强, 建设, 能力) or an action verb that opens item titles
(培育壮大) names no subject.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from operator import add

from core import patterns
from core.background import background_idf
from core.resources import resource_path
from core.tokens import tokenize
from core.tuning import TUNING

_HAN = patterns.compiled(r"[\u4e00-\u9fff]+")
_COMPOUND = "\x00"  # marks a compound word among the bigram terms (no bigram contains it)


def terms(text: str) -> Counter[str]:
    """Character bigrams inside runs of Chinese characters, with their counts: what a
    section's vector is made of (punctuation and digits say nothing about a subject)."""
    grams: list[str] = []
    for run in _HAN.findall(text):
        grams.extend(map(add, run, run[1:]))  # its bigrams, built without a Python loop
    return Counter(grams)


def subject_words(text: str) -> frozenset[str]:
    """The segmenter's words of a text (and the bigrams inside its compounds) that name a
    subject: two or more Chinese characters,
    used by fewer than about one background document in eight, and not one of the action
    verbs that open policy item titles (培育壮大, 深化: ``title_verbs.txt``)."""
    found: set[str] = set()
    for start, end in tokenize(text):
        if end - start >= 2:
            found.update(_naming(text[start:end]))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _naming(word: str) -> tuple[str, ...]:
    """The parts of one word that name a subject (``subject_words``): the word and, for a
    compound, its bigrams. Kept per word: the items of a pair repeat most of their words."""
    if not _HAN.fullmatch(word):
        return ()
    background = background_idf()
    verbs = title_verbs()
    floor = TUNING.implementation.subject_idf
    # A compound names its parts too: 川渝毗邻地区 is about 毗邻 as much as 毗邻地区 is.
    parts = [word, *(word[i : i + 2] for i in range(len(word) - 1))] if len(word) > 2 else [word]
    return tuple(part for part in parts if part not in verbs and background.idf(part) >= floor)


def in_short_form(text: str) -> str:
    """The text with every full form of ``short_forms.txt`` written as its short form
    (科学技术 → 科技): a law and the measure implementing it name one subject both ways."""
    pattern, short = _short_forms()
    return pattern.sub(lambda found: short[found.group()], text)


@lru_cache(maxsize=1)
def _short_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern matching any full form (longest first) and each one's short form."""
    lines = resource_path("dict", "short_forms.txt").read_text(encoding="utf-8").splitlines()
    short = dict(line.split() for line in lines if line.strip() and not line.startswith("#"))
    return re.compile("|".join(sorted(short, key=len, reverse=True))), short


@lru_cache(maxsize=1)
def title_verbs() -> frozenset[str]:
    """The action verbs that open policy item titles (培育壮大, 深化): they say what is
    done, not what about (``resources/dict/title_verbs.txt``)."""
    lines = resource_path("dict", "title_verbs.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class SubjectSpace:
    """Unit-length subject vectors of a set of texts, comparable by cosine."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        texts = {key: in_short_form(text) for key, text in texts.items()}
        self._build({key: subject_words(text) for key, text in texts.items()},
                    {key: terms(text) for key, text in texts.items()})

    def grouped(self, groups: Mapping[str, Sequence[str]]) -> SubjectSpace:
        """A space of groups of this space's texts, each group as the one text its members make
        joined by line breaks: built from their bigrams and words, with no second segmentation."""
        space = SubjectSpace.__new__(SubjectSpace)
        # Counted from the members' bigrams expanded (a C loop); adding their counters one
        # into another would run a Python loop per term.
        bigrams = {key: Counter(chain.from_iterable(self._bigrams[m].elements() for m in members))
                   for key, members in groups.items()}
        space._build({key: frozenset().union(*(self.words[m] for m in members)) for key, members in groups.items()},
                     bigrams)
        return space

    def _build(self, words: dict[str, frozenset[str]], bigrams: dict[str, Counter[str]]) -> None:
        self.words = words
        self._bigrams = bigrams
        counts = {key: Counter(found) for key, found in bigrams.items()}
        for key, found_words in self.words.items():
            # A compound subject word (疾病预防, 公益活动) is one term besides its bigrams:
            # bigrams alone cannot tell 社会公益活动 from 社会实践活动 by more than one term.
            # Sorted: the order terms enter a vector decides its rounding, and a set's order
            # changes with the hash seed, so the result would too.
            counts[key].update(_COMPOUND + word for word in sorted(found_words) if len(word) > 2)
        df: Counter[str] = Counter()
        for found in counts.values():
            df.update(found.keys())
        n = len(counts)
        idf = {term: math.log((n + 1) / count) for term, count in df.items()}
        self.vectors: dict[str, dict[str, float]] = {}
        for key, found in counts.items():
            # Most terms occur once in a text, weighing 1 + log 1 = 1 exactly.
            vector = {term: (1.0 if tf == 1 else 1 + math.log(tf)) * idf[term] for term, tf in found.items()}
            length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[key] = {term: v / length for term, v in vector.items()}

    def cosine(self, a: str, b: str) -> float:
        """Cosine similarity of two texts' subject vectors, in [0, 1]."""
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        # The shared terms in ``va``'s order, as a sum over all of ``va`` adding 0.0 for the
        # others would take them: the same value to the last bit, for fewer multiplications.
        return sum((va[term] * vb[term] for term in va if term in vb), 0.0)

    def similarities(self, keys: Iterable[str], others: Iterable[str]) -> dict[str, dict[str, float]]:
        """Cosine of each of ``keys`` with each of ``others`` it shares a term with (absent: 0).

        Goes through an inverted index of ``others``, leaving out terms found in most
        texts: they weigh next to nothing after the local factor, and would make the
        search quadratic on long documents.
        """
        others = list(others)
        postings: dict[str, list[tuple[str, float]]] = {}
        for other in others:
            for term, v in self.vectors[other].items():
                postings.setdefault(term, []).append((other, v))
        crowded = max(8, len(others) * TUNING.implementation.crowded // 100)
        kept = {term: found for term, found in postings.items() if len(found) <= crowded}
        out: dict[str, dict[str, float]] = {}
        for key in keys:
            scores: dict[str, float] = {}
            add = scores.get
            for term, v in self.vectors[key].items():
                for other, w in kept.get(term, ()):
                    scores[other] = add(other, 0.0) + v * w
            out[key] = scores
        return out

    def share_subject(self, a: str, b: str, beyond_topic: bool = False) -> bool:
        """True when the two texts have a word in common that names a subject (``subject_words``);
        with ``beyond_topic``, a word other than the topic of the texts as a whole (``topic``)."""
        shared = self.words[a] & self.words[b]
        return bool(shared - self.topic if beyond_topic else shared)

    def shares_subject_with_any(self, a: str, others: Mapping[str, object]) -> bool:
        """Whether any of ``others`` (the keys of a mapping) shares a subject word with ``a``:
        ``sharing_subject`` asked of many texts at once, stopping at the first word that answers,
        without gathering every holder of every word (the holders grow with the documents)."""
        keys = others.keys()
        holders = self._holders
        return any(not keys.isdisjoint(holders[word]) for word in self.words[a])

    def sharing_subject(self, a: str) -> set[str]:
        """Every text with a subject word in common with ``a`` (``share_subject``), ``a`` included
        when it has any."""
        holders = self._holders
        return set().union(*(holders[word] for word in self.words[a]))

    @functools.cached_property
    def _holders(self) -> dict[str, frozenset[str]]:
        """The texts using each subject word."""
        found: dict[str, set[str]] = {}
        for key, words in self.words.items():
            for word in words:
                found.setdefault(word, set()).add(key)
        return {word: frozenset(keys) for word, keys in found.items()}

    @functools.cached_property
    def topic(self) -> frozenset[str]:
        """Subject words found in more than ``TUNING.implementation.crowded`` percent of the texts: what the
        documents compared are about as a whole (水土保持 in a soil-conservation law and its
        实施办法), which every item shares and which tells no item from another."""
        found = Counter(word for words in self.words.values() for word in words)
        crowded = len(self.words) * TUNING.implementation.crowded
        return frozenset(word for word, count in found.items() if count * 100 > crowded)

    def common_terms(self, a: str, b: str, limit: int) -> tuple[str, ...]:
        """The terms that contribute most to the similarity of ``a`` and ``b``, longest
        words first among near-equals, without terms contained in a term already listed."""
        va, vb = self.vectors[a], self.vectors[b]
        shared = sorted((term for term in va if term in vb), key=lambda t: (-va[t] * vb[t], -len(t), t))
        out: list[str] = []
        for term in (term.lstrip(_COMPOUND) for term in shared):
            if any(term in kept or kept in term for kept in out):
                continue
            out.append(term)
            if len(out) == limit:
                break
        return tuple(out)
