"""The window's words for each relation, stored options and stored corrections, without the engine."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings

from core.kinds import CoverageGrade, PairKind, Relation
from core.options import MIN_SHARED_RANGE, Correction, Options
from core.pairs import Assignment
from core.result import Coverage, Move, RelationVerdict
from gui.correction_menu import (
    BaseItemDialog,
    CorrectionChoice,
    base_item_matches,
    correction_for,
    fill_correction_menu,
)
from gui.corrections import MAX_KEPT, SETTINGS_KEY, CorrectionStore, content_key
from gui.options_store import load_options, save_options
from gui.relation_words import SectionNotes, verdict_text, verdict_tooltip


def implementing(comparison):
    """The fixture read as an implementing document: R3 carries out L3 by hand, R7 is local,
    R6 beat L7 by a near tie."""
    assignments = (
        Assignment("R2", ("L2",), (("L2", 0.9), ("L3", 0.2)), 0.7, ("方向",)),
        Assignment("R3", ("L3",), (("L6", 0.3), ("L3", 0.2)), 0.1, (), by_hand=True),
        Assignment("R5", ("L5",), (("L5", 0.5), ("L6", 0.1)), 0.4, ("渝西",)),
        Assignment("R6", ("L6", "L5"), (("L6", 0.6), ("L7", 0.5)), 0.1, ("产业",), rival="L7"),
        Assignment("R7", (), (("L7", 0.05),), 0.0, ()),
    )
    grades = (
        ("L2", CoverageGrade.COPIED),
        ("L3", CoverageGrade.ADAPTED),
        ("L5", CoverageGrade.ADAPTED),
        ("L6", CoverageGrade.ADAPTED),
        ("L7", CoverageGrade.NOT_TAKEN_UP),
    )
    coverage = Coverage(comparison.coverage.left, comparison.coverage.right, grades)
    verdict = RelationVerdict(Relation.IMPLEMENTATION, True, ("标题不同", "相同表述占比：左 17%，右 18%"))
    return replace(comparison, relation=verdict, assignments=assignments, coverage=coverage)


def test_revision_notes_speak_of_edits(fixture_comparison):
    notes = SectionNotes(fixture_comparison)
    assert not notes.implementation
    assert notes.note("L", "L7") == "删除"
    assert notes.note("R", "R7") == "新增"
    assert notes.note("L", "L2") == "未改"
    assert notes.note("R", "R6") == "修改"
    assert notes.note("L", "L1") == ""  # a heading: its items speak for it
    assert notes.row_note("L7", None, None) == "删除"


def test_a_moved_pair_is_named_with_its_places(fixture_comparison):
    i2 = next(i for i, p in enumerate(fixture_comparison.pairs) if p.left == "L2")
    moved = replace(fixture_comparison, moves=(Move(i2, "L2", "R2", "一、第1项", "二、第3项"),))
    notes = SectionNotes(moved)
    assert notes.note("L", "L2") == "未改、移动"
    assert notes.note("R", "R2") == "未改、移动"
    assert notes.note("L", "L5") == "修改"
    assert "位置：一、第1项 → 二、第3项" in notes.tooltip("R", "R2")


def test_implementation_notes_give_grades_base_items_and_hand_marks(fixture_comparison):
    notes = SectionNotes(implementing(fixture_comparison))
    assert notes.implementation
    assert notes.note("L", "L2") == "照搬"
    assert notes.note("L", "L7") == "未见落实"
    assert notes.note("R", "R5") == "→ （八）"
    assert notes.note("R", "R7") == "本地新增"
    assert notes.note("R", "R3") == "→ （二）（人工）"
    assert notes.by_hand("R3") and not notes.by_hand("R5")
    assert notes.row_note("L5", "R5", PairKind.MODIFIED) == "修改"
    assert notes.row_note(None, "R7", None) == "本地新增"
    tip = notes.tooltip("R", "R3")
    assert "人工设定" in tip and "（九）" in tip  # the alternative not chosen is offered
    assert "共同主题词：渝西" in notes.tooltip("R", "R5")
    assert "（十四）" in notes.tooltip("L", "L5")  # the base item names what carries it out
    assert notes.note("R", "R6").endswith("（待核）")
    assert notes.row_note("L6", "R6", PairKind.MODIFIED) == "修改（待核）"
    assert notes.row_note("L5", "R6", PairKind.RELATED) == "修改"  # the second base item won no tie
    assert "待核：与 " in notes.tooltip("R", "R6") and "待核" not in notes.tooltip("R", "R5")


def test_verdict_line_and_evidence(fixture_comparison):
    verdict = implementing(fixture_comparison).relation
    assert verdict_text(verdict) == "关系：落实（自动判断）"
    assert "相同表述占比" in verdict_tooltip(verdict)
    chosen = RelationVerdict(Relation.REVISION, False, ("由用户指定",))
    assert verdict_text(chosen) == "关系：修订（手动指定）"


def test_correction_choices_carry_both_labels(fixture_comparison):
    pair = correction_for(fixture_comparison, CorrectionChoice("R5", "pair", "L6"))
    assert pair == Correction("R5", "（十四）深化毗邻地区合作", "L6", "（九）加快建設現代產業體系")
    assert correction_for(fixture_comparison, CorrectionChoice("R7", "local")) == Correction(
        "R7", "（十六）支持县域集成改革", None, ""
    )
    assert correction_for(fixture_comparison, CorrectionChoice("R99", "local")) is None


def test_base_item_search_ignores_script_and_spaces(fixture_comparison, qtbot):
    section = fixture_comparison.left.by_id["L5"]
    assert base_item_matches(section, "毗邻 地区")  # Simplified query, Traditional label
    assert base_item_matches(section, "（八）")
    assert not base_item_matches(section, "生态")
    dialog = BaseItemDialog(fixture_comparison, "R5", ("L5",))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "L5"
    dialog.search.setText("生态")
    assert dialog.visible_ids() == ["L7"]
    assert dialog.chosen() == "L7"


@pytest.fixture
def store_settings(tmp_path):
    return QSettings(str(tmp_path / "store.ini"), QSettings.Format.IniFormat)


def test_corrections_are_kept_per_key_and_survive_a_new_store(store_settings):
    store = CorrectionStore(store_settings)
    first = Correction("R5", "（十四）深化", "L6", "（九）產業")
    store.put("k1", first)
    store.put("k1", Correction("R7", "（十六）", None, ""))
    store.put("k1", replace(first, left="L5", left_label="（八）"))  # replaces R5's earlier choice
    store.put("k2", first)
    store_settings.sync()
    again = CorrectionStore(QSettings(store_settings.fileName(), QSettings.Format.IniFormat))
    assert [c.right for c in again.of("k1")] == ["R7", "R5"]
    assert again.of("k1")[1].left == "L5"
    assert again.of("k2") == (first,)
    again.remove("k1", "R7")
    assert [c.right for c in again.of("k1")] == ["R5"]
    assert again.of("other") == ()


def test_unreadable_corrections_are_dropped_not_raised(store_settings):
    store_settings.setValue(SETTINGS_KEY, '{"k": [["R1", "x", 3, "y"], ["R2", "a", null, ""]], "j": "no"}')
    assert CorrectionStore(store_settings).of("k") == (Correction("R2", "a", None, ""),)
    store_settings.setValue(SETTINGS_KEY, "not json {")
    assert CorrectionStore(store_settings).snapshot() == {}


def test_only_the_most_recent_files_keep_corrections(store_settings):
    store = CorrectionStore(store_settings)
    for n in range(MAX_KEPT + 3):
        store.put(f"k{n}", Correction("R1", "x", None, ""))
    kept = store.snapshot()
    assert len(kept) == MAX_KEPT and "k0" not in kept and f"k{MAX_KEPT + 2}" in kept


def test_content_key_follows_content_and_order_not_names(tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "renamed.txt"
    a.write_text("省级文件", encoding="utf-8")
    b.write_text("市级文件", encoding="utf-8")
    c.write_text("省级文件", encoding="utf-8")
    assert content_key(str(a), str(b)) == content_key(str(c), str(b))
    assert content_key(str(a), str(b)) != content_key(str(b), str(a))
    assert content_key(str(a), str(tmp_path / "missing.txt")) == ""


@pytest.mark.parametrize(
    ("stored", "expected", "replaced"),
    [
        ({"min_shared": "abc"}, Options(), ("compare/min_shared",)),
        ({"min_shared": "9999"}, Options(), ("compare/min_shared",)),
        ({"min_shared": "1"}, Options(), ("compare/min_shared",)),
        ({"min_shared": str(MIN_SHARED_RANGE[1])}, Options(min_shared=MIN_SHARED_RANGE[1]), ()),
        ({"relation": "xyz"}, Options(), ("compare/relation",)),
        ({"relation": "implementation"}, Options(relation="implementation"), ()),
        ({"t2s": "maybe", "keep_boilerplate": "true"}, Options(keep_boilerplate=True), ("compare/t2s",)),
        ({}, Options(), ()),
    ],
)
def test_stored_options_are_validated(store_settings, stored, expected, replaced):
    for key, value in stored.items():
        store_settings.setValue(f"compare/{key}", value)
    store_settings.sync()
    loaded = load_options(QSettings(store_settings.fileName(), QSettings.Format.IniFormat))
    assert loaded.options == expected
    assert loaded.replaced == replaced


def test_saved_options_load_back(store_settings):
    chosen = Options(min_shared=12, t2s=False, keep_boilerplate=True, relation="revision")
    save_options(store_settings, chosen)
    store_settings.sync()
    assert load_options(QSettings(store_settings.fileName(), QSettings.Format.IniFormat)).options == chosen


def test_statistics_lists_speak_the_relation(fixture_comparison, qtbot):
    from gui.stats_panel import StatsPanel

    panel = StatsPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(fixture_comparison)
    assert panel.captions() == ["左侧删除的条目（1）", "右侧新增的条目（1）"]
    panel.set_comparison(implementing(fixture_comparison))
    assert panel.captions() == ["未见落实的上级条目（1）", "仅涉及的上级条目（0）", "本地新增的条目（1）"]
    assert panel.entries("L") == ["L7"] and panel.entries("R") == ["R7"]
    assert panel.values["grades"].text() == "照搬 1、细化 0、修改 3、仅涉及 0、未见落实 1"


def test_picking_any_base_item_keeps_it(fixture_comparison, store_settings, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from gui.correction_menu import store_choice

    notes = SectionNotes(implementing(fixture_comparison))
    store = CorrectionStore(store_settings)

    def accept_after_search(dialog: BaseItemDialog) -> QDialog.DialogCode:
        dialog.search.setText("生态")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BaseItemDialog, "exec", accept_after_search)
    assert store_choice(store, "k", notes, CorrectionChoice("R5", "pick"))
    assert store.of("k") == (Correction("R5", "（十四）深化毗邻地区合作", "L7", "（十）加強生態環境保護"),)
    monkeypatch.setattr(BaseItemDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not store_choice(store, "k", notes, CorrectionChoice("R6", "pick"))
    assert store_choice(store, "k", notes, CorrectionChoice("R5", "restore"))
    assert store.of("k") == ()


def test_coverage_findings_use_the_words_of_the_relation(fixture_comparison):
    from core.kinds import Direction, FindingKind
    from gui.findings_panel import change_label

    coverage = [f for f in fixture_comparison.findings if f.kind is FindingKind.COVERAGE]
    added = next(f for f in coverage if f.direction is Direction.ADDED)
    removed = next(f for f in coverage if f.direction is Direction.REMOVED)
    assert (change_label(added, Relation.REVISION), change_label(removed, Relation.REVISION)) == ("新增", "删除")
    implementation = Relation.IMPLEMENTATION
    assert (change_label(added, implementation), change_label(removed, implementation)) == ("本地新增", "未见落实")
    other = next(f for f in fixture_comparison.findings if f.kind is not FindingKind.COVERAGE)
    assert change_label(other, implementation) == change_label(other, Relation.REVISION)


def test_the_pair_list_lists_the_pairings_to_check_on_their_own(fixture_comparison, qtbot):
    from gui.pair_list import PairListPanel

    panel = PairListPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(implementing(fixture_comparison))
    panel.set_filter("to_check")
    assert [(row.left, row.right) for row in panel.visible_rows()] == [("L6", "R6")]
    assert panel.notes_shown() == ["修改（待核）"]
    panel.set_comparison(fixture_comparison)  # a revision has no pairing to check
    assert panel.visible_rows() == []


LAW_WITH_POINTS = ("中华人民共和国示例推广法\n第一条 为了加强示例推广工作，制定本法。\n"
                   "第二条 示例推广应当遵循下列原则：\n（一）有利于农业、农村经济可持续发展和增加农民收入；\n"
                   "（二）尊重农业劳动者和农业生产经营组织的意愿；\n（三）因地制宜，经过试验、示范。\n")
MEASURE_WITH_POINTS = ("某市实施《中华人民共和国示例推广法》办法\n"
                       "第一条 为了加强示例推广工作，根据《中华人民共和国示例推广法》，制定本办法。\n"
                       "第二条 示例推广应当遵循下列原则：\n（一）有利于高产、优质、高效农业的发展；\n"
                       "（二）尊重农业劳动者的意愿；\n（三）因地制宜，经过试验、示范。\n")


def _articles_with_points():
    """A law and its measure whose 第二条 are articles with points, each paired whole."""
    from core.compare import compare_texts

    comparison = compare_texts(LAW_WITH_POINTS, MEASURE_WITH_POINTS, Options(relation="implementation"))
    base = next(s for s in comparison.left.sections if s.number == "第二条")
    item = next(s for s in comparison.right.sections if s.number == "第二条")
    assert not base.is_leaf and not item.is_leaf
    return comparison, base, item


def test_an_article_paired_whole_gets_its_words():
    """An implementing article with its list points is one item: both articles are noted, and
    the pair's row says the grade the base article's points share."""
    comparison, base, item = _articles_with_points()
    notes = SectionNotes(comparison)
    assert notes.note("R", item.id) == "→ 第二条"
    assert notes.note("L", base.id) in ("照搬", "修改")
    assert notes.row_note(base.id, item.id, PairKind.MODIFIED) == notes.note("L", base.id)
    assert "对应上级条目" in notes.tooltip("R", item.id)


def test_an_article_paired_whole_can_be_corrected(qtbot):
    """The correction menu is offered for an implementing article, and any base item to pick
    is an article whole (what the engine pairs), never one of its points."""
    from PySide6.QtWidgets import QMenu

    comparison, base, item = _articles_with_points()
    chosen = []
    menu = QMenu()
    assert fill_correction_menu(menu, SectionNotes(comparison), item.id, chosen.append)
    assert [a.text() for a in menu.actions()][:2] == ["改为对应…", "其他条目…"]
    dialog = BaseItemDialog(comparison, item.id, (base.id,))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == base.id
    listed = dialog.visible_ids()
    assert base.id in listed and not any(comparison.left.by_id[sid].number.startswith("（") for sid in listed)
