"""``planner plan`` through click's CliRunner: the JSON contract of CLI.md,
``-o DIR`` with every output, overrides, warnings in every format."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from planner.cli import cli
from planner.commands.plan import OUTPUTS
from tests.conftest import MINI, ROOT

MELHUS = ROOT / "inventories" / "melhus.yaml"
MELHUS_PLAN = ROOT / "plans" / "melhus.yaml"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _openpyxl() -> Any:
    """openpyxl, imported after planner's workbook module has asked it for
    its own XML writer (see planner/render/workbook.py)."""
    import openpyxl

    return openpyxl


def test_json_contract_melhus() -> None:
    code, out, err = run("plan", MELHUS, "-p", MELHUS_PLAN, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "planner/plan/v1"
    q3 = next(p for p in doc["phases"] if p["id"] == "2009Q3")
    assert {
        k: q3[k] for k in ("start", "work_packages", "investment", "operating")
    } == {
        "start": "2009-07-01",
        "work_packages": ["network", "physical-infrastructure"],
        "investment": 850_000,
        "operating": 0,
    }
    network = next(w for w in doc["work_packages"] if w["id"] == "network")
    assert {
        k: network[k] for k in ("phase_start", "phase_end", "investment", "generated")
    } == {
        "phase_start": "2009Q3",
        "phase_end": "2009Q4",
        "investment": 600_000,
        "generated": False,
    }
    assert network["reason"] == "hand-written"
    totals = doc["totals"]
    assert (totals["investment"], totals["operating"]) == (4_580_000, 550_000)
    assert totals["by_year"]["2009"] == {
        "investment": 1_050_000,
        "operating": 550_000,
        "contingency": 400_000,
        "running": 0,
        "savings": 0,
        "capital": 0,
    }
    assert doc["shares"][0] == {
        "municipality": "melhus",
        "fraction": 0.6,
        "investment": 2_748_000,
        "operating": 330_000,
        "total": 3_078_000,
        "running": 0,
        "per_year": 0,
        "capital": 0,
    }
    assert doc["warnings"] == []
    assert doc["projection"]["break_even"] == 2009


def test_output_folder_has_every_file_and_is_byte_identical(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        code, out, err = run("plan", MINI, "-o", folder)
        assert (code, out) == (0, ""), err
        assert sorted(p.name for p in folder.iterdir()) == sorted(OUTPUTS)
        runs.append({f: (folder / f).read_bytes() for f in OUTPUTS})
    assert runs[0] == runs[1]
    book = _openpyxl().load_workbook(io.BytesIO(runs[0]["plan.xlsx"]))
    assert book.sheetnames == [
        "Summary",
        "Phases",
        "Work packages",
        "By year",
        "Shares",
        "System overview",
        "Warnings",
    ]
    # The overview's grid, as the matrix workbook's Systems sheet: the
    # mini region's e-mail row (tests/data/mini.yaml).
    grid = [[c.value for c in row] for row in book["System overview"].iter_rows()]
    assert grid[0] == ["service", "standard", "Alpha", "Beta", "Gamma"]
    email = next(r for r in grid if r[0] == "E-post (email)")
    assert email[2:] == ["MS Exchange (100)", "≠ GroupWise (60)", "MS Exchange (20)"]
    ET.fromstring(runs[0]["gantt.svg"])  # well-formed


def test_default_start_is_the_phase_after_as_of() -> None:
    """mini: as_of 2024-01-01 -> 2024H2; links and the data centre first,
    the moves next, harmonising and closing the server room last."""
    code, out, _ = run("plan", MINI, "--format", "json")
    assert code == 0
    phases = {p["id"]: p["work_packages"] for p in json.loads(out)["phases"]}
    assert list(phases) == ["2024H2", "2025H1", "2025H2"]
    assert phases["2024H2"] == [
        "datacenter",
        "link-alpha-skole-link",
        "link-beta-gamma",
    ]
    assert phases["2025H2"][0] == "close-beta-radhus"


def test_command_line_overrides_the_plan_file() -> None:
    """Years from 2010: durations count phases, so SLA runs 2010-2012;
    design and the 2-phase infrastructure wait for start-up (2011-2012), the
    data layer and its peers for the infrastructure (2013), terminal
    services for the application farm (2014)."""
    code, out, _ = run(
        "plan",
        MELHUS,
        "-p",
        MELHUS_PLAN,
        "--phase",
        "year",
        "--start",
        "2010",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["settings"]["start"] == "2010"
    assert [p["id"] for p in doc["phases"]] == ["2010", "2011", "2012", "2013", "2014"]
    sla = next(w for w in doc["work_packages"] if w["id"] == "sla")
    assert (sla["phase_start"], sla["phase_end"]) == ("2010", "2012")


PLAN = """\
schema: planner/plan/v1
start: 2025H1
strategy: evolution
budget_per_phase: {investment: 300k}
work_packages:
  - id: late
    name: Late <& "quoted">
    investment: 100k
    depends_on: [move-email]
    deadline: 2025H1
