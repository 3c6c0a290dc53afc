"""The files a command reads, loaded in the one order every command uses.

The target first (an inventory's services are checked against its
catalogue), then the inventory, then the plan file when one is named. Each
raises on the first file with problems, all of that file's problems at once;
a command that reads several files of one kind (two inventories to diff,
workbooks to import, scenario files) gets every problem of all of them at
once (:func:`load_each`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planner.errors import InputError, Problem
from planner.load.loader import load_inventory, load_plan, load_target
from planner.load.source import Loaded
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.target import Target

if TYPE_CHECKING:  # built on first use (20 ms; gap has no plan; openpyxl)
    from planner.intake.assemble import CellLocator
    from planner.models.plan import PlanFile

__all__ = [
    "Inputs",
    "Workbooks",
    "load_each",
    "load_inputs",
    "load_inventories",
    "load_workbooks",
]

T = TypeVar("T")


@frozen
class Inputs:
    """A command's loaded files, each with the sources its problems point into."""

    inventory: Loaded[Inventory]
    target: Loaded[Target]
    plan: Loaded[PlanFile] | None = None


def load_inputs(
    inventory: str | Path, target: str | Path | None, plan: str | Path | None = None
) -> Inputs:
    """Load ``target`` (the built-in one when None), ``inventory`` against it
    and ``plan`` when given."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan) if plan is not None else None
    return Inputs(inv, tgt, loaded)


def load_each(read: Callable[[Path], T], paths: Sequence[Path]) -> list[T]:
    """``read`` of every path, in order; the problems of all at once."""
    problems: list[Problem] = []
    out: list[T] = []
    for path in paths:
        try:
            out.append(read(path))
        except InputError as e:
            problems += e.problems
    if problems:
        raise InputError(problems)
    return out


@frozen
class Workbooks:
    """An inventory read from intake workbooks, and the cell each of its
    objects came from."""

    target: Loaded[Target]
    inventory: Inventory
    cells: CellLocator


def load_workbooks(paths: Sequence[Path], target: str | Path | None) -> Workbooks:
    """``target``, then the inventory of the workbooks ``paths`` against it."""
    tgt = load_target(target)
    return _workbooks(paths, tgt)


def _workbooks(paths: Sequence[Path], tgt: Loaded[Target]) -> Workbooks:
    from planner.intake.workbooks import read_workbooks  # openpyxl: on first use

    inventory, cells = read_workbooks(paths, tgt)
    return Workbooks(tgt, inventory, cells)


def load_inventories(
    paths: Sequence[Path], target: str | Path | None
) -> tuple[Loaded[Target], list[Inventory]]:
    """``target``, then each inventory against it: a YAML file or an
    intake workbook (``.xlsx``)."""
    tgt = load_target(target)

    def read(path: Path) -> Inventory:
        if path.suffix.lower() == ".xlsx":
            return _workbooks([path], tgt).inventory
        return load_inventory(path, tgt).model

    return tgt, load_each(read, paths)
