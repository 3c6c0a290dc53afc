"""Data-centre siting: every town hall (or pair) as the data centre(s).

For each candidate the target's data centres are replaced by it and the
existing analyses run unchanged: the bandwidth analysis under every single
link failure gives the link upgrades and their price (what ``planner
bandwidth --failures n-1`` gives with a target naming that pair), the
availability estimate the weakest municipality, and the routing the
demand-weighted distance (mean distance, by link metric, from a site to its
nearest data centre, weighted by the site's demand). A pair is evaluated
once, the primary being the town hall of the more populous municipality
(ties: the smaller id); the bandwidth analysis sends every site to the
primary, and to the secondary only when the primary is cut off
(``planner.analyses.standby``).

With candidate links in the target (written, or from coordinates), the
network design (``planner.design.design_network``, without its n-1 sweep)
gives each candidate's optimum: ``design_investment``, what ``planner
design`` gives with a target naming it. The upgrades stay those of the
network as it is (what ``planner bandwidth`` gives), not of the designed one.

Candidates are ranked by ``total`` (the design's investment, if any, plus
the upgrade investment), then by fewer links
no tier can carry, higher minimum availability, shorter distance, and ids.
Exhaustive: n town halls give n candidates, or n(n-1)/2 pairs, each one
full n-1 sweep.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from typing import Any

import networkx as nx

from planner.algorithms.index import target_topology
from planner.algorithms.routing import INF, shortest_dag
from planner.analyses.availability import estimate_availability
from planner.analyses.bandwidth import analyse_bandwidth, site_demands
from planner.analyses.network import town_halls
from planner.design.nearby import nearby_candidates
from planner.design.network import design_network
from planner.models.siting import Candidate
from planner.models.target import Datacenters, Target

__all__ = [
    "candidate_sites",
    "evaluate_site",
    "has_candidate_links",
    "with_datacenters",
]


def candidate_sites(
    G: nx.MultiGraph[Any], count: int
) -> Iterator[tuple[str, str | None]]:
    """Every active town hall, or every pair (primary first)."""
    pop = {
        d["id"]: d["population"]
        for _, d in G.nodes(data=True)
        if d["kind"] == "municipality"
    }
    halls = sorted(
        (hall, muni)
        for muni, hall in town_halls(G).items()
        if G.nodes[hall]["status"] == "active"
    )
    if count == 1:
        yield from ((hall, None) for hall, _ in halls)
        return
    for (a, ma), (b, mb) in combinations(halls, 2):
        yield (a, b) if (-pop[ma], a) <= (-pop[mb], b) else (b, a)


def with_datacenters(target: Target, primary: str, secondary: str | None) -> Target:
    """``target`` with its data centres replaced."""
    return replace(
        target, datacenters=Datacenters(primary=primary, secondary=secondary)
    )


def has_candidate_links(G: nx.MultiGraph[Any], target: Target) -> bool:
    """Whether the network design has links to choose from: written
    candidates, or ones generated from coordinates (``per_km``)."""
    return bool(target.network.candidates) or bool(nearby_candidates(G, target))


def evaluate_site(
    G: nx.MultiGraph[Any],
    target: Target,
    primary: str,
    secondary: str | None,
    *,
    design: bool = False,
) -> Candidate:
    """The figures of one candidate (see the module docstring); with
    ``design``, the network design's optimum for it as well."""
    t = with_datacenters(target, primary, secondary)
    designed = design_network(G, t, upgrades=False) if design else None
    bw = analyse_bandwidth(G, t, failures="n-1")
    money = bw.upgrade_totals()
    estimates = estimate_availability(G, t)
    weakest = min(
        estimates, key=lambda e: (e.availability, e.municipality), default=None
    )
    return Candidate(
        primary=primary,
        secondary=secondary,
        upgrade_investment=money["investment"],
        per_year=money["per_year"],
        upgrades=len(bw.upgrades),
        unpriced=tuple(
            sorted(
                ln.id
                for ln in bw.upgrades
                if ln.upgrade is not None and ln.upgrade.investment is None
            )
        ),
        above_largest_tier=tuple(
            sorted(ln.id for ln in bw.links if ln.recommended_capacity_mbps is None)
        ),
        min_availability=0.0 if weakest is None else weakest.availability,
        min_availability_municipality=None if weakest is None else weakest.municipality,
        distance=demand_weighted_distance(G, t),
        cut_off=len({u.site for u in bw.unreachable if u.failed_link}),
        design_investment=None if designed is None else designed.investment,
        design_per_year=Decimal(0) if designed is None else designed.per_year,
        design_links=0 if designed is None else len(designed.links),
        design_unresolved=0 if designed is None else len(designed.unresolved),
    )


def demand_weighted_distance(G: nx.MultiGraph[Any], target: Target) -> float | None:
    """Mean distance (link metric) from each site to its nearest data
    centre, weighted by its demand; sites that reach none are left out
    (None when no demand reaches a data centre)."""
    demand = site_demands(G, target)
    topo = target_topology(G, demand)
    dcs = [d for d in (target.datacenters.primary, target.datacenters.secondary) if d]
    dist, _ = shortest_dag(topo, [topo.index[d] for d in dcs if d in topo.index])
    pairs = [(demand[n], dist[i]) for i, n in enumerate(topo.nodes) if dist[i] < INF]
    weight = sum(w for w, _ in pairs)
    return sum(w * d for w, d in pairs) / weight if weight > 0 else None
