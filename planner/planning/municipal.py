"""Each municipality's yearly cost without and with cooperation.

Without cooperation: the municipality's own operating budget
(``budget.operations`` in the inventory) grown from the projection's base
year by its growth, rounded half up (None when the inventory gives no
budget). With cooperation: that budget less the year's efficiency gain,
plus its unit costs of the year (packages it pays alone: their one-off
cost, or their annuities when financed, their running costs less their
savings) plus the key's share of the plan's common money of the year
(establishment, running costs and capital less savings, as in the
projection), split with that year's fractions, so the shares of the plan's
money add up to the projection's exactly.

With the servers' reinvestment (the target's ``lifecycle``), each
municipality replaces its own servers due without cooperation; with it, a
server consolidation retires costs nothing, one kept outside the data
centre (a service kept local) stays its municipality's unit cost, and one
kept in the data centre serves the cooperation: common money, split by the
key with the year's other common money (by the investment key when the
plan has two). Before cooperation starts each pays its own, as in the
projection. The parts add up to its ``reinvestment`` and
``reinvestment_with`` exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.plan import ProjectionFile
from planner.models.planresult import (
    CostKey,
    MunicipalYear,
    Placement,
    Projection,
)
from planner.planning.costkey import key_fractions, split_amount
from planner.planning.reinvestment import Reinvestment
from planner.planning.series import PlanSeries, accrued, in_service

__all__ = ["by_municipality"]

ZERO = Decimal(0)


def by_municipality(
    inventory: Inventory,
    key: CostKey,
    settings: ProjectionFile,
    projection: Projection,
    placements: Sequence[Placement],
    series: PlanSeries,
    reinvestment: Reinvestment | None = None,
) -> tuple[MunicipalYear, ...]:
    """Per municipality and projection year (municipalities in inventory
    order, then years); none when no municipality gives a budget."""
    if not any(m.budget and m.budget.operations for m in inventory.municipalities):
        return ()
    renewal = _renewal(inventory, settings, projection, reinvestment)
    from_plan = settings.establishment == "plan"
    financed = bool(series.capital)
    rows: dict[str, list[MunicipalYear]] = defaultdict(list)
    for py in projection.years:
        unit: dict[str, Decimal] = defaultdict(Decimal)
        if from_plan:
            for x in placements:
                p = x.package
                if p.paid_by is None:
                    continue
                if x.start.year == py.year:
                    unit[p.paid_by] += p.operating + (
                        ZERO if financed else p.investment
                    )
                unit[p.paid_by] += accrued(p.per_year, in_service(x), py.year)
                unit[p.paid_by] -= accrued(p.saving_per_year, in_service(x), py.year)
            for payer, paid in series.capital_by_payer.items():
                if payer is not None:
                    unit[payer] += paid.get(py.year, ZERO)
        plan = py.establishment + py.running + py.capital - py.savings
        renewed = renewal.get(py.year)
        shared = ZERO if renewed is None else renewed.shared
        common = plan - sum(unit.values(), ZERO) + shared
        invested = ZERO
        if from_plan and key.operating is not None:  # separate keys
            invested = series.capital_by_payer.get(None, {}).get(py.year, ZERO)
            if not financed:
                invested = sum(
                    (
                        x.package.investment
                        for x in placements
                        if x.package.paid_by is None and x.start.year == py.year
                    ),
                    ZERO,
                )
        # The shared renewal is common money, split with the year's other
        # common money (an investment, with two keys): a D-IKT base counts once.
        one_key = key.operating is None
        if not one_key:
            invested += shared
        split, renewed_a = _split(
            inventory,
            key.for_kind("investment"),
            invested,
            py.year,
            ZERO if one_key else shared,
        )
        rest, renewed_b = _split(
            inventory,
            key.for_kind("operating"),
            common - invested,
            py.year,
            shared if one_key else ZERO,
        )
        for m in inventory.municipalities:
            without = _grown(
                m.budget.operations if m.budget else None, settings, py.year
            )
            own = ZERO if without is None else _less_gain(without, py.efficiency)
            with_ = own + split[m.id] + rest[m.id] + unit[m.id]
            row = MunicipalYear(m.id, py.year, without, with_)
            if renewed is not None:
                part = renewed_a[m.id] + renewed_b[m.id]
                row = _renewed_row(row, renewed, part)
            rows[m.id].append(row)
    return tuple(r for m in inventory.municipalities for r in rows[m.id])


def _renewed_row(row: MunicipalYear, renewed: _Renewed, part: Decimal) -> MunicipalYear:
    """``row`` with the municipality's renewals: its own servers in both
    series (without a budget, only with), its ``part`` of the shared ones
    already in ``with_``."""
    m = row.municipality
    replaced = renewed.without.get(m, ZERO)
    own = renewed.own.get(m, ZERO)
    return replace(
        row,
        without=None if row.without is None else row.without + replaced,
        with_=row.with_ + own,
        reinvestment=replaced,
        reinvestment_with=own + part,
    )


def _grown(
    budget: Decimal | None, settings: ProjectionFile, year: int
) -> Decimal | None:
    if budget is None:
        return None
    with localcontext() as ctx:
        ctx.prec = 60
        grown = budget * (1 + settings.growth) ** (year - settings.base_year)
        return grown.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _less_gain(amount: Decimal, gain: Decimal | None) -> Decimal:
    if gain is None:
        return amount
    return (amount * (1 - gain)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _split(
    inventory: Inventory,
    key: CostKey,
    amount: Decimal,
    year: int,
    shared: Decimal = ZERO,
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """``amount`` (negative when savings outweigh) split exactly; a D-IKT
    base larger than the amount is split equally, as in the shares. Also
    the part of it that is ``shared`` reinvestment, split with the same
    fractions (each part adds up exactly; the first includes the second)."""
    whole = abs(amount)
    if amount < 0:  # the customers' fixed payments are no share of savings
        key = replace(key, fixed=())
    paid = sum((v for _, v in key.fixed), ZERO)
    if key.base and whole - paid < key.base * len(inventory.municipalities):
        key = CostKey((("equal", Decimal(1)),), fixed=key.fixed)
    fractions = key_fractions(inventory, key, whole, year)
    rest = amount - shared
    parts = split_amount(abs(rest), fractions)
    renewed = split_amount(shared, fractions)
    total = {m: (v if rest >= 0 else -v) + renewed[m] for m, v in parts.items()}
    return total, renewed


@frozen
class _Renewed:
    """One year's server renewals: each municipality's own without and with
    cooperation, and the common part (servers kept in the data centre)."""

    without: dict[str, Decimal]
    own: dict[str, Decimal]
    shared: Decimal


def _renewal(
    inventory: Inventory,
    settings: ProjectionFile,
    projection: Projection,
    reinvestment: Reinvestment | None,
) -> dict[int, _Renewed]:
    """Per projection year (every year when there is a reinvestment, none
    without one): who replaces which server, as the projection counts them."""
    if reinvestment is None or not projection.years:
        return {}
    sites = {s.id: s.site for m in inventory.municipalities for s in m.servers}
    centres = set(reinvestment.datacenters)
    years = {py.year: _Renewed({}, {}, ZERO) for py in projection.years}
    cooperating = {
        py.year: py.efficiency is not None or py.year in settings.cooperation
        for py in projection.years
    }
    shared: dict[int, Decimal] = defaultdict(Decimal)
    for due, year, amount in reinvestment.replaced(
        settings.base_year, projection.years[-1].year
    ):
        r, m = years[year], due.municipality
        r.without[m] = r.without.get(m, ZERO) + amount
        if not cooperating[year]:
            r.own[m] = r.own.get(m, ZERO) + amount
        elif due.retired:
            continue
        elif sites.get(due.server) in centres:
            shared[year] += amount
        else:
            r.own[m] = r.own.get(m, ZERO) + amount
    return {y: replace(r, shared=shared[y]) for y, r in years.items()}
