"""Results of planning: work packages, the schedule, money, shares and the
projection. Plain frozen dataclasses built by ``planner.planning`` and read
by the renderers; ``to_dict`` gives the JSON contracts of docs/cli.md
(``planner/plan/v1`` and ``planner/costs/v1``).

Money is ``Decimal`` everywhere; fractions of a cost key are exact
``Fraction`` s, so shares add up to the total to the øre.
"""

from __future__ import annotations

from dataclasses import field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from planner.models.frozen import frozen
from planner.models.matrix import Matrix
from planner.models.notice import notice_details
from planner.units import Period, format_money

__all__ = [
    "CostKey",
    "CostsResult",
    "Frame",
    "MunicipalYear",
    "Package",
    "Phase",
    "Placement",
    "PlanResult",
    "Projection",
    "ProjectionYear",
    "Share",
    "Totals",
    "YearTotal",
]

ZERO = Decimal(0)
PackageKind = Literal[
    "link", "datacenter", "move", "harmonise", "introduce", "close", "hand-written"
]


@frozen
class CostKey:
    """A cost-sharing key: an optional fixed ``base`` per municipality (the
    D-IKT form), the rest split by ``weights`` (criterion -> fraction,
    adding up to 1). With ``operating``, this key splits investments (and
    their capital cost) and ``operating`` the operating and running costs."""

    weights: tuple[tuple[str, Decimal], ...]
    base: Decimal = ZERO
    operating: CostKey | None = None
    # Non-owner customers' fixed yearly payments, deducted before the split.
    fixed: tuple[tuple[str, Decimal], ...] = ()

    def for_kind(self, kind: str) -> CostKey:
        """The key for ``investment``/``capital`` or the other kinds."""
        if self.operating is None or kind in ("investment", "capital"):
            return replace(self, operating=None)
        return self.operating

    def to_dict(self) -> dict[str, Any]:
        if self.operating is not None:
            return {
                "investment": self.for_kind("investment").to_dict(),
                "operating": self.operating.to_dict(),
            }
        out: dict[str, Any] = {c: float(w) for c, w in self.weights}
        if self.base:
            out["base"] = self.base
        if self.fixed:
            out["fixed"] = dict(self.fixed)
        return out

    def describe(self) -> str:
        """``'50 % equal, 50 % population'`` (with ``base 2 000 000 + ``)."""
        if self.operating is not None:
            return (
                f"investment: {self.for_kind('investment').describe()}; "
                f"operating: {self.operating.describe()}"
            )
        parts = ", ".join(f"{_percent(w)} % {c}" for c, w in self.weights)
        if self.base:
            parts = f"base {format_money(self.base)} per municipality + {parts}"
        if self.fixed:
            paid = ", ".join(f"{c} {format_money(v)}" for c, v in self.fixed)
            parts = f"{parts}, after the fixed yearly {paid}"
        return parts


def _percent(w: Decimal) -> str:
    return f"{(w * 100).normalize():f}"


@frozen
class Package:
    """One work package, generated from a gap or written by hand.

    ``effort`` is FTE in each phase of its ``duration``; ``investment`` and
    ``operating`` (one-off costs paid from the operating budget) fall in the
    phase it starts in; ``per_year`` is a running cost it adds once in
    service (from the phase after its last), ``saving_per_year`` a saving.
    """

    id: str
    name: str
    kind: PackageKind
    reason: str
    generated: bool
    investment: Decimal = ZERO
    operating: Decimal = ZERO
    per_year: Decimal = ZERO
    saving_per_year: Decimal = ZERO
    effort: float = 0.0
    duration: int = 1
    depends_on: tuple[str, ...] = ()
    not_before: Period | None = None
    deadline: Period | None = None
    services: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    # A unit cost: the one municipality that pays all of it (None: a common
    # cost, split by the key).
    paid_by: str | None = None
    # Higher first among the packages ready to schedule (default 0).
    priority: int = 0
    # The gaps ``(kind, subject)`` the package works on; a gap is closed
    # when every package working on it is done (the phase diagrams).
    closes: tuple[tuple[str, str], ...] = ()


