"""Statistics and coverage: shared ratios, counts by kind, items not taken up or local.

The coverage lists speak the relation's words: for a revision the sections deleted and
inserted; for an implementing document the base items 未见落实 and 仅涉及 and the
implementing items that are 本地新增, with the count of base items in each grade.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from core.base_items import graded_items
from core.document import Document, Section
from core.export.summary import percent
from core.kinds import CoverageGrade, PairKind, Relation
from core.result import Comparison
from gui import theme
from gui.i18n import tr, tr_label

_SIDE_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class StatsPanel(QWidget):
    """Figures of a result and its coverage lists; clicking an entry reports its section."""

    sectionActivated = Signal(str, str)  # side ("L"/"R"), section id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            ("left_shared", tr("左侧与右侧共有的表述")),
            ("right_shared", tr("右侧与左侧共有的表述")),
            ("covered", tr("左侧条目被采纳")),
            ("local", tr("右侧本地条目")),
            *((kind.value, theme.pair_label(kind)) for kind in PairKind),
            ("left_unpaired", tr("左侧未采纳条目")),
            ("right_unpaired", tr("右侧独有条目")),
            ("grades", tr("上级条目落实情况")),
        ]
        for key, caption in rows:
            value = QLabel("—", self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(caption + tr("："), value)
        for kind in PairKind:
            self.values[kind.value].setToolTip(tr("叶级条目对数"))
        self.values["grades"].setWordWrap(True)
        self.coverage = QTreeWidget(self)
        self.coverage.setHeaderHidden(True)
        self.coverage.itemActivated.connect(self._report)
        self.coverage.itemClicked.connect(self._report)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("覆盖情况（点击条目定位）"), self))
        layout.addWidget(self.coverage, 1)

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show the figures and coverage of a result (None: clear)."""
        self.coverage.clear()
        if comparison is None:
            for value in self.values.values():
                value.setText("—")
            return
        stats = comparison.stats
        counts = dict(stats.pair_counts)
        self.values["left_shared"].setText(percent(stats.left_shared))
        self.values["right_shared"].setText(percent(stats.right_shared))
        self.values["covered"].setText(percent(stats.left_leaves_covered))
        self.values["local"].setText(percent(stats.right_leaves_local))
        for kind in PairKind:
            self.values[kind.value].setText(str(counts.get(kind, 0)))
        self.values["left_unpaired"].setText(str(stats.left_unpaired))
        self.values["right_unpaired"].setText(str(stats.right_unpaired))
        implementation = comparison.relation.relation is Relation.IMPLEMENTATION
        # By item, as a drafter counts them: a law's articles, not its paragraphs.
        graded = graded_items(comparison.left, comparison.coverage.grade_of) if implementation else []
        grades = [grade for _item, grade in graded]
        self.values["grades"].setText(
            "、".join(f"{tr_label(g)} {grades.count(g)}" for g in CoverageGrade) if implementation else "—"
        )
        by_hand = {a.right for a in comparison.assignments if a.by_hand}
        for side, doc, missing, caption in _lists(comparison, graded if implementation else None):
            top = QTreeWidgetItem([f"{caption}（{len(missing)}）"])
            top.setIcon(0, theme.kind_icon(None))
            self.coverage.addTopLevelItem(top)
            for sid in missing:
                section = doc.by_id.get(sid)
                if section is None:
                    continue
                item = QTreeWidgetItem([section.label + (tr("（人工）") if sid in by_hand else "")])
                item.setToolTip(0, doc.text[section.start : min(section.end, section.start + 200)])
                item.setData(0, _SIDE_ROLE, side)
                item.setData(0, _ID_ROLE, sid)
                top.addChild(item)
            top.setExpanded(True)

    def captions(self) -> list[str]:
        """The headings of the coverage lists, in order."""
        tops = (self.coverage.topLevelItem(i) for i in range(self.coverage.topLevelItemCount()))
        return [top.text(0) for top in tops if top is not None]

    def entries(self, side: str) -> list[str]:
        """Section ids listed for a side, in order."""
        out = []
        for i in range(self.coverage.topLevelItemCount()):
            top = self.coverage.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, _SIDE_ROLE) == side:
                    out.append(child.data(0, _ID_ROLE))
        return out

    def _report(self, item: QTreeWidgetItem) -> None:
        side = item.data(0, _SIDE_ROLE)
        if side:
            self.sectionActivated.emit(side, item.data(0, _ID_ROLE))


def _lists(comparison: Comparison, graded: list[tuple[Section, CoverageGrade]] | None
           ) -> list[tuple[str, Document, list[str], str]]:
    """The coverage lists of a result: (side, document, section ids, heading) in the relation's words;
    ``graded``: an implementation's base items with their grades (``graded_items``), None for a revision."""
    left, right = comparison.left, comparison.right
    if graded is None:
        return [
            ("L", left, [sid for sid, kind in comparison.coverage.left if kind is None], tr("左侧删除的条目")),
            ("R", right, [sid for sid, kind in comparison.coverage.right if kind is None], tr("右侧新增的条目")),
        ]
    return [
        ("L", left, [item.id for item, g in graded if g is CoverageGrade.NOT_TAKEN_UP], tr("未见落实的上级条目")),
        ("L", left, [item.id for item, g in graded if g is CoverageGrade.TOUCHED], tr("仅涉及的上级条目")),
        ("R", right, [a.right for a in comparison.assignments if not a.left], tr("本地新增的条目")),
    ]
