"""Bandwidth of the target network: demand, utilisation, failures, upgrades.

The target state is today's active sites joined by every active *and*
planned link (``network(G, planned=True)``): the plan is what the links
must carry once the central services run in the data centres. The internet
endpoint carries no traffic between sites and is left out.

Demand: each active site sends ``users x demand_per_user`` for every service
the site's municipality has a system for (however hosted today) and the
target does not host ``local``: central services run in the data centre,
and vendor-hosted and SaaS ones are reached through the region's one
internet access there (``DRAWN``),
to the nearest data centre, split per hop among equal-cost next hops
(``planner.algorithms.routing``). Utilisation is demand / capacity in the
direction towards the data centre (with one destination, a link carries
traffic one way only).

With ``failures="n-1"`` every single link failure is re-routed
(``planner.algorithms.failures``), and every risk group as one failure
(``planner.analyses.risks``); ``"n-1+sites"`` also fails every single site
but the data centres. Each link reports its worst utilisation and the
failure causing it, and sites a failure cuts off are listed.

The recommended capacity is load-driven: today's capacity when the worst
load stays within ``max_utilisation``, else the smallest capacity tier that
does. The target's minimum capacities are ``capacity`` gaps, not this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import networkx as nx

from planner.algorithms.failures import sweep
from planner.algorithms.index import target_network, target_topology
from planner.algorithms.routing import INF, Routing, Topology, route
from planner.analyses.demand import DRAWN, with_pupils_and_growth
from planner.analyses.network import find_datacenters, town_halls
from planner.analyses.risks import Outage, outages, risk_groups
from planner.analyses.standby import (
    Standby,
    find_standby,
    route_standby,
    standby_outage,
    standby_outages,
    with_replication,
)
from planner.analyses.transit import (
    Served,
    route_transit,
    served_ends,
    served_index,
    transit_outages,
)
from planner.analyses.transit_sweep import transit_link_failures
from planner.graph import nodes_of
from planner.models.bandwidth import (
    BandwidthReport,
    Failed,
    FailureMode,
    LinkLoad,
    Unreachable,
    Upgrade,
)
from planner.models.target import Target

__all__ = [
    "analyse_bandwidth",
    "recommend_capacity",
    "site_demands",
    "target_network",
    "target_topology",
]

Progress = Callable[[int, int], None]
_WORSE = 1e-9  # relative: a failure must raise a load by more to count


def site_demands(G: nx.MultiGraph[Any], target: Target) -> dict[str, float]:
    """Planned peak demand (Mbit/s) of every active site towards the data
    centres: users x the sum of ``demand_per_user`` of the services its
    municipality has a system for (however hosted) and the target does not
    host ``local`` (see ``DRAWN``)."""
    services: dict[str, set[str]] = {}
    sites = []
    for n, d in G.nodes(data=True):
        if d["kind"] == "system":
            services.setdefault(d["municipality"], set()).add(d["service"])
        elif d["kind"] == "site" and d["status"] == "active":
            sites.append((n, d["users"], d["municipality"]))
    per_user = {
        muni: sum(
            target.services[s].demand_per_user
            for s in sorted(ids)
            if s in target.services and target.services[s].hosting in DRAWN
        )
        for muni, ids in services.items()
    }
    base = {n: users * per_user.get(muni, 0.0) for n, users, muni in sorted(sites)}
    return with_pupils_and_growth(G, target, base, services)  # analyses/demand.py


def recommend_capacity(
    capacity: float, worst_demand: float, target: Target
) -> float | None:
    """Today's capacity if the worst load fits within ``max_utilisation``,
    else the smallest tier above it that fits (None: no tier does)."""
    required = worst_demand / target.network.max_utilisation
    if capacity >= required:
        return capacity
    return next(
        (t for t in target.network.capacity_tiers if t > capacity and t >= required),
        None,
    )


def analyse_bandwidth(
    G: nx.MultiGraph[Any],
    target: Target,
    *,
    failures: FailureMode = "none",
    progress: Progress | None = None,
) -> BandwidthReport:
    """Route the target state's demand; with ``failures="n-1"`` also every
    single link failure. ``progress(done, total)`` follows the sweep."""
    demand = site_demands(G, target)
    # The index and links the gap analysis shares (algorithms/index.py).
    links, topo = target_network(G, demand)
    dcs = find_datacenters(G, target)
    sinks = [topo.index[dc] for dc in dcs if dc in topo.index]
    served = served_index(topo, _served(G, links, dcs))
    standby = find_standby(topo, target)
    if standby is not None:  # analyses/standby.py: the secondary on standby
        flow, worst, cause, other, lost = _standby_loads(
            topo, links, standby, demand, served, failures, progress
        )
    elif served:  # analyses/transit.py: every failure routed from scratch
        flow, worst, cause, other, lost = _transit_loads(
            topo, links, sinks, demand, served, failures, progress
        )
    else:
        base = route(topo, sinks, [demand.get(n, 0.0) for n in topo.nodes])
        flow, worst = base.flow, list(map(abs, base.flow))
        cause = [None] * len(worst)
        lost = _unreachable(topo, base)
        other = {}  # links whose worst is a group or site failure
        if failures != "none":
            lost += _sweep(topo, base, worst, cause, progress)
            lost += _outages(
                topo, links, base, sinks, demand, worst, cause, other, failures
            )
    municipality_of = {n: d["municipality"] for n, d in nodes_of(G, "site")}
    loads = tuple(
        _link_load(
            municipality_of,
            links[k],
            topo,
            target,
            flow,
            i,
            worst[i],
            cause[i],
            other.get(i),
        )
        for i, k in enumerate(topo.links)
    )
    return BandwidthReport(
        region=G.graph["region"],
        target=target.id,
        currency=G.graph.get("currency") or "NOK",
        datacenters=dcs,
        failures=failures,
        max_utilisation=target.network.max_utilisation,
        total_demand_mbps=sum(demand.values()),
        replication_mbps=0.0 if standby is None else standby.replication,
        links=loads,
        unreachable=tuple(sorted(lost, key=Unreachable.sort_key)),
    )


def _served(
    G: nx.MultiGraph[Any], links: dict[str, dict[str, Any]], dcs: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    hubs = set(town_halls(G).values()) | set(dcs)
    ends = ((k, d["a"], d["b"], d.get("transit", True)) for k, d in links.items())
    return served_ends(ends, hubs)


def _baseline(
    topo: Topology, flow: list[float], dist: Sequence[float]
) -> tuple[list[float], list[int | None], dict[int, Failed], list[Unreachable]]:
    """Worst loads, their causes and the sites cut off before any failure."""
    worst = list(map(abs, flow))
    cause: list[int | None] = [None] * len(worst)
    lost = [Unreachable(topo.nodes[x], None) for x, d in enumerate(dist) if d == INF]
    return worst, cause, {}, lost


def _transit_loads(
    topo: Topology,
    links: dict[str, dict[str, Any]],
    sinks: list[int],
    demand: dict[str, float],
    served: Served,
    failures: FailureMode,
    progress: Progress | None = None,
) -> tuple[
    list[float], list[float], list[int | None], dict[int, Failed], list[Unreachable]
]:
    """Baseline flow, worst loads and their causes, and the sites cut off,
    with non-transit links (``planner.analyses.transit``; single link
    failures incrementally where they leave the served sites' split alone,
    ``planner.analyses.transit_sweep``)."""
    vector = [demand.get(n, 0.0) for n in topo.nodes]
    flow, dist = route_transit(topo, sinks, vector, served)
    worst, cause, other, lost = _baseline(topo, flow, dist)
    if failures == "none":
        return flow, worst, cause, other, lost
    groups = risk_groups(topo, links)
    sites = failures == "n-1+sites"
    fold = _Fold(topo, worst, cause, other, lost)
    for out in transit_link_failures(topo, sinks, vector, served, progress):
        fold.outage(out)
    for out in transit_outages(
        topo, sinks, vector, served, groups, sites=sites, links=False
    ):
        fold.outage(out)
    return flow, worst, cause, other, lost


class _Fold:
    """Folds failures into the worst loads, their causes and the sites
    cut off."""

    def __init__(
        self,
        topo: Topology,
        worst: list[float],
        cause: list[int | None],
        other: dict[int, Failed],
        lost: list[Unreachable],
    ) -> None:
        self.topo, self.worst, self.cause, self.other, self.lost = (
            topo,
            worst,
            cause,
            other,
            lost,
        )
        self.index = {k: i for i, k in enumerate(topo.links)}

    def outage(self, out: Outage) -> None:
        worst, cause, other = self.worst, self.cause, self.other
        single = self.index[out.failed[1]] if out.failed[0] == "link" else None
        for k, load in out.load.items():
            if load > worst[k] * (1 + _WORSE) + 1e-12:
                worst[k], cause[k] = load, single
                if single is None:
                    other[k] = out.failed
                else:
                    other.pop(k, None)
        name = out.failed[1] if single is not None else None
        nodes = self.topo.nodes
        self.lost += [Unreachable(nodes[x], name, out.failed) for x in out.unreachable]


def _standby_loads(
    topo: Topology,
    links: dict[str, dict[str, Any]],
    sb: Standby,
    demand: dict[str, float],
    served: Served,
    failures: FailureMode,
    progress: Progress | None,
) -> tuple[
    list[float], list[float], list[int | None], dict[int, Failed], list[Unreachable]
]:
    """As :func:`_transit_loads`, with the secondary data centre on standby
    (``planner.analyses.standby``). Single link failures are incremental
    when no link is non-transit and the secondary reaches the primary; the
    few that cut the secondary off from the primary are routed from scratch."""
    vector = with_replication(sb, [demand.get(n, 0.0) for n in topo.nodes])
    flow, dist = route_standby(topo, sb, vector, served)
    worst, cause, other, lost = _baseline(topo, flow, dist)
    if failures == "none":
        return flow, worst, cause, other, lost
    groups = risk_groups(topo, links)
    sites = failures == "n-1+sites"
    fold = _Fold(topo, worst, cause, other, lost)
    base = route(topo, [sb.primary], vector)
    incremental = not served and base.dist[sb.secondary] < INF
    if incremental:
        for failure in sweep(topo, base, progress, rises_only=True):
            name = topo.links[failure.link]
            if sb.secondary in failure.unreachable:
                down = frozenset({failure.link})
                out = standby_outage(
                    topo, sb, vector, served, dist, ("link", name), down
                )
            else:
                load = {k: abs(f) for k, f in failure.flow.items()}
                out = Outage(("link", name), load, failure.unreachable)
            fold.outage(out)
    for out in standby_outages(
        topo, sb, vector, served, groups, links=not incremental, sites=sites
    ):
        fold.outage(out)
    return flow, worst, cause, other, lost


def _unreachable(topo: Topology, base: Routing) -> list[Unreachable]:
    return [
        Unreachable(topo.nodes[x], None) for x, d in enumerate(base.dist) if d == INF
    ]


def _sweep(
    topo: Topology,
    base: Routing,
    worst: list[float],
    cause: list[int | None],
    progress: Progress | None,
) -> list[Unreachable]:
    """Fold every failure into ``worst``/``cause``; the sites cut off."""
    lost = []
    for failure in sweep(topo, base, progress, rises_only=True):
        for k, flow in failure.flow.items():
            load = abs(flow)
            if load > worst[k] * (1 + _WORSE) + 1e-12:
                worst[k], cause[k] = load, failure.link
        name = topo.links[failure.link]
        lost += [
            Unreachable(topo.nodes[x], name, ("link", name))
            for x in failure.unreachable
        ]
    return lost


def _outages(
    topo: Topology,
    links: dict[str, dict[str, Any]],
    base: Routing,
    sinks: list[int],
    demand: dict[str, float],
    worst: list[float],
    cause: list[int | None],
    other: dict[int, Failed],
    failures: FailureMode,
) -> list[Unreachable]:
    """Fold every risk group (and site) failure into ``worst``; the sites
    cut off (``planner.analyses.risks``)."""
    vector = [demand.get(n, 0.0) for n in topo.nodes]
    groups = risk_groups(topo, links)
    lost = []
    for out in outages(
        topo, base, sinks, vector, groups, sites=failures == "n-1+sites"
    ):
        for k, load in out.load.items():
            if load > worst[k] * (1 + _WORSE) + 1e-12:
                worst[k], cause[k], other[k] = load, None, out.failed
        lost += [Unreachable(topo.nodes[x], None, out.failed) for x in out.unreachable]
    return lost


def _ratio(load: float, capacity: float) -> float | None:
    if capacity > 0:
        return load / capacity
    return 0.0 if load == 0 else None


def _link_load(
    municipality_of: dict[str, str],
    link: dict[str, Any],
    topo: Topology,
    target: Target,
    flows: list[float],
    i: int,
    worst: float,
    cause: int | None,
    other: Failed | None,
) -> LinkLoad:
    a, b = link["a"], link["b"]
    flow, capacity = flows[i], topo.capacity[i]
    recommended = recommend_capacity(capacity, worst, target)
    ma, mb = municipality_of[a], municipality_of[b]
    return LinkLoad(
        id=topo.links[i],
        a=a,
        b=b,
        status=link["status"],
        municipalities=(ma,) if ma == mb else (ma, mb) if ma < mb else (mb, ma),
        capacity_mbps=capacity,
        demand_mbps=abs(flow),
        towards=None if flow == 0 else (b if flow > 0 else a),
        utilisation=_ratio(abs(flow), capacity),
        worst_demand_mbps=worst,
        worst_utilisation=_ratio(worst, capacity),
        failed_link=None if cause is None else topo.links[cause],
        required_capacity_mbps=worst / target.network.max_utilisation,
        recommended_capacity_mbps=recommended,
        upgrade=_upgrade(target, capacity, recommended),
        failed=other if cause is None else ("link", topo.links[cause]),
    )


def _upgrade(target: Target, capacity: float, to: float | None) -> Upgrade | None:
    if to is None or to <= capacity:
        return None
    price = target.network.upgrade_cost.get(to)
    return Upgrade(
        capacity_mbps=to,
        investment=None if price is None else price.investment,
        per_year=None if price is None else price.per_year,
    )
