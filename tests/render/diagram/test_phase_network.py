"""A planned link built by a phase closes the network gaps it closes: the
ring A-B-C has one path from B and C to the data centre at A today (two
redundancy gaps) and two once the planned link C-A is built."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.analyses.gaps import analyse
from planner.load import load_inventory, load_plan, load_target
from planner.planning.phases import phase_resolver
from planner.planning.pipeline import plan_analysed
from planner.render.diagram.phase_network import with_network_gaps

Write = Callable[[str, str], Path]

RING = """\
region: {id: r, name: R}
municipalities:
  - id: a
    name: A
    population: 100
    sites: [{id: a-th, name: A hall, role: town-hall}]
  - id: b
    name: B
    population: 10
    sites: [{id: b-th, name: B hall, role: town-hall}]
  - id: c
    name: C
    population: 5
    sites: [{id: c-th, name: C hall, role: town-hall}]
links:
  - {id: a-b, a: a-th, b: b-th, capacity: 1 Gbit/s}
  - {id: b-c, a: b-th, b: c-th, capacity: 1 Gbit/s}
  - {id: c-a, a: c-th, b: a-th, capacity: 1 Gbit/s, status: planned}
"""

PLAN = """\
start: 2025H1
work_packages:
  - {id: setup, name: Set-up, operating: 10k}
  - {id: link-c-a, name: Second line C-A, investment: 100k, depends_on: [setup]}
"""


def test_the_second_path_closes_the_single_points_of_failure(write: Write) -> None:
    tgt = load_target(None)
    inv = load_inventory(write("r.yaml", RING), tgt)
    analysis = analyse(inv.model, tgt.model)
    assert {g.subject for g in analysis.gaps.gaps if g.kind == "redundancy"} == {
        "b-th",
        "c-th",
    }
    plan = plan_analysed(analysis, inv, tgt.model, load_plan(write("p.yaml", PLAN)))
    assert [str(p.period) for p in plan.phases] == ["2025H1", "2025H2"]
    plain = phase_resolver(plan)
    honest = with_network_gaps(analysis.G, tgt.model, analysis.gaps, plain)
    # Phase 1 builds nothing: both gaps stay, with or without the network.
    assert set(honest(1)[0]) == set(plain(1)[0])
    assert not any(k[0] == "redundancy" for k in honest(1)[0])
    # Phase 2 builds C-A: the plan names no gap, the network closes both.
    assert not any(k[0] == "redundancy" for k in plain(2)[0])
    assert {k for k in honest(2)[0] if k[0] == "redundancy"} == {
        ("redundancy", "b-th"),
        ("redundancy", "c-th"),
    }
