"""Property tests of the whole pipeline (core.compare.compare_texts) on generated revisions.

A base document of a few numbered sections is revised at random (sentences inserted,
deleted, rewritten, sections moved, numbers changed) and both versions are compared.
Whatever the edits, the result must honour DESIGN §4 and §10: every same/modified pair's
diff tiles both sections in order, ``equal`` spans agree in comparison form, the right
section is rebuilt from the ops, every offset lies in its text, highlights are sorted and
disjoint, and the result is deterministic.
"""

from __future__ import annotations

import json
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.compare import compare_texts
from core.document import Document
from core.export.json_report import to_json
from core.kinds import OpKind, PairKind
from core.normalize import normalize
from core.result import Comparison, Span

_WORDS = [
    "推进", "高质量", "发展", "加强", "生态环境", "保护", "建设", "交通", "基础设施", "完善", "体系",
    "城市", "乡村", "振兴", "创新", "开放", "合作", "区域", "协同", "产业", "集群", "长江", "航运",
    "贸易", "中心", "医药", "健康", "毗邻", "地区", "融合", "示范区", "机制", "改革", "服务", "保障",
]
_CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]

_sentence = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=10).flatmap(
    lambda words: st.sampled_from(["，", "、", ""]).map(lambda sep: sep.join(words) + "。")
)
_title = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map("".join)


