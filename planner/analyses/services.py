"""Service gaps: coverage, harmonisation, hosting and consolidation.

Pure functions of the graph (``planner.graph``) and the resolved target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.graph import node_key, nodes_of
from planner.models.gapdata import (
    ConsolidationGap,
    CoverageGap,
    HarmonisationGap,
    HostedSystem,
    HostingGap,
    Mover,
    ProductUse,
    SeveralProducts,
)
from planner.models.results import Gap
from planner.models.target import Target

__all__ = [
    "consolidation_gaps",
    "coverage_gaps",
    "harmonisation_gaps",
    "hosting_gaps",
]


def _nodes(G: nx.MultiGraph[Any], kind: str) -> list[dict[str, Any]]:
    return [d for _, d in nodes_of(G, kind)]


def coverage_gaps(G: nx.MultiGraph[Any], target: Target) -> list[Gap]:
    """One gap per municipality and required service it has no system for."""
    has: dict[str, set[str]] = defaultdict(set)
    for sy in _nodes(G, "system"):
        has[sy["municipality"]].add(sy["service"])
    gaps = []
    for m in _nodes(G, "municipality"):
        for svc in target.services.values():
            if svc.required and svc.id not in has[m["id"]]:
                gaps.append(
                    Gap(
                        kind="coverage",
                        subject=svc.id,
                        municipalities=(m["id"],),
                        detail="",
                        severity="high",
                        data=CoverageGap(svc.id),
                    )
                )
    return gaps


def harmonisation_gaps(G: nx.MultiGraph[Any], target: Target) -> list[Gap]:
    """One gap per harmonised service that runs on more than one product, or
    on another product than the target's standard.

    The standard is the target's ``standard``, else the product with most
    users (ties: alphabetical). Products are compared ignoring case and
    surrounding space; the spelling with most users is shown.
    """
    by_service: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for sy in _nodes(G, "system"):
        by_service[sy["service"]].append(sy)
    gaps = []
    for svc in target.services.values():
        if svc.harmonise and by_service[svc.id]:
            gap = _harmonisation(svc.id, svc.standard, svc.required, by_service[svc.id])
            if gap is not None:
                gaps.append(gap)
    return gaps


def _harmonisation(
    service: str, standard: str | None, required: bool, systems: list[dict[str, Any]]
) -> Gap | None:
    users: dict[str, int] = defaultdict(int)
    munis: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_muni: dict[tuple[str, str], int] = defaultdict(int)
    for sy in systems:
        key = sy["product"].casefold()
        users[key] += sy["users"]
        munis[key].add(sy["municipality"])
        per_muni[(key, sy["municipality"])] += sy["users"]
        spellings[key][sy["product"]] += sy["users"] + 1
    name = {k: max(sorted(v), key=lambda p: v[p]) for k, v in spellings.items()}
    if standard is not None:
        std_key, source = standard.casefold(), "target"
    else:
        std_key = min(users, key=lambda k: (-users[k], name[k]))
        source = "most users"
    if set(users) == {std_key}:
        return None
    std_name = standard if standard is not None else name[std_key]
    moving = sorted(
        (m, name[k], per_muni[(k, m)]) for k in users if k != std_key for m in munis[k]
    )
    products = sorted(users, key=lambda k: (-users[k], name[k]))
    to_move = sum(u for _, _, u in moving)
    movers = tuple(sorted({m for m, _, _ in moving}))
    several = _several_products(munis, name)
    return Gap(
        kind="harmonisation",
        subject=service,
        municipalities=movers,
        detail="",
        severity="high" if required else "medium",
        data=HarmonisationGap(
            products=tuple(
                ProductUse(name[k], users[k], tuple(sorted(munis[k]))) for k in products
            ),
            standard=std_name,
            standard_source=source,
            moving=tuple(Mover(m, p, u) for m, p, u in moving),
            users_to_move=to_move,
            several_products=tuple(SeveralProducts(m, tuple(ps)) for m, ps in several),
        ),
    )


def _several_products(
    munis: dict[str, set[str]], name: dict[str, str]
) -> list[tuple[str, list[str]]]:
    """Municipalities running more than one product of the service: the
    sign of complements (a learning platform beside school administration)
    counted as competitors, whose users would be moved for nothing."""
    held: dict[str, list[str]] = defaultdict(list)
    for key, where in munis.items():
        for m in where:
            held[m].append(name[key])
    return [(m, sorted(ps)) for m, ps in sorted(held.items()) if len(ps) > 1]


def _site_of(G: nx.MultiGraph[Any], sy: dict[str, Any]) -> str | None:
    if sy["server"] is None:
        return None
    server = G.nodes.get(node_key("server", sy["server"]))
    return None if server is None else str(server["site"])


def hosting_gaps(
    G: nx.MultiGraph[Any], target: Target, datacenters: Iterable[str]
) -> list[Gap]:
    """Systems hosted where the target says otherwise, one gap per service.

    A ``central`` service belongs in a data centre: a local system whose
    server stands elsewhere is a gap, and so is one shared from a
    municipality that has no data centre. Vendor-hosted and SaaS systems are
    outside the region's operations and not counted. A ``saas`` service
    makes every local or shared system a gap; a ``local`` one none.
    """
    dcs = set(datacenters)
    dc_munis = {G.nodes[s]["municipality"] for s in dcs if s in G}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for sy in _nodes(G, "system"):
        svc = target.services.get(sy["service"])
        if svc is None or sy["hosting"] not in ("local", "shared"):
            continue
        site = _site_of(G, sy)
        in_dc = site in dcs if site else sy["hosted_by"] in dc_munis
        if svc.hosting == "saas" or (svc.hosting == "central" and not in_dc):
            groups[svc.id].append(sy)
    return [
        _hosting_gap(target.services[service].hosting, service, systems)
        for service, systems in sorted(groups.items())
    ]


def _hosting_gap(want: str, service: str, systems: list[dict[str, Any]]) -> Gap:
    systems = sorted(systems, key=lambda sy: (sy["municipality"], sy["id"]))
    return Gap(
        kind="hosting",
        subject=service,
        municipalities=tuple(sorted({sy["municipality"] for sy in systems})),
        detail="",
        severity="medium" if any(s["hosting"] == "local" for s in systems) else "low",
        data=HostingGap(
            target_hosting=want,
            systems=tuple(
                HostedSystem(
                    system=sy["id"],
                    municipality=sy["municipality"],
                    product=sy["product"],
                    hosting=sy["hosting"],
                    server=sy["server"],
                    hosted_by=sy["hosted_by"],
                    users=sy["users"],
                )
                for sy in systems
            ),
            users=sum(sy["users"] for sy in systems),
        ),
    )


def consolidation_gaps(
    G: nx.MultiGraph[Any], target: Target, datacenters: Iterable[str]
) -> list[Gap]:
    """Per municipality, the servers and server rooms that moving every
    central service into the data centre retires.

    A server outside the data centres is retired unless a system on it
    belongs to a service the target keeps local; a server room closes when
    every server in it is retired.
    """
    dcs = set(datacenters)
    keep: set[str] = set()
    for sy in _nodes(G, "system"):
        svc = target.services.get(sy["service"])
        if sy["server"] and svc is not None and svc.hosting == "local":
            keep.add(sy["server"])
    servers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for srv in _nodes(G, "server"):
        servers[srv["site"]].append(srv)
    retired: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rooms: dict[str, list[str]] = defaultdict(list)
    total: dict[str, int] = defaultdict(int)
    for site, here in servers.items():
        for srv in here:
            total[srv["municipality"]] += srv["count"]
        if site in dcs:
            continue
        gone = [s for s in here if s["id"] not in keep]
        for srv in gone:
            retired[srv["municipality"]].append(srv)
        if len(gone) == len(here) and G.nodes[site].get("server_room"):
            rooms[G.nodes[site]["municipality"]].append(site)
    gaps = []
    for muni in sorted(retired):
        count = sum(s["count"] for s in retired[muni])
        closed = sorted(rooms[muni])
        gaps.append(
            Gap(
                kind="hosting",
                subject=muni,
                municipalities=(muni,),
                detail="",
                severity="medium" if closed else "low",
                data=ConsolidationGap(
                    servers_retired=count,
                    servers_total=total[muni],
                    servers=tuple(sorted(s["id"] for s in retired[muni])),
                    server_rooms_closed=tuple(closed),
                ),
            )
        )
    return gaps
