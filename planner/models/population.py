"""A municipality's population: one figure, or figures by year.

ROR-IKT updates its 30/70 key every year from Statistics Norway, so
``population`` may be ``{2016: 26955, 2017: 27100}``. The value is then a
:class:`Population`, an ``int`` (the latest figure, what every reader that
wants one number sees) that also knows the figures by year; a cost in year
Y is split with the latest figure at or before Y (:func:`population_in`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainSerializer, PlainValidator, TypeAdapter, WithJsonSchema

__all__ = ["Population", "PopulationValue", "population_in"]


class Population(int):
    """The latest figure, with ``by_year`` (year -> figure, sorted)."""

    by_year: dict[int, int]

    def __new__(cls, by_year: dict[int, int]) -> Population:
        ordered = dict(sorted(by_year.items()))
        obj = super().__new__(cls, ordered[max(ordered)])
        obj.by_year = ordered
        return obj

    def __reduce__(self) -> tuple[type[Population], tuple[dict[int, int]]]:
        """Pickled by its figures (the results cache pickles inventories)."""
        return (Population, (self.by_year,))

    def at(self, year: int | None) -> int:
        """The latest figure at or before ``year`` (the earliest figure
        before the first year given; the latest without a year)."""
        if year is None:
            return int(self)
        given = [y for y in self.by_year if y <= year]
        return self.by_year[max(given) if given else min(self.by_year)]


def population_in(value: int, year: int | None) -> int:
    """The population to use for a cost in ``year``."""
    return value.at(year) if isinstance(value, Population) else value


_Year = Annotated[int, Field(ge=1900, le=2200)]
_Count = Annotated[int, Field(ge=0)]
_BY_YEAR: TypeAdapter[dict[int, int]] = TypeAdapter(dict[_Year, _Count])
_ONE: TypeAdapter[int] = TypeAdapter(_Count)


def _population(value: Any) -> int:
    if isinstance(value, Population):
        return value
    if isinstance(value, dict):
        by_year = _BY_YEAR.validate_python(value)
        if not by_year:
            raise ValueError("give a figure for at least one year: {2024: 12000}")
        return Population(by_year)
    return _ONE.validate_python(value)


def _dump(value: int) -> int | dict[int, int]:
    return dict(value.by_year) if isinstance(value, Population) else int(value)


PopulationValue = Annotated[
    int,
    PlainValidator(_population),
    PlainSerializer(_dump),
    WithJsonSchema(
        {
            "description": "inhabitants: 26955, or by year {2016: 26955, 2017: 27100}",
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {
                    "type": "object",
                    "patternProperties": {
                        "^[0-9]{4}$": {"type": "integer", "minimum": 0}
                    },
                    "additionalProperties": False,
                },
            ],
        }
    ),
]
