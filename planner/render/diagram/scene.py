"""What a region diagram shows, before any view styles it.

A :class:`Scene` is the *union* of every view of one inventory: all sites,
whatever their status, and all links, planned ones too. Each view draws the
whole scene and hides what it lacks (``style=invis``), so the layout engine
sees the same graph every time and puts every node in the same place: a
steering group can lay today's map beside the target and compare.

Above :data:`FOLD_ABOVE` sites the scene folds the largest municipalities,
one by one, until at most :data:`FOLD_ABOVE` sites are drawn: each folded
one is a single box with its counts (sites, gaps), its links to the rest
bundled per neighbour; the others keep their sites. When that would fold
most of the municipalities (a national map) every one folds: one node per
municipality and one line per pair of neighbours, which keeps the map
readable and fast to lay out (:func:`fold_choice`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Literal

import networkx as nx

from planner.models.frozen import frozen
from planner.models.inventory import INTERNET
from planner.models.results import Gap
from planner.render.diagram.dot import Slugs
from planner.render.i18n import Messages

__all__ = [
    "FOLD_ABOVE",
    "Cluster",
    "GapCounts",
    "Line",
    "LinkEdge",
    "Place",
    "Scene",
    "build_scene",
    "fold_choice",
    "gap_counts",
    "gap_line",
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


@frozen
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
    # A folded municipality: the id, and the widest gap line a view may
    # add under the label (every gap open), which the layout leaves room for.
    municipality: str | None = None
    reserve: str = ""


@frozen
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


@frozen
class Cluster:
    id: str
    municipality: str
    name: str


@frozen
class Scene:
    """``folded`` is a map of municipalities only (laid out by ``neato``);
    ``folds`` the municipalities drawn as one box on a map that keeps the
    others' sites (laid out and pinned by planner, as an unfolded one)."""

    region: str
    name: str
    folded: bool
    clusters: tuple[Cluster, ...]
    places: tuple[Place, ...]
    lines: tuple[Line, ...]
    folds: tuple[str, ...] = ()


def fold_choice(
    counts: Sequence[tuple[str, int]], fold: bool | None
) -> tuple[bool, tuple[str, ...]]:
    """``(every municipality folds, the ones that fold)`` for municipalities
    with their numbers of sites, in inventory order. ``fold`` True folds
    all, False none; None folds nothing up to :data:`FOLD_ABOVE` sites, else
    the largest one by one until at most :data:`FOLD_ABOVE` are drawn, or
    all when that would be more than half of them."""
    if fold is not None:
        return fold, tuple(m for m, _ in counts) if fold else ()
    drawn = sum(n for _, n in counts)
    chosen: set[str] = set()
    for m, n in sorted(counts, key=lambda c: -c[1]):  # stable: inventory order
        if drawn <= FOLD_ABOVE:
            break
        chosen.add(m)
        drawn -= n
    if 2 * len(chosen) > len(counts):
        return True, tuple(m for m, _ in counts)
    return False, tuple(m for m, _ in counts if m in chosen)


GapCounts = dict[str, tuple[int, int]]
"""Municipality id -> (gaps about it, of them high severity)."""


