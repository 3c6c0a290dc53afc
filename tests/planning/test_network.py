"""The plan builds the network first: the mini region with the candidates
of tests/data/design/mini-candidates.yaml (worked by hand in
tests/commands/test_design.py): build-c1, build-c3 and build-c4 come first,
beta's moves wait for build-c1 (it closes beta's backbone gap), and the
phase:1 map shows the gaps they close closed."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analyses.gaps import analyse
from planner.load import load_inventory, load_target
from planner.planning.phases import phase_state
from planner.planning.pipeline import plan_analysed
from tests.conftest import MINI, ROOT

CANDIDATES = ROOT / "tests/data/design/mini-candidates.yaml"


@pytest.fixture(scope="module")
def plan() -> Any:
    tgt = load_target(CANDIDATES)
    inv = load_inventory(MINI, tgt)
    analysis = analyse(inv.model, tgt.model, failures="n-1")
    return plan_analysed(analysis, inv, tgt.model, None)


def _packages(plan: Any) -> dict[str, Any]:
    return {x.package.id: x.package for x in plan.placements}


def test_build_packages_with_their_prices(plan: Any) -> None:
    p = _packages(plan)
    builds = {
        k: (v.investment, v.per_year) for k, v in p.items() if k.startswith("build-")
    }
    assert builds == {
        "build-c1": (870_000, 12_000),
        "build-c3": (200_000, 12_000),
        "build-c4": (100_000, 0),
    }
    assert p["build-c1"].municipalities == ("beta", "gamma")
    assert p["build-c1"].closes == (
        ("redundancy", "beta-radhus"),
        ("redundancy", "gamma-radhus"),
    )
    assert p["build-c4"].closes == (("reachability", "gamma-bibliotek"),)


def test_moves_wait_for_their_municipalities_links(plan: Any) -> None:
    p = _packages(plan)
    moves = [x for x in p.values() if x.kind == "move"]
    assert moves and all("build-c1" in m.depends_on for m in moves)  # all beta's
    assert all("build-c3" not in m.depends_on for m in moves)  # alpha's school


def test_phase_maps_show_the_network_gaps_closed(plan: Any) -> None:
    closed, _ = phase_state(plan, 1)
    assert {
        ("redundancy", "beta-radhus"),
        ("redundancy", "gamma-radhus"),
        ("redundancy", "alpha-skole"),
        ("reachability", "gamma-bibliotek"),
    } <= closed
    assert ("redundancy", "beta-omsorg") not in closed  # no candidate reaches it


def test_unresolved_network_gaps_are_warnings(plan: Any) -> None:
    assert any("network gap beta-omsorg (access)" in w for w in plan.warnings)


def test_no_candidates_no_build_packages() -> None:
    tgt = load_target(None)
    inv = load_inventory(MINI, tgt)
    analysis = analyse(inv.model, tgt.model, failures="n-1")
    plan = plan_analysed(analysis, inv, tgt.model, None)
    assert not any(k.startswith("build-") for k in _packages(plan))
