"""Work packages generated from the gaps, each naming the gap it closes.

- ``link-<link>``: a capacity gap (or a load-driven recommendation from the
  bandwidth analysis) closed by upgrading the link to the next capacity
  tier, priced from the target's ``upgrade_cost``;
- ``datacenter``: establishing the data centre, when systems must move in
  (the target gives no price: a hand-written ``datacenter`` package prices
  it);
- ``move-<service>``: a hosting gap closed by moving the service's systems
  into the data centre (``migration_cost_per_user`` x users);
- ``harmonise-<service>``: a harmonisation gap closed by moving users off
  non-standard products (``migration_cost_per_user`` x users to move);
- ``introduce-<service>-<municipality>``: a coverage gap closed by
  introducing the standard product (``migration_cost_per_user`` x the
  users it will have, estimated from the other municipalities' users of
  the service scaled by population);
- ``close-<site>``: a server room closed once nothing local is left.

Dependencies follow the architecture: a move waits for the data centre and
for the upgrades of the links its municipalities' traffic crosses; a
service's packages wait for those of the services it ``depends_on`` (core
before functional); a harmonisation waits for the service's move; a server
room closes after every move out of it.
"""

from __future__ import annotations

import functools
import itertools
import weakref
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

import networkx as nx

from planner.algorithms.index import target_network
from planner.graph import edge_list, node_key, nodes_of
from planner.models.frozen import frozen
from planner.models.gapdata import (
    CapacityGap,
    ConsolidationGap,
    HarmonisationGap,
    HostingGap,
)
from planner.models.notice import Notice
from planner.models.planresult import Package
from planner.models.results import Gap, GapReport
from planner.models.target import Service, Target
from planner.planning.crossings import crossings
from planner.planning.network import build_first, build_packages
from planner.units import format_bandwidth as _format_bandwidth

__all__ = ["DATACENTER", "Generated", "generate_packages"]

DATACENTER = "datacenter"
LinkDeps = Callable[[tuple[str, ...]], tuple[str, ...]]
"""Municipalities -> the link upgrades their traffic to the data centre crosses."""
_CLASS_ORDER = {"backbone": 0, "access": 1}


@frozen
class Generated:
    """Generated packages in priority order, and what could not be priced."""

    packages: tuple[Package, ...]
    warnings: tuple[str, ...] = ()


def generate_packages(
    G: nx.MultiGraph[Any],
    report: GapReport,
    target: Target,
    *,
    recommended: Mapping[str, float] | None = None,
) -> Generated:
    """The work packages that close the gaps of ``report``.

    ``recommended`` maps link ids to the capacity (Mbit/s) the bandwidth
    analysis recommends for the planned load; a link gets the larger of that
    and its capacity gap's tier.
    """
    links, warnings = _link_packages(G, report, target, recommended or {})
    hosting = [g for g in report.gaps if g.kind == "hosting"]
    moving = [g for g in hosting if isinstance(g.data, HostingGap)]
    central = [g for g in moving if g.data_as(HostingGap).target_hosting == "central"]
    dc = [_datacenter(central, report.datacenters)] if central else []
    link_ids = {p.id.removeprefix("link-"): p.id for p in links}
    link_deps = _link_deps(G, report.datacenters, link_ids)

    moves = [_move(g, target, link_deps) for g in _core_first(moving, target)]
    harmonise = [
        _harmonise(g, target, {p.id for p in moves}, bool(dc), link_deps)
        for g in _core_first(
            [g for g in report.gaps if g.kind == "harmonisation"], target
        )
    ]
    closes = _closes(
        G, hosting, moving, has_dc=bool(dc), effort=target.effort.get("close", 0.0)
    )
    earlier = {p.id for p in (*moves, *harmonise)}
    introduce = [
        p
        for g in _core_first([g for g in report.gaps if g.kind == "coverage"], target)
        if (p := _introduce(G, g, target, earlier, bool(dc), link_deps, warnings))
    ]
    packages = _with_service_deps([*moves, *harmonise, *introduce], target)
    builds, built = build_packages(G, report, target)  # planning/network.py
    ordered = build_first((*links, *dc, *packages, *closes), builds)
    every = _with_effort(ordered, target)
    return Generated(every, (*warnings, *built))


# The upgrades' tiers and loads are a handful of values, each written
# thousands of times nationally.
format_bandwidth = functools.lru_cache(maxsize=1024)(_format_bandwidth)


