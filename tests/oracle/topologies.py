"""Synthetic networks shared by the oracle tests and the benchmarks.

``hub_and_rings``: the shape of a regional network (and of the pyNTM
figures in issue 3): hubs on a core ring, each hub closing rings of four
sites (hub - r1 - r2 - r3 - r4 - hub), a few cross links between hubs, two
data centres on opposite hubs. Metrics of 1 or 2 make some ring sites
equidistant both ways round (ECMP) and others not; one demand per site.
About 1.3 links per node, like 500 nodes / 650 links.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

Link = dict[str, Any]


def _link(links: list[Link], a: str, b: str, capacity: float, metric: int) -> None:
    links.append(
        {
            "id": f"l{len(links):05d}",
            "a": a,
            "b": b,
            "capacity": capacity,
            "metric": metric,
        }
    )


def hub_and_rings(
    nodes: int, seed: int = 1
) -> tuple[list[Link], dict[str, float], list[str]]:
    """``(links, demand per node in Mbit/s, data centres)``."""
    rng = random.Random(seed)
    hubs = max(2, nodes // 50)
    links: list[Link] = []
    names = [f"hub{h:03d}" for h in range(hubs)]
    for h in range(hubs):
        _link(links, names[h], names[(h + 1) % hubs], 10_000.0, 1)
    for _ in range(max(1, hubs // 4)):
        a, b = rng.sample(names, 2)
        _link(links, a, b, 10_000.0, rng.choice([1, 2]))
    site = 0
    while len(names) < nodes:
        hub = names[rng.randrange(hubs)]
        ring = [f"s{site + i:05d}" for i in range(min(4, nodes - len(names)))]
        site += len(ring)
        names += ring
        for a, b in zip([hub, *ring], [*ring, hub], strict=True):
            _link(links, a, b, 1_000.0, rng.choice([1, 1, 2]))
    demand = {n: float(rng.randrange(1, 100)) for n in names}
    return links, demand, [names[0], names[hubs // 2]]


def to_graph(links: list[Link]) -> nx.MultiGraph[Any]:
    """The links as planner's site-and-link graph (``planner.graph.network``)."""
    H: nx.MultiGraph[Any] = nx.MultiGraph()
    for ln in links:
        H.add_edge(
            ln["a"],
            ln["b"],
            key=ln["id"],
            a=ln["a"],
            b=ln["b"],
            metric=ln["metric"],
            capacity=ln["capacity"],
        )
    return H
