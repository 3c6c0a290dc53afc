"""Crossed links agree with the bandwidth analysis's routing, near-ties
included (they used to be found by a second Dijkstra with another tie
tolerance)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from planner.analyses.bandwidth import analyse_bandwidth
from planner.planning.crossings import crossed_links


def _ring(metric_ab: float, metric_bd: float, metric_ad: float) -> nx.MultiGraph[Any]:
    """Site s (municipality m) reaches data centre d either over a-b-d or
    over a-d; s - a is a plain access link."""
    G: nx.MultiGraph[Any] = nx.MultiGraph(region="r")
    for n, muni in (("s", "m"), ("a", "m"), ("b", "n"), ("d", "n")):
        G.add_node(n, kind="site", municipality=muni, status="active")
    for key, u, v, metric in (
        ("s-a", "s", "a", 1.0),
        ("a-b", "a", "b", metric_ab),
        ("b-d", "b", "d", metric_bd),
        ("a-d", "a", "d", metric_ad),
    ):
        G.add_edge(
            u,
            v,
            key=key,
            kind="link",
            a=u,
            b=v,
            metric=metric,
            capacity=100.0,
            status="active",
        )
    return G


def test_a_near_tie_counts_both_paths() -> None:
    """0.1 + 0.2 is 0.30000000000000004: within the routing's tie tolerance
    of 0.3, so both branches are shortest paths."""
    G = _ring(0.1, 0.2, 0.3)
    assert crossed_links(G, ["d"])["m"] == {"s-a", "a-b", "b-d", "a-d"}


def test_ties_are_the_routings_not_a_looser_tolerance() -> None:
    """A path 1e-10 longer is not a tie for the routing (relative 1e-12),
    so no traffic goes over a-d and the move does not wait for it (the old
    second Dijkstra, tolerant to 1e-9, counted it)."""
    G = _ring(0.1, 0.2, 0.3 * (1 + 1e-10))
    assert crossed_links(G, ["d"])["m"] == {"s-a", "a-b", "b-d"}


def test_a_clear_difference_takes_the_shorter_path() -> None:
    G = _ring(0.1, 0.2, 0.31)
    assert crossed_links(G, ["d"])["m"] == {"s-a", "a-b", "b-d"}


def test_crossed_links_are_the_links_the_bandwidth_analysis_loads(
    mini_graph: Any, target: Any
) -> None:
    """With demand only where the analysis routes it: every link a
    municipality crosses carries traffic, and every loaded link is crossed
    by some municipality."""
    crossed = crossed_links(mini_graph, ["alpha-radhus"])
    report = analyse_bandwidth(mini_graph, target)
    loaded = {ln.id for ln in report.links if ln.demand_mbps > 0}
    assert set().union(*crossed.values()) == loaded
