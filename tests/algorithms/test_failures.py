"""Incremental failures against routing every failure from scratch.

``fail_link`` only revisits the nodes whose routes change; routing the
network without the failed link is the slow, obviously right answer. They
must agree on every link of random networks with parallel links, equal-cost
paths, several data centres and cut-off parts.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from planner.algorithms.failures import sweep
from planner.algorithms.routing import INF, route, topology


def _random_network(seed: int, n: int = 40) -> nx.MultiGraph[Any]:
    rng = random.Random(seed)
    H: nx.MultiGraph[Any] = nx.MultiGraph()
    for i in range(1, n):
        j = rng.randrange(i)
        H.add_edge(
            f"n{i:02d}",
            f"n{j:02d}",
            key=f"t{i:02d}",
            metric=rng.choice([1, 1, 2]),
            capacity=100.0,
        )
    for k in range(rng.randrange(5, 30)):
        u, v = rng.sample(range(n), 2)
        H.add_edge(
            f"n{u:02d}",
            f"n{v:02d}",
            key=f"x{k:02d}",
            metric=rng.choice([1, 2, 3]),
            capacity=10.0,
        )
    return H


def _scratch(
    H: nx.MultiGraph[Any], sinks: list[str], demand: dict[str, float], failed: str
) -> tuple[dict[str, float], set[str]]:
    H2 = H.copy()
    for u, v, k in list(H2.edges(keys=True)):
        if k == failed:
            H2.remove_edge(u, v, key=k)
    topo = topology(H2)
    r = route(topo, [topo.index[s] for s in sinks], [demand[n] for n in topo.nodes])
    flows = dict(zip(topo.links, r.flow, strict=True))
    lost = {topo.nodes[x] for x, d in enumerate(r.dist) if d == INF}
    return flows, lost


@pytest.mark.parametrize("seed", range(40))
def test_fail_link_agrees_with_routing_from_scratch(seed: int) -> None:
    H = _random_network(seed)
    rng = random.Random(seed)
    sinks = sorted(rng.sample(sorted(H), rng.choice([1, 1, 2, 3])))
    demand = {n: float(rng.randrange(0, 50)) for n in H}
    topo = topology(H)
    base = route(topo, [topo.index[s] for s in sinks], [demand[n] for n in topo.nodes])
    base_lost = {topo.nodes[x] for x, d in enumerate(base.dist) if d == INF}
    for failure in sweep(topo, base):
        name = topo.links[failure.link]
        expected, lost = _scratch(H, sinks, demand, name)
        for i, link in enumerate(topo.links):
            if i == failure.link:
                continue
            got = failure.flow.get(i, base.flow[i])
            assert got == pytest.approx(expected[link], abs=1e-9), (name, link)
        assert {topo.nodes[x] for x in failure.unreachable} == lost - base_lost


@pytest.mark.parametrize("seed", range(20))
def test_rises_only_cuts_off_what_routing_from_scratch_does(seed: int) -> None:
    """With ``rises_only`` a failure that only cuts sites off (a dead end,
    answered without re-routing) reports no flows: then no load may rise;
    every other failure reports the flows routing from scratch gives."""
    H = _random_network(seed)
    rng = random.Random(seed)
    sinks = sorted(rng.sample(sorted(H), rng.choice([1, 2])))
    demand = {n: float(rng.randrange(1, 50)) for n in H}
    topo = topology(H)
    base = route(topo, [topo.index[s] for s in sinks], [demand[n] for n in topo.nodes])
    base_lost = {topo.nodes[x] for x, d in enumerate(base.dist) if d == INF}
    cut_only = 0
    for failure in sweep(topo, base, rises_only=True):
        name = topo.links[failure.link]
        expected, lost = _scratch(H, sinks, demand, name)
        assert {topo.nodes[x] for x in failure.unreachable} == lost - base_lost
        for i, link in enumerate(topo.links):
            if i == failure.link:
                continue
            if failure.flow:
                got = failure.flow.get(i, base.flow[i])
                assert got == pytest.approx(expected[link], abs=1e-9), (name, link)
            else:
                assert abs(expected[link]) <= abs(base.flow[i]) + 1e-9, (name, link)
        cut_only += not failure.flow and bool(failure.unreachable)
    assert cut_only  # the random trees have dead ends
