"""只看改动: unchanged sections hidden and folded, restored, remembered; the result's notices."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolBar

from core.compare import compare_texts
from core.result import Comparison
from tests.test_verdict import RULES

UNRELATED = """关于做好2024年春季农业生产工作的通知
一、抓好春播备耕
各地要及早调运种子化肥农药，组织农机检修，确保春耕物资供应充足。
二、加强田间管理
指导农户科学施肥、适时灌溉，防范倒春寒和病虫害对小麦返青的影响。
"""

FIRST_RUN = "…… 标题及第一章至第二章 未修改（折叠）……"
LAST_RUN = "…… 第四章至第五章 未修改（折叠）……"
IDENTICAL = "两份文件内容相同，没有差异"
WRONG_FILE = "两份文件几乎没有相同内容，请确认是否选错了文件"


@pytest.fixture(scope="module")
def revised() -> Comparison:
    """The rules against a revision that changes one figure, in 第三章."""
    return compare_texts(RULES, RULES.replace("500万元", "600万元"))


def section_id(comparison: Comparison, side: str, number: str) -> str:
    doc = comparison.left if side == "L" else comparison.right
    return next(s.id for s in doc.sections if s.number == number)


def show(window, comparison: Comparison, qtbot) -> None:
    window.show_result(comparison)
    qtbot.wait(10)


def test_the_toggle_folds_unchanged_runs_hides_unchanged_sections_and_restores_them(window, revised, qtbot):
    show(window, revised, qtbot)
    assert not window.act_changes_only.isChecked()
    rows_before = window.pair_list.visible_rows()

    window.act_changes_only.trigger()

    for pane, doc in ((window.left_pane, revised.left), (window.right_pane, revised.right)):
        shown = pane.toPlainText()
        assert shown.startswith(FIRST_RUN + "\n第三章")
        assert shown.endswith(LAST_RUN)
        assert "第一条" not in shown and "第六条" not in shown
        assert "第五条" in shown  # the changed article stays whole
        assert len(shown) < len(doc.text)
    for side, outline in (("L", window.left_outline), ("R", window.right_outline)):
        for number in ("第一章", "第二章", "第四章", "第五章"):
            assert outline.is_hidden(section_id(revised, side, number))
        assert not outline.is_hidden(section_id(revised, side, "第三章"))
    rows = window.pair_list.visible_rows()
    assert [(row.left, row.right) for row in rows] == [
        (section_id(revised, "L", n), section_id(revised, "R", n)) for n in ("第三章", "第五条")
    ]

    window.act_changes_only.trigger()

    assert window.left_pane.toPlainText() == revised.left.text
    assert window.right_pane.toPlainText() == revised.right.text
    assert not window.left_outline.is_hidden(section_id(revised, "L", "第一章"))
    assert window.pair_list.visible_rows() == rows_before


def test_the_choice_is_remembered_and_a_new_result_arrives_folded(window, revised, qtbot, settings):
    window.act_changes_only.trigger()
    from gui.main_window import MainWindow

    again = MainWindow(settings)
    again.quiet = True
    qtbot.addWidget(again)
    assert again.act_changes_only.isChecked()
    again.show_result(revised)
    assert again.left_pane.toPlainText().startswith(FIRST_RUN)
    assert again.act_changes_only in again.findChild(QToolBar, "mainToolBar").actions()


def test_the_toggle_is_in_the_view_menu(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("视图"))
    assert window.act_changes_only in view.actions()


def test_a_click_on_a_folded_line_opens_that_run_only(window, revised, qtbot):
    show(window, revised, qtbot)
    window.act_changes_only.trigger()
    pane = window.right_pane
    last = revised.right.text.index("第四章")
    rect = pane.cursorRect(_cursor_at(pane, last))
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.right() + 40, rect.center().y()))
    shown = pane.toPlainText()
    assert shown.startswith(FIRST_RUN)  # the other run stays folded
    assert shown.endswith(revised.right.text[last:])
    assert window.left_pane.toPlainText().endswith(LAST_RUN)  # and the other pane is as it was


def test_next_change_still_stops_at_every_change_and_shows_its_text(window, qtbot):
    right = RULES.replace("500万元", "600万元").replace("第四条 各区人民政府", "第四条 各区、县人民政府")
    comparison = compare_texts(RULES, right)
    show(window, comparison, qtbot)
    window.act_changes_only.trigger()
    assert len(comparison.changes) == 2
    for step, change in enumerate(comparison.changes, start=1):
        window.commands["next"].trigger()
        assert window.status_label.text().startswith(f"[{step}/2]")
        for pane, doc, sid in (
            (window.left_pane, comparison.left, change.left),
            (window.right_pane, comparison.right, change.right),
        ):
            section = doc.by_id[sid]
            at = pane.to_qt(section.start)
            # The marked section is shown as written, not folded away.
            assert pane.toPlainText()[at : at + 6] == doc.text[section.start : section.start + 6]
            assert pane.marks[0].start == section.start


def test_identical_documents_say_so(window, qtbot):
    show(window, compare_texts(RULES, RULES), qtbot)
    assert window.notice.message == IDENTICAL
    assert window.notice.kind == "info"
    window.act_changes_only.trigger()  # nothing left to show but one line per side
    assert window.left_pane.toPlainText() == "…… 标题及第一章至第五章 未修改（折叠）……"


def test_documents_with_almost_nothing_in_common_warn_until_dismissed(window, revised, qtbot):
    show(window, compare_texts(RULES, UNRELATED), qtbot)
    assert window.notice.message == WRONG_FILE
    assert window.notice.kind == "warning"
    qtbot.mouseClick(window.notice.close_button, Qt.MouseButton.LeftButton)
    assert window.notice.message == ""
    show(window, compare_texts(RULES, UNRELATED), qtbot)
    assert window.notice.message == WRONG_FILE  # a new result is judged afresh
    show(window, revised, qtbot)
    assert window.notice.message == ""
    assert not window.notice.isVisible()


def _cursor_at(pane, offset: int):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.to_qt(offset))
    return cursor


def test_selecting_an_unchanged_section_opens_its_run_on_both_sides(window, revised, qtbot):
    show(window, revised, qtbot)
    window.act_changes_only.trigger()
    window.navigation.select_section("L", section_id(revised, "L", "第六条"))
    for pane, doc in ((window.left_pane, revised.left), (window.right_pane, revised.right)):
        shown = pane.toPlainText()
        assert shown.startswith(FIRST_RUN)  # the run above stays folded
        assert shown.endswith(doc.text[doc.text.index("第四章") :])
        section = doc.by_id[section_id(revised, "L" if doc is revised.left else "R", "第六条")]
        assert pane.marks[0].start == section.start
