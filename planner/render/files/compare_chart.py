"""A line chart of cost over time per scenario, as SVG written as text.

For each scenario the cumulative establishment cost (investment +
operating, as in the plan's totals by year) at the end of each year, from
the first year any scenario spends to the last; one line and one legend
entry per scenario, in the order given. Every user string is escaped; the
same comparison gives the same bytes.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from planner.models.compare import CompareResult, ScenarioResult
from planner.render.files.xmltext import escape
from planner.units import format_money

__all__ = ["compare_chart", "cumulative_costs"]

WIDTH = 720
HEIGHT = 360
LEFT = 96
RIGHT = 16
TOP = 36
BOTTOM = 48
LEGEND = 20
COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#9c755f",
)


def cumulative_costs(s: ScenarioResult, years: range) -> list[Decimal]:
    """The cost spent up to the end of each of ``years``."""
    by_year = s.plan.totals.by_year
    out, spent = [], Decimal(0)
    for y in years:
        t = by_year.get(y)
        if t is not None:
            spent += t.investment + t.operating
        out.append(spent)
    return out


def _years(result: CompareResult) -> range:
    found = [y for s in result.scenarios for y in s.plan.totals.by_year]
    return range(min(found), max(found) + 1) if found else range(0)


def _ticks(top: Decimal) -> list[Decimal]:
    """Steps of 1, 2 or 5 x 10^k from 0 to at least ``top``, at most five."""
    k = 0
    while True:
        for m in (1, 2, 5):
            step = Decimal(m) * 10**k
            if step * 5 >= top:
                n = max(1, int((top / step).to_integral_value(ROUND_CEILING)))
                return [step * i for i in range(n + 1)]
        k += 1


def compare_chart(result: CompareResult) -> str:
    """The SVG text of the chart."""
    years = _years(result)
    series = [cumulative_costs(s, years) for s in result.scenarios]
    ticks = _ticks(max([Decimal(0), *(v for ser in series for v in ser)]))
    height = HEIGHT + LEGEND * len(result.scenarios)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(f'Scenarios: {result.region_name}')}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="8" y="18" font-size="13" font-weight="bold">'
        f"{escape(result.region_name)}: cumulative establishment cost "
        f"({escape(result.currency)})</text>",
    ]

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (len(years) - 1) if len(years) > 1 else plot_w / 2)

    def y(v: Decimal) -> float:
        return TOP + plot_h - float(v / ticks[-1]) * plot_h

    for t in ticks:
        parts.append(
            f'<line x1="{LEFT}" y1="{y(t):.1f}" x2="{LEFT + plot_w}" y2="{y(t):.1f}" '
            'stroke="#dddddd"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">'
            f"{escape(format_money(t))}</text>"
        )
    for i, yr in enumerate(years):
        parts.append(
            f'<text x="{x(i):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">'
            f"{yr}</text>"
        )
    for k, (s, ser) in enumerate(zip(result.scenarios, series, strict=True)):
        colour = COLOURS[k % len(COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(ser))
        tip = f"{s.name}: {format_money(s.plan.totals.total)} in all"
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2"><title>{escape(tip)}</title></polyline>'
        )
        ly = HEIGHT - 8 + k * LEGEND
        parts.append(
            f'<rect x="{LEFT}" y="{ly - 10}" width="12" height="12" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{LEFT + 18}" y="{ly}">{escape(s.name)}: total '
            f"{escape(format_money(s.plan.totals.total))}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
