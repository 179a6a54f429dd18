"""The bundled CJK font, registered once with reportlab.

WenQuanYi Micro Hei has TrueType outlines, so reportlab embeds the glyphs actually
used as a subset: the PDF shows the same characters on a machine without any Chinese
font, and its text stays selectable.
"""

from __future__ import annotations

import threading

from core.errors import InputError
from core.resources import resource_path

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

_lock = threading.Lock()
_registered = False


def cjk_font() -> str:
    """Register the bundled font with reportlab (first call only) and return its name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            path = resource_path(*FONT_FILE)
            if not path.is_file():
                raise InputError(f"缺少字体文件 {path}：请重新安装对照")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            _registered = True
    return FONT_NAME
