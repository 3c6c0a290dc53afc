"""The 0-alternative against cooperation, year by year.

As in the Region Vest study: without cooperation the operating cost grows
from the base year's accounts by a yearly rate (13 %: 10 % volume, 3 %
inflation); with cooperation it is the same cost less an efficiency gain
per year (0 % in 2013, 3 % in 2014, ...), plus the establishment costs. The
Melhus study gives both series as figures instead; explicit figures
(``baseline``, ``cooperation``) take precedence over the rates.

With ``establishment: plan`` the plan's money enters year by year: the
one-off costs, the running costs of the packages in service, their savings
and, when the investment is financed, the capital cost instead of the lump
investment: cooperation = baseline x (1 - gain) - savings + establishment
+ running + capital. Gains may follow the plan instead of the calendar
(``efficiency: {after: datacenter, gains: [0%, 3%, ...]}``: the gains of
the first, second, ... full calendar year the package is in service), so a
plan that slips gains later too. It then breaks even no earlier as long as
it spends nothing, net, in its last losing years (docs/planning.md, "When a
later start cannot break even earlier"): costs are nominal and the gains a
share of a growing 0-alternative, so a plan whose costs outrun its first
gains rightly pays back sooner when started later.

Each year's figures are rounded to whole currency units (half up), from the
exact compound growth, so rounding never accumulates. The break-even year
is the first year from which the cumulative saving stays at or above zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from planner.errors import UsageError
from planner.models.inventory import Inventory
from planner.models.notice import Notice
from planner.models.plan import EfficiencyAfter, ProjectionFile
from planner.models.planresult import Projection, ProjectionYear
from planner.planning.reinvestment import Reinvestment
from planner.planning.series import PlanSeries
from planner.planning.staff import staff_with, staff_without
from planner.units import format_money

__all__ = ["project"]

ZERO = Decimal(0)


def project(
    settings: ProjectionFile,
    plan: PlanSeries | Mapping[int, Decimal],
    inventory: Inventory | None = None,
    reinvestment: Reinvestment | None = None,
) -> Projection:
    """The projection from ``settings``; ``plan`` is the plan's money year
    by year (a mapping: its establishment cost only). It is used with
    ``establishment: plan``; gains ``after:`` a package use its schedule.
    ``reinvestment`` (the target has a lifecycle section): the servers due,
    replaced in the 0-alternative, and in cooperation only those it keeps."""
    series = plan if isinstance(plan, PlanSeries) else PlanSeries(dict(plan))
    from_plan = settings.establishment == "plan"
    establishment = _establishment(settings, series.establishment)
    capital = dict(series.capital) if from_plan else {}
    first_gain = _first_gain_year(settings, series)
    last = settings.until or _last_year(settings, series, establishment, first_gain)
    renewal: tuple[dict[int, Decimal], dict[int, Decimal], tuple[str, ...]] = (
        reinvestment.by_year(settings.base_year, last)
        if reinvestment is not None
        else ({}, {}, ())
    )
    years = []
    cumulative = ZERO
    for year in range(settings.base_year, last + 1):
        grown = _baseline(settings, year)
        efficiency = _gain(settings.efficiency, year, first_gain)
        cooperating = efficiency is not None or year in settings.cooperation
        renew = renewal[0].get(year, ZERO)
        # Before cooperation starts, it replaces every server due too.
        renew_with = renewal[1].get(year, ZERO) if cooperating else renew
        baseline = _round(grown + renew) if renew else grown
        spent = establishment.get(year, ZERO)
        running = series.running(year) if from_plan else ZERO
        savings = series.savings(year) if from_plan else ZERO
        paid = capital.get(year, ZERO)
        cooperation = _cooperation(settings, year, grown, efficiency)
        cooperation = _round(
            cooperation - savings + spent + running + paid + renew_with
        )
        saving = baseline - cooperation
        cumulative += saving
        without = staff_without(settings, inventory, year)
        years.append(
            ProjectionYear(
                year,
                baseline,
                efficiency,
                spent,
                cooperation,
                saving,
                cumulative,
                running=running,
                savings=savings,
                capital=paid,
                staff_without=without,
                staff_with=staff_with(settings, without, cooperating, year),
                reinvestment=None if reinvestment is None else renew,
                reinvestment_with=None if reinvestment is None else renew_with,
            )
        )
    notes = (*_dropped(settings, establishment, capital, last), *renewal[2])
    return Projection(tuple(years), settings.growth, _break_even(years), notes)


def _first_gain_year(settings: ProjectionFile, series: PlanSeries) -> int | None:
    """The first full calendar year the ``after`` package is in service."""
    eff = settings.efficiency
    if not isinstance(eff, EfficiencyAfter):
        return None
    since = series.in_service.get(eff.after)
    if since is None:
        raise UsageError(
            f"projection: efficiency after '{eff.after}', which is not a work "
            "package of this plan"
        )
    return since.year + (since.start_month % 12 != 0)


def _last_year(
    settings: ProjectionFile,
    series: PlanSeries,
    establishment: Mapping[int, Decimal],
    first_gain: int | None,
) -> int:
    eff = settings.efficiency
    gains: list[int] = []
    if isinstance(eff, EfficiencyAfter):
        if first_gain is not None:
            gains = [first_gain + len(eff.gains) - 1]
    else:
        gains = list(eff)
    plan_last = series.last_year() if settings.establishment == "plan" else None
    return max(
        [
            settings.base_year,
            *settings.baseline,
            *gains,
            *settings.cooperation,
            *establishment,
            *([plan_last] if plan_last is not None else []),
        ]
    )


def _dropped(
    settings: ProjectionFile,
    establishment: Mapping[int, Decimal],
    capital: Mapping[int, Decimal],
    last: int,
) -> tuple[str, ...]:
    """Warnings for one-off and capital costs after ``until``: the
    projection does not show them, and its break-even may be too early."""
    out = []
    for what, series in (("establishment", establishment), ("capital", capital)):
        late = {y: v for y, v in series.items() if y > last and v}
        if late:
            total = sum(late.values(), ZERO)
            out.append(
                Notice(
                    f"projection: until {last} leaves out {what} costs of "
                    f"{format_money(total)} in {', '.join(map(str, sorted(late)))}; "
                    f"set until: {max(late)} or later to count them",
                    "projection_leaves_out",
                    what=what,
                    until=last,
                    amount=total,
                    years=sorted(late),
                )
            )
    return tuple(out)


def _establishment(
    settings: ProjectionFile, plan_by_year: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    if settings.establishment == "plan":
        return {y: v for y, v in plan_by_year.items() if v}
    if settings.establishment == "none":
        return {}
    return dict(settings.establishment)


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _baseline(settings: ProjectionFile, year: int) -> Decimal:
    """The explicit figure, else grown from the latest figure before."""
    if year in settings.baseline:
        return settings.baseline[year]
    anchors = {y: v for y, v in settings.baseline.items() if y < year}
    if settings.base_cost is not None and settings.base_year not in settings.baseline:
        anchors[settings.base_year] = settings.base_cost
    anchor = max(y for y in anchors if y <= year)
    with localcontext() as ctx:
        ctx.prec = 60
        grown = anchors[anchor] * (1 + settings.growth) ** (year - anchor)
        return _round(grown)


def _gain(
    gains: Mapping[int, Decimal] | EfficiencyAfter, year: int, first: int | None
) -> Decimal | None:
    """This year's gain; after the last year given the last gain holds;
    before the first, there is no cooperation yet (None)."""
    if isinstance(gains, EfficiencyAfter):
        if first is None or year < first:
            return None
        return gains.gains[min(year - first, len(gains.gains) - 1)]
    given = [y for y in gains if y <= year]
    return gains[max(given)] if given else None


def _cooperation(
    settings: ProjectionFile, year: int, baseline: Decimal, gain: Decimal | None
) -> Decimal:
    if year in settings.cooperation:
        return settings.cooperation[year]
    if gain is None:
        return baseline
    return _round(baseline * (1 - gain))


def _break_even(years: list[ProjectionYear]) -> int | None:
    negative = [i for i, y in enumerate(years) if y.cumulative < 0]
    if not negative:
        return next((y.year for y in years if y.saving > 0), None)
    after = negative[-1] + 1
    return years[after].year if after < len(years) else None
