"""Text and node sizes in points, to lay a diagram out without Graphviz.

Graphviz draws labels in Helvetica, which fontconfig maps to Liberation
Sans (metric-compatible with Arial); these are its advance widths, so a
layout computed here leaves room for the boxes Graphviz will draw. Unknown
characters count as wide, which errs towards space.
"""

from __future__ import annotations

__all__ = ["node_size", "text_width"]

_WIDTHS = {
    **dict.fromkeys("ijl'|", 0.222),
    **dict.fromkeys(" ftI!.,:;/[]()-", 0.278),
    "r": 0.333,
    **dict.fromkeys("ckszvxyJ", 0.5),
    **dict.fromkeys("abdeghnopqu0123456789_#$?Låå", 0.556),
    "ø": 0.611,
    **dict.fromkeys("ETZFLPSVXYK", 0.667),
    **dict.fromkeys("ABCDHNRUÅ", 0.722),
    **dict.fromkeys("GOQØ", 0.778),
    **dict.fromkeys("mM", 0.833),
    **dict.fromkeys("wæ", 0.889),
    **dict.fromkeys("WÆ", 0.944),
}
_DEFAULT = 0.7


def text_width(text: str, fontsize: float) -> float:
    """Width of one line of ``text`` in points."""
    return fontsize * sum(_WIDTHS.get(c, _DEFAULT) for c in text)


def node_size(
    label: str, fontsize: float, *, margin: tuple[float, float] = (0.06, 0.03)
) -> tuple[float, float]:
    """Width and height in points of a box node holding ``label`` (lines
    split at newlines), as Graphviz sizes it, plus a little slack."""
    lines = label.split("\n")
    width = max(text_width(line, fontsize) for line in lines) + 2 * margin[0] * 72
    height = len(lines) * fontsize * 1.2 + 2 * margin[1] * 72
    return round(width + 10, 1), round(max(height + 4, 21.6), 1)
