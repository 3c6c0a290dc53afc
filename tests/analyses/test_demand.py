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


RULE_INVENTORY = """\
schema: planner/inventory/v1
region: {id: p, name: P}
municipalities:
  - id: m
    name: M
    population: 5000
    sites:
      - {id: th, name: TH, role: town-hall, users: 10}
      - {id: s1, name: S1, role: school, users: 5}
    servers:
      - {id: srv, site: s1, role: application}
    systems:
      - {id: m-c, service: x-central, product: X, hosting: hosted}
      - {id: m-s, service: x-saas, product: X, hosting: local, server: srv}
      - {id: m-l, service: x-local, product: X, hosting: saas}
links:
  - {id: l1, a: th, b: s1, capacity: 1 Gbit/s}
"""

RULE_TARGET = """\
schema: planner/target/v1
extends: default
datacenters: {primary: th}
services:
  - {id: x-central, hosting: central, demand_per_user: 1 Mbit/s}
  - {id: x-saas, hosting: saas, demand_per_user: 2 Mbit/s}
  - {id: x-local, hosting: local, demand_per_user: 4 Mbit/s}
"""


def test_one_rule_for_every_hosting(write: Callable[[str, str], Path]) -> None:
    """The demand rule of docs/bandwidth.md: a vendor-hosted system of a
    central service (1) and a service the target hosts saas (2) both draw,
    through the one internet access in the data centre; a service the target
    hosts local (4) draws nothing, though its system is SaaS today. So the
    school sends 5 x (1 + 2) = 15 Mbit/s. The hosting analysis agrees on
    where the systems run: the vendor's stays outside (no gap), the local
    one of the saas service is to move to SaaS, the local service none."""
    from planner.analyses.network import find_datacenters
    from planner.analyses.services import hosting_gaps

    target = load_target(write("t.yaml", RULE_TARGET))
    G = build_graph(load_inventory(write("p.yaml", RULE_INVENTORY), target).model)
    demand = site_demands(G, target.model)
    assert demand == {"th": pytest.approx(30.0), "s1": pytest.approx(15.0)}
    gaps = hosting_gaps(G, target.model, find_datacenters(G, target.model))
    assert [(g.subject, g.data.target_hosting) for g in gaps] == [("x-saas", "saas")]
