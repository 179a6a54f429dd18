"""One marking model: every change marked whole, on both sides, in the spans and every export's view.

Each test plants one defect a drafter met (a changed target, date, percentage, figure or
Chinese numeral; an inserted paragraph made of stock phrases) in an otherwise unchanged
document and checks the marks character by character, on both sides, three ways: the
engine's highlight spans, the paragraphs of highlighted runs the DOCX and PDF reports
write (``core.export.segments``) and the redline's kept, deleted and inserted pieces
(``core.export.redline_build``); the window's document pane is read back too.

The property at the end checks the marking against the diff it comes from: in every
same/modified pair, the left text less the characters marked deleted is the right text
less those marked inserted, so the marks alone rebuild the right text from the left.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export_redline import W, left_as_compared, reconstruct
from test_redline_native import build

from core.compare import compare, compare_texts
from core.document import Document
from core.export.docx_redline import write_redline
from core.export.redline_build import tracked_pieces
from core.export.rows import rows
from core.export.segments import SpanIndex, paragraphs
from core.kinds import Highlight, OpKind, PairKind
from core.normalize import normalize
from core.options import Options
from core.result import Comparison, Span

# The window's pane is read back without a display (set before pytest-qt makes the application).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A small plan: a title, a chapter with three items. The second item quotes the figures
# of the first one, so a passage holding a figure is also found elsewhere: the case where
# a changed figure used to come out as 他处相同 instead of deleted.
TITLE = "江阳区国民经济和社会发展第十四个五年规划纲要"
TARGETS = (
    "（一）发展目标。到2025年，全区地区生产总值达到1200亿元，新增城镇就业岗位500个农村电商服务站点，"
    "研发经费投入强度达到15%，用三年时间基本建成现代产业体系。"
)
TASKS = (
    "（二）重点任务。加快推进交通基础设施建设，完善综合交通运输体系，新增城镇就业岗位500个农村电商服务站点"
    "覆盖全部乡镇，推动城乡融合发展。"
)
SAFEGUARDS = (
    "（三）保障措施。全面加强组织领导，健全规划实施监测评估机制，强化财政金融政策支撑，确保各项目标任务落实落地。"
)
CHAPTER = "一、发展目标和主要任务"


def plan(targets: str = TARGETS, extra: str = "") -> str:
    """The plan's text with the given first item and an optional item after the last one."""
    lines = [TITLE, CHAPTER, targets, TASKS, SAFEGUARDS]
    if extra:
        lines.append(extra)
    return "\n".join(lines)


def run(left: str, right: str) -> Comparison:
    return compare_texts(left, right, Options(), left_path="left.txt", right_path="right.txt")


# --- the three views of one side's marks, one entry per character ------------------------


def span_marks(text: str, spans: tuple[Span, ...]) -> list[Highlight | None]:
    """The highlight class of every character (None: neutral), as the window paints it."""
    marks: list[Highlight | None] = [None] * len(text)
    for span in spans:
        marks[span.start : span.end] = [span.kind] * (span.end - span.start)
    return marks


def segment_marks(doc: Document, spans: tuple[Span, ...]) -> list[Highlight | None]:
    """The class of every character as the DOCX and PDF reports write it (line breaks: None)."""
    written = paragraphs(doc.text, SpanIndex(spans), 0, len(doc.text))
    marks: list[Highlight | None] = []
    for number, runs in enumerate(written):
        if number:
            marks.append(None)  # the paragraph break
        for piece in runs:
            marks += [piece.kind] * len(piece.text)
    rebuilt = "\n".join("".join(piece.text for piece in runs) for runs in written)
    assert rebuilt == doc.text, "the test documents have no blank lines: the reports keep every character"
    return marks


def window_marks(doc: Document, spans: tuple[Span, ...], qtbot: object) -> list[Highlight | None]:
    """The class of every character as the window's pane shows it, read back from its formats."""
    pytest.importorskip("PySide6.QtWidgets")
    from PySide6.QtCore import Qt

    from gui import theme
    from gui.text_pane import DocumentPane

    pane = DocumentPane()
    qtbot.addWidget(pane)  # type: ignore[attr-defined]
    pane.set_content(doc, spans, dark=False)
    by_color = {theme.highlight_color(kind, False).name(): kind for kind in Highlight}
    marks: list[Highlight | None] = [None] * len(doc.text)
    block = pane.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            brush = fragment.charFormat().background()
            kind = by_color[brush.color().name()] if brush.style() != Qt.BrushStyle.NoBrush else None
            start = pane.from_qt(fragment.position())
            end = pane.from_qt(fragment.position() + fragment.length())
            marks[start:end] = [kind] * (end - start)
            fragments += 1
        block = block.next()
    return marks


