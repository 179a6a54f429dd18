"""Reading order of report rows and highlight runs, on a hand-built comparison.

``sample_comparison()`` is also the fixture of the other export tests: a Traditional
provincial decision against a Simplified city decision, with a moved item, a deleted
item, a local item, a merge and findings (a deadline moved, a target added, the
deleted and the local item), built directly from the result model. ``sample_pair()``
is the real sample pair of ``docs_in`` as the engine compares it.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from functools import cache
from pathlib import Path

from core.compare import compare, compare_texts
from core.document import Document, Section
from core.export.provenance import document_date
from core.export.report_wording import NO_SECTION
from core.export.row_notes import RowNotes
from core.export.rows import Row, rows, with_headings
from core.export.segments import SpanIndex, paragraphs
from core.export.summary import FindingEntry, summarize
from core.kinds import CoverageGrade, Direction, FindingKind, Highlight, PairKind, Relation
from core.normalize import normalize
from core.options import Options
from core.pairs import Assignment, Match, Pair
from core.result import Comparison, Coverage, Finding, Move, RelationVerdict, Span, Stats

ROOT = Path(__file__).resolve().parent.parent

LEFT_TEXT = """中共四川省委關於加快推動成渝地區雙城經濟圈建設的決定
一、總體要求
（一）堅定以習近平總書記重要講話精神為根本遵循。全省上下必須深入學習貫徹，增強“四個意識”、堅定“四個自信”。
（二）推動川渝毗鄰地區聯動發展。支持川南渝西融合發展試驗區建設，共建產業合作園區，推進基礎設施互聯互通。
二、重點任務
（三）加快交通基礎設施建設。構建對外大通道，提升港口能級，到2025年建設長江上游航運中心。
（四）加強生態環境保護。共築長江上游生態屏障，推進大氣污染聯防聯控。
（五）深化體制機制改革。探索經濟區與行政區適度分離。"""

RIGHT_TEXT = """中共泸州市委关于全面融入成渝地区双城经济圈建设的决定
一、总体要求
（一）坚定以习近平总书记重要讲话精神为根本遵循。全市上下必须提高政治站位，增强“四个意识”、坚定“四个自信”。
二、重点任务
（二）加快交通基础设施建设。建设泸州港，港口吞吐量达到3000万吨，提升港口能级，到2027年打造区域性综合交通枢纽。
（三）深化毗邻地区合作。支持川南渝西融合发展试验区建设，共建产业合作园区，推进大气污染联防联控。
（四）发展特色优势产业。做强白酒产业，建设世界级优质白酒产业集群。
（五）深化体制机制改革。探索经济区与行政区适度分离，完善利益共享机制。"""


def _sections(side: str, text: str) -> tuple[Section, ...]:
    """One section per line: "一、" lines are parents, "（…）" lines their items."""
    lines = text.split("\n")
    raw: list[dict[str, object]] = []
    pos = 0
    for line in lines:
        start, end = pos, pos + len(line)
        pos = end + 1
        if "、" in line[:3]:
            number, title, level, role = line[:2], line[2:], 1, "heading"
        elif line.startswith("（"):
            close = line.index("）") + 1
            number, title, level, role = line[:close], line[close : line.index("。")], 2, "item"
        else:
            number, title, level, role = "", line, 1, "preamble"
        heading_end = start + (line.index("。") + 1 if role == "item" else len(line))
        raw.append(
            dict(
                number=number,
                title=title,
                level=level,
                role=role,
                start=start,
                end=end,
                heading_end=heading_end,
            )
        )
    sections: list[Section] = []
    parent_index: int | None = None
    children: dict[int, list[str]] = {}
    for index, info in enumerate(raw):
        sid = f"{side}{index}"
        parent = None
        if info["level"] == 2 and parent_index is not None:
            parent = f"{side}{parent_index}"
            children.setdefault(parent_index, []).append(sid)
        if info["role"] == "heading":
            parent_index = index
        info["id"], info["parent"] = sid, parent
    for index, info in enumerate(raw):
        kids = tuple(children.get(index, ()))
        end = raw[index + len(kids)]["end"] if kids else info["end"]
        sections.append(
            Section(
                id=str(info["id"]),
                parent=info["parent"],
                level=int(info["level"]),
                number=str(info["number"]),
                title=str(info["title"]),
                start=int(info["start"]),
                end=int(end),
                heading_end=int(info["heading_end"]),
                role=str(info["role"]),
                children=kids,
            )
        )
    return tuple(sections)


def _highlights(
    text: str,
    own: list[tuple[int, int]],
    shared: list[tuple[int, int]],
    unique: Highlight,
    elsewhere: list[tuple[int, int]],
) -> tuple[Span, ...]:
    """Spans: shared blocks, elsewhere blocks, and the rest of each paired range unique."""
    marks: list[Highlight | None] = [None] * len(text)
    for start, end in own:
        for i in range(start, end):
            if text[i] != "\n":
                marks[i] = unique
    for kind, blocks in ((Highlight.SHARED, shared), (Highlight.ELSEWHERE, elsewhere)):
        for start, end in blocks:
            for i in range(start, end):
                marks[i] = kind
    spans: list[Span] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        if marks[i] is not None:
            spans.append(Span(i, j, marks[i]))
        i = j
    return tuple(spans)


def sample_comparison(
    left_path: str = "/data/四川省委决定.txt",
    right_path: str = "/data/泸州市委决定.txt",
    extra_pairs: tuple[tuple[str, str, PairKind, float], ...] = (),
) -> Comparison:
    """A small, realistic comparison built by hand from the result model."""
    left = Document(
        left_path,
        "中共四川省委關於加快推動成渝地區雙城經濟圈建設的決定",
        LEFT_TEXT,
        _sections("L", LEFT_TEXT),
    )
    right = Document(
        right_path,
        "中共泸州市委关于全面融入成渝地区双城经济圈建设的决定",
        RIGHT_TEXT,
        _sections("R", RIGHT_TEXT),
    )
    leaf_pairs = [
        ("L0", "R0", PairKind.MODIFIED, 0.62),
        ("L1", "R1", PairKind.SAME, 1.0),
        ("L2", "R2", PairKind.MODIFIED, 0.71),
        ("L4", "R3", PairKind.SAME, 1.0),
        ("L5", "R4", PairKind.MODIFIED, 0.48),
        ("L3", "R5", PairKind.MODIFIED, 0.55),
        ("L7", "R7", PairKind.MODIFIED, 0.77),
        *extra_pairs,
    ]
    pairs = tuple(Pair(a, b, kind, score) for a, b, kind, score in leaf_pairs)
    lnorm, rnorm = normalize(LEFT_TEXT), normalize(RIGHT_TEXT)
    matches: list[Match] = []
    lshared: list[tuple[int, int]] = []
    rshared: list[tuple[int, int]] = []
    for pair in pairs:
        ls, rs = left.by_id[pair.left], right.by_id[pair.right]
        a0, a1 = lnorm.from_display(ls.start, ls.end)
        b0, b1 = rnorm.from_display(rs.start, rs.end)
        matcher = difflib.SequenceMatcher(None, lnorm.text[a0:a1], rnorm.text[b0:b1], autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size >= 4:
                la, lb = lnorm.to_display(a0 + block.a, a0 + block.a + block.size)
                ra, rb = rnorm.to_display(b0 + block.b, b0 + block.b + block.size)
                matches.append(Match(la, lb, ra, rb))
                lshared.append((la, lb))
                rshared.append((ra, rb))
    # 推进大气污染联防联控 of the city's item (三) comes from the province's item (四).
    r_else = RIGHT_TEXT.index("推进大气污染联防联控")
    l_else = LEFT_TEXT.index("推進大氣污染聯防聯控")
    matches.append(Match(l_else, l_else + 10, r_else, r_else + 10))
    left_hl = _highlights(
        LEFT_TEXT,
        [(left.by_id[p.left].start, left.by_id[p.left].end) for p in pairs]
        + [(left.by_id["L6"].start, left.by_id["L6"].end)],
        lshared,
        Highlight.LEFT_ONLY,
        [(l_else, l_else + 10)],
    )
    right_hl = _highlights(
        RIGHT_TEXT,
        [(s.start, s.end) for s in right.sections],
        rshared,
        Highlight.RIGHT_ONLY,
        [(r_else, r_else + 10)],
    )
    coverage = Coverage(
        left=tuple((s.id, None if s.id == "L6" else PairKind.MODIFIED) for s in left.leaves),
        right=tuple((s.id, None if s.id == "R6" else PairKind.MODIFIED) for s in right.leaves),
    )
    stats = Stats(0.58, 0.52, 0.8, 0.2, ((PairKind.SAME, 0), (PairKind.MODIFIED, 5), (PairKind.RELATED, 0)), 1, 1)
    return Comparison(Options(), left, right, pairs, tuple(matches), stats, coverage, left_hl, right_hl,
                      findings=_findings(left, right))  # fmt: skip


def _findings(left: Document, right: Document) -> tuple[Finding, ...]:
    """What the findings engine reports on the fixture, in the right side's reading order."""

    def span(document: Document, text: str) -> tuple[int, int]:
        start = document.text.index(text)
        return start, start + len(text)

    def whole(document: Document, sid: str) -> tuple[int, int]:
        section = document.by_id[sid]
        return section.start, section.end

    port = span(right, "3000万吨")
    deleted, local = left.by_id["L6"], right.by_id["R6"]
    return (
        Finding(FindingKind.QUANTITY, Direction.ADDED, (span(left, "提升港口能級")[0],) * 2, port, "", "3000万吨",
                4, "新增目标值：3000万吨"),
        Finding(FindingKind.DATE, Direction.CHANGED, span(left, "2025年"), span(right, "2027年"), "2025年",
                "2027年", 4, "时限 2025年 → 2027年"),
        Finding(FindingKind.COVERAGE, Direction.REMOVED, whole(left, "L6"), None, deleted.label, "", None,
                f"未落实：{deleted.label}"),
        Finding(FindingKind.COVERAGE, Direction.ADDED, None, whole(right, "R6"), "", local.label, None,
                f"本地新增：{local.label}"),
    )  # fmt: skip


