"""The workbook: fixed times, the sheets and their figures."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from planner.commands.plan import plan
from planner.render.files.workbook import plan_workbook
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def melhus() -> Any:
    return plan(
        ROOT / "inventories" / "melhus.yaml", None, ROOT / "plans" / "melhus.yaml"
    )


def test_same_plan_same_bytes_and_fixed_times(melhus: Any) -> None:
    data = plan_workbook(melhus)
    assert data == plan_workbook(melhus)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_sheets_hold_the_figures(melhus: Any) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(plan_workbook(melhus)))
    assert book.sheetnames == [
        "Summary",
        "Phases",
        "Work packages",
        "By year",
        "Shares",
        "Projection",
        "System overview",
        "Warnings",
    ]
    years = [[c.value for c in row] for row in book["By year"].iter_rows(min_row=2)]
    assert years == [
        ["2009", 1_050_000, 550_000, 0, 0, 0, 1_600_000, 400_000],
        ["2010", 3_530_000, 0, 0, 0, 0, 3_530_000, 882_500],
        ["total", 4_580_000, 550_000, 0, 0, 0, 5_130_000, 1_282_500],
    ]
    shares = book["Shares"]
    assert [c.value for c in shares[2]] == [
        "melhus",
        "Melhus",
        0.6,
        2_748_000,
        330_000,
        3_078_000,
        0,
        0,
    ]
    assert shares["D2"].number_format == "#,##0"
    assert shares["C2"].number_format == "0.00%"


def test_formula_like_names_are_stored_as_text(tmp_path: Any) -> None:
    """A name starting with =, +, - or @ would run as a formula in Excel."""
    import openpyxl

    text = (ROOT / "plans" / "melhus.yaml").read_text(encoding="utf-8")
    hostile = '\'=HYPERLINK("http://example.org","klikk")\''
    text = text.replace("name: Oppstart", f"name: {hostile}", 1)
    text = text.replace("name: Organisatorisk idriftsettelse", "name: '+1-2'", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = plan(ROOT / "inventories" / "melhus.yaml", None, path)
    data = plan_workbook(result)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = "".join(
            z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in sheets
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for row in book["Work packages"].iter_rows() for c in row if c.value]
    found = {c.value: c.data_type for c in cells if str(c.value)[:1] in "=+"}
    assert found == {'=HYPERLINK("http://example.org","klikk")': "s", "+1-2": "s"}
