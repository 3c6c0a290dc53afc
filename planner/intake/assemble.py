"""Workbooks -> the inventory's data, as a YAML file would have given it.

The rows of every workbook become one data dict (region, municipalities
with their sites, servers, systems and links, region links), validated by
the same models and checks as YAML (``planner.load.check_inventory_data``).
A :class:`CellLocator` remembers the cell each object came from, so every
problem reads ``file.xlsx:Sheet!C7: message``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from planner.errors import CellProblem, InputError, Loc, Problem, did_you_mean
from planner.intake.columns import INVENTORY_CUSTOM, POPULATION_YEAR
from planner.intake.convert import EMPTY, read_value
from planner.intake.read import SheetData, WorkbookData
from planner.load import Loaded
from planner.load.loader import check_inventory_data
from planner.models.frozen import frozen
from planner.models.inventory import Inventory
from planner.models.target import Target

__all__ = ["CellLocator", "assemble", "inventory_from_workbooks"]

_MISSING = re.compile(r"missing required key '(?P<key>[^']+)'(?P<where>.*)$")
_OWNED = ("Sites", "Servers", "Systems", "Links")


@frozen
class RowAt:
    """The row an object came from; ``prefix`` maps the region row's
    ``inventory.custom.*`` columns to the inventory's own custom fields."""

    sheet: SheetData
    row: int
    prefix: str = ""

    def problem(self, rest: Sequence[str | int], message: str) -> Problem:
        names = [str(p) for p in rest]  # population.2016: a year's column
        col = None
        for n in range(len(names), 0, -1):
            col = self.sheet.position(self.prefix + ".".join(names[:n]))
            if col is not None:
                break
        if col is None:
            col = self.sheet.position("id") or 1
        return self.sheet.problem(self.row, col, message)


class CellLocator:
    """Model path -> the workbook cell it came from (``planner.load.Locates``)."""

    def __init__(self, fallback: str) -> None:
        self.fallback = fallback
        self.rows: dict[Loc, RowAt] = {}

    def problem(
        self, loc: Sequence[str | int], message: str, *, at_key: bool = False
    ) -> Problem:
        where = tuple(loc)
        if m := _MISSING.match(message):
            where, message = (*where, m["key"]), self._missing(where, m)
        for n in range(len(where), -1, -1):
            at = self.rows.get(where[:n])
            if at is not None:
                return at.problem(where[n:], message)
        return CellProblem(self.fallback, 0, 0, message)

    def _missing(self, loc: Loc, m: re.Match[str]) -> str:
        at = self.rows.get(loc)
        key, where = m["key"], m["where"]
        if at is not None and at.sheet.position(key) is None:
            return f"no '{key}' column; it is required{where}"
        return f"'{key}' is empty; it is required{where}"


def inventory_from_workbooks(
    books: Sequence[WorkbookData], target: Loaded[Target]
) -> Inventory:
    """The validated inventory of ``books``; every problem raised at once."""
    data, locator, problems = assemble(books)
    if problems:
        raise InputError(problems)
    return check_inventory_data(data, locator, target)


def assemble(
    books: Sequence[WorkbookData],
) -> tuple[dict[str, Any], CellLocator, list[Problem]]:
    """The inventory data of ``books``, where each part came from, and the
    problems found on the way (a row of an unknown municipality...)."""
    builder = _Builder(books[0].path)
    for book in books:
        builder.region(book)
    for book in books:
        builder.municipalities(book)
    for book in books:
        for title in _OWNED:
            if title in book.sheets:
                builder.owned(book, book.sheets[title])
    return builder.finish()


def _clash(sheet: SheetData, number: int, clash: _Clash) -> Problem:
    return sheet.problem(
        number,
        clash.col,
        f"{clash.name} is given twice: a figure in '{clash.name}' and figures "
        f"by year in '{clash.name}.YEAR' columns; keep one (leave "
        f"'{clash.name}' empty to use the figures by year)",
    )


