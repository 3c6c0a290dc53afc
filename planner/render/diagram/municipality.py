"""One municipality in detail: its access tree drawn by Graphviz ``dot``.

The region map puts a large member's 200 sites in two columns around the
town hall, and nobody can tell which site hangs on which hub. This view
draws one municipality alone, left to right from the town hall through its
hubs (``dot``'s ranks are the hops from the town hall), with the same
styles as the region map (so a view's gaps, upgrades and load read alike)
and, at the right edge, the sites of other municipalities its links reach,
named with their municipality. ``dot`` is deterministic, so the same input
gives the same picture.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from planner.errors import UsageError, did_you_mean
from planner.models.frozen import frozen
from planner.render.diagram.diagrams import _shown_links, _shown_sites, _view_title
from planner.render.diagram.dot import attr_list, quote
from planner.render.diagram.legend import legend
from planner.render.diagram.looks import Look, line_attrs, place_attrs
from planner.render.diagram.scene import Line, Place, build_scene, link_edges
from planner.render.diagram.styles import EDGE, GRAPH, NODE
from planner.render.diagram.views import ViewState
from planner.render.i18n import Messages

__all__ = ["Tree", "municipality_dot", "municipality_tree", "tree_dot"]

TREE = {
    **GRAPH,
    "layout": "dot",
    "rankdir": "LR",
    "splines": "true",
    "ranksep": "0.5",
    "nodesep": "0.08",
}


@frozen
class Tree:
    """One municipality in a view: the places and lines its map shows, the
    town hall and each site's parent on the access tree."""

    G: nx.MultiGraph[Any]
    ctx: Look
    municipality: str
    names: Mapping[str, str]  # municipality id -> name
    region: str
    own: frozenset[str]
    shown: tuple[Place, ...]
    lines: tuple[Line, ...]
    hall: str | None
    parent: Mapping[str, str]
    max_utilisation: float

    @property
    def title(self) -> str:
        return f"{self.names[self.municipality]}: {_view_title(self.ctx)}"


def municipality_tree(
    G: nx.MultiGraph[Any],
    view: ViewState,
    municipality: str,
    *,
    lang: str = "nb",
    utilisation: Mapping[str, float] | None = None,
    max_utilisation: float = 0.7,
) -> Tree:
    """What ``municipality`` (an id) shows in ``view``, as a tree."""
    munis = {
        d["id"]: d["name"] for _, d in G.nodes(data=True) if d["kind"] == "municipality"
    }
    if municipality not in munis:
        hint = did_you_mean(municipality, sorted(munis))
        raise UsageError(f"unknown municipality '{municipality}'{hint}")
    msg = Messages(lang)
    links = link_edges(G)
    scene = build_scene(G, view.datacenters, msg, fold=False, links=links)
    sites = _shown_sites(G, view, links)
    ctx = Look(
        G,
        view,
        msg,
        None if view.name == "current" else utilisation,
        max_utilisation,
        sites,
        _shown_links(view, sites, links),
        {k: d for _, _, k, d in links},
        True,
    )
    own = {p.id for p in scene.places if _in(G, p, municipality)}
    lines = [ln for ln in scene.lines if ln.a in own or ln.b in own]
    lines = [ln for ln in lines if line_attrs(ln, ctx).get("style") != "invis"]
    ends = {n for ln in lines for n in (ln.a, ln.b)}
    shown = [p for p in scene.places if p.id in own or p.id in ends]
    hall = next((p.id for p in shown if p.id in own and p.role == "town-hall"), None)
    return Tree(
        G,
        ctx,
        municipality,
        munis,
        scene.region,
        frozenset(own),
        tuple(shown),
        tuple(lines),
        hall,
        _tree(hall, lines) if hall is not None else {},
        max_utilisation,
    )


def municipality_dot(
    G: nx.MultiGraph[Any],
    view: ViewState,
    municipality: str,
    *,
    lang: str = "nb",
    utilisation: Mapping[str, float] | None = None,
    max_utilisation: float = 0.7,
) -> str:
    """The DOT text of ``municipality`` (an id) in ``view``."""
    tree = municipality_tree(
        G,
        view,
        municipality,
        lang=lang,
        utilisation=utilisation,
        max_utilisation=max_utilisation,
    )
    return tree_dot(tree, tree.title, tree.shown, tree.lines, tree.hall)


def tree_dot(
    tree: Tree,
    title: str,
    shown: Sequence[Place],
    lines: Sequence[Line],
    root: str | None,
    labels: Mapping[str, str] | None = None,
    part: str = "",
    keyed: bool = True,
) -> str:
    """The DOT text of a part of ``tree``: ``shown`` places and ``lines``,
    ``root`` first (left); a place of the municipality outside ``own`` or
    of another municipality stands dashed; ``labels`` replace a place's.
    Without ``keyed`` the title stands alone, without the legend (a piece
    of a map whose legend is printed beside it: the legend alone is some
    900 points wide)."""
    ctx = tree.ctx
    key = legend(
        ctx.msg,
        title,
        utilisation=ctx.utilisation is not None,
        limit=tree.max_utilisation,
    )
    graph = {**TREE, "label": key if keyed else title}
    what = f"municipality {tree.municipality}{part}"
    out = [
        f"// planner: {tree.region}, {what}, view {ctx.view.name}",
        "// render with: dot -Tsvg",
        f"graph {quote(tree.region)} {{",
        f"  graph{attr_list(graph)};",
        f"  node{attr_list(NODE)};",
        f"  edge{attr_list(EDGE)};",
    ]
    if root is not None:
        out.append(f"  {{ rank=min; {root}; }}")
    for p in shown:
        attrs = place_attrs(p, None, ctx)
        if p.id not in tree.own and p.kind == "site":  # another municipality's
            attrs["label"] = f"{p.label}\n({_muni_name(tree.G, p, tree.names)})"
            attrs.update(style="rounded,filled,dashed", fontcolor=None)
            attrs.update(fillcolor="#ffffff")
        if labels is not None and p.id in labels:
            attrs["label"] = labels[p.id]
        out.append(f"  {p.id}{attr_list(attrs)};")
    parent = tree.parent
    for ln in lines:
        attrs = line_attrs(ln, ctx)
        a, b = ln.a, ln.b
        if parent.get(a) == b:
            a, b = b, a  # dot ranks an edge's head after its tail
        elif parent.get(b) != a:
            attrs["constraint"] = "false"  # a ring or a cross link: no rank
        out.append(f"  {a} -- {b}{attr_list(attrs)};")
    out.append("}")
    return "\n".join(out) + "\n"


def _tree(root: str, lines: Sequence[Line]) -> dict[str, str]:
    """Each node's parent on a shortest path from ``root`` (the town hall),
    breadth first in line order: the edges of the access tree, which alone
    set the ranks (a hub one step from the town hall, its sites two)."""
    adjacent: dict[str, list[str]] = defaultdict(list)
    for ln in lines:
        adjacent[ln.a].append(ln.b)
        adjacent[ln.b].append(ln.a)
    parent: dict[str, str] = {}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for nxt in adjacent[node]:
            if nxt != root and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return parent


def _in(G: nx.MultiGraph[Any], place: Place, municipality: str) -> bool:
    return (
        place.kind == "site" and G.nodes[place.sites[0]]["municipality"] == municipality
    )


def _muni_name(G: nx.MultiGraph[Any], place: Place, munis: Mapping[str, str]) -> str:
    if place.kind != "site":
        return place.label
    m = G.nodes[place.sites[0]]["municipality"]
    return munis.get(m, m)
