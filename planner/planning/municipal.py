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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

from planner.models.inventory import Inventory
from planner.models.plan import ProjectionFile
from planner.models.planresult import (
    CostKey,
    MunicipalYear,
    Placement,
    Projection,
)
from planner.planning.costkey import key_fractions, split_amount
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
) -> tuple[MunicipalYear, ...]:
    """Per municipality and projection year (municipalities in inventory
    order, then years); none when no municipality gives a budget."""
    if not any(m.budget and m.budget.operations for m in inventory.municipalities):
        return ()
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
        common = plan - sum(unit.values(), ZERO)
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
        split = _split(inventory, key.for_kind("investment"), invested, py.year)
        rest = _split(inventory, key.for_kind("operating"), common - invested, py.year)
        for m in inventory.municipalities:
            without = _grown(
                m.budget.operations if m.budget else None, settings, py.year
            )
            own = ZERO if without is None else _less_gain(without, py.efficiency)
            with_ = own + split[m.id] + rest[m.id] + unit[m.id]
            rows[m.id].append(MunicipalYear(m.id, py.year, without, with_))
    return tuple(r for m in inventory.municipalities for r in rows[m.id])


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
    inventory: Inventory, key: CostKey, amount: Decimal, year: int
) -> dict[str, Decimal]:
    """``amount`` (negative when savings outweigh) split exactly; a D-IKT
    base larger than the amount is split equally, as in the shares."""
    whole = abs(amount)
    if amount < 0:  # the customers' fixed payments are no share of savings
        key = replace(key, fixed=())
    paid = sum((v for _, v in key.fixed), ZERO)
    if key.base and whole - paid < key.base * len(inventory.municipalities):
        key = CostKey((("equal", Decimal(1)),), fixed=key.fixed)
    parts = split_amount(whole, key_fractions(inventory, key, whole, year))
    return {m: v if amount >= 0 else -v for m, v in parts.items()}
