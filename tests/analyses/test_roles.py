"""Per-role access requirements, on the mini region worked by hand.

Target: access default 100 Mbit/s and one path; care homes two paths;
schools 10 Mbit/s. So alpha-skole-link (10 Mbit/s to a school) is no
capacity gap any more, beta-omsorg (a care home on one link) is a
redundancy gap, and a candidate beta-omsorg - gamma-radhus (a second path
over beta-gamma) closes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from planner.analyses.gaps import find_gaps
from planner.design.network import design_network
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.models.target import Candidate
from tests.conftest import MINI

TARGET = """\
schema: planner/target/v1
extends: default
datacenters: {primary: alpha-radhus}  # mini
network:
  access:
    default: {min_capacity: 100 Mbit/s, redundancy: 1}
    roles:
      care-home: {redundancy: 2}
      school: {min_capacity: 10 Mbit/s}
      kindergarten: {min_capacity: 50 Mbit/s}
"""


def test_roles_change_capacity_and_redundancy(
    write: Callable[[str, str], Path],
) -> None:
    target = load_target(write("t.yaml", TARGET))
    G = build_graph(load_inventory(MINI, target).model)
    gaps = find_gaps(G, target.model).gaps
    assert {g.subject for g in gaps if g.kind == "capacity"} == {"beta-gamma"}
    access = [
        g
        for g in gaps
        if g.kind == "redundancy" and g.data.to_dict()["class"] == "access"
    ]
    assert [
        (g.subject, g.data.to_dict()["paths"], g.data.to_dict()["required"])
        for g in access
    ] == [("beta-omsorg", 1, 2)]
    assert target.model.network.access.for_role("school").redundancy == 1
    cand = Candidate(
        "c", "beta-omsorg", "gamma-radhus", 1000.0, investment=Decimal(50_000)
    )
    net = dataclasses.replace(target.model.network, candidates=(cand,))
    result = design_network(G, dataclasses.replace(target.model, network=net))
    [link] = result.links
    assert [g.subject for g in link.closes] == ["beta-omsorg"]


def test_kindergarten_is_a_site_role(write: Callable[[str, str], Path]) -> None:
    inventory = write(
        "k.yaml",
        """\
schema: planner/inventory/v1
region: {id: k, name: K}
municipalities:
  - id: m
    name: M
    population: 100
    sites:
      - {id: th, name: TH, role: town-hall}
      - {id: bhg, name: Barnehage, role: kindergarten, users: 4}
links:
  - {id: l, a: th, b: bhg, capacity: 20 Mbit/s}
""",
    )
    target = load_target(write("t.yaml", TARGET.replace("alpha-radhus", "th")))
    G = build_graph(load_inventory(inventory, target).model)
    [gap] = [g for g in find_gaps(G, target.model).gaps if g.kind == "capacity"]
    assert (gap.subject, gap.data.to_dict()["required_mbps"]) == ("l", 50.0)