@cache
def sample_pair() -> Comparison:
    """The provincial and city decisions of ``docs_in``, compared once per test session."""
    return compare(ROOT / "docs_in/sichuan_2020_decision_traditional.txt", ROOT / "docs_in/luzhou_2020_decision.txt")


def _ids(row: Row) -> tuple[str | None, tuple[str, ...]]:
    return (row.right.id if row.right else None, tuple(s.id for s in row.left))


def test_rows_follow_the_right_document_with_left_only_slotted_in() -> None:
    result = [_ids(r) for r in rows(sample_comparison())]
    # L6 (deleted) follows L5, which is shown in R4's row.
    assert result == [
        ("R0", ("L0",)),
        ("R2", ("L2",)),
        ("R4", ("L5",)),
        (None, ("L6",)),
        ("R5", ("L3",)),
        ("R6", ()),
        ("R7", ("L7",)),
    ]


def test_merged_row_lists_all_left_counterparts_and_the_closest_kind() -> None:
    comparison = sample_comparison(extra_pairs=(("L6", "R5", PairKind.RELATED, 0.21),))
    result = rows(comparison)
    assert [_ids(r) for r in result if r.right is None] == []
    row = next(r for r in result if r.right and r.right.id == "R5")
    assert _ids(row) == ("R5", ("L3", "L6"))
    assert row.kind is PairKind.MODIFIED
    assert row.score == 0.55


