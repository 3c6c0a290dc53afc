"""What a region diagram shows, before any view styles it.

A :class:`Scene` is the *union* of every view of one inventory: all sites,
whatever their status, and all links, planned ones too. Each view draws the
whole scene and hides what it lacks (``style=invis``), so the layout engine
sees the same graph every time and puts every node in the same place: a
steering group can lay today's map beside the target and compare.

Above :data:`FOLD_ABOVE` sites the scene folds: one node per municipality
(with its counts) and one line per pair of neighbouring municipalities,
which keeps a national map readable and fast to lay out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from planner.models.inventory import INTERNET
from planner.render.diagram.dot import Slugs
from planner.render.i18n import Messages

__all__ = [
    "FOLD_ABOVE",
    "Cluster",
    "Line",
    "LinkEdge",
    "Place",
    "Scene",
    "build_scene",
    "link_edges",
]

FOLD_ABOVE = 150
"""Sites above which a diagram shows municipalities instead of sites."""

PlaceKind = Literal["site", "municipality", "internet"]
LinkEdge = tuple[str, str, str, dict[str, Any]]
"""``(u, v, link id, data)`` of a link edge of the graph."""


def link_edges(G: nx.MultiGraph[Any]) -> list[LinkEdge]:
    """The link edges of ``G`` in graph order: one pass over a graph that
    also holds servers and systems, shared by everything that draws it."""
    return [
        (u, v, k, d)
        for u, v, k, d in G.edges(keys=True, data=True)
        if d["kind"] == "link"
    ]


@dataclass(frozen=True)
class Place:
    """A node: a site, a folded municipality or the internet.

    The label is part of the scene, not of a view: it sizes the node, and
    every view must size nodes alike for the layout to match.
    """

    id: str
    kind: PlaceKind
    label: str
    cluster: str | None
    sites: tuple[str, ...]
    role: str | None = None
    fontsize: float = 9.0


@dataclass(frozen=True)
class Line:
    """An edge: one link, or (folded) every link between two municipalities.

    ``backbone`` lines carry a capacity label: links between municipalities
    or to the internet; access links inside a municipality do not, to keep a
    busy map legible (their width still shows the capacity).
    """

    id: str
    a: str
    b: str
    links: tuple[str, ...]
    backbone: bool


@dataclass(frozen=True)
class Cluster:
    id: str
    municipality: str
    name: str


@dataclass(frozen=True)
class Scene:
    region: str
    name: str
    folded: bool
    clusters: tuple[Cluster, ...]
    places: tuple[Place, ...]
    lines: tuple[Line, ...]


def build_scene(
    G: nx.MultiGraph[Any],
    datacenters: Collection[str],
    msg: Messages,
    *,
    fold: bool | None = None,
    links: list[LinkEdge] | None = None,
) -> Scene:
    """The scene of the inventory graph ``G`` (schema in ``planner.graph``).

    ``datacenters`` are marked in their labels. ``fold`` None folds above
    :data:`FOLD_ABOVE` sites. Order follows the inventory (the graph's
    insertion order), so output is stable. ``links`` is
    :func:`link_edges` of ``G`` when the caller has it already.
    """
    links = link_edges(G) if links is None else links
    sites = [n for n, d in G.nodes(data=True) if d["kind"] == "site"]
    if fold is None:
        fold = len(sites) > FOLD_ABOVE
    slugs = Slugs()
    munis = [d for _, d in G.nodes(data=True) if d["kind"] == "municipality"]
    slugs.assign("m", [m["id"] for m in munis])
    if fold:
        return _folded(G, slugs, munis, msg, links)
    clusters = tuple(
        Cluster(f"cluster_{slugs('m', m['id'])}", m["id"], m["name"]) for m in munis
    )
    cluster_of = {c.municipality: c.id for c in clusters}
    places = [_site(G, n, slugs, cluster_of, n in datacenters, msg) for n in sites]
    lines = [
        Line(
            slugs("l", k),
            _end(G, slugs, u),
            _end(G, slugs, v),
            (k,),
            _crosses(G, u, v),
        )
        for u, v, k, _ in links
    ]
    if any(ln.a == "internet" or ln.b == "internet" for ln in lines):
        places.append(Place("internet", "internet", msg("internet"), None, ()))
    return Scene(
        G.graph["region"], G.graph["name"], False, clusters, tuple(places), tuple(lines)
    )


def _site(
    G: nx.MultiGraph[Any],
    site: str,
    slugs: Slugs,
    cluster_of: dict[str, str],
    datacenter: bool,
    msg: Messages,
) -> Place:
    d = G.nodes[site]
    hub = d["role"] == "town-hall"
    return Place(
        slugs("s", site),
        "site",
        d["name"] + (f"\n({msg('datacenter')})" if datacenter else ""),
        cluster_of[d["municipality"]],
        (site,),
        d["role"],
        9.0 if hub or datacenter else 8.0,
    )


def _end(G: nx.MultiGraph[Any], slugs: Slugs, node: str) -> str:
    return "internet" if node == INTERNET else slugs("s", node)


def _crosses(G: nx.MultiGraph[Any], u: str, v: str) -> bool:
    if INTERNET in (u, v):
        return True
    return bool(G.nodes[u]["municipality"] != G.nodes[v]["municipality"])


def _folded(
    G: nx.MultiGraph[Any],
    slugs: Slugs,
    munis: list[dict[str, Any]],
    msg: Messages,
    links: list[LinkEdge],
) -> Scene:
    members: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d["kind"] == "site":
            members[d["municipality"]].append(n)
    places = tuple(
        Place(
            slugs("m", m["id"]),
            "municipality",
            f"{m['name']}\n{msg.count('sites', len(members[m['id']]))}",
            None,
            tuple(members[m["id"]]),
        )
        for m in munis
    )
    bundles: dict[tuple[str, str], list[str]] = defaultdict(list)
    nodes = G.nodes
    for u, v, k, _ in links:
        if INTERNET in (u, v):
            continue  # the internet would pull every municipality to one point
        a, b = nodes[u]["municipality"], nodes[v]["municipality"]
        if a != b:
            bundles[(a, b) if a < b else (b, a)].append(k)
    lines = tuple(
        Line(slugs("l", f"{a}--{b}"), slugs("m", a), slugs("m", b), tuple(ids), True)
        for (a, b), ids in sorted(bundles.items())
    )
    return Scene(G.graph["region"], G.graph["name"], True, (), places, lines)
