"""The phased plan as text, Markdown and JSON (``planner/plan/v1``).

Text and Markdown show the same sections: the frame, the phases, the money
by year (with the contingency beside the base figures, never folded in),
the work packages and the gap each closes, the shares, the projection and
every warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from planner.models.planresult import PlanResult, Projection, ProjectionYear
from planner.render.text.jsonout import to_json_bytes
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_money, format_percentage

__all__ = [
    "has_reinvestment",
    "municipal_spec",
    "plan_json",
    "plan_json_bytes",
    "plan_markdown",
    "plan_text",
    "projection_rows",
    "projection_spec",
    "right_align_last",
    "with_reinvestment",
]


ZERO = Decimal(0)


def _m(amount: Decimal) -> str:
    return format_money(amount)


def _fte(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def frame_line(plan: PlanResult) -> str:
    """``half-years from 2007H1, evolution; caps: ...; uncertainty 25 %``."""
    f = plan.frame
    caps = []
    if f.budget_investment is not None:
        caps.append(f"investment {_m(f.budget_investment)}")
    if f.budget_operating is not None:
        caps.append(f"operating {_m(f.budget_operating)}")
    if f.staff is not None:
        caps.append(f"staff {f.staff:g} FTE")
    kind = {"quarter": "quarters", "half-year": "half-years", "year": "years"}
    text = f"{kind[f.phase]} from {f.start}, {f.strategy}"
    text += f"; caps per phase: {', '.join(caps)}" if caps else "; no caps"
    if f.uncertainty:
        text += f"; uncertainty {format_percentage(f.uncertainty, 0)}"
    return text


def phase_rows(plan: PlanResult) -> list[list[str]]:
    rows = [
        [
            str(ph.period),
            ph.period.start_date(),
            _m(ph.investment),
            _m(ph.operating),
            f"{ph.effort:g}",
            _m(ph.contingency),
            ", ".join(ph.packages) or "-",
        ]
        for ph in plan.phases
    ]
    t = plan.totals
    rows.append(
        ["total", "", _m(t.investment), _m(t.operating), "", _m(t.contingency), ""]
    )
    return rows


PHASES = (
    ("phase", "start", "investment", "operating", "FTE", "contingency", "starting"),
    "llrrrrl",
)
YEARS = (
    ("year", "investment", "operating", "running", "total", "contingency"),
    "lrrrrr",
)
PACKAGES = (("work package", "phases", "investment", "operating", "reason"), "llrrl")
SHARES = (
    ("municipality", "fraction", "investment", "operating", "total", "running"),
    "lrrrrr",
)
PROJECTION = (
    (
        "year",
        "without cooperation",
        "gain",
        "establishment",
        "running",
        "package savings",
        "capital",
        "with cooperation",
        "saving",
        "cumulative",
        "staff without",
        "staff with",
    ),
    "lrrrrrrrrrrr",
)
# Columns shown only when some figure in them is not zero.
_OPTIONAL = frozenset({"package savings", "capital", "staff without", "staff with"})
Table = Callable[[tuple[tuple[str, ...], str], Sequence[Sequence[str]]], list[str]]


def year_rows(plan: PlanResult) -> list[list[str]]:
    """Per year: the one-off costs, the running costs of the packages in
    service and their sum (the contingency is on the one-off costs)."""
    t = plan.totals
    rows = [
        [
            str(y),
            _m(v.investment),
            _m(v.operating),
            _m(v.running),
            _m(v.total),
            _m(v.contingency),
        ]
        for y, v in sorted(t.by_year.items())
    ]
    rows.append(
        [
            "total",
            _m(t.investment),
            _m(t.operating),
            _m(t.running),
            _m(t.total + t.running),
            _m(t.contingency),
        ]
    )
    return rows


def without_empty(
    spec: tuple[tuple[str, ...], str], rows: Sequence[Sequence[str]]
) -> tuple[tuple[tuple[str, ...], str], list[list[str]]]:
    """The optional columns (savings, capital) dropped when all zero."""
    keep = [
        i
        for i, h in enumerate(spec[0])
        if h not in _OPTIONAL or any(r[i] not in ("0", "-") for r in rows)
    ]
    headers = tuple(spec[0][i] for i in keep)
    align = "".join(spec[1][i] for i in keep)
    return (headers, align), [[r[i] for i in keep] for r in rows]


def package_rows(plan: PlanResult) -> list[list[str]]:
    rows = []
    for x in plan.placements:
        p = x.package
        phases = str(x.start) if x.start == x.end else f"{x.start}-{x.end}"
        rows.append([p.id, phases, _m(p.investment), _m(p.operating), p.reason])
    return rows


def share_rows(plan: PlanResult) -> list[list[str]]:
    return [
        [
            s.municipality,
            format_percentage(s.fraction.numerator / s.fraction.denominator, 2),
            _m(s.amounts["investment"]),
            _m(s.amounts["operating"]),
            _m(s.amounts["total"]),
            _m(s.amounts["running"]),
        ]
        for s in plan.shares
    ]


def has_reinvestment(projection: Projection) -> bool:
    """The target has a lifecycle section: the servers' reinvestment shown."""
    return any(y.reinvestment is not None for y in projection.years)


