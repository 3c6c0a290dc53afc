"""Reading a workbook's sheets: the header row, its columns, the data rows.

The workbook is opened read-only (streamed, never saved back). The header
is the first row with an ``id`` column among the first ten, so a title row
above it (merged across the columns, as people make them) is skipped; a
header merged over two rows (a group such as ``it_staff`` above
``strategic`` and ``operations``) is read as ``it_staff.strategic``. Blank
rows are skipped. Every header is checked: an unknown one is an error with a
did-you-mean, never a column silently dropped.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from planner.errors import CellProblem, InputError, Problem, did_you_mean
from planner.intake.columns import (
    CUSTOM,
    INVENTORY_CUSTOM,
    POPULATION_YEAR,
    SHEETS,
    Column,
    Sheet,
    custom_doc,
    population_year_column,
    sheet_named,
)
from planner.intake.zipguard import check_zip

__all__ = ["SheetData", "WorkbookData", "read_workbook"]

_HEADER_ROWS = 10
_GROUPS = ("it_staff", "budget", "custom", "inventory.custom")


@dataclass
class SheetData:
    """One sheet's header columns (by position) and data rows (row number,
    values padded to the header's width)."""

    path: str
    sheet: Sheet
    title: str
    columns: dict[int, Column]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    plan: Any = field(default=None, repr=False, compare=False)  # assemble's

    def problem(self, row: int, col: int, message: str) -> Problem:
        rank = SHEETS.index(self.sheet)
        return CellProblem(self.path, row, col, message, sheet=self.title, rank=rank)

    def position(self, name: str) -> int | None:
        return next((i for i, c in self.columns.items() if c.name == name), None)


@dataclass
class WorkbookData:
    path: str
    sheets: dict[str, SheetData]


def read_workbook(path: Path, display: str) -> WorkbookData:
    """The known sheets of one workbook; every header problem raised at once."""
    book = _open(path, display)
    try:
        problems: list[Problem] = []
        sheets: dict[str, SheetData] = {}
        for ws in book.worksheets:
            spec = sheet_named(ws.title)
            if spec is None:
                problems.extend(_stray(display, ws.title))
                continue
            if spec.title in sheets:
                problems.append(
                    _whole(display, ws.title, "a second sheet of this name")
                )
                continue
            ws.reset_dimensions()  # some writers record a wrong used range
            data, found = _sheet(
                display, spec, ws.title, ws.iter_rows(values_only=True)
            )
            problems.extend(found)
            if data is not None:
                sheets[spec.title] = data
    finally:
        book.close()
    if problems:
        raise InputError(problems)
    return WorkbookData(display, sheets)


def _open(path: Path, display: str) -> Any:
    if not path.is_file():
        what = "is a folder; name an .xlsx file" if path.is_dir() else "file not found"
        raise InputError([CellProblem(display, 0, 0, what)])
    check_zip(path, display)  # before openpyxl inflates anything
    try:
        with warnings.catch_warnings():
            # "Data Validation extension is not supported": drop-downs of newer
            # Excel are dropped on reading; every value is checked regardless.
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as e:
        hint = (
            "an old .xls workbook: save it as Excel Workbook (.xlsx)"
            if path.suffix.lower() == ".xls"
            else f"not an .xlsx workbook ({type(e).__name__}); save it as Excel "
            "Workbook (.xlsx)"
        )
        raise InputError([CellProblem(display, 0, 0, hint)]) from None


def _stray(display: str, title: str) -> list[Problem]:
    """A sheet whose name is close to a known one is an error, not ignored."""
    names = [s.title for s in SHEETS]
    hint = did_you_mean(title.strip(), names)
    if not hint or title == "Lists":
        return []
    return [_whole(display, title, f"unknown sheet '{title}'{hint}")]


def _whole(display: str, title: str, message: str) -> Problem:
    return CellProblem(display, 0, 0, message, sheet=title)


