"""The system overview: which product each municipality runs for each
service, against the standard.

Pure function of the graph and the resolved target. Products are compared
ignoring case and surrounding space, as the harmonisation analysis does;
the standard is the target's ``standard``, else the product with most
users (ties: alphabetical), for every service, harmonised or not.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

import networkx as nx

from planner.graph import nodes_of
from planner.models.matrix import Cell, Matrix, MatrixRow
from planner.models.target import Service, Target

__all__ = ["service_matrix"]


def service_matrix(G: nx.MultiGraph[Any], target: Target) -> Matrix:
    """One row per service that a municipality runs or that the target
    requires (functional services first, then core, each by id)."""
    by_service: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, d in nodes_of(G, "system"):
        by_service[d["service"]].append(d)
    munis = tuple((d["id"], d["name"]) for _, d in nodes_of(G, "municipality"))
    services = sorted(
        (s for s in target.services.values() if s.required or by_service[s.id]),
        key=lambda s: (s.layer != "functional", s.id),
    )
    rows = tuple(_row(s, by_service[s.id], [m for m, _ in munis]) for s in services)
    return Matrix(G.graph["region"], target.id, munis, rows)


def _row(svc: Service, systems: list[dict[str, Any]], munis: list[str]) -> MatrixRow:
    std_key, source, std_name = _standard(svc, systems)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for sy in systems:
        groups[(sy["municipality"], _fold(sy["product"]))].append(sy)
    cells: dict[str, list[Cell]] = {m: [] for m in munis}
    for (muni, key), here in groups.items():
        cells[muni].append(_cell(here, key == std_key))
    ordered = {
        m: tuple(cs)
        if len(cs) < 2
        else tuple(sorted(cs, key=lambda c: (not c.standard, -c.users, c.product)))
        for m, cs in cells.items()
    }
    odd = tuple(m for m in munis if any(not c.standard for c in ordered[m]))
    several = tuple(m for m in munis if len(ordered[m]) > 1)
    return MatrixRow(
        svc.id, svc.name, svc.harmonise, std_name, source, ordered, odd, several
    )


@functools.lru_cache(maxsize=4096)
def _fold(product: str) -> str:
    """A product compared as the harmonisation analysis does (a national
    inventory's 19,000 systems name a few hundred products)."""
    return product.strip().casefold()


def _standard(
    svc: Service, systems: list[dict[str, Any]]
) -> tuple[str | None, str | None, str | None]:
    """(key, source, spelling) of the standard product, if there is one."""
    if svc.standard is not None:
        return svc.standard.strip().casefold(), "target", svc.standard
    if not systems:
        return None, None, None
    users: dict[str, int] = defaultdict(int)
    spelling: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for sy in systems:
        key = _fold(sy["product"])
        users[key] += sy["users"]
        spelling[key][sy["product"].strip()] += sy["users"] + 1
    name = {k: max(sorted(v), key=lambda p: v[p]) for k, v in spelling.items()}
    best = min(users, key=lambda k: (-users[k], name[k]))
    return best, "most users", name[best]


def _cell(systems: list[dict[str, Any]], standard: bool) -> Cell:
    if len(systems) == 1:  # most cells: one system, nothing to fold
        sy = systems[0]
        return Cell(
            product=sy["product"].strip(),
            users=sy["users"],
            hosting=(sy["hosting"],),
            vendor=sy["vendor"] or None,
            contract_end=sy.get("contract_end") or None,
            systems=(sy["id"],),
            standard=standard,
        )
    systems = sorted(systems, key=lambda sy: sy["id"])
    ends = [sy["contract_end"] for sy in systems if sy.get("contract_end")]
    vendors = [sy["vendor"] for sy in systems if sy["vendor"]]
    return Cell(
        product=max(systems, key=lambda sy: sy["users"])["product"].strip(),
        users=sum(sy["users"] for sy in systems),
        hosting=tuple(sorted({sy["hosting"] for sy in systems})),
        vendor=vendors[0] if vendors else None,
        contract_end=min(ends) if ends else None,
        systems=tuple(sy["id"] for sy in systems),
        standard=standard,
    )
