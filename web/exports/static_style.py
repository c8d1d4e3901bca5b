"""What the static images share: the Vega-Lite schema, the font, the attribution line and
the text measure the layout needs (Vega-Lite cannot say how wide a label will be)."""
from __future__ import annotations

import unicodedata

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
ATTRIBUTION = "Basemap: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."

# Helvetica/Arial advance widths (1/1000 em) for printable ASCII; Liberation Sans shares them.
_W = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
      1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
      333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in px of ``text`` set in ``FONT`` at ``size`` px."""
    total = 0
    for ch in text:
        o = ord(ch)
        if 32 <= o <= 126:
            total += _W[o - 32]
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 1000
        elif unicodedata.combining(ch):
            continue
        else:
            total += 600
    return total / 1000 * size * (1.07 if bold else 1.0)


def truncate(text: str, size: float, limit: float) -> str:
    text = " ".join(text.split())
    if text_width(text, size) <= limit:
        return text
    while text and text_width(text + "…", size) > limit:
        text = text[:-1]
    return text.rstrip() + "…"


