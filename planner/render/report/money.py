"""The money picture: what the plan costs, who pays what, when it pays back.

Read from the plan's JSON document (``planner/plan/v1``) with ``.get``, so a
field the planner adds later (running costs, financing, each municipality's
figures with and without cooperation) does no harm; a share that brings its
own ``by_year`` is shown as given, else each year's cost is split by the
share's fraction with :func:`planner.planning.costkey.split_amount` (exact:
the municipalities add up to the year's total to the krone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from planner.planning.costkey import split_amount
from planner.render.i18n import Messages
from planner.render.report.charts import Series, line_chart
from planner.render.report.gap_text import Names

__all__ = ["money_chart", "money_section", "staff_rows", "with_without"]


def _dec(value: Any) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)


def money_section(doc: Mapping[str, Any] | None, names: Names) -> dict[str, Any] | None:
    """Totals, cost by year, each municipality's cost by year, and the
    projection (0-alternative against cooperation); None without a plan."""
    if doc is None:
        return None
    totals = doc.get("totals", {})
    by_year = {int(y): v for y, v in sorted(totals.get("by_year", {}).items())}
    years = sorted(by_year)
    year_rows = [
        {
            "year": y,
            "investment": _dec(v.get("investment")),
            "operating": _dec(v.get("operating")),
            "contingency": _dec(v.get("contingency")),
            "total": _dec(v.get("investment")) + _dec(v.get("operating")),
            "running": None if v.get("running") is None else _dec(v["running"]),
        }
        for y, v in by_year.items()
    ]
    shares = list(doc.get("shares", []))
    projection = doc.get("projection")
    total = (
        _dec(totals["total"])
        if totals.get("total") is not None
        else _dec(totals.get("investment")) + _dec(totals.get("operating"))
    )
    return {
        "investment": _dec(totals.get("investment")),
        "operating": _dec(totals.get("operating")),
        "total": total,
        "contingency": _dec(totals.get("contingency")),
        "with_contingency": total + _dec(totals.get("contingency")),
        "per_year": _dec(totals.get("per_year")),
        "years": years,
        "has_running": any(v.get("running") is not None for v in by_year.values()),
        "year_rows": year_rows,
        "municipalities": _per_municipality(shares, year_rows, totals, names),
        "projection": _projection(projection),
        "break_even": None if projection is None else projection.get("break_even"),
        "plan_money": _plan_money(projection),
        "staff": staff_rows(projection),
        "with_without": with_without(doc.get("by_municipality"), names),
    }


def _plan_money(doc: Mapping[str, Any] | None) -> list[str]:
    """The projection's columns of plan money beyond the establishment
    (running costs, package savings, capital) that are not zero in every
    year: the table shows those."""
    years = (doc or {}).get("years", [])
    return [
        k for k in ("running", "savings", "capital") if any(y.get(k) for y in years)
    ]


def staff_rows(doc: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """IT staff (FTE) by projection year, without and with cooperation;
    None when no year gives a figure (no ``staff_without``, no inventory
    ``it_staff``)."""
    years = (doc or {}).get("years", [])
    if not any(
        y.get("staff_without") is not None or y.get("staff_with") is not None
        for y in years
    ):
        return None
    return {
        "years": [int(y["year"]) for y in years],
        "without": [y.get("staff_without") for y in years],
        "with": [y.get("staff_with") for y in years],
    }


def with_without(
    rows: Sequence[Mapping[str, Any]] | None, names: Names
) -> dict[str, Any] | None:
    """Each municipality's cost a year without cooperation (its own budget
    grown: None without a budget) and with it (its share and unit costs),
    over the projection's years; None when the plan has none."""
    if not rows:
        return None
    years = sorted({int(y["year"]) for r in rows for y in r.get("years", [])})
    out = []
    for r in rows:
        by_year = {int(y["year"]): y for y in r.get("years", [])}

        def pick(key: str, by_year: Mapping[int, Any] = by_year) -> list[Any]:
            return [
                None if by_year.get(y, {}).get(key) is None else _dec(by_year[y][key])
                for y in years
            ]

        out.append(
            {
                "id": str(r.get("municipality")),
                "name": names.municipality(str(r.get("municipality"))),
                "without": pick("without"),
                "with": pick("with"),
                "saving": pick("saving"),
            }
        )
    return {"years": years, "municipalities": out}


