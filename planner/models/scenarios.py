"""The scenario file format (``planner/scenarios/v1``): the options a
pre-study weighs, side by side (``planner compare --scenarios FILE``).

Each scenario is a plan file, optionally with its own target and an
inventory overlay (members leaving: ``without: [rollag]``). Paths are
relative to the scenario file and stay in or below its folder; they are
checked in ``planner.compare.checks`` where the positions are known.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from planner.models.common import Custom, Id, Model, Percentage

__all__ = ["NAME_PATTERN", "ScenarioEntry", "ScenarioFile"]

# A name is shown in terminals, tables and charts: no control characters.
NAME_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]+$"


class ScenarioEntry(Model):
    name: str = Field(min_length=1, max_length=80, pattern=NAME_PATTERN)
    plan: str = Field(min_length=1)
    target: str | None = None
    without: list[Id] = []
    custom: Custom = None


class ScenarioFile(Model):
    schema_: Literal["planner/scenarios/v1"] = Field(
        default="planner/scenarios/v1", alias="schema"
    )
    discount: Percentage | None = None
    scenarios: list[ScenarioEntry] = Field(min_length=1)
    custom: Custom = None
