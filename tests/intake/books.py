"""Workbooks for the tests, written with openpyxl as a person's Excel would
hold them (not through planner's exporter)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Sheets = dict[str, list[list[Any]]]

MINIMAL: Sheets = {
    "Region": [["id", "name"], ["r", "Region"]],
    "Municipalities": [["id", "name", "population"], ["alpha", "Alpha", 1000]],
    "Sites": [
        ["municipality", "id", "name", "role", "users"],
        ["alpha", "alpha-hall", "Hall", "town-hall", 10],
    ],
    "Servers": [
        ["municipality", "id", "site", "role"],
        ["alpha", "alpha-srv", "alpha-hall", "application"],
    ],
    "Systems": [
        ["municipality", "id", "service", "product", "hosting", "server"],
        ["alpha", "alpha-pay", "payroll", "Visma Lønn", "local", "alpha-srv"],
    ],
    "Links": [
        ["municipality", "id", "a", "b", "capacity", "availability"],
        ["alpha", "alpha-net", "alpha-hall", "internet", "100 Mbit/s", 0.999],
    ],
}


def minimal() -> Sheets:
    return copy.deepcopy(MINIMAL)


def write_book(
    path: Path, sheets: Sheets, merges: dict[str, list[str]] | None = None
) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path
