"""The burn chart of a followed-up plan, as SVG written as text.

Cumulative cost (investment + operating, in the phase a work package
starts) phase by phase: the plan as made (grey, dashed) and the forecast
(blue: the done packages where the plan put them, the open ones where the
re-forecast puts them), a line at the as-of phase and, with actuals, the
cumulative actual spend of the work-package lines at the end of each year
(dots). No user text is drawn but numbers and phase names; the same
progress gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from planner.models.frozen import frozen
from planner.models.progress import Progress
from planner.render.files.xmltext import escape
from planner.units import Period, format_money

__all__ = ["burn_chart", "burn_series"]

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 90, 20, 30, 60
ZERO = Decimal(0)


def burn_series(
    p: Progress,
) -> tuple[list[Period], list[Decimal], list[Decimal], dict[int, Decimal]]:
    """``(phases, planned, forecast, actual_by_year)``: cumulative cost at
    the end of each phase, and cumulative actual spend at each year's end."""
    rows = p.work_packages
    if not rows:
        return [], [], [], {}
    first = min(r.phase_start for r in rows)
    last = max(
        [r.phase_end for r in rows] + [r.forecast_end for r in rows if r.forecast_end]
    )
    phases = [first]
    while phases[-1] < last:
        phases.append(phases[-1].shift(1))
    planned: dict[str, Decimal] = defaultdict(Decimal)
    forecast: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        planned[str(r.phase_start)] += r.cost
        forecast[str(r.forecast_start or r.phase_start)] += r.cost
    return (
        phases,
        _cumulative(phases, planned),
        _cumulative(phases, forecast),
        _actuals(p),
    )


def _cumulative(phases: list[Period], amounts: dict[str, Decimal]) -> list[Decimal]:
    out, total = [], ZERO
    for ph in phases:
        total += amounts.get(str(ph), ZERO)
        out.append(total)
    return out


def _actuals(p: Progress) -> dict[int, Decimal]:
    if p.actuals is None:
        return {}
    by_year: dict[int, Decimal] = defaultdict(Decimal)
    for x in p.actuals.lines:
        if x.kind == "work_package":
            by_year[x.year] += x.actual
    out, total = {}, ZERO
    for year in sorted(by_year):
        total += by_year[year]
        out[year] = total
    return out


@frozen
class _Scale:
    top: Decimal
    phases: int

    def x(self, i: int) -> float:
        return round(LEFT + (i + 1) * (WIDTH - LEFT - RIGHT) / self.phases, 1)

    def y(self, v: Decimal) -> float:
        span = HEIGHT - TOP - BOTTOM
        return round(HEIGHT - BOTTOM - float(v / self.top) * span, 1)


def burn_chart(p: Progress, labels: dict[str, str]) -> str:
    """The SVG text; ``labels`` gives the words (``planned``, ``forecast``,
    ``actual``, ``as_of``, ``title``) in the report's language."""
    phases, planned, forecast, actual = burn_series(p)
    s = _Scale(
        max([Decimal(1), *planned, *forecast, *actual.values()]), max(1, len(phases))
    )
    base = HEIGHT - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(labels['title'])}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" '
        'stroke="#333"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" stroke="#333"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">'
        f"{format_money(s.top)}</text>",
        f'<text x="{LEFT - 6}" y="{base + 4}" text-anchor="end">0</text>',
    ]
    for i, ph in enumerate(phases):
        parts.append(
            f'<text x="{s.x(i)}" y="{base + 16}" text-anchor="middle">{ph}</text>'
        )
    parts.append(_line([(s.x(i), s.y(v)) for i, v in enumerate(planned)], "#999", True))
    parts.append(_line([(s.x(i), s.y(v)) for i, v in enumerate(forecast)], "#4e79a7"))
    if p.as_of is not None and p.as_of in phases:
        at = s.x(phases.index(p.as_of))
        parts.append(
            f'<line x1="{at}" y1="{TOP}" x2="{at}" y2="{base}" stroke="#e15759" '
            'stroke-dasharray="2 3"/>'
        )
    parts += _dots(actual, phases, s)
    parts += _legend(labels, bool(actual))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _line(points: list[tuple[float, float]], colour: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    coords = " ".join(f"{a},{b}" for a, b in points)
    return (
        f'<polyline points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="2"{dash}/>'
    )


def _dots(actual: dict[int, Decimal], phases: list[Period], s: _Scale) -> list[str]:
    out = []
    for year, total in actual.items():
        ends = [i for i, ph in enumerate(phases) if ph.year == year]
        if ends:
            out.append(
                f'<circle cx="{s.x(ends[-1])}" cy="{s.y(total)}" r="4" fill="#f28e2b">'
                f"<title>{year}: {format_money(total)}</title></circle>"
            )
    return out


def _legend(labels: dict[str, str], actual: bool) -> list[str]:
    y = HEIGHT - 20
    items = [("#999", labels["planned"]), ("#4e79a7", labels["forecast"])]
    items += [("#e15759", labels["as_of"])]
    if actual:
        items.append(("#f28e2b", labels["actual"]))
    out, at = [], LEFT
    for colour, text in items:
        out.append(
            f'<rect x="{at}" y="{y - 9}" width="14" height="10" fill="{colour}"/>'
        )
        out.append(f'<text x="{at + 18}" y="{y}">{escape(text)}</text>')
        at += 28 + int(len(text) * 6.6)
    return out
