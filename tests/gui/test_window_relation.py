"""The relation in the window and the drafter's corrections, on the bundled sample pair.

The province's decision against Luzhou's is detected as an implementing document; the
drafter can overrule the relation and correct any pairing, and a correction is kept
with the two files' content.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu

from core.kinds import CoverageGrade, Relation
from core.labels import label_of
from gui.corrections import SETTINGS_KEY, content_key
from gui.main_window import MainWindow, sample_pair
from gui.options_store import KEY_RELATION
from gui.outline import SECTION_ID_ROLE


def compared(window, qtbot, action):
    """Run ``action`` (which starts a comparison) and return the result it shows."""
    with qtbot.waitSignal(window.resultShown, timeout=30000) as blocker:
        action()
    return blocker.args[0]


def open_sample(window, qtbot):
    return compared(window, qtbot, lambda: window.open_pair(*sample_pair()))


def menu_action(menu: QMenu, text: str):
    """The action of ``menu`` (or of one of its sub-menus) whose text starts with ``text``."""
    for action in menu.actions():
        if action.text().startswith(text):
            return action
        if action.menu() is not None:
            found = menu_action(action.menu(), text)
            if found is not None:
                return found
    return None


def a_reassignable_item(comparison):
    """A right leaf with an automatic pairing and a ranked alternative it does not carry out."""
    for a in comparison.assignments:
        others = [lid for lid, _score in a.alternatives if lid not in a.left and comparison.left.by_id[lid].is_leaf]
        if a.left and others:
            return a, others[0]
    raise AssertionError("no item with an alternative")


def test_detected_relation_is_shown_with_its_evidence(window, qtbot):
    comparison = open_sample(window, qtbot)
    assert comparison.relation.relation is Relation.IMPLEMENTATION and comparison.relation.detected
    assert window.verdict_label.text() == "关系：落实（自动判断）"
    for line in comparison.relation.evidence:
        assert line in window.verdict_label.toolTip()
    assert window.relation_combo.choice() == "auto"


def test_changing_the_relation_compares_again_and_is_saved(window, qtbot, settings):
    open_sample(window, qtbot)
    combo = window.relation_combo
    index = combo.findData("revision")

    def choose() -> None:
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # as a user's pick does

    result = compared(window, qtbot, choose)
    assert result.relation.relation is Relation.REVISION and not result.relation.detected
    assert window.options.relation == "revision"
    assert window.verdict_label.text() == "关系：修订（手动指定）"
    assert window.pair_list.model.headerData(4, Qt.Orientation.Horizontal) == "改动"
    settings.sync()
    assert settings.value(KEY_RELATION) == "revision"
    reopened = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(reopened)
    assert reopened.options.relation == "revision"
    assert reopened.relation_combo.choice() == "revision"


def test_implementation_outlines_and_pair_list_show_grades_and_base_items(window, qtbot):
    comparison = open_sample(window, qtbot)
    grades = comparison.coverage.grade_of
    for leaf in comparison.left.leaves:
        note = window.left_outline.note_of(leaf.id)
        assert note.startswith(label_of(grades[leaf.id])), (leaf.label, note)
    for a in comparison.assignments:
        note = window.right_outline.note_of(a.right)
        assert note == "本地新增" if not a.left else note.startswith("→ ")
    not_taken = [lid for lid, grade in grades.items() if grade is CoverageGrade.NOT_TAKEN_UP]
    notes = window.pair_list.notes_shown()
    assert notes.count("未见落实") == len(not_taken)
    assert not any(word in notes for word in ("删除", "新增", "移动"))  # the words of a revision stay out
    assert window.pair_list.model.headerData(4, Qt.Orientation.Horizontal) == "落实情况"


def test_a_correction_changes_the_pairing_and_is_marked_by_hand(window, qtbot, settings):
    comparison = open_sample(window, qtbot)
    item, other = a_reassignable_item(comparison)
    menu = window.correction_menu(item.right)
    assert menu is not None
    entry = menu_action(menu, comparison.left.by_id[other].caption(28))
    assert entry is not None and entry.isEnabled()
    result = compared(window, qtbot, entry.trigger)
    fixed = next(a for a in result.assignments if a.right == item.right)
    assert fixed.left == (other,) and fixed.by_hand
    assert window.right_outline.note_of(item.right).endswith("（人工）")
    assert window.right_outline.currentIndex().data(SECTION_ID_ROLE) == item.right  # shown again
    assert any(n.endswith("（人工）") for n in window.pair_list.notes_shown())
    assert (other, item.right) in {(p.left, p.right) for p in result.pairs}
    # Kept with the files' content: stored under their key and used by the next comparison.
    key = content_key(*sample_pair())
    assert window.compare.result_key == key
    settings.sync()
    assert key in str(settings.value(SETTINGS_KEY))
    again = compared(window, qtbot, window.start_compare)
    assert next(a for a in again.assignments if a.right == item.right).left == (other,)

    restore = menu_action(window.correction_menu(item.right), "恢复自动配对")
    assert restore is not None and restore.isEnabled()
    back = compared(window, qtbot, restore.trigger)
    assert next(a for a in back.assignments if a.right == item.right) == item


def test_an_item_set_local_and_the_correction_survives_a_restart(window, qtbot, settings):
    comparison = open_sample(window, qtbot)
    item, _other = a_reassignable_item(comparison)
    local = menu_action(window.correction_menu(item.right), "设为本地新增")
    result = compared(window, qtbot, local.trigger)
    fixed = next(a for a in result.assignments if a.right == item.right)
    assert fixed.left == () and fixed.by_hand
    assert window.right_outline.note_of(item.right) == "本地新增（人工）"

    settings.sync()
    restarted = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    restarted.quiet = True
    qtbot.addWidget(restarted)
    later = open_sample(restarted, qtbot)
    assert next(a for a in later.assignments if a.right == item.right).by_hand
    restarted.worker.wait_for_done(10000)


def test_corrections_follow_the_content_not_the_names(window, qtbot, tmp_path):
    left, right = sample_pair()
    comparison = open_sample(window, qtbot)
    item, other = a_reassignable_item(comparison)
    entry = menu_action(window.correction_menu(item.right), comparison.left.by_id[other].caption(28))
    compared(window, qtbot, entry.trigger)

    copy_left, copy_right = tmp_path / "省.txt", tmp_path / "市.txt"
    shutil.copyfile(left, copy_left)
    shutil.copyfile(right, copy_right)
    renamed = compared(window, qtbot, lambda: window.open_pair(str(copy_left), str(copy_right)))
    assert next(a for a in renamed.assignments if a.right == item.right).left == (other,)

    with open(copy_right, "a", encoding="utf-8") as handle:
        handle.write("\n本文件自印发之日起施行。\n")
    edited = compared(window, qtbot, window.start_compare)
    assert not any(a.by_hand for a in edited.assignments)


def test_a_result_without_its_files_key_offers_no_correction(window, qtbot):
    comparison = open_sample(window, qtbot)
    item, _other = a_reassignable_item(comparison)
    window.show_result(comparison)  # as the matrix shows a cell: no content key
    menu = window.correction_menu(item.right)
    assert menu is not None
    assert not any(action.isEnabled() for action in menu.actions() if not action.isSeparator())
