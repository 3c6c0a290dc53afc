"""Single link failures with non-transit links, incrementally.

``planner.analyses.transit`` routes a network with ``transit: false`` links
as one ordinary routing in the network *without* them (the blocked
network), after moving each served site's own share across its
non-transit links (``own_split``). That split depends only on the served
sites' and their far ends' distances and next hops in the blocked network.
So a failure of a transit link that touches none of them (no served site
or far end among the nodes whose distance or next hops change) leaves the
split as it is, and is exactly a single link failure of the blocked
network: re-routed incrementally (``planner.analyses.failures``), a few
dozen nodes instead of a Dijkstra over the whole network. The other
failures (of a non-transit link, or near a served site) are routed from
scratch, as before.

On the national inventory with 50 backup lines this takes the n-1 sweep
from hours to seconds (docs/bandwidth.md, "Speed").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from planner.analyses.failures import _affected, fail_link
from planner.analyses.risks import Outage
from planner.analyses.routing import INF, Routing, Topology, index_network, route
from planner.analyses.transit import Served, own_split, route_transit

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
    moved, _, dist = own_split(topo, dist0, demand, served)
    base = route(blocked, sinks, moved)
    watch = {x for ends in served.values() for x in ends}
    watch |= {x for k in served for x in topo.ends[k]}
    bindex = {name: j for j, name in enumerate(blocked.links)}
    total = len(topo.links)
    for i, name in enumerate(topo.links):
        j = bindex.get(name)
        if j is None or _touched(blocked, base, j) & watch:
            yield _from_scratch(topo, sinks, demand, served, dist, i)
        else:
            f = fail_link(blocked, base, j, rises_only=True)
            load = {full[k]: abs(v) for k, v in f.flow.items()}
            yield Outage(("link", name), load, f.unreachable)
        if progress is not None:
            progress(i + 1, total)


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


def _from_scratch(
    topo: Topology,
    sinks: Sequence[int],
    demand: Sequence[float],
    served: Served,
    base: Sequence[float],
    i: int,
) -> Outage:
    down = frozenset({i})
    flow, dist = route_transit(topo, sinks, demand, served, down)
    cut = tuple(x for x, d in enumerate(dist) if d == INF and base[x] < INF)
    load = {k: abs(f) for k, f in enumerate(flow) if k != i}
    return Outage(("link", topo.links[i]), load, cut)
