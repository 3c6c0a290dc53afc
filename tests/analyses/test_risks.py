"""Risk groups and site failures, worked by hand.

    d (data centre) --L1-- a --L4-- c (a school of a's municipality)
    d ------------L2------ b
    a ------------L3------ b

L1 and L2 lie in one trench (``risk_groups: [trench-7]``). Demand: a 100,
b 50, c 20 Mbit/s (users x 1 Mbit/s of email). Baseline: L1 120, L2 50,
L4 20, L3 idle.

- L1 fails: a and c go over L3 and L2: L3 120, L2 170.
- L2 fails: b goes over L3 and L1: L3 50, L1 170.
- L4 fails: c is cut off.
- trench-7 fails: L1 and L2 together: a, b and c are cut off.
- site a fails (n-1+sites): c is cut off; a is down, not listed; b is not
  a transit site (nobody's shortest path crosses it): skipped.

Worst: L1 170 (L2), L2 170 (L1), L3 120 (L1), L4 20 (baseline).
Redundancy: a and b each have two edge-disjoint paths to d, but both fail
with trench-7: one path in effect, a redundancy gap naming the group.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.analyses.bandwidth import analyse_bandwidth
from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import load_inventory, load_target

INVENTORY = """\
schema: planner/inventory/v1
region: {id: trench, name: Trench}
municipalities:
  - id: m0
    name: M0
    population: 9000
    sites: [{id: d, name: D, role: town-hall}]
  - id: m1
    name: M1
    population: 500
    sites:
      - {id: a, name: A, role: town-hall, users: 100}
      - {id: c, name: C, role: school, users: 20}
    systems: [{id: m1-mail, service: email, product: X, hosting: saas}]
  - id: m2
    name: M2
    population: 400
    sites: [{id: b, name: B, role: town-hall, users: 50}]
    systems: [{id: m2-mail, service: email, product: X, hosting: saas}]
links:
  - {id: L1, a: d, b: a, capacity: 1 Gbit/s, risk_groups: [trench-7]}
  - {id: L2, a: d, b: b, capacity: 1 Gbit/s, risk_groups: [trench-7]}
  - {id: L3, a: a, b: b, capacity: 1 Gbit/s}
  - {id: L4, a: a, b: c, capacity: 1 Gbit/s}
"""

TARGET = """\
schema: planner/target/v1
extends: default
datacenters: {primary: d}
services:
  - {id: email, demand_per_user: 1 Mbit/s}
"""


@pytest.fixture
def loaded(write: Callable[[str, str], Path]) -> tuple[Any, Any]:
    target = load_target(write("target.yaml", TARGET))
    inv = load_inventory(write("trench.yaml", INVENTORY), target)
    return build_graph(inv.model), target.model


def _unreachable(report: Any) -> set[tuple[str, Any]]:
    return {(u.site, u.failed) for u in report.unreachable}


def test_n_minus_1_fails_links_and_risk_groups(loaded: tuple[Any, Any]) -> None:
    report = analyse_bandwidth(*loaded, failures="n-1")
    links = {ln.id: ln for ln in report.links}
    assert {k: links[k].demand_mbps for k in links} == {
        "L1": 120,
        "L2": 50,
        "L3": 0,
        "L4": 20,
    }
    assert {k: (links[k].worst_demand_mbps, links[k].failed) for k in links} == {
        "L1": (170, ("link", "L2")),
        "L2": (170, ("link", "L1")),
        "L3": (120, ("link", "L1")),
        "L4": (20, None),
    }
    assert _unreachable(report) == {
        ("c", ("link", "L4")),
        ("a", ("risk-group", "trench-7")),
        ("b", ("risk-group", "trench-7")),
        ("c", ("risk-group", "trench-7")),
    }
    kept = {u.site: u.failed_link for u in report.unreachable if u.failed[0] == "link"}
    assert kept == {"c": "L4"}  # failed_link kept for link failures


def test_sites_fail_too_and_a_failed_site_is_down(loaded: tuple[Any, Any]) -> None:
    report = analyse_bandwidth(*loaded, failures="n-1+sites")
    assert _unreachable(report) == {
        ("c", ("link", "L4")),
        ("a", ("risk-group", "trench-7")),
        ("b", ("risk-group", "trench-7")),
        ("c", ("risk-group", "trench-7")),
        ("c", ("site", "a")),
    }
    doc = report.to_dict()
    assert {
        "site": "c",
        "failed_link": None,
        "failed": {"kind": "site", "id": "a"},
    } in (doc["unreachable"])


def test_a_shared_risk_counts_as_one_path(loaded: tuple[Any, Any]) -> None:
    gaps = [g for g in find_gaps(*loaded).gaps if g.kind == "redundancy"]
    assert {g.subject: g.data.to_dict()["risk_group"] for g in gaps} == {
        "a": "trench-7",
        "b": "trench-7",
    }
    assert gaps[0].data.to_dict()["cut"] == ["L1", "L2"]
    assert "fails with risk group trench-7 (L1, L2)" in gaps[0].detail
