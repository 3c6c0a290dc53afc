"""A primary and a secondary data centre: the secondary is a standby.

With the target's ``datacenters: {primary: P, secondary: S}`` every site
sends its demand to P, over shortest paths with per-hop ECMP
(``planner.algorithms.routing``). S takes a site's load only when P is cut off
from that site (at baseline, or by the failure being swept); the data
centres are not anycast peers, so S's links do not carry half the load.
Data centres found otherwise (sites marked ``datacenter: true``) stay peers:
each site goes to the nearest.

Replication (``network.replication``, Mbit/s) is a demand of S towards P,
summed with the sites' traffic on the links it shares with them (the model
has one direction per link, towards the data centre, so the sum is the
conservative figure); it is re-routed under failures, and lost while S is
cut off from P.

Routing splits exactly in two, because the two flows never share a link:
when S reaches P, every node that reaches S reaches P too (through S), so
only S's own component can be cut off from P *and* reach S. A failure is
therefore the primary routing (incremental for single links,
``planner.algorithms.failures``) plus, only when S itself is cut off from P,
the routing of what P lost towards S.

Worked example (unit metrics, 10 Mbit/s from each of A and B, P and S the
data centres, replication 5)::

    A - P - S        baseline: everything goes to P. A-P 10, B-S 10,
    B - S            S-P 10 + 5 = 15 (B's traffic and the replication).

With S-P down, S is cut off from P: B's 10 go to S (B-S 10), replication
stops, A-P still 10. With peers (no standby) B would go to S at baseline.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from planner.algorithms.routing import INF, Topology, hops_of
from planner.analyses.risks import Outage, outage
from planner.analyses.transit import Served, route_transit
from planner.models.bandwidth import Failed
from planner.models.frozen import frozen
from planner.models.target import Target

__all__ = [
    "Standby",
    "crossed",
    "find_standby",
    "route_standby",
    "standby_outages",
    "with_replication",
]


@frozen
class Standby:
    """The primary and secondary data centres (node indices) and the
    replication between them (Mbit/s)."""

    primary: int
    secondary: int
    replication: float


def find_standby(topo: Topology, target: Target) -> Standby | None:
    """The target's primary and secondary, when it names both and both are
    in the target network; else None (the data centres are peers)."""
    p, s = target.datacenters.primary, target.datacenters.secondary
    if p is None or s is None or p == s or p not in topo.index or s not in topo.index:
        return None
    return Standby(topo.index[p], topo.index[s], target.network.replication)


def with_replication(sb: Standby, demand: Sequence[float]) -> list[float]:
    """``demand`` with the replication added to the secondary's."""
    out = list(demand)
    out[sb.secondary] += sb.replication
    return out


def route_standby(
    topo: Topology,
    sb: Standby,
    demand: Sequence[float],
    served: Served,
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> tuple[list[float], list[float]]:
    """``(flow, dist)`` with the links ``down`` and the ``node`` failed:
    demand to the primary, and to the secondary from the nodes the primary
    is cut off from. ``dist`` is each node's distance to the data centre
    that serves it (INF: neither)."""
    flow, dist = route_transit(topo, [sb.primary], demand, served, down, node)
    if dist[sb.secondary] < INF:
        return flow, dist
    rest = [d if dist[x] == INF else 0.0 for x, d in enumerate(demand)]
    flow2, dist2 = route_transit(topo, [sb.secondary], rest, served, down, node)
    flow = [a + b for a, b in zip(flow, flow2, strict=True)]
    dist = [a if a < INF else b for a, b in zip(dist, dist2, strict=True)]
    return flow, dist


def crossed(topo: Topology, dist: Sequence[float]) -> set[int]:
    """Nodes that are another node's next hop in the routing of ``dist``
    (no non-transit links): failing any other site removes only its own
    demand."""
    return {
        y
        for x, d in enumerate(dist)
        if 0 < d < INF
        for _, y in hops_of(topo, x, dist, d)
    }


def standby_outages(
    topo: Topology,
    sb: Standby,
    demand: Sequence[float],
    served: Served,
    groups: Mapping[str, frozenset[int]],
    *,
    links: bool,
    sites: bool,
) -> Iterator[Outage]:
    """With ``links`` every single link, then every risk group, then (with
    ``sites``) every site but the data centres, failed one at a time and
    routed from scratch with :func:`route_standby`; ``unreachable`` lists
    the sites newly cut off from both data centres. Without non-transit
    links a site no routing crosses is skipped (it removes only its own
    demand)."""
    _, base = route_standby(topo, sb, demand, served)
    todo: list[tuple[Failed, frozenset[int], int | None]] = []
    if links:
        todo += [(("link", k), frozenset({i}), None) for i, k in enumerate(topo.links)]
    todo += [(("risk-group", g), ix, None) for g, ix in groups.items()]
    if sites:
        through = set(range(len(topo.nodes))) if served else crossed(topo, base)
        todo += [
            (("site", topo.nodes[x]), frozenset(), x)
            for x in range(len(topo.nodes))
            if x not in (sb.primary, sb.secondary) and base[x] < INF and x in through
        ]
    for failed, down, node in todo:
        yield standby_outage(topo, sb, demand, served, base, failed, down, node)


def standby_outage(
    topo: Topology,
    sb: Standby,
    demand: Sequence[float],
    served: Served,
    base: Sequence[float],
    failed: Failed,
    down: frozenset[int],
    node: int | None = None,
) -> Outage:
    """One failure routed from scratch; ``base`` the baseline distances."""
    flow, dist = route_standby(topo, sb, demand, served, down, node)
    return outage(topo, failed, flow, dist, base, down, node)
