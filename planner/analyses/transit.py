"""Links that carry only their own site's traffic (``transit: false``).

An emergency centre's backup line to a neighbouring town hall must not
become the district's path when the district's own link fails. Such a link
*serves* its ends that are not hubs (town halls and data centres): it may
carry only traffic that *originates* at a served end, so it can only be that
site's first hop. Traffic of every other site, passing the served site or
not, is routed as if the link were not there, at baseline and under every
failure. A non-transit link between two hubs serves no one and carries
nothing.

Routing stays per-hop ECMP towards the nearest data centre
(``planner.algorithms.routing``), with one change at a served site s: its own
traffic chooses among its transit next hops and its non-transit links
together (a non-transit link s-h costs its metric plus h's distance), while
traffic passing s sees only the transit next hops. Since routing is linear
in the demand this reduces to one ordinary routing: the shortest-path DAG
without the non-transit links, and s's own demand moved, share by share,
across its chosen non-transit links to their far ends.

Worked example (unit metrics, data centre D, 12 Mbit/s from each of E and
T; E-T is ``transit: false``, serving the emergency centre E)::

    E - A - D        E's own traffic: via A (2 hops) or E-T-D (2 hops):
    E - T - D        6 Mbit/s each. T's 12 go T-D (1 hop). Baseline:
                     E-A 6, A-D 6, E-T 6, T-D 18.

With T-D failed, T may not use T-E-A-D (E-T carries only E's traffic): T is
cut off, and E sends all of its 12 via A. Without the flag T would send its
12 that way and E-A would carry 24.

For redundancy (``planner.analyses.network``) a path counts for a site
only if every non-transit link on it serves that site. Each failure is
routed from scratch when a network has such links (a Dijkstra each); the
incremental sweep (``planner.algorithms.failures``) serves the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from planner.algorithms.routing import (
    INF,
    Distances,
    Topology,
    distances,
    hops_of,
    signed,
    spread,
)
from planner.analyses.risks import Outage, outage
from planner.models.bandwidth import Failed

__all__ = [
    "Served",
    "own_split",
    "route_transit",
    "served_ends",
    "served_index",
    "transit_outages",
]

_TIE = 1e-12
Served = Mapping[int, tuple[int, ...]]  # non-transit link -> the ends it serves


def served_ends(
    links: Iterable[tuple[str, str, str, bool]], hubs: set[str]
) -> dict[str, tuple[str, ...]]:
    """Link id -> the sites it serves, for the ``(id, a, b, transit)`` links
    whose ``transit`` is False: the ends that are not hubs."""
    return {
        k: tuple(x for x in (a, b) if x not in hubs)
        for k, a, b, transit in links
        if not transit
    }


def served_index(topo: Topology, served: Mapping[str, tuple[str, ...]]) -> Served:
    """:func:`served_ends` by the indices of ``topo``."""
    link = {k: i for i, k in enumerate(topo.links)}
    return {
        link[k]: tuple(topo.index[x] for x in ends)
        for k, ends in served.items()
        if k in link
    }


def _own_hops(
    topo: Topology, served: Served, down: frozenset[int], node: int | None
) -> dict[int, list[tuple[int, int, float]]]:
    """Served site -> its usable non-transit links ``(link, far end, metric)``."""
    own: dict[int, list[tuple[int, int, float]]] = {}
    for k, ends in served.items():
        if k in down:
            continue
        a, b = topo.ends[k]
        for s in ends:
            far = b if s == a else a
            if node not in (s, far):
                own.setdefault(s, []).append((k, far, topo.metric[k]))
    return own


def route_transit(
    topo: Topology,
    sinks: Sequence[int],
    demand: Sequence[float],
    served: Served,
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> tuple[list[float], list[float]]:
    """``(flow, dist)`` with the links ``down`` and the ``node`` failed (its
    demand gone), the non-transit links ``served`` carrying only their
    served sites' own traffic. ``dist`` is each node's distance for its own
    traffic (INF: cut off)."""
    blocked = down | frozenset(served)
    dist0 = distances(topo, sinks, blocked, node)
    moved, flow, dist = own_split(topo, dist0, demand, served, down, node)
    spread(topo, dist0, moved, flow, blocked, node)
    return flow, dist


def own_split(
    topo: Topology,
    dist0: Distances,
    demand: Sequence[float],
    served: Served,
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> tuple[list[float], list[float], list[float]]:
    """``(moved, flow, dist)``: each served site's own demand split between
    its transit next hops (by the distances ``dist0`` of the network without
    non-transit links) and its non-transit links, whose share ``moved`` to
    their far ends and ``flow`` on them; ``dist`` as in :func:`route_transit`."""
    blocked = down | frozenset(served)
    dist = [dist0[x] for x in range(len(topo.nodes))]
    moved = list(demand)
    flow = [0.0] * len(topo.links)
    for s, extra in sorted(_own_hops(topo, served, down, node).items()):
        best = min([dist0[s]] + [w + dist0[far] for _, far, w in extra])
        if best == INF or dist0[s] == 0:
            continue
        dist[s], limit = best, best * (1 + _TIE)
        stay = [h for h in hops_of(topo, s, dist0, dist0[s]) if h[0] not in blocked]
        stay = stay if dist0[s] <= limit else []
        via = [(k, far) for k, far, w in extra if w + dist0[far] <= limit]
        share = demand[s] / (len(stay) + len(via))
        moved[s] -= share * len(via)
        for k, far in via:
            flow[k] += share * signed(topo, k, s)
            moved[far] += share
    return moved, flow, dist


def transit_outages(
    topo: Topology,
    sinks: Sequence[int],
    demand: Sequence[float],
    served: Served,
    groups: Mapping[str, frozenset[int]],
    *,
    sites: bool,
    links: bool = True,
) -> Iterator[Outage]:
    """Every single link (unless not ``links``), then every risk group,
    then (with ``sites``) every site but the sinks, failed one at a time
    and routed from scratch with :func:`route_transit`; ``unreachable``
    lists the sites newly cut off. (``planner.analyses.transit_sweep`` does
    the single links incrementally.)"""
    _, base = route_transit(topo, sinks, demand, served)
    sink_set = set(sinks)
    todo: list[tuple[Failed, frozenset[int], int | None]] = []
    if links:
        todo += [(("link", k), frozenset({i}), None) for i, k in enumerate(topo.links)]
    todo += [(("risk-group", g), ix, None) for g, ix in groups.items()]
    if sites:
        todo += [
            (("site", topo.nodes[x]), frozenset(), x)
            for x in range(len(topo.nodes))
            if x not in sink_set and base[x] < INF
        ]
    for failed, down, node in todo:
        flow, dist = route_transit(topo, sinks, demand, served, down, node)
        yield outage(topo, failed, flow, dist, base, down, node)
