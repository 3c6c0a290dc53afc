"""Candidate links generated from coordinates: sites up to ``max_km`` apart.

When sites carry ``latitude``/``longitude`` (NetBox's field names) and the
target gives a price per km by medium (``network.per_km``) and a
``network.max_km``, every two active sites that close together and not yet
joined by a link get one candidate per medium, priced by the straight-line
(great-circle) distance: ``km x per_km`` (a cable route is longer than the
straight line: price the km accordingly). Ids are ``km-<a>-<b>-<medium>``.
Sites are bucketed on a grid of ``max_km`` cells, so a national inventory
costs a pass over its sites, not over every pair.
"""

from __future__ import annotations

import math
from collections import defaultdict
from decimal import Decimal
from typing import Any

import networkx as nx

from planner.graph import site_network
from planner.models.target import Candidate, Target

__all__ = ["distance_km", "nearby_candidates"]

_EARTH_KM = 6371.0088  # mean radius


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between (latitude, longitude)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def nearby_candidates(G: nx.MultiGraph[Any], target: Target) -> tuple[Candidate, ...]:
    """The generated candidates of ``G`` under ``target`` (none without
    ``per_km`` and ``max_km``)."""
    net = target.network
    if not net.per_km or net.max_km <= 0:
        return ()
    H = site_network(G, planned=True)
    where = {
        n: (d["latitude"], d["longitude"])
        for n, d in H.nodes(data=True)
        if d.get("latitude") is not None and d.get("longitude") is not None
    }
    cell = net.max_km / 111.0  # degrees of latitude; longitude cells are wider
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for n, (la, lo) in sorted(where.items()):
        grid[(math.floor(la / cell), math.floor(lo / cell))].append(n)
    out = []
    for n, (la, lo) in sorted(where.items()):
        gx, gy = math.floor(la / cell), math.floor(lo / cell)
        span = max(1, math.ceil(1 / max(math.cos(math.radians(la)), 0.05)))
        for dx in (-1, 0, 1):
            for dy in range(-span, span + 1):
                for m in grid.get((gx + dx, gy + dy), ()):
                    if m <= n or H.has_edge(n, m):
                        continue
                    km = distance_km(where[n], where[m])
                    if km <= net.max_km:
                        out += _priced(n, m, km, target)
    return tuple(sorted(out, key=lambda c: c.id))


def _priced(a: str, b: str, km: float, target: Target) -> list[Candidate]:
    length = Decimal(repr(round(km, 1)))
    whole = Decimal(1)
    return [
        Candidate(
            id=f"km-{a}-{b}-{medium}",
            a=a,
            b=b,
            capacity=target.network.backbone.min_capacity,
            medium=medium,
            investment=(price.investment * length).quantize(whole),
            per_year=(price.per_year * length).quantize(whole),
        )
        for medium, price in target.network.per_km
    ]
