"""Located problems: YAML positions and workbook cells, sorted together."""

from __future__ import annotations

from planner.errors import CellProblem, InputError, Problem


def test_cell_problem_formats_as_sheet_and_cell() -> None:
    assert str(CellProblem("a.xlsx", 7, 3, "bad", sheet="Systems")) == (
        "a.xlsx:Systems!C7: bad"
    )
    assert (
        str(CellProblem("a.xlsx", 2, 28, "x", sheet="Links")) == "a.xlsx:Links!AB2: x"
    )
    assert str(CellProblem("a.xlsx", 0, 0, "no region", sheet="Region")) == (
        "a.xlsx:Region: no region"
    )
    assert str(CellProblem("a.xlsx", 0, 0, "not a workbook")) == (
        "a.xlsx: not a workbook"
    )
    assert CellProblem("a.xlsx", 7, 3, "", sheet="S").where() == "a.xlsx:S!C7"
    assert Problem("a.yaml", 4, 5, "").where() == "a.yaml:4:5"


def test_problems_sort_by_file_then_sheet_order_then_cell() -> None:
    error = InputError(
        [
            CellProblem("b.xlsx", 2, 1, "z", sheet="Sites", rank=2),
            Problem("a.yaml", 9, 1, "y"),
            CellProblem("b.xlsx", 3, 1, "x", sheet="Region", rank=0),
            CellProblem("b.xlsx", 2, 1, "z", sheet="Sites", rank=2),
        ]
    )
    assert error.lines() == [
        "a.yaml:9:1: y",
        "b.xlsx:Region!A3: x",
        "b.xlsx:Sites!A2: z",
    ]