def gap_counts(gaps: Iterable[Gap]) -> GapCounts:
    """The gaps per municipality they are about (a gap between two counts
    in both)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gaps:
        for m in g.municipalities:
            counts[m][0] += 1
            counts[m][1] += g.severity == "high"
    return {m: (n, high) for m, (n, high) in counts.items()}


def gap_line(counts: GapCounts, municipality: str, msg: Messages) -> str:
    """``12 gaps (3 high)``: the gaps about ``municipality``; empty if none."""
    n, high = counts.get(municipality, (0, 0))
    if not n:
        return ""
    if not high:
        return msg.count("fold.gaps", n)
    return msg.count("fold.gaps_high", n, high=msg.number(high))


def build_scene(
    G: nx.MultiGraph[Any],
    datacenters: Collection[str],
    msg: Messages,
    *,
    fold: bool | None = None,
    links: list[LinkEdge] | None = None,
    gaps: Sequence[Gap] = (),
) -> Scene:
    """The scene of the inventory graph ``G`` (schema in ``planner.graph``).

    ``datacenters`` are marked in their labels. ``fold`` None folds by size
    (:func:`fold_choice`). Order follows the inventory (the graph's
    insertion order), so output is stable. ``links`` is
    :func:`link_edges` of ``G`` when the caller has it already; ``gaps``
    (the report's, every one) size a folded municipality's box.
    """
    links = link_edges(G) if links is None else links
    sites = [n for n, d in G.nodes(data=True) if d["kind"] == "site"]
    slugs = Slugs()
    munis = [d for _, d in G.nodes(data=True) if d["kind"] == "municipality"]
    slugs.assign("m", [m["id"] for m in munis])
    members: dict[str, list[str]] = defaultdict(list)
    for n in sites:
        members[G.nodes[n]["municipality"]].append(n)
    every, folds = fold_choice([(m["id"], len(members[m["id"]])) for m in munis], fold)
    if every:
        return _folded(G, slugs, munis, msg, links, members, gap_counts(gaps))
    folded = set(folds)
    clusters = tuple(
        Cluster(f"cluster_{slugs('m', m['id'])}", m["id"], m["name"])
        for m in munis
        if m["id"] not in folded
    )
    cluster_of = {c.municipality: c.id for c in clusters}
    places = [
        _site(G, n, slugs, cluster_of, n in datacenters, msg)
        for n in sites
        if G.nodes[n]["municipality"] not in folded
    ]
    counts = gap_counts(gaps)
    places += [
        _municipality(m, slugs, members, msg, counts)
        for m in munis
        if m["id"] in folded
    ]
    lines = _lines(G, slugs, links, folded)
    if any(ln.a == "internet" or ln.b == "internet" for ln in lines):
        places.append(Place("internet", "internet", msg("internet"), None, ()))
    return Scene(
        G.graph["region"],
        G.graph["name"],
        False,
        clusters,
        tuple(places),
        tuple(lines),
        folds,
    )


def _municipality(
    m: dict[str, Any],
    slugs: Slugs,
    members: dict[str, list[str]],
    msg: Messages,
    counts: GapCounts,
) -> Place:
    return Place(
        slugs("m", m["id"]),
        "municipality",
        f"{m['name']}\n{msg.count('sites', len(members[m['id']]))}",
        None,
        tuple(members[m["id"]]),
        municipality=m["id"],
        reserve=gap_line(counts, m["id"], msg),
    )


def _lines(
    G: nx.MultiGraph[Any], slugs: Slugs, links: list[LinkEdge], folded: set[str]
) -> list[Line]:
    """One line per link between drawn sites (and the internet); the links
    of a folded municipality bundled per pair of ends (one line to each
    neighbouring site or folded box), its inner links left out."""
    nodes = G.nodes

    def end(node: str) -> str:
        if node != INTERNET and nodes[node]["municipality"] in folded:
            return slugs("m", nodes[node]["municipality"])
        return _end(G, slugs, node)

    lines: list[Line | None] = []
    bundles: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for u, v, k, _ in links:
        a, b = end(u), end(v)
        if a == b:
            continue  # inside a folded municipality
        if a == _end(G, slugs, u) and b == _end(G, slugs, v):
            lines.append(Line(slugs("l", k), a, b, (k,), _crosses(G, u, v)))
            continue
        pair = (a, b) if a < b else (b, a)
        if pair not in bundles:
            bundles[pair] = (len(lines), [])
            lines.append(None)
        bundles[pair][1].append(k)
    for (a, b), (at, ids) in bundles.items():
        lines[at] = Line(slugs("lb", f"{a}--{b}"), a, b, tuple(ids), True)
    return [ln for ln in lines if ln is not None]


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
    members: dict[str, list[str]],
    counts: GapCounts,
) -> Scene:
    places = tuple(_municipality(m, slugs, members, msg, counts) for m in munis)
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
