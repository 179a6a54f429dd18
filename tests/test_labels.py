"""One table of the words for kinds, grades, findings and relations; one progress protocol."""

from __future__ import annotations

from core.kinds import CellKind, CoverageGrade, Direction, FindingKind, PairKind, Relation
from core.labels import CELL_KINDS, DIRECTIONS, FINDING_KINDS, GRADES, PAIR_KINDS, RELATIONS, label_of, pair_label
from core.progress import Stage


def test_every_member_has_its_word() -> None:
    for enum, table in ((PairKind, PAIR_KINDS), (CoverageGrade, GRADES), (CellKind, CELL_KINDS),
                        (FindingKind, FINDING_KINDS), (Direction, DIRECTIONS), (Relation, RELATIONS)):  # fmt: skip
        assert set(table) == set(enum), enum
        assert all(label_of(member) == table[member] for member in enum)


def test_members_equal_as_strings_keep_their_own_words() -> None:
    # PairKind.MODIFIED == CellKind.MODIFIED == "modified": the lookup goes by type
    assert label_of(CellKind.VERBATIM) == "照搬" and label_of(PairKind.SAME) == "相同"
    assert label_of(CellKind.ABSENT) == "未落实" and label_of(CoverageGrade.NOT_TAKEN_UP) == "未见落实"
    assert pair_label(None) == "独有"


def test_stages_show_their_words_and_compare_by_member() -> None:
    assert f"{Stage.ALIGN}" == Stage.ALIGN.label == "对齐章节"
    assert len({stage.value for stage in Stage}) == len(Stage)
