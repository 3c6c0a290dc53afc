"""Which links a municipality's traffic crosses on its way to the data
centre: the moves into the data centre wait for those links' upgrades.

Traffic follows shortest paths (hop count, or the links' ``metric``) to the
nearest data centre, as in the bandwidth analysis; every link on *some*
shortest path counts (equal-cost paths share the load). Planned links are
included: they exist by the time the moves happen.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.graph import site_network

__all__ = ["crossed_links"]


def crossed_links(
    G: nx.MultiGraph[Any], datacenters: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Municipality id -> ids of the links on shortest paths from any of its
    sites to the nearest data centre."""
    H = site_network(G, planned=True)
    dist = _distances(H, [dc for dc in datacenters if dc in H])
    up = _towards_datacentre(H, dist)
    sites: dict[str, list[str]] = defaultdict(list)
    for n, d in H.nodes(data=True):
        if n in dist:
            sites[d["municipality"]].append(n)
    return {muni: _links_from(up, start) for muni, start in sorted(sites.items())}


def _distances(H: nx.MultiGraph[Any], sources: list[str]) -> dict[str, float]:
    dist: dict[str, float] = {}
    heap = [(0.0, s) for s in sorted(sources)]
    while heap:
        d, u = heapq.heappop(heap)
        if u in dist:
            continue
        dist[u] = d
        for v, edges in H[u].items():
            if v not in dist:
                w = min(e["metric"] for e in edges.values())
                heapq.heappush(heap, (d + w, v))
    return dist


def _towards_datacentre(
    H: nx.MultiGraph[Any], dist: dict[str, float]
) -> dict[str, list[tuple[str, str]]]:
    """Site -> (link id, next site) for every link that leads one step
    closer to the nearest data centre along a shortest path."""
    up: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u, v, key, d in H.edges(keys=True, data=True):
        if u not in dist or v not in dist:
            continue
        for a, b in ((u, v), (v, u)):
            if math.isclose(dist[b] + d["metric"], dist[a], rel_tol=1e-9):
                up[a].append((key, b))
    return up


def _links_from(
    up: dict[str, list[tuple[str, str]]], start: list[str]
) -> frozenset[str]:
    seen = set(start)
    stack = list(start)
    links: set[str] = set()
    while stack:
        for link, nxt in up.get(stack.pop(), ()):
            links.add(link)
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return frozenset(links)
