"""Fixtures of the GUI tests: offscreen Qt, isolated settings and a hand-built result.

``fixture_comparison`` is a small provincial decision (Traditional) against a city
decision (Simplified) built directly from the model dataclasses, so the window tests
do not depend on the engine's heuristics (its findings too: one of every kind,
``FINDINGS``); tests marked by ``real_comparison`` run the
engine on the bundled sample pair.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.document import Document, Section
from core.kinds import Direction, FindingKind, Highlight, PairKind
from core.normalize import normalize
from core.options import Options
from core.pairs import Match, Pair
from core.result import Change, Comparison, Coverage, Finding, Span, Stats


def pytest_configure(config: pytest.Config) -> None:
    """Run Qt without a display unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


LEFT_FILLER = "強化政策協同，完善工作機制。"
RIGHT_FILLER = "加强要素保障，优化营商环境。"


@dataclass(frozen=True)
class Part:
    """One section of a fixture document: heading line (number + title) and body."""

    number: str
    title: str
    body: str
    level: int
    parent: int | None  # index of the parent part
    role: str


# Both documents have the same outline shape, part i of one side facing part i of the
# other: (level, parent, role) of each part.
SHAPE = [
    (1, None, "preamble"),
    (1, None, "heading"),
    (2, 1, "item"),
    (2, 1, "item"),
    (1, None, "heading"),
    (2, 4, "item"),
    (2, 4, "item"),
    (2, 4, "item"),
]


def _parts(texts: list[tuple[str, str, str]]) -> list[Part]:
    """Parts from (number, title, body) in the order of ``SHAPE``."""
    return [Part(*text, *shape) for text, shape in zip(texts, SHAPE, strict=True)]


LEFT_PARTS = _parts(
    [
        ("", "中共四川省委關於推動成渝地區雙城經濟圈建設的決定", ""),
        ("一、", "總體要求", ""),
        ("（一）", "堅持正確方向", "深入貫徹黨中央決策部署，推動成渝地區雙城經濟圈建設走深走實。"),
        ("（二）", "堅持統籌協調", "強化全省一盤棋思想，形成工作合力。" + LEFT_FILLER * 5),
        ("二、", "重點任務", ""),
        (
            "（八）",
            "推動川渝毗鄰地區聯動發展",
            "支持自貢、瀘州、內江、宜賓與渝西城市共建川南渝西融合發展試驗區。支持廣安與渝北共建高灘—茨竹產城融合新區。"
            + LEFT_FILLER * 8,
        ),
        (
            "（九）",
            "加快建設現代產業體系",
            "培育世界級裝備製造產業集群，推動數字經濟發展。到2025年產值達到1000億元。"
            "牽頭單位：省經濟和信息化廳、省科技廳。",
        ),
        ("（十）", "加強生態環境保護", "築牢長江上游生態屏障，推進大氣污染聯防聯控。" + LEFT_FILLER * 6),
    ]
)

RIGHT_PARTS = _parts(
    [
        ("", "中共泸州市委关于全面融入成渝地区双城经济圈建设的决定", ""),
        ("一、", "总体要求", ""),
        ("（一）", "坚持正确方向", "深入贯彻党中央决策部署，推动成渝地区双城经济圈建设走深走实。"),
        ("（二）", "强化组织保障", "健全工作机制，压实各级责任。" + RIGHT_FILLER * 5),
        ("二、", "融合发展", ""),
        ("（十四）", "深化毗邻地区合作", "支持泸州与渝西城市共建川南渝西融合发展试验区。推进与永川区融合发展。"),
        (
            "（十五）",
            "加快建设现代产业体系",
            "培育世界级装备制造产业集群，做强白酒产业。到2027年产值达到1200亿元。牵头单位：市经济和信息化局。"
            + RIGHT_FILLER * 8,
        ),
        ("（十六）", "支持县域集成改革", "支持合江县开展县域集成改革试点，筑牢长江上游生态屏障。" + RIGHT_FILLER * 4),
    ]
)

