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
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planner.errors import InputError, Loc, Problem, ProblemAt
from planner.load.checks import check_inventory, check_plan, check_target
from planner.load.compact import Compactor
from planner.load.guard import bad_keys, has_bad_keys
from planner.load.source import Document, Loaded, Sources, read_document
from planner.load.targets import resolve_target
from planner.models.inventory import Inventory
from planner.models.target import Target, TargetFile

if TYPE_CHECKING:  # imported where used: a gap run needs none of them
    from planner.load.salvage import Salvage
    from planner.models.plan import PlanFile
    from planner.models.scenarios import ScenarioFile

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


Check = Callable[[Any, ProblemAt, "Salvage | None"], list[Problem]]


def _load_model(
    model: type[BaseModel], data: Any, sources: Locates, check: Check
) -> Any:
    """Validate and cross-check, raising every problem of the file at once.

    On a shape error the invalid objects are pruned (``planner.load.salvage``)
    and the rest still gets its reference checks, positions mapped back."""
    try:
        result = model.model_validate(data)
    except ValidationError as e:
        if isinstance(sources, Sources):  # YAML (a workbook's keys are its headers)
            _raise_if(_bad_keys(sources))
        from planner.load.wording import describe, without_echoes

        errors = without_echoes(e.errors(include_url=False))
        problems = []
        for err in errors:
            loc, message, at_key = describe(err, model, data)
            if (
                isinstance(sources, Sources)
                and err["type"] == "string_type"
                and isinstance(err.get("input"), int | float)
            ):
                message = _as_written(message, loc, sources)
            problems.append(sources.problem(loc, message, at_key=at_key))
        problems += _salvaged_checks(model, data, sources, check, errors)
        raise InputError(problems) from None
    _raise_if(check(result, sources.problem, None))
    return result


def _as_written(message: str, loc: Loc, sources: Sources) -> str:
    """A number where text is expected, shown as written: quoting ``7.20``
    must keep ``7.20``, not the float's ``7.2``."""
    text = sources.written(loc)
    if text is None:
        return message
    name = message.split(":", 1)[0]
    return f'{name}: expected text, got the number {text}; write it in quotes: "{text}"'


_KINDS = {
    "planner/inventory/v1": ("an inventory", "as the INVENTORY argument"),
    "planner/target/v1": ("a target", "with --target"),
    "planner/plan/v1": ("a plan settings file", "with --plan"),
    "planner/scenarios/v1": ("a scenario file", "to planner compare with --scenarios"),
}


def _refuse_other_kind(doc: Document, expected: str) -> None:
    """One line naming the kind of file given and where it goes, instead of
    a flood of unknown keys (a plan given as the inventory)."""
    schema = doc.data.get("schema")
    if isinstance(schema, str) and schema in _KINDS and schema != expected:
        kind, where = _KINDS[schema]
        raise InputError(
            [
                doc.problem(
                    ("schema",),
                    f"this is {kind} ({schema}), not {_KINDS[expected][0]}: "
                    f"give it {where}",
                )
            ]
        )
    looks_municipal = "region" not in doc.data and {"sites", "population"} & set(
        map(str, doc.data)
    )
    if expected == "planner/inventory/v1" and looks_municipal and "id" in doc.data:
        raise InputError(
            [
                doc.problem(
                    (),
                    "this is a municipality file, not a region inventory: list it "
                    "in a region file under municipalities: as '- file: "
                    f"{Path(doc.display).name}' and give the region file",
                )
            ]
        )


def _bad_keys(sources: Sources) -> list[Problem]:
    """Keys that are lists, mappings or empty, said plainly (pydantic would
    show them as Python values)."""
    problems = []
    for doc in [sources.main, *sources.includes.values()]:
        if has_bad_keys(doc.data):
            problems += bad_keys(doc.root(), doc.display) or [
                doc.problem((), "a key is a list, a mapping or empty; write a name")
            ]
    return problems


def _salvaged_checks(
    model: type[BaseModel],
    data: Any,
    sources: Locates,
    check: Check,
    errors: list[ErrorDetails],
) -> list[Problem]:
    from planner.load.salvage import salvage

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
    _refuse_other_kind(doc, "planner/target/v1")
    sources = Sources(doc)
    base = default_target().model
    user: TargetFile = _load_model(TargetFile, doc.data, sources, _target_check(base))
    return Loaded(resolve_target(user, base), sources)


def load_inventory(
    path: str | Path, target: Loaded[Target] | None = None
) -> Loaded[Inventory]:
    """Load a region inventory (with its ``file:`` includes) and check every
    reference, including system services against ``target``'s catalogue."""
    from planner.load.lean import load_inventory_lean

    target = target or default_target()
    lean = load_inventory_lean(Path(path), target)
    if isinstance(lean, Loaded):
        return lean
    doc = read_document(Path(path), str(path))
    items = doc.data.get("municipalities")
    if (
        lean is not None
        and isinstance(items, list)
        and len(items) == len(lean.spans)
        and lean.text == doc.text
    ):
        doc.text, doc.parts = lean.text, lean  # problems located by parts
    del lean
    _refuse_other_kind(doc, "planner/inventory/v1")
    sources = Sources(doc)
    data = dict(doc.data)
    data["municipalities"] = _resolve_includes(Path(path), doc, sources)
    inventory = check_inventory_data(data, sources, target)
    del data
    for document in [doc, *sources.includes.values()]:
        document.data = None  # the raw mapping is released: only the models stay
    Compactor().compact(inventory)
    return Loaded(inventory, sources)


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
    from planner.models.plan import PlanFile

    doc = read_document(Path(path), str(path))
    _refuse_other_kind(doc, "planner/plan/v1")
    sources = Sources(doc)
    plan: PlanFile = _load_model(
        PlanFile, doc.data, sources, lambda p, problem, _: check_plan(p, problem)
    )
    return Loaded(plan, sources)


def load_scenarios(path: str | Path) -> Loaded[ScenarioFile]:
    """Load a scenario file (``planner compare --scenarios``): duplicate
    names and missing plan or target files are located in it."""
    from planner.load.scenarios import check_scenario_file
    from planner.models.scenarios import ScenarioFile

    doc = read_document(Path(path), str(path))
    _refuse_other_kind(doc, "planner/scenarios/v1")
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
        if any(not isinstance(k, str | int | float | bool) for k in entry):
            raise InputError(
                bad_keys(doc.root(), doc.display)
                or [doc.problem(loc[:-1], "a key is a list, a mapping or empty")]
            )
        extra = sorted(str(k) for k in entry if k != "file")[0]
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
    if "\0" in rel or len(rel) > 1024 or any(len(p) > 255 for p in rel.split("/")):
        raise InputError(
            [doc.problem(loc, "file: not a usable file name (too long or a NUL byte)")]
        )
    try:
        target = (folder / rel).resolve()
    except (OSError, RuntimeError):
        raise InputError(
            [doc.problem(loc, f"file: '{rel}' is a symbolic link loop")]
        ) from None
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
    if target == path.resolve():
        raise InputError([doc.problem(loc, f"file: '{rel}' is this region file")])
    return read_document(target, display)
