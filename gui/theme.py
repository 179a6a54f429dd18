"""Screen rendering of the shared palette (``core/export/styles.py``).

Every colour the window paints comes through this module: from that palette the text
formats for the four highlight kinds (with their print cue, so colour is never the
only signal) and the pair-kind colours for the link strip, outline and pair list; of
its own only the screen's neutrals (folded lines, the notice bar, matrix-cell tints
towards the theme's base), and the light/dark choice that follows the system theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap, QTextCharFormat

from core.export.styles import HIGHLIGHTS, PAIR_COLORS
from core.kinds import Highlight, PairKind
from core.labels import pair_label as pair_word
from gui.i18n import tr

PANE_FONT_FAMILY = "WenQuanYi Micro Hei"  # the bundled CJK font (resources/fonts)


def is_dark() -> bool:
    """True when the application runs with a dark colour scheme."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def highlight_color(kind: Highlight, dark: bool) -> QColor:
    """Background colour of a highlight kind for the current theme."""
    style = HIGHLIGHTS[kind]
    return QColor(style.dark if dark else style.light)


def highlight_format(kind: Highlight, dark: bool) -> QTextCharFormat:
    """Character format of a highlight kind: its background plus its print cue."""
    style = HIGHLIGHTS[kind]
    fmt = QTextCharFormat()
    fmt.setBackground(highlight_color(kind, dark))
    if style.print_cue == "strike":
        fmt.setFontStrikeOut(True)
    elif style.print_cue == "underline":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    elif style.print_cue == "dotted":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    return fmt


def highlight_label(kind: Highlight, english: bool) -> str:
    """Legend label of a highlight kind in the interface language."""
    style = HIGHLIGHTS[kind]
    return style.label_en if english else style.label_zh


def highlight_meaning(kind: Highlight, english: bool) -> str:
    """Tooltip of a highlight kind: what it means (the palette has the explanation in Chinese only)."""
    style = HIGHLIGHTS[kind]
    return style.label_en if english else style.meaning_zh


def pair_color(kind: PairKind | None) -> QColor:
    """Colour of a pair kind (None: unpaired) for strip, outline and pair list."""
    return QColor(PAIR_COLORS[kind])


def pair_label(kind: PairKind | None) -> str:
    """Name of a pair kind (None: unique) in the interface language: the exports' word, translated."""
    return tr(pair_word(kind))


def accent_color() -> QColor:
    """Colour that marks the selected section and the source of a clicked phrase."""
    return QColor(PAIR_COLORS[PairKind.MODIFIED])


# The notice bar's background, border and text by kind; the wording carries the meaning,
# the colour only draws the eye (an icon-free bar that reads the same in grayscale).
_NOTICE_COLORS = {
    "info": ("#e8f1fb", "#7aa7d6", "#10365c"),
    "warning": ("#fff4d6", "#d9a520", "#5c3d00"),
}


def notice_colors(kind: str) -> tuple[str, str, str]:
    """Background, border and text colour (``"#rrggbb"``) of an ``info`` or ``warning`` notice."""
    return _NOTICE_COLORS[kind]


def fold_color(dark: bool) -> QColor:
    """Background of a folded line of unchanged text: a neutral grey, unlike any highlight."""
    return QColor("#3a3a3a") if dark else QColor("#ececec")


def find_color(dark: bool) -> QColor:
    """Background of find hits: the amber of shared-elsewhere, made stronger."""
    color = highlight_color(Highlight.ELSEWHERE, dark)
    return color.lighter(130) if dark else color.darker(115)


@cache
def kind_icon(kind: PairKind | None, hollow: bool = False) -> QIcon:
    """A small rounded square in the colour of a pair kind (hollow: only its outline)."""
    size = 12
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = pair_color(kind)
    painter.setPen(color.darker(120))
    if hollow:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def cell_color(kind: PairKind | None, dark: bool) -> QColor:
    """Background of a matrix cell: the pair-kind colour tinted towards the theme's base.

    Light enough (or, on a dark theme, dark enough) for ordinary text on top, like the
    cell fills of the exported workbook.
    """
    color = pair_color(kind)
    base, share = (QColor(32, 32, 32), 0.45) if dark else (QColor(255, 255, 255), 0.3)
    return QColor(
        round(base.red() + (color.red() - base.red()) * share),
        round(base.green() + (color.green() - base.green()) * share),
        round(base.blue() + (color.blue() - base.blue()) * share),
    )
