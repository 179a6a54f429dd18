"""The comparison options and the interface language: read with their types, edited, saved.

The options come from :func:`gui.options_store.load_options`, which checks each stored
value; a value it had to replace is named once, with the first result (which would
otherwise overwrite the note in the status bar).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from core.options import Options
from gui.dialogs import run_dialog
from gui.i18n import preferred_language, tr
from gui.options_store import load_options, save_options
from gui.settings_dialog import SettingsDialog

KEY_LANGUAGE = "ui/language"


class SettingsController(QObject):
    """The options in force; ``optionsChanged(Options)`` follows every change (already saved)."""

    optionsChanged = Signal(object)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        loaded = load_options(settings)
        self.options = loaded.options
        self.note = ""  # what was wrong with the saved options, said until the first result
        if loaded.replaced:
            names = "、".join(key.rsplit("/", 1)[-1] for key in loaded.replaced)
            self.note = tr("保存的设置 %1 无效，已改用默认值。").replace("%1", names)

    def take_note(self) -> str:
        """The note on replaced settings, given once (then "")."""
        note, self.note = self.note, ""
        return note

    def edit(self, parent: QWidget | None) -> None:
        """Edit the options and language in the settings dialog; a change of options is applied."""
        dialog = SettingsDialog(self.options, preferred_language(self.settings), parent)
        edited = run_dialog(dialog, lambda: (dialog.options(), dialog.chosen_language()))
        if edited is None:
            return
        options, language = edited
        self.settings.setValue(KEY_LANGUAGE, language)
        if options != self.options:
            self.set_options(options)

    def set_options(self, options: Options) -> None:
        """Use (and save) new comparison options."""
        self.options = options
        save_options(self.settings, options)
        self.optionsChanged.emit(options)

    def set_relation(self, choice: str) -> None:
        """Compare as a revision, as an implementing document, or as detected ("auto")."""
        if choice != self.options.relation:
            self.set_options(replace(self.options, relation=choice))