"""


def test_missed_deadline_is_in_every_output_format(tmp_path: Path, write: Any) -> None:
    plan = write("p.yaml", PLAN)
    warning = "work package late finishes in"
    for fmt in ("text", "markdown", "json"):
        code, out, _ = run("plan", MINI, "-p", plan, "--format", fmt)
        assert code == 0 and warning in out, fmt
    run("plan", MINI, "-p", plan, "-o", tmp_path)
    book = _openpyxl().load_workbook(tmp_path / "plan.xlsx")
    assert str(book["Warnings"]["A2"].value).startswith(warning)


def test_gantt_escapes_user_text(tmp_path: Path, write: Any) -> None:
    run("plan", MINI, "-p", write("p.yaml", PLAN), "-o", tmp_path)
    svg = (tmp_path / "gantt.svg").read_text()
    assert 'Late &lt;&amp; "quoted"&gt;' in svg
    ET.fromstring(svg)


def test_big_bang_reports_the_overrun(write: Any) -> None:
    """The cap of 300k per phase against the 2025H1 links and data centre
    (50 000 + 250 000, plus nothing for the data centre) and the 2025H2
    moves (120 000 + 30 000 + 25 000 + 60 000 = 235 000): no overrun; the
    2026H1 harmonisation (120 000 + 30 000 + 60 000) and 'late' (100 000)
    make 310 000: 10 000 over."""
    code, out, _ = run(
        "plan",
        MINI,
        "-p",
        write("p.yaml", PLAN),
        "--strategy",
        "big-bang",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    over = {p["id"]: p["overrun"] for p in doc["phases"] if p["overrun"]}
    assert over == {"2026H1": {"investment": 10_000}}
    assert (
        "phase 2026H1: investment 310 000 is 10 000 over the cap of 300 000"
        in doc["warnings"]
    )


def test_unknown_dependency_is_exit_2_with_location(write: Any) -> None:
    plan = write("p.yaml", PLAN.replace("[move-email]", "[move-emial]"))
    code, _, err = run("plan", MINI, "-p", plan)
    assert code == 2
    assert err == (
        f"{plan}:9:18: unknown work package 'move-emial' (neither generated nor "
        "written here); did you mean 'move-email'?\n"
    )


def test_plan_file_cost_key_needs_the_figures(write: Any) -> None:
    plan = write("p.yaml", "schema: planner/plan/v1\ncost_key: {employees: 100%}\n")
    code, _, err = run("plan", MELHUS, "-p", plan)
    assert code == 2
    assert "municipality 'melhus' has no employees" in err


def test_output_folder_never_overwrites_an_input(tmp_path: Path) -> None:
    inventory = tmp_path / "plan.md"
    inventory.write_bytes(MINI.read_bytes())
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "beta.yaml").write_bytes(
        (MINI.parent / "mini" / "beta.yaml").read_bytes()
    )
    code, _, err = run("plan", inventory, "-o", tmp_path)
    assert code == 2 and "would overwrite the input" in err
    assert inventory.read_bytes() == MINI.read_bytes()


RING = """\
schema: planner/inventory/v1
region: {id: ring, name: Ring, as_of: 2026-06-30}
municipalities:
  - id: m
    name: M
    population: 100
    sites:
      - {id: dc, name: DC, role: town-hall, users: 5}
      - {id: a, name: A, role: school, users: 40}
      - {id: b, name: B, role: school, users: 40}
    systems:
      - {id: m-mail, service: email, product: X, hosting: saas}
links:
  - {id: dc-a, a: dc, b: a, capacity: 100 Mbit/s}
  - {id: a-b, a: a, b: b, capacity: 100 Mbit/s}
  - {id: b-dc, a: b, b: dc, capacity: 100 Mbit/s}
  - {id: dc-internet, a: dc, b: internet, capacity: 1 Gbit/s}
"""
RING_TARGET = """\
schema: planner/target/v1
extends: default
services:
  - {id: email, demand_per_user: 1 Mbit/s}
"""


def test_links_are_sized_for_the_worst_single_failure(write: Any) -> None:
    """Ring dc - a - b - dc at 100 Mbit/s, 40 Mbit/s from each of a and b:
    40 % on dc-a and b-dc normally, 80 % when the other one fails (a's
    40 goes round through b). Over the 70 % limit only under failure, so
    --failures n-1 (the default) upgrades both to the next tier, 1 Gbit/s,
    and --failures none upgrades nothing."""
    inv, tgt = write("ring.yaml", RING), write("target.yaml", RING_TARGET)

    def link_packages(*extra: str) -> dict[str, Any]:
        code, out, _ = run("plan", inv, "-t", tgt, "--format", "json", *extra)
        assert code == 0
        return {
            p["id"]: p for p in json.loads(out)["work_packages"] if p["kind"] == "link"
        }

    n1 = link_packages()
    assert sorted(n1) == ["link-b-dc", "link-dc-a"]
    assert "needs 1 Gbit/s" in n1["link-dc-a"]["reason"]
    assert n1 == link_packages("--failures", "n-1")
    assert link_packages("--failures", "none") == {}