def test_left_only_leaf_before_any_paired_leaf_comes_first() -> None:
    base = sample_comparison()
    pairs = tuple(p for p in base.pairs if p.left != "L0")
    comparison = Comparison(
        base.options,
        base.left,
        base.right,
        pairs,
        base.matches,
        base.stats,
        base.coverage,
        base.left_highlights,
        base.right_highlights,
    )
    assert _ids(rows(comparison)[0]) == (None, ("L0",))


def test_each_right_heading_opens_once_before_its_first_row() -> None:
    comparison = sample_comparison()
    opened = [(_ids(row), [s.id for s in headings]) for row, headings in with_headings(comparison, rows(comparison))]
    assert opened == [
        (("R0", ("L0",)), []),  # the title line has no parent
        (("R2", ("L2",)), ["R1"]),  # 一、总体要求
        (("R4", ("L5",)), ["R3"]),  # 二、重点任务
        ((None, ("L6",)), []),
        (("R5", ("L3",)), []),  # still under 二、
        (("R6", ()), []),
        (("R7", ("L7",)), []),
    ]


def test_paragraph_runs_cover_text_exactly_with_highlights() -> None:
    comparison = sample_comparison()
    index = SpanIndex(comparison.right_highlights)
    section = comparison.right.by_id["R5"]
    paras = paragraphs(RIGHT_TEXT, index, section.start, section.end, section.heading_end)
    assert len(paras) == 1
    text = "".join(run.text for run in paras[0])
    assert text == RIGHT_TEXT[section.start : section.end]
    bold = "".join(run.text for run in paras[0] if run.bold)
    assert bold == RIGHT_TEXT[section.start : section.heading_end]
    kinds = {run.kind for run in paras[0]}
    assert {Highlight.SHARED, Highlight.RIGHT_ONLY, Highlight.ELSEWHERE} <= kinds


