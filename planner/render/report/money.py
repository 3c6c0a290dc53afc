"""The money picture: what the plan costs, who pays what, when it pays back.

Read from the :class:`PlanResult`: each year's cost is split by each
share's exact fraction with :func:`planner.planning.costkey.split_amount`
(the municipalities add up to the year's total to the krone), and each
municipality's cost with and without cooperation is the plan's
``by_municipality``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from planner.models.planresult import (
    MunicipalYear,
    PlanResult,
    Projection,
    Share,
    YearTotal,
)
from planner.planning.costkey import split_amount
from planner.render.i18n import Messages
from planner.render.report.charts import Series, line_chart
from planner.render.report.gap_text import Names

__all__ = ["money_chart", "money_section", "staff_rows", "with_without"]


def money_section(plan: PlanResult | None, names: Names) -> dict[str, Any] | None:
    """Totals, cost by year, each municipality's cost by year, and the
    projection (0-alternative against cooperation); None without a plan."""
    if plan is None:
        return None
    totals = plan.totals
    year_rows = [_year_row(y, v) for y, v in sorted(totals.by_year.items())]
    projection = plan.projection
    return {
        "investment": totals.investment,
        "operating": totals.operating,
        "total": totals.total,
        "contingency": totals.contingency,
        "with_contingency": totals.total + totals.contingency,
        "per_year": totals.per_year,
        "years": [r["year"] for r in year_rows],
        # every year has its running costs (zero too): the column shows
        "has_running": bool(year_rows),
        "year_rows": year_rows,
        "municipalities": _per_municipality(plan.shares, year_rows, names),
        "projection": _projection(projection),
        "break_even": None if projection is None else projection.break_even,
        "plan_money": _plan_money(projection),
        "staff": staff_rows(projection),
        "with_without": with_without(plan.by_municipality, names),
    }


def _year_row(year: int, v: YearTotal) -> dict[str, Any]:
    return {
        "year": year,
        "investment": v.investment,
        "operating": v.operating,
        "contingency": v.contingency,
        "total": v.investment + v.operating,
        "running": v.running,
    }


def _plan_money(projection: Projection | None) -> list[str]:
    """The projection's columns of plan money beyond the establishment
    (running costs, package savings, capital) that are not zero in every
    year: the table shows those."""
    years = () if projection is None else projection.years
    return [
        k
        for k in ("running", "savings", "capital")
        if any(getattr(y, k) for y in years)
    ]


def staff_rows(projection: Projection | None) -> dict[str, Any] | None:
    """IT staff (FTE) by projection year, without and with cooperation;
    None when no year gives a figure (no ``staff_without``, no inventory
    ``it_staff``)."""
    years = () if projection is None else projection.years
    if not any(y.staff_without is not None or y.staff_with is not None for y in years):
        return None
    return {
        "years": [y.year for y in years],
        "without": [y.staff_without for y in years],
        "with": [y.staff_with for y in years],
    }


def with_without(rows: Sequence[MunicipalYear], names: Names) -> dict[str, Any] | None:
    """Each municipality's cost a year without cooperation (its own budget
    grown: None without a budget) and with it (its share and unit costs),
    over the projection's years; None when the plan has none."""
    if not rows:
        return None
    years = sorted({r.year for r in rows})
    by_muni: dict[str, dict[int, MunicipalYear]] = {}
    for r in rows:
        by_muni.setdefault(r.municipality, {})[r.year] = r
    out = []
    for m, by_year in by_muni.items():
        got = [by_year.get(y) for y in years]
        out.append(
            {
                "id": m,
                "name": names.municipality(m),
                "without": [None if r is None else r.without for r in got],
                "with": [None if r is None else r.with_ for r in got],
                "saving": [
                    None if r is None or r.without is None else r.without - r.with_
                    for r in got
                ],
            }
        )
    return {"years": years, "municipalities": out}


def _fractions(shares: Sequence[Share]) -> dict[str, Fraction]:
    """The shares' fractions, scaled to add up to 1 (a share of a key by
    its amount when the key gives none), so a split by them adds up to
    the amount."""
    raw = {s.municipality: s.fraction for s in shares}
    whole = sum(raw.values())
    if not whole:
        return {m: Fraction(1, len(raw)) for m in raw} if raw else {}
    return {m: f / whole for m, f in raw.items()}


def _per_municipality(
    shares: Sequence[Share],
    year_rows: Sequence[Mapping[str, Any]],
    names: Names,
) -> list[dict[str, Any]]:
    fractions = _fractions(shares)
    if not fractions:
        return []
    split = _split_years(shares, year_rows, fractions)
    return [
        {
            "id": s.municipality,
            "name": names.municipality(s.municipality),
            "fraction": float(fractions[s.municipality]),
            "investment": s.amounts["investment"],
            "operating": s.amounts["operating"],
            "total": s.amounts["total"],
            "by_year": [split[r["year"]][s.municipality] for r in year_rows],
            "running": s.amounts["per_year"],
        }
        for s in shares
    ]


def _split_years(
    shares: Sequence[Share],
    year_rows: Sequence[Mapping[str, Any]],
    fractions: Mapping[str, Fraction],
) -> dict[int, dict[str, Decimal]]:
    """Each year's total split by the key; the last year with money takes
    what makes each municipality's years add up to its share, so the table
    adds up both ways (each year's column to the year, each row to the
    municipality's share), as the shares add up to the total."""
    split = {r["year"]: split_amount(r["total"], fractions) for r in year_rows}
    spent = [r["year"] for r in year_rows if r["total"]]
    totals = {s.municipality: s.amounts["total"] for s in shares}
    if not spent or sum(totals.values()) != sum(r["total"] for r in year_rows):
        return split  # shares of another total: each year on its own
    last = spent[-1]
    for m in fractions:
        before = sum(split[y][m] for y in split if y != last)
        split[last][m] = totals[m] - before
    return split


def _projection(projection: Projection | None) -> list[dict[str, Any]]:
    if projection is None:
        return []
    return [
        {
            "year": y.year,
            "baseline": y.baseline,
            "cooperation": y.cooperation,
            "establishment": y.establishment,
            "running": y.running,
            "savings": y.savings,
            "capital": y.capital,
            "saving": y.saving,
            "cumulative": y.cumulative,
            "efficiency": y.efficiency,
            "staff_without": y.staff_without,
            "staff_with": y.staff_with,
        }
        for y in projection.years
    ]


def money_chart(money: Mapping[str, Any], msg: Messages, currency: str) -> str | None:
    """The 0-alternative against cooperation by year, in millions; None
    without a projection."""
    rows = money.get("projection") or []
    if not rows:
        return None
    years = [r["year"] for r in rows]
    series = [
        Series(
            msg("money.baseline"),
            [float(r["baseline"]) / 1e6 for r in rows],
            "#888888",
            "6 4",
        ),
        Series(
            msg("money.cooperation"),
            [float(r["cooperation"]) / 1e6 for r in rows],
            "#1f5fa8",
        ),
    ]
    be = money.get("break_even")
    marker = None if be is None else (int(be), msg("money.break_even_at", year=be))
    return line_chart(
        msg("money.chart", currency=msg.unit(currency)),
        years,
        series,
        lambda v: msg.number(v, 0),
        marker=marker,
    )
