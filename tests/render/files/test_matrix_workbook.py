"""The system overview workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from planner.analyses.matrix import service_matrix
from planner.graph import build_graph
from planner.load import load_inventory
from planner.render.files.matrix_workbook import matrix_workbook
from tests.analyses.test_matrix import SCHOOLS


def _matrix(write: Callable[[str, str], Path], text: str, target: Any) -> Any:
    G = build_graph(load_inventory(write("r.yaml", text), None).model)
    return service_matrix(G, target)


def test_sheets_and_products(write: Callable[[str, str], Path], target: Any) -> None:
    data = matrix_workbook(_matrix(write, SCHOOLS, target))
    assert data == matrix_workbook(_matrix(write, SCHOOLS, target))  # same bytes
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Systems", "Products"]
    rows = [[c.value for c in r] for r in wb["Products"].iter_rows()]
    # Three products in the school row (It's Learning and Extens in A,
    # Extens in B); the required services have none.
    d = dt.datetime
    assert rows[1:] == [
        ["school", "a", "It's Learning", "yes", 50, "saas", None, d(2017, 7, 31),
         "a-lms"],
        ["school", "a", "Extens", "no", 15, "hosted, saas", "Tieto", d(2018, 12, 31),
         "a-adm, a-adm2"],
        ["school", "b", "Extens", "no", 30, "saas", None, d(2016, 12, 31), "b-adm"],
    ]  # fmt: skip
    grid = [[c.value for c in r] for r in wb["Systems"].iter_rows()]
    assert grid[0] == ["service", "standard", "A", "B"]
    school = next(r for r in grid if r[0] == "Skole (school)")
    assert school[1:] == [
        "It's Learning",
        "It's Learning (50)\n≠ Extens (15)",
        "≠ Extens (30)",
    ]


def test_text_is_never_a_formula(
    write: Callable[[str, str], Path], target: Any
) -> None:
    text = SCHOOLS.replace("product: It's Learning", 'product: "=HYPERLINK(\\"x\\")"')
    wb = openpyxl.load_workbook(
        io.BytesIO(matrix_workbook(_matrix(write, text, target)))
    )
    cell = wb["Products"]["C2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
