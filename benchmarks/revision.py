"""Deterministic synthetic revisions of a policy document, for the benchmarks.

A revision deletes, inserts, edits and moves a few body paragraphs (one per line),
the way a drafting round does; headings are left alone so that the outline stays
recognisable. The same seed always gives the same text.

``scaled_pair(base, copies)`` builds a pair ``copies`` times the size of ``base``:
both sides are ``copies`` versions of the document back to back, each left copy
edited with its own seed and each right copy a revision of its left copy. Copy 0
is ``base`` against ``revise(base, "R0")``, so the 1x pair is the first part of
every larger one.

``sections_pair(count)`` is a document of ``count`` short numbered articles (第X条, one
sentence of real policy wording each, taken in order from the sample documents)
against a revision that edits, drops, inserts and moves articles in proportion to
their number and renumbers them, as a drafting round of a regulation does.

    python benchmarks/revision.py OUT_DIR [--copies N]   # writes left.txt, right.txt
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

# Lines shorter than this are headings, titles or table rows: never edited.
_MIN_BODY = 30
_CLAUSE = re.compile(r"[^，,；;。]+[，,；;。]?")

# Vocabulary for inserted wording: plausible policy phrases, recombined at random so
# that inserted passages share only short stock phrases with the document.
_PHRASES = (
    "统筹推进", "数字政府建设", "完善工作机制", "强化要素保障", "优化营商环境", "提升公共服务水平",
    "健全考核评价", "培育新兴产业", "推动城乡融合", "加强生态保护", "深化放管服改革", "扩大有效投资",
    "稳定就业岗位", "补齐基础设施短板", "推进智慧城市", "压实主体责任", "完善应急体系", "促进消费升级",
    "建设现代物流", "加快人才引育", "推进老旧小区改造", "健全社会保障", "发展临港经济", "加强文物保护",
)


@dataclass(frozen=True)
class EditCounts:
    """How many edits of each kind one revision makes."""

    delete: int = 3
    insert: int = 3
    edit: int = 10
    move: int = 2


def _new_sentence(rng: random.Random) -> str:
    words = rng.sample(_PHRASES, rng.randint(3, 6))
    return "，".join(words) + "。"


def _edit_paragraph(rng: random.Random, paragraph: str) -> str:
    clauses = _CLAUSE.findall(paragraph)
    if len(clauses) < 2:
        return paragraph + _new_sentence(rng)
    i = rng.randrange(len(clauses))
    kind = rng.choice(("replace", "delete", "insert", "number"))
    if kind == "replace":
        clauses[i] = _new_sentence(rng)[:-1] + (clauses[i][-1] if clauses[i][-1] in "，,；;。" else "")
    elif kind == "delete":
        del clauses[i]
    elif kind == "insert":
        clauses.insert(i, _new_sentence(rng).replace("。", "，"))
    else:
        text = "".join(clauses)
        digits = [m.start() for m in re.finditer(r"\d", text)]
        if digits:
            at = rng.choice(digits)
            return text[:at] + str((int(text[at]) + rng.randint(1, 8)) % 10) + text[at + 1:]
        clauses[i] = clauses[i].replace("加快", "全面加快", 1).replace("推动", "大力推动", 1)
    return "".join(clauses)


def revise(text: str, seed: str, counts: EditCounts = EditCounts()) -> str:
    """``text`` with a few body paragraphs deleted, inserted, edited and moved, chosen by ``seed``."""
    rng = random.Random(seed)
    lines = text.split("\n")

    def body() -> list[int]:
        return [i for i, line in enumerate(lines) if len(line) >= _MIN_BODY]

    for _ in range(counts.edit):
        i = rng.choice(body())
        lines[i] = _edit_paragraph(rng, lines[i])
    for _ in range(counts.move):
        moved = lines.pop(rng.choice(body()))
        lines.insert(rng.choice(body()), moved)
    for _ in range(counts.delete):
        del lines[rng.choice(body())]
    for _ in range(counts.insert):
        lines.insert(rng.choice(body()), "".join(_new_sentence(rng) for _ in range(rng.randint(2, 4))))
    return "\n".join(lines)


def scaled_pair(base: str, copies: int) -> tuple[str, str]:
    """A (left, right) pair of ``copies`` edited versions of ``base`` back to back."""
    left_parts, right_parts = [], []
    for k in range(copies):
        left = base if k == 0 else revise(base, f"L{k}")
        left_parts.append(left.rstrip("\n"))
        right_parts.append(revise(left, f"R{k}").rstrip("\n"))
    return "\n".join(left_parts) + "\n", "\n".join(right_parts) + "\n"


# The sample documents whose sentences become articles, in this order. The provincial
# decision is left out: Luzhou re-uses its wording, so its sentences would not be new.
_SENTENCE_SOURCES = ("jiangyang_14th_five_year_plan.txt", "longmatan_2022_action_plan.txt",
                     "luzhou_2020_decision.txt")
_SENTENCE = re.compile(r"[^。\n]+。")
_ARTICLE_LENGTHS = (15, 80)  # sentence lengths kept: a short article, not a heading or a paragraph
# Per article, the chance of each edit of the revision.
_ARTICLE_EDIT, _ARTICLE_DROP, _ARTICLE_INSERT, _ARTICLE_MOVE = 0.05, 0.015, 0.015, 0.01
_CN_DIGITS = "零一二三四五六七八九"


def _cn_number(n: int) -> str:
    """``n`` (1 to 9999) in Chinese numerals, as article numbers are written (十五, 一百零一)."""
    if not 0 < n < 10_000:
        raise ValueError(f"article number out of range: {n}")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if unit == "十" and digit == 1 and not out else _CN_DIGITS[digit]) + unit
    return out


def _sentences() -> list[str]:
    """Distinct sentences of the sample documents, in reading order."""
    folder = Path(__file__).resolve().parent.parent / "docs_in"
    found: dict[str, None] = {}
    for name in _SENTENCE_SOURCES:
        for sentence in _SENTENCE.findall((folder / name).read_text(encoding="utf-8")):
            sentence = sentence.strip()
            if _ARTICLE_LENGTHS[0] <= len(sentence) <= _ARTICLE_LENGTHS[1]:
                found.setdefault(sentence)
    return list(found)


def _articles(bodies: list[str]) -> str:
    return "关于进一步规范管理工作的若干规定\n" + "".join(
        f"第{_cn_number(i)}条　{body}\n" for i, body in enumerate(bodies, 1)
    )


def sections_pair(count: int, seed: str = "S") -> tuple[str, str]:
    """(left, right): ``count`` short numbered articles against a revision of them.

    Each article is one sentence of the sample documents, so ``sections_pair(2 * n)``
    holds the articles of ``sections_pair(n)`` and as many new ones. The revision
    edits, drops, inserts and moves articles with fixed chances per article, so twice
    the articles get about twice the edits, and renumbers them. Raises ValueError when
    the sample documents hold fewer than ``count`` usable sentences.
    """
    pool = _sentences()
    if count > len(pool):
        raise ValueError(f"{count} articles asked for, the sample documents give {len(pool)}")
    left = pool[:count]
    rng = random.Random(f"{seed}{count}")
    right: list[str] = []
    moved: list[str] = []
    for body in left:
        roll = rng.random()
        if roll < _ARTICLE_DROP:
            continue
        if roll < _ARTICLE_DROP + _ARTICLE_MOVE:
            moved.append(body)
            continue
        if roll < _ARTICLE_DROP + _ARTICLE_MOVE + _ARTICLE_EDIT:
            body = _edit_paragraph(rng, body)
        right.append(body)
        if rng.random() < _ARTICLE_INSERT:
            right.append(_new_sentence(rng))
    for body in moved:
        right.insert(rng.randrange(len(right) + 1), body)
    return _articles(left), _articles(right)


def main() -> None:
    """Write a generated pair of the Jiangyang plan to a folder, for inspection."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    base = (Path(__file__).resolve().parent.parent / "docs_in" / "jiangyang_14th_five_year_plan.txt")
    left, right = scaled_pair(base.read_text(encoding="utf-8"), args.copies)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "left.txt").write_text(left, encoding="utf-8")
    (args.out / "right.txt").write_text(right, encoding="utf-8")


if __name__ == "__main__":
    main()