def test_paragraphs_split_on_line_breaks_and_drop_blank_ones() -> None:
    index = SpanIndex([Span(1, 5, Highlight.SHARED)])
    paras = paragraphs("甲乙\n\n丙丁戊", index, 0, 7)
    assert [[r.text for r in p] for p in paras] == [["甲", "乙"], ["丙", "丁戊"]]
    assert [r.kind for r in paras[1]] == [Highlight.SHARED, None]


def implementation(comparison: Comparison) -> Comparison:
    """``comparison`` read as an implementing document against its base."""
    return replace(comparison, relation=RelationVerdict(Relation.IMPLEMENTATION, True, ("标题不同",)))


def test_revision_notes_state_what_happened_and_where_wording_went() -> None:
    comparison = sample_comparison()
    notes = _notes_of(comparison)
    assert notes["R5"][0] == "修改"
    assert "部分表述移自原（四）加強生態環境保護" in notes["R5"]
    assert notes["L6"][0] == "删除" and notes["R6"][0] == "新增"
    assert notes["R2"] == ["修改"]
    assert notes["R4"][:2] == ["修改", "序号 （三） → （二）"]
    machine = ("相似度", "相同", "未落实", "本地新增", "左侧", "右侧")
    assert not any(word in line for lines in notes.values() for line in lines for word in machine)


def test_a_moved_item_says_so_with_where_it_stood() -> None:
    base = sample_comparison()
    index = next(i for i, p in enumerate(base.pairs) if p.right == "R4")
    move = Move(index, "L5", "R4", "二、第一项", "二、第二项")
    finding = Finding(FindingKind.MOVE, Direction.MOVED, (0, 1), (0, 1), move.left_place, move.right_place, index,
                      "移动：「加快交通基础设施建设」由二、第一项移至二、第二项")  # fmt: skip
    comparison = replace(base, moves=(move,), findings=(finding,))
    notes = _notes_of(comparison)
    assert notes["R4"][0] == "移动并修改"
    assert "◆ 移动：「加快交通基础设施建设」由二、第一项移至二、第二项" in notes["R4"]
    assert notes["R5"][0] == "修改"
    summary = summarize(comparison, rows(comparison))
    assert "移动 1 条" in summary.overview[0]
    assert summary.findings[-1].label == "移动" and summary.findings[-1].entries[0].target == "R4"


def test_implementation_notes_are_grades_local_items_and_hand_set_pairings() -> None:
    base = implementation(sample_comparison())
    grades = tuple((s.id, CoverageGrade.NOT_TAKEN_UP if s.id == "L6" else CoverageGrade.ADAPTED)
                   for s in base.left.leaves)  # fmt: skip
    assignments = (Assignment("R5", ("L3",), (("L3", 0.55),), 0.4, ("毗邻",), by_hand=True),)
    comparison = replace(base, coverage=replace(base.coverage, grades=grades), assignments=assignments)
    notes = _notes_of(comparison)
    assert notes["L6"][0] == "未见落实"
    assert notes["R6"][0] == "本地新增"
    assert notes["R5"][0] == "修改（人工）"
    assert notes["R2"][0] == "修改"
    assert "另引用上级文件：（四）加強生態環境保護" in notes["R5"]


def test_a_near_tie_is_marked_for_checking_in_its_row_and_the_summary() -> None:
    base = implementation(sample_comparison())
    assignments = (Assignment("R5", ("L3",), (("L3", 0.55), ("L6", 0.5)), 0.05, ("毗邻",), rival="L6"),)
    comparison = replace(base, assignments=assignments)
    ordered = rows(comparison)
    notes = _notes_of(comparison)
    assert notes["R5"][0] == "修改（待核）"
    assert "与（四）加強生態環境保護得分接近，请核对" in notes["R5"]
    row = next(r for r in ordered if r.right is not None and r.right.id == "R5")
    assert not RowNotes(comparison, ordered).unremarkable(row)
    summary = summarize(comparison, ordered)
    assert any("标注“（待核）”" in line for line in summary.overview)
    assert summary.lists[-1][0] == "待核对应" and "（另见（四）加強生態環境保護）" in summary.lists[-1][1][0]


