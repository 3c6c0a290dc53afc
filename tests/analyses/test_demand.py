"""Demand per pupil and yearly growth, by hand.

One municipality, 300 pupils, two schools with 10 and 20 users: 100 and
200 pupils. The school service draws 0.1 Mbit/s a user (the default) and
0.5 Mbit/s a pupil: 10 x 0.1 + 100 x 0.5 = 51 and 2 + 100 = 102 Mbit/s.
With 10 % growth a year over a 2-year horizon: x 1.21.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planner.analyses.bandwidth import site_demands
from planner.graph import build_graph
from planner.load import load_inventory, load_target

INVENTORY = """\
schema: planner/inventory/v1
region: {id: p, name: P}
municipalities:
  - id: m
    name: M
    population: 5000
    pupils: 300
    sites:
      - {id: th, name: TH, role: town-hall}
      - {id: s1, name: S1, role: school, users: 10}
      - {id: s2, name: S2, role: school, users: 20}
    systems: [{id: m-school, service: school, product: X, hosting: saas}]
links:
  - {id: l1, a: th, b: s1, capacity: 1 Gbit/s}
  - {id: l2, a: th, b: s2, capacity: 1 Gbit/s}
"""


def _demand(write: Callable[[str, str], Path], network: str) -> dict[str, float]:
    target = load_target(
        write(
            "t.yaml",
            "schema: planner/target/v1\nextends: default\n"
            "services:\n  - {id: school, demand_per_pupil: 0.5 Mbit/s}\n" + network,
        )
    )
    G = build_graph(load_inventory(write("p.yaml", INVENTORY), target).model)
    return site_demands(G, target.model)


def test_pupils_at_schools(write: Callable[[str, str], Path]) -> None:
    demand = _demand(write, "")
    assert demand == {"th": 0.0, "s1": pytest.approx(51.0), "s2": pytest.approx(102.0)}


def test_growth_over_the_horizon(write: Callable[[str, str], Path]) -> None:
    demand = _demand(write, "network: {demand_growth: 10%, design_horizon: 2}\n")
    assert demand["s1"] == pytest.approx(51.0 * 1.21)
    assert demand["s2"] == pytest.approx(102.0 * 1.21)
