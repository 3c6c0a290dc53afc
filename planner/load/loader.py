"""YAML files -> validated models, with every mistake located.

``load_target``, ``load_inventory`` and ``load_plan`` read the three formats
of docs/formats.md. Each collects *all* problems of a file (shape errors from
pydantic, then references between objects) and raises one
:class:`~planner.errors.InputError` whose lines read ``path:line:col: message``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planner.errors import InputError, Loc, Problem, ProblemAt
from planner.load.checks import check_inventory, check_plan, check_target
from planner.load.salvage import Salvage, salvage
from planner.load.scenarios import check_scenario_file
from planner.load.source import Document, Loaded, Sources, read_document
from planner.load.targets import resolve_target
from planner.load.wording import describe, without_echoes
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile
from planner.models.scenarios import ScenarioFile
from planner.models.target import Target, TargetFile

__all__ = [
    "Loaded",
    "Locates",
    "Sources",
    "check_inventory_data",
    "default_target",
    "load_inventory",
    "load_plan",
    "load_scenarios",
    "load_target",
]


class Locates(Protocol):
    """Anything that turns a model path into a located problem: the YAML
    files of :class:`Sources`, or the cells of a workbook."""

    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem: ...


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


Check = Callable[[Any, ProblemAt, Salvage | None], list[Problem]]


def _load_model(
    model: type[BaseModel], data: Any, sources: Locates, check: Check
) -> Any:
    """Validate and cross-check, raising every problem of the file at once.

    On a shape error the invalid objects are pruned (``planner.load.salvage``)
    and the rest still gets its reference checks, positions mapped back."""
    try:
        result = model.model_validate(data)
    except ValidationError as e:
        errors = without_echoes(e.errors(include_url=False))
        problems = []
        for err in errors:
            loc, message, at_key = describe(err, model, data)
            problems.append(sources.problem(loc, message, at_key=at_key))
        problems += _salvaged_checks(model, data, sources, check, errors)
        raise InputError(problems) from None
    _raise_if(check(result, sources.problem, None))
    return result


def _salvaged_checks(
    model: type[BaseModel],
    data: Any,
    sources: Locates,
    check: Check,
    errors: list[ErrorDetails],
) -> list[Problem]:
    rescue = salvage(data, [tuple(err["loc"]) for err in errors])
    if rescue is None:
        return []
    try:
        partial = model.model_validate(rescue.data)
    except ValidationError:
        return []

    def problem(
        loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem:
        return sources.problem(rescue.original(loc), message, at_key=at_key)

    return check(partial, problem, rescue)


@cache
def default_target() -> Loaded[Target]:
    """The target shipped with planner (docs/formats.md, default catalogue)."""
    ref = resources.files("planner") / "data" / "default-target.yaml"
    with resources.as_file(ref) as path:
        doc = read_document(path, "<default target>")
    sources = Sources(doc)
    user = _load_model(TargetFile, doc.data, sources, _target_check(None))
    return Loaded(resolve_target(user, None), sources)


def load_target(path: str | Path | None) -> Loaded[Target]:
    """Load a target file, resolved over the default; the default when None."""
    if path is None:
        return default_target()
    doc = read_document(Path(path), str(path))
    sources = Sources(doc)
    base = default_target().model
    user: TargetFile = _load_model(TargetFile, doc.data, sources, _target_check(base))
    return Loaded(resolve_target(user, base), sources)


def load_inventory(
    path: str | Path, target: Loaded[Target] | None = None
) -> Loaded[Inventory]:
    """Load a region inventory (with its ``file:`` includes) and check every
    reference, including system services against ``target``'s catalogue."""
    target = target or default_target()
    doc = read_document(Path(path), str(path))
    sources = Sources(doc)
    data = dict(doc.data)
    data["municipalities"] = _resolve_includes(Path(path), doc, sources)
    return Loaded(check_inventory_data(data, sources, target), sources)


def check_inventory_data(
    data: Any, sources: Locates, target: Loaded[Target] | None = None
) -> Inventory:
    """Validate inventory data read from anywhere (a YAML file, a workbook)
    and check every reference, problems located by ``sources``."""
    loaded = target or default_target()

    def check(
        inv: Inventory, problem: ProblemAt, rescue: Salvage | None
    ) -> list[Problem]:
        if rescue is None:
            return check_inventory(inv, loaded, problem)
        return check_inventory(
            inv,
            loaded,
            problem,
            declared=rescue.declared,
            incomplete=rescue.pruned_parents,
        )

    inventory: Inventory = _load_model(Inventory, data, sources, check)
    return inventory


def load_plan(path: str | Path) -> Loaded[PlanFile]:
    """Load plan settings and hand-written work packages."""
    doc = read_document(Path(path), str(path))
    sources = Sources(doc)
    plan: PlanFile = _load_model(
        PlanFile, doc.data, sources, lambda p, problem, _: check_plan(p, problem)
    )
    return Loaded(plan, sources)


def load_scenarios(path: str | Path) -> Loaded[ScenarioFile]:
    """Load a scenario file (``planner compare --scenarios``): duplicate
    names and missing plan or target files are located in it."""
    doc = read_document(Path(path), str(path))
    sources = Sources(doc)
    model: ScenarioFile = _load_model(
        ScenarioFile,
        doc.data,
        sources,
        lambda s, problem, _: check_scenario_file(s, Path(path), problem),
    )
    return Loaded(model, sources)


def _target_check(base: Target | None) -> Check:
    def check(user: TargetFile, problem: ProblemAt, _: Salvage | None) -> list[Problem]:
        return check_target(user, resolve_target(user, base), problem)

    return check


def _resolve_includes(path: Path, doc: Document, sources: Sources) -> Any:
    entries = doc.data.get("municipalities")
    if not isinstance(entries, list):
        return entries
    folder = path.parent.resolve()
    problems: list[Problem] = []
    resolved: list[Any] = []
    for i, entry in enumerate(entries):
        if not (isinstance(entry, dict) and "file" in entry):
            resolved.append(entry)
            continue
        loc = ("municipalities", i, "file")
        try:
            included = _include(folder, path, entry, loc, doc)
        except InputError as e:
            problems.extend(e.problems)
            resolved.append({})
            continue
        sources.includes[i] = included
        resolved.append(included.data)
    _raise_if(problems)
    return resolved


def _include(
    folder: Path, path: Path, entry: dict[str, Any], loc: Loc, doc: Document
) -> Document:
    rel = entry["file"]
    if len(entry) > 1:
        extra = sorted(k for k in entry if k != "file")[0]
        raise InputError(
            [
                doc.problem(
                    (*loc[:-1], extra),
                    f"unknown key '{extra}' beside file:; write the municipality's "
                    "data in the included file",
                    at_key=True,
                )
            ]
        )
    if not isinstance(rel, str) or not rel.strip():
        raise InputError([doc.problem(loc, "file: expected a relative path")])
    target = (folder / rel).resolve()
    if Path(rel).is_absolute() or not target.is_relative_to(folder):
        raise InputError(
            [
                doc.problem(
                    loc,
                    f"file: '{rel}' is outside the inventory's folder; "
                    "keep municipality files in or below it",
                )
            ]
        )
    display = os.path.normpath(Path(path).parent / rel)
    if not target.is_file():
        raise InputError([doc.problem(loc, f"file: '{rel}' not found ({display})")])
    return read_document(target, display)