# (left index, right index, kind, score, shared phrases as (left wording, right wording))
PAIRS = [
    (0, 0, PairKind.MODIFIED, 0.62, [("成渝地區雙城經濟圈建設的決定", "成渝地区双城经济圈建设的决定")]),
    (1, 1, PairKind.RELATED, 0.2, []),
    (
        2,
        2,
        PairKind.SAME,
        1.0,
        [
            ("堅持正確方向", "坚持正确方向"),
            (
                "深入貫徹黨中央決策部署，推動成渝地區雙城經濟圈建設走深走實。",
                "深入贯彻党中央决策部署，推动成渝地区双城经济圈建设走深走实。",
            ),
        ],
    ),
    (3, 3, PairKind.RELATED, 0.12, []),
    (4, 4, PairKind.RELATED, 0.15, []),
    (
        5,
        5,
        PairKind.MODIFIED,
        0.48,
        [("與渝西城市共建川南渝西融合發展試驗區。", "与渝西城市共建川南渝西融合发展试验区。")],
    ),
    (
        6,
        6,
        PairKind.MODIFIED,
        0.55,
        [
            ("加快建設現代產業體系", "加快建设现代产业体系"),
            ("培育世界級裝備製造產業集群，", "培育世界级装备制造产业集群，"),
        ],
    ),
]
ELSEWHERE = [(7, 7, "築牢長江上游生態屏障", "筑牢长江上游生态屏障")]

# (kind, direction, pair as (left index, right index) or None, left wording, right wording,
# summary): a wording of None has no span on that side; coverage findings span their section.
FINDINGS = [
    (FindingKind.MODAL, Direction.STRENGTHENED, (5, 5), "支持廣安", "推进与永川", "约束力增强：支持 → 推进"),
    (FindingKind.DATE, Direction.CHANGED, (6, 6), "2025年", "2027年", "时限 2025年 → 2027年"),
    (FindingKind.QUANTITY, Direction.CHANGED, (6, 6), "1000億元", "1200亿元", "目标值 1000億元 → 1200亿元"),
    (FindingKind.DUTY, Direction.REMOVED, (6, 6), "省科技廳", None, "删除责任单位：省科技廳"),
    (FindingKind.COVERAGE, Direction.ADDED, None, None, 7, "本地新增：（十六）支持县域集成改革"),
    (FindingKind.COVERAGE, Direction.REMOVED, None, 7, None, "未落实：（十）加強生態環境保護"),
]


def _document(side: str, parts: list[Part], path: str) -> Document:
    lines = []
    bounds = []
    pos = 0
    for part in parts:
        heading = part.number + part.title + ("。" if part.body else "")
        line = heading + part.body
        bounds.append((pos, pos + len(heading), pos + len(line)))
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines)
    ends = [b[2] for b in bounds]
    children: dict[int, list[int]] = {}
    for i, part in enumerate(parts):
        if part.parent is not None:
            children.setdefault(part.parent, []).append(i)
            ends[part.parent] = max(ends[part.parent], bounds[i][2])
    sections = tuple(
        Section(
            id=f"{side}{i}",
            parent=f"{side}{part.parent}" if part.parent is not None else None,
            level=part.level,
            number=part.number,
            title=part.title,
            start=bounds[i][0],
            end=ends[i],
            heading_end=bounds[i][1],
            role=part.role,
            children=tuple(f"{side}{c}" for c in children.get(i, [])),
        )
        for i, part in enumerate(parts)
    )
    return Document(path=path, title=parts[0].title, text=text, sections=sections)


def _spans(kinds: list[Highlight | None]) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for i in range(1, len(kinds) + 1):
        if i == len(kinds) or kinds[i] != kinds[start]:
            kind = kinds[start]
            if kind is not None:
                spans.append(Span(start, i, kind))
            start = i
    return tuple(spans)


