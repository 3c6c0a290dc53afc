"""The plan settings format (``planner/plan/v1``): the planning frame and
hand-written work packages."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from planner.models.common import (
    FTE,
    Custom,
    Id,
    Model,
    Money,
    Percentage,
    PeriodValue,
)

__all__ = ["CRITERIA", "Budget", "PlanFile", "WorkPackage"]

CRITERIA = ("equal", "population", "workstations", "employees", "users")
Criterion = Literal["equal", "population", "workstations", "employees", "users"]


class Budget(Model):
    investment: Money | None = None
    operating: Money | None = None


class WorkPackage(Model):
    id: Id
    name: str | None = None
    investment: Money = Decimal(0)
    operating: Money = Decimal(0)
    effort: FTE = 0.0
    duration: int = Field(default=1, ge=1, le=200)
    depends_on: list[Id] = []
    not_before: PeriodValue | None = None
    deadline: PeriodValue | None = None
    services: list[Id] = []
    custom: Custom = None


class PlanFile(Model):
    schema_: Literal["planner/plan/v1"] = Field(
        default="planner/plan/v1", alias="schema"
    )
    start: PeriodValue | None = None
    phase: Literal["quarter", "half-year", "year"] = "half-year"
    strategy: Literal["evolution", "big-bang"] = "evolution"
    generate: bool = True
    budget_per_phase: Budget | None = None
    staff_per_phase: FTE | None = None
    uncertainty: Percentage = Decimal(0)
    cost_key: dict[Criterion, Percentage] = {"equal": Decimal(1)}
    work_packages: list[WorkPackage] = []
    custom: Custom = None

    @field_validator("cost_key")
    @classmethod
    def _key_adds_up(cls, key: dict[str, Decimal]) -> dict[str, Decimal]:
        total = sum(key.values(), Decimal(0))
        if total != 1:
            raise ValueError(
                f"the cost key adds up to {(total * 100).normalize():f} %, not 100 %: "
                "adjust the percentages"
            )
        return key
