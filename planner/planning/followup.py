"""Following up a plan: which work packages are done, the rest
re-forecast, and the budget against the actuals.

A package is ``done`` when none of the gaps it works on (``Package.closes``)
is open in today's inventory. A package that closes no gap (a hand-written
one: the organisation, the data centre) is done when the user says so
(``--done``) or when a package that depends on it is done, since it had to
finish first (its status is then marked inferred). Otherwise the
calendar decides: ``late`` when its planned end is before the as-of phase,
``due`` when the as-of phase is within its planned phases, ``planned`` when
it starts later.

The open packages are rescheduled from the as-of phase (never before the
plan's start) under the plan's caps by the scheduler the plan used, with
the dependencies on done packages satisfied. Pure functions.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal

from planner.errors import did_you_mean
from planner.models.notice import Notice
from planner.models.plan import ProjectionFile
from planner.models.planresult import Package, Placement, PlanResult
from planner.models.progress import (
    ActualLine,
    Actuals,
    ActualsRow,
    PackageProgress,
    Progress,
    Status,
)
from planner.planning.projection import project
from planner.planning.reinvestment import Reinvestment
from planner.planning.schedule import phase_index, schedule
from planner.planning.series import plan_series
from planner.units import Period

__all__ = ["compare_actuals", "done_packages", "follow_up"]

GapKey = tuple[str, str]
ZERO = Decimal(0)


def done_packages(
    plan: PlanResult, open_gaps: Collection[GapKey], marked: Collection[str] = ()
) -> tuple[set[str], set[str]]:
    """``(done, inferred)``: the packages done by today's open gaps or
    ``marked`` done by the user, and those judged by a done dependent
    (they close no gap)."""
    packages = [x.package for x in plan.placements]
    done = {p.id for p in packages if p.closes and not set(p.closes) & set(open_gaps)}
    done |= set(marked)
    needed_by: dict[str, set[str]] = defaultdict(set)
    for p in packages:
        for d in p.depends_on:
            needed_by[d].add(p.id)
    inferred: set[str] = set()
    changed = True
    while changed:  # a chain of gap-less packages: repeat until stable
        changed = False
        for p in packages:
            if p.id not in done and not p.closes and needed_by[p.id] & done:
                done.add(p.id)
                inferred.add(p.id)
                changed = True
    return done, inferred


def _status(x: Placement, plan: PlanResult, as_of: int, done: set[str]) -> Status:
    if x.package.id in done:
        return "done"
    if phase_index(x.end, plan.frame) < as_of:
        return "late"
    return "due" if phase_index(x.start, plan.frame) <= as_of else "planned"


def follow_up(
    plan: PlanResult,
    *,
    open_gaps: Collection[GapKey] | None = None,
    as_of: Period | None = None,
    projection: ProjectionFile | None = None,
    actuals: Actuals | None = None,
    marked: Collection[str] = (),
    warnings: Iterable[str] = (),
    reinvestment: Reinvestment | None = None,
) -> Progress:
    """The plan against today: statuses and the re-forecast when
    ``open_gaps`` (today's gaps) and ``as_of`` are given; the actuals as
    compared by :func:`compare_actuals`."""
    finish = plan.phases[-1].period if plan.phases else None
    rows: list[PackageProgress] = []
    forecast_finish = finish
    forecast_break_even = None
    extra: list[str] = []
    if open_gaps is not None and as_of is not None:
        rows, forecast_finish, spend, extra = _forecast(plan, open_gaps, as_of, marked)
        if projection is not None:
            # The running costs and savings follow the forecast schedule too.
            forecast = [
                Placement(
                    x.package, r.forecast_start or x.start, r.forecast_end or x.end
                )
                for x, r in zip(plan.placements, rows, strict=True)
            ]
            series = plan_series(forecast, spend, {})
            forecast_break_even = project(
                projection, series, reinvestment=reinvestment
            ).break_even
    else:
        rows = [_row(x) for x in plan.placements]
    slip = None
    if finish is not None and forecast_finish is not None and as_of is not None:
        slip = phase_index(forecast_finish, plan.frame) - phase_index(
            finish, plan.frame
        )
    return Progress(
        region=plan.region,
        currency=plan.currency,
        as_of=as_of.as_kind(plan.frame.phase) if as_of else None,
        work_packages=tuple(rows),
        finish=finish,
        forecast_finish=forecast_finish if as_of is not None else None,
        slip=slip,
        break_even=plan.projection.break_even if plan.projection else None,
        forecast_break_even=forecast_break_even,
        actuals=actuals,
        warnings=(*warnings, *extra),
    )


def _row(x: Placement) -> PackageProgress:
    p = x.package
    return PackageProgress(p.id, p.name, x.start, x.end, p.investment + p.operating)


def _forecast(
    plan: PlanResult,
    open_gaps: Collection[GapKey],
    as_of: Period,
    marked: Collection[str],
) -> tuple[list[PackageProgress], Period | None, dict[int, Decimal], list[str]]:
    frame = plan.frame
    today = phase_index(as_of, frame)  # may be before the plan's start (< 0)
    now = max(today, 0)
    done, inferred = done_packages(plan, open_gaps, marked)
    still = [x.package for x in plan.placements if x.package.id not in done]
    opened = {p.id for p in still}
    rest = [
        dataclasses.replace(p, depends_on=tuple(d for d in p.depends_on if d in opened))
        for p in still
    ]
    sched = schedule(rest, dataclasses.replace(frame, start=frame.start.shift(now)))
    placed = {x.package.id: x for x in sched.placements}
    rows: list[PackageProgress] = []
    spend: dict[int, Decimal] = defaultdict(Decimal)
    for x in plan.placements:
        p, f = x.package, placed.get(x.package.id)
        start = x.start if f is None else f.start
        spend[start.year] += p.investment + p.operating
        rows.append(
            dataclasses.replace(
                _row(x),
                status=_status(x, plan, today, done),
                forecast_start=None if f is None else f.start,
                forecast_end=None if f is None else f.end,
                slip=None
                if f is None
                else phase_index(f.end, frame) - phase_index(x.end, frame),
                open_gaps=tuple(sorted(set(p.closes) & set(open_gaps))),
                inferred=p.id in inferred,
            )
        )
    ends = [x.end for x in sched.placements]
    finish = max(ends) if ends else None
    return (
        rows,
        finish,
        {y: v for y, v in spend.items() if v},
        [_forecast_notice(w) for w in sched.warnings],
    )


def _forecast_notice(w: str) -> str:
    """A warning of the re-forecast schedule, marked as the forecast's."""
    text = f"forecast: {w}"
    if isinstance(w, Notice):
        return Notice(text, w.kind, **w.fields, forecast=True)
    return text


def compare_actuals(
    rows: Sequence[ActualsRow],
    packages: Mapping[str, Package],
    years: tuple[int, int] | None,
    display: str,
) -> tuple[Actuals, list[str]]:
    """Budget against actual per line; a line naming a work package also
    against the package's cost in the plan. An item that is no package is
    kept as a budget line (a warning when it is close to a package id, the
    likely typo); a year outside ``years`` (first, last) is a warning."""
    lines: list[ActualLine] = []
    warnings: list[str] = []
    for r in rows:
        p = packages.get(r.item)
        if p is None:
            hint = did_you_mean(r.item, packages)
            if hint:
                warnings.append(
                    Notice(
                        f"{display}:{r.line}: '{r.item}' is not a work package of "
                        f"the plan; kept as a budget line{hint}",
                        "actuals_not_a_package",
                        where=f"{display}:{r.line}",
                        item=r.item,
                        like=_suggested(r.item, packages),
                    )
                )
        if years is not None and not years[0] <= r.year <= years[1]:
            warnings.append(
                Notice(
                    f"{display}:{r.line}: year {r.year} is outside the plan "
                    f"({years[0]}-{years[1]})",
                    "actuals_year_outside",
                    where=f"{display}:{r.line}",
                    year=r.year,
                    first=years[0],
                    last=years[1],
                )
            )
        lines.append(
            ActualLine(
                r.item,
                r.year,
                "budget_line" if p is None else "work_package",
                r.budget,
                r.actual,
                None if p is None else p.investment + p.operating,
            )
        )
    return Actuals(tuple(lines)), warnings


def _suggested(item: str, packages: Mapping[str, Package]) -> str:
    """The package id :func:`did_you_mean` suggests (its words stripped)."""
    return did_you_mean(item, packages).removeprefix("; did you mean '").rstrip("'?")