@st.composite
def _document(draw: st.DrawFn) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Chapters of (title, items of (title, sentences)); numbers are added when rendering."""
    chapters = []
    for _ in range(draw(st.integers(1, 3))):
        items = draw(st.lists(st.tuples(_title, st.lists(_sentence, min_size=1, max_size=4)),
                              min_size=1, max_size=4))
        chapters.append((draw(_title), items))
    return chapters


def _render(chapters: list[tuple[str, list[tuple[str, list[str]]]]], paren: tuple[str, str] = ("（", "）")) -> str:
    lines = ["关于加快推进高质量发展的决定"]
    n = 0
    for c, (title, items) in enumerate(chapters):
        lines.append(f"{_CN[c % len(_CN)]}、{title}")
        for item_title, sentences in items:
            lines.append(f"{paren[0]}{_CN[n % len(_CN)]}{paren[1]}{item_title}。{''.join(sentences)}")
            n += 1
    return "\n".join(lines)


@st.composite
def _revise(draw: st.DrawFn, chapters: list[tuple[str, list[tuple[str, list[str]]]]]
            ) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """A revision: each item kept, dropped, rewritten or moved; new items and chapters added."""
    out = []
    for title, items in chapters:
        new_items = []
        for item_title, sentences in items:
            action = draw(st.sampled_from(["keep", "keep", "edit", "drop", "retitle"]))
            if action == "drop":
                continue
            if action == "retitle":
                item_title = draw(_title)
            if action == "edit":
                sentences = list(sentences)
                for _ in range(draw(st.integers(1, 3))):
                    kind = draw(st.sampled_from(["insert", "delete", "replace"]))
                    at = draw(st.integers(0, max(0, len(sentences) - 1)))
                    if kind == "insert" or not sentences:
                        sentences.insert(at, draw(_sentence))
                    elif kind == "delete" and len(sentences) > 1:
                        del sentences[at]
                    else:
                        sentences[at] = draw(_sentence)
            new_items.append((item_title, sentences))
        if draw(st.booleans()):
            new_items.insert(draw(st.integers(0, len(new_items))),
                             (draw(_title), draw(st.lists(_sentence, min_size=1, max_size=3))))
        if new_items and draw(st.booleans()):
            new_items = draw(st.permutations(new_items))
        if new_items:
            out.append((title, new_items))
    if draw(st.booleans()):
        out.insert(draw(st.integers(0, len(out))), (draw(_title), [(draw(_title), [draw(_sentence)])]))
    return out or chapters


@st.composite
def _pair(draw: st.DrawFn, variants: bool) -> tuple[str, str, bool]:
    """(left text, right text, t2s). With ``variants``, scripts, brackets and spaces vary too."""
    base = draw(_document())
    revised = draw(_revise(base))
    t2s = True
    left_paren = right_paren = ("（", "）")
    if variants:
        t2s = draw(st.booleans())
        right_paren = draw(st.sampled_from([("（", "）"), ("(", ")")]))
    left, right = _render(base, left_paren), _render(revised, right_paren)
    if variants:
        if t2s and draw(st.booleans()):
            left = _to_traditional(left)
        if draw(st.booleans()):
            right = right.replace("发展", "发 展").replace("。", "。 ")
    return left, right, t2s


@cache
def _s2t():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(text: str) -> str:
    converted: str = _s2t().convert(text)
    return converted


def _compare(left: str, right: str, t2s: bool) -> Comparison:
    from core.options import Options

    return compare_texts(left, right, Options(t2s=t2s), left_path="left.txt", right_path="right.txt")


def _form(text: str, t2s: bool) -> str:
    return normalize(text, t2s=t2s).text


def _check_tiling(result: Comparison) -> None:
    left, right = result.left, result.right
    for p in result.pairs:
        if p.kind not in (PairKind.SAME, PairKind.MODIFIED):
            continue
        ls, rs = left.by_id[p.left], right.by_id[p.right]
        assert p.diff, f"{p.left}/{p.right}: a {p.kind.value} pair needs a diff"
        lpos, rpos = ls.start, rs.start
        for op in p.diff:
            assert op.left_start == lpos and op.right_start == rpos, f"gap or overlap at {op} in {p}"
            assert op.left_start <= op.left_end and op.right_start <= op.right_end, op
            if op.op is OpKind.DELETE:
                assert op.right_start == op.right_end and op.left_start < op.left_end, op
            elif op.op is OpKind.INSERT:
                assert op.left_start == op.left_end and op.right_start < op.right_end, op
            elif op.op is OpKind.REPLACE:
                assert op.left_start < op.left_end and op.right_start < op.right_end, op
            lpos, rpos = op.left_end, op.right_end
        assert (lpos, rpos) == (ls.end, rs.end), f"{p.left}/{p.right} diff stops short"


def _check_equal_spans(result: Comparison) -> None:
    t2s = result.options.t2s
    for p in result.pairs:
        for op in p.diff:
            if op.op is OpKind.EQUAL:
                a = result.left.text[op.left_start:op.left_end]
                b = result.right.text[op.right_start:op.right_end]
                assert _form(a, t2s) == _form(b, t2s), (a, b)


def _check_offsets(result: Comparison) -> None:
    for doc in (result.left, result.right):
        for s in doc.sections:
            assert 0 <= s.start <= s.end <= len(doc.text), s
    n_left, n_right = len(result.left.text), len(result.right.text)
    for p in result.pairs:
        assert p.left in result.left.by_id and p.right in result.right.by_id, p
        assert 0.0 <= p.score <= 1.0, p
        for op in p.diff:
            assert 0 <= op.left_start <= op.left_end <= n_left, op
            assert 0 <= op.right_start <= op.right_end <= n_right, op
    for m in result.matches:
        assert 0 <= m.left_start < m.left_end <= n_left, m
        assert 0 <= m.right_start < m.right_end <= n_right, m
        a = result.left.text[m.left_start:m.left_end]
        b = result.right.text[m.right_start:m.right_end]
        assert _form(a, result.options.t2s) == _form(b, result.options.t2s), (a, b)


def _check_highlights(doc: Document, spans: tuple[Span, ...]) -> None:
    end = 0
    for span in spans:
        assert end <= span.start < span.end <= len(doc.text), f"{span} after {end}"
        end = span.end


def _check_all(result: Comparison) -> None:
    _check_tiling(result)
    _check_equal_spans(result)
    _check_offsets(result)
    _check_highlights(result.left, result.left_highlights)
    _check_highlights(result.right, result.right_highlights)


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_pair(variants=False))
def test_pipeline_contract_on_simplified_pairs(pair: tuple[str, str, bool]) -> None:
    left, right, t2s = pair
    result = _compare(left, right, t2s)
    _check_all(result)
    # Same script, no spaces, one bracket style: the right section is the left's equal
    # text plus the right's inserted and replacing text, in order.
    for p in result.pairs:
        if not p.diff:
            continue
        rebuilt = "".join(
            result.left.text[op.left_start:op.left_end] if op.op is OpKind.EQUAL
            else result.right.text[op.right_start:op.right_end]
            for op in p.diff if op.op is not OpKind.DELETE
        )
        rs = result.right.by_id[p.right]
        assert rebuilt == result.right.text[rs.start:rs.end]


@_SETTINGS
@given(_pair(variants=True))
def test_pipeline_contract_with_script_bracket_and_space_variants(pair: tuple[str, str, bool]) -> None:
    left, right, t2s = pair
    _check_all(_compare(left, right, t2s))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pair(variants=True))
def test_pipeline_is_deterministic(pair: tuple[str, str, bool]) -> None:
    left, right, t2s = pair
    first = json.dumps(to_json(_compare(left, right, t2s)), ensure_ascii=False)
    second = json.dumps(to_json(_compare(left, right, t2s)), ensure_ascii=False)
    assert first == second


@_SETTINGS
@given(_document())
def test_identical_documents_pair_every_leaf_as_same(chapters: list[tuple[str, list[tuple[str, list[str]]]]]
                                                     ) -> None:
    text = _render(chapters)
    result = _compare(text, text, True)
    _check_all(result)
    kinds = dict(result.coverage.left)
    assert all(kind is PairKind.SAME for kind in kinds.values()), kinds
    for p in result.pairs:
        if p.kind is PairKind.SAME:
            assert all(op.op is OpKind.EQUAL for op in p.diff), p


_free_line = st.one_of(
    _sentence,
    st.tuples(st.sampled_from(["一、", "（一）", "(二)", "1.", "①", "——", "第一章 ", "专栏1 "]), _title,
              st.lists(_sentence, max_size=2)).map(lambda t: f"{t[0]}{t[1]}{'。' if t[2] else ''}{''.join(t[2])}"),
    st.text(alphabet="一二、（）() 。，发展全省各级1２.\u3000", max_size=12),
)


@st.composite
def _free_pair(draw: st.DrawFn) -> tuple[str, str]:
    """Loosely structured text (noise, odd headings, no headings) and a line-level edit of it."""
    left = draw(st.lists(_free_line, min_size=1, max_size=12))
    right = []
    for line in left:
        action = draw(st.sampled_from(["keep", "keep", "drop", "change", "add"]))
        if action == "keep":
            right.append(line)
        elif action == "change":
            right.append(line[: len(line) // 2] + draw(_sentence))
        elif action == "add":
            right += [line, draw(_free_line)]
    return "\n".join(left), "\n".join(right)


@_SETTINGS
@given(_free_pair())
def test_pipeline_contract_on_loosely_structured_text(pair: tuple[str, str]) -> None:
    left, right = pair
    _check_all(_compare(left, right, True))
