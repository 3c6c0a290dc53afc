"""The state after each phase of the mini region's plan, worked out from
its schedule (``planner plan tests/data/mini.yaml``): 2024H2 datacenter and
both link upgrades; 2025H1 the four moves; 2025H2 the three harmonisations
and closing beta's server room (the consolidation gap of beta)."""

from __future__ import annotations

from typing import Any

import pytest

from planner.analyses.gaps import analyse
from planner.errors import UsageError
from planner.load import load_inventory, load_target
from planner.planning.phases import phase_resolver, phase_state
from planner.planning.pipeline import Overrides, plan_analysed
from planner.render.diagram.views import select_view
from planner.units import Period
from tests.conftest import MINI

LINKS = {
    ("capacity", "alpha-skole-link"),
    ("utilisation", "alpha-skole-link"),
    ("capacity", "beta-gamma"),
}
MOVES = {("hosting", s) for s in ("case-archive", "email", "finance", "office")} | {
    ("coverage", "hr")  # introduce-hr-beta, beside the moves
}
LAST = {("harmonisation", s) for s in ("case-archive", "email", "office")} | {
    ("hosting", "beta")
}


@pytest.fixture(scope="module")
def planned() -> tuple[Any, Any]:
    tgt = load_target(None)
    inv = load_inventory(MINI, tgt)
    analysis = analyse(inv.model, tgt.model, failures="n-1")
    return analysis.gaps, plan_analysed(analysis, inv, tgt.model, None)


def test_gaps_close_phase_by_phase(planned: tuple[Any, Any]) -> None:
    _, plan = planned
    assert [str(p.period) for p in plan.phases] == ["2024H2", "2025H1", "2025H2"]
    assert phase_state(plan, 1) == (LINKS, {"alpha-skole-link", "beta-gamma"})
    assert phase_state(plan, 2)[0] == LINKS | MOVES
    assert phase_state(plan, 3)[0] == LINKS | MOVES | LAST


def test_a_phase_past_the_plan_is_a_usage_error(planned: tuple[Any, Any]) -> None:
    _, plan = planned
    with pytest.raises(UsageError) as raised:
        phase_state(plan, 4)
    assert str(raised.value) == (
        "the plan has 3 phases (2024H2 to 2025H2): choose phase:1 to phase:3"
    )


def test_phase_views_between_gaps_and_target(planned: tuple[Any, Any]) -> None:
    gaps, plan = planned
    first = select_view(gaps, "phase:1", phase_resolver(plan))
    assert first.upgrades == {"alpha-skole-link": 100.0, "beta-gamma": 1000.0}
    assert "alpha-skole-link" not in first.gap_links
    assert first.gap_sites["beta-radhus"] == "hosting"  # the room is still open
    last = select_view(gaps, "phase:3", phase_resolver(plan))
    assert last.closed_rooms == {"beta-radhus"}
    # No package adds paths: redundancy and reachability stay marked.
    assert last.gap_links == {"alpha-beta": "redundancy", "beta-gamma": "redundancy"}
    assert last.gap_sites == {"gamma-bibliotek": "reachability"}


def test_a_plan_without_phases_says_why(write: Any) -> None:
    inv_path = write(
        "one.yaml",
        "schema: planner/inventory/v1\nregion: {id: solo, name: Solo}\n"
        "municipalities:\n  - id: m\n    name: M\n    population: 100\n    sites:\n"
        "      - {id: th, name: Town hall, role: town-hall, users: 5}\n",
    )
    tgt = load_target(None)
    inv = load_inventory(inv_path, tgt)
    analysis = analyse(inv.model, tgt.model, failures="none")
    start = Overrides(start=Period.parse("2027H1"))
    plan = plan_analysed(analysis, inv, tgt.model, None, start)
    assert plan.phases == ()
    with pytest.raises(UsageError, match="the plan has no phases: no gap calls for"):
        phase_state(plan, 1)
