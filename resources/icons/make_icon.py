"""Draws the application icon: two pages side by side joined by a link band.

Run from the repository root: ``python resources/icons/make_icon.py``. Writes
``duizhao.png`` (256 px) and ``duizhao.ico`` (16-256 px) next to this file. Colours
are those of ``core/export/styles.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.export.styles import HIGHLIGHTS, PAIR_COLORS, hex_to_rgb
from core.kinds import Highlight, PairKind

SCALE = 4  # draw large, then downsample for smooth edges
SIZE = 256


def draw() -> Image.Image:
    """The icon at 256 px."""
    s = SIZE * SCALE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    blue = hex_to_rgb(PAIR_COLORS[PairKind.MODIFIED])
    d.rounded_rectangle((8 * SCALE, 8 * SCALE, s - 8 * SCALE, s - 8 * SCALE), radius=48 * SCALE, fill=blue)
    page_w, page_h, top = 78 * SCALE, 150 * SCALE, 53 * SCALE
    left_x, right_x = 34 * SCALE, s - 34 * SCALE - page_w
    for x in (left_x, right_x):
        d.rounded_rectangle((x, top, x + page_w, top + page_h), radius=8 * SCALE, fill=(255, 255, 255))
    # Lines of text: shared (green tint), left-only (warm), right-only (cool), elsewhere (amber).
    rows = [22, 46, 70, 94, 118]
    left_kinds = [Highlight.SHARED, Highlight.LEFT_ONLY, Highlight.ELSEWHERE, Highlight.SHARED, Highlight.LEFT_ONLY]
    right_kinds = [Highlight.SHARED, Highlight.RIGHT_ONLY, Highlight.SHARED, Highlight.ELSEWHERE, Highlight.RIGHT_ONLY]
    for x, kinds in ((left_x, left_kinds), (right_x, right_kinds)):
        for y, kind in zip(rows, kinds, strict=True):
            color = hex_to_rgb(HIGHLIGHTS[kind].light)
            darker = tuple(max(0, c - 60) for c in color)
            y0 = top + y * SCALE
            d.rounded_rectangle(
                (x + 10 * SCALE, y0, x + page_w - 10 * SCALE, y0 + 12 * SCALE), radius=3 * SCALE, fill=darker
            )
    # The link band between the two "shared elsewhere" lines.
    amber = hex_to_rgb(HIGHLIGHTS[Highlight.ELSEWHERE].light)
    ly, ry = top + 70 * SCALE, top + 94 * SCALE
    x0, x1 = left_x + page_w, right_x
    steps = 40
    upper = [
        (x0 + (x1 - x0) * i / steps, ly + (ry - ly) * (3 - 2 * i / steps) * (i / steps) ** 2) for i in range(steps + 1)
    ]
    lower = [(x, y + 12 * SCALE) for x, y in reversed(upper)]
    d.polygon(upper + lower, fill=amber)
    return img.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    icon = draw()
    icon.save(here / "duizhao.png")
    icon.save(here / "duizhao.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
