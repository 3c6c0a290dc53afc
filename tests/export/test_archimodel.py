"""The ArchiMate model's shortcuts agree with what they replace."""

from __future__ import annotations

from planner.analyses.gaps import analyse
from planner.export.archimodel import _closed_in, relationship_id
from planner.load import load_inventory, load_plan, load_target
from planner.planning.phases import phase_state
from planner.planning.pipeline import plan_analysed
from tests.export.test_archimate import KONGSBERG, KONGSBERG_PLAN, KONGSBERG_TARGET


def test_gap_plateaus_in_one_pass_are_phase_states() -> None:
    target = load_target(KONGSBERG_TARGET)
    inv = load_inventory(KONGSBERG, target)
    a = analyse(inv.model, target.model, failures="none")
    plan = plan_analysed(a, inv, target.model, load_plan(KONGSBERG_PLAN))
    middle = [f"plateau-{p.period}" for p in plan.phases]
    want: dict[tuple[str, str], str] = {}
    for n, plateau in enumerate(middle, start=1):
        closed, _ = phase_state(plan, n)
        for key in closed:
            want.setdefault(key, plateau)
    assert len(middle) >= 2 and len(set(want.values())) >= 2
    assert _closed_in(plan, middle) == want


def test_relationship_ids_hash_type_and_ends() -> None:
    rid = relationship_id("Serving", "device-a", "component-b")
    assert rid.startswith("rel-serving-") and len(rid) == len("rel-serving-") + 16
    assert rid != relationship_id("Serving", "component-b", "device-a")