def with_reinvestment(row: list[Any], without: Any, with_: Any) -> list[Any]:
    """A projection row with the reinvestment beside each series: after
    "without cooperation" and after "capital"."""
    return [*row[:2], without, *row[2:7], with_, *row[7:]]


def projection_spec(projection: Projection) -> tuple[tuple[str, ...], str]:
    """The projection's columns; the reinvestment ones only with it."""
    if not has_reinvestment(projection):
        return PROJECTION
    headers = with_reinvestment(
        list(PROJECTION[0]), "reinvestment", "reinvestment with"
    )
    align = with_reinvestment(list(PROJECTION[1]), "r", "r")
    return tuple(headers), "".join(align)


def projection_rows(projection: Projection) -> list[list[str]]:
    rows = [_projection_row(y) for y in projection.years]
    if not has_reinvestment(projection):
        return rows
    return [
        with_reinvestment(
            r, _m(y.reinvestment or ZERO), _m(y.reinvestment_with or ZERO)
        )
        for r, y in zip(rows, projection.years, strict=True)
    ]


def _projection_row(y: ProjectionYear) -> list[str]:
    return [
        str(y.year),
        _m(y.baseline),
        "-" if y.efficiency is None else format_percentage(y.efficiency, 0),
        _m(y.establishment),
        _m(y.running),
        _m(y.savings),
        _m(y.capital),
        _m(y.cooperation),
        _m(y.saving),
        _m(y.cumulative),
        _fte(y.staff_without),
        _fte(y.staff_with),
    ]


def break_even_line(projection: Projection) -> str:
    if projection.break_even is None:
        return "Break-even: not within the years projected."
    if has_reinvestment(projection):
        return (
            f"Break-even: {projection.break_even} (cumulative saving >= 0 from then "
            "on; without cooperation = operating cost + reinvestment; with "
            "cooperation = operating cost x (1 - gain) - savings + establishment + "
            "running + capital + reinvestment with)."
        )
    return (
        f"Break-even: {projection.break_even} (cumulative saving >= 0 from then on; "
        "with cooperation = without x (1 - gain) - savings + establishment + "
        "running + capital)."
    )