def _link_deps(
    G: nx.MultiGraph[Any], datacenters: tuple[str, ...], link_ids: dict[str, str]
) -> LinkDeps:
    """Municipalities -> the upgrade packages of the links their traffic to
    the data centre crosses, sorted (``planner.planning.crossings``).

    The links crossed by the same municipalities are grouped (a
    municipality's own access links, the backbone shared by many): a move
    tests each group once, then picks its packages from the sorted ids by
    the group's bits."""
    found = crossings(G, datacenters) if link_ids and datacenters else None
    masks = found.masks if found else {}
    ordered = [(link_ids[x], masks[x]) for x in sorted(link_ids) if x in masks]
    ids = [pid for pid, _ in ordered]
    groups: dict[int, int] = defaultdict(int)  # municipalities -> positions
    for pos, (_, m) in enumerate(ordered):
        groups[m] |= 1 << pos

    @functools.cache  # asked once per move, for a handful of municipality sets
    def link_deps(munis: tuple[str, ...]) -> tuple[str, ...]:
        if found is None:
            return ()
        q = found.mask(munis)
        chosen = 0
        for m, positions in groups.items():
            if m & q:
                chosen |= positions
        return _pick(ids, chosen)

    return link_deps


_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


def _pick(items: list[str], bits: int) -> tuple[str, ...]:
    """The items whose positions are set in ``bits``, in order."""
    lowest_first = bin(bits)[:1:-1].encode().translate(_FLAGS)
    return tuple(itertools.compress(items, lowest_first))


def _with_effort(packages: tuple[Package, ...], target: Target) -> tuple[Package, ...]:
    """Each package with the target's effort for its kind (FTE per phase;
    the link upgrades and closures, thousands nationally, are made with it)."""
    effort = target.effort
    return tuple(
        replace(p, effort=effort[p.kind])
        if p.kind in effort and effort[p.kind] != p.effort
        else p
        for p in packages
    )


def _core_first(gaps: list[Gap], target: Target) -> list[Gap]:
    def key(g: Gap) -> tuple[int, str]:
        return (0 if target.services[g.subject].layer == "core" else 1, g.subject)

    return sorted(gaps, key=key)


def _link_packages(
    G: nx.MultiGraph[Any],
    report: GapReport,
    target: Target,
    recommended: Mapping[str, float],
) -> tuple[list[Package], list[str]]:
    gaps = {g.subject: g for g in report.gaps if g.kind == "capacity"}
    index = _links_by_id(G, [*gaps, *recommended])
    wanted = set(gaps) | {
        x
        for x, mbps in recommended.items()
        if x in index and mbps > index[x]["capacity"]
    }
    sites = dict(nodes_of(G, "site"))
    packages, warnings = [], []
    for link in sorted(wanted):  # a set: its order would follow the hash seed
        ends = [
            sites.get(n) or G.nodes[n] for n in (index[link]["a"], index[link]["b"])
        ]
        gap = gaps.get(link)
        package, warning = _link(ends, index[link], gap, recommended.get(link), target)
        packages.append((_link_order(gap), package.id, package))
        warnings += warning
    return [p for *_, p in sorted(packages, key=lambda x: x[:2])], warnings


def _links_by_id(G: nx.MultiGraph[Any], ids: list[str]) -> dict[str, dict[str, Any]]:
    """Link id -> the link's attributes, for the links among ``ids`` that
    ``G`` has: read from the target network the bandwidth analysis indexed
    (``target_network``: the national graph's 70,000 edges are not walked
    again), from every edge when one of ``ids`` is not on it."""
    active = [n for n, d in nodes_of(G, "site") if d["status"] == "active"]
    known = {d["id"]: d for d in target_network(G, active)[0].values()}
    if not known.keys() >= set(ids):
        known = {d["id"]: d for *_, d in edge_list(G) if d["kind"] == "link"}
    return known


def _link_order(gap: Gap | None) -> int:
    return _CLASS_ORDER.get(gap.data_as(CapacityGap).link_class, 2) if gap else 2


def _link(
    ends: list[dict[str, Any]],
    link: dict[str, Any],
    gap: Gap | None,
    recommended: float | None,
    target: Target,
) -> tuple[Package, list[str]]:
    need = max(
        gap.data_as(CapacityGap).upgrade_to_mbps if gap else 0.0, recommended or 0.0
    )
    tiers = target.network.capacity_tiers
    tier = next((t for t in tiers if t >= need), None)
    warnings: list[str] = []
    if tier is None:
        tier = need
        warnings.append(
            Notice(
                f"link {link['id']}: no capacity tier reaches "
                f"{format_bandwidth(need)}; priced at 0",
                "link_no_tier",
                link=link["id"],
                bandwidth=need,
            )
        )
    cost = target.network.upgrade_cost.get(tier)
    if cost is None and not warnings:
        warnings.append(
            Notice(
                f"link {link['id']}: the target has no upgrade_cost for "
                f"{format_bandwidth(tier)}; priced at 0",
                "link_no_cost",
                link=link["id"],
                bandwidth=tier,
            )
        )
    reasons = []
    if gap is not None:
        reasons.append(f"capacity gap {link['id']}: {gap.detail.rstrip('.')}")
    if recommended is not None and recommended > link["capacity"]:
        reasons.append(
            f"bandwidth analysis: the planned peak load on {link['id']} needs "
            f"{format_bandwidth(recommended)}"
        )
    munis = gap.municipalities if gap else _link_municipalities(ends)
    closes = [("capacity", link["id"])] if gap else []
    if recommended is not None and recommended > link["capacity"]:
        closes.append(("utilisation", link["id"]))
    package = Package(
        id=f"link-{link['id']}",
        name=f"Upgrade {link['id']} to {format_bandwidth(tier)}",
        kind="link",
        reason="; ".join(reasons),
        generated=True,
        investment=cost.investment if cost else Decimal(0),
        per_year=cost.per_year if cost else Decimal(0),
        effort=target.effort.get("link", 0.0),  # as _with_effort would
        municipalities=munis,
        closes=tuple(closes),
    )
    return package, warnings


