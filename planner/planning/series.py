"""The plan's money year by year: what a package costs or saves once it is
in service, and what financing the investment costs.

A package is *in service* from the start of the phase after its last phase;
its ``per_year`` (running cost) and ``saving_per_year`` accrue from then,
pro rata by months (a quarter is 1/4 year, a half-year 1/2), so a link
upgraded in 2007H1 costs half its yearly price in 2007 and the whole of it
from 2008. Phases are whole quarters, half-years or years, so every share
of a year is a multiple of 1/4 and the amounts stay exact decimals.

With financing, each year's investment is an annuity loan paid from the
next year on: ``payment = I x r / (1 - (1 + r)^-n)`` (``I / n`` at 0 %),
rounded half up to whole currency units.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cached_property

from planner.models.frozen import frozen
from planner.models.planresult import Placement
from planner.units import Period

__all__ = [
    "PlanSeries",
    "accrued",
    "annuity",
    "capital_by_year",
    "in_service",
    "plan_series",
]

ZERO = Decimal(0)


def in_service(x: Placement) -> Period:
    """The phase from whose start the package's work is in service."""
    return x.end.shift(1)


def accrued(per_year: Decimal, since: Period, year: int) -> Decimal:
    """The part of ``per_year`` that falls in ``year`` when it runs from the
    start of ``since`` on."""
    months = max(0, min(12, (year + 1) * 12 - since.start_month))
    if not months or not per_year:
        return ZERO
    value = per_year * months / 12
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def annuity(amount: Decimal, rate: Decimal, years: int) -> Decimal:
    """The yearly payment of a loan of ``amount`` over ``years`` at ``rate``,
    to whole currency units (half up)."""
    with localcontext() as ctx:
        ctx.prec = 60
        if not rate:
            payment = amount / years
        else:
            payment = amount * rate / (1 - (1 + rate) ** -years)
        return payment.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def capital_by_year(
    investment: Mapping[int, Decimal], rate: Decimal, years: int
) -> dict[int, Decimal]:
    """Each year's payments on the loans of every earlier year's investment."""
    out: dict[int, Decimal] = defaultdict(Decimal)
    for year, amount in investment.items():
        if not amount:
            continue
        payment = annuity(amount, rate, years)
        for k in range(1, years + 1):
            out[year + k] += payment
    return dict(sorted(out.items()))


@frozen
class Stream:
    """A yearly amount from the start of ``since`` on."""

    package: str
    since: Period
    per_year: Decimal = ZERO
    saving_per_year: Decimal = ZERO


@frozen
class PlanSeries:
    """What the projection needs of a plan: the one-off costs per year
    (``establishment``: investment and operating, or operating only when
    the investment is financed), the running costs and savings of the
    packages in service, the capital cost of financing, and when each
    package is in service."""

    establishment: Mapping[int, Decimal] = field(default_factory=dict)
    streams: tuple[Stream, ...] = ()
    capital: Mapping[int, Decimal] = field(default_factory=dict)
    in_service: Mapping[str, Period] = field(default_factory=dict)
    # The capital cost of each payer's unit investments (None: the common).
    capital_by_payer: Mapping[str | None, Mapping[int, Decimal]] = field(
        default_factory=dict
    )
    # Each common package's own loan (weights for program-users only: the
    # payments are of each year's whole investment).
    capital_by_package: Mapping[str, Mapping[int, Decimal]] = field(
        default_factory=dict
    )

    def running(self, year: int) -> Decimal:
        return _total(self._running, year)

    def savings(self, year: int) -> Decimal:
        return _total(self._savings, year)

    @cached_property
    def _running(self) -> list[tuple[Decimal, Period, int]]:
        return _alike((s.per_year, s.since) for s in self.streams)

    @cached_property
    def _savings(self) -> list[tuple[Decimal, Period, int]]:
        return _alike((s.saving_per_year, s.since) for s in self.streams)

    def last_year(self) -> int | None:
        """The first year in which every stream runs the whole year, or the
        last capital payment, whichever is later."""
        years = [
            s.since.year + (s.since.start_month % 12 != 0)
            for s in self.streams
            if s.per_year or s.saving_per_year
        ]
        years += list(self.capital)
        return max(years, default=None)


def _alike(
    streams: Iterable[tuple[Decimal, Period]],
) -> list[tuple[Decimal, Period, int]]:
    """``(amount, since, how many)`` of the streams alike: a national plan's
    9,000 link upgrades are a handful of prices (the target's own Decimal
    objects) from a handful of phases. Alike is the same object, so the
    same digits: ``12.50`` and ``12.5`` are equal but accrue with their own
    exponents. Zero amounts accrue nothing and are left out."""
    counts: Counter[tuple[int, Period]] = Counter()
    amounts: dict[int, Decimal] = {}
    for amount, since in streams:
        if amount:
            amounts[id(amount)] = amount
            counts[id(amount), since] += 1
    return [(amounts[a], since, n) for (a, since), n in counts.items()]


def _total(alike: list[tuple[Decimal, Period, int]], year: int) -> Decimal:
    """The sum over the streams of what accrues in ``year``: each amount
    times its count, exactly the sum of the copies (phases are whole
    quarters, so every accrued amount is an exact decimal)."""
    return sum((accrued(a, since, year) * n for a, since, n in alike), ZERO)


def plan_series(
    placements: Sequence[Placement],
    investment: Mapping[int, Decimal],
    operating: Mapping[int, Decimal],
    financing: tuple[Decimal, int] | None = None,
) -> PlanSeries:
    """The series of a schedule; ``financing`` is ``(rate, years)``. The
    common investment and each payer's unit investments are separate
    loans, so every municipality's capital cost is its own."""
    years = sorted(set(investment) | set(operating))
    capital: dict[int, Decimal] = {}
    by_payer: dict[str | None, dict[int, Decimal]] = {}
    by_package: dict[str, dict[int, Decimal]] = {}
    if financing is not None:
        by_package = {
            x.package.id: capital_by_year(
                {x.start.year: x.package.investment}, *financing
            )
            for x in placements
            if x.package.paid_by is None and x.package.investment
        }
        loans: dict[str | None, dict[int, Decimal]] = defaultdict(
            lambda: defaultdict(Decimal)
        )
        for x in placements:
            loans[x.package.paid_by][x.start.year] += x.package.investment
        by_payer = {
            payer: capital_by_year(loan, *financing)
            for payer, loan in sorted(loans.items(), key=lambda kv: kv[0] or "")
        }
        total: dict[int, Decimal] = defaultdict(Decimal)
        for paid in by_payer.values():
            for y, v in paid.items():
                total[y] += v
        capital = dict(sorted(total.items()))
        establishment = {y: operating.get(y, ZERO) for y in years}
    else:
        establishment = {
            y: investment.get(y, ZERO) + operating.get(y, ZERO) for y in years
        }
    # One period object per phase the packages end in (placements share
    # their periods), so thousands of streams share a few.
    after = functools.cache(Period.shift)
    since = [after(x.end, 1) for x in placements]  # in_service(x)
    return PlanSeries(
        establishment=establishment,
        streams=tuple(
            Stream(
                x.package.id,
                s,
                x.package.per_year,
                x.package.saving_per_year,
            )
            for x, s in zip(placements, since, strict=True)
            if x.package.per_year or x.package.saving_per_year
        ),
        capital=capital,
        in_service={x.package.id: s for x, s in zip(placements, since, strict=True)},
        capital_by_payer=by_payer,
        capital_by_package=by_package,
    )
