"""The network index of a graph, built once and shared.

Routing, the n-1 sweep, redundancy, reachability and the availability
estimate all walk the sites and links as integers
(:class:`planner.algorithms.routing.Topology`), each view of the network
indexed once and shared:

- :func:`site_index` indexes the target view of a graph (what
  ``planner.graph.site_network`` holds: active sites; active links, and
  planned ones with ``planned``) once per graph: with ``planned`` it is the
  bandwidth analysis's ``target_network`` (which the plan's crossings read
  too), shared with the availability estimate. It is read from the graph's
  adjacency, not from the networkx copy, so ``planner bandwidth`` never
  builds that copy;
- :func:`today_view` is that index with the planned links down: today's
  network, for redundancy and reachability in the gap analysis;
- :func:`network_index` indexes a site network an analysis is handed on
  its own (the diagrams' phase networks, a script's graph), once per
  frozen network.

Both number nodes and links in sorted id order, so the same view gives the
same index either way.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

import networkx as nx

from planner.algorithms.routing import Topology, index_network
from planner.graph import adjacency, edge_list, nodes_of

__all__ = [
    "Links",
    "View",
    "network_index",
    "site_index",
    "site_links",
    "site_view",
    "target_network",
    "target_topology",
    "today_view",
]

_View = tuple[Topology, dict[str, dict[str, Any]]]
_TODAY: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], _View]] = (
    weakref.WeakKeyDictionary()
)


def site_index(G: nx.MultiGraph[Any], *, planned: bool = False) -> Topology:
    """The index of ``network(G, planned=planned)``: nodes and links
    numbered in sorted id order. Made once per graph (again if nodes or
    adjacencies of ``G`` were added or removed since, as
    ``site_network``); read it, never change it."""
    return _view(G, planned)[0]


def site_view(
    G: nx.MultiGraph[Any], *, planned: bool = False
) -> tuple[Topology, dict[str, dict[str, Any]]]:
    """:func:`site_index` and :func:`site_links` in one look-up (each checks
    its cache against the graph's size, a pass over its 58,000 nodes)."""
    return _view(G, planned)


def site_links(
    G: nx.MultiGraph[Any], *, planned: bool = False
) -> dict[str, dict[str, Any]]:
    """Link id -> attributes of the links :func:`site_index` indexes, in
    ``G.edges`` order (each first met from its end added first). Read it."""
    return _view(G, planned)[1]


def _view(G: nx.MultiGraph[Any], planned: bool) -> _View:
    if planned:  # the bandwidth analysis's (and the plan's crossings')
        sites = [n for n, d in nodes_of(G, "site") if d["status"] == "active"]
        links, topo = target_network(G, sites)
        return topo, links
    adj = adjacency(G)
    stamp = (len(adj), sum(map(len, adj.values())))
    cached = _TODAY.get(G)
    if cached is None or cached[0] != stamp:
        cached = _TODAY[G] = (stamp, _today(G))
    return cached[1]


def _today(G: nx.MultiGraph[Any]) -> _View:
    """The active sites and the active links between them."""
    sites = {n for n, d in nodes_of(G, "site") if d["status"] == "active"}
    between = _links_between(G, sites)
    links = {k: d for k, d in between.items() if d["status"] == "active"}
    return _index(sites, links), links


View = tuple[Topology, frozenset[int]]
"""An index and the links of it a view leaves out."""


def today_view(G: nx.MultiGraph[Any]) -> View:
    """Today's network (``site_network(G)``) as the target's index without
    its planned links: the nodes are the same active sites, so the gap
    analysis reads the one index the bandwidth routing made."""
    topo, links = site_view(G, planned=True)
    cached = _PLANNED.get(G)
    if cached is None or cached[0] is not topo:  # made once per target index
        planned = frozenset(
            i for i, k in enumerate(topo.links) if links[k]["status"] != "active"
        )
        cached = _PLANNED[G] = (topo, planned)
    return cached


_PLANNED: weakref.WeakKeyDictionary[Any, View] = weakref.WeakKeyDictionary()


_OF_NETWORK: weakref.WeakKeyDictionary[Any, Topology] = weakref.WeakKeyDictionary()


def network_index(H: nx.MultiGraph[Any]) -> Topology:
    """The index of the site network ``H`` (``planner.graph.network``):
    made once per frozen network (the shared ``site_network``), so the
    analyses given the same view read one index; a network that may still
    change is indexed afresh. A link without ``metric`` or ``capacity``
    (a script's graph) gets 1 and 0: redundancy and reachability read
    neither; route over :func:`planner.algorithms.routing.topology`."""
    if not nx.is_frozen(H):
        return _of_network(H)
    cached = _OF_NETWORK.get(H)
    if cached is None:
        cached = _OF_NETWORK[H] = _of_network(H)
    return cached


def _of_network(H: nx.MultiGraph[Any]) -> Topology:
    return index_network(
        H,
        (
            (
                k,
                d.get("a", u),
                d.get("b", v),
                d.get("metric", 1.0),
                d.get("capacity", 0.0),
            )
            for u, v, k, d in edge_list(H)
        ),
    )


def target_topology(G: nx.MultiGraph[Any], sites: Iterable[str]) -> Topology:
    """The target network indexed for routing: the active ``sites`` and the
    active and planned links between them, the same view as
    ``network(G, planned=True)`` without copying the graph."""
    return target_network(G, sites)[1]


Links = dict[str, dict[str, Any]]
_NETWORKS: weakref.WeakKeyDictionary[
    Any, tuple[tuple[int, int], frozenset[str], Links, Topology]
] = weakref.WeakKeyDictionary()


def target_network(
    G: nx.MultiGraph[Any], sites: Iterable[str]
) -> tuple[Links, Topology]:
    """The links between ``sites`` (id -> attributes, see
    :func:`_links_between`) and :func:`target_topology`, made once per
    graph and set of sites: the plan's link dependencies
    (``planner.planning.crossings``) route on the same network right after
    the bandwidth analysis. Made again when nodes or edges of ``G`` were
    added or removed (the attributes are not watched: change a link by
    building a new graph, as ``planner.design`` does)."""
    keep = frozenset(sites)
    adj = adjacency(G)
    stamp = (len(adj), sum(map(len, adj.values())))
    cached = _NETWORKS.get(G)
    if cached is None or cached[0] != stamp or cached[1] != keep:
        links = _links_between(G, set(keep))
        cached = _NETWORKS[G] = (stamp, keep, links, _index(set(keep), links))
    return cached[2], cached[3]


def _links_between(G: nx.MultiGraph[Any], keep: set[str]) -> dict[str, dict[str, Any]]:
    """The links with both ends in ``keep``, in ``G.edges`` order (each
    first met from its end added first), read from the plain adjacency."""
    links: dict[str, dict[str, Any]] = {}
    for u, nbrs in adjacency(G).items():
        if u in keep:
            for v, keys in nbrs.items():
                if v in keep:
                    for k, d in keys.items():
                        if k not in links and d["kind"] == "link":
                            links[k] = d
    return links


def _index(keep: set[str], links: dict[str, dict[str, Any]]) -> Topology:
    return index_network(
        keep,
        ((k, d["a"], d["b"], d["metric"], d["capacity"]) for k, d in links.items()),
    )
