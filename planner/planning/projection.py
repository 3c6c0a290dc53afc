"""The 0-alternative against cooperation, year by year.

As in the Region Vest study: without cooperation the operating cost grows
from the base year's accounts by a yearly rate (13 %: 10 % volume, 3 %
inflation); with cooperation it is the same cost less an efficiency gain
per year (0 % in 2013, 3 % in 2014, ...), plus the establishment costs. The
Melhus study gives both series as figures instead; explicit figures
(``baseline``, ``cooperation``) take precedence over the rates.

Each year's figures are rounded to whole currency units (half up), from the
exact compound growth, so rounding never accumulates. The break-even year
is the first year from which the cumulative saving stays at or above zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from planner.models.plan import ProjectionFile
from planner.models.planresult import Projection, ProjectionYear

__all__ = ["project"]

ZERO = Decimal(0)


def project(
    settings: ProjectionFile, plan_by_year: Mapping[int, Decimal]
) -> Projection:
    """The projection from ``settings``; ``plan_by_year`` is the plan's
    establishment cost per year (used with ``establishment: plan``)."""
    establishment = _establishment(settings, plan_by_year)
    last = settings.until or max(
        [
            settings.base_year,
            *settings.baseline,
            *settings.efficiency,
            *settings.cooperation,
            *establishment,
        ]
    )
    years = []
    cumulative = ZERO
    for year in range(settings.base_year, last + 1):
        baseline = _baseline(settings, year)
        efficiency = _efficiency(settings.efficiency, year)
        spent = establishment.get(year, ZERO)
        cooperation = _cooperation(settings, year, baseline, efficiency) + spent
        saving = baseline - cooperation
        cumulative += saving
        years.append(
            ProjectionYear(
                year, baseline, efficiency, spent, cooperation, saving, cumulative
            )
        )
    return Projection(tuple(years), settings.growth, _break_even(years))


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


def _efficiency(gains: Mapping[int, Decimal], year: int) -> Decimal | None:
    """This year's gain; after the last year given the last gain holds;
    before the first, there is no cooperation yet (None)."""
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
