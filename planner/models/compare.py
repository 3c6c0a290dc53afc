"""Results of ``planner compare``: each scenario's figures side by side
(``planner/compare/v1``). Every money figure is read from the scenario's
:class:`~planner.models.planresult.PlanResult`, so the comparison shows
what ``planner plan`` gives for that scenario alone."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.models.frozen import frozen
from planner.models.planresult import PlanResult
from planner.units import Period

__all__ = ["CompareResult", "MissedDeadline", "ScenarioResult"]


@frozen
class MissedDeadline:
    package: str
    finish: Period
    deadline: Period

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.package,
            "finish": str(self.finish),
            "deadline": str(self.deadline),
        }


@frozen
class ScenarioResult:
    """One scenario: its plan and the figures compared.

    ``npv`` is the net present value of the yearly cash flows (see
    ``planner.compare.npv``) from ``npv_from``; ``npv_basis`` says whether
    they are the projection's savings or the plan's costs."""

    name: str
    plan_file: str
    target_file: str | None
    without: tuple[str, ...]
    plan: PlanResult
    npv: Decimal
    npv_basis: str
    npv_from: int | None
    missed_deadlines: tuple[MissedDeadline, ...]
    worst_utilisation: float | None
    worst_link: str | None
    cut_off: tuple[str, ...]

    @property
    def start(self) -> Period | None:
        return self.plan.phases[0].period if self.plan.phases else None

    @property
    def finish(self) -> Period | None:
        return self.plan.phases[-1].period if self.plan.phases else None

    @property
    def break_even(self) -> int | None:
        p = self.plan.projection
        return None if p is None else p.break_even

    def to_dict(self) -> dict[str, Any]:
        t = self.plan.totals
        return {
            "name": self.name,
            "plan": self.plan_file,
            "target": self.target_file,
            "without": list(self.without),
            "settings": self.plan.frame.to_dict(),
            "investment": t.investment,
            "operating": t.operating,
            "per_year": t.per_year,
            "contingency": t.contingency,
            "total": t.total,
            "totals": t.to_dict(),
            "start": None if self.start is None else str(self.start),
            "finish": None if self.finish is None else str(self.finish),
            "phases": len(self.plan.phases),
            "work_packages": len(self.plan.placements),
            "break_even": self.break_even,
            "npv": self.npv,
            "npv_basis": self.npv_basis,
            "npv_from": self.npv_from,
            "missed_deadlines": [m.to_dict() for m in self.missed_deadlines],
            "worst_utilisation": None
            if self.worst_utilisation is None
            else round(self.worst_utilisation, 6),
            "worst_link": self.worst_link,
            "cut_off_by_one_failure": list(self.cut_off),
            "shares": [s.to_dict() for s in self.plan.shares],
            "warnings": list(self.plan.warnings),
        }


@frozen
class CompareResult:
    """The scenarios in the order given."""

    region: str
    region_name: str
    currency: str
    discount: Decimal
    scenarios: tuple[ScenarioResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/compare/v1",
            "region": self.region,
            "currency": self.currency,
            "discount": float(self.discount),
            "scenarios": [s.to_dict() for s in self.scenarios],
        }
