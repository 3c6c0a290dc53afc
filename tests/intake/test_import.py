"""planner import xlsx: workbooks as people fill them in, and the bad-file
corpus of workbooks (generated here, each with its exact message)."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from planner.cli import cli
from planner.load import load_inventory
from tests.intake.books import Sheets, minimal, write_book

# name -> (cells to set: sheet, cell, value), the one line expected on stderr
BAD: dict[str, tuple[list[tuple[str, str, Any]], str]] = {
    "unknown-service": (
        [("Systems", "C2", "payrol")],
        "Systems!C2: unknown service 'payrol'; did you mean 'payroll'? (the target's "
        "catalogue lists the services: docs/formats.md)",
    ),
    "role-typo": (
        [("Sites", "D2", "town hall")],
        "Sites!D2: role: 'town hall' is not one of town-hall, school, care-home, "
        "kindergarten, health, library, office, depot, datacenter, other; did you "
        "mean 'town-hall'?",
    ),
    "population-text": (
        [("Municipalities", "C2", "many")],
        "Municipalities!C2: population: expected a whole number, got 'many'",
    ),
    "population-year-not-a-year": (
        [
            ("Municipalities", "D1", "population.next"),
            ("Municipalities", "D2", 1100),
            ("Municipalities", "C2", None),
        ],
        "Municipalities!D2: population year 'next' is not a year; write e.g. 2024: "
        "1100",
    ),
    "population-year-text": (
        [
            ("Municipalities", "D1", "population.2016"),
            ("Municipalities", "D2", "many"),
            ("Municipalities", "C2", None),
        ],
        "Municipalities!D2: population: expected a whole number, got 'many'",
    ),
    "population-twice": (
        [("Municipalities", "D1", "population.2016"), ("Municipalities", "D2", 1100)],
        "Municipalities!D2: population is given twice: a figure in 'population' and "
        "figures by year in 'population.YEAR' columns; keep one (leave "
        "'population' empty to use the figures by year)",
    ),
    "bandwidth-number": (
        [("Links", "E2", 100)],
        "Links!E2: capacity: bandwidth '100' needs a unit: write '100 Mbit/s' (or "
        "kbit/s, Gbit/s, Tbit/s)",
    ),
    "unknown-site": (
        [("Servers", "C2", "alpha-hal")],
        "Servers!C2: unknown site 'alpha-hal'; did you mean 'alpha-hall'?",
    ),
    "unknown-column": (
        [("Sites", "D1", "rolle")],
        "Sites!D1: unknown column 'rolle'; did you mean 'role'? (own data goes in a "
        "column named custom.NAME)",
    ),
    "unknown-municipality": (
        [("Sites", "A2", "alfa")],
        "Sites!A2: unknown municipality 'alfa'; did you mean 'alpha'? (a row of the "
        "Municipalities sheet of one of the workbooks)",
    ),
    "required-empty": (
        [("Systems", "D2", None)],
        "Systems!D2: 'product' is empty; it is required in system 'alpha-pay'",
    ),
    "required-column-missing": (
        [("Systems", "D1", None), ("Systems", "D2", None)],
        "Systems!B2: no 'product' column; it is required in system 'alpha-pay'",
    ),
    "duplicate-id": (
        [
            ("Sites", "A3", "alpha"),
            ("Sites", "B3", "alpha-hall"),
            ("Sites", "C3", "Skole"),
            ("Sites", "D3", "school"),
        ],
        "Sites!B3: duplicate site id 'alpha-hall' (first at {book}:Sites!B2); ids are "
        "unique across the region",
    ),
    "availability-bare": (
        [("Links", "F2", 70)],
        "Links!F2: availability: 70 is above 1: write '70%' for a percentage or 0.7 "
        "as a fraction",
    ),
    "money-ambiguous": (
        [("Systems", "G1", "licence_cost"), ("Systems", "G2", "1,200,000")],
        "Systems!G2: licence_cost: '1,200,000' is ambiguous: ',' is the decimal mark "
        "here; write '1 200 000' for thousands",
    ),
    "date-bad": (
        [("Region", "C1", "as_of"), ("Region", "C2", "yesterday")],
        "Region!C2: as_of: expected a date such as 2006-09-01, got 'yesterday'",
    ),
    "no-region": (
        [("Region", "A2", None), ("Region", "B2", None)],
        "Region: no region: write its id and name on the Region sheet of one of the "
        "workbooks",
    ),
    "value-without-header": (
        [("Sites", "H2", "x")],
        "Sites!H1: column H has values (row 2) but no header; name it or clear it",
    ),
    "hosting-contradiction": (
        [("Systems", "E2", "saas")],
        "Systems!F2: server: goes only with hosting: local or shared (this system is "
        "saas); remove it",
    ),
    "second-town-hall": (
        [
            ("Sites", "A3", "alpha"),
            ("Sites", "B3", "alpha-2"),
            ("Sites", "C3", "Annex"),
            ("Sites", "D3", "town-hall"),
        ],
        "Sites!D3: a second town-hall in 'alpha'; a municipality has exactly one hub: "
        "use role: office for this site",
    ),
    "boolean-bad": (
        [("Sites", "F1", "server_room"), ("Sites", "F2", "maybe")],
        "Sites!F2: server_room: expected true or false, got 'maybe'",
    ),
    "count-zero": (
        [("Servers", "E1", "count"), ("Servers", "E2", 0)],
        "Servers!E2: count: 0 is out of range: write 1 or more",
    ),
    "duplicate-column": (
        [("Sites", "F1", "Name")],
        "Sites!F1: a second 'name' column (first in C); keep one",
    ),
    "blank-municipality-of-two": (
        [
            ("Municipalities", "A3", "beta"),
            ("Municipalities", "B3", "Beta"),
            ("Municipalities", "C3", 10),
            ("Servers", "A2", None),
        ],
        "Servers!A2: the municipality is empty; write which of alpha, beta these "
        "servers belong to",
    ),
}


def _put(sheets: Sheets, sheet: str, cell: str, value: Any) -> None:
    letters, row = coordinate_from_string(cell)
    col = column_index_from_string(letters)
    rows = sheets[sheet]
    while len(rows) < row:
        rows.append([])
    while len(rows[row - 1]) < col:
        rows[row - 1].append(None)
    rows[row - 1][col - 1] = value


def _import(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["import", "xlsx", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_workbook(case: str, tmp_path: Path) -> None:
    edits, expected = BAD[case]
    sheets = minimal()
    for edit in edits:
        _put(sheets, *edit)
    book = write_book(tmp_path / f"{case}.xlsx", sheets)
    code, _, err = _import(book, "-o", tmp_path / "out")
    assert code == 2
    assert err == f"{book}:{expected.format(book=book)}\n"
    assert not (tmp_path / "out").exists()


def test_the_minimal_workbook_is_valid(tmp_path: Path) -> None:
    book = write_book(tmp_path / "ok.xlsx", minimal())
    code, _, err = _import(book, "-o", tmp_path / "out")
    assert code == 0, err
    inv = load_inventory(tmp_path / "out" / "r.yaml").model
    assert inv.municipalities[0].links[0].availability == Decimal("0.999")


def test_bad_files_all_at_once_across_workbooks(tmp_path: Path) -> None:
    a, b = minimal(), minimal()
    _put(a, "Systems", "C2", "payrol")
    for sheet in ("Municipalities", "Sites", "Servers", "Systems", "Links"):
        for row in b[sheet][1:]:
            row[0] = "beta" if row[0] == "alpha" else row[0]
            row[1] = row[1].replace("alpha", "beta")
    _put(b, "Servers", "C2", "beta-hal")
    _put(b, "Systems", "F2", "beta-srv")
    _put(b, "Links", "C2", "beta-hall")
    first = write_book(tmp_path / "a.xlsx", a)
    second = write_book(tmp_path / "b.xlsx", b)
    code, _, err = _import(first, second, "-o", tmp_path / "out")
    assert code == 2
    assert err.splitlines() == [
        f"{first}:Systems!C2: unknown service 'payrol'; did you mean 'payroll'? (the "
        "target's catalogue lists the services: docs/formats.md)",
        f"{second}:Servers!C2: unknown site 'beta-hal'; did you mean 'beta-hall'?",
    ]


def test_not_a_workbook_and_a_stray_sheet(tmp_path: Path) -> None:
    text = tmp_path / "text.xlsx"
    text.write_text("id,name\n")
    sheets = minimal()
    sheets["Site"] = sheets.pop("Sites")
    stray = write_book(tmp_path / "stray.xlsx", sheets)
    code, _, err = _import(text, stray, "-o", tmp_path / "out")
    assert code == 2
    assert err.splitlines() == [
        f"{stray}:Site: unknown sheet 'Site'; did you mean 'Sites'?",
        f"{text}: not an .xlsx workbook (BadZipFile); save it as Excel Workbook "
        "(.xlsx)",
    ]


def test_excel_habits(tmp_path: Path) -> None:
    """A title row merged over the header, a header merged over two rows
    (it_staff over strategic and operations), numbers stored as text,
    trailing spaces, a date as a serial number, Norwegian decimal commas,
    autocorrect's capitals, ja/nei, a version typed as a number."""
    sheets = minimal()
    sheets["Region"] = [
        ["Kartlegging 2006", None, None],
        ["id", "name", "as_of"],
        ["r ", "Region  ", 38961],
    ]
    sheets["Municipalities"] = [
        ["Kommuner", None, None, None, None],
        ["id", "name", "population", "it_staff", None],
        [None, None, None, "strategic", "operations"],
        ["alpha", "Alpha", "24 300", "2,5", 6],
    ]
    sites = sheets["Sites"]
    sites[0] += ["server_room", "custom.bygg"]
    sites[1][3] = "Town-hall"
    sites[1][4] = "10"
    sites[1] += ["ja", "  A-blokk "]
    systems = sheets["Systems"]
    systems[0] += ["version", "licence_cost"]
    systems[1] += [7.2, "1 050 000,50"]
    links = sheets["Links"]
    links[1][5] = "99,5 %"
    merges = {"Region": ["A1:C1"], "Municipalities": ["A1:E1", "D2:E2"]}
    book = write_book(tmp_path / "habits.xlsx", sheets, merges)
    code, _, err = _import(book, "-o", tmp_path / "out")
    assert code == 0, err
    inv = load_inventory(tmp_path / "out" / "r.yaml").model
    assert inv.region.id == "r" and inv.region.name == "Region"
    assert inv.region.as_of == dt.date(2006, 9, 1)
    m = inv.municipalities[0]
    assert m.population == 24300
    assert m.it_staff is not None
    assert (m.it_staff.strategic, m.it_staff.operations) == (2.5, 6.0)
    site = m.sites[0]
    assert (site.role, site.users, site.server_room) == ("town-hall", 10, True)
    assert site.custom == {"bygg": "A-blokk"}
    assert m.systems[0].version == "7.2"
    assert m.systems[0].licence_cost == Decimal("1050000.50")
    assert m.links[0].availability == Decimal("0.995")


