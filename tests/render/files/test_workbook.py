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


@pytest.mark.parametrize(
    ("lang", "sheets", "header"),
    [
        ("nb", ["Sammendrag", "Faser", "Arbeidspakker", "Per år", "Fordeling"], "navn"),
        ("nn", ["Samandrag", "Fasar", "Arbeidspakkar", "Per år", "Fordeling"], "namn"),
    ],
)
def test_sheet_names_and_headers_in_norwegian(
    melhus: Any, lang: str, sheets: list[str], header: str
) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(plan_workbook(melhus, lang)))
    assert book.sheetnames[:5] == sheets and book.sheetnames[-1] == "Merknader"
    packages = [c.value for c in book[sheets[2]][1]]
    assert packages[1] == header and "reason" not in packages
    summary = [r[0].value for r in book[sheets[0]].iter_rows()]
    assert summary[0] == "post" and "kostnadsnøkkel" in summary
    english = openpyxl.load_workbook(io.BytesIO(plan_workbook(melhus)))
    assert [ws.max_row for ws in book] == [ws.max_row for ws in english]


def test_cli_writes_a_norwegian_workbook(tmp_path: Any) -> None:
    import openpyxl
    from click.testing import CliRunner

    from planner.cli import cli

    args = ["plan", str(ROOT / "inventories/melhus.yaml"), "-p"]
    args += [str(ROOT / "plans/melhus.yaml"), "-o", str(tmp_path), "--lang", "nn"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert book.sheetnames[0] == "Samandrag"


def _rows(ws: Any) -> list[list[Any]]:
    return [[c.value for c in r] for r in ws.iter_rows()]


@pytest.mark.parametrize(
    ("lang", "late", "service"),
    [("nb", "blir ferdig", "tjeneste"), ("nn", "vert ferdig", "teneste")],
)
def test_cli_workbook_values_in_norwegian(
    tmp_path: Any, lang: str, late: str, service: str
) -> None:
    """``plan -o DIR --lang nb|nn``: the cells, not only the headers, in the
    language (kinds, yes/no, periods, the frame, generated packages' names
    and reasons, the warnings); amounts stay numbers with a kr format, years
    numbers. Kongsberg's plan with the extranet made late, read back with
    openpyxl."""
    import openpyxl
    import yaml
    from click.testing import CliRunner

    from planner.cli import cli

    doc = yaml.safe_load((ROOT / "plans/kongsberg.yaml").read_text(encoding="utf-8"))
    for wp in doc["work_packages"]:
        if wp["id"] == "extranet":
            wp["deadline"] = "2007H1"
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    args = ["plan", str(ROOT / "inventories/kongsberg.yaml"), "-t"]
    args += [str(ROOT / "topologies/kongsberg-target.yaml"), "-p", str(plan_file)]
    result = CliRunner().invoke(
        cli, [*args, "-o", str(tmp_path / lang), "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / lang / "plan.xlsx")
    packages = _rows(book[book.sheetnames[2]])
    head, body = packages[0], packages[1:]
    by_id = {r[0]: dict(zip(head, r, strict=True)) for r in body}
    link = by_id["link-kongsberg-notodden"]
    name, kind, generated = head[1], head[2], head[10]
    assert link[name].startswith("Oppgradere samband Kongsberg rådhus–Notodden")
    assert link[kind] == "Samband" and link[generated] == "ja"
    assert by_id["extranet"][generated] == "nei"
    assert {r[3] for r in body} >= {"2. halvår 2007"}  # phase start as words
    money = book[book.sheetnames[2]].cell(row=2, column=6)
    assert isinstance(money.value, int) and money.number_format == '#,##0\\ "kr"'
    years = _rows(book[book.sheetnames[3]])
    assert isinstance(years[1][0], int) and years[-1][0] == "sum"
    summary = dict(r[:2] for r in _rows(book[book.sheetnames[0]]))
    frame = next(v for k, v in summary.items() if k == "rammer")
    assert "halvår" in frame and "evolution" not in frame
    municipal = _rows(book[book.sheetnames[6]])
    assert municipal[1][:2] == ["Kongsberg", 2006]  # by name, the year a number
    assert _rows(book[book.sheetnames[7]])[0][0] == service
    warnings = [r[0] for r in _rows(book[book.sheetnames[-1]])[1:]]
    assert any(late in w and "Extranett mellom kommunene" in w for w in warnings)
    assert not any("work package" in w for w in warnings)
    english = " ".join(str(v) for ws in book for r in _rows(ws) for v in r if v)
    for word in ("hand-written", " yes", "half-year", "Upgrade "):
        assert word not in english
    gantt = (tmp_path / lang / "gantt.svg").read_text(encoding="utf-8")
    assert "Oppgradere samband Kongsberg rådhus–Notodden" in gantt
    for word in ("work packages", "hand-written", "half-year", "Upgrade "):
        assert word not in gantt