def redline_marks(comparison: Comparison) -> tuple[list[bool], list[bool]]:
    """(deleted, inserted): for every left and right character, whether the redline changes it."""
    deleted: list[bool] = []
    inserted: list[bool] = []
    for piece in tracked_pieces(comparison):
        if piece.kind != "insert":
            deleted += [piece.kind == "delete"] * len(piece.text)
        if piece.kind != "delete":
            inserted += [piece.kind == "insert"] * len(piece.text)
    assert len(deleted) == len(comparison.left.text) and len(inserted) == len(comparison.right.text)
    return deleted, inserted


def numbers(doc: Document) -> set[int]:
    """Offsets of section numbers: neutral on screen by design, so renumbering paints nothing."""
    return {i for s in doc.sections for i in range(s.start, s.number_end)}


def changed(text: str, value: str) -> set[int]:
    """Offsets of ``value`` in the first item of ``text`` (the title may hold the same characters)."""
    at = text.index(value, text.index("（一）"))
    return set(range(at, at + len(value)))


def _marks_in_every_view(doc: Document, spans: tuple[Span, ...], qtbot: object | None) -> list[Highlight | None]:
    """Each character's mark in the spans, checked equal in the reports' view and (given
    ``qtbot``) in the window's."""
    marks = span_marks(doc.text, spans)
    assert segment_marks(doc, spans) == [None if ch == "\n" else m for ch, m in zip(doc.text, marks, strict=True)]
    if qtbot is not None:
        shown = window_marks(doc, spans, qtbot)
        assert [m for ch, m in zip(doc.text, shown, strict=True) if ch != "\n"] == [
            m for ch, m in zip(doc.text, marks, strict=True) if ch != "\n"
        ]
    return marks


def assert_marked(comparison: Comparison, left_changed: set[int], right_changed: set[int],
                  qtbot: object | None = None) -> None:
    """Exactly the given characters are marked on each side, and the rest is shared, in every view.

    ``left_changed`` must come out deleted (left-only) and ``right_changed`` inserted
    (right-only); every other character except section numbers and spaces is shared with
    the counterpart. The reports' view (and the window's, given ``qtbot``) must equal the
    spans, and the redline must delete and insert exactly the same characters.
    """
    deleted, inserted = redline_marks(comparison)
    sides = (
        (comparison.left, comparison.left_highlights, left_changed, Highlight.LEFT_ONLY, deleted),
        (comparison.right, comparison.right_highlights, right_changed, Highlight.RIGHT_ONLY, inserted),
    )
    for doc, spans, expected, unique, redline in sides:
        marks = _marks_in_every_view(doc, spans, qtbot)
        skip = numbers(doc)
        for i, ch in enumerate(doc.text):
            if ch.isspace() or i in skip:
                continue
            want = unique if i in expected else Highlight.SHARED
            context = doc.text[max(0, i - 6) : i + 7]
            assert marks[i] is want, f"{doc.path}: {ch!r} at {i} in …{context}… is {marks[i]}, not {want}"
            assert redline[i] == (i in expected), f"{doc.path}: redline disagrees on {ch!r} at {i} in …{context}…"


def plant(old: str, new: str) -> None:
    """Change ``old`` to ``new`` in the first item and check that both are marked whole."""
    assert TARGETS.count(old) == 1
    left, right = plan(), plan(TARGETS.replace(old, new))
    comparison = run(left, right)
    pair_kinds = {(p.left, p.right): p.kind for p in comparison.pairs}
    assert PairKind.MODIFIED in pair_kinds.values()
    assert_marked(comparison, changed(left, old), changed(right, new))


def test_changed_target_500_to_600_is_deleted_not_shared_elsewhere() -> None:
    # "500个农村电商服务站点" also stands in the second item on both sides: the left 500个
    # lies in a passage found elsewhere, and the pair's diff must still decide its mark.
    plant("500个", "600个")


def test_changed_date_2025_to_2026_is_marked_whole_on_both_sides() -> None:
    plant("2025年", "2026年")


def test_changed_percentage_15_to_16_5_is_marked_whole_on_both_sides() -> None:
    plant("15%", "16.5%")


