"""Intake workbooks read into one validated inventory, like a YAML file.

Every problem of every workbook at once, each at its cell
(``file.xlsx:Sheet!C7``); the cells pass the same guards and the same
model checks as YAML (``planner.load.loader.check_inventory_data``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planner.errors import InputError, Problem
from planner.intake.assemble import CellLocator, assemble
from planner.intake.read import WorkbookData, read_workbook
from planner.load.guard import clean_data
from planner.load.loader import check_inventory_data
from planner.load.source import Loaded
from planner.models.inventory import Inventory
from planner.models.target import Target

__all__ = ["read_workbooks"]


def read_workbooks(
    paths: Sequence[Path], target: Loaded[Target]
) -> tuple[Inventory, CellLocator]:
    """The validated inventory of one or several workbooks, and where each
    of its objects came from."""
    books: list[WorkbookData] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            books.append(read_workbook(path, str(path)))
        except InputError as e:
            problems += e.problems
    if problems:
        raise InputError(problems)
    data, locator, problems = assemble(books)
    # Cells never pass the YAML loader's guards: the same ones here (NFC
    # text, no control or bidirectional character, bounded nesting).
    data, found = clean_data(data, None)
    problems += [locator.problem(loc, message) for loc, message in found]
    if problems:
        raise InputError(problems)
    return check_inventory_data(data, locator, target), locator
