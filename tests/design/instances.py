"""Small design instances built in code, and an exhaustive oracle.

The oracle knows nothing of the design's cut loop: it tries candidate
subsets in increasing cost and asks the gap analysis
(``planner.analyses.network``: bridges, max-flow) whether the network with
that subset built has any redundancy or reachability gap left.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from itertools import combinations
from typing import Any

import networkx as nx

from planner.analyses.network import reachability_gaps, redundancy_gaps, town_halls
from planner.graph import build_graph, network
from planner.load import default_target
from planner.models.inventory import Inventory, Link, Municipality, Region, Site
from planner.models.target import Candidate, Datacenters, NetworkClass, Target


def inventory(
    halls: int, links: list[tuple[str, str]], schools: dict[str, list[str]]
) -> Inventory:
    """``halls`` municipalities m0.. with town halls t0..; ``schools`` maps
    a town hall to the schools it has; ``links`` between any sites."""
    munis = []
    for i in range(halls):
        hall = f"t{i}"
        sites = [Site(id=hall, name=hall, role="town-hall", users=10)]
        sites += [
            Site(id=s, name=s, role="school", users=5) for s in schools.get(hall, [])
        ]
        munis.append(
            Municipality(id=f"m{i}", name=f"M{i}", population=1000 - i, sites=sites)
        )
    return Inventory(
        region=Region(id="test", name="Test"),
        municipalities=munis,
        links=[
            Link(id=f"l{n}", a=a, b=b, capacity="1 Gbit/s")
            for n, (a, b) in enumerate(links)
        ],
    )


def target_with(
    candidates: list[Candidate],
    *,
    backbone: int = 2,
    access: int = 1,
    datacenters: tuple[str, ...] = ("t0",),
    horizon: int = 5,
) -> Target:
    base = default_target().model
    net = dataclasses.replace(
        base.network,
        backbone=NetworkClass(1000.0, backbone),
        access=NetworkClass(100.0, access),
        candidates=tuple(candidates),
        design_horizon=horizon,
    )
    dcs = Datacenters(
        primary=datacenters[0],
        secondary=datacenters[1] if len(datacenters) > 1 else None,
    )
    return dataclasses.replace(base, network=net, datacenters=dcs)


def candidate(
    id_: str, a: str, b: str, investment: int, per_year: int = 0
) -> Candidate:
    return Candidate(
        id=id_,
        a=a,
        b=b,
        capacity=1000.0,
        investment=Decimal(investment),
        per_year=Decimal(per_year),
    )


def random_instance(seed: int, halls: int = 10, ncand: int = 13) -> tuple[Any, Target]:
    """A spanning tree of town halls plus a chord, one school each on a
    single link for some, ``ncand`` candidates with random prices."""
    rng = random.Random(seed)
    names = [f"t{i}" for i in range(halls)]
    links = [(names[i], names[rng.randrange(i)]) for i in range(1, halls)]
    if rng.random() < 0.5:
        a, b = rng.sample(names, 2)
        links.append((a, b))
    access = 2 if rng.random() < 0.4 else 1
    schools: dict[str, list[str]] = {}
    ends = list(names)
    isolated = rng.random() < 0.5  # the first school has no link yet
    for n, th in enumerate(rng.sample(names, 3)):
        school = f"{th}-school"
        schools[th] = [school]
        if n or not isolated:
            links.append((th, school))
        ends.extend([school, school] if n == 0 and isolated else [school])
    cands, seen = [], set()
    while len(cands) < ncand:
        a, b = rng.sample(ends, 2)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        cands.append(
            candidate(
                f"c{len(cands):02d}",
                a,
                b,
                rng.randrange(10, 100) * 10_000,
                rng.randrange(0, 5) * 5_000,
            )
        )
    dcs = ("t0", f"t{halls - 1}") if rng.random() < 0.3 else ("t0",)
    target = target_with(cands, access=access, datacenters=dcs)
    return build_graph(inventory(halls, links, schools)), target


def open_gaps(
    H0: nx.MultiGraph[Any], target: Target, built: tuple[Candidate, ...]
) -> int:
    """Redundancy and reachability gaps with ``built`` added to ``H0``."""
    H = H0.copy()
    for c in built:
        H.add_edge(c.a, c.b, key=c.id, id=c.id, a=c.a, b=c.b)
    dcs = [s for s in (target.datacenters.primary, target.datacenters.secondary) if s]
    halls = town_halls(H)
    cut_off = [
        n
        for n, d in H.nodes(data=True)
        if n not in dcs and not nx.has_path(H, n, halls[d["municipality"]])
    ]
    return (
        len(redundancy_gaps(H, target, dcs))
        + len(reachability_gaps(H, dcs))
        + len(cut_off)
    )


def exhaustive(G: Any, target: Target) -> tuple[Decimal, int] | None:
    """The least cost of a subset closing every gap, and how many subsets
    were tried; None when even all candidates leave a gap."""
    H0 = network(G, planned=True)
    cands = target.network.candidates
    horizon = target.network.design_horizon
    if open_gaps(H0, target, cands):
        return None
    subsets = [combo for r in range(len(cands) + 1) for combo in combinations(cands, r)]
    subsets.sort(key=lambda s: sum((c.cost(horizon) for c in s), Decimal(0)))
    for tried, combo in enumerate(subsets, 1):
        if not open_gaps(H0, target, combo):
            return sum((c.cost(horizon) for c in combo), Decimal(0)), tried
    raise AssertionError("unreachable: all candidates close every gap")


def greedy(G: Any, target: Target) -> Decimal:
    """Cheapest-first: add candidates in increasing cost until no gap is left."""
    H0 = network(G, planned=True)
    horizon = target.network.design_horizon
    built: tuple[Candidate, ...] = ()
    for c in sorted(target.network.candidates, key=lambda c: c.cost(horizon)):
        if not open_gaps(H0, target, built):
            break
        built += (c,)
    return sum((c.cost(horizon) for c in built), Decimal(0))