def test_changed_figure_1200_to_1300_is_marked_whole_not_one_digit() -> None:
    plant("1200亿元", "1300亿元")


def test_changed_chinese_numeral_is_marked_whole() -> None:
    plant("三年", "五年")


def test_several_changed_values_in_one_sentence(qtbot: object) -> None:
    left = plan()
    revised = TARGETS
    for old, new in (("2025年", "2026年"), ("1200亿元", "1300亿元"), ("15%", "16.5%"), ("三年", "五年")):
        revised = revised.replace(old, new)
    right = plan(revised)
    comparison = run(left, right)
    left_changed: set[int] = set()
    right_changed: set[int] = set()
    for old, new in (("2025年", "2026年"), ("1200亿元", "1300亿元"), ("15%", "16.5%"), ("三年", "五年")):
        left_changed |= changed(left, old)
        right_changed |= changed(right, new)
    assert_marked(comparison, left_changed, right_changed, qtbot)


INSERTED = "（四）生态保护。全区大力推进生态环境保护，全面加强组织领导。到2025年，全区森林覆盖率达到60%以上。"


def test_inserted_paragraph_with_stock_phrases_reads_as_new(qtbot: object) -> None:
    # "。到2025年，全区" stands in the first item on both sides, and 全面加强组织领导 is the
    # wording of any policy text; neither may make the new paragraph look old.
    left = plan()
    right = plan(extra=INSERTED)
    assert "。到2025年，全区" in left and "全面加强组织领导" in left
    comparison = run(left, right)
    at = right.index(INSERTED)
    assert_marked(comparison, set(), set(range(at, at + len(INSERTED))), qtbot)


def test_inserted_paragraph_quoting_a_real_passage_still_shows_it() -> None:
    # The other side of the rule: a passage that names something (not stock wording) and
    # is found in the other document is still shown as shared inside new text (shared
    # with a related counterpart, or elsewhere), and only the rest reads as new.
    passage = "农村电商服务站点覆盖全部乡镇"
    quoted = f"（四）专项行动。开展年度评估，{passage}。"
    comparison = run(plan(), plan(extra=quoted))
    at = comparison.right.text.index(passage)
    marks = span_marks(comparison.right.text, comparison.right_highlights)
    assert len(set(marks[at : at + len(passage)])) == 1
    assert marks[at] in (Highlight.SHARED, Highlight.ELSEWHERE)
    tail = comparison.right.text.index("开展年度评估")  # new wording
    assert set(marks[tail : tail + len("开展年度评估")]) == {Highlight.RIGHT_ONLY}


def test_punctuation_and_digits_alone_are_not_shared_wording() -> None:
    left = "一、总体目标。到2025年，全市经济总量。\n二、保障。到2025年，全区生产总值。"
    right = "一、重点任务。到2025年，全区产业。"
    comparison = run(left, right)
    marks = span_marks(comparison.right.text, comparison.right_highlights)
    at = comparison.right.text.index("。到2025年，全区")
    assert Highlight.ELSEWHERE not in marks[at : at + len("。到2025年，全区")]
    assert not comparison.matches


# --- the property: the marks alone rebuild the right text from the left --------------------

_WORDS = [
    "推进", "高质量", "发展", "加强", "生态环境", "保护", "建设", "交通", "基础设施", "完善", "体系",
    "城市", "乡村", "振兴", "创新", "开放", "合作", "区域", "协同", "产业", "集群", "长江", "航运",
]  # fmt: skip
_VALUES = [
    "2025年", "2026年", "2025年底", "2020年7月", "1200亿元", "1300亿元", "500个", "600个", "15%",
    "16.5%", "5-8个", "10%-15%", "三年", "五年", "一百二十家", "第十二条",
]  # fmt: skip
_CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

_clause = st.lists(st.sampled_from(_WORDS + _VALUES), min_size=3, max_size=8).map("".join)
_item = st.lists(_clause, min_size=1, max_size=4).map(lambda cs: "，".join(cs) + "。")


@st.composite
def _revision(draw: st.DrawFn) -> tuple[str, str]:
    """A document of numbered items and a revision: values swapped, clauses edited, items added or dropped."""
    items = draw(st.lists(_item, min_size=1, max_size=5))
    revised = []
    for item in items:
        action = draw(st.sampled_from(["keep", "values", "values", "edit", "drop"]))
        if action == "values":
            for value in _VALUES:
                if value in item and draw(st.booleans()):
                    item = item.replace(value, draw(st.sampled_from(_VALUES)), 1)
        elif action == "edit":
            item = draw(_clause) + "，" + item
        if action != "drop":
            revised.append(item)
    if draw(st.booleans()):
        revised.insert(draw(st.integers(0, len(revised))), draw(_item))

    def render(body: list[str]) -> str:
        lines = ["关于推进高质量发展的实施意见"]
        lines += [f"（{_CN[n % len(_CN)]}）{text}" for n, text in enumerate(body)]
        return "\n".join(lines)

    return render(items), render(revised or items)