@frozen
class Frame:
    """The planning frame: phases, strategy and caps (from the plan file,
    overridden on the command line)."""

    start: Period
    phase: str = "half-year"
    strategy: str = "evolution"
    budget_investment: Decimal | None = None
    budget_operating: Decimal | None = None
    staff: float | None = None
    uncertainty: Decimal = ZERO

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": str(self.start),
            "phase": self.phase,
            "strategy": self.strategy,
            "budget_per_phase": {
                "investment": self.budget_investment,
                "operating": self.budget_operating,
            },
            "staff_per_phase": self.staff,
            "uncertainty": float(self.uncertainty),
        }


@frozen
class Placement:
    """A package placed in phases ``start`` .. ``end`` (inclusive)."""

    package: Package
    start: Period
    end: Period

    def to_dict(self) -> dict[str, Any]:
        p = self.package
        return {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "phase_start": str(self.start),
            "phase_end": str(self.end),
            "investment": p.investment,
            "operating": p.operating,
            "per_year": p.per_year,
            "saving_per_year": p.saving_per_year,
            "in_service": str(self.end.shift(1)),
            "effort": p.effort,
            "duration": p.duration,
            "depends_on": sorted(p.depends_on),
            "not_before": str(p.not_before) if p.not_before else None,
            "deadline": str(p.deadline) if p.deadline else None,
            "services": sorted(p.services),
            "municipalities": sorted(p.municipalities),
            "paid_by": p.paid_by,
            "priority": p.priority,
            "generated": p.generated,
            "reason": p.reason,
        }


@frozen
class Phase:
    """One phase: the packages starting in it, their money, and the effort
    of every package running in it. ``overrun`` is what exceeds the caps
    (big-bang, or a package too big for a phase on its own)."""

    period: Period
    packages: tuple[str, ...]
    investment: Decimal
    operating: Decimal
    effort: float
    contingency: Decimal
    overrun: dict[str, Decimal | float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.period),
            "start": self.period.start_date(),
            "work_packages": list(self.packages),
            "investment": self.investment,
            "operating": self.operating,
            "effort": self.effort,
            "contingency": self.contingency,
            "overrun": dict(self.overrun),
        }


@frozen
class YearTotal:
    """One year's money: the one-off ``investment`` and ``operating`` of
    the packages starting in it (the contingency is on these), the
    ``running`` costs and ``savings`` of the packages in service, and the
    ``capital`` cost (annuities) when the investment is financed."""

    investment: Decimal = ZERO
    operating: Decimal = ZERO
    contingency: Decimal = ZERO
    running: Decimal = ZERO
    savings: Decimal = ZERO
    capital: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        """What the plan costs in the year: one-off and running."""
        return self.investment + self.operating + self.running

    def to_dict(self) -> dict[str, Any]:
        return {
            "investment": self.investment,
            "operating": self.operating,
            "contingency": self.contingency,
            "running": self.running,
            "savings": self.savings,
            "capital": self.capital,
        }


@frozen
class Totals:
    investment: Decimal
    operating: Decimal
    contingency: Decimal
    per_year: Decimal
    by_year: dict[int, YearTotal]
    running: Decimal = ZERO
    savings: Decimal = ZERO
    capital: Decimal = ZERO
    saving_per_year: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        """The one-off costs (v1's ``total``): investment and operating."""
        return self.investment + self.operating

    def to_dict(self) -> dict[str, Any]:
        return {
            "investment": self.investment,
            "operating": self.operating,
            "total": self.total,
            "contingency": self.contingency,
            "per_year": self.per_year,
            "saving_per_year": self.saving_per_year,
            "running": self.running,
            "savings": self.savings,
            "capital": self.capital,
            "by_year": {str(y): t.to_dict() for y, t in sorted(self.by_year.items())},
        }


@frozen
class Share:
    """One municipality's share: its exact fraction of the key and the
    amounts, rounded so that the shares add up to each total."""

    municipality: str
    name: str
    fraction: Fraction
    amounts: dict[str, Decimal]

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "fraction": float(self.fraction),
            **self.amounts,
        }


