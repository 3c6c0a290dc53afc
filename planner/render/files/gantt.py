"""A Gantt chart of the plan's phases as SVG, written as text.

One row per work package, grouped by kind and then by municipality (a
heading row per group), one column per phase; a bar spans the phases a
package runs in, coloured by kind, with its cost beside it and a tooltip
(``<title>``) giving its reason. A deadline is a marker at the end of its
phase, red with a red-outlined bar when the package ends after it. Names
and words come from the report's language when given (``msg``, ``names``),
else English and the packages' own names (``planner plan``'s gantt.svg).
:func:`gantt_pages` cuts a long plan into charts of a printable height.
Every user string is escaped; the same plan gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.models.frozen import frozen
from planner.models.planresult import Placement, PlanResult
from planner.planning.schedule import phase_index
from planner.render.files.xmltext import escape
from planner.render.i18n import Messages

__all__ = ["COLUMN", "gantt_pages", "plan_gantt"]

ROW = 20
COLUMN = 64
NARROW = 24  # the narrowest column: a long plan still fits a page's width
HEADER = 48
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
LATE = "#c62828"
PAGE_ROWS = 42
"""Rows per chart in :func:`gantt_pages`: one A4 page at a readable size."""


@frozen
class _Row:
    placement: Placement | None  # None: a group heading
    text: str
    reason: str = ""


def plan_gantt(
    plan: PlanResult,
    msg: Messages | None = None,
    names: Mapping[str, str] | None = None,
    municipalities: Mapping[str, str] | None = None,
    reasons: Mapping[str, str] | None = None,
) -> str:
    """The SVG text of the whole plan's Gantt chart; without ``msg`` in
    English with the packages' own names (``planner plan``'s gantt.svg)."""
    msg = msg or Messages("en")
    if names is None:
        names = {x.package.id: x.package.name for x in plan.placements}
    if municipalities is None:
        municipalities = {s.municipality: s.name for s in plan.shares}
    rows = _rows(plan, msg, names, municipalities, reasons)
    return _chart(plan, rows, msg, 1, 1)


def gantt_pages(
    plan: PlanResult,
    msg: Messages,
    names: Mapping[str, str],
    municipalities: Mapping[str, str],
    reasons: Mapping[str, str] | None = None,
    rows_per_page: int = PAGE_ROWS,
) -> list[str]:
    """The chart cut into pages of at most ``rows_per_page`` rows, each with
    the phase header and legend, a group heading repeated on a new page."""
    rows = _rows(plan, msg, names, municipalities, reasons)
    pages: list[list[_Row]] = []
    heading: _Row | None = None
    for row in rows:
        if row.placement is None:
            heading = row
        if not pages or len(pages[-1]) >= rows_per_page:
            pages.append([] if row.placement is None or heading is None else [heading])
        pages[-1].append(row)
    return [_chart(plan, page, msg, i, len(pages)) for i, page in enumerate(pages, 1)]


def _rows(
    plan: PlanResult,
    msg: Messages,
    names: Mapping[str, str] | None,
    municipalities: Mapping[str, str] | None,
    reasons: Mapping[str, str] | None,
) -> list[_Row]:
    munis = municipalities or {}
    order = list(COLOURS)

    def muni(x: Placement) -> str:
        ms = x.package.municipalities
        if len(ms) != 1:
            return msg("gantt.shared") if ms else msg("gantt.region")
        return munis.get(ms[0], ms[0])

    def key(x: Placement) -> tuple[int, str, int, str]:
        first = phase_index(x.start, plan.frame)
        return (order.index(x.package.kind), muni(x).casefold(), first, x.package.id)

    rows: list[_Row] = []
    group = None
    for x in sorted(plan.placements, key=key):
        here = (x.package.kind, muni(x))
        if here != group:
            group = here
            rows.append(_Row(None, f"{msg('kind.wp.' + x.package.kind)}: {here[1]}"))
        pid = x.package.id
        rows.append(
            _Row(
                x,
                (names or {}).get(pid, x.package.name),
                (reasons or {}).get(pid, x.package.reason),
            )
        )
    return rows


def _chart(
    plan: PlanResult, rows: Sequence[_Row], msg: Messages, page: int, pages: int
) -> str:
    longest = max([12, *(len(r.text) for r in rows)])
    label = 2 * MARGIN + min(420, int(longest * CHAR))
    phases = max(1, len(plan.phases))
    col = column_width(phases)
    width = max(label + phases * col + 130, _legend_width(msg))
    height = HEADER + len(rows) * ROW + LEGEND + MARGIN
    count, n = len(plan.placements), len(plan.phases)
    title = msg("gantt.title", region=plan.region_name, n=msg.number(count), phases=n)
    if pages > 1:
        title += " " + msg("gantt.page", page=page, pages=pages)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="16" font-size="13" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    parts += _columns(plan, label, height, col)
    for i, row in enumerate(rows):
        parts += _row(plan, row, HEADER + i * ROW, label, msg, col)
    parts += _legend(height - LEGEND + 12, msg)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def column_width(phases: int) -> int:
    """64 px a phase up to ten phases, narrower for longer plans (down to
    :data:`NARROW`), so 20 phases still print at a readable size."""
    return COLUMN if phases <= 10 else max(NARROW, 640 // phases)


def _columns(plan: PlanResult, left: int, height: int, col: int) -> list[str]:
    """A shaded column per phase under a two-line head: the year once, over
    its first phase, and the phase within it (``H1``, ``Q3``)."""
    out = []
    bottom = height - LEGEND
    year = None
    for i, ph in enumerate(plan.phases):
        x = left + i * col
        shade = "#f4f4f4" if i % 2 else "#ffffff"
        out.append(
            f'<rect x="{x}" y="{HEADER - 14}" width="{col}" '
            f'height="{bottom - HEADER + 14}" fill="{shade}" stroke="#dddddd"/>'
        )
        period = str(ph.period)
        if ph.period.year != year:
            year = ph.period.year
            out.append(
                f'<text x="{x + 2}" y="{HEADER - 18}" font-weight="bold">{year}</text>'
            )
        inner = period[len(str(year)) :] or ""
        if inner:
            out.append(
                f'<text x="{x + col / 2:g}" y="{HEADER - 3}" text-anchor="middle">'
                f"{escape(inner)}</text>"
            )
    return out


def _row(
    plan: PlanResult, row: _Row, y: int, left: int, msg: Messages, col: int
) -> list[str]:
    limit = int((left - 2 * MARGIN) / CHAR)
    if row.placement is None:
        return [
            f'<text x="{MARGIN}" y="{y + 14}" font-weight="bold" fill="#333333">'
            f"{escape(_clip(row.text, limit + 8))}</text>"
        ]
    x, p = row.placement, row.placement.package
    first = phase_index(x.start, plan.frame)
    last = phase_index(x.end, plan.frame)
    bar_x = left + first * col + 2
    bar_w = (last - first + 1) * col - 4
    late = p.deadline is not None and p.deadline < x.end
    span = msg.period(x.start)
    if x.end != x.start:
        span += f" – {msg.period(x.end)}"
    tip = f"{row.text} ({span}): {row.reason}"
    outline = f' stroke="{LATE}" stroke-width="2"' if late else ""
    out = [
        f'<text x="{left - MARGIN}" y="{y + 14}" text-anchor="end"'
        f"{f' fill={chr(34)}{LATE}{chr(34)}' if late else ''}>"
        f"{escape(_clip(row.text, limit))}</text>",
        f'<rect x="{bar_x}" y="{y + 3}" width="{bar_w}" height="{ROW - 6}" '
        f'rx="3" fill="{COLOURS[p.kind]}"{outline}><title>{escape(tip)}</title></rect>',
    ]
    if p.deadline is not None:
        d = phase_index(p.deadline, plan.frame)
        d = min(max(d, -1), len(plan.phases) - 1)
        dx = left + (d + 1) * col
        colour = LATE if late else "#222222"
        out.append(
            f'<path d="M{dx} {y + 2} l5 8 l-5 8 l-5 -8 z" fill="{colour}">'
            f"<title>{escape(_deadline(msg, str(p.deadline), late))}</title></path>"
        )
    money = p.investment + p.operating
    if money:
        text = msg.money(money, plan.currency)
        out.append(
            f'<text x="{bar_x + bar_w + 8}" y="{y + 14}" fill="#444444">'
            f"{escape(text)}</text>"
        )
    return out


def _deadline(msg: Messages, period: str, late: bool) -> str:
    key = "gantt.deadline.missed" if late else "gantt.deadline"
    return msg(key, period=msg.period(period))


def _legend(y: int, msg: Messages) -> list[str]:
    out = []
    x = MARGIN
    for kind, colour in COLOURS.items():
        text = msg(f"kind.wp.{kind}")
        out.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
        )
        out.append(f'<text x="{x + 16}" y="{y}">{escape(text)}</text>')
        x += 28 + int(len(text) * CHAR)
    text = msg("gantt.legend.deadline")
    out.append(f'<path d="M{x + 5} {y - 11} l5 7 l-5 7 l-5 -7 z" fill="{LATE}"/>')
    out.append(f'<text x="{x + 14}" y="{y}">{escape(text)}</text>')
    return out


def _legend_width(msg: Messages) -> int:
    texts = [msg(f"kind.wp.{k}") for k in COLOURS]
    last = msg("gantt.legend.deadline")
    return (
        MARGIN * 2
        + sum(28 + int(len(t) * CHAR) for t in texts)
        + 20
        + int(len(last) * CHAR)
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"
