"""``planner export archi-csv``: Archi's CSV trio, read back with a CSV
parser and compared with the exchange file of the same inventory (the ids
must match, so that the trio updates a model imported from the XML)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from planner.cli import cli
from planner.commands.export import export_archi_csv, export_archimate
from planner.export.archicsv import ELEMENTS, PROPERTIES_HEADER, RELATIONS
from tests.export.test_archimate import (
    KONGSBERG,
    KONGSBERG_PLAN,
    KONGSBERG_TARGET,
    NS,
    XSI,
)
from tests.render.hostile import NAME, write_hostile


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def both() -> tuple[dict[str, str], Any]:
    files, _ = export_archi_csv(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN)
    xml, _ = export_archimate(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN)
    return files, etree.fromstring(xml.encode())


def test_the_elements_are_the_exchange_files(both: tuple[dict[str, str], Any]) -> None:
    files, doc = both
    table = rows(files["elements.csv"])
    assert tuple(table[0]) == ELEMENTS
    model, *elements = table[1:]
    assert model[:3] == [doc.get("identifier"), "ArchimateModel", "Kongsbergregionen"]
    want = [
        [
            e.get("identifier"),
            e.get(XSI),
            e.findtext(f"{NS}name"),
            e.findtext(f"{NS}documentation") or "",
            "",
        ]
        for e in doc.iter(f"{NS}element")
    ]
    assert elements == want
    assert len(elements) > 500


def test_the_relations_are_the_exchange_files(
    both: tuple[dict[str, str], Any],
) -> None:
    files, doc = both
    table = rows(files["relations.csv"])
    assert tuple(table[0]) == RELATIONS
    want = [
        [
            r.get("identifier"),
            r.get(XSI) + "Relationship",
            r.findtext(f"{NS}name") or "",
            "",
            r.get("source"),
            r.get("target"),
            "",
        ]
        for r in doc.iter(f"{NS}relationship")
    ]
    assert table[1:] == want
    ids = {row[0] for row in rows(files["elements.csv"])[1:]}
    assert all(r[4] in ids and r[5] in ids for r in table[1:])


def test_the_properties_are_the_exchange_files(
    both: tuple[dict[str, str], Any],
) -> None:
    files, doc = both
    table = rows(files["properties.csv"])
    assert tuple(table[0]) == PROPERTIES_HEADER
    names = {
        d.get("identifier"): d.findtext(f"{NS}name")
        for d in doc.iter(f"{NS}propertyDefinition")
    }
    want = [
        [
            e.get("identifier"),
            names[p.get("propertyDefinitionRef")],
            p.findtext(f"{NS}value"),
        ]
        for e in doc.iter(f"{NS}element")
        for p in e.iter(f"{NS}property")
    ]
    assert table[1:] == want
    assert ["actor-kongsberg", "planner id", "kongsberg"] in table


def test_archis_format_quoted_crlf(both: tuple[dict[str, str], Any]) -> None:
    files, _ = both
    for text in files.values():
        lines = text.split("\r\n")
        assert lines[-1] == ""  # every row ends with CRLF
        assert all(line.startswith('"') and line.endswith('"') for line in lines[:-1])


def test_hostile_names_survive(tmp_path: Path) -> None:
    files, _ = export_archi_csv(write_hostile(tmp_path), start="2027H1")
    names = {row[2] for row in rows(files["elements.csv"])[1:]}
    assert f"TH {NAME}" in names  # quotes, markup and the newline as they were


def test_cli_writes_the_three_files(tmp_path: Path) -> None:
    out = tmp_path / "archi"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "archi-csv",
            str(KONGSBERG),
            "-t",
            str(KONGSBERG_TARGET),
            "-p",
            str(KONGSBERG_PLAN),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "elements.csv",
        "properties.csv",
        "relations.csv",
    ]
    assert "relations" in result.stdout
    again = export_archi_csv(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN)[0]
    assert (out / "elements.csv").read_bytes() == again["elements.csv"].encode()
