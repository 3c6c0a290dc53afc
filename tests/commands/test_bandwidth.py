"""``planner bandwidth`` through the CLI: the JSON contract, formats,
byte-identical output, --fail-on, and no progress bar off a terminal."""

from __future__ import annotations

import json
from pathlib import Path

from planner.commands.bandwidth import bandwidth
from tests.conftest import MINI, ROOT
from tests.test_cli import run

KONGSBERG = ROOT / "inventories/kongsberg.yaml"
KONGSBERG_TARGET = ROOT / "topologies/kongsberg-target.yaml"


def test_json_contract() -> None:
    code, out, err = run("bandwidth", MINI, "--failures", "n-1", "--format", "json")
    assert code == 0 and err == ""  # no progress bar in a pipe
    doc = json.loads(out)
    assert doc["schema"] == "planner/bandwidth/v1"
    assert doc["datacenters"] == ["alpha-radhus"]
    skole = next(ln for ln in doc["links"] if ln["id"] == "alpha-skole-link")
    assert skole == {
        "id": "alpha-skole-link",
        "a": "alpha-radhus",
        "b": "alpha-skole",
        "status": "active",
        "capacity_mbps": 10.0,
        "demand_mbps": 11.0,
        "towards": "alpha-radhus",
        "utilisation": 1.1,
        "worst": {
            "utilisation": 1.1,
            "demand_mbps": 11.0,
            "failed_link": None,
            "failed": None,
        },
        "required_capacity_mbps": 15.714286,
        "recommended_capacity_mbps": 100.0,
        "upgrade": {"capacity_mbps": 100.0, "investment": 50000, "per_year": 24000},
    }
    assert {"site": "gamma-bibliotek", "failed_link": None, "failed": None} in doc[
        "unreachable"
    ]
    assert {
        "site": "beta-radhus",
        "failed_link": "alpha-beta",
        "failed": {"kind": "link", "id": "alpha-beta"},
    } in doc["unreachable"]
    assert doc["upgrades"]["investment"] == 50000


def test_output_is_byte_identical(tmp_path: Path) -> None:
    for fmt in ("text", "json", "markdown"):
        outputs = []
        for name in ("a", "b"):
            path = tmp_path / f"{name}.{fmt}"
            args = ("bandwidth", KONGSBERG, "-t", KONGSBERG_TARGET, "--failures", "n-1")
            assert run(*args, "--format", fmt, "-o", path)[0] == 0
            outputs.append(path.read_bytes())
        assert outputs[0] == outputs[1], fmt


def test_text_and_markdown() -> None:
    _, text, _ = run("bandwidth", MINI, "--failures", "n-1")
    assert "Links needing more capacity (1, worst first):" in text
    assert "alpha-beta" in text and "beta-omsorg, beta-radhus, gamma-radhus" in text
    # gamma-bibliotek has no link; alpha-skole, beta-radhus, beta-omsorg and
    # gamma-radhus each hang on at least one link whose failure cuts them off.
    assert "Upgrades: 1 link, investment 50 000 NOK" in text
    assert (
        "Unreachable: 1 site today; 4 sites a single link failure can cut off\n" in text
    )
    _, baseline, _ = run("bandwidth", MINI)
    assert "Unreachable: 1 site today\n" in baseline
    _, md, _ = run("bandwidth", MINI, "--format", "markdown")
    assert "| link | capacity | demand | utilisation |" in md
    assert "| alpha-skole-link | 10 Mbit/s | 11 Mbit/s | 110.0 % |" in md


def test_fail_on() -> None:
    assert run("bandwidth", MINI, "--fail-on", "utilisation")[0] == 1
    assert run("bandwidth", MINI, "--fail-on", "reachability")[0] == 1
    code, _, err = run("bandwidth", MINI, "--fail-on", "coverage")
    assert code == 2 and "not checked by bandwidth" in err


def test_library_call_matches_cli() -> None:
    report = bandwidth(MINI, None, "none")
    assert report.failures == "none" and len(report.links) == 4


def test_gap_with_failures() -> None:
    code, out, _ = run(
        "gap",
        KONGSBERG,
        "-t",
        KONGSBERG_TARGET,
        "--failures",
        "n-1",
        "--format",
        "json",
    )
    assert code == 0
    doc = json.loads(out)
    kinds = {g["kind"] for g in doc["gaps"]}
    assert {"utilisation", "availability"} <= kinds
