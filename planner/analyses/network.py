"""Network gaps: link capacity, redundancy and reachability.

Pure functions of the graph (``planner.graph``) and the resolved target.
Redundancy counts edge-disjoint paths (Menger): between a town hall and the
data centres for the backbone, between a site and its town hall for access.
The common requirement of two paths is decided in linear time from the
graph's bridges; the bridges on the way are the single points of failure
named in the gap. Higher requirements fall back to unit-capacity max-flow.
Both run over the network's index (``planner.algorithms.index``), the
non-transit links left out as ``down`` (``planner.algorithms.connectivity``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.algorithms.connectivity import BridgeTree, bridge_tree, components, min_cut
from planner.algorithms.index import View, network_index
from planner.algorithms.routing import Topology
from planner.graph import edge_list, nodes_of
from planner.models.gapdata import CapacityGap, ReachabilityGap, RedundancyGap
from planner.models.inventory import INTERNET
from planner.models.results import Gap
from planner.models.target import NetworkClass, Target

__all__ = [
    "capacity_gaps",
    "find_datacenters",
    "link_class",
    "reachability_gaps",
    "redundancy_gaps",
    "town_halls",
]


def town_halls(G: nx.MultiGraph[Any]) -> dict[str, str]:
    """Municipality id -> its town-hall site id."""
    return {
        d["municipality"]: n for n, d in nodes_of(G, "site") if d["role"] == "town-hall"
    }


def find_datacenters(G: nx.MultiGraph[Any], target: Target) -> tuple[str, ...]:
    """The data-centre sites: the target's, else the sites marked
    ``datacenter: true``, else the town hall of the most populous
    municipality (ties: the first id)."""
    named = [s for s in (target.datacenters.primary, target.datacenters.secondary) if s]
    if named:
        return tuple(named)
    marked = sorted(
        n for n, d in nodes_of(G, "site") if d["datacenter"] and d["status"] == "active"
    )
    if marked:
        return tuple(marked)
    munis = [(-d["population"], d["id"]) for _, d in nodes_of(G, "municipality")]
    if not munis:
        return ()
    halls = town_halls(G)
    return (halls[min(munis)[1]],)


def link_class(G: nx.MultiGraph[Any], u: str, v: str, hubs: set[str]) -> str:
    """``internet``, ``backbone`` (between municipalities, or between two hubs:
    town halls and data centres) or ``access`` (within a municipality)."""
    if INTERNET in (u, v):
        return "internet"
    return _class(G.nodes[u]["municipality"], G.nodes[v]["municipality"], u, v, hubs)


def _class(mu: str, mv: str, u: str, v: str, hubs: set[str]) -> str:
    """:func:`link_class` of a site link, its ends' municipalities given."""
    return "backbone" if mu != mv or (u in hubs and v in hubs) else "access"


def capacity_gaps(
    H: nx.MultiGraph[Any], target: Target, datacenters: Iterable[str]
) -> list[Gap]:
    """Links of the network view ``H`` below the minimum capacity of their
    class."""
    hubs = set(town_halls(H).values()) | set(datacenters)
    tiers = target.network.capacity_tiers
    # A site's municipality by a dict, not H.nodes (a view's call per read):
    # the 19,000 national links are each classed and most pass.
    sites = nodes_of(H, "site")
    muni = {n: d["municipality"] for n, d in sites}
    role = {n: d["role"] for n, d in sites}
    backbone = target.network.backbone
    gaps = []
    for u, v, _, d in edge_list(H):
        if INTERNET in (u, v):
            continue  # link_class "internet": no minimum
        mu, mv = muni[u], muni[v]
        cls = _class(mu, mv, u, v, hubs)
        need = backbone if cls == "backbone" else _access_need(role, target, u, v, hubs)
        if d["capacity"] >= need.min_capacity:
            continue
        tier = next((t for t in tiers if t >= need.min_capacity), need.min_capacity)
        gaps.append(
            Gap(
                kind="capacity",
                subject=d["id"],
                municipalities=(mu,) if mu == mv else tuple(sorted((mu, mv))),
                detail="",
                severity="high" if cls == "backbone" else "medium",
                data=CapacityGap(
                    link_class=cls,
                    a=u,
                    b=v,
                    capacity_mbps=d["capacity"],
                    required_mbps=need.min_capacity,
                    upgrade_to_mbps=tier,
                ),
            )
        )
    return gaps


