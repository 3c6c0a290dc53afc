"""The plan settings format (``planner/plan/v1``): the planning frame,
hand-written work packages, the cost key and the cost projection."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    PlainValidator,
    TypeAdapter,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from planner.models.common import (
    FTE,
    Custom,
    Id,
    Model,
    Money,
    Percentage,
    PeriodValue,
)

__all__ = [
    "CRITERIA",
    "Budget",
    "CostKeyFile",
    "Criterion",
    "EfficiencyAfter",
    "Financing",
    "PlanFile",
    "ProjectionFile",
    "WorkPackage",
]

CRITERIA = (
    "equal",
    "population",
    "workstations",
    "employees",
    "users",
    "program-users",
)
# program-users: each work package's cost by the users of its services
# (planner.planning.programs); elsewhere, as users.
Criterion = Literal[
    "equal", "population", "workstations", "employees", "users", "program-users"
]


def _adds_up(key: dict[str, Decimal]) -> dict[str, Decimal]:
    total = sum(key.values(), Decimal(0))
    if total != 1:
        raise ValueError(
            f"the cost key adds up to {(total * 100).normalize():f} %, not 100 %: "
            "adjust the percentages"
        )
    return key


class CostKeyFile(Model):
    """The D-IKT form: a fixed ``base`` per municipality, the rest split by
    the ``variable`` criteria (``{base: "2M", variable: {users: 100%}}``;
    ``variable: program-users`` is ``{program-users: 100%}``), after the
    ``fixed`` yearly payments of non-owner customers (``{vestviken-iks:
    500k}``)."""

    base: Money = Decimal(0)
    variable: dict[Criterion, Percentage]
    fixed: dict[Id, Money] = {}

    @field_validator("variable", mode="before")
    @classmethod
    def _one_criterion(cls, value: Any) -> Any:
        return {value: "100%"} if isinstance(value, str) else value

    @field_validator("variable")
    @classmethod
    def _variable_adds_up(cls, key: dict[str, Decimal]) -> dict[str, Decimal]:
        return _adds_up(key)


_CRITERIA: TypeAdapter[dict[Criterion, Decimal]] = TypeAdapter(
    dict[Criterion, Percentage]
)


def _either_form(value: Any) -> dict[Criterion, Decimal] | CostKeyFile:
    """The D-IKT form when the mapping names ``base`` or ``variable``, else
    the short form ``{equal: 50%, population: 50%}``. Validating each form
    here (rather than as a pydantic union) keeps an error's location the
    path the user wrote: ``cost_key.populaton``, not a union member's name."""
    if isinstance(value, CostKeyFile):
        return value
    if isinstance(value, dict) and ({"base", "variable", "fixed"} & set(value)):
        return CostKeyFile.model_validate(value)
    return _CRITERIA.validate_python(value)


