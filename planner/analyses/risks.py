"""Failures that really happen: risk groups and sites.

Two lines in one trench, or through one provider's exchange, fail together:
links may carry ``risk_groups: [trench-7]``, and ``--failures n-1`` fails
every risk group as one failure besides every single link. With
``--failures n-1+sites`` every single site fails too (not the data centres
themselves): a failed site is down (its own demand is gone, and it is not
listed as cut off); the sites behind it are.

Such failures are routed from scratch with the rules of
``planner.algorithms.routing`` (shortest paths to the nearest data centre,
per-hop ECMP), each a Dijkstra; a site no shortest path crosses (no other
node has it as a next hop) is skipped: failing it removes only its own
demand, so no load rises and no one is cut off. On a national inventory
that leaves the town halls and a few hubs.

For redundancy, a shared risk is one path: a town hall whose edge-disjoint
paths all fail with one risk group has, in effect, one path
(:func:`shared_risk_gaps`, for the common requirement of two paths).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import networkx as nx

from planner.algorithms.routing import INF, Routing, Topology, distances, spread
from planner.analyses.network import reached_from, town_halls
from planner.graph import edge_list
from planner.models.bandwidth import Failed
from planner.models.frozen import frozen
from planner.models.gapdata import RedundancyGap
from planner.models.results import Gap
from planner.models.target import NetworkClass

__all__ = [
    "Outage",
    "outage",
    "outages",
    "risk_groups",
    "route_without",
    "shared_risk_gaps",
]


@frozen
class Outage:
    """One multi-link or site failure, routed: the load of every link
    (absolute, the failed links left out) and the nodes newly cut off."""

    failed: Failed
    load: dict[int, float]
    unreachable: tuple[int, ...]


def risk_groups(
    topo: Topology, links: dict[str, dict[str, Any]]
) -> dict[str, frozenset[int]]:
    """Risk group id -> the indices of its links in ``topo``."""
    groups: dict[str, set[int]] = {}
    for i, name in enumerate(topo.links):
        for g in links[name].get("risk_groups", ()):
            groups.setdefault(g, set()).add(i)
    return {g: frozenset(ix) for g, ix in sorted(groups.items())}


def route_without(
    topo: Topology,
    sinks: Sequence[int],
    demand: Sequence[float],
    down: frozenset[int] = frozenset(),
    node: int | None = None,
) -> tuple[list[float], list[float]]:
    """``(flow, dist)`` with the links ``down`` and the ``node`` failed
    (its demand gone), routed as ``planner.algorithms.routing.route``."""
    dist = distances(topo, sinks, down, node)
    flow = [0.0] * len(topo.links)
    spread(topo, dist, demand, flow, down, node)
    return flow, dist


def outages(
    topo: Topology,
    base: Routing,
    sinks: Sequence[int],
    demand: Sequence[float],
    groups: dict[str, frozenset[int]],
    *,
    sites: bool,
) -> Iterator[Outage]:
    """Every risk group, then (with ``sites``) every site a shortest path
    crosses, failed one at a time."""
    sink_set = set(sinks)
    todo: list[tuple[Failed, frozenset[int], int | None]] = [
        (("risk-group", g), links, None) for g, links in groups.items()
    ]
    if sites:
        todo += [
            (("site", topo.nodes[x]), frozenset(), x)
            for x in range(len(topo.nodes))
            if x not in sink_set and base.prev[x] and base.dist[x] < INF
        ]
    for failed, down, node in todo:
        flow, dist = route_without(topo, sinks, demand, down, node)
        yield outage(topo, failed, flow, dist, base.dist, down, node)


def outage(
    topo: Topology,
    failed: Failed,
    flow: Sequence[float],
    dist: Sequence[float],
    base: Sequence[float],
    down: frozenset[int],
    node: int | None,
) -> Outage:
    """The :class:`Outage` of a failure routed from scratch (``flow`` and
    ``dist``) against the baseline distances ``base``: the failed links and
    the failed node's links left out, the failed node not counted as cut
    off."""
    cut = tuple(
        x for x, d in enumerate(dist) if d == INF and base[x] < INF and x != node
    )
    gone = set(down)
    if node is not None:
        gone |= {k for k, _, _ in topo.adj[node]}
    load = {k: abs(f) for k, f in enumerate(flow) if k not in gone}
    return Outage(failed, load, cut)


def shared_risk_gaps(
    H: nx.MultiGraph[Any],
    backbone: int,
    access: NetworkClass,
    datacenters: Iterable[str],
    known: Iterable[Gap],
) -> list[Gap]:
    """Redundancy gaps from shared risks: a town hall (backbone) or site
    (access) that needs two paths, has two edge-disjoint ones, but loses
    every path to the data centres (its town hall) when one risk group
    fails. Sites already with a redundancy gap are left as they are.

    Paths respect ``transit: false`` (``planner.analyses.transit``): a town
    hall's never cross a non-transit link, a site's only those serving it."""
    from planner.analyses.network import _served  # network imports transit, us

    dcs = [dc for dc in datacenters if dc in H]
    have = {g.subject for g in known if g.kind == "redundancy"}
    groups: dict[str, list[tuple[str, str, str]]] = {}
    edges = edge_list(H)
    for u, v, k, d in edges:
        for g in d.get("risk_groups", ()):
            groups.setdefault(g, []).append((u, v, k))
    if not groups:  # most inventories: no shared risk, nothing to fail
        return []
    halls = town_halls(H)
    served = _served(H, set(halls.values()) | set(dcs))
    own: dict[str, list[tuple[str, str, str]]] = {}
    for u, v, k, _ in edges:
        for x in served.get(k, ()):
            own.setdefault(x, []).append((u, v, k))
    T = H
    if served:
        T = H.copy()
        T.remove_edges_from([(u, v, k) for u, v, k, _ in edges if k in served])
    before = reached_from(T, dcs)
    found: dict[str, Gap] = {}
    for group, links in sorted(groups.items()):
        cut = T.copy()
        for u, v, k in links:
            if cut.has_edge(u, v, key=k):
                cut.remove_edge(u, v, key=k)
        ids = sorted(k for _, _, k in links)
        reached = reached_from(cut, dcs)
        if backbone >= 2 and dcs:
            for th in sorted(halls.values()):
                lost = th in before and th not in reached
                if th not in dcs and lost and th not in have:
                    found.setdefault(th, _gap(H, th, "backbone", backbone, group, ids))
        if access.most_redundancy >= 2:
            for n, d in sorted(H.nodes(data=True)):
                hall = halls.get(d["municipality"])
                need = access.for_role(d["role"]).redundancy
                if (
                    need >= 2
                    and d["role"] != "town-hall"
                    and n not in dcs
                    and hall is not None
                    and n not in have
                    and _loses(T, cut, own.get(n, []), links, n, hall)
                ):
                    found.setdefault(n, _gap(H, n, "access", need, group, ids))
    return [found[s] for s in sorted(found)]


def _loses(
    T: nx.MultiGraph[Any],
    cut: nx.MultiGraph[Any],
    mine: list[tuple[str, str, str]],
    group: list[tuple[str, str, str]],
    n: str,
    hall: str,
) -> bool:
    """Site ``n`` reaches its town hall in ``T`` plus its own non-transit
    links, and not once the group is cut."""
    if mine:
        down = set(group)
        T, cut = T.copy(), cut.copy()
        for u, v, k in mine:
            T.add_edge(u, v, key=k)
            if (u, v, k) not in down:
                cut.add_edge(u, v, key=k)
    return bool(nx.has_path(T, n, hall)) and not nx.has_path(cut, n, hall)


def _gap(
    H: nx.MultiGraph[Any], site: str, cls: str, need: int, group: str, ids: list[str]
) -> Gap:
    return Gap(
        kind="redundancy",
        subject=site,
        municipalities=(H.nodes[site]["municipality"],),
        detail="",
        severity="high" if cls == "backbone" else "medium",
        data=RedundancyGap(
            link_class=cls,
            paths=1,
            required=need,
            single_points_of_failure=(),
            cut=tuple(ids),
            risk_group=group,
        ),
    )
