"""Settings: comparison options and interface language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from core.options import MIN_SHARED_RANGE, Options
from gui.dialogs import ok_cancel_layout
from gui.i18n import LANGUAGES, tr
from gui.relation_choice import RelationCombo


class SettingsDialog(QDialog):
    """Edits :class:`core.options.Options` and the interface language."""

    def __init__(self, options: Options, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("设置"))
        self._given = options
        self.min_shared = QSpinBox(self)
        self.min_shared.setRange(*MIN_SHARED_RANGE)
        self.min_shared.setValue(options.min_shared)
        self.min_shared.setSuffix(tr(" 字"))
        self.min_shared.setToolTip(tr("两侧共有的表述至少要有多少个字才标为相同"))
        self.t2s = QCheckBox(tr("比较时将繁体转为简体"), self)
        self.t2s.setChecked(options.t2s)
        self.keep_boilerplate = QCheckBox(tr("保留网页栏目、页码等杂项"), self)
        self.keep_boilerplate.setChecked(options.keep_boilerplate)
        self.relation = RelationCombo(options.relation, self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(language) if language in LANGUAGES else 0)
        note = QLabel(tr("界面语言在重新启动后生效。"), self)
        note.setEnabled(False)
        form = QFormLayout()
        form.addRow(tr("共有表述最短长度："), self.min_shared)
        form.addRow("", self.t2s)
        form.addRow("", self.keep_boilerplate)
        form.addRow(tr("两份文件的关系："), self.relation)
        form.addRow(tr("界面语言："), self.language)
        form.addRow("", note)
        ok_cancel_layout(self, form)

    def options(self) -> Options:
        """The options as edited (what the dialog does not edit is kept as given)."""
        return replace(
            self._given,
            min_shared=self.min_shared.value(),
            t2s=self.t2s.isChecked(),
            keep_boilerplate=self.keep_boilerplate.isChecked(),
            relation=self.relation.choice(),
        )

    def chosen_language(self) -> str:
        """The interface language code chosen."""
        return str(self.language.currentData())