class _Builder:
    def __init__(self, first: str) -> None:
        self.locator = CellLocator(first)
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {"municipalities": [], "links": []}
        self.region_from: tuple[SheetData, int, dict[str, Any]] | None = None
        self.index: dict[str, int] = {}
        self.local: dict[str, list[str]] = {}

    def region(self, book: WorkbookData) -> None:
        sheet = book.sheets.get("Region")
        if sheet is None or not sheet.rows:
            return
        number, row = sheet.rows[0]
        for extra, _ in sheet.rows[1:]:
            self.problems.append(
                sheet.problem(extra, 1, "one region per workbook: one row on Region")
            )
        values = _record(sheet, row)
        if self.region_from is None:
            self.region_from = (sheet, number, values)
            custom = values.pop("inventory", {}).get("custom")
            self.data["region"] = values
            if custom is not None:
                self.data["custom"] = custom
            self.locator.rows[("region",)] = RowAt(sheet, number)
            self.locator.rows[("custom",)] = RowAt(sheet, number, "inventory.")
            return
        self._same_region(sheet, number, row)

    def _same_region(self, sheet: SheetData, number: int, row: tuple[Any, ...]) -> None:
        assert self.region_from is not None
        first_sheet, first_row, _ = self.region_from
        first = {
            c.name: v for c, v in _cells(first_sheet, _row(first_sheet, first_row))
        }
        for col, column in sheet.columns.items():
            value = _value(column, row, col)
            before = first.get(column.name, EMPTY)
            if value is not EMPTY and before is not EMPTY and value != before:
                self.problems.append(
                    sheet.problem(
                        number,
                        col,
                        f"the region's {column.name} is '{value}' here but "
                        f"'{before}' in {first_sheet.path}; import one region at a "
                        "time",
                    )
                )

    def municipalities(self, book: WorkbookData) -> None:
        sheet = book.sheets.get("Municipalities")
        ids: list[str] = []
        for number, row in sheet.rows if sheet else ():
            clashes: list[_Clash] = []
            values = _record(sheet, row, clashes)  # type: ignore[arg-type]
            for clash in clashes:
                self.problems.append(_clash(sheet, number, clash))  # type: ignore[arg-type]
            i = len(self.data["municipalities"])
            self.data["municipalities"].append(values)
            self.locator.rows[("municipalities", i)] = RowAt(sheet, number)  # type: ignore[arg-type]
            muni = values.get("id")
            if isinstance(muni, str):
                self.index.setdefault(muni, i)
                ids.append(muni)
        self.local[book.path] = ids

    def owned(self, book: WorkbookData, sheet: SheetData) -> None:
        key = sheet.sheet.key
        muni_col = sheet.position("municipality")
        for number, row in sheet.rows:
            values = _record(sheet, row)
            muni = values.pop("municipality", None)
            if muni is None and key == "links":
                loc: Loc = ("links", len(self.data["links"]))
                self.data["links"].append(values)
                self.locator.rows[loc] = RowAt(sheet, number)
                continue
            i = self._owner(book, sheet, number, muni_col or 1, muni)
            if i is None:
                continue
            items = self.data["municipalities"][i].setdefault(key, [])
            self.locator.rows[("municipalities", i, key, len(items))] = RowAt(
                sheet, number
            )
            items.append(values)

    def _owner(
        self, book: WorkbookData, sheet: SheetData, number: int, col: int, muni: Any
    ) -> int | None:
        if muni is None:
            local = self.local.get(book.path, [])
            if len(local) == 1:
                return self.index[local[0]]
            self.problems.append(
                sheet.problem(number, col, _which(local, sheet.sheet.key))
            )
            return None
        if isinstance(muni, str) and muni in self.index:
            return self.index[muni]
        hint = did_you_mean(str(muni), self.index)
        self.problems.append(
            sheet.problem(
                number,
                col,
                f"unknown municipality '{muni}'{hint} (a row of the Municipalities "
                "sheet of one of the workbooks)",
            )
        )
        return None

    def finish(self) -> tuple[dict[str, Any], CellLocator, list[Problem]]:
        if self.region_from is None:
            self.problems.append(
                CellProblem(
                    self.locator.fallback,
                    0,
                    0,
                    "no region: write its id and name on the Region sheet of one "
                    "of the workbooks",
                    sheet="Region",
                )
            )
        return self.data, self.locator, self.problems


def _which(local: list[str], key: str) -> str:
    if not local:
        return (
            "the municipality is empty and this workbook has no row on its "
            "Municipalities sheet; write the municipality's id"
        )
    return (
        f"the municipality is empty; write which of {', '.join(local)} these "
        f"{key} belong to"
    )


def _row(sheet: SheetData, number: int) -> tuple[Any, ...]:
    return next(r for n, r in sheet.rows if n == number)


def _value(column: Any, row: tuple[Any, ...], col: int) -> Any:
    raw = row[col - 1] if col <= len(row) else None
    return read_value(column.kind, raw, column.choices)


def _cells(sheet: SheetData, row: tuple[Any, ...]) -> list[tuple[Any, Any]]:
    return [(c, _value(c, row, i)) for i, c in sheet.columns.items()]


_Plan = list[tuple[int, Any, tuple[str, ...], tuple[str, ...], str | int]]


def _plan(sheet: SheetData) -> _Plan:
    """Per column, once per sheet: its index, reader, choices and where its
    value goes in the row's mapping (a national sheet has 19,000 rows)."""
    if sheet.plan is not None:
        cached: _Plan = sheet.plan
        return cached
    plan: _Plan = []
    for col, column in sheet.columns.items():
        if column.name.startswith(INVENTORY_CUSTOM):
            path = ["inventory", "custom", column.name[len(INVENTORY_CUSTOM) :]]
        else:
            path = column.name.split(".", 1)
        leaf: str | int = path[-1]
        if column.name.startswith(POPULATION_YEAR) and path[-1].isdigit():
            leaf = int(path[-1])  # population.2016: the year, as YAML gives it
        plan.append((col - 1, column.kind, column.choices, tuple(path[:-1]), leaf))
    sheet.plan = plan
    return plan


def _record(
    sheet: SheetData, row: tuple[Any, ...], clashes: list[_Clash] | None = None
) -> dict[str, Any]:
    """A row as the mapping YAML would give: empty cells left out, dotted
    column names nested (``it_staff.strategic``, ``custom.county``). A
    value under a name that already holds one of the other shape (a
    ``population`` and a ``population.2016``) is left out and, with
    ``clashes``, reported there."""
    out: dict[str, Any] = {}
    width = len(row)
    for index, kind, choices, parents, leaf in _plan(sheet):
        raw = row[index] if index < width else None
        if raw is None:
            continue
        value = read_value(kind, raw, choices)
        if value is EMPTY:
            continue
        node: Any = out
        for p in parents:
            node = node.setdefault(p, {})
            if not isinstance(node, dict):
                break
        if not isinstance(node, dict) or isinstance(node.get(leaf), dict):
            clash = _Clash(index + 1, parents[0] if parents else str(leaf))
            if clashes is None:
                raise clash
            clashes.append(clash)
            continue
        node[leaf] = value
    return out


class _Clash(Exception):
    """A column and columns of the same name with a dot (``population``
    and ``population.2016``) both filled in one row."""

    def __init__(self, col: int, name: str) -> None:
        super().__init__(name)
        self.col = col
        self.name = name
