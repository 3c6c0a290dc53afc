"""The system overview as an Excel workbook: the grid (sheet Systems) and
one row per product and municipality (sheet Products, for filters and
pivot tables). Deterministic bytes, written as the plan workbook is.

Every text from the inventory is written as text, never as a formula: a
product named ``=HYPERLINK(...)`` must not run in a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from planner.models.matrix import Matrix
from planner.render.files.workbook import FIXED_TIME, _save

__all__ = ["matrix_workbook", "overview_sheet"]

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_PRODUCT_HEADERS = (
    "service",
    "municipality",
    "product",
    "standard",
    "users",
    "hosting",
    "vendor",
    "contract_end",
    "systems",
)


def matrix_workbook(m: Matrix) -> bytes:
    """The ``.xlsx`` bytes of the overview."""
    wb = Workbook(write_only=True)
    _grid(wb.create_sheet("Systems"), m)
    _products(wb.create_sheet("Products"), m)
    wb.properties.creator = "planner"
    wb.properties.title = f"System overview: {m.region}"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return _save(wb)


def overview_sheet(
    ws: Any, m: Matrix, word: Callable[[str], str] = lambda w: w
) -> None:
    """The grid (service x municipality -> products) on ``ws``: the plan
    workbook's "System overview" sheet (its two headers by ``word``)."""
    _grid(ws, m, word)


def _value(ws: Any, value: Any, **style: Any) -> Any:
    """A cell; text stays text (no formula), dates get a date format."""
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _widths(ws: Any, widths: list[int]) -> None:
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = min(50, w) + 2
    ws.freeze_panes = "C2"


def _grid(ws: Any, m: Matrix, word: Callable[[str], str] = lambda w: w) -> None:
    headers = [word("service"), word("standard"), *(n for _, n in m.municipalities)]
    rows = []
    for r in m.services:
        cells = [
            "\n".join(
                ("" if c.standard else "≠ ") + f"{c.product} ({c.users})"
                for c in r.cells[muni]
            )
            for muni, _ in m.municipalities
        ]
        rows.append([f"{r.name} ({r.service})", r.standard or "", *cells])
    _widths(
        ws,
        [
            max(len(h), *(len(x) for r in rows for x in r[i].split("\n")))
            for i, h in enumerate(headers)
        ],
    )
    ws.append([_value(ws, h, font=_BOLD) for h in headers])
    for row in rows:
        ws.append([_value(ws, x, alignment=_WRAP) for x in row])


def _products(ws: Any, m: Matrix) -> None:
    rows: list[list[Any]] = [
        [
            r.service,
            muni,
            c.product,
            "yes" if c.standard else "no",
            c.users,
            ", ".join(c.hosting),
            c.vendor or "",
            c.contract_end,
            ", ".join(c.systems),
        ]
        for r in m.services
        for muni, cells in r.cells.items()
        for c in cells
    ]
    _widths(
        ws,
        [
            max(len(h), *(len(str(r[i] or "")) for r in rows))
            for i, h in enumerate(_PRODUCT_HEADERS)
        ],
    )
    ws.append([_value(ws, h, font=_BOLD) for h in _PRODUCT_HEADERS])
    for row in rows:
        ws.append([_value(ws, x) for x in row])