def _kept(doc: Document, spans: tuple[Span, ...], unique: Highlight, start: int, end: int,
          skip: set[int]) -> str:
    """Comparison form of ``[start, end)`` without the characters marked ``unique`` and without ``skip``."""
    marks = span_marks(doc.text, spans)
    kept = "".join(doc.text[i] for i in range(start, end) if marks[i] is not unique and i not in skip)
    return normalize(kept).text


def _own(doc: Document, sid: str) -> tuple[int, int]:
    section = doc.by_id[sid]
    return section.start, section.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_revision())
def test_marks_rebuild_the_right_text_from_the_left(texts: tuple[str, str]) -> None:
    left_text, right_text = texts
    comparison = run(left_text, right_text)
    left, right = comparison.left, comparison.right
    diffed = [p for p in comparison.pairs if p.kind in (PairKind.SAME, PairKind.MODIFIED)]
    counterparts: dict[str, int] = {}
    for p in diffed:
        counterparts[p.left] = counterparts.get(p.left, 0) + 1
        counterparts[p.right] = counterparts.get(p.right, 0) + 1
    skip_left, skip_right = numbers(left), numbers(right)
    for p in diffed:
        ls, rs = left.by_id[p.left], right.by_id[p.right]
        if not (ls.is_leaf and rs.is_leaf) or counterparts[p.left] > 1 or counterparts[p.right] > 1:
            continue  # a section with several counterparts keeps what any of them shares
        # Every character of an op carries the op's mark: deleted/inserted or shared.
        left_marks = span_marks(left.text, comparison.left_highlights)
        right_marks = span_marks(right.text, comparison.right_highlights)
        for op in p.diff:
            for i in range(op.left_start, op.left_end):
                if not left.text[i].isspace() and i not in skip_left:
                    want = Highlight.SHARED if op.op is OpKind.EQUAL else Highlight.LEFT_ONLY
                    assert left_marks[i] is want, (p, op, left.text[i])
            for i in range(op.right_start, op.right_end):
                if not right.text[i].isspace() and i not in skip_right:
                    want = Highlight.SHARED if op.op is OpKind.EQUAL else Highlight.RIGHT_ONLY
                    assert right_marks[i] is want, (p, op, right.text[i])
        # Left less deleted == right less inserted: applying the marks to the left gives the right.
        kept_left = _kept(left, comparison.left_highlights, Highlight.LEFT_ONLY, *_own(left, p.left), skip_left)
        kept_right = _kept(right, comparison.right_highlights, Highlight.RIGHT_ONLY, *_own(right, p.right),
                           skip_right)
        assert kept_left == kept_right, (p, left.text[ls.start : ls.end], right.text[rs.start : rs.end])
    # The redline's own marks rebuild both texts exactly.
    pieces = tracked_pieces(comparison)
    assert "".join(x.text for x in pieces if x.kind != "delete") == right.text
    assert "".join(x.text for x in pieces if x.kind != "insert") == left.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_revision())
def test_values_are_never_split_by_a_mark(texts: tuple[str, str]) -> None:
    comparison = run(*texts)
    for doc, spans in ((comparison.left, comparison.left_highlights), (comparison.right, comparison.right_highlights)):
        marks = span_marks(doc.text, spans)
        skip = numbers(doc)
        for value in _VALUES:
            at = doc.text.find(value)
            while at >= 0:
                inside = {marks[i] for i in range(at, at + len(value)) if i not in skip}
                whole = _whole_value(doc.text, at, value)
                if whole and len(inside) > 1:
                    raise AssertionError(f"{value} at {at} in {doc.path} is split: {inside}")
                at = doc.text.find(value, at + 1)


def _whole_value(text: str, at: int, value: str) -> bool:
    """True when ``value`` at ``at`` is not part of a longer value (2025年 inside 2025年底)."""
    end = at + len(value)
    before = text[at - 1] if at else ""
    after = text[end] if end < len(text) else ""
    return not (before.isdigit() or before in "-.") and not (after.isdigit() or after in "-.%年月日个底")


