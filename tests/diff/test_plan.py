"""planner diff --plan: work packages moved between phases, costs changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import ROOT

INVENTORY = ROOT / "inventories" / "kongsberg.yaml"
TARGET = ROOT / "topologies" / "kongsberg-target.yaml"
PLAN = ROOT / "plans" / "kongsberg.yaml"


def _plan_json(tmp: Path, name: str, settings: Path) -> Path:
    result = CliRunner().invoke(
        cli,
        [
            "plan",
            str(INVENTORY),
            "-t",
            str(TARGET),
            "-p",
            str(settings),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    out = tmp / name
    out.write_text(result.stdout, encoding="utf-8")
    return out


def test_plan_diff_moves_and_costs(tmp_path: Path) -> None:
    tight = tmp_path / "tight.yaml"
    tight.write_text(
        PLAN.read_text(encoding="utf-8").replace(
            "budget_per_phase: {investment: 4M}", "budget_per_phase: {investment: 2M}"
        ),
        encoding="utf-8",
    )
    old = _plan_json(tmp_path, "old.json", PLAN)
    new = _plan_json(tmp_path, "new.json", tight)
    before = {p["id"]: p for p in json.loads(old.read_text())["work_packages"]}
    after = {p["id"]: p for p in json.loads(new.read_text())["work_packages"]}
    moved = sorted(
        k for k in before if before[k]["phase_start"] != after[k]["phase_start"]
    )
    assert moved  # a tighter budget pushes packages later
    result = CliRunner().invoke(
        cli, ["diff", "--plan", str(old), str(new), "--format", "json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["subject"] == "plan"
    reported = sorted(
        c["id"]
        for c in data["changes"]
        if c["kind"] == "work_package" and "phase_start" in c["fields"]
    )
    assert reported == moved
    k = moved[0]
    change = next(c for c in data["changes"] if c["id"] == k)
    assert change["fields"]["phase_start"] == {
        "before": before[k]["phase_start"],
        "after": after[k]["phase_start"],
    }


def test_plan_diff_equal_and_not_a_plan(tmp_path: Path) -> None:
    old = _plan_json(tmp_path, "old.json", PLAN)
    result = CliRunner().invoke(cli, ["diff", "--plan", str(old), str(old)])
    assert result.exit_code == 0
    assert result.stdout.endswith("are the same plan.\n")
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"schema": "planner/gap/v1"}')
    result = CliRunner().invoke(cli, ["diff", "--plan", str(old), str(bogus)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{bogus}:1:1: not a plan: expected the JSON of planner plan --format json "
        '("schema": "planner/plan/v1")\n'
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, ":1:1: not a plan: nested too deep"),
        ('{"schema": "planner/plan/v1\\u202e"}\u202e', ":1:36: a control character"),
    ],
)
def test_a_hostile_plan_json_is_one_located_line(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", "--plan", str(bad), str(bad)])
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_endless_plan_json_is_read_bounded() -> None:
    result = CliRunner().invoke(cli, ["diff", "--plan", "/dev/zero", "/dev/zero"])
    assert result.exit_code == 2
    assert "/dev/zero:1:1: gives more than 100 MB" in result.stderr
