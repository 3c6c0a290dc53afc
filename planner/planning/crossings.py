"""Which links a municipality's traffic crosses on its way to the data
centre: the moves into the data centre wait for those links' upgrades.

Traffic follows shortest paths (hop count, or the links' ``metric``) to the
nearest data centre, as in the bandwidth analysis: the same shortest-path
DAG (``planner.algorithms.routing.shortest_dag``, with its tie tolerance), so
a link counts here exactly when the bandwidth analysis sends some of the
municipality's traffic over it. Planned links are included: they exist by
the time the moves happen.

The answer is kept as one bit mask per link (a bit per municipality),
pushed down the DAG once: a national plan asks for the links of a few dozen
sets of hundreds of municipalities each, which as unions of per-municipality
sets cost a quarter of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.algorithms.index import target_network
from planner.algorithms.routing import INF, Topology, shortest_dag
from planner.graph import nodes_of
from planner.models.frozen import frozen

__all__ = ["Crossings", "crossed_links", "crossings"]


@frozen
class Crossings:
    """``masks``: link id -> the bits of the municipalities whose traffic
    crosses it (only links someone crosses); ``bits``: municipality -> its
    bit (those with a site that reaches a data centre)."""

    masks: dict[str, int]
    bits: dict[str, int]

    def mask(self, munis: Iterable[str]) -> int:
        """The bits of ``munis`` (0 for those that reach no data centre)."""
        out = 0
        for m in munis:
            out |= self.bits.get(m, 0)
        return out


def crossings(G: nx.MultiGraph[Any], datacenters: Iterable[str]) -> Crossings:
    """The links on shortest paths from every municipality's sites to the
    nearest data centre, as masks."""
    topo, municipality = _target_network(G)
    sinks = [topo.index[dc] for dc in datacenters if dc in topo.index]
    dist, next_hops = shortest_dag(topo, sinks)
    bits: dict[str, int] = {}
    mask = [0] * len(dist)
    for x, node in enumerate(topo.nodes):
        if dist[x] < INF:
            muni = municipality[node]
            bit = bits.setdefault(muni, 1 << len(bits))
            mask[x] = bit
    links = [0] * len(topo.links)
    # Next hops are strictly nearer a sink: farthest first, every node's
    # mask is complete before it is pushed on (ties never meet).
    for x in sorted(range(len(dist)), key=dist.__getitem__, reverse=True):
        here = mask[x]
        if here:
            for link, nxt in next_hops[x]:
                links[link] |= here
                mask[nxt] |= here
    masks = {topo.links[k]: m for k, m in enumerate(links) if m}
    return Crossings(masks, bits)


def crossed_links(
    G: nx.MultiGraph[Any], datacenters: Iterable[str]
) -> dict[str, frozenset[str]]:
    """Municipality id -> ids of the links on shortest paths from any of its
    sites to the nearest data centre."""
    found = crossings(G, datacenters)
    return {
        muni: frozenset(k for k, m in found.masks.items() if m & bit)
        for muni, bit in sorted(found.bits.items())
    }


def _target_network(G: nx.MultiGraph[Any]) -> tuple[Topology, dict[str, str]]:
    """The active sites and every link between them, active or planned (the
    topology of ``planner.graph.site_network(G, planned=True)``; the
    bandwidth analysis's, not made again), and each site's municipality."""
    sites = {
        n: d["municipality"] for n, d in nodes_of(G, "site") if d["status"] == "active"
    }
    return target_network(G, sites)[1], sites