# --- a heading kept while its section lost or gained a paragraph --------------------------
#
# The outline makes a heading with one paragraph one leaf (heading and paragraph together)
# and a heading with two or more a parent of paragraph leaves, so a revision that drops a
# section's second paragraph (or adds one) gives the same heading two shapes. The heading
# is unchanged and must read so on both sides: only the paragraph is deleted or inserted.
# The redline is not checked here: it takes its anchors from leaf pairs, and the leaf pair
# of the kept paragraph still has the heading on one side only.

SECTION_TITLE = "江阳区关于推进高质量发展的实施意见"
KEPT = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，统筹推进经济社会高质量发展。"
DROPPED = "到2025年，全区生态环境质量明显改善，城乡居民收入稳步增长，公共服务体系更加健全完善。"
NEXT_SECTION = "二、重点任务\n加快推进交通基础设施建设，完善综合交通运输体系，推动城乡融合发展和乡村振兴战略实施。"


def _section(*paragraphs: str) -> str:
    return "\n".join([SECTION_TITLE, "一、总体要求", *paragraphs, NEXT_SECTION])


ARTICLE_KEPT = "本办法适用于本市行政区域内规范性文件的备案审查工作，法律法规另有规定的从其规定。"
ARTICLE_DROPPED = "区人民政府制定的规范性文件，参照本办法执行，区司法行政部门负责具体组织实施工作。"


def _articles(*paragraphs: str) -> str:
    return "\n".join([
        "上海市规范性文件备案审查办法",
        "第一章　总则",
        "第一条　为了加强规范性文件备案审查工作，制定本办法。",
        "本办法依据有关法律法规，结合本市实际制定，用于指导全市规范性文件的监督管理工作。",
        "第二条　本办法的适用范围。",
        *paragraphs,
        "第三条　市司法行政部门负责本办法的组织实施，各区司法行政部门按照职责做好相关工作。",
    ])


def _heading_kept(comparison: Comparison, heading: str, deleted: str, inserted: str, qtbot: object | None) -> None:
    """``heading`` is unmarked-as-changed on both sides, ``deleted``/``inserted`` (one empty)
    are marked whole, and every other character is shared: in the spans, in the reports'
    view and (given ``qtbot``) in the window."""
    sides = (
        (comparison.left, comparison.left_highlights, deleted, Highlight.LEFT_ONLY),
        (comparison.right, comparison.right_highlights, inserted, Highlight.RIGHT_ONLY),
    )
    for doc, spans, changed_text, unique in sides:
        marks = _marks_in_every_view(doc, spans, qtbot)
        at = doc.text.index(heading)
        assert set(marks[at : at + len(heading)]) == {Highlight.SHARED}, (doc.path, marks[at : at + len(heading)])
        expected: set[int] = set()
        if changed_text:
            start = doc.text.index(changed_text)
            expected = set(range(start, start + len(changed_text)))
        skip = numbers(doc)
        for i, ch in enumerate(doc.text):
            if ch.isspace() or i in skip:
                continue
            want = unique if i in expected else Highlight.SHARED
            assert marks[i] is want, f"{doc.path}: {ch!r} at {i} in …{doc.text[max(0, i - 6) : i + 7]}… is {marks[i]}"


def test_heading_kept_when_its_second_paragraph_is_deleted(qtbot: object) -> None:
    comparison = run(_section(KEPT, DROPPED), _section(KEPT))
    assert comparison.left.by_id["L2"].children and comparison.right.by_id["R2"].is_leaf  # the two shapes
    _heading_kept(comparison, "总体要求", DROPPED, "", qtbot)


def test_heading_kept_when_a_second_paragraph_is_inserted(qtbot: object) -> None:
    comparison = run(_section(KEPT), _section(KEPT, DROPPED))
    assert comparison.left.by_id["L2"].is_leaf and comparison.right.by_id["R2"].children
    _heading_kept(comparison, "总体要求", "", DROPPED, qtbot)


def test_heading_kept_when_its_first_paragraph_is_deleted() -> None:
    _heading_kept(run(_section(DROPPED, KEPT), _section(KEPT)), "总体要求", DROPPED, "", None)


