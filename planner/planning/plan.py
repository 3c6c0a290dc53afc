"""A phased plan from work packages: schedule, money, shares, projection.

The pipeline of ``planner plan`` after loading: :func:`plan_packages`
(generated from the gaps, hand-written merged in), the references checked
by the caller (it knows where the files are), then :func:`make_plan`. Both
are pure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import networkx as nx

from planner.errors import UsageError
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile, ProjectionFile
from planner.models.planresult import (
    CostKey,
    Frame,
    Package,
    Phase,
    PlanResult,
    Share,
    Totals,
    YearTotal,
)
from planner.models.results import GapReport
from planner.models.target import Target
from planner.planning.costkey import key_fractions, split_amount
from planner.planning.generate import generate_packages
from planner.planning.merge import merge_packages
from planner.planning.projection import project
from planner.planning.schedule import Schedule, phase_index, schedule
from planner.planning.scope import in_scope, scope_closure
from planner.units import Period

__all__ = ["make_frame", "make_plan", "plan_packages"]

ZERO = Decimal(0)


def plan_packages(
    G: nx.MultiGraph[Any],
    report: GapReport,
    target: Target,
    plan: PlanFile,
    *,
    recommended: Mapping[str, float] | None = None,
) -> tuple[tuple[Package, ...], tuple[str, ...]]:
    """The work packages of a plan and the warnings of generating them."""
    if not plan.generate:
        return merge_packages((), plan), ()
    generated = generate_packages(G, report, target, recommended=recommended)
    kept = in_scope(generated.packages, scope_closure(plan.scope, target))
    return merge_packages(kept, plan), generated.warnings


def make_frame(
    plan: PlanFile,
    as_of: dt.date | None,
    *,
    start: Period | None = None,
    phase: str | None = None,
    strategy: str | None = None,
) -> Frame:
    """The planning frame: the plan file's, overridden by the command line.

    Without a start anywhere, planning starts in the phase after the
    inventory's ``as_of`` date (deterministic, unlike today's date).
    """
    kind = phase or plan.phase
    first = start or plan.start
    if first is None:
        if as_of is None:
            raise UsageError(
                "no start: give --start (e.g. 2027H1), start: in the plan file, "
                "or region.as_of in the inventory"
            )
        first = Period(as_of.year, "quarter", (as_of.month - 1) // 3 + 1)
        first = first.as_kind(kind).shift(1)
    budget = plan.budget_per_phase
    return Frame(
        start=first.as_kind(kind),
        phase=kind,
        strategy=strategy or plan.strategy,
        budget_investment=budget.investment if budget else None,
        budget_operating=budget.operating if budget else None,
        staff=plan.staff_per_phase,
        uncertainty=plan.uncertainty,
    )


def make_plan(
    inventory: Inventory,
    packages: Sequence[Package],
    frame: Frame,
    key: CostKey,
    projection: ProjectionFile | None = None,
    *,
    warnings: Iterable[str] = (),
) -> PlanResult:
    """Schedule ``packages`` in ``frame`` and add up the money: per phase,
    per year, each municipality's share under ``key``, and the projection."""
    sched = schedule(packages, frame)
    phases = _phases(sched, frame)
    totals = _totals(phases, sched, frame)
    shares = _shares(inventory, key, totals)
    establishment = {y: t.investment + t.operating for y, t in totals.by_year.items()}
    return PlanResult(
        region=inventory.region.id,
        region_name=inventory.region.name,
        currency=inventory.region.currency,
        frame=frame,
        key=key,
        phases=phases,
        placements=sched.placements,
        totals=totals,
        shares=shares,
        projection=project(projection, establishment) if projection else None,
        warnings=(*warnings, *sched.warnings),
    )


def contingency(amount: Decimal, uncertainty: Decimal) -> Decimal:
    """``uncertainty`` of ``amount``, to the øre (half up)."""
    value = (amount * uncertainty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _phases(sched: Schedule, frame: Frame) -> tuple[Phase, ...]:
    starting: dict[int, list[str]] = defaultdict(list)
    for x in sched.placements:
        starting[phase_index(x.start, frame)].append(x.package.id)
    out = []
    for q in range(sched.phases):
        investment = sched.investment.get(q, ZERO)
        operating = sched.operating.get(q, ZERO)
        effort = round(sched.effort.get(q, 0.0), 6)
        out.append(
            Phase(
                period=frame.start.shift(q),
                packages=tuple(sorted(starting[q])),
                investment=investment,
                operating=operating,
                effort=effort,
                contingency=contingency(investment + operating, frame.uncertainty),
                overrun=_overrun(investment, operating, effort, frame),
            )
        )
    return tuple(out)


def _overrun(
    investment: Decimal, operating: Decimal, effort: float, frame: Frame
) -> dict[str, Decimal | float]:
    out: dict[str, Decimal | float] = {}
    if frame.budget_investment is not None and investment > frame.budget_investment:
        out["investment"] = investment - frame.budget_investment
    if frame.budget_operating is not None and operating > frame.budget_operating:
        out["operating"] = operating - frame.budget_operating
    if frame.staff is not None and effort > frame.staff + 1e-9:
        out["staff"] = round(effort - frame.staff, 6)
    return out


def _totals(phases: Sequence[Phase], sched: Schedule, frame: Frame) -> Totals:
    years: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for ph in phases:
        years[ph.period.year][0] += ph.investment
        years[ph.period.year][1] += ph.operating
    by_year = {
        y: YearTotal(inv, op, contingency(inv + op, frame.uncertainty))
        for y, (inv, op) in sorted(years.items())
    }
    investment = sum((ph.investment for ph in phases), ZERO)
    operating = sum((ph.operating for ph in phases), ZERO)
    return Totals(
        investment=investment,
        operating=operating,
        contingency=contingency(investment + operating, frame.uncertainty),
        per_year=sum((x.package.per_year for x in sched.placements), ZERO),
        by_year=by_year,
    )


def _shares(inventory: Inventory, key: CostKey, totals: Totals) -> tuple[Share, ...]:
    fractions = key_fractions(inventory, key, totals.total)
    investment = split_amount(totals.investment, fractions)
    operating = split_amount(totals.operating, fractions)
    return tuple(
        Share(
            municipality=m.id,
            name=m.name,
            fraction=fractions[m.id],
            amounts={
                "investment": investment[m.id],
                "operating": operating[m.id],
                "total": investment[m.id] + operating[m.id],
            },
        )
        for m in inventory.municipalities
    )
