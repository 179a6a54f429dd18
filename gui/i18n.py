"""Interface language: Chinese source strings, English through Qt's translator.

Every user-visible string in ``gui`` goes through :func:`tr` with one context, so
``resources/i18n/duizhao_en.ts`` (editable in Qt Linguist, compiled to ``.qm`` with
``pyside6-lrelease``) holds the whole English interface. A test checks that every
``tr()`` literal has a translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from core.labels import Labelled, label_of
from core.resources import resource_path

CONTEXT = "Duizhao"
LANGUAGES = {"zh": "中文", "en": "English"}
_state = {"language": "zh"}


def tr(text: str) -> str:
    """The interface string ``text`` (Chinese source) in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_label(value: Labelled) -> str:
    """The word for a kind, grade, finding or relation (``core.labels``, the words of the
    exports) in the interface language."""
    return tr(label_of(value))


def is_english() -> bool:
    """True when the interface is in English (for palette labels outside Qt's translator)."""
    return _state["language"] == "en"


def preferred_language(settings: QSettings) -> str:
    """The language chosen in the settings; Chinese unless the user picked another."""
    chosen = settings.value("ui/language", "zh", str)
    return chosen if chosen in LANGUAGES else "zh"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load the translation for ``lang`` into ``app``; Chinese needs none.

    Returns the installed translator (the caller keeps it alive), or None when the
    interface stays in Chinese, including when the ``.qm`` file is missing.
    """
    _state["language"] = "zh"
    _install_qt_strings(app, lang)
    if lang == "zh":
        return None
    translator = QTranslator(app)
    if not translator.load(str(resource_path("i18n", f"duizhao_{lang}.qm"))):
        return None
    app.installTranslator(translator)
    _state["language"] = lang
    return translator


def _install_qt_strings(app: QCoreApplication, lang: str) -> None:
    """Qt's own strings (standard buttons, file dialogs) in the interface language."""
    translator = QTranslator(app)  # owned by the application, so it lives as long
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{'zh_CN' if lang == 'zh' else lang}", folder):
        app.installTranslator(translator)
