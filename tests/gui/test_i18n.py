"""The English translation covers every interface string and loads through Qt."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.resources import resource_path

GUI = Path(__file__).resolve().parents[2] / "gui"


def source_strings() -> list[str]:
    """Every Chinese source string of the interface, in first-use order."""
    from core import labels
    from core.export.registry import MATRIX_XLSX
    from gui.exports import EXPORTERS
    from gui.files_controller import OPEN_FILTER
    from gui.pair_list import PairTableModel

    found: list[str] = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append(node.args[0].value)
    found += list(PairTableModel.COLUMNS)
    found += [e.label for e in EXPORTERS] + [e.file_filter for e in EXPORTERS] + [OPEN_FILTER]
    found += [MATRIX_XLSX.file_filter]  # the matrix window's own export
    # the words of core.labels, which the window shows through tr_label and theme.pair_label
    for table in (labels.PAIR_KINDS, labels.GRADES, labels.CELL_KINDS, labels.FINDING_KINDS, labels.DIRECTIONS,
                  labels.RELATIONS):  # fmt: skip
        found += list(table.values())
    found.append(labels.UNPAIRED)
    return list(dict.fromkeys(found))


def translations() -> dict[str, str]:
    root = ET.parse(resource_path("i18n", "duizhao_en.ts")).getroot()
    return {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}


def test_every_interface_string_has_an_english_translation():
    table = translations()
    missing = [s for s in source_strings() if not table.get(s)]
    assert missing == []


def test_placeholders_survive_translation():
    for source, target in translations().items():
        for marker in ("%1", "%2", "%3"):
            assert (marker in source) == (marker in target), source


def test_compiled_translation_is_current_and_loads(qapp):
    from gui import i18n

    translator = i18n.install_translator(qapp, "en")
    try:
        assert translator is not None
        assert i18n.is_english()
        stale = [s for s, t in translations().items() if i18n.tr(s) != t]
        assert stale == [], "the .qm is older than the .ts: run `make translations`"
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install_translator(qapp, "zh")
    assert i18n.tr("下一处改动") == "下一处改动"


def test_qt_standard_buttons_speak_the_interface_language(qapp) -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.i18n import install_translator

    before = set(qapp.findChildren(QTranslator))
    install_translator(qapp, "zh")
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert sorted(b.text() for b in buttons.buttons()) == sorted(["确定", "取消"])
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
