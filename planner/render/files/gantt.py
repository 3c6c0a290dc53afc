"""A Gantt chart of the plan's phases as SVG, written as text.

One row per work package (by start phase, then id), one column per phase;
a bar spans the phases a package runs in, coloured by kind, with its
investment beside it and a tooltip (``<title>``) naming the gap it closes.
Every user string is escaped; the same plan gives the same bytes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from planner.models.planresult import PlanResult
from planner.planning.schedule import phase_index
from planner.units import format_money

__all__ = ["plan_gantt"]

ROW = 20
COLUMN = 64
HEADER = 44
LEGEND = 36
MARGIN = 8
CHAR = 6.6  # average width of a 11px sans-serif character
COLOURS = {
    "link": "#4e79a7",
    "datacenter": "#f28e2b",
    "move": "#59a14f",
    "harmonise": "#b07aa1",
    "introduce": "#edc948",
    "close": "#9c755f",
    "hand-written": "#76b7b2",
}


def plan_gantt(plan: PlanResult) -> str:
    """The SVG text of the plan's Gantt chart."""
    longest = max([12, *(len(x.package.id) for x in plan.placements)])
    label = 2 * MARGIN + min(320, int(longest * CHAR))
    phases = max(1, len(plan.phases))
    width = label + phases * COLUMN + 120
    height = HEADER + len(plan.placements) * ROW + LEGEND + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(f'Plan: {plan.region_name}')}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="16" font-size="13" font-weight="bold">'
        f"{escape(plan.region_name)}: {len(plan.placements)} work packages in "
        f"{len(plan.phases)} phases</text>",
    ]
    parts += _columns(plan, label, height)
    parts += _bars(plan, label)
    parts += _legend(height - LEGEND + 12)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _columns(plan: PlanResult, left: int, height: int) -> list[str]:
    out = []
    bottom = height - LEGEND
    for i, ph in enumerate(plan.phases):
        x = left + i * COLUMN
        shade = "#f4f4f4" if i % 2 else "#ffffff"
        out.append(
            f'<rect x="{x}" y="{HEADER - 16}" width="{COLUMN}" '
            f'height="{bottom - HEADER + 16}" fill="{shade}" stroke="#dddddd"/>'
        )
        out.append(
            f'<text x="{x + COLUMN / 2:g}" y="{HEADER - 4}" text-anchor="middle">'
            f"{escape(str(ph.period))}</text>"
        )
    return out


def _bars(plan: PlanResult, left: int) -> list[str]:
    out = []
    for row, x in enumerate(plan.placements):
        p = x.package
        y = HEADER + row * ROW
        first = phase_index(x.start, plan.frame)
        last = phase_index(x.end, plan.frame)
        bar_x = left + first * COLUMN + 2
        bar_w = (last - first + 1) * COLUMN - 4
        tip = f"{p.name} ({x.start}-{x.end}): {p.reason}"
        out.append(
            f'<text x="{left - MARGIN}" y="{y + 14}" text-anchor="end">'
            f"{escape(_clip(p.id, int((left - 2 * MARGIN) / CHAR)))}</text>"
        )
        out.append(
            f'<rect x="{bar_x}" y="{y + 3}" width="{bar_w}" height="{ROW - 6}" '
            f'rx="3" fill="{COLOURS[p.kind]}"><title>{escape(tip)}</title></rect>'
        )
        money = p.investment + p.operating
        if money:
            out.append(
                f'<text x="{bar_x + bar_w + 4}" y="{y + 14}" fill="#444444">'
                f"{escape(format_money(money))}</text>"
            )
    return out


def _legend(y: int) -> list[str]:
    out = []
    for i, (kind, colour) in enumerate(COLOURS.items()):
        x = MARGIN + i * 110
        out.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
        )
        out.append(f'<text x="{x + 16}" y="{y}">{escape(kind)}</text>')
    return out


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"
