"""The bandwidth analysis, every figure worked out by hand.

mini (tests/data/mini.yaml, default target, data centre alpha-radhus).
Demand per user = the sum of demand_per_user of the central services a
municipality has a system for: alpha and gamma 0.22 Mbit/s (email, office,
case-archive 0.05 each, payroll 0.02, finance 0.03, hr 0.02), beta 0.20
(no hr). So alpha-skole 50 x 0.22 = 11, beta-radhus 60 x 0.20 = 12,
beta-omsorg 30 x 0.20 = 6, gamma-radhus 20 x 0.22 = 4.4, gamma-bibliotek
2 x 0.22 = 0.44 (no link: unreachable), alpha-radhus 22 (in the data
centre). Total 55.84 Mbit/s. On the links (a tree, so one path each):
alpha-skole-link 11 (110 % of 10 Mbit/s), beta-omsorg-link 6, beta-gamma
4.4, alpha-beta 12 + 6 + 4.4 = 22.4, all towards alpha-radhus.

ring (below): dc - a - b - dc, 25 Mbit/s on dc-a and b-dc, 100 on a-b,
10 Mbit/s from each of a and b. Baseline: a and b send straight to dc (40 %
each), a-b idle. When dc-a fails, a's 10 goes a -> b -> dc: b-dc carries
20 (80 %), a-b 10; symmetrically for b-dc. Worst 80 % > 70 %: recommended
100 Mbit/s (20 / 0.7 = 28.6 Mbit/s needed), at the default target's price.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planner.analyses.bandwidth import (
    analyse_bandwidth,
    recommend_capacity,
    site_demands,
)
from planner.analyses.gaps import gap_names
from planner.analyses.utilisation import utilisation_gaps
from planner.graph import build_graph
from planner.language import english
from planner.load import load_inventory, load_target
from planner.models.bandwidth import Unreachable
from planner.render.text.progress import ProgressBar

Write = Callable[[str, str], Path]


def _links(report: Any) -> dict[str, Any]:
    return {ln.id: ln for ln in report.links}


def test_site_demands_mini(mini_graph: Any, target: Any) -> None:
    demand = site_demands(mini_graph, target)
    assert demand == pytest.approx(
        {
            "alpha-radhus": 22.0,
            "alpha-skole": 11.0,
            "beta-radhus": 12.0,
            "beta-omsorg": 6.0,
            "gamma-radhus": 4.4,
            "gamma-bibliotek": 0.44,
        }
    )


def test_mini_baseline(mini_graph: Any, target: Any) -> None:
    report = analyse_bandwidth(mini_graph, target)
    links = _links(report)
    assert sorted(links) == [
        "alpha-beta",
        "alpha-skole-link",
        "beta-gamma",
        "beta-omsorg-link",
    ]
    assert report.total_demand_mbps == pytest.approx(55.84)
    assert links["alpha-beta"].demand_mbps == pytest.approx(22.4)
    assert links["alpha-beta"].towards == "alpha-radhus"
    assert links["beta-gamma"].towards == "beta-radhus"
    skole = links["alpha-skole-link"]
    assert skole.utilisation == pytest.approx(1.1)
    assert skole.recommended_capacity_mbps == 100.0
    assert skole.upgrade is not None
    assert (skole.upgrade.investment, skole.upgrade.per_year) == (
        Decimal(50000),
        Decimal(24000),
    )
    assert links["alpha-beta"].recommended_capacity_mbps == 1000.0  # today's: enough
    assert links["alpha-beta"].upgrade is None
    assert report.unreachable == (Unreachable("gamma-bibliotek", None),)


def test_mini_n_1_cuts_off_the_chain(mini_graph: Any, target: Any) -> None:
    report = analyse_bandwidth(mini_graph, target, failures="n-1")
    assert {(u.site, u.failed_link) for u in report.unreachable} == {
        ("alpha-skole", "alpha-skole-link"),
        ("beta-radhus", "alpha-beta"),
        ("beta-omsorg", "alpha-beta"),
        ("gamma-radhus", "alpha-beta"),
        ("beta-omsorg", "beta-omsorg-link"),
        ("gamma-radhus", "beta-gamma"),
        ("gamma-bibliotek", None),
    }
    # A tree: no failure moves load elsewhere, so the worst is the baseline.
    for ln in report.links:
        assert (ln.worst_utilisation, ln.failed_link) == (ln.utilisation, None)


RING = """\
schema: planner/inventory/v1
region: {id: ring, name: Ring}
municipalities:
  - id: m
    name: M
    population: 100
    sites:
      - {id: dc, name: DC, role: town-hall, users: 5}
      - {id: a, name: A, role: school, users: 10}
      - {id: b, name: B, role: school, users: 10}
    systems:
      - {id: m-mail, service: email, product: X, hosting: saas}
