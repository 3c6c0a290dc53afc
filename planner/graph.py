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
                                          workstations, pupils, pupil_pcs,
                                          projects (list of ``Project``)
``server:<id>``        ``server``         id, municipality, site, role,
                                          platform, count, virtual, purchased
``system:<id>``        ``system``         id, municipality, service, product,
                                          vendor, version, users, hosting,
                                          server, hosted_by, licence_cost,
                                          contract_end
``service:<id>``       ``service``        id
=====================  =================  ====================================

Edges carry ``kind``:

- ``link`` (site - site or site - internet, key = link id): id, a, b (the
  ends as written: an undirected graph may list them either way), capacity
  (Mbit/s), medium, provider, availability (fraction or None: the target's
  default applies), cost_per_year (Decimal or None), metric, status,
  risk_groups (tuple of ids: links that fail together), transit (False:
  carries only its own site's traffic, ``planner.analyses.transit``);
- ``has`` municipality - its sites; ``located`` server - its site;
- ``runs`` system - its server (local or shared with a server named);
- ``hosted_by`` system - the hosting municipality (shared);
- ``provides`` system - its service.

Sites are keyed by their bare id so network algorithms read naturally;
:func:`network` gives the site-and-link view most analyses run on.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import networkx as nx

from planner.models.inventory import INTERNET, Inventory, Link

__all__ = [
    "Release",
    "adjacency",
    "build_graph",
    "edge_list",
    "find_cycle",
    "link_attributes",
    "municipality_key",
    "network",
    "node_key",
    "nodes_of",
    "site_network",
]


def node_key(kind: str, id_: str) -> str:
    """The node key of an object: bare id for sites, ``kind:id`` otherwise."""
    return id_ if kind == "site" else f"{kind}:{id_}"


def municipality_key(id_: str) -> str:
    return f"municipality:{id_}"


def build_graph(
    inventory: Inventory, *, release: Release = False, structure: bool = True
) -> nx.MultiGraph[Any]:
    """The graph of an inventory (schema in the module docstring).

    Planned links and non-active sites are included with their ``status``;
    :func:`network` filters them. ``release``: the caller's last use of
    ``inventory``, whose municipalities are dropped from it one by one as
    they are copied into the graph, so a national inventory's models and
    its graph are never both whole in memory (``planner gap``).
    ``release="network"``: the caller reads the municipalities, their
    servers and systems after this (planning does) but not the sites and
    links, which are moved into the graph: each municipality's ``sites`` and
    ``links`` and the region's ``links`` are emptied (``planner plan``; a
    national network is 20 MB of models).
    ``structure=False`` leaves out the edges between objects (``has``,
    ``located``, ``runs``, ``hosted_by``, ``provides``: 52,000 of a national
    graph's 72,000), which no analysis walks, for a command that keeps no
    graph (``gap``, ``bandwidth``): every site's adjacency is then its links
    alone, and the analyses' passes over them a third faster.
    """
    G: nx.MultiGraph[Any] = nx.MultiGraph(
        region=inventory.region.id,
        name=inventory.region.name,
        currency=inventory.region.currency,
        as_of=str(inventory.region.as_of) if inventory.region.as_of else None,
    )
    nodes: dict[str, dict[str, Any]] = {INTERNET: {"kind": "internet"}}
    edges: list[Edge] = []
    # The edges between objects carry only their kind: one attribute dict per
    # kind, shared (a national graph has ~700,000 of them; read, never written).
    kinds = {k: {"kind": k} for k in ("has", "located", "provides", "runs")}
    kinds["hosted_by"] = {"kind": "hosted_by"}
    # The object edges, made only when asked for (not made and dropped).
    between: list[Edge] | None = edges if structure else None
    links: list[list[Edge]] = []
    municipalities = inventory.municipalities
    whole = release is True
    fields = _taken if whole else _copied
    at_sites = _taken if release else _copied
    for i, m in enumerate(municipalities):
        if whole:
            municipalities[i] = None  # type: ignore[call-overload]
        mk = municipality_key(m.id)
        nodes[mk] = {
            "kind": "municipality",
            **{k: v for k, v in m.__dict__.items() if k not in _CHILDREN},
        }
        for s in m.sites:
            nodes[s.id] = at_sites({"kind": "site", "municipality": m.id}, s)
            if between is not None:
                between.append((mk, s.id, 0, kinds["has"]))
        for srv in m.servers:
            sk = node_key("server", srv.id)
            nodes[sk] = fields({"kind": "server", "municipality": m.id}, srv)
            if between is not None:
                between.append((sk, srv.site, 0, kinds["located"]))
        for sy in m.systems:
            _add_system(nodes, between, m.id, sy, kinds, fields)
        links.append([_link(ln) for ln in m.links])
        if release:  # the network is the graph's now
            m.sites.clear()
            m.links.clear()
    # Region links first, then each municipality's (Inventory.all_links).
    edges.extend(_link(ln) for ln in inventory.links)
    for some in links:
        edges.extend(some)
    if release:
        inventory.links.clear()
    if whole:
        municipalities.clear()
    _assemble(G, nodes, edges)
    return G


Edge = tuple[str, str, Any, dict[str, Any]]
Release = bool | Literal["network"]
"""What :func:`build_graph` may take from the inventory: nothing (False),
everything (True), the sites and links (``"network"``)."""
_CHILDREN = {"sites", "servers", "systems", "links", "it_staff", "budget", "custom"}


def _assemble(
    G: nx.MultiGraph[Any], nodes: dict[str, dict[str, Any]], edges: list[Edge]
) -> None:
    """Fill G through its adjacency dicts, the layout networkx documents for
    subclasses (``G._node``, ``G._adj``; a multigraph shares one key dict
    between both directions). ``add_edge`` costs ~25 µs an edge, which made
    building a national graph take seconds; this takes a fraction of one."""
    node, adj = _internals(G)
    node.update(nodes)
    adj.update({n: {} for n in nodes})
    for u, v, key, attrs in edges:
        for end in (u, v):
            if end not in node:  # a dangling reference the loader refuses
                node[end] = {"kind": "unknown"}
                adj[end] = {}
        keys = adj[u].get(v)
        if keys is None:
            keys = adj[u][v] = adj[v][u] = {}
        keys[key] = attrs


def adjacency(G: nx.MultiGraph[Any]) -> dict[Any, dict[Any, dict[Any, Any]]]:
    """``G``'s adjacency as plain dicts (node -> neighbour -> key -> edge
    attributes), for hot loops: networkx's read-only views cost a function
    call per lookup. Read it; change ``G`` only through networkx."""
    return _internals(G)[1]


Node = str
NodeData = tuple[Node, dict[str, Any]]
EdgeData = tuple[Node, Node, Any, dict[str, Any]]
_KINDS: weakref.WeakKeyDictionary[Any, tuple[int, dict[str, list[NodeData]]]] = (
    weakref.WeakKeyDictionary()
)


def nodes_of(G: nx.MultiGraph[Any], kind: str) -> Sequence[NodeData]:
    """``(node, attributes)`` of the nodes of one ``kind``, in ``G``'s order.

    The analyses each used to scan every node for their kind (14 scans of a
    national graph's 58,000 nodes); the index is built once per graph and
    rebuilt if nodes were added or removed since. Read it; do not modify."""
    node = _internals(G)[0]
    cached = _KINDS.get(G)
    if cached is None or cached[0] != len(node):
        index: dict[str, list[NodeData]] = {}
        for n, d in node.items():
            index.setdefault(d["kind"], []).append((n, d))
        cached = _KINDS[G] = (len(node), index)
    return cached[1].get(kind, ())


def edge_list(G: nx.MultiGraph[Any]) -> Sequence[EdgeData]:
    """``list(G.edges(keys=True, data=True))``, in the same order, read from
    the adjacency dicts: networkx's edge view costs a generator step and
    several lookups per edge, which the national gap analysis paid on
    every pass over its 19,000 links. A frozen graph's list (the shared
    :func:`site_network`, which six analyses read) is made once; read it."""
    if nx.is_frozen(G):
        cached = _EDGES.get(G)
        if cached is None:
            cached = _EDGES[G] = tuple(_edges(G))
        return cached
    return _edges(G)


_EDGES: weakref.WeakKeyDictionary[Any, tuple[EdgeData, ...]] = (
    weakref.WeakKeyDictionary()
)


def _edges(G: nx.MultiGraph[Any]) -> list[EdgeData]:
    seen: set[Node] = set()
    edges: list[EdgeData] = []
    append = edges.append
    for u, nbrs in _internals(G)[1].items():
        for v, keys in nbrs.items():
            if v not in seen:
                for k, d in keys.items():
                    append((u, v, k, d))
        seen.add(u)
    return edges


def _internals(G: nx.MultiGraph[Any]) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """The node-attribute and adjacency dicts (not in the type stubs)."""
    return G._node, G._adj  # type: ignore[attr-defined]


def _copied(attrs: dict[str, Any], model: Any) -> dict[str, Any]:
    """``attrs`` and the model's fields as node attributes (``custom`` stays
    in the model).

    Reads ``__dict__`` directly and copies it once: on a national inventory
    this is the difference between a fraction of a second and several."""
    attrs.update(model.__dict__)
    attrs.pop("custom", None)
    return attrs


def _taken(attrs: dict[str, Any], model: Any) -> dict[str, Any]:
    """:func:`_copied` for a model about to be released: its own ``__dict__``
    becomes the node's (58,000 dicts of a national graph not copied; the
    attributes come in another order, which nothing reads)."""
    values: dict[str, Any] = model.__dict__
    values.pop("custom", None)
    values.update(attrs)
    return values


def _add_system(
    nodes: dict[str, dict[str, Any]],
    edges: list[Edge] | None,
    muni: str,
    sy: Any,
    kinds: dict[str, dict[str, Any]],
    fields: Callable[[dict[str, Any], Any], dict[str, Any]],
) -> None:
    key = node_key("system", sy.id)
    nodes[key] = fields({"kind": "system", "municipality": muni}, sy)
    service = node_key("service", sy.service)
    nodes.setdefault(service, {"kind": "service", "id": sy.service})
    if edges is None:  # structure=False
        return
    edges.append((key, service, 0, kinds["provides"]))
    if sy.server is not None:
        edges.append((key, node_key("server", sy.server), 0, kinds["runs"]))
    if sy.hosted_by is not None:
        edges.append((key, municipality_key(sy.hosted_by), 0, kinds["hosted_by"]))


def _link(ln: Link) -> Edge:
    attrs = link_attributes(
        ln.id,
        ln.a,
        ln.b,
        ln.capacity,
        medium=ln.medium,
        provider=ln.provider,
        availability=None if ln.availability is None else float(ln.availability),
        cost_per_year=ln.cost_per_year,
        metric=ln.metric,
        status=ln.status,
        risk_groups=tuple(ln.risk_groups),
        transit=ln.transit,
    )
    return (ln.a, ln.b, ln.id, attrs)


def link_attributes(
    id_: str,
    a: str,
    b: str,
    capacity: float,
    *,
    medium: str,
    metric: float,
    status: str,
    provider: str | None = None,
    availability: float | None = None,
    cost_per_year: Any = None,
    risk_groups: tuple[str, ...] = (),
    transit: bool = True,
) -> dict[str, Any]:
    """A ``link`` edge's attributes (module docstring): the one place the
    schema is written, for the inventory's links and the design's
    candidates (``planner.design.network.augmented``)."""
    return {
        "kind": "link",
        "id": id_,
        "a": a,
        "b": b,
        "capacity": capacity,
        "medium": medium,
        "provider": provider,
        "availability": availability,
        "cost_per_year": cost_per_year,
        "metric": metric,
        "status": status,
        "risk_groups": risk_groups,
        "transit": transit,
    }


def network(
    G: nx.MultiGraph[Any], *, planned: bool = False, internet: bool = False
) -> nx.MultiGraph[Any]:
    """The sites and the links between them (a new graph: add and remove its
    nodes and edges freely; their attribute dicts are ``G``'s, read them).

    ``planned`` also keeps planned links (the target state); ``internet``
    keeps the internet endpoint, which otherwise carries no traffic between
    sites (a VPN tunnel is written as a ``medium: vpn`` link between sites).
    Only active sites are kept.
    """
    H: nx.MultiGraph[Any] = nx.MultiGraph()
    node, adj = _internals(G)
    nodes = {n: d for n, d in nodes_of(G, "site") if d["status"] == "active"}
    if internet:
        nodes[INTERNET] = node[INTERNET]
    edges = [
        (u, v, k, d)
        for u in nodes
        for v, keys in adj[u].items()
        if v in nodes and u <= v
        for k, d in keys.items()
        if d["kind"] == "link" and (planned or d["status"] == "active")
    ]
    # Node and edge attributes are shared with G, not copied: a national
    # network is ~220,000 sites, and analyses build it several times.
    _assemble(H, nodes, edges)
    return H


_NETWORKS: weakref.WeakKeyDictionary[
    Any, dict[tuple[bool, bool], tuple[tuple[int, int], nx.MultiGraph[Any]]]
] = weakref.WeakKeyDictionary()


def site_network(
    G: nx.MultiGraph[Any], *, planned: bool = False, internet: bool = False
) -> nx.MultiGraph[Any]:
    """:func:`network`, made once per graph and shared: frozen (networkx
    raises on any change; ``H.copy()`` to modify). The gap analysis, the
    availability estimate and the plan's link dependencies each built their
    own copy of the national network (a tenth of a second apiece). Made
    again if nodes or adjacencies of ``G`` were added or removed since."""
    node, adj = _internals(G)
    stamp = (len(node), sum(map(len, adj.values())))
    views = _NETWORKS.setdefault(G, {})
    cached = views.get((planned, internet))
    if cached is None or cached[0] != stamp:
        H = nx.freeze(network(G, planned=planned, internet=internet))
        cached = views[planned, internet] = (stamp, H)
    return cached[1]


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A dependency cycle as ``[a, b, ..., a]``, or None. Deterministic: nodes
    are visited in sorted order; edges to unknown nodes are ignored."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in sorted(graph):
        if state.get(root):
            continue
        path: list[str] = [root]
        stack = [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif nxt in graph and state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif nxt in graph and not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None
