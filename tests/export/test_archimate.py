"""``planner export archimate``: valid against The Open Group's XSDs, every
relationship allowed by the ArchiMate 3.1 table, stable ids, identical
bytes run to run, and diagrams that follow the exchange format's rules."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from planner.cli import cli
from planner.commands.export import export_archimate
from planner.export.archimate_rules import allowed
from planner.export.archimodel import xml_id
from planner.load import load_inventory, load_target
from tests.conftest import MINI, ROOT
from tests.export.xsd import validate
from tests.render.hostile import write_hostile

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}type"
KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"
KONGSBERG_TARGET = ROOT / "topologies" / "kongsberg-target.yaml"
KONGSBERG_PLAN = ROOT / "plans" / "kongsberg.yaml"


@pytest.fixture(scope="module")
def kongsberg() -> bytes:
    text, _ = export_archimate(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN)
    return text.encode()


def parse(xml: bytes) -> Any:
    return etree.fromstring(xml)


def elements(doc: Any) -> dict[str, str]:
    return {e.get("identifier"): e.get(XSI) for e in doc.iter(f"{NS}element")}


def test_valid_against_the_open_group_schema(kongsberg: bytes) -> None:
    assert validate(kongsberg) == []


def test_the_schema_check_can_fail(kongsberg: bytes) -> None:
    broken = kongsberg.replace(b'xsi:type="Location"', b'xsi:type="Place"', 1)
    assert validate(broken)
    unordered = kongsberg.replace(b' x="', b' x="-', 1)
    assert validate(unordered)


def test_every_relationship_is_allowed_by_archimate_3_1(kongsberg: bytes) -> None:
    doc = parse(kongsberg)
    types = elements(doc)
    rels = list(doc.iter(f"{NS}relationship"))
    assert len(rels) > 100
    for r in rels:
        s, t = types[r.get("source")], types[r.get("target")]
        assert allowed(r.get(XSI), s, t), (r.get(XSI), s, t)


def test_the_mapping(kongsberg: bytes) -> None:
    doc = parse(kongsberg)
    counts = Counter(elements(doc).values())
    inv = load_inventory(KONGSBERG, load_target(KONGSBERG_TARGET)).model
    assert counts["BusinessActor"] == len(inv.municipalities)
    assert counts["Location"] == sum(len(m.sites) for m in inv.municipalities)
    assert counts["ApplicationComponent"] == sum(
        len(m.systems) for m in inv.municipalities
    )
    servers = [s for m in inv.municipalities for s in m.servers]
    assert counts["Device"] == sum(not s.virtual for s in servers)
    assert counts["Node"] == sum(s.virtual for s in servers)
    assert counts["CommunicationNetwork"] == len(inv.all_links()) + 1  # + internet
    assert counts["Facility"] >= 1
    assert counts["Gap"] > 10 and counts["WorkPackage"] > 5
    assert counts["Deliverable"] >= 1
    plan_phases = len(
        {
            p.get("identifier")
            for p in doc.iter(f"{NS}element")
            if p.get(XSI) == "Plateau"
        }
    )
    assert plan_phases >= 3  # today, at least one phase, the target
    names = {
        e.get("identifier"): e.findtext(f"{NS}name") for e in doc.iter(f"{NS}element")
    }
    assert names["plateau-today"] == "I dag"
    assert names["actor-kongsberg"] == "Kongsberg"


def test_work_packages_carry_their_phase_and_costs(kongsberg: bytes) -> None:
    doc = parse(kongsberg)
    defs = {
        d.get("identifier"): d.findtext(f"{NS}name")
        for d in doc.iter(f"{NS}propertyDefinition")
    }
    wp = next(e for e in doc.iter(f"{NS}element") if e.get(XSI) == "WorkPackage")
    props = {
        defs[p.get("propertyDefinitionRef")]: p.findtext(f"{NS}value")
        for p in wp.iter(f"{NS}property")
    }
    assert {"phase start", "phase end", "investment", "planner id"} <= set(props)
    assert props["phase start"][:4].isdigit()


def test_byte_identical_run_to_run(kongsberg: bytes) -> None:
    again = export_archimate(KONGSBERG, KONGSBERG_TARGET, KONGSBERG_PLAN)[0].encode()
    assert again == kongsberg


SMALL = """
region: {id: r, name: R, as_of: 2026-03-01}
municipalities:
  - id: a
    name: A
    population: 1000
    sites:
      - {id: a-th, name: A rådhus, role: town-hall, server_room: true, users: 50}
      - {id: a-s, name: A skole, role: school, users: 20}
    servers: [{id: a-srv, site: a-th, role: file}]
    systems:
      - {id: a-mail, service: email, product: Exchange, hosting: local, server: a-srv}
    links: [{id: a-l1, a: a-th, b: a-s, capacity: 100 Mbit/s}]
  - id: b
    name: B
    population: 500
    sites: [{id: b-th, name: B rådhus, role: town-hall, users: 30}]