def _access_need(
    role: dict[str, str], target: Target, u: str, v: str, hubs: set[str]
) -> NetworkClass:
    """An access link's requirement: its sites' roles' (the larger minimum
    capacity when both ends are sites other than hubs)."""
    access = target.network.access
    if not access.roles:
        return access
    ends = [role[x] for x in (u, v) if x not in hubs] or ["town-hall"]
    return max((access.for_role(r) for r in ends), key=lambda c: c.min_capacity)


def reached_from(H: nx.MultiGraph[Any], sources: Iterable[str]) -> set[str]:
    """The nodes connected to any of ``sources``: one search per component,
    not per source (a national inventory has dozens of data centres in one
    network)."""
    reached: set[str] = set()
    for s in sources:
        if s not in reached:
            reached |= nx.node_connected_component(H, s)
    return reached


def reachability_gaps(
    H: nx.MultiGraph[Any], datacenters: Iterable[str], view: View | None = None
) -> list[Gap]:
    """Sites of the network view ``H`` with no path to any data centre.
    ``view``: ``H`` as an index and the links of it ``H`` has not
    (``netindex.today_view``), else ``H`` is indexed."""
    dcs = [dc for dc in datacenters if dc in H]
    served = _served(H, set(town_halls(H).values()) | set(dcs))
    topo, absent = view or (network_index(H), frozenset())
    transit = _reached(topo, dcs, absent | _link_indices(topo, served))
    reached = set(transit)
    for k, ends in served.items():  # a site reaches them over its own line
        a, b = topo.ends[_link_index(topo, k)]
        for x, far in ((a, b), (b, a)):
            if topo.nodes[x] in ends and far in transit:
                reached.add(x)
    linked = _reached(topo, dcs, absent) if served else transit
    return [
        Gap(
            kind="reachability",
            subject=site,
            municipalities=(H.nodes[site]["municipality"],),
            detail="",
            severity="high",
            data=ReachabilityGap(
                site, H.nodes[site]["role"], through_non_transit=i in linked
            ),
        )
        for i, site in enumerate(topo.nodes)
        if i not in reached
    ]


def _reached(topo: Topology, sources: Iterable[str], down: frozenset[int]) -> set[int]:
    """The nodes connected to any of ``sources`` without the links ``down``."""
    label = components(topo, down)
    ours = {label[topo.index[s]] for s in sources}
    return {x for x, c in enumerate(label) if c in ours}


def _link_index(topo: Topology, link: str) -> int:
    """The index of link id ``link`` (links are numbered in sorted id order)."""
    return bisect_left(topo.links, link)


def _link_indices(topo: Topology, links: Iterable[str]) -> frozenset[int]:
    return frozenset(_link_index(topo, k) for k in links)