def test_grades_follow_the_pairs_when_the_engine_gives_none() -> None:
    notes = _notes_of(implementation(sample_comparison()))
    assert notes["L6"][0] == "未见落实" and notes["R2"][0] == "修改" and notes["R6"][0] == "本地新增"


def test_summary_names_documents_relation_and_counts_changes() -> None:
    comparison = sample_comparison()
    summary = summarize(comparison, rows(comparison))
    assert summary.title == "修改对照表"
    sides = [(d.side, d.file) for d in summary.documents]
    assert sides == [("原稿", "四川省委决定.txt"), ("修改稿", "泸州市委决定.txt")]
    assert summary.relation == "修订（原稿 → 修改稿），由用户指定"
    assert summary.overview[0] == "共对照 7 条：修改 5 条，新增 1 条，删除 1 条，未修改 0 条。"
    assert summary.lists == (("删除", ("（四）加強生態環境保護",)), ("新增", ("（四）发展特色优势产业",)))
    assert ("繁简转换后比较", "是") in summary.options
    assert summary.header() == "原稿：四川省委决定.txt（—）　｜　修改稿：泸州市委决定.txt（—）"


def test_implementation_summary_counts_grades() -> None:
    comparison = implementation(sample_comparison())
    summary = summarize(comparison, rows(comparison))
    assert summary.title == "落实情况对照表"
    assert summary.relation == "落实（上级文件 → 落实文件），自动识别" and summary.evidence == ("标题不同",)
    # counted by item, the title blocks left out
    assert summary.overview[:2] == ("上级文件 5 条：修改 4 条，未见落实 1 条。", "落实文件 5 条，其中本地新增 1 条。")
    assert summary.lists == (("未见落实", ("（四）加強生態環境保護",)), ("本地新增", ("（四）发展特色优势产业",)))


def test_summary_groups_findings_by_kind_with_sections_and_rows() -> None:
    comparison = sample_comparison()
    summary = summarize(comparison, rows(comparison))
    # coverage is said by the overview in the relation's words, not as findings
    counts = [(g.label, g.count) for g in summary.findings]
    assert counts == [("数量", 1), ("时限", 1), ("约束力", 0), ("责任单位", 0), ("移动", 0)]
    assert summary.finding_overview() == "数量 1　时限 1　约束力 0　责任单位 0　移动 0"
    quantity, date = summary.findings[0].entries[0], summary.findings[1].entries[0]
    assert quantity == FindingEntry("新增目标值：3000万吨", "（三）加快交通基礎設施建設", "（二）加快交通基础设施建设",
                                    "R4")  # fmt: skip
    assert date.summary == "时限 2025年 → 2027年" and date.left.startswith("（三）") and date.target == "R4"


def test_document_date_is_its_own_then_its_files(tmp_path: Path) -> None:
    dated = Document("/nowhere/a.txt", "某决定", "某决定\n（2020年7月10日通过）\n一、总则", ())
    assert document_date(dated) == "2020年7月10日"
    undated = tmp_path / "b.txt"
    undated.write_text("无日期", encoding="utf-8")
    assert document_date(Document(str(undated), "无", "无日期", ())).endswith("（文件日期）")
    assert document_date(Document("/nowhere/c.txt", "无", "无日期", ())) == NO_SECTION


def _notes_of(comparison: Comparison) -> dict[str | None, list[str]]:
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    return {row.right.id if row.right else row.left[0].id: notes.lines(row) for row in ordered}


def test_row_notes_carry_the_findings_of_the_row_after_the_status() -> None:
    notes = _notes_of(sample_comparison())
    assert notes["R4"][2:4] == ["◆ 新增目标值：3000万吨", "◆ 时限 2025年 → 2027年"]
    others = [line for sid, lines in notes.items() if sid != "R4" for line in lines]
    assert not any(line.startswith("◆") for line in others)


def test_findings_without_pair_go_to_the_first_row_showing_their_span() -> None:
    base = sample_comparison()
    deleted = base.left.by_id["L6"]
    point = deleted.start + 3
    extra = (
        # a removal point on the left only, inside the deleted item
        Finding(FindingKind.DUTY, Direction.REMOVED, (point, point), None, "省生态环境厅", "", None,
                "牵头单位删除：省生态环境厅"),
    )  # fmt: skip
    notes = _notes_of(replace(base, findings=base.findings + extra))
    assert notes["L6"][:2] == ["删除", "◆ 牵头单位删除：省生态环境厅"]
    assert not any("省生态环境厅" in line for line in notes["R7"])


