"""The look of the diagrams as plain values, in one place.

Only attributes that do not move nodes differ between views (colours, pen
widths, dash styles); anything that sizes a node (label, shape, font) is
the same in every view, which keeps the layout identical.
"""

from __future__ import annotations

import math

__all__ = [
    "CLUSTER",
    "COLOURS",
    "EDGE",
    "FOLDED_GRAPH",
    "GRAPH",
    "NODE",
    "UTILISATION_BANDS",
    "pen_width",
    "utilisation_colour",
]

COLOURS = {
    "datacenter": "#1f4e79",
    "server_room": "#fbd9a6",
    "site": "#ffffff",
    "border": "#52606d",
    "link": "#7b8794",
    "new": "#1f78b4",
    "gap": "#c62828",
    "text": "#1f2933",
    "cluster_fill": "#f3f5f8",
    "cluster_border": "#aab4be",
}

FONT = "Helvetica"

GRAPH: dict[str, str | float | int | None] = {
    "layout": "neato",
    "splines": "line",
    "outputorder": "edgesfirst",
    "fontname": FONT,
    "fontsize": 11,
    "labelloc": "b",
    "labeljust": "l",
    "pad": "0.2",
    "bgcolor": "white",
}

FOLDED_GRAPH: dict[str, str | float | int | None] = {
    **GRAPH,
    "overlap": "false",
    "sep": "+6",
}
"""A national map: neato places municipality nodes (deterministic without
clusters); ``overlap=false`` keeps the labels apart."""

NODE: dict[str, str | float | int | None] = {
    "shape": "box",
    "style": "rounded,filled",
    "fontname": FONT,
    "fontsize": 9,
    "fontcolor": COLOURS["text"],
    "color": COLOURS["border"],
    "fillcolor": COLOURS["site"],
    "margin": "0.06,0.03",
    "height": 0.3,
}

EDGE: dict[str, str | float | int | None] = {
    "color": COLOURS["link"],
    "fontname": FONT,
    "fontsize": 8,
    "fontcolor": COLOURS["text"],
}

CLUSTER: dict[str, str | float | int | None] = {
    "style": "rounded,filled",
    "fillcolor": COLOURS["cluster_fill"],
    "color": COLOURS["cluster_border"],
    "fontname": FONT,
    "fontsize": 12,
    "labelloc": "t",
    "labeljust": "l",
}

UTILISATION_BANDS = (
    (0.5, "#1a9850"),
    (0.7, "#d9a400"),
    (1.0, "#f46d43"),
    (math.inf, "#7f0000"),
)
"""Upper bound of each band and its colour: light, busy, over the target's
limit (the middle bound is replaced by the target's ``max_utilisation``),
overloaded."""


def pen_width(mbps: float) -> float:
    """Line width on a log scale: 1 Mbit/s 0.6, 100 Mbit/s 2.4,
    10 Gbit/s 4.2 (capped at 6 for bundles)."""
    return round(min(6.0, 0.6 + 0.9 * math.log10(max(mbps, 1.0))), 2)


def light_bound(limit: float) -> float:
    """Where light load ends: 50 %, or half the limit when the limit is at
    most 50 % (the drawing and the legend both read it here)."""
    return 0.5 if limit > 0.5 else limit / 2


def utilisation_colour(utilisation: float, limit: float = 0.7) -> str:
    """The colour of the band ``utilisation`` falls in."""
    bounds = [light_bound(limit), limit, 1.0, math.inf]
    for bound, (_, colour) in zip(bounds, UTILISATION_BANDS, strict=True):
        if utilisation <= bound:
            return colour
    return UTILISATION_BANDS[-1][1]
