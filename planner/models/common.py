"""Value types shared by the three file formats, as pydantic annotations.

Each type parses the friendly spellings of ``planner.units`` and declares the
JSON Schema an editor should check against (the written form, not the parsed
one: an editor sees ``"100 Mbit/s"``, not ``100.0``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from planner.units import Period, parse_bandwidth, parse_money, parse_percentage

__all__ = [
    "FTE",
    "Bandwidth",
    "Count",
    "Custom",
    "Id",
    "Model",
    "Money",
    "Percentage",
    "PeriodValue",
]

ID_PATTERN = r"^[\w.\-]+$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
"""Letters (æøå too), digits, ``-``, ``_``, ``.``; no spaces."""

Bandwidth = Annotated[
    float,
    BeforeValidator(parse_bandwidth),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[0-9][0-9 _]*([.,][0-9]+)?\s*[kKmMgGtT]?(bit/s|bps|b/s)$",
            "description": "bandwidth with a bit-based unit, e.g. '100 Mbit/s'",
        }
    ),
]
"""Mbit/s."""

Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(lambda d: str(d), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}],
            "description": "amount: 600000, '600k', '5.13M' or '5,13 MNOK'",
        }
    ),
]

Percentage = Annotated[
    Decimal,
    BeforeValidator(parse_percentage),
    PlainSerializer(lambda d: str(d), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^[0-9.,\s]+%?$"},
            ],
            "description": "percentage: '99.9%' or a fraction 0.999",
        }
    ),
]
"""A fraction in [0, 1]."""

PeriodValue = Annotated[
    Period,
    BeforeValidator(Period.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": r"^([0-9]{4}(Q[1-4]|H[12])?|[VH][0-9]{4})$",
            "description": "period: 2009Q3, 2012H1, V2012, H2012 or 2013",
        }
    ),
]

# Upper bounds catch typos before arithmetic overflows (a 500-digit
# population cannot become a float).
Count = Annotated[int, Field(ge=0, le=10**9)]
FTE = Annotated[float, Field(ge=0, le=10**6)]
Custom = dict[str, Any] | None


class Model(BaseModel):
    """Base of every file model: unknown keys are errors; ``custom`` is kept."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=False,
        arbitrary_types_allowed=True,
        populate_by_name=True,
        allow_inf_nan=False,
    )