def test_one_workbook_per_municipality(tmp_path: Path) -> None:
    """The usual intake: the region in one workbook, a municipality per
    workbook with its rows' municipality cells left empty, shared hosting
    across workbooks."""
    a = minimal()
    b: Sheets = {
        "Municipalities": [["id", "name", "population"], ["beta", "Beta", 500]],
        "Sites": [
            ["municipality", "id", "name", "role"],
            [None, "beta-hall", "Beta rådhus", "town-hall"],
        ],
        "Systems": [
            ["municipality", "id", "service", "product", "hosting", "hosted_by"],
            [None, "beta-pay", "payroll", "Visma Lønn", "shared", "alpha"],
        ],
        "Links": [
            ["municipality", "id", "a", "b", "capacity"],
            [None, "alpha-beta", "alpha-hall", "beta-hall", "1 Gbit/s"],
        ],
    }
    first = write_book(tmp_path / "alpha.xlsx", a)
    second = write_book(tmp_path / "beta.xlsx", b)
    out = tmp_path / "out"
    code, stdout, err = _import(first, second, "-o", out)
    assert code == 0, err
    assert stdout == f"wrote {out / 'r.yaml'} and 4 more files\n"
    inv = load_inventory(out / "r.yaml").model
    assert [m.id for m in inv.municipalities] == ["alpha", "beta"]
    assert inv.municipalities[1].systems[0].hosted_by == "alpha"
    assert [x.id for x in inv.links] == ["alpha-beta"]
    text = (out / "r" / "beta.yaml").read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/municipality.schema.json\n"
        "# Imported by planner import xlsx from alpha.xlsx, beta.xlsx.\n"
        "# from beta.xlsx, sheet Municipalities, row 2\n"
        "id: beta\n"
    )
    assert "# from beta.xlsx, sheet Sites, row 2\nsites:\n" in text