def test_findings_of_a_heading_line_are_noted_under_the_heading() -> None:
    base = sample_comparison()
    heading = base.right.by_id["R3"]  # 二、重点任务, paired with the left's 二、重點任務
    index = next(i for i, p in enumerate(base.pairs) if p.right == heading.id)
    left = base.left.by_id[base.pairs[index].left]
    # the words are made up: only where the finding is matters here
    finding = Finding(FindingKind.MODAL, Direction.WEAKENED, (left.start, left.start + 2),
                      (heading.start, heading.start + 2), "必须", "鼓励", index, "约束力减弱：必须 → 鼓励")  # fmt: skip
    comparison = replace(base, findings=(finding,))
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    assert notes.heading_lines(heading) == ["◆ 约束力减弱：必须 → 鼓励"]
    assert not any(line.startswith("◆") for row in ordered for line in notes.lines(row))


# -- an implementing law's articles, shown whole ------------------------------------------------------

_LAW = """中华人民共和国示例推广法
第一条 为了加强示例推广工作，促进农业发展，制定本法。
第二条 示例推广应当遵循下列原则：
（一）有利于农业、农村经济可持续发展和增加农民收入；
（二）尊重农业劳动者和农业生产经营组织的意愿；
（三）因地制宜，经过试验、示范。
第三条 各级人民政府在财政预算内应当保障用于示例推广的资金，并按规定使该资金逐年增长。"""

_MEASURE = """某市实施《中华人民共和国示例推广法》办法
第一条 为了加强示例推广工作，根据《中华人民共和国示例推广法》，结合本市实际，制定本办法。
第二条 示例推广应当遵循下列原则：
（一）有利于高产、优质、高效农业的发展；
（二）尊重农业劳动者的意愿；
（三）因地制宜，经过试验、示范。
第三条 本市设立示例推广服务中心。
服务中心由市农业行政部门管理。
服务中心的经费列入市级财政预算。
第四条 各级人民政府在财政预算内应当保障用于示例推广的资金，并逐年增长。"""


def test_an_article_paired_whole_is_one_row_with_its_grade() -> None:
    comparison = compare_texts_as(_LAW, _MEASURE, "implementation")
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    by_number = {row.right.number: row for row in ordered if row.right is not None}
    # The principles article with its three points is one row, next to the law's article whole.
    principles = by_number["第二条"]
    assert not principles.right.is_leaf and [s.number for s in principles.left] == ["第二条"]
    assert notes.status(principles) in ("照搬", "修改")
    assert not any(row.right is not None and row.right.number in ("（一）", "（二）", "（三）") for row in ordered)
    # An article of three paragraphs is one row, not three (two of them 本地新增).
    service = by_number["第三条"]
    assert not service.right.is_leaf and service.right.children
    assert not any(row.right is not None and row.right.id in service.right.children for row in ordered)
    # The law's points are shown in that row only, never as rows of their own (未见落实).
    assert all(row.right is not None for row in ordered if row.left and row.left[0].parent)


def test_a_split_is_named_and_a_subject_only_pair_splits_nothing() -> None:
    old = ("一、总体要求\n（一）加快交通基础设施建设，构建对外大通道，提升港口能级，到2025年建设长江上游航运中心。"
           "加强生态环境保护，共筑长江上游生态屏障，推进大气污染联防联控。\n（二）深化体制机制改革。探索经济区与行政区适度分离。\n")
    new = ("一、总体要求\n（一）加快交通基础设施建设，构建对外大通道，提升港口能级，到2025年建设长江上游航运中心。\n"
           "（二）加强生态环境保护，共筑长江上游生态屏障，推进大气污染联防联控。\n（三）深化体制机制改革。探索经济区与行政区适度分离。\n")
    comparison = compare_texts_as(old, new, "revision")
    ordered = rows(comparison)
    notes = RowNotes(comparison, ordered)
    split = [row for row in ordered if row.right is not None and any("拆分" in line for line in notes.lines(row))]
    assert [row.right.number for row in split] == ["（一）", "（二）"]
    # The same first row beside a second one paired by subject alone: no split.
    first = split[0]
    related = replace(split[1], pairs=tuple(replace(p, kind=PairKind.RELATED) for p in split[1].pairs))
    notes = RowNotes(comparison, [first, related])
    assert not any("拆分" in line for line in notes.lines(first))


def compare_texts_as(left: str, right: str, relation: str) -> Comparison:
    """The engine's comparison of two texts in the given relation."""
    return compare_texts(left, right, Options(relation=relation))
