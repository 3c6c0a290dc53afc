"""Shortest-path routing of demand towards the data centres, per-hop ECMP.

Every demand in planner goes the same way: from a site to the *nearest*
data centre. That is one destination (the set of data centres, as anycast),
so one shortest-path DAG serves every site: a reverse Dijkstra from all
data centres gives each node its distance, and a node's next hops are its
links that lie on a shortest path. Traffic is then split equally at each
node among its next hops (per-hop ECMP, as routers and pyNTM do), which
routes all demands at once in O(E log V): nodes are visited in decreasing
distance, each adding its own demand to what it received and passing the
sum on. Parallel links are separate next hops.

Worked example (unit metrics, data centre D, 12 Mbit/s sent from S)::

    S - A - D          S has two next hops (A, B): 6 each.
    S - B - C - D      B has two next hops (C, E): 3 each.
        B - E - D      A-D carries 6, C-D and E-D 3 each.

A node equal to the data centres in distance from two of them splits between
them the same way. Distances are equal within a relative 1e-12, so metric
sums such as 0.1 + 0.2 and 0.3 tie as an operator would expect.

The network is indexed (nodes and links as integers) because this runs once
per link failure on national inventories; see ``planner.algorithms.failures``.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import field
from typing import Any, Protocol

import networkx as nx

from planner.graph import edge_list
from planner.models.frozen import frozen

__all__ = [
    "INF",
    "Distances",
    "Hop",
    "Routing",
    "Topology",
    "distances",
    "hops_of",
    "index_network",
    "route",
    "shortest_dag",
    "signed",
    "spread",
    "topology",
]

INF = float("inf")
_TIE = 1e-12

Hop = tuple[int, int]  # (link index, neighbour)


class Distances(Protocol):
    """A node's distance by index: a list, or new distances over old ones."""

    def __getitem__(self, x: int, /) -> float: ...