def test_import_never_writes_the_workbook(tmp_path: Path) -> None:
    book = write_book(tmp_path / "ok.xlsx", minimal())
    before = (hashlib.sha256(book.read_bytes()).hexdigest(), book.stat().st_mtime_ns)
    code, _, err = _import(book, "-o", tmp_path / "out")
    assert code == 0, err
    after = (hashlib.sha256(book.read_bytes()).hexdigest(), book.stat().st_mtime_ns)
    assert before == after


def test_import_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    book = write_book(tmp_path / "ok.xlsx", minimal())
    target = tmp_path / "out" / "r.yaml"
    target.parent.mkdir()
    target.write_text("schema: planner/target/v1\nid: t\nname: T\nextends: default\n")
    code, _, err = _import(book, "--target", target, "-o", tmp_path / "out")
    assert code == 2
    assert err == (
        f"error: -o {tmp_path / 'out'} would overwrite the input {target}; name "
        "another folder\n"
    )
    assert target.read_text().startswith("schema: planner/target/v1")


def test_schema_modeline_inside_a_checkout(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "inventory.schema.json").write_text("{}")
    book = write_book(tmp_path / "ok.xlsx", minimal())
    code, _, err = _import(book, "-o", tmp_path / "inventories")
    assert code == 0, err
    region = (tmp_path / "inventories" / "r.yaml").read_text()
    assert region.startswith(
        "# yaml-language-server: $schema=../schemas/inventory.schema.json\n"
    )
    muni = (tmp_path / "inventories" / "r" / "alpha.yaml").read_text()
    assert muni.startswith(
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
    )
    assert not (tmp_path / "inventories" / "schemas").exists()