def _fractions(shares: Sequence[Mapping[str, Any]]) -> dict[str, Fraction]:
    """The shares' fractions made exact again (JSON gives floats), scaled to
    add up to 1, so a split by them adds up to the amount."""
    raw = {
        str(s.get("municipality")): Fraction(float(s["fraction"])).limit_denominator(
            10**9
        )
        if s.get("fraction") is not None
        else Fraction(_total(s))
        for s in shares
    }
    whole = sum(raw.values())
    if not whole:
        return {m: Fraction(1, len(raw)) for m in raw} if raw else {}
    return {m: f / whole for m, f in raw.items()}


def _per_municipality(
    shares: Sequence[Mapping[str, Any]],
    year_rows: Sequence[Mapping[str, Any]],
    totals: Mapping[str, Any],
    names: Names,
) -> list[dict[str, Any]]:
    fractions = _fractions(shares)
    if not fractions:
        return []
    split = _split_years(shares, year_rows, fractions)
    running = split_amount(_dec(totals.get("per_year")), fractions)
    out = []
    for s in shares:
        m = str(s.get("municipality"))
        given = s.get("by_year")
        per_year = (
            [_dec(given.get(str(r["year"]))) for r in year_rows]
            if isinstance(given, Mapping)
            else [split[r["year"]][m] for r in year_rows]
        )
        out.append(
            {
                "id": m,
                "name": names.municipality(m),
                "fraction": float(fractions[m]),
                "investment": _dec(s.get("investment")),
                "operating": _dec(s.get("operating")),
                "total": _total(s),
                "by_year": per_year,
                "running": _dec(s.get("per_year")) if "per_year" in s else running[m],
            }
        )
    return out


def _split_years(
    shares: Sequence[Mapping[str, Any]],
    year_rows: Sequence[Mapping[str, Any]],
    fractions: Mapping[str, Fraction],
) -> dict[int, dict[str, Decimal]]:
    """Each year's total split by the key; the last year with money takes
    what makes each municipality's years add up to its share, so the table
    adds up both ways (each year's column to the year, each row to the
    municipality's share), as the shares add up to the total."""
    split = {r["year"]: split_amount(r["total"], fractions) for r in year_rows}
    spent = [r["year"] for r in year_rows if r["total"]]
    totals = {str(s.get("municipality")): _total(s) for s in shares}
    if not spent or sum(totals.values()) != sum(r["total"] for r in year_rows):
        return split  # shares of another total: each year on its own
    last = spent[-1]
    for m in fractions:
        before = sum(split[y][m] for y in split if y != last)
        split[last][m] = totals[m] - before
    return split


def _total(share: Mapping[str, Any]) -> Decimal:
    if share.get("total") is not None:
        return _dec(share["total"])
    return _dec(share.get("investment")) + _dec(share.get("operating"))


def _projection(doc: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if not doc:
        return []
    return [
        {
            "year": int(y.get("year")),
            "baseline": _dec(y.get("baseline")),
            "cooperation": _dec(y.get("cooperation")),
            "establishment": _dec(y.get("establishment")),
            "running": _dec(y.get("running")),
            "savings": _dec(y.get("savings")),
            "capital": _dec(y.get("capital")),
            "saving": _dec(y.get("saving")),
            "cumulative": _dec(y.get("cumulative")),
            "efficiency": y.get("efficiency"),
            "staff_without": y.get("staff_without"),
            "staff_with": y.get("staff_with"),
        }
        for y in doc.get("years", [])
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