def build_comparison() -> Comparison:
    """The hand-built result described in the module docstring."""
    left = _document("L", LEFT_PARTS, "/data/sichuan_decision.txt")
    right = _document("R", RIGHT_PARTS, "/data/luzhou_decision.txt")
    lk: list[Highlight | None] = [None] * len(left.text)
    rk: list[Highlight | None] = [None] * len(right.text)
    for doc, kinds, mark in ((left, lk, Highlight.LEFT_ONLY), (right, rk, Highlight.RIGHT_ONLY)):
        for s in doc.leaves:
            for i in range(s.start + len(s.number), s.end):
                if doc.text[i] != "\n":
                    kinds[i] = mark
    pairs = []
    matches = []
    for li, ri, kind, score, phrases in PAIRS:
        ls, rs = left.sections[li], right.sections[ri]
        pairs.append(Pair(ls.id, rs.id, kind, score))
        for lp, rp in phrases:
            a = left.text.index(lp, ls.start)
            b = right.text.index(rp, rs.start)
            lk[a : a + len(lp)] = [Highlight.SHARED] * len(lp)
            rk[b : b + len(rp)] = [Highlight.SHARED] * len(rp)
            matches.append(Match(a, a + len(lp), b, b + len(rp)))
    for li, ri, lp, rp in ELSEWHERE:
        a = left.text.index(lp, left.sections[li].start)
        b = right.text.index(rp, right.sections[ri].start)
        lk[a : a + len(lp)] = [Highlight.ELSEWHERE] * len(lp)
        rk[b : b + len(rp)] = [Highlight.ELSEWHERE] * len(rp)
        matches.append(Match(a, a + len(lp), b, b + len(rp)))
    paired_left = {p.left: p.kind for p in pairs}
    paired_right = {p.right: p.kind for p in pairs}
    coverage = Coverage(
        left=tuple((s.id, paired_left.get(s.id)) for s in left.leaves),
        right=tuple((s.id, paired_right.get(s.id)) for s in right.leaves),
    )
    leaf_pairs = [p for p in pairs if left.by_id[p.left].is_leaf]
    stats = Stats(
        left_shared=sum(k is Highlight.SHARED for k in lk) / len(lk),
        right_shared=sum(k is Highlight.SHARED for k in rk) / len(rk),
        left_leaves_covered=sum(k is not None for _, k in coverage.left) / len(coverage.left),
        right_leaves_local=sum(k is None for _, k in coverage.right) / len(coverage.right),
        pair_counts=tuple((kind, sum(p.kind is kind for p in leaf_pairs)) for kind in PairKind),
        left_unpaired=sum(k is None for _, k in coverage.left),
        right_unpaired=sum(k is None for _, k in coverage.right),
    )
    index = {(p.left, p.right): i for i, p in enumerate(pairs)}
    findings = tuple(_finding(left, right, index, *entry) for entry in FINDINGS)
    changes = (
        Change("L0", "R0", index[("L0", "R0")]),
        Change("L5", "R5", index[("L5", "R5")]),
        Change("L6", "R6", index[("L6", "R6")]),
        Change("L7", None, None),
        Change(None, "R7", None),
    )
    return Comparison(
        options=Options(),
        left=left,
        right=right,
        pairs=tuple(pairs),
        matches=tuple(matches),
        stats=stats,
        coverage=coverage,
        left_highlights=_spans(lk),
        right_highlights=_spans(rk),
        changes=changes,
        findings=findings,
        # as the engine would carry them: find searches these, never the text normalized again
        left_form=normalize(left.text),
        right_form=normalize(right.text),
    )


def _finding(
    left: Document,
    right: Document,
    pair_index: dict[tuple[str, str], int],
    kind: FindingKind,
    direction: Direction,
    pair: tuple[int, int] | None,
    left_where: str | int | None,
    right_where: str | int | None,
    summary: str,
) -> Finding:
    """A finding whose spans are found in the fixture text: a wording inside the pair, or a whole section."""
    parts = pair if pair is not None else (None, None)
    spans: list[tuple[int, int] | None] = []
    values: list[str] = []
    for doc, where, part in ((left, left_where, parts[0]), (right, right_where, parts[1])):
        if where is None:
            spans.append(None)
            values.append("")
        elif isinstance(where, int):
            section = doc.sections[where]
            spans.append((section.start, section.end))
            values.append("")
        else:
            assert part is not None
            start = doc.text.index(where, doc.sections[part].start)
            spans.append((start, start + len(where)))
            values.append(where)
    pair_id = pair_index[(f"L{parts[0]}", f"R{parts[1]}")] if pair is not None else None
    return Finding(kind, direction, spans[0], spans[1], values[0], values[1], pair_id, summary)


@pytest.fixture(scope="session")
def fixture_comparison() -> Comparison:
    """The hand-built comparison (immutable, shared by all tests)."""
    return build_comparison()


@pytest.fixture(scope="session", autouse=True)
def _application_setup(qapp: object) -> None:
    """Register the bundled font once, as the app does at start."""
    from gui.app import register_fonts

    register_fonts()


@pytest.fixture(scope="package", autouse=True)
def _gui_thread_collection(qapp: object) -> Iterator[None]:
    """Garbage collected in the GUI thread only while the window tests run, as in the app;
    the engine's tests after them get the interpreter's own collector back."""
    from gui.gc_guard import collect_in_gui_thread

    collector = collect_in_gui_thread(qapp)  # type: ignore[arg-type]
    yield
    collector.stop()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a throw-away INI file, so tests never touch the user's."""
    return QSettings(str(tmp_path / "duizhao.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: object, settings: QSettings) -> Iterator[object]:
    """A shown main window (1200×700) without a result; dialogs suppressed."""
    from gui.main_window import MainWindow

    win = MainWindow(settings)
    win.quiet = True
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.worker.cancel()
    win.worker.wait_for_done(10000)
    win.export_worker.wait_for_done(10000)


@pytest.fixture
def shown(window: object, fixture_comparison: Comparison, qtbot: object) -> object:
    """The main window showing the hand-built result."""
    window.show_result(fixture_comparison)  # type: ignore[attr-defined]
    qtbot.wait(20)  # type: ignore[attr-defined]
    return window
