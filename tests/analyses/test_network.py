"""Redundancy against networkx's own edge connectivity as an oracle."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from planner.algorithms.routing import index_network
from planner.analyses.network import _short_of


def _random_region(seed: int) -> nx.MultiGraph[Any]:
    rng = random.Random(seed)
    G: nx.MultiGraph[Any] = nx.MultiGraph()
    n = 30
    for i in range(1, n):
        G.add_edge(i, rng.randrange(i), key=f"t{i}")  # a random tree
    for j in range(rng.randrange(5, 25)):
        u, v = rng.sample(range(n), 2)
        G.add_edge(u, v, key=f"x{j}")  # extra links, some parallel
    return G


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("need", [2, 3])
def test_short_of_agrees_with_edge_connectivity(seed: int, need: int) -> None:
    G = _random_region(seed)
    topo = index_network(
        (f"{n:02d}" for n in G),
        ((k, f"{u:02d}", f"{v:02d}", 1.0, 1.0) for u, v, k in G.edges(keys=True)),
    )
    pairs = [(s, (0,)) for s in range(1, 30)]  # names in number order
    short = {int(s): paths for s, paths, _ in _short_of(topo, pairs, need, frozenset())}
    flow = nx.Graph()
    for u, v in G.edges():
        w = flow.get_edge_data(u, v, {"capacity": 0})["capacity"]
        flow.add_edge(u, v, capacity=w + 1)
    for s in range(1, 30):
        paths = nx.maximum_flow_value(flow, s, 0)
        if paths < need:
            assert s in short, (s, paths)
            if need > 2:
                assert short[s] == paths
        else:
            assert s not in short


def test_bridges_named_are_the_cut(mini_graph: Any) -> None:
    from planner.algorithms.index import site_index

    topo = site_index(mini_graph)
    pair = (topo.index["gamma-radhus"], (topo.index["alpha-radhus"],))
    ((site, paths, cut),) = _short_of(topo, [pair], 2, frozenset())
    assert (site, paths, cut) == ("gamma-radhus", 1, ["alpha-beta", "beta-gamma"])