_CRITERIA_SCHEMA = {
    "type": "object",
    "properties": {
        c: {"anyOf": [{"type": "number"}, {"type": "string"}]} for c in CRITERIA
    },
    "additionalProperties": False,
}
CostKeyValue = Annotated[
    dict[Criterion, Decimal] | CostKeyFile,
    PlainValidator(_either_form),
    WithJsonSchema(
        {
            "description": "criteria and their percentages, e.g. {equal: 50%, "
            "population: 50%}, or {base: '2M', variable: {users: 100%}}",
            "anyOf": [
                _CRITERIA_SCHEMA,
                {
                    "type": "object",
                    "properties": {
                        "base": {"anyOf": [{"type": "number"}, {"type": "string"}]},
                        "variable": {
                            "anyOf": [
                                _CRITERIA_SCHEMA,
                                {"type": "string", "enum": list(CRITERIA)},
                            ]
                        },
                        "fixed": {
                            "type": "object",
                            "additionalProperties": {
                                "anyOf": [{"type": "number"}, {"type": "string"}]
                            },
                        },
                    },
                    "required": ["variable"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]


class SplitKeyFile(Model):
    """Separate keys: ``investment`` for investments (and their capital
    cost), ``operating`` for operating and running costs (D-IKT splits its
    infrastructure investment otherwise than its operations)."""

    investment: CostKeyValue
    operating: CostKeyValue

    @field_validator("investment", "operating")
    @classmethod
    def _each_adds_up(
        cls, key: dict[str, Decimal] | CostKeyFile
    ) -> dict[str, Decimal] | CostKeyFile:
        return key if isinstance(key, CostKeyFile) else _adds_up(key)


def _key_forms(value: Any) -> dict[Criterion, Decimal] | CostKeyFile | SplitKeyFile:
    """``{investment: KEY, operating: KEY}``, else one key for all costs."""
    if isinstance(value, SplitKeyFile):
        return value
    if isinstance(value, dict) and ({"investment", "operating"} & set(value)):
        return SplitKeyFile.model_validate(value)
    return _either_form(value)


_ONE_KEY_SCHEMA: dict[str, Any] = CostKeyValue.__metadata__[1].json_schema  # type: ignore[attr-defined]
PlanKeyValue = Annotated[
    dict[Criterion, Decimal] | CostKeyFile | SplitKeyFile,
    PlainValidator(_key_forms),
    WithJsonSchema(
        {
            "description": "one key for all costs, or {investment: KEY, "
            "operating: KEY}",
            "anyOf": [
                _ONE_KEY_SCHEMA,
                {
                    "type": "object",
                    "properties": {
                        "investment": _ONE_KEY_SCHEMA,
                        "operating": _ONE_KEY_SCHEMA,
                    },
                    "required": ["investment", "operating"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]


class Budget(Model):
    investment: Money | None = None
    operating: Money | None = None


class WorkPackage(Model):
    id: Id
    name: str | None = None
    reason: str | None = None
    investment: Money = Decimal(0)
    operating: Money = Decimal(0)
    per_year: Money = Decimal(0)
    saving_per_year: Money = Decimal(0)
    effort: FTE = 0.0
    duration: int = Field(default=1, ge=1, le=200)
    depends_on: list[Id] = []
    not_before: PeriodValue | None = None
    deadline: PeriodValue | None = None
    services: list[Id] = []
    replace: list[Annotated[str, Field(pattern=r"^[a-z0-9*?][a-z0-9*?._-]*$")]] = []
    priority: int | None = Field(default=None, ge=-1000, le=1000)
    paid_by: Id | None = None
    # Patch the generated package of this id under the hand-written id:
    # what is not said here is kept (planner.planning.merge).
    extends: Id | None = None
    custom: Custom = None


Year = Annotated[int, Field(ge=1900, le=2200)]


class EfficiencyAfter(Model):
    """Gains that follow the plan: ``gains[i]`` is the gain of the
    (i+1)-th full calendar year in which package ``after`` is in service."""

    after: Id
    gains: list[Percentage] = Field(min_length=1)


class Financing(Model):
    """Each year's investment paid as an annuity loan from the next year on."""

    years: int = Field(ge=1, le=100)
    rate: Percentage


_GAINS: TypeAdapter[dict[int, Decimal]] = TypeAdapter(dict[Year, Percentage])


def _gains_form(value: Any) -> dict[int, Decimal] | EfficiencyAfter:
    """``{after: PACKAGE, gains: [...]}`` when the mapping names ``after`` or
    ``gains``, else the calendar form ``{2013: 0%, 2014: 3%}`` (validated
    here so an error's location is the path the user wrote)."""
    if isinstance(value, EfficiencyAfter):
        return value
    if isinstance(value, dict) and ({"after", "gains"} & set(value)):
        return EfficiencyAfter.model_validate(value)
    return _GAINS.validate_python(value)


_PCT_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string"}]}
EfficiencyValue = Annotated[
    dict[int, Decimal] | EfficiencyAfter,
    PlainValidator(_gains_form),
    WithJsonSchema(
        {
            "description": "gains by calendar year ({2013: 0%, 2014: 3%}) or by "
            "full year in service of a package ({after: datacenter, gains: [0%, 3%]})",
            "anyOf": [
                {
                    "type": "object",
                    "patternProperties": {"^[0-9]{4}$": _PCT_SCHEMA},
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "properties": {
                        "after": {"type": "string"},
                        "gains": {"type": "array", "items": _PCT_SCHEMA},
                    },
                    "required": ["after", "gains"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]


class ProjectionFile(Model):
    """The 0-alternative against cooperation, year by year (Region Vest,
    Melhus): see docs/planning.md."""

    base_year: Year
    base_cost: Money | None = None
    growth: Percentage = Decimal(0)
    baseline: dict[Year, Money] = {}
    efficiency: EfficiencyValue = {}
    cooperation: dict[Year, Money] = {}
    establishment: Literal["plan", "none"] | dict[Year, Money] = "plan"
    # IT staff (FTE): without cooperation by year (else the inventory's
    # it_staff grown by growth), and the cooperation's own staff.
    staff_without: dict[Year, FTE] = {}
    staff_growth: Percentage | None = None  # default: growth
    staff: FTE | dict[Year, FTE] | None = None
    until: Year | None = None
    custom: Custom = None

    @model_validator(mode="after")
    def _has_a_baseline(self) -> ProjectionFile:
        if self.base_cost is None and self.base_year not in self.baseline:
            raise ValueError(
                "projection: give base_cost (the operating cost in base_year without "
                "cooperation) or a baseline figure for base_year"
            )
        if self.until is not None and self.until < self.base_year:
            raise ValueError(f"projection: until {self.until} is before base_year")
        return self


PackageKindName = Literal[
    "link", "datacenter", "move", "harmonise", "introduce", "close", "hand-written"
]


class PlanFile(Model):
    schema_: Literal["planner/plan/v1"] = Field(
        default="planner/plan/v1", alias="schema"
    )
    start: PeriodValue | None = None
    phase: Literal["quarter", "half-year", "year"] = "half-year"
    strategy: Literal["evolution", "big-bang"] = "evolution"
    generate: bool = True
    # The level of service: the services the plan takes on (with what they
    # depend on), or all of them; see planner.planning.scope.
    scope: Literal["all"] | list[Id] = "all"
    budget_per_phase: Budget | None = None
    staff_per_phase: FTE | None = None
    uncertainty: Percentage = Decimal(0)
    financing: Financing | None = None
    priorities: dict[PackageKindName, Annotated[int, Field(ge=-1000, le=1000)]] = {}
    cost_key: PlanKeyValue = {"equal": Decimal(1)}
    work_packages: list[WorkPackage] = []
    projection: ProjectionFile | None = None
    custom: Custom = None

    @field_validator("scope", mode="before")
    @classmethod
    def _all_or_a_list(cls, value: Any) -> Any:
        if value == "all" or isinstance(value, list):
            return value
        raise ValueError(
            f"expected all or a list of service ids such as [email, "
            f"office], got {value!r}"
        )

    @field_validator("cost_key")
    @classmethod
    def _key_adds_up(
        cls, key: dict[str, Decimal] | CostKeyFile | SplitKeyFile
    ) -> dict[str, Decimal] | CostKeyFile | SplitKeyFile:
        if isinstance(key, CostKeyFile | SplitKeyFile):
            return key
        return _adds_up(key)
