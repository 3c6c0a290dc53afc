"""Small charts for the report as SVG text: the same data, the same bytes.

Hand-written like the Gantt chart: a few dozen elements, no fonts embedded,
no ids or timestamps, so a chart needs no plotting library and stays
byte-identical run to run. Every label is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from planner.models.frozen import frozen
from planner.render.files.xmltext import escape

__all__ = ["Series", "line_chart"]

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 36, 44


@frozen
class Series:
    label: str
    values: Sequence[float]
    colour: str
    dash: str | None = None


def line_chart(
    title: str,
    xs: Sequence[int],
    series: Sequence[Series],
    axis: Callable[[float], str],
    *,
    marker: tuple[int, str] | None = None,
) -> str:
    """A line chart of ``series`` over the years ``xs``; ``axis`` formats a
    y value; ``marker`` draws a labelled vertical line at one year."""
    values = [v for s in series for v in s.values] or [0.0]
    top = _nice(max(max(values), 1.0))
    low = min(0.0, min(values))
    span = top - low or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_at(i: int) -> float:
        return LEFT + (plot_w * i / max(1, len(xs) - 1))

    def y_at(v: float) -> float:
        return TOP + plot_h * (top - v) / span

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for k in range(5):
        v = low + span * k / 4
        y = y_at(v)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            'stroke="#dddddd"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(axis(v))}</text>"
        )
    for i, year in enumerate(xs):
        out.append(
            f'<text x="{x_at(i):.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{year}</text>'
        )
    if marker is not None and marker[0] in xs:
        x = x_at(list(xs).index(marker[0]))
        out.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}" '
            'stroke="#2b8a3e" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        out.append(
            f'<text x="{x + 4:.1f}" y="{TOP + 12}" fill="#2b8a3e">'
            f"{escape(marker[1])}</text>"
        )
    for s in series:
        points = " ".join(
            f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in enumerate(s.values)
        )
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{s.colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
    for i, s in enumerate(series):
        x = LEFT + i * 220
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(
            f'<line x1="{x}" y1="16" x2="{x + 24}" y2="16" stroke="{s.colour}" '
            f'stroke-width="2.5"{dash}/>'
        )
        out.append(f'<text x="{x + 30}" y="20">{escape(s.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _nice(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times
    a power of ten) at least ``value``: the axis's top."""
    power = 10.0 ** math.floor(math.log10(value))
    steps = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
    return next(m * power for m in steps if m * power >= value)