@frozen
class Topology:
    """An undirected network with integer nodes and links.

    ``adj[x]`` lists ``(link, neighbour, metric)``; link ``i`` joins
    ``ends[i] = (a, b)`` (as written) and has ``capacity[i]`` Mbit/s.
    """

    nodes: tuple[str, ...]
    links: tuple[str, ...]
    ends: tuple[tuple[int, int], ...]
    metric: tuple[float, ...]
    capacity: tuple[float, ...]
    adj: tuple[tuple[tuple[int, int, float], ...], ...]
    index: dict[str, int] = field(repr=False)
    # shortest_dag's answers by sinks: a topology never changes, and the
    # plan's link dependencies ask again for the bandwidth analysis's DAG.
    dags: dict[tuple[int, ...], tuple[list[float], list[list[Hop]]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )


def topology(H: nx.MultiGraph[Any], *, metric: str = "metric") -> Topology:
    """Index the site-and-link graph ``H`` (``planner.graph.network``);
    a link's ends are its ``a`` and ``b`` attributes where it has them.

    Nodes and links are numbered in sorted id order, so results never
    depend on the order the inventory was written in.
    """
    return index_network(
        H,
        (
            (k, d.get("a", u), d.get("b", v), d[metric], d["capacity"])
            for u, v, k, d in edge_list(H)
        ),
    )


def index_network(
    nodes: Iterable[str], links: Iterable[tuple[str, str, str, float, float]]
) -> Topology:
    """A :class:`Topology` of ``nodes`` and ``(id, a, b, metric, capacity)``
    links, numbered in sorted id order."""
    names = tuple(sorted(nodes))
    index = {n: i for i, n in enumerate(names)}
    edges = sorted(
        (k, index[u], index[v], float(w), float(c)) for k, u, v, w, c in links
    )
    adj: list[list[tuple[int, int, float]]] = [[] for _ in names]
    for i, (_, a, b, w, _) in enumerate(edges):
        adj[a].append((i, b, w))
        adj[b].append((i, a, w))
    return Topology(
        nodes=names,
        links=tuple(e[0] for e in edges),
        ends=tuple((e[1], e[2]) for e in edges),
        metric=tuple(e[3] for e in edges),
        capacity=tuple(e[4] for e in edges),
        adj=tuple(tuple(a) for a in adj),
        index=index,
    )


@frozen
class Routing:
    """Where traffic goes: distances, next hops and the resulting load.

    ``flow[i]`` is signed: positive from ``ends[i][0]`` to ``ends[i][1]``.
    ``through[x]`` is all traffic passing node x (its own included);
    ``prev[y]`` lists the ``(link, upstream node)`` whose next hop is y.
    """

    dist: list[float]
    next_hops: list[list[Hop]]
    prev: list[list[Hop]]
    through: list[float]
    flow: list[float]


def hops_of(topo: Topology, x: int, dist: Distances, dx: float) -> list[Hop]:
    """The next hops of node x at distance ``dx``, given every distance."""
    limit = dx * (1 + _TIE)
    return [
        (link, y) for link, y, w in topo.adj[x] if dist[y] < dx and dist[y] + w <= limit
    ]


def shortest_dag(
    topo: Topology, sinks: Iterable[int]
) -> tuple[list[float], list[list[Hop]]]:
    """Distances to the nearest sink and every node's next hops towards it
    (none for sinks and for nodes that cannot reach one). Made once per
    topology and sinks: read them, do not change them."""
    key = tuple(sinks)
    found = topo.dags.get(key)
    if found is None:
        dist = distances(topo, key)
        next_hops = [
            hops_of(topo, x, dist, d) if 0 < d < INF else [] for x, d in enumerate(dist)
        ]
        found = topo.dags[key] = (dist, next_hops)
    return found


def signed(topo: Topology, link: int, from_node: int) -> float:
    """+1 when traffic leaving ``from_node`` on ``link`` goes a -> b."""
    return 1.0 if topo.ends[link][0] == from_node else -1.0


def route(topo: Topology, sinks: Iterable[int], demand: Sequence[float]) -> Routing:
    """Route ``demand[x]`` (Mbit/s from every node x) to the nearest sink.

    Demand of nodes that reach no sink is dropped (they are unreachable).
    """
    dist, next_hops = shortest_dag(topo, sinks)
    prev: list[list[Hop]] = [[] for _ in dist]
    for x, hops in enumerate(next_hops):
        for link, y in hops:
            prev[y].append((link, x))
    through = [0.0] * len(dist)
    flow = [0.0] * len(topo.links)
    for x in sorted(range(len(dist)), key=lambda n: -dist[n]):
        if dist[x] == INF:
            continue
        through[x] += demand[x]
        hops = next_hops[x]
        if hops:
            share = through[x] / len(hops)
            for link, y in hops:
                flow[link] += share * signed(topo, link, x)
                through[y] += share
    return Routing(dist, next_hops, prev, through, flow)


def distances(
    topo: Topology,
    sinks: Iterable[int],
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> list[float]:
    """Distances to the nearest sink with the links ``down`` and the
    ``node`` failed (a failure routed from scratch)."""
    dist = [INF] * len(topo.nodes)
    heap = [(0.0, s) for s in sinks if s != node]
    for _, s in heap:
        dist[s] = 0.0
    heapq.heapify(heap)
    while heap:
        d, x = heapq.heappop(heap)
        if d > dist[x]:
            continue
        for k, y, w in topo.adj[x]:
            if k not in down and y != node and d + w < dist[y]:
                dist[y] = d + w
                heapq.heappush(heap, (d + w, y))
    return dist


def spread(
    topo: Topology,
    dist: Sequence[float],
    amounts: Sequence[float],
    flow: list[float],
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> None:
    """Add to ``flow`` what each node sends (``amounts``) down the
    shortest-path DAG of ``dist``, split per hop as :func:`route` does,
    leaving out the links ``down`` and the failed ``node``."""
    through = [0.0] * len(dist)
    for x in sorted(range(len(dist)), key=lambda n: -dist[n]):
        if dist[x] == INF or x == node:
            continue
        through[x] += amounts[x]
        if dist[x] == 0:
            continue
        hops = [h for h in hops_of(topo, x, dist, dist[x]) if h[0] not in down]
        share = through[x] / len(hops)
        for k, y in hops:
            flow[k] += share * signed(topo, k, x)
            through[y] += share
