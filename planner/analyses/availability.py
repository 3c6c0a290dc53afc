"""Estimated availability of the central services, per municipality.

The model (also in docs/bandwidth.md). A municipality's users reach a
central service when its town hall - the hub its other sites hang on -
reaches a data centre, and the data centre is up:

    A = A_network x A_datacentre
    A_network = 1 - prod over paths p of (1 - A_p),  A_p = prod of A_link on p

over the edge-disjoint paths from the town hall to the data centres found
by augmenting shortest paths (unit-capacity max-flow, as many as exist), in
the target network (active and planned links). Links fail independently;
``A_link`` is the link's ``availability``, else the target's
``network.link_availability``; ``A_datacentre`` is the target's
``network.datacenter_availability``. A town hall that is a data centre has
A_network = 1; one with no path has A = 0.

Two simplifications, both stated so that nobody reads more into the
figure: paths sharing a node (not a link) are counted as independent, and
the other sites are not counted separately (their access link comes on
top: an estimate per site would multiply by it).

The estimate compared with each central service's ``availability`` target
gives the ``availability`` gaps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.algorithms.connectivity import disjoint_paths
from planner.algorithms.index import site_view
from planner.algorithms.routing import Topology
from planner.analyses.network import find_datacenters, town_halls
from planner.graph import nodes_of
from planner.models.availability import Estimate
from planner.models.gapdata import AvailabilityGap
from planner.models.results import Gap
from planner.models.target import Target

__all__ = ["availability_gaps", "disjoint_paths", "estimate_availability"]


def estimate_availability(G: nx.MultiGraph[Any], target: Target) -> list[Estimate]:
    """The estimate for every municipality whose town hall is active."""
    halls = town_halls(G)
    topo, links = site_view(G, planned=True)
    down, gone = _dead_ends(
        topo, {topo.index[h] for h in halls.values() if h in topo.index}
    )
    dcs = {
        topo.index[dc]
        for dc in find_datacenters(G, target)
        if dc in topo.index and topo.index[dc] not in gone
    }
    default = target.network.link_availability
    out = []
    for muni, hall in sorted(halls.items()):
        if hall not in topo.index:
            continue
        x = topo.index[hall]
        paths = [] if x in dcs else disjoint_paths(topo, x, dcs, down)
        ids = [tuple(topo.links[arc[0]] for arc in p) for p in paths]
        link_a = [[_availability(links[k], default) for k in p] for p in ids]
        net = 1.0 if x in dcs else 1 - math.prod(1 - math.prod(p) for p in link_a)
        out.append(
            Estimate(
                municipality=muni,
                site=hall,
                paths=tuple(ids),
                network=net,
                datacenter=target.network.datacenter_availability if dcs else 0.0,
            )
        )
    return out


def _availability(link: dict[str, Any], default: float) -> float:
    value = link["availability"]
    return default if value is None else float(value)


def _dead_ends(topo: Topology, keep: set[int]) -> tuple[frozenset[int], set[int]]:
    """The links of the dead ends (sites on one link, repeatedly) that are
    not in ``keep``, and those sites: no path between two kept sites
    crosses a dead end, and national networks are mostly such ends, so the
    path search leaves them out. Peeled on a degree table."""
    degree = [len(a) for a in topo.adj]
    ends = [x for x, d in enumerate(degree) if d <= 1 and x not in keep]
    gone: set[int] = set()
    while ends:
        x = ends.pop()
        if x in gone:
            continue
        gone.add(x)
        for _, y, _ in topo.adj[x]:
            if y in gone or y == x:
                continue
            degree[y] -= 1
            if degree[y] <= 1 and y not in keep:
                ends.append(y)
    down = frozenset(
        link for link, (a, b) in enumerate(topo.ends) if a in gone or b in gone
    )
    return down, gone


def availability_gaps(
    G: nx.MultiGraph[Any], target: Target, estimates: Iterable[Estimate]
) -> list[Gap]:
    """One gap per central service with an ``availability`` target that
    some municipality using it is estimated to miss."""
    by_muni = {e.municipality: e for e in estimates}
    uses: dict[str, set[str]] = {}
    for _, d in nodes_of(G, "system"):
        uses.setdefault(d["service"], set()).add(d["municipality"])
    gaps = []
    for svc in target.services.values():
        if svc.hosting != "central" or svc.availability is None:
            continue
        below = [
            by_muni[m]
            for m in sorted(uses.get(svc.id, ()))
            if m in by_muni and by_muni[m].availability < svc.availability
        ]
        if below:
            gaps.append(_availability_gap(svc.id, svc.availability, below))
    return gaps


def _availability_gap(service: str, goal: float, below: list[Estimate]) -> Gap:
    return Gap(
        kind="availability",
        subject=service,
        municipalities=tuple(e.municipality for e in below),
        detail="",
        severity="high" if any(len(e.paths) < 2 for e in below) else "medium",
        data=AvailabilityGap(goal, tuple(below)),
    )