def _sheet(
    display: str, spec: Sheet, title: str, rows: Iterator[tuple[Any, ...]]
) -> tuple[SheetData | None, list[Problem]]:
    head: list[tuple[int, tuple[Any, ...]]] = []
    for number, values in enumerate(rows, start=1):
        head.append((number, values))
        if _is_header(values) or number >= _HEADER_ROWS:
            break
    header = next(((n, v) for n, v in head if _is_header(v)), None)
    if header is None:
        message = "no header row with an id column in the first ten rows"
        return None, [_whole(display, title, message)]
    number, values = header
    data = SheetData(display, spec, title, {})
    below = next(rows, None)
    names = [_name(v) for v in values]
    if below is not None and _is_subheader(names, below):
        names = _combine(names, [_name(v) for v in below])
        below = None
    problems = _columns(data, number, names)
    pending = [] if below is None else [(number + 1, below)]
    later = enumerate(rows, start=number + 2)
    for n, row in [*pending, *later]:
        if any(
            v is not None and not (isinstance(v, str) and not v.strip()) for v in row
        ):
            data.rows.append((n, row))
    problems += _stray_values(data, number, names)
    return data, problems


def _name(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _is_header(values: tuple[Any, ...]) -> bool:
    return any(_name(v).lower() == "id" for v in values)


def _is_subheader(names: list[str], below: tuple[Any, ...]) -> bool:
    """The row under the header names sub-columns of a merged group."""
    subs = [_name(v) for v in below]
    group = ""
    found = False
    for i, sub in enumerate(subs):
        top = names[i] if i < len(names) else ""
        group = top or group
        if not sub:
            continue
        if not isinstance(below[i], str) or group.lower() not in _GROUPS:
            return False
        found = True
    return found


def _combine(names: list[str], subs: list[str]) -> list[str]:
    out, group = [], ""
    for i in range(max(len(names), len(subs))):
        top = names[i] if i < len(names) else ""
        sub = subs[i] if i < len(subs) else ""
        group = top if top else group
        out.append(f"{group}.{sub}" if sub else top)
    return out


def _columns(data: SheetData, row: int, names: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    known = {c.name: c for c in data.sheet.columns}
    for i, raw in enumerate(names, start=1):
        if not raw:
            continue
        column = _column(data.sheet, known, raw)
        if column is None:
            problems.append(data.problem(row, i, _unknown(raw, data.sheet)))
        elif data.position(column.name) is not None:
            first = data.position(column.name)
            problems.append(
                data.problem(
                    row,
                    i,
                    f"a second '{column.name}' column (first in "
                    f"{_letter(first)}); keep one",
                )
            )
        else:
            data.columns[i] = column
    if "id" not in {c.name for c in data.columns.values()}:
        problems.append(data.problem(row, 1, "no id column"))
    return problems


def _column(sheet: Sheet, known: dict[str, Column], raw: str) -> Column | None:
    for prefix in (CUSTOM, INVENTORY_CUSTOM):
        if raw.lower().startswith(prefix) and len(raw) > len(prefix):
            if prefix == INVENTORY_CUSTOM and sheet.key != "region":
                return None
            name = prefix + raw[len(prefix) :].strip()
            return Column(name, "custom", custom_doc(name))
    if sheet.key == "municipalities" and raw.lower().startswith(POPULATION_YEAR):
        rest = raw[len(POPULATION_YEAR) :].strip()
        if rest:
            return population_year_column(POPULATION_YEAR + rest)
    return known.get(raw.lower().replace(" ", "_"))


def _unknown(raw: str, sheet: Sheet) -> str:
    names = [c.name for c in sheet.columns]
    hint = did_you_mean(raw.lower().replace(" ", "_"), names)
    return (
        f"unknown column '{raw}'{hint or '; expected one of: ' + ', '.join(names)}"
        " (own data goes in a column named custom.NAME)"
    )


def _stray_values(data: SheetData, row: int, names: list[str]) -> list[Problem]:
    """Values in a column without a header would be lost: say so, once."""
    width = max((len(r) for _, r in data.rows), default=0)
    problems = []
    for i in range(1, width + 1):
        if i <= len(names) and names[i - 1]:
            continue
        at = next((n for n, r in data.rows if i <= len(r) and _filled(r[i - 1])), None)
        if at is not None:
            problems.append(
                data.problem(
                    row,
                    i,
                    f"column {_letter(i)} has values (row {at}) but "
                    "no header; name it or clear it",
                )
            )
    return problems


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _letter(index: int | None) -> str:
    return get_column_letter(index or 1)
