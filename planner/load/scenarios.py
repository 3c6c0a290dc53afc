"""The scenarios of a comparison: from ``--scenario NAME=PLAN`` options and
scenario files, resolved to paths and checked before anything is planned.

A scenario file's paths are relative to it and must stay in or below its
folder (as an inventory's ``file:`` includes do), so a folder of scenarios
can be moved or shared as a whole.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from planner.errors import Problem, ProblemAt, SettingError, UsageError
from planner.models.frozen import frozen
from planner.models.scenarios import NAME_PATTERN, ScenarioFile

__all__ = [
    "Leaving",
    "Scenario",
    "check_scenario_file",
    "from_file",
    "from_option",
    "merge",
]

SCENARIO = "scenario"
"""The setting a ``NAME=PLAN`` text is (``--scenario`` on the command line)."""


@frozen
class Leaving:
    """A municipality leaving in a scenario, and where the file says so."""

    municipality: str
    path: str
    line: int
    col: int

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.col, message)


@frozen
class Scenario:
    """One scenario, its files resolved; ``plan_label`` and
    ``target_label`` are the paths as the user wrote them."""

    name: str
    plan: Path
    plan_label: str
    target: Path | None = None
    target_label: str | None = None
    without: tuple[Leaving, ...] = ()


def from_option(text: str) -> Scenario:
    """``NAME=PLAN`` from the command line (the path relative to the
    working directory)."""
    name, sep, plan = text.partition("=")
    name, plan = name.strip(), plan.strip()
    if not sep or not name or not plan or not re.match(NAME_PATTERN, name):
        raise SettingError(
            SCENARIO,
            f"'{text}': write NAME=PLAN, e.g. Evolusjon=plans/scenarios/evolusjon.yaml",
        )
    if not Path(plan).is_file():
        raise SettingError(SCENARIO, f"{name}: plan file '{plan}' not found")
    return Scenario(name, Path(plan), plan)


def check_scenario_file(
    sf: ScenarioFile, path: Path, problem: ProblemAt
) -> list[Problem]:
    """Duplicate names; plan and target files that are missing or outside
    the scenario file's folder."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    for i, s in enumerate(sf.scenarios):
        if s.name in seen:
            out.append(
                problem(
                    ("scenarios", i, "name"),
                    f"duplicate scenario name '{s.name}' (also scenario "
                    f"{seen[s.name] + 1}); give each scenario its own name",
                )
            )
        seen.setdefault(s.name, i)
        for key in ("plan", "target"):
            rel = getattr(s, key)
            if rel is not None:
                message = _file_problem(path, key, rel)
                if message:
                    out.append(problem(("scenarios", i, key), message))
        seen_ids: set[str] = set()
        for j, m in enumerate(s.without):
            if m in seen_ids:
                out.append(
                    problem(
                        ("scenarios", i, "without", j),
                        f"'{m}' is named twice in without:; name it once",
                    )
                )
            seen_ids.add(m)
    return out


def _file_problem(path: Path, key: str, rel: str) -> str | None:
    folder = path.parent.resolve()
    target = (folder / rel).resolve()
    if Path(rel).is_absolute() or not target.is_relative_to(folder):
        return (
            f"{key}: '{rel}' is outside the scenario file's folder; keep the "
            "files of a comparison in or below it"
        )
    if not target.is_file():
        shown = os.path.normpath(path.parent / rel)
        return f"{key}: '{rel}' not found ({shown})"
    return None


def from_file(
    sf: ScenarioFile, path: Path, position: ProblemAt
) -> tuple[list[Scenario], Decimal | None]:
    """The scenarios of a checked file, and its ``discount`` (if any).
    ``position`` locates each ``without`` entry for later problems."""
    out = []
    for i, s in enumerate(sf.scenarios):
        leaving = []
        for j, m in enumerate(s.without):
            p = position(("scenarios", i, "without", j), "")
            leaving.append(Leaving(m, p.path, p.line, p.col))
        out.append(
            Scenario(
                name=s.name,
                plan=Path(os.path.normpath(path.parent / s.plan)),
                plan_label=s.plan,
                target=None
                if s.target is None
                else Path(os.path.normpath(path.parent / s.target)),
                target_label=s.target,
                without=tuple(leaving),
            )
        )
    return out, sf.discount


def merge(groups: Sequence[Sequence[Scenario]]) -> list[Scenario]:
    """All scenarios in order; a name given twice is a usage error."""
    out: list[Scenario] = []
    names: set[str] = set()
    for group in groups:
        for s in group:
            if s.name in names:
                raise UsageError(
                    f"scenario '{s.name}' is given twice; give each scenario "
                    "its own name"
                )
            names.add(s.name)
            out.append(s)
    if not out:
        raise UsageError("no scenarios to compare")
    return out
