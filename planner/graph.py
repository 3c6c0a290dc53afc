"""Inventory -> networkx graph: the one representation the analyses share.

Graph schema (``nx.MultiGraph``; also in docs/graph.md)

Nodes, keyed so kinds cannot collide (ids never contain ``:``):

=====================  =================  ====================================
key                    ``kind``           other attributes
=====================  =================  ====================================
``<site id>``          ``site``           municipality, name, role, users,
                                          server_room, datacenter, status
``internet``           ``internet``       (the internet endpoint)
``municipality:<id>``  ``municipality``   id, name, population, employees,
                                          workstations, pupils, pupil_pcs
``server:<id>``        ``server``         id, municipality, site, role,
                                          platform, count, virtual, purchased
``system:<id>``        ``system``         id, municipality, service, product,
                                          vendor, version, users, hosting,
                                          server, hosted_by, licence_cost
``service:<id>``       ``service``        id
=====================  =================  ====================================

Edges carry ``kind``:

- ``link`` (site - site or site - internet, key = link id): id, a, b (the
  ends as written: an undirected graph may list them either way), capacity
  (Mbit/s), medium, provider, availability (fraction or None: the target's
  default applies), cost_per_year (Decimal or None), metric, status;
- ``has`` municipality - its sites; ``located`` server - its site;
- ``runs`` system - its server (local or shared with a server named);
- ``hosted_by`` system - the hosting municipality (shared);
- ``provides`` system - its service.

Sites are keyed by their bare id so network algorithms read naturally;
:func:`network` gives the site-and-link view most analyses run on.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from planner.models.inventory import INTERNET, Inventory, Link

__all__ = ["build_graph", "municipality_key", "network", "node_key"]


def node_key(kind: str, id_: str) -> str:
    """The node key of an object: bare id for sites, ``kind:id`` otherwise."""
    return id_ if kind == "site" else f"{kind}:{id_}"


def municipality_key(id_: str) -> str:
    return f"municipality:{id_}"


def build_graph(inventory: Inventory) -> nx.MultiGraph[Any]:
    """The graph of an inventory (schema in the module docstring).

    Planned links and non-active sites are included with their ``status``;
    :func:`network` filters them.
    """
    G: nx.MultiGraph[Any] = nx.MultiGraph(
        region=inventory.region.id,
        name=inventory.region.name,
        currency=inventory.region.currency,
        as_of=str(inventory.region.as_of) if inventory.region.as_of else None,
    )
    G.add_node(INTERNET, kind="internet")
    for m in inventory.municipalities:
        mk = municipality_key(m.id)
        G.add_node(
            mk,
            kind="municipality",
            id=m.id,
            name=m.name,
            population=m.population,
            employees=m.employees,
            workstations=m.workstations,
            pupils=m.pupils,
            pupil_pcs=m.pupil_pcs,
        )
        for s in m.sites:
            G.add_node(s.id, kind="site", municipality=m.id, **_fields(s))
            G.add_edge(mk, s.id, kind="has")
        for srv in m.servers:
            sk = node_key("server", srv.id)
            G.add_node(sk, kind="server", municipality=m.id, **_fields(srv))
            G.add_edge(sk, srv.site, kind="located")
        for sy in m.systems:
            _add_system(G, m.id, sy)
    for ln in inventory.all_links():
        _add_link(G, ln)
    return G


def _fields(model: Any, *skip: str) -> dict[str, Any]:
    # A pydantic model's __dict__ holds exactly its fields (extra keys are
    # forbidden); reading it is several times faster than getattr per field
    # through model_fields, which counts on national inventories.
    return {k: v for k, v in model.__dict__.items() if k not in skip and k != "custom"}


def _add_system(G: nx.MultiGraph[Any], muni: str, sy: Any) -> None:
    key = node_key("system", sy.id)
    G.add_node(key, kind="system", municipality=muni, **_fields(sy))
    service = node_key("service", sy.service)
    if service not in G:
        G.add_node(service, kind="service", id=sy.service)
    G.add_edge(key, service, kind="provides")
    if sy.server is not None:
        G.add_edge(key, node_key("server", sy.server), kind="runs")
    if sy.hosted_by is not None:
        G.add_edge(key, municipality_key(sy.hosted_by), kind="hosted_by")


def _add_link(G: nx.MultiGraph[Any], ln: Link) -> None:
    G.add_edge(
        ln.a,
        ln.b,
        key=ln.id,
        kind="link",
        id=ln.id,
        a=ln.a,
        b=ln.b,
        capacity=ln.capacity,
        medium=ln.medium,
        provider=ln.provider,
        availability=None if ln.availability is None else float(ln.availability),
        cost_per_year=ln.cost_per_year,
        metric=ln.metric,
        status=ln.status,
    )


def network(
    G: nx.MultiGraph[Any], *, planned: bool = False, internet: bool = False
) -> nx.MultiGraph[Any]:
    """The sites and the links between them (a new graph, safe to modify).

    ``planned`` also keeps planned links (the target state); ``internet``
    keeps the internet endpoint, which otherwise carries no traffic between
    sites (a VPN tunnel is written as a ``medium: vpn`` link between sites).
    Only active sites are kept.
    """
    H: nx.MultiGraph[Any] = nx.MultiGraph()
    H.add_nodes_from(
        (n, d)
        for n, d in G.nodes(data=True)
        if d["kind"] == "site" and d["status"] == "active"
    )
    if internet:
        H.add_node(INTERNET, kind="internet")
    # (u, v, key, data) tuples are valid for a MultiGraph; the stubs miss it.
    H.add_edges_from(
        (u, v, k, d)  # type: ignore[misc]
        for u, v, k, d in G.edges(keys=True, data=True)
        if d["kind"] == "link"
        and (planned or d["status"] == "active")
        and u in H
        and v in H
    )
    return H
