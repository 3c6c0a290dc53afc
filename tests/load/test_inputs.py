"""The siblings of ``load_inputs`` for commands that read several files of
one kind, and settings that the library names without the CLI's options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.errors import InputError, SettingError
from planner.load.inputs import load_each, load_inventories
from planner.load.loader import load_scenarios
from planner.load.scenarios import from_option, merge
from tests.conftest import ROOT

KONGSBERG = ROOT / "inventories/kongsberg.yaml"


def test_every_problem_of_both_inventories_at_once(write: Any) -> None:
    bad_a = write("a.yaml", "schema: planner/inventory/v1\nregion: {}\n")
    bad_b = write("b.yaml", "schema: planner/inventory/v1\nregoin: {}\n")
    with pytest.raises(InputError) as e:
        load_inventories((bad_a, bad_b), None)
    paths = {p.path for p in e.value.problems}
    assert paths == {str(bad_a), str(bad_b)}


def test_inventories_against_the_one_target() -> None:
    target, (a, b) = load_inventories((KONGSBERG, KONGSBERG), None)
    assert a == b and a.region.id == "kongsbergregionen"
    assert target.model.id == "soa-default"


def test_load_each_keeps_the_order_and_collects(write: Any) -> None:
    write("plan.yaml", "schema: planner/plan/v1\n")
    good = write(
        "s.yaml",
        "schema: planner/scenarios/v1\nscenarios: [{name: A, plan: plan.yaml}]\n",
    )
    loaded = load_each(load_scenarios, [good, good])
    assert [[s.name for s in f.model.scenarios] for f in loaded] == [["A"], ["A"]]
    bad = write("t.yaml", "schema: planner/scenarios/v1\nscenarios: 3\n")
    worse = write("u.yaml", "schema: planner/scenarios/v1\nscenarios: x\n")
    with pytest.raises(InputError) as e:
        load_each(load_scenarios, [bad, good, worse])
    assert [p.path for p in e.value.problems] == [str(bad), str(worse)]


def test_a_scenario_text_names_the_setting_not_the_option(tmp_path: Path) -> None:
    with pytest.raises(SettingError) as e:
        from_option("plans/melhus.yaml")
    assert e.value.setting == "scenario" and "--" not in str(e.value)
    assert e.value.for_option("--scenario").lines() == [
        "error: --scenario: 'plans/melhus.yaml': write NAME=PLAN, "
        "e.g. Evolusjon=plans/scenarios/evolusjon.yaml"
    ]
    with pytest.raises(SettingError, match=r"A: plan file 'none\.yaml' not found"):
        from_option("A=none.yaml")
    plan = tmp_path / "p.yaml"
    plan.write_text("schema: planner/plan/v1\n")
    twice = [[from_option(f"A={plan}")], [from_option(f"A={plan}")]]
    with pytest.raises(Exception, match=r"^scenario 'A' is given twice; give"):
        merge(twice)