def _link_municipalities(ends: list[dict[str, Any]]) -> tuple[str, ...]:
    """The municipalities of a link's ends (its nodes' attributes)."""
    return tuple(sorted({d["municipality"] for d in ends if "municipality" in d}))


def _datacenter(central: list[Gap], datacenters: tuple[str, ...]) -> Package:
    systems = sum(len(g.data_as(HostingGap).systems) for g in central)
    where = ", ".join(datacenters) or "the data centre"
    return Package(
        id=DATACENTER,
        name="Establish the data centre",
        kind="datacenter",
        reason=(
            f"hosting gaps: {systems} systems of {len(central)} services move into "
            f"the data centre ({where}); the target gives no price: a hand-written "
            f"work package '{DATACENTER}' prices it"
        ),
        generated=True,
        municipalities=tuple(sorted({m for g in central for m in g.municipalities})),
    )


def _migration(service: Service, users: int) -> Decimal:
    return (service.migration_cost_per_user or Decimal(0)) * users


def _move(g: Gap, target: Target, link_deps: LinkDeps) -> Package:
    svc = target.services[g.subject]
    data = g.data_as(HostingGap)
    central = data.target_hosting == "central"
    deps = (DATACENTER, *link_deps(g.municipalities)) if central else ()
    return Package(
        id=f"move-{svc.id}",
        name=f"Move {svc.name} into the data centre"
        if central
        else f"Move {svc.name} to SaaS",
        kind="move",
        reason=f"hosting gap {svc.id}: {g.detail}",
        generated=True,
        investment=_migration(svc, data.users),
        depends_on=deps,
        services=(svc.id,),
        municipalities=g.municipalities,
        closes=(("hosting", g.subject),),
    )


def _harmonise(
    g: Gap, target: Target, moves: set[str], has_dc: bool, link_deps: LinkDeps
) -> Package:
    svc = target.services[g.subject]
    data = g.data_as(HarmonisationGap)
    move = f"move-{svc.id}"
    if move in moves:
        deps: tuple[str, ...] = (move,)
    elif svc.hosting == "central" and has_dc:
        deps = (DATACENTER, *link_deps(g.municipalities))
    else:
        deps = link_deps(g.municipalities) if svc.hosting == "central" else ()
    return Package(
        id=f"harmonise-{svc.id}",
        name=f"Harmonise {svc.name} on {data.standard}",
        kind="harmonise",
        reason=f"harmonisation gap {svc.id}: {g.detail}",
        generated=True,
        investment=_migration(svc, data.users_to_move),
        depends_on=deps,
        services=(svc.id,),
        municipalities=g.municipalities,
        closes=(("harmonisation", g.subject),),
    )


def _introduce(
    G: nx.MultiGraph[Any],
    g: Gap,
    target: Target,
    earlier: set[str],
    has_dc: bool,
    link_deps: LinkDeps,
    warnings: list[str],
) -> Package | None:
    """The standard product introduced where a required service is missing,
    after the service's harmonisation (or move) settles the standard. None
    (and a warning) when no municipality uses the service: nothing to
    introduce or to estimate from."""
    svc = target.services[g.subject]
    muni = g.municipalities[0]
    users, product = _estimate(G, svc.id, muni, svc.standard)
    if product is None or users == 0:
        warnings.append(
            Notice(
                f"coverage gap {svc.id} in {muni}: no other municipality uses it, "
                "so no package is generated; write one by hand (services: "
                f"[{svc.id}])",
                "coverage_no_package",
                service=svc.id,
                municipality=muni,
            )
        )
        return None
    if f"harmonise-{svc.id}" in earlier:
        deps: tuple[str, ...] = (f"harmonise-{svc.id}",)
    elif f"move-{svc.id}" in earlier:
        deps = (f"move-{svc.id}",)
    elif svc.hosting == "central":
        deps = ((DATACENTER,) if has_dc else ()) + link_deps(g.municipalities)
    else:
        deps = ()
    return Package(
        id=f"introduce-{svc.id}-{muni}",
        name=f"Introduce {product or svc.name} in {muni}",
        kind="introduce",
        reason=f"coverage gap {svc.id}: {g.detail.rstrip('.')}; about {users} users "
        "(the other municipalities' users scaled by population)",
        generated=True,
        investment=_migration(svc, users),
        depends_on=deps,
        services=(svc.id,),
        municipalities=g.municipalities,
        closes=(("coverage", svc.id),),
    )