@frozen
class ProjectionYear:
    """One year of the projection: the 0-alternative (``baseline``) against
    cooperation (operating cost after efficiency gains, plus establishment)."""

    year: int
    baseline: Decimal
    efficiency: Decimal | None
    establishment: Decimal
    cooperation: Decimal
    saving: Decimal
    cumulative: Decimal
    running: Decimal = ZERO
    savings: Decimal = ZERO
    capital: Decimal = ZERO
    staff_without: float | None = None
    staff_with: float | None = None
    # The servers' reinvestment in each series (None: no lifecycle section).
    reinvestment: Decimal | None = None
    reinvestment_with: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "year": self.year,
            "staff_without": self.staff_without,
            "staff_with": self.staff_with,
            "baseline": self.baseline,
            "efficiency": None if self.efficiency is None else float(self.efficiency),
            "establishment": self.establishment,
            "running": self.running,
            "savings": self.savings,
            "capital": self.capital,
            "cooperation": self.cooperation,
            "saving": self.saving,
            "cumulative": self.cumulative,
        }
        if self.reinvestment is not None:
            out["reinvestment"] = self.reinvestment
            out["reinvestment_with"] = self.reinvestment_with
        return out


@frozen
class MunicipalYear:
    """One municipality's cost in one projection year: ``without``
    cooperation (its own budget grown; None without a budget) and ``with``
    it (its unit costs and its key share of the cooperation's cost)."""

    municipality: str
    year: int
    without: Decimal | None
    with_: Decimal
    # With the target's lifecycle: its part of the projection's
    # reinvestment (in ``without``) and reinvestment_with (in ``with_``).
    reinvestment: Decimal | None = None
    reinvestment_with: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        saving = None if self.without is None else self.without - self.with_
        out: dict[str, Any] = {
            "year": self.year,
            "without": self.without,
            "with": self.with_,
            "saving": saving,
        }
        if self.reinvestment is not None:
            out["reinvestment"] = self.reinvestment
            out["reinvestment_with"] = self.reinvestment_with
        return out


@frozen
class Projection:
    years: tuple[ProjectionYear, ...]
    growth: Decimal
    break_even: int | None
    # What the projection could not show (costs after ``until``): warnings.
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "growth": float(self.growth),
            "break_even": self.break_even,
            "years": [y.to_dict() for y in self.years],
        }


@frozen
class PlanResult:
    """A phased plan: what the renderers show and ``planner/plan/v1``."""

    region: str
    region_name: str
    currency: str
    frame: Frame
    key: CostKey
    phases: tuple[Phase, ...]
    placements: tuple[Placement, ...]
    totals: Totals
    shares: tuple[Share, ...]
    projection: Projection | None
    warnings: tuple[str, ...]
    by_municipality: tuple[MunicipalYear, ...] = ()
    # The system overview of the inventory, for the workbook (not in JSON).
    matrix: Matrix | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/plan/v1",
            "region": self.region,
            "currency": self.currency,
            "settings": self.frame.to_dict(),
            "cost_key": self.key.to_dict(),
            "phases": [p.to_dict() for p in self.phases],
            "work_packages": [p.to_dict() for p in self.placements],
            "totals": self.totals.to_dict(),
            "shares": [s.to_dict() for s in self.shares],
            "projection": None
            if self.projection is None
            else self.projection.to_dict(),
            "warnings": list(self.warnings),
            "warning_details": notice_details(self.warnings),
            "by_municipality": _by_municipality(self.by_municipality),
        }


def _by_municipality(rows: tuple[MunicipalYear, ...]) -> list[dict[str, Any]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.municipality, []).append(r.to_dict())
    return [{"municipality": m, "years": years} for m, years in out.items()]


@frozen
class CostsResult:
    """``planner costs``: one amount split by a key."""

    region: str
    currency: str
    amount: Decimal
    key: CostKey
    shares: tuple[Share, ...]
    year: int | None = None  # the populations' year (--year)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/costs/v1",
            "region": self.region,
            "currency": self.currency,
            "amount": self.amount,
            "key": self.key.to_dict(),
            "year": self.year,
            "shares": [s.to_dict() for s in self.shares],
        }
