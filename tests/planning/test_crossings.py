"""Crossed links agree with the bandwidth analysis's routing, near-ties
included (they used to be found by a second Dijkstra with another tie
tolerance)."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

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


def _random_region(seed: int) -> tuple[nx.MultiGraph[Any], list[str]]:
    """Sites of five municipalities on a random tree with extra links
    (equal-cost paths, planned links), one or two data centres."""
    import random

    rng = random.Random(seed)
    G: nx.MultiGraph[Any] = nx.MultiGraph(region="r")
    n = 30
    for i in range(n):
        G.add_node(f"s{i:02d}", kind="site", municipality=f"m{i % 5}", status="active")
    edges = [(i, rng.randrange(i)) for i in range(1, n)]
    for _ in range(rng.randrange(3, 12)):
        u, v = rng.sample(range(n), 2)
        edges.append((u, v))
    for k, (u, v) in enumerate(edges):
        a, b = f"s{u:02d}", f"s{v:02d}"
        G.add_edge(
            a,
            b,
            key=f"l{k:02d}",
            kind="link",
            a=a,
            b=b,
            metric=float(rng.choice([1, 1, 2])),
            capacity=100.0,
            status=rng.choice(["active", "active", "planned"]),
        )
    return G, sorted(rng.sample(sorted(G), rng.choice([1, 2])))


def _by_search(G: nx.MultiGraph[Any], dcs: list[str]) -> dict[str, set[str]]:
    """The links of every shortest path from each municipality's sites, by a
    search from each site over the routing's DAG (the old way)."""
    from planner.algorithms.routing import INF, shortest_dag, topology
    from planner.graph import site_network

    topo = topology(site_network(G, planned=True))
    _, hops = shortest_dag(topo, [topo.index[d] for d in dcs])
    dist = shortest_dag(topo, [topo.index[d] for d in dcs])[0]
    out: dict[str, set[str]] = {}
    for x, name in enumerate(topo.nodes):
        if dist[x] == INF:
            continue
        links = out.setdefault(G.nodes[name]["municipality"], set())
        stack, seen = [x], {x}
        while stack:
            for k, y in hops[stack.pop()]:
                links.add(topo.links[k])
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
    return out


@pytest.mark.parametrize("seed", range(25))
def test_the_masks_are_the_links_a_search_from_each_site_finds(seed: int) -> None:
    G, dcs = _random_region(seed)
    assert crossed_links(G, dcs) == _by_search(G, dcs)


@pytest.mark.parametrize("seed", range(25))
def test_a_moves_links_are_the_union_of_its_municipalities(seed: int) -> None:
    """What a move waits for, picked by bits from the groups, against the
    union of each municipality's crossed links (upgrades of some links)."""
    import random

    from planner.planning.generate import _link_deps

    G, dcs = _random_region(seed)
    rng = random.Random(seed)
    crossed = _by_search(G, dcs)
    every = sorted({k for _, _, k in G.edges(keys=True)})
    link_ids = {k: f"link-{k}" for k in rng.sample(every, len(every) // 2)}
    deps = _link_deps(G, tuple(dcs), link_ids)
    for _ in range(10):
        munis = tuple(rng.sample([f"m{i}" for i in range(6)], rng.randrange(1, 4)))
        union = set().union(*(crossed.get(m, set()) for m in munis))
        assert deps(munis) == tuple(sorted(link_ids[k] for k in union & set(link_ids)))
