"""Each municipality's share of a plan: unit costs plus the key's share of
the common costs (the Kongsberg report's rule).

A package with ``paid_by`` is a unit cost: all of its investment,
operating, running and capital cost goes to that municipality. The rest is
common and split by the key, year by year when the key's fractions change
between years (populations by year, a D-IKT base charged per year): each
run of years with the same fractions is split as one amount, so a key that
never changes gives exactly the split of the totals. Every split is exact (largest
remainder), so the shares add up to each total to the krone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from planner.models.inventory import Inventory
from planner.models.planresult import CostKey, Package, Placement, Share, Totals
from planner.planning.costkey import key_fractions, split_amount
from planner.planning.programs import mix_weights
from planner.planning.series import PlanSeries, accrued, in_service

__all__ = ["plan_shares"]

ZERO = Decimal(0)
KINDS = ("investment", "operating", "running", "capital")
# With separate keys: the investment key's kinds, the operating key's.
_KEY_KINDS = (("investment", "capital"), ("operating", "running"))
Amounts = dict[str, Decimal]
# What each common package costs in a year, by kind (for program-users).
Pieces = dict[int, dict[str, list[tuple[Package, Decimal]]]]


def plan_shares(
    inventory: Inventory,
    key: CostKey,
    totals: Totals,
    placements: Sequence[Placement],
    series: PlanSeries,
) -> tuple[Share, ...]:
    """The shares of ``totals`` (see the module docstring)."""
    years = sorted(totals.by_year)
    unit: dict[str, Amounts] = defaultdict(lambda: dict.fromkeys(KINDS, ZERO))
    common = {
        y: {
            "investment": t.investment,
            "operating": t.operating,
            "running": t.running,
            "capital": t.capital,
        }
        for y, t in totals.by_year.items()
    }
    unit_per_year: dict[str, Decimal] = defaultdict(Decimal)
    for x in placements:
        p = x.package
        if p.paid_by is None:
            continue
        y0 = x.start.year
        _move(unit[p.paid_by], common[y0], "investment", p.investment)
        _move(unit[p.paid_by], common[y0], "operating", p.operating)
        for y in years:
            running = accrued(p.per_year, in_service(x), y)
            _move(unit[p.paid_by], common[y], "running", running)
        unit_per_year[p.paid_by] += p.per_year
    for payer, paid in series.capital_by_payer.items():
        if payer is not None:
            for y in years:
                _move(unit[payer], common[y], "capital", paid.get(y, ZERO))
    common_per_year = totals.per_year - sum(unit_per_year.values(), ZERO)
    split: dict[str, Amounts] = defaultdict(lambda: dict.fromkeys(KINDS, ZERO))
    lasts: dict[str, dict[str, Fraction]] = {}
    for kinds in _KEY_KINDS if key.operating is not None else (KINDS,):
        k = key.for_kind(kinds[0])
        lasts[kinds[0]] = key_fractions(inventory, k)
        sub = {y: {kind: common[y][kind] for kind in kinds} for y in years}
        pieces = _pieces(placements, series, years, kinds) if _programs(k) else None
        for group, fractions in _groups(inventory, k, years, sub, pieces):
            lasts[kinds[0]] = fractions
            for kind in kinds:
                amount = sum((common[y][kind] for y in group), ZERO)
                for m_id, v in split_amount(amount, fractions).items():
                    split[m_id][kind] += v
    last = lasts["investment"]
    per_year = split_amount(common_per_year, lasts.get("operating", last))
    out = []
    for m in inventory.municipalities:
        a = {k: split[m.id][k] + unit[m.id][k] for k in KINDS}
        out.append(
            Share(
                municipality=m.id,
                name=m.name,
                fraction=last[m.id],
                amounts={
                    "investment": a["investment"],
                    "operating": a["operating"],
                    "total": a["investment"] + a["operating"],
                    "running": a["running"],
                    "per_year": per_year[m.id] + unit_per_year[m.id],
                    "capital": a["capital"],
                },
            )
        )
    owners = {m.id for m in inventory.municipalities}
    for c in sorted(set(split) - owners):  # non-owner customers (fixed)
        a = split[c]
        out.append(
            Share(
                municipality=c,
                name=c,
                fraction=last.get(c, Fraction(0)),
                amounts={
                    "investment": a["investment"],
                    "operating": a["operating"],
                    "total": a["investment"] + a["operating"],
                    "running": a["running"],
                    "per_year": per_year.get(c, ZERO),
                    "capital": a["capital"],
                },
            )
        )
    return tuple(out)


def _programs(key: CostKey) -> bool:
    return any(c == "program-users" for c, _ in key.weights)


def _pieces(
    placements: Sequence[Placement],
    series: PlanSeries,
    years: list[int],
    kinds: Sequence[str],
) -> Pieces:
    """What each common package (no ``paid_by``) costs in each year."""
    out: Pieces = {y: {kind: [] for kind in kinds} for y in years}
    for x in placements:
        p = x.package
        if p.paid_by is not None:
            continue
        for y in years:
            got = {
                "investment": p.investment if y == x.start.year else ZERO,
                "operating": p.operating if y == x.start.year else ZERO,
                "running": accrued(p.per_year, in_service(x), y),
                "capital": series.capital_by_package.get(p.id, {}).get(y, ZERO),
            }
            for kind in kinds:
                out[y][kind].append((p, got[kind]))
    return out


def _move(unit: Amounts, common: Amounts, kind: str, amount: Decimal) -> None:
    unit[kind] += amount
    common[kind] -= amount


def _groups(
    inventory: Inventory,
    key: CostKey,
    years: list[int],
    common: dict[int, Amounts],
    pieces: Pieces | None = None,
) -> list[tuple[list[int], dict[str, Fraction]]]:
    """Runs of years with the same fractions. With a D-IKT base the base is
    per year (D-IKT charges it yearly): each year's fractions come from
    that year's common amount, and a year whose amount is less than the
    bases is split equally (each base shrinks to amount / members)."""
    out: list[tuple[list[int], dict[str, Fraction]]] = []
    for y in years:
        programs = None
        if pieces is not None:
            programs = mix_weights(
                inventory, (pc for kind in pieces[y].values() for pc in kind)
            )
        fractions = key_fractions(
            inventory, _capped(key, inventory, common[y]), _sum(common[y]), y, programs
        )
        if out and out[-1][1] == fractions:
            out[-1][0].append(y)
        else:
            out.append(([y], fractions))
    return out


def _sum(amounts: Amounts) -> Decimal:
    return sum(amounts.values(), ZERO)


def _capped(key: CostKey, inventory: Inventory, amounts: Amounts) -> CostKey:
    if not key.base:
        return key
    n = len(inventory.municipalities)
    total = _sum(amounts) - sum((v for _, v in key.fixed), ZERO)
    if total >= key.base * n:
        return key
    # each base shrinks to amount / n (after the fixed payments)
    return CostKey((("equal", Decimal(1)),), fixed=key.fixed)
