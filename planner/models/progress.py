"""Results of following up a plan (``planner progress``): each work
package's status and re-forecast, and the budget against the actuals.
``to_dict`` gives ``planner/progress/v1``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from planner.models.frozen import frozen
from planner.units import Period

__all__ = [
    "ActualLine",
    "Actuals",
    "ActualsRow",
    "PackageProgress",
    "Progress",
    "Status",
]

Status = Literal["done", "late", "due", "planned"]


def share(overrun: Decimal, budget: Decimal) -> float | None:
    """``overrun / budget`` to six decimals (None without a budget)."""
    return None if not budget else round(float(overrun / budget), 6)


@frozen
class ActualsRow:
    """One line of an actuals file as read (``line`` is its line number)."""

    item: str
    year: int
    budget: Decimal
    actual: Decimal
    line: int


@frozen
class ActualLine:
    """One budget line or work package: budget, actual and the overrun;
    for a work package also the plan's cost (investment + operating)."""

    item: str
    year: int
    kind: Literal["work_package", "budget_line"]
    budget: Decimal
    actual: Decimal
    planned: Decimal | None = None

    @property
    def overrun(self) -> Decimal:
        return self.actual - self.budget

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "item": self.item,
            "year": self.year,
            "kind": self.kind,
            "budget": self.budget,
            "actual": self.actual,
            "overrun": self.overrun,
            "overrun_share": share(self.overrun, self.budget),
            "planned": self.planned,
            "against_plan": None
            if self.planned is None
            else self.actual - self.planned,
        }
        return out


@frozen
class Actuals:
    lines: tuple[ActualLine, ...]

    @property
    def budget(self) -> Decimal:
        return sum((x.budget for x in self.lines), Decimal(0))

    @property
    def actual(self) -> Decimal:
        return sum((x.actual for x in self.lines), Decimal(0))

    def to_dict(self) -> dict[str, Any]:
        overrun = self.actual - self.budget
        return {
            "lines": [x.to_dict() for x in self.lines],
            "total": {
                "budget": self.budget,
                "actual": self.actual,
                "overrun": overrun,
                "overrun_share": share(overrun, self.budget),
            },
        }


@frozen
class PackageProgress:
    """A work package against the plan: ``status`` and the forecast only
    when today's inventory was given; ``slip`` in phases (forecast end
    minus planned end)."""

    id: str
    name: str
    phase_start: Period
    phase_end: Period
    cost: Decimal
    status: Status | None = None
    forecast_start: Period | None = None
    forecast_end: Period | None = None
    slip: int | None = None
    open_gaps: tuple[tuple[str, str], ...] = ()
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "phase_start": str(self.phase_start),
            "phase_end": str(self.phase_end),
            "cost": self.cost,
            "status": self.status,
            "forecast_start": _text(self.forecast_start),
            "forecast_end": _text(self.forecast_end),
            "slip": self.slip,
            "open_gaps": [{"kind": k, "subject": s} for k, s in self.open_gaps],
            "status_inferred": self.inferred,
        }


def _text(p: Period | None) -> str | None:
    return None if p is None else str(p)


@frozen
class Progress:
    region: str
    currency: str
    as_of: Period | None
    work_packages: tuple[PackageProgress, ...]
    finish: Period | None
    forecast_finish: Period | None
    slip: int | None
    break_even: int | None
    forecast_break_even: int | None
    actuals: Actuals | None
    warnings: tuple[str, ...]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(("done", "late", "due", "planned"), 0)
        for p in self.work_packages:
            if p.status is not None:
                out[p.status] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/progress/v1",
            "region": self.region,
            "currency": self.currency,
            "as_of": _text(self.as_of),
            "status": self.counts() if self.as_of is not None else None,
            "finish": _text(self.finish),
            "forecast_finish": _text(self.forecast_finish),
            "slip": self.slip,
            "break_even": self.break_even,
            "forecast_break_even": self.forecast_break_even,
            "work_packages": [p.to_dict() for p in self.work_packages],
            "actuals": None if self.actuals is None else self.actuals.to_dict(),
            "warnings": list(self.warnings),
        }
