"""The fold map: display offsets around and inside folded ranges, astral characters included."""

from __future__ import annotations

from gui.folds import Fold, FoldMap

TEXT = "第一章\n甲乙丙\n第二章\n丁戊\n第三章\n𠀀己庚"  # one astral character in the last chapter


def test_without_folds_the_map_is_the_utf16_map():
    plain = FoldMap(TEXT)
    assert plain.shown_text == TEXT
    astral = TEXT.index("𠀀")
    assert plain.to_qt(astral + 1) == astral + 2
    assert plain.from_qt(astral + 2) == astral + 1


def test_text_around_a_fold_shifts_and_text_inside_lands_on_its_line():
    start, end = TEXT.index("第二章"), TEXT.index("\n第三章")
    folds = [Fold(start, end, "……折叠……")]
    shown = FoldMap(TEXT, folds)
    assert shown.shown_text == "第一章\n甲乙丙\n……折叠……\n第三章\n𠀀己庚"
    for offset in range(start):
        assert shown.to_shown(offset) == offset
        assert shown.from_shown(offset) == offset
    for offset in range(start, end):
        assert shown.to_shown(offset) == start
    line = range(start, start + len("……折叠……"))
    assert {shown.from_shown(p) for p in line} == {start}
    assert all(shown.fold_at(p) == folds[0] for p in line)
    assert shown.fold_at(start - 1) is None and shown.fold_at(line.stop) is None
    for offset in range(end, len(TEXT) + 1):
        assert shown.from_shown(shown.to_shown(offset)) == offset
        assert TEXT[offset:] == shown.shown_text[shown.to_shown(offset) :]


def test_qt_positions_count_the_astral_character_after_the_folds():
    first = Fold(0, TEXT.index("\n第二章"), "[1]")
    second = Fold(TEXT.index("第二章"), TEXT.index("\n第三章"), "[2]")
    shown = FoldMap(TEXT, [first, second])
    assert shown.shown_text == "[1]\n[2]\n第三章\n𠀀己庚"
    after = TEXT.index("己")
    assert shown.to_qt(after) == shown.shown_text.index("己") + 1
    assert shown.from_qt(shown.to_qt(after)) == after
    assert shown.fold_at_qt(5) == second