def test_article_heading_kept_when_a_paragraph_is_deleted_or_inserted() -> None:
    heading = "本办法的适用范围。"
    for left, right, deleted, inserted in (
        (_articles(ARTICLE_KEPT, ARTICLE_DROPPED), _articles(ARTICLE_KEPT), ARTICLE_DROPPED, ""),
        (_articles(ARTICLE_KEPT), _articles(ARTICLE_KEPT, ARTICLE_DROPPED), "", ARTICLE_DROPPED),
    ):
        comparison = run(left, right)
        _heading_kept(comparison, heading, deleted, inserted, None)
        numbered = {(comparison.left.by_id[p.left].number, comparison.right.by_id[p.right].number)
                    for p in comparison.pairs}
        # 第二条 is paired with 第二条, not also with the chapter that holds it on the other side.
        assert ("第二条", "第二条") in numbered
        assert not {("第二条", "第一章"), ("第一章", "第二条")} & numbered


MORE = (
    "坚持深化改革扩大开放，破除制约高质量发展的体制机制障碍，激发市场主体活力和社会创造力。",
    "坚持生态优先绿色发展，筑牢长江上游生态屏障，推动形成绿色生产方式和生活方式。",
    "坚持共建共享增进民生福祉，健全基本公共服务体系，不断满足人民日益增长的美好生活需要。",
)


def test_heading_kept_when_most_of_its_paragraphs_are_deleted() -> None:
    # Most of the section went: it is still that section, revised, and its heading stays.
    comparison = run(_section(KEPT, DROPPED, *MORE), _section(KEPT))
    gone = [comparison.left.text.index(p) for p in (DROPPED, *MORE)]
    marks = span_marks(comparison.left.text, comparison.left_highlights)
    for at, text in zip(gone, (DROPPED, *MORE), strict=True):
        assert set(marks[at : at + len(text)]) == {Highlight.LEFT_ONLY}
    for doc, spans in ((comparison.left, comparison.left_highlights), (comparison.right, comparison.right_highlights)):
        at = doc.text.index("总体要求")
        assert set(span_marks(doc.text, spans)[at : at + 4]) == {Highlight.SHARED}


def test_a_heading_kept_across_shapes_is_one_pair_and_the_report_rows_stay_as_they_were() -> None:
    comparison = run(_section(KEPT, DROPPED), _section(KEPT))
    by_pair = {(p.left, p.right): p.kind for p in comparison.pairs}
    # The heading's parent pairs with the leaf that holds the heading now, besides the
    # leaf pair of the kept paragraph; leaf counts and navigation are unchanged by it.
    assert by_pair[("L2", "R2")] is PairKind.MODIFIED and by_pair[("L3", "R2")] is PairKind.MODIFIED
    assert dict(comparison.stats.pair_counts)[PairKind.MODIFIED] == 1
    assert [(c.left, c.right) for c in comparison.changes] == [("L3", "R2"), ("L4", None)]
    # A report row shows the kept paragraph once, and the deleted one in a row of its own.
    assert [(row.right.id if row.right else None, [s.id for s in row.left]) for row in rows(comparison)] == [
        ("R1", ["L1"]), ("R2", ["L3"]), (None, ["L4"]), ("R3", ["L5"])]


def test_a_heading_renamed_while_a_paragraph_went_is_not_paired_by_its_shape() -> None:
    # Only the same heading line says the leaf is the section: a renamed one is a change.
    comparison = run(_section(KEPT, DROPPED), _section(KEPT).replace("总体要求", "总体目标"))
    assert ("L2", "R2") not in {(p.left, p.right) for p in comparison.pairs}



def test_an_article_whose_first_paragraph_was_revised_while_a_paragraph_went_is_paired_by_its_shape() -> None:
    # An article's heading line is its first paragraph: revised, it is still the article.
    first = "县级人民政府及其有关部门、乡级人民政府、街道办事处应当组织开展应急知识的宣传普及活动和必要的应急演练。"
    revised = first.replace("开展应急知识的", "开展面向社会公众的应急知识")
    law = "\n".join(["某某法", "第一条　为了预防和减少突发事件的发生，控制、减轻和消除突发事件的危害，制定本法。",
                     "第二条　{}", ARTICLE_KEPT, "{}",
                     "第三条　市司法行政部门负责本办法的组织实施，各区司法行政部门按照职责做好相关工作。"])
    comparison = run(law.format(first, ARTICLE_DROPPED), law.format(revised, "").replace("\n\n", "\n"))
    left_article = next(s.id for s in comparison.left.sections if s.number.strip() == "第二条")
    right_article = next(s.id for s in comparison.right.sections if s.number.strip() == "第二条")
    assert not comparison.left.by_id[left_article].is_leaf and comparison.right.by_id[right_article].is_leaf
    assert (left_article, right_article) in {(p.left, p.right) for p in comparison.pairs}
    # The deleted paragraph is marked whole; the kept one and the first paragraph's kept words are shared.
    marks = span_marks(comparison.left.text, comparison.left_highlights)
    at = comparison.left.text.index(ARTICLE_DROPPED)
    assert set(marks[at : at + len(ARTICLE_DROPPED)]) == {Highlight.LEFT_ONLY}
    at = comparison.left.text.index("县级人民政府及其有关部门")
    assert set(marks[at : at + 12]) == {Highlight.SHARED}