def _estimate(
    G: nx.MultiGraph[Any], service: str, muni: str, standard: str | None
) -> tuple[int, str | None]:
    """The users ``muni`` would have of ``service`` (the others' users x its
    population / theirs, half up) and the product (the standard, else the
    one with most users)."""
    users: dict[str, int] = defaultdict(int)
    products: dict[str, int] = defaultdict(int)
    for d in _systems_of(G).get(service, ()):
        users[d["municipality"]] += d["users"]
        products[d["product"]] += d["users"]
    people = {d["id"]: int(d["population"]) for _, d in nodes_of(G, "municipality")}
    others = sum(people[m] for m in users if m != muni)
    total = sum(v for m, v in users.items() if m != muni)
    estimate = (
        (total * people.get(muni, 0) * 2 + others) // (2 * others) if others else 0
    )
    best = min(products, key=lambda p: (-products[p], p)) if products else None
    return estimate, standard or best


_SYSTEMS: weakref.WeakKeyDictionary[
    Any, tuple[int, dict[str, list[dict[str, Any]]]]
] = weakref.WeakKeyDictionary()


def _systems_of(G: nx.MultiGraph[Any]) -> dict[str, list[dict[str, Any]]]:
    """Service -> its systems' attributes, in ``G``'s order: made once per
    graph (each coverage gap's estimate walked all 19,000 systems of a
    national inventory), again when systems were added or removed."""
    systems = nodes_of(G, "system")
    cached = _SYSTEMS.get(G)
    if cached is None or cached[0] != len(systems):
        by_service: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for _, d in systems:
            by_service[d["service"]].append(d)
        cached = _SYSTEMS[G] = (len(systems), dict(by_service))
    return cached[1]


def _with_service_deps(packages: list[Package], target: Target) -> list[Package]:
    """Each service's packages also wait for those of the nearest services
    it depends on that have packages (through services that have none)."""
    by_service: dict[str, list[str]] = defaultdict(list)
    for p in packages:
        for s in p.services:
            by_service[s].append(p.id)
    memo: dict[str, frozenset[str]] = {}

    def nearest(service: str) -> frozenset[str]:
        if service not in memo:
            found: set[str] = set()
            for dep in target.services[service].depends_on:
                found |= set(by_service[dep]) if dep in by_service else nearest(dep)
            memo[service] = frozenset(found)
        return memo[service]

    out = []
    for p in packages:
        extra = set().union(*(nearest(s) for s in p.services)) - set(p.depends_on)
        out.append(replace(p, depends_on=(*p.depends_on, *sorted(extra))))
    return out


def _closes(
    G: nx.MultiGraph[Any],
    hosting: list[Gap],
    moving: list[Gap],
    *,
    has_dc: bool,
    effort: float = 0.0,
) -> list[Package]:
    """One package per server room a consolidation gap closes, after every
    move of a system out of that room (or out of its municipality, for
    shared systems whose server is not named), and after the data centre
    that takes over (a room none of whose systems move closes only then)."""
    out_of: dict[str, set[str]] = defaultdict(set)
    servers = dict(nodes_of(G, "server"))
    for g in moving:
        for sy in g.data_as(HostingGap).systems:
            site = _site(servers, sy.server)
            key = site if site else f"municipality:{sy.hosted_by}"
            out_of[key].add(f"move-{g.subject}")
    packages = []
    for g in hosting:
        if not isinstance(g.data, ConsolidationGap):
            continue
        for room in g.data.server_rooms_closed:
            deps = out_of[room] | out_of[f"municipality:{g.subject}"]
            if has_dc:
                deps.add(DATACENTER)
            packages.append(
                Package(
                    id=f"close-{room}",
                    name=f"Close the server room at {room}",
                    kind="close",
                    reason=f"hosting gap {g.subject} (consolidation): {g.detail}",
                    generated=True,
                    effort=effort,
                    depends_on=tuple(sorted(deps)),
                    municipalities=(g.subject,),
                    closes=(("hosting", g.subject),),
                )
            )
    return sorted(packages, key=lambda p: p.id)


def _site(servers: Mapping[str, dict[str, Any]], server: str | None) -> str | None:
    if server is None:
        return None
    node = servers.get(node_key("server", server))
    return None if node is None else str(node["site"])
