"""The NetBox -> inventory mapping on API records recorded from a real
NetBox 4.7 seeded by tests/netbox/seed.py (tests/netbox/recorded.json,
rewritten by PLANNER_NETBOX_RECORD=1 with the real NetBox test), and on
broken copies of them. The real NetBox test checks the same import end to
end; these run everywhere, in milliseconds."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.importers.netbox_map import NetBoxData, NetBoxError, slug, to_inventory
from planner.importers.netbox_yaml import inventory_files
from planner.load import load_inventory

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "netbox" / "recorded.json"
EXPECTED = ROOT / "netbox" / "expected"


def recorded() -> NetBoxData:
    return NetBoxData(**json.loads(RECORDED.read_text(encoding="utf-8")))


def by_name(records: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(r for r in records if r.get("name") == name or r.get("cid") == name)


def test_the_recorded_region_gives_the_expected_files() -> None:
    files = inventory_files(to_inventory(recorded()))
    want = {
        str(p.relative_to(EXPECTED)): p.read_text() for p in EXPECTED.rglob("*.yaml")
    }
    assert files == want


def test_the_imported_files_load(tmp_path: Path) -> None:
    for name, text in inventory_files(to_inventory(recorded())).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    inv = load_inventory(tmp_path / "inventory.yaml").model
    rollag = next(m for m in inv.municipalities if m.id == "rollag")
    roles = {s.id: s.role for s in rollag.sites}
    assert roles == {"rollag-rh": "town-hall", "rollag-skole": "school"}
    th = next(s for s in rollag.sites if s.id == "rollag-rh")
    assert th.server_room and th.custom and th.custom["latitude"] == 60.0224
    assert [s.id for s in rollag.servers] == ["rollag-fil01"]  # switches left out
    assert rollag.servers[0].role == "file"
    assert rollag.servers[0].platform == "Windows Server 2019"
    flesberg = next(m for m in inv.municipalities if m.id == "flesberg")
    assert {s.id for s in flesberg.sites} == {
        "flesberg-rh",
        "flesberg-dc",
    }  # retired out
    vm = next(s for s in flesberg.servers if s.id == "flesberg-app01")
    assert vm.virtual and vm.role == "application"
    links = {ln.id: ln for ln in inv.all_links()}
    assert links["tn-1001"].capacity == 100.0  # commit rate 100 000 kbit/s
    assert links["tn-1001"].provider == "Telenor"
    assert (links["tn-1001"].a, links["tn-1001"].b) == ("rollag-rh", "flesberg-rh")
    assert links["tn-2002"].b == "internet" and links["tn-2002"].capacity == 1000.0
    assert links["rollag-skole-fiber"].capacity == 1000.0  # interface speed
    assert links["rollag-skole-fiber"].medium == "fiber"
    assert all(m.population == 0 for m in inv.municipalities)  # TODO lines


def test_placeholders_are_reported() -> None:
    report = to_inventory(recorded()).report
    assert any("fill in the lines marked TODO" in line for line in report)
    assert any("retired" in line for line in report)
    assert any("switch" in line for line in report)


def test_a_site_without_tenant_is_named() -> None:
    data = recorded()
    site = by_name(data.sites, "Rollag skole")
    site["tenant"] = None
    with pytest.raises(NetBoxError) as e:
        to_inventory(data)
    assert e.value.lines() == [
        f"dcim.site {site['id']} 'Rollag skole': no tenant: set the municipality "
        "as its tenant"
    ]


def test_every_problem_at_once() -> None:
    data = recorded()
    school = by_name(data.sites, "Rollag skole")
    school["tags"] = []
    circuit = by_name(data.circuits, "TN-1001")
    circuit["commit_rate"] = None
    town_hall = by_name(data.sites, "Flesberg rådhus")
    town_hall["group"] = {"id": 99, "slug": "town-hal", "name": "x"}
    with pytest.raises(NetBoxError) as e:
        to_inventory(data)
    lines = e.value.lines()
    assert len(lines) == 4, lines
    assert any(
        f"dcim.site {school['id']} 'Rollag skole': no role" in line for line in lines
    )
    assert any("did you mean 'town-hall'?" in line for line in lines)
    assert any(
        f"circuits.circuit {circuit['id']} 'TN-1001': no commit rate" in line
        for line in lines
    )
    assert any("'Flesberg': no site with role town-hall" in line for line in lines)


def test_a_cable_without_speeds_is_named() -> None:
    data = recorded()
    for i in data.interfaces:
        i["speed"] = None
    for c in data.cables:
        for side in ("a_terminations", "b_terminations"):
            for t in c[side]:
                t["object"]["speed"] = None
    with pytest.raises(NetBoxError) as e:
        to_inventory(data)
    assert "no capacity: set the speed of the interfaces" in e.value.lines()[0]


def test_same_records_same_bytes() -> None:
    data = recorded()
    shuffled = copy.deepcopy(data)
    shuffled.sites.reverse()
    shuffled.devices.reverse()
    assert inventory_files(to_inventory(data)) == inventory_files(
        to_inventory(shuffled)
    )


def test_slugs_are_planner_ids() -> None:
    assert slug("Rollag rådhus") == "rollag-rådhus"
    assert slug(" TN/1001 ") == "tn-1001"
    assert slug("***") == "x"


def test_no_pynetbox_or_no_netbox_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "import",
            "netbox",
            "--url",
            "http://127.0.0.1:9",
            "--token",
            "x",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot reach NetBox" in result.stderr or "pynetbox" in result.stderr


def test_hostile_names_stay_strings(tmp_path: Path) -> None:
    data = recorded()
    name = 'Rollag "rådhus": {x}, - y\nNO'
    by_name(data.sites, "Rollag rådhus")["name"] = name
    by_name(data.tenants, "Rollag")["name"] = "true"
    for rel, text in inventory_files(to_inventory(data)).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    inv = load_inventory(tmp_path / "inventory.yaml").model
    rollag = next(m for m in inv.municipalities if m.id == "rollag")
    assert rollag.name == "true"
    assert next(s for s in rollag.sites if s.id == "rollag-rh").name == name


def test_a_trojan_source_name_is_refused() -> None:
    data = recorded()
    by_name(data.sites, "Rollag rådhus")["name"] = "Rollag \u202erådhus"
    with pytest.raises(NetBoxError) as e:
        to_inventory(data)
    assert e.value.lines() == [
        "site rollag-rh: name holds a control character (U+202E); remove it in NetBox"
    ]
