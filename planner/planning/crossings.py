"""Which links a municipality's traffic crosses on its way to the data
centre: the moves into the data centre wait for those links' upgrades.

Traffic follows shortest paths (hop count, or the links' ``metric``) to the
nearest data centre, as in the bandwidth analysis: the same shortest-path
DAG (``planner.analyses.routing.shortest_dag``, with its tie tolerance), so
a link counts here exactly when the bandwidth analysis sends some of the
municipality's traffic over it. Planned links are included: they exist by
the time the moves happen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.analyses.routing import INF, Hop, shortest_dag, topology
from planner.graph import site_network

__all__ = ["crossed_links"]


def crossed_links(
    G: nx.MultiGraph[Any], datacenters: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Municipality id -> ids of the links on shortest paths from any of its
    sites to the nearest data centre."""
    H = site_network(G, planned=True)
    topo = topology(H)
    sinks = [topo.index[dc] for dc in datacenters if dc in topo.index]
    dist, next_hops = shortest_dag(topo, sinks)
    sites: dict[str, list[int]] = defaultdict(list)
    for x, node in enumerate(topo.nodes):
        if dist[x] < INF:
            sites[H.nodes[node]["municipality"]].append(x)
    return {
        muni: frozenset(topo.links[k] for k in _links_from(next_hops, start))
        for muni, start in sorted(sites.items())
    }


def _links_from(next_hops: list[list[Hop]], start: list[int]) -> set[int]:
    """The links of every shortest path from the ``start`` nodes."""
    seen = set(start)
    stack = list(start)
    links: set[int] = set()
    while stack:
        for link, nxt in next_hops[stack.pop()]:
            links.add(link)
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return links