links: [{id: ab, a: a-th, b: b-th, capacity: 1 Gbit/s}]
"""
GROWN = SMALL.replace(
    "      - {id: a-s, name: A skole, role: school, users: 20}\n",
    "      - {id: a-s, name: A skole, role: school, users: 20}\n"
    "      - {id: a-new, name: A bibliotek, role: library, users: 5}\n",
).replace(
    "links: [{id: a-l1, a: a-th, b: a-s, capacity: 100 Mbit/s}]",
    "links: [{id: a-l1, a: a-th, b: a-s, capacity: 100 Mbit/s},"
    " {id: a-l2, a: a-th, b: a-new, capacity: 100 Mbit/s}]",
)


def test_ids_are_kind_prefixed_and_stable_when_the_inventory_grows(
    write: Any,
) -> None:
    before = elements(parse(export_archimate(write("a.yaml", SMALL))[0].encode()))
    after = elements(parse(export_archimate(write("b.yaml", GROWN))[0].encode()))
    assert GROWN != SMALL
    kept = {i for i in before if not i.startswith(("gap-", "wp-", "deliverable-"))}
    assert kept <= set(after)
    assert {"location-a-new", "network-a-l2"} <= set(after) - set(before)
    assert {i.split("-", 1)[0] for i in after} <= {
        "actor",
        "location",
        "facility",
        "device",
        "node",
        "component",
        "service",
        "network",
        "plateau",
        "gap",
        "wp",
        "deliverable",
    }


def test_xml_ids_are_valid_and_one_to_one() -> None:
    assert xml_id("location", "rollag-rh") == "location-rollag-rh"
    assert xml_id("location", "røros.1") == "location-røros.1"
    assert xml_id("site", "a_b") == "site-a_x5F_b"
    assert xml_id("site", "a_x5F_b") != xml_id("site", "a_b")
    assert xml_id("site", "1²") == "site-1_xB2_"


def test_views_nodes_before_connections_integer_coordinates(kongsberg: bytes) -> None:
    doc = parse(kongsberg)
    views = list(doc.iter(f"{NS}view"))
    assert [v.get("identifier") for v in views] == ["view-network", "view-migration"]
    rels = {r.get("identifier"): r for r in doc.iter(f"{NS}relationship")}
    for view in views:
        tags = [c.tag for c in view if c.tag in (f"{NS}node", f"{NS}connection")]
        assert tags.index(f"{NS}connection") > max(
            i for i, t in enumerate(tags) if t == f"{NS}node"
        )
        nodes = {n.get("identifier"): n for n in view.iter(f"{NS}node")}
        for n in nodes.values():
            for a in ("x", "y", "w", "h"):
                assert int(n.get(a)) >= 0
        for c in view.iter(f"{NS}connection"):
            rel = rels[c.get("relationshipRef")]
            assert nodes[c.get("source")].get("elementRef") == rel.get("source")
            assert nodes[c.get("target")].get("elementRef") == rel.get("target")


def test_sites_sit_inside_their_municipality_box(kongsberg: bytes) -> None:
    doc = parse(kongsberg)
    view = next(
        v for v in doc.iter(f"{NS}view") if v.get("identifier") == "view-network"
    )
    boxes = 0
    for outer in view.findall(f"{NS}node"):
        X, Y = int(outer.get("x")), int(outer.get("y"))
        W, H = int(outer.get("w")), int(outer.get("h"))
        for inner in outer.findall(f"{NS}node"):
            x, y, w, h = (int(inner.get(a)) for a in ("x", "y", "w", "h"))
            assert x >= X and x + w <= X + W + 1 and y >= Y and y + h <= Y + H + 1
            boxes += 1
    assert boxes > 20


def test_the_folded_map_is_valid_too() -> None:
    xml = export_archimate(KONGSBERG, KONGSBERG_TARGET, fold=True)[0].encode()
    assert validate(xml) == []
    view = next(parse(xml).iter(f"{NS}view"))
    municipalities = load_inventory(KONGSBERG, load_target(KONGSBERG_TARGET)).model
    assert len(view.findall(f"{NS}node")) == len(municipalities.municipalities)
    assert view.findall(f"{NS}connection")


def test_hostile_names_stay_text(tmp_path: Path) -> None:
    xml = export_archimate(write_hostile(tmp_path), start="2027H1")[0].encode()
    assert validate(xml) == []
    names = [n.text for n in parse(xml).iter(f"{NS}name")]
    assert any(n and "<script>" in n for n in names)


def test_cli_writes_the_file_and_never_an_input(tmp_path: Path) -> None:
    out = tmp_path / "m.xml"
    result = CliRunner().invoke(
        cli, ["export", "archimate", str(MINI), "--lang", "en", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert validate(out.read_bytes()) == []
    assert b">Today</name>" in out.read_bytes()
    result = CliRunner().invoke(
        cli, ["export", "archimate", str(MINI), "-o", str(MINI)]
    )
    assert result.exit_code == 2 and "would overwrite" in result.stderr
