"""A phased plan from work packages: schedule, money, shares, projection.

The pipeline of ``planner plan`` after loading: :func:`plan_packages`
(generated from the gaps, hand-written merged in), the references checked
by the caller (it knows where the files are), then :func:`make_plan`. Both
are pure.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import networkx as nx

from planner.errors import SettingError
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.plan import Financing, PlanFile, ProjectionFile
from planner.models.planresult import (
    CostKey,
    Frame,
    Package,
    Phase,
    PlanResult,
    Totals,
    YearTotal,
)
from planner.models.results import GapReport
from planner.models.target import Target
from planner.planning.absorb import absorb
from planner.planning.generate import generate_packages
from planner.planning.merge import extended, merge_packages, override_notes
from planner.planning.municipal import by_municipality
from planner.planning.projection import project
from planner.planning.reinvestment import Reinvestment
from planner.planning.schedule import Schedule, phase_index, schedule
from planner.planning.scope import in_scope, scope_closure
from planner.planning.series import PlanSeries, plan_series
from planner.planning.shares import plan_shares
from planner.units import Period

__all__ = ["Merged", "make_frame", "make_plan", "merged_packages", "plan_packages"]

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
    merged = merged_packages(G, report, target, plan, recommended=recommended)
    return merged.packages, merged.warnings


@frozen
class Merged:
    """The packages of a plan, the warnings, the generated ids and the
    generated packages taken over by hand-written ones (id -> taker)."""

    packages: tuple[Package, ...]
    warnings: tuple[str, ...]
    generated: frozenset[str]
    taken: Mapping[str, str]


def merged_packages(
    G: nx.MultiGraph[Any],
    report: GapReport,
    target: Target,
    plan: PlanFile,
    *,
    recommended: Mapping[str, float] | None = None,
) -> Merged:
    """Generate (unless ``generate: false``), merge the hand-written
    packages over them, and let those take over generated ones."""
    if not plan.generate:
        gen: tuple[Package, ...] = ()
        warnings: tuple[str, ...] = ()
    else:
        generated = generate_packages(G, report, target, recommended=recommended)
        gen = in_scope(generated.packages, scope_closure(plan.scope, target))
        warnings = generated.warnings
    ids = frozenset(p.id for p in gen)
    absorbed = absorb(merge_packages(gen, plan), plan, ids)
    notes = (*override_notes(gen, plan), *absorbed.notes)
    taken = {**extended(gen, plan), **absorbed.taken}
    return Merged(absorbed.packages, (*warnings, *notes), ids, taken)


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
            raise SettingError(
                "start",
                "no period to start from: give one (e.g. 2027H1), start: in the "
                "plan file, or region.as_of in the inventory",
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
    financing: Financing | None = None,
    reinvestment: Reinvestment | None = None,
) -> PlanResult:
    """Schedule ``packages`` in ``frame`` and add up the money: per phase,
    per year, each municipality's share under ``key``, and the projection
    (with ``reinvestment``: the servers due, docs/planning.md)."""
    sched = schedule(packages, frame)
    phases = _phases(sched, frame)
    series = _series(phases, sched, financing)
    totals = _totals(phases, sched, frame, series)
    shares = plan_shares(inventory, key, totals, sched.placements, series)
    projected = (
        project(projection, series, inventory, reinvestment) if projection else None
    )
    municipal = (
        by_municipality(
            inventory,
            key,
            projection,
            projected,
            sched.placements,
            series,
            reinvestment,
        )
        if projection and projected
        else ()
    )
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
        projection=projected,
        warnings=(*warnings, *sched.warnings, *(projected.notes if projected else ())),
        by_municipality=municipal,
    )


def contingency(amount: Decimal, uncertainty: Decimal) -> Decimal:
    """``uncertainty`` of ``amount``, to the øre (half up)."""
    value = (amount * uncertainty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _phases(sched: Schedule, frame: Frame) -> tuple[Phase, ...]:
    starting: dict[int, list[str]] = defaultdict(list)
    index = functools.cache(lambda period: phase_index(period, frame))  # a few
    for x in sched.placements:
        starting[index(x.start)].append(x.package.id)
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


def _series(
    phases: Sequence[Phase], sched: Schedule, financing: Financing | None
) -> PlanSeries:
    investment: dict[int, Decimal] = defaultdict(Decimal)
    operating: dict[int, Decimal] = defaultdict(Decimal)
    for ph in phases:
        investment[ph.period.year] += ph.investment
        operating[ph.period.year] += ph.operating
    loan = (financing.rate, financing.years) if financing else None
    return plan_series(sched.placements, investment, operating, loan)


def _totals(
    phases: Sequence[Phase], sched: Schedule, frame: Frame, series: PlanSeries
) -> Totals:
    """Per year from the first phase to the last year with a cost: the last
    phase, the first full year of every running cost, the last annuity."""
    years: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for ph in phases:
        years[ph.period.year][0] += ph.investment
        years[ph.period.year][1] += ph.operating
    by_year = {
        y: YearTotal(
            years[y][0],
            years[y][1],
            contingency(years[y][0] + years[y][1], frame.uncertainty),
            running=series.running(y),
            savings=series.savings(y),
            capital=series.capital.get(y, ZERO),
        )
        for y in _year_range(list(years), series.last_year())
    }
    investment = sum((ph.investment for ph in phases), ZERO)
    operating = sum((ph.operating for ph in phases), ZERO)
    return Totals(
        investment=investment,
        operating=operating,
        contingency=contingency(investment + operating, frame.uncertainty),
        per_year=sum((x.package.per_year for x in sched.placements), ZERO),
        by_year=by_year,
        running=sum((t.running for t in by_year.values()), ZERO),
        savings=sum((t.savings for t in by_year.values()), ZERO),
        capital=sum((t.capital for t in by_year.values()), ZERO),
        saving_per_year=sum(
            (x.package.saving_per_year for x in sched.placements), ZERO
        ),
    )


def _year_range(years: list[int], last: int | None) -> range:
    if not years:
        return range(0)
    return range(min(years), max([*years, *([last] if last else [])]) + 1)