links:
  - {id: dc-a, a: dc, b: a, capacity: 25 Mbit/s}
  - {id: a-b, a: a, b: b, capacity: 100 Mbit/s, status: planned}
  - {id: b-dc, a: b, b: dc, capacity: 25 Mbit/s}
  - {id: dc-internet, a: dc, b: internet, capacity: 1 Gbit/s}
"""
RING_TARGET = """\
schema: planner/target/v1
extends: default
services:
  - {id: email, demand_per_user: 1 Mbit/s}
"""


@pytest.fixture
def ring(write: Write) -> tuple[Any, Any]:
    tgt = load_target(write("target.yaml", RING_TARGET))
    G = build_graph(load_inventory(write("ring.yaml", RING), tgt).model)
    return G, tgt.model


def test_ring_worst_case_and_cause(ring: tuple[Any, Any]) -> None:
    G, target = ring
    links = _links(analyse_bandwidth(G, target, failures="n-1"))
    assert links["dc-a"].utilisation == pytest.approx(0.4)
    assert links["a-b"].utilisation == 0 and links["a-b"].towards is None
    assert links["a-b"].status == "planned"  # planned links carry the target
    assert (links["dc-a"].worst_utilisation, links["dc-a"].failed_link) == (
        pytest.approx(0.8),
        "b-dc",
    )
    assert links["b-dc"].failed_link == "dc-a"
    # Both failures put 10 on a-b; the first in id order is named.
    assert (links["a-b"].worst_demand_mbps, links["a-b"].failed_link) == (10, "b-dc")
    assert links["dc-a"].recommended_capacity_mbps == 100.0


def test_ring_utilisation_gaps_only_under_failure(ring: tuple[Any, Any]) -> None:
    G, target = ring
    assert utilisation_gaps(analyse_bandwidth(G, target)) == []
    gaps = utilisation_gaps(analyse_bandwidth(G, target, failures="n-1"))
    assert [(g.subject, g.severity) for g in gaps] == [
        ("b-dc", "medium"),
        ("dc-a", "medium"),
    ]
    assert "when b-dc fails" in english(gaps[1], gap_names(G, target))


def test_recommend_capacity(target: Any) -> None:
    # 70 % limit, tiers 10, 100, 1000, 10000 Mbit/s.
    assert recommend_capacity(34.0, 20.0, target) == 34.0  # 58.8 %: keep
    assert recommend_capacity(34.0, 30.0, target) == 100.0
    assert recommend_capacity(2.0, 7.0, target) == 10.0  # exactly 70 %
    assert recommend_capacity(10_000.0, 8_000.0, target) is None  # above every tier


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    for stream in (pipe, tty):
        with ProgressBar("n-1", stream) as bar:
            bar(1, 2)
            bar(2, 2)
    assert pipe.getvalue() == ""
    assert "[" in tty.getvalue() and "2/2" in tty.getvalue()
    assert tty.getvalue().endswith("\r\033[K")  # erased when done


def test_the_target_network_is_indexed_again_when_the_graph_changes(
    mini_graph: Any,
) -> None:
    """Indexed once per graph and sites (the plan's link dependencies read
    the bandwidth analysis's), made again when an edge is added, and the
    shortest-path DAG is kept per sinks of that topology."""
    from planner.algorithms.index import target_network
    from planner.algorithms.routing import shortest_dag
    from planner.graph import link_attributes, nodes_of

    G = mini_graph.copy()
    sites = [n for n, d in nodes_of(G, "site") if d["status"] == "active"]
    links, topo = target_network(G, sites)
    assert target_network(G, list(reversed(sites)))[1] is topo
    assert shortest_dag(topo, [0]) is shortest_dag(topo, [0])
    assert shortest_dag(topo, [1]) is not shortest_dag(topo, [0])
    a, b = sites[0], sites[-1]
    attrs = link_attributes(
        "new-link", a, b, 10.0, medium="fiber", metric=1.0, status="planned"
    )
    G.add_edge(a, b, key="new-link", **attrs)
    again, topo2 = target_network(G, sites)
    assert "new-link" in again and "new-link" in topo2.links
    assert "new-link" not in links and topo2 is not topo