def right_align_last(
    headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[list[str], list[list[str]]]:
    """Pad the last column on the left: ``text_table`` wraps the last column
    and so always aligns it left, which misplaces a column of amounts."""
    last = max(len(c) for c in [headers[-1], *(r[-1] for r in rows)])
    return (
        [*headers[:-1], headers[-1].rjust(last)],
        [[*r[:-1], r[-1].rjust(last)] for r in rows],
    )


MUNICIPAL = (
    ("municipality", "year", "without cooperation", "with cooperation", "saving"),
    "llrrr",
)


def municipal_spec(plan: PlanResult) -> tuple[tuple[str, ...], str]:
    """The per-municipality columns; with the servers' reinvestment, its
    two parts beside the series that carry them."""
    if not _municipal_reinvestment(plan):
        return MUNICIPAL
    headers, align = MUNICIPAL
    return (*headers[:3], "reinvestment", "reinvestment with", *headers[3:]), (
        align[:3] + "rr" + align[3:]
    )


def _municipal_reinvestment(plan: PlanResult) -> bool:
    return any(r.reinvestment is not None for r in plan.by_municipality)


def municipal_rows(plan: PlanResult) -> list[list[str]]:
    """Each municipality's yearly cost without and with cooperation."""
    shown = _municipal_reinvestment(plan)
    return [
        [
            r.municipality,
            str(r.year),
            "-" if r.without is None else _m(r.without),
            *(
                [_m(r.reinvestment or ZERO), _m(r.reinvestment_with or ZERO)]
                if shown
                else []
            ),
            _m(r.with_),
            "-" if r.without is None else _m(r.without - r.with_),
        ]
        for r in plan.by_municipality
    ]


def _sections(
    plan: PlanResult, table: Table, heading: Callable[[str], str]
) -> list[str]:
    lines = [heading("Phases"), *table(PHASES, phase_rows(plan))]
    lines += ["", heading("By year"), *table(YEARS, year_rows(plan))]
    lines += ["", heading(f"Work packages ({len(plan.placements)})")]
    lines += table(PACKAGES, package_rows(plan))
    lines += ["", heading(f"Shares ({plan.key.describe()})")]
    lines += table(SHARES, share_rows(plan))
    if plan.projection is not None:
        growth = format_percentage(plan.projection.growth, 0)
        lines += ["", heading(f"Projection (0-alternative growing {growth} a year)")]
        spec = projection_spec(plan.projection)
        lines += table(*without_empty(spec, projection_rows(plan.projection)))
        lines += ["", break_even_line(plan.projection)]
    if plan.by_municipality:
        lines += [
            "",
            heading("Per municipality (own budget grown, against cooperation)"),
        ]
        lines += table(municipal_spec(plan), municipal_rows(plan))
    lines += ["", heading(f"Warnings ({len(plan.warnings)})")]
    lines += [f"- {w}" for w in plan.warnings] or ["none"]
    return lines


def plan_text(plan: PlanResult, *, width: int = 100) -> str:
    """The plan for a terminal."""

    def table(
        spec: tuple[tuple[str, ...], str], rows: Sequence[Sequence[str]]
    ) -> list[str]:
        headers: Sequence[str] = spec[0]
        if spec[1].endswith("r"):
            headers, rows = right_align_last(headers, rows)
        return text_table(headers, rows, width=width, align=spec[1])

    lines = [
        f"Plan for {plan.region_name} ({plan.region}), in {plan.currency}",
        f"Frame: {frame_line(plan)}",
        "",
        *_sections(plan, table, lambda h: f"{h}:"),
    ]
    return "\n".join(lines) + "\n"


def plan_markdown(plan: PlanResult) -> str:
    """The plan as Markdown, for wikis and pull requests."""

    def table(
        spec: tuple[tuple[str, ...], str], rows: Sequence[Sequence[str]]
    ) -> list[str]:
        return markdown_table(spec[0], rows, align=spec[1])

    lines = [
        f"# Plan: {plan.region_name}",
        "",
        f"Frame: {frame_line(plan)}. Amounts in {plan.currency}; the contingency "
        "is shown beside the base figures, not included in them.",
        "",
        *_sections(plan, table, lambda h: f"## {h}\n"),
    ]
    return "\n".join(lines) + "\n"


def plan_json(plan: PlanResult) -> str:
    """The ``planner/plan/v1`` JSON document (its objects let go before
    the text is made: a national plan's are 40 MB)."""
    return plan_json_bytes(plan).decode("utf-8")


def plan_json_bytes(plan: PlanResult) -> bytes:
    """:func:`plan_json` in UTF-8, as ``planner plan`` prints and writes it."""
    return to_json_bytes(plan.to_dict())