# --- the redline of a heading kept across outline shapes --------------------------------


def _revisions(path: Path) -> list[str]:
    """The text of every revision of a redline: each run-level insertion, deletion or move,
    and each paragraph whose mark is inserted or deleted (its text, as Word joins it away)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    marks = {f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"}
    found = ["".join(e.itertext()) for e in root.iter(*marks) if e.getparent().tag != f"{W}rPr"]
    for paragraph in root.iter(f"{W}p"):
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(child.tag in marks for child in mark):
            found.append("".join(t.text or "" for t in paragraph.iter(f"{W}t", f"{W}delText")))
    return found


@pytest.mark.parametrize(
    ("left", "right", "heading", "deleted", "inserted"),
    [
        (_section(KEPT, DROPPED), _section(KEPT), "一、总体要求", DROPPED, ""),
        (_section(KEPT), _section(KEPT, DROPPED), "一、总体要求", "", DROPPED),
        (_section(DROPPED, KEPT), _section(KEPT), "一、总体要求", DROPPED, ""),
        (_section(KEPT, DROPPED, *MORE), _section(KEPT), "一、总体要求", DROPPED, ""),
        (_articles(ARTICLE_KEPT, ARTICLE_DROPPED), _articles(ARTICLE_KEPT), "第二条　本办法的适用范围。",
         ARTICLE_DROPPED, ""),
        (_articles(ARTICLE_KEPT), _articles(ARTICLE_KEPT, ARTICLE_DROPPED), "第二条　本办法的适用范围。",
         "", ARTICLE_DROPPED),
    ],
    ids=["second-deleted", "second-inserted", "first-deleted", "five-to-one", "article-deleted", "article-inserted"],
)
def test_redline_keeps_a_heading_kept_across_shapes(
    tmp_path: Path, left: str, right: str, heading: str, deleted: str, inserted: str
) -> None:
    # The window shows the heading unchanged (see the tests above); so must the redline,
    # where the kept paragraph's pair holds the heading on one side only.
    comparison = run(left, right)
    changed = [p for p in tracked_pieces(comparison) if p.kind != "equal"]
    assert not [p for p in changed if heading in p.text], changed
    assert (deleted or inserted) in "".join(p.text for p in changed if p.kind == ("delete" if deleted else "insert"))
    target = tmp_path / "redline.docx"
    for literal in (False, True):
        write_redline(comparison, target, literal_scripts=literal)
        revisions = _revisions(target)
        assert not [text for text in revisions if heading in text], revisions
        assert any((deleted or inserted) in text for text in revisions), revisions
        assert reconstruct(target) == (right, comparison.left.text if literal else left_as_compared(comparison))


def test_native_redline_keeps_a_heading_kept_across_shapes(tmp_path: Path) -> None:
    # A Word revision is written in the right document's own format: the same pieces.
    blocks = [("Title", SECTION_TITLE), ("Heading 1", "一、总体要求"), ("body", KEPT), ("body", DROPPED),
              ("Heading 1", "二、重点任务"), ("body", NEXT_SECTION.split("\n")[1])]
    comparison = compare(build(tmp_path / "左.docx", blocks, []),
                         build(tmp_path / "右.docx", [b for b in blocks if b[1] != DROPPED], []))
    target = tmp_path / "redline.docx"
    write_redline(comparison, target)
    revisions = _revisions(target)
    assert not [text for text in revisions if "总体要求" in text], revisions
    assert any(DROPPED in text for text in revisions), revisions
    assert reconstruct(target) == (comparison.right.text, left_as_compared(comparison))


def test_a_notice_that_lost_its_sentence_keeps_its_other_lines_unmarked() -> None:
    # Without its one sentence the cover notice's lines are one preamble leaf instead of a
    # parent of paragraphs: the lines kept on both sides are still shared, the sentence deleted.
    head = ("某市人民政府办公室关于印发《某市数字经济发展行动方案》的通知\n某府办发〔2022〕7号\n"
            "各区县人民政府，市级各部门：\n")
    notice = "现将《某市数字经济发展行动方案》印发给你们，请认真贯彻执行。\n"
    tail = ("某市人民政府办公室\n2022年4月12日\n某市数字经济发展行动方案\n一、总体要求\n"
            "（一）指导思想。坚持创新驱动，推动数字经济和实体经济深度融合，建设数字产业集聚区。\n"
            "（二）发展目标。到2025年，数字经济核心产业增加值占地区生产总值比重达到10%。\n")
    result = compare_texts(head + notice + tail, head + tail)

    def marks(doc: Document, spans: tuple[Span, ...], text: str) -> set[Highlight]:
        at = doc.text.index(text)
        return {s.kind for s in spans if s.start < at + len(text) and s.end > at}

    for kept in ("各区县人民政府，市级各部门", "某市人民政府办公室\n2022年4月12日"):
        assert marks(result.left, result.left_highlights, kept) == {Highlight.SHARED}, kept
        assert marks(result.right, result.right_highlights, kept) == {Highlight.SHARED}, kept
    assert marks(result.left, result.left_highlights, "现将") == {Highlight.LEFT_ONLY}


def test_an_article_s_band_in_the_reports_is_its_number_when_its_first_sentence_is_a_row() -> None:
    from core.export.row_notes import heading_label

    law = "\n".join(["某某条例", "第一条　为了规范管理，制定本条例。",
                     "第二条　县级人民政府应当组织开展应急知识的宣传普及活动和必要的应急演练。",
                     "居民委员会应当协助开展宣传普及活动。", "新闻媒体应当无偿开展公益宣传。"])
    comparison = run(law, law.replace("组织开展应急知识", "组织开展面向公众的应急知识"))
    right = comparison.right
    article = next(s for s in right.sections if s.number.strip() == "第二条")
    assert heading_label(right, article) == "第二条"
    first = next(s for s in right.sections if s.number.strip() == "第一条")
    assert heading_label(right, first).startswith("第一条")
    # The left column, which has no bands, shows the number before the first sentence.
    from core.export.segments import shown_bounds

    left = comparison.left
    left_first = left.by_id[next(s for s in left.sections if s.number.strip() == "第二条").children[0]]
    start, end, bold_end = shown_bounds(left, left_first, with_number=True)
    assert left.text[start:end].startswith("第二条　县级人民政府") and left.text[start:bold_end] == "第二条"
    assert shown_bounds(left, left_first, with_number=False)[0] == left_first.start
    from core.export.segments import cited_label

    assert cited_label(left, left_first).startswith("第二条 县级人民政府")  # as a later row refers back to it
    # The revised first sentence is a row of its own, marked where it changed.
    marks = span_marks(right.text, comparison.right_highlights)
    at = right.text.index("面向公众的")
    assert set(marks[at : at + 5]) == {Highlight.RIGHT_ONLY}


def test_a_renamed_chapter_says_what_it_was_under_its_band() -> None:
    from core.export.row_notes import RowNotes
    from core.export.rows import rows as report_rows

    law = "\n".join(["某某条例", "第一章 总则", "第一条 为了规范管理，制定本条例。", "第二章 应急准备",
                     "第二条 县级人民政府应当组织开展应急知识的宣传普及活动。", "第三条 本条例自公布之日起施行。"])
    comparison = run(law, law.replace("第二章 应急准备", "第二章 预防与应急准备"))
    notes = RowNotes(comparison, report_rows(comparison))
    chapters = {s.number: s for s in comparison.right.sections if s.number.startswith("第") and "章" in s.number}
    assert notes.renamed_from(chapters["第二章"]) == "原为：第二章应急准备"
    assert notes.renamed_from(chapters["第一章"]) is None
    # An article whose first sentence changed says nothing under its band: that sentence is a row.
    article = "\n".join(["某某条例", "第一条 县级人民政府应当组织开展应急知识的宣传普及活动。",
                          "居民委员会应当协助开展。", "新闻媒体应当开展公益宣传。"])
    revised = run(article, article.replace("开展应急知识", "开展面向公众的应急知识"))
    first = next(s for s in revised.right.sections if s.number == "第一条")
    assert not first.is_leaf
    assert RowNotes(revised, report_rows(revised)).renamed_from(first) is None
