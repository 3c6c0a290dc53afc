"""Single link failures with non-transit links, incrementally.

``planner.analyses.transit`` routes a network with ``transit: false`` links
as one ordinary routing in the network *without* them (the blocked
network), after moving each served site's own share across its
non-transit links (``own_split``). That split depends only on the served
sites' and their far ends' distances and next hops in the blocked network.
So a failure of a transit link that touches none of them (no served site
or far end among the nodes whose distance or next hops change) leaves the
split as it is, and is exactly a single link failure of the blocked
network: re-routed incrementally (``planner.algorithms.failures``), a few
dozen nodes instead of a Dijkstra over the whole network. The others (of
a non-transit link, or near a served site) are too: the blocked network's
incremental re-routing gives the new distances, from which the served
sites' split is computed again, and only its change (a few nodes' demand)
is pushed along the new shortest-path DAG.

On the national inventory with 50 backup lines this takes the n-1 sweep
from hours to seconds (docs/bandwidth.md, "Speed").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from planner.algorithms.failures import (
    Failure,
    _affected,
    _Overlay,
    fail_link,
    fail_link_detail,
    push,
)
from planner.algorithms.routing import INF, Hop, Routing, Topology, index_network, route
from planner.analyses.risks import Outage
from planner.analyses.transit import Served, own_split

__all__ = ["transit_link_failures"]

Progress = Callable[[int, int], None]


def transit_link_failures(
    topo: Topology,
    sinks: Sequence[int],
    demand: Sequence[float],
    served: Served,
    progress: Progress | None = None,
) -> Iterator[Outage]:
    """Every single link failure in link order, as
    ``transit_outages(..., sites=False)`` gives them (for a worst-case
    search: an incremental failure reports only the links whose load
    changed, and none when it only cuts nodes off)."""
    blocked, full = _blocked(topo, served)
    dist0 = route(blocked, sinks, [0.0] * len(topo.nodes)).dist
    moved, via, dist = own_split(topo, dist0, demand, served)
    base = route(blocked, sinks, moved)
    watch = {x for ends in served.values() for x in ends}
    watch |= {x for k in served for x in topo.ends[k]}
    split = _Split(topo, blocked, full, served, demand, base, moved, via, dist)
    bindex = {name: j for j, name in enumerate(blocked.links)}
    total = len(topo.links)
    for i, name in enumerate(topo.links):
        j = bindex.get(name)
        if j is None:  # a non-transit link: the blocked network is intact
            yield split.outage(i, Failure(-1, {}, ()), {}, {})
        elif _touched(blocked, base, j) & watch:
            yield split.outage(i, *fail_link_detail(blocked, base, j))
        else:
            f = fail_link(blocked, base, j, rises_only=True)
            load = {full[k]: abs(v) for k, v in f.flow.items()}
            yield Outage(("link", name), load, f.unreachable)
        if progress is not None:
            progress(i + 1, total)


class _Split:
    """A failure that changes the served sites' split: the blocked
    network's incremental re-routing, plus the change of the split pushed
    along the new shortest-path DAG, plus the new flows on the non-transit
    links."""

    def __init__(
        self,
        topo: Topology,
        blocked: Topology,
        full: list[int],
        served: Served,
        demand: Sequence[float],
        base: Routing,
        moved: list[float],
        via: list[float],
        dist: list[float],
    ) -> None:
        self.topo, self.blocked, self.full, self.served = topo, blocked, full, served
        self.demand, self.base, self.moved, self.via = demand, base, moved, via
        self.dist = dist
        self.own = sorted({x for ends in served.values() for x in ends})

    def outage(
        self,
        i: int,
        f: Failure,
        new_dist: dict[int, float],
        new_hops: dict[int, list[Hop]],
    ) -> Outage:
        topo, base = self.topo, self.base
        down = frozenset({i})
        now = _Overlay(base.dist, new_dist)
        moved, via, dist = own_split(topo, now, self.demand, self.served, down)
        delta = {
            x: moved[x] - self.moved[x]
            for x in range(len(moved))
            if moved[x] != self.moved[x]
        }
        change = push(self.blocked, base, new_dist, new_hops, delta)
        flow = {k: f.flow.get(k, base.flow[k]) for k in f.flow.keys() | change}
        load = {self.full[k]: abs(v + change.get(k, 0.0)) for k, v in flow.items()}
        load |= {k: abs(via[k]) for k in self.served if k != i}
        load.pop(i, None)
        cut = {x for x in f.unreachable if dist[x] == INF}
        cut |= {x for x in self.own if dist[x] == INF and self.dist[x] < INF}
        return Outage(("link", topo.links[i]), load, tuple(sorted(cut)))


def _blocked(topo: Topology, served: Served) -> tuple[Topology, list[int]]:
    """The network without the non-transit links (same node numbers), and
    each of its links' index in ``topo``."""
    keep = [i for i in range(len(topo.links)) if i not in served]
    blocked = index_network(
        topo.nodes,
        (
            (
                topo.links[i],
                topo.nodes[topo.ends[i][0]],
                topo.nodes[topo.ends[i][1]],
                topo.metric[i],
                topo.capacity[i],
            )
            for i in keep
        ),
    )
    index = {name: i for i, name in enumerate(topo.links)}
    return blocked, [index[name] for name in blocked.links]


def _touched(topo: Topology, base: Routing, link: int) -> set[int]:
    """The nodes whose distance or next hops may change when ``link``
    fails: none off the shortest-path DAG; its upstream end when that keeps
    another next hop; else every node all of whose paths cross it, and
    their upstream neighbours."""
    a, b = topo.ends[link]
    if (link, b) in base.next_hops[a]:
        u = a
    elif (link, a) in base.next_hops[b]:
        u = b
    else:
        return set()
    if len(base.next_hops[u]) > 1:
        return {u}
    affected, frontier = _affected(base, u)
    return affected | frontier