def redundancy_gaps(
    H: nx.MultiGraph[Any],
    target: Target,
    datacenters: Iterable[str],
    view: View | None = None,
) -> list[Gap]:
    """Town halls with fewer edge-disjoint paths to the data centres than the
    backbone requires, and sites with fewer to their town hall than access
    requires, in the network view ``H``. Unreachable sites are reachability
    gaps, not counted here. ``view`` as for :func:`reachability_gaps`."""
    dcs = [dc for dc in datacenters if dc in H]
    halls = town_halls(H)
    served = _served(H, set(halls.values()) | set(dcs))
    topo, absent = view or (network_index(H), frozenset())
    ix = topo.index
    transit_only = absent | _link_indices(topo, served)  # all but a site's own
    gaps = []
    need = target.network.backbone.redundancy
    if dcs and need > 1:
        # Paths to either data centre count: they are one sink.
        sinks = tuple(ix[dc] for dc in dcs)
        pairs = [(ix[th], sinks) for th in sorted(halls.values()) if th not in dcs]
        for site, paths, cut in _short_of(topo, pairs, need, transit_only):
            gaps.append(_redundancy_gap(H, site, "the data centres", paths, need, cut))
    access = target.network.access
    if access.most_redundancy > 1:
        by_need: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for n, d in sorted(H.nodes(data=True)):
            if d["role"] != "town-hall" and n not in dcs and d["municipality"] in halls:
                need = access.for_role(d["role"]).redundancy
                by_need.setdefault(need, []).append(
                    (ix[n], (ix[halls[d["municipality"]]],))
                )
        own = {x for ends in served.values() for x in ends}
        for need, pairs in sorted(by_need.items()):
            if need > 1:
                shared = [p for p in pairs if topo.nodes[p[0]] not in own]
                found = _short_of(topo, shared, need, transit_only)
                for p in (p for p in pairs if topo.nodes[p[0]] in own):
                    site = topo.nodes[p[0]]  # with the links that serve it
                    mine = [k for k, ends in served.items() if site not in ends]
                    down = absent | _link_indices(topo, mine)
                    found += _short_of(topo, [p], need, down)
                for site, paths, cut in sorted(found):
                    gaps.append(
                        _redundancy_gap(H, site, "its town hall", paths, need, cut)
                    )
        gaps.sort(key=lambda g: (_link_class(g) != "backbone", g.subject))
    return gaps


def _link_class(gap: Gap) -> str:
    return gap.data.link_class if isinstance(gap.data, RedundancyGap) else ""


def _served(H: nx.MultiGraph[Any], hubs: set[str]) -> dict[str, tuple[str, ...]]:
    """Non-transit link id -> the sites it serves (``analyses/transit.py``)."""
    from planner.analyses.transit import served_ends  # it imports risks, us

    return served_ends(
        ((k, u, v, d.get("transit", True)) for u, v, k, d in edge_list(H)),
        hubs,
    )


def _redundancy_gap(
    H: nx.MultiGraph[Any],
    site: str,
    towards: str,
    paths: int,
    need: int,
    cut: list[str],
) -> Gap:
    backbone = towards == "the data centres"
    return Gap(
        kind="redundancy",
        subject=site,
        municipalities=(H.nodes[site]["municipality"],),
        detail="",
        severity="high" if backbone else "medium",
        data=RedundancyGap(
            link_class="backbone" if backbone else "access",
            paths=paths,
            required=need,
            single_points_of_failure=tuple(cut) if paths == 1 else (),
            cut=tuple(cut),
        ),
    )


def _short_of(
    topo: Topology,
    pairs: list[tuple[int, tuple[int, ...]]],
    need: int,
    down: frozenset[int],
) -> list[tuple[str, int, list[str]]]:
    """``(source, paths, links)`` for each connected ``(source, sinks)``
    pair with fewer than ``need`` edge-disjoint paths without the links
    ``down``; ``links`` are the bridges (need 2) or a minimum cut (more)."""
    out = []
    if need == 2:
        trees: dict[tuple[int, ...], BridgeTree] = {}
        for source, sinks in pairs:
            joined = sinks if len(sinks) > 1 else ()  # one tree for single sinks
            if joined not in trees:
                trees[joined] = bridge_tree(topo, down, joined=joined)
            cut = trees[joined].path(source, sinks[0])
            if cut:
                out.append((topo.nodes[source], 1, [topo.links[i] for i in cut]))
        return out
    for source, sinks in pairs:
        paths, cut = min_cut(topo, source, sinks, down)
        if 0 < paths < need:
            out.append((topo.nodes[source], paths, [topo.links[i] for i in cut]))
    return out
