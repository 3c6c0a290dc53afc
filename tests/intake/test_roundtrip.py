"""Export then import gives the same inventory: on the shipped inventories,
on generated ones (benchmarks/generate_national.py, seeded) and on one with
awkward values; ``planner diff`` agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from planner.cli import cli
from planner.load import load_inventory
from tests.conftest import MINI, ROOT, national_generator

SHIPPED = [
    ROOT / "inventories" / "kongsberg.yaml",
    ROOT / "inventories" / "melhus.yaml",
    MINI,
]


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _round_trip(source: Path, tmp: Path) -> Path:
    book = tmp / "inventory.xlsx"
    code, _, err = _run("export", "xlsx", source, "-o", book)
    assert code == 0, err
    code, _, err = _run("import", "xlsx", book, "-o", tmp / "back")
    assert code == 0, err
    region = load_inventory(source).model.region.id
    back = tmp / "back" / f"{region}.yaml"
    assert load_inventory(back).model == load_inventory(source).model
    code, out, err = _run("diff", source, back)
    assert (code, err) == (0, ""), out
    return back


@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.stem)
def test_round_trip_shipped(source: Path, tmp_path: Path) -> None:
    _round_trip(source, tmp_path)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip_generated(seed: int, tmp_path: Path) -> None:
    text = national_generator().Generator(6, seed).generate()
    source = tmp_path / "generated.yaml"
    source.write_text(text, encoding="utf-8")
    _round_trip(source, tmp_path)


AWKWARD = """\
schema: planner/inventory/v1
region:
  id: awk
  name: "=cmd|' /C calc'!A0"
  as_of: 2024-02-29
  custom: {owner: "IKT <drift> & co", tags: [a, b], nested: {k: 1}}
municipalities:
  - id: one
    name: "Spaces: inside only"
    population: 1
    it_staff: {strategic: 0.0, operations: 0.25}
    budget: {operations: "1234567.891"}
    custom: {code: "0123", flag: true, share: 0.5, none: "NO", n: 3}
    sites:
      - id: one-hall
        name: "Rådhus: 'main' #1"
        role: town-hall
        status: planned
        custom: {since: "2006-09-01", number_text: "7.2"}
    servers:
      - {id: one-srv, site: one-hall, role: other, platform: "12", count: 3,
         virtual: true, purchased: 1999}
    systems:
      - id: one-sys
        service: payroll
        product: "Visma \\"Lønn\\""
        version: "7.10"
        hosting: local
        server: one-srv
        licence_cost: "0.01"
links:
  - id: up
    a: one-hall
    b: internet
    capacity: 2.0485 Mbit/s  # four decimals: 2.048 is ambiguous (#9)
    availability: "99.95%"
    cost_per_year: "123456789012345.678"  # 18 digits, under the 10^15 cap
    metric: 2.5
    status: planned
"""


def test_round_trip_awkward_values(tmp_path: Path) -> None:
    source = tmp_path / "awkward.yaml"
    source.write_text(AWKWARD, encoding="utf-8")
    back = _round_trip(source, tmp_path)
    inv = load_inventory(back).model
    assert inv.region.name == "=cmd|' /C calc'!A0"
    assert inv.custom is None
    assert inv.region.custom == {
        "owner": "IKT <drift> & co",
        "tags": ["a", "b"],
        "nested": {"k": 1},
    }


BY_YEAR = """\
schema: planner/inventory/v1
region: {id: ror, name: ROR-IKT}
municipalities:
  - id: lillehammer
    name: Lillehammer
    population: {2016: 27476, 2017: 27650}
    sites: [{id: lillehammer-radhus, name: Lillehammer rådhus, role: town-hall}]
  - id: gausdal
    name: Gausdal
    population: 6131
    sites: [{id: gausdal-radhus, name: Gausdal rådhus, role: town-hall}]
  - id: oyer
    name: Øyer
    population: {2015: 5000, 2017: 5100}
    sites: [{id: oyer-radhus, name: Øyer rådhus, role: town-hall}]
"""


def test_round_trip_populations_by_year(tmp_path: Path) -> None:
    """Populations by year become population.YEAR columns (every year any
    municipality gives, in order, after population, which is empty for
    them) and come back as the same figures by year; a single figure stays
    in population. Model equality alone would not see a lost year (the
    value is the latest figure), so the years are compared themselves."""
    source = tmp_path / "ror.yaml"
    source.write_text(BY_YEAR, encoding="utf-8")
    back = _round_trip(source, tmp_path)
    ws = load_workbook(tmp_path / "inventory.xlsx")["Municipalities"]
    rows = [r[:6] for r in ws.iter_rows(values_only=True)]
    assert rows == [
        ("id", "name", "population", "population.2015", "population.2016",
         "population.2017"),
        ("lillehammer", "Lillehammer", None, None, 27476, 27650),
        ("gausdal", "Gausdal", 6131, None, None, None),
        ("oyer", "Øyer", None, 5000, None, 5100),
    ]  # fmt: skip
    pops = [m.population for m in load_inventory(back).model.municipalities]
    assert [getattr(p, "by_year", int(p)) for p in pops] == [
        {2016: 27476, 2017: 27650},
        6131,
        {2015: 5000, 2017: 5100},
    ]
    written = (tmp_path / "back" / "ror" / "lillehammer.yaml").read_text("utf-8")
    assert "population: {2016: 27476, 2017: 27650}" in written


def test_diff_sees_a_changed_year_of_a_population(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(BY_YEAR, encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(BY_YEAR.replace("2016: 27476", "2016: 27000"), encoding="utf-8")
    code, out, _ = _run("diff", old, new)
    assert code == 1
    assert (
        '~ population: {"2016": 27476, "2017": 27650} -> {"2016": 27000, "2017": 27650}'
        in out
    )
