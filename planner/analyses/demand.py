"""Demand beyond users: pupils at schools, and growth over the horizon.

- ``demand_per_pupil`` (a service field): a municipality's ``pupils`` draw
  it at its active schools, for the services the municipality has a system
  for (the rule of ``demand_per_user``, ``DRAWN``). The inventory gives
  pupils per municipality, not per school: they are split over its schools
  in proportion to the schools' users (equally when no school has users).
- ``network.demand_growth`` (a yearly percentage): every site's demand is
  multiplied by ``(1 + growth) ** design_horizon``, so links are sized for
  the end of the design horizon, not for today (Melhus: school PCs grew
  from 150 to 550 in four years).

Without either the demand is exactly the users' (nothing is added or
multiplied).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from planner.models.target import Target

__all__ = ["DRAWN", "with_pupils_and_growth"]

# The one demand rule (docs/bandwidth.md): a municipality draws every
# service it has a system for, however hosted, unless the target hosts the
# service ``local``. Central services run in the data centre; systems outside
# the region (vendor-hosted, SaaS, and services the target hosts ``saas``)
# are reached through the region's one internet access in the data centre
# (the Kongsberg report's "one internet subscription"), over the same links.
# The hosting analysis agrees: it moves only local and shared systems into
# the data centre and leaves the others where they run, outside the region;
# their traffic still leaves the region there.
DRAWN = ("central", "saas")


def with_pupils_and_growth(
    G: nx.MultiGraph[Any],
    target: Target,
    demand: dict[str, float],
    services: dict[str, set[str]],
) -> dict[str, float]:
    """``demand`` (site -> Mbit/s from users) with pupils and growth."""
    per_pupil = {
        muni: sum(
            target.services[s].demand_per_pupil
            for s in sorted(ids)
            if s in target.services and target.services[s].hosting in DRAWN
        )
        for muni, ids in services.items()
    }
    out = dict(demand)
    if any(per_pupil.values()):
        for site, pupils in _pupils_per_school(G, set(demand)).items():
            muni = G.nodes[site]["municipality"]
            out[site] += pupils * per_pupil.get(muni, 0.0)
    growth = target.network.demand_growth
    if growth:
        factor = (1.0 + growth) ** target.network.design_horizon
        out = {site: mbps * factor for site, mbps in out.items()}
    return out


def _pupils_per_school(G: nx.MultiGraph[Any], active: set[str]) -> dict[str, float]:
    schools: dict[str, list[tuple[str, int]]] = defaultdict(list)
    pupils: dict[str, int] = {}
    for n, d in G.nodes(data=True):
        if d["kind"] == "municipality" and d.get("pupils"):
            pupils[d["id"]] = d["pupils"]
        elif d["kind"] == "site" and d["role"] == "school" and n in active:
            schools[d["municipality"]].append((n, d["users"]))
    out: dict[str, float] = {}
    for muni, sites in schools.items():
        total = pupils.get(muni, 0)
        users = sum(u for _, u in sites)
        for site, u in sites:
            share = u / users if users else 1 / len(sites)
            out[site] = total * share
    return out
