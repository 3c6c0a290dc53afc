"""Region diagrams as DOT text: a pure function of the graph and a view.

:func:`diagram_dot` draws the whole :class:`~planner.render.diagram.scene.Scene` in
every view and hides what the view lacks (``style=invis``), so every node
has the same place in each view. A region map is laid out by
:mod:`planner.render.diagram.layout` and pinned (drawn with ``neato -n2``); a folded
national map is laid out by ``neato``, which is deterministic without
clusters. One cluster per municipality; data centres and server rooms by
fill; links as wide as the log of their capacity, coloured by utilisation
when it is known; gaps red and dashed. Nothing here runs Graphviz: that is
:mod:`planner.render.diagram.draw`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from planner.render.diagram.dot import attr_list, quote
from planner.render.diagram.layout import Layout, lay_out
from planner.render.diagram.legend import legend
from planner.render.diagram.looks import Look, line_attrs, place_attrs
from planner.render.diagram.scene import (
    GapCounts,
    LinkEdge,
    Scene,
    build_scene,
    gap_counts,
    link_edges,
)
from planner.render.diagram.styles import CLUSTER, EDGE, FOLDED_GRAPH, GRAPH, NODE
from planner.render.diagram.views import ViewState
from planner.render.i18n import Messages

__all__ = ["PINNED", "diagram_dot", "diagram_dots"]

PINNED = "// render with: neato -n2"
"""First comment of a DOT text whose positions are fixed (see draw)."""

_LABELLED_BUNDLES = 60  # a folded map with more lines leaves them unlabelled


def diagram_dot(
    G: nx.MultiGraph[Any],
    view: ViewState,
    *,
    lang: str = "nb",
    utilisation: Mapping[str, float] | None = None,
    max_utilisation: float = 0.7,
    fold: bool | None = None,
) -> str:
    """The DOT text of ``view`` of the inventory graph ``G``.

    ``utilisation`` maps link ids to the planned demand / capacity (from
    the bandwidth analysis); the lines of every view but ``current`` are
    coloured by it (after an upgrade where the view upgrades a link), and a
    new or upgraded link is blue, as the legend says. ``fold`` forces (True)
    or prevents (False) one node per municipality; None decides by size.
    """
    (text,) = diagram_dots(
        G,
        [view],
        lang=lang,
        utilisation=utilisation,
        max_utilisation=max_utilisation,
        fold=fold,
    )
    return text


def diagram_dots(
    G: nx.MultiGraph[Any],
    views: Sequence[ViewState],
    *,
    lang: str = "nb",
    utilisation: Mapping[str, float] | None = None,
    max_utilisation: float = 0.7,
    fold: bool | None = None,
) -> list[str]:
    """:func:`diagram_dot` of several views, laying the scene out once
    (the views of one report share it, and their data centres)."""
    if not views:
        return []
    msg = Messages(lang)
    links = link_edges(G)
    scene = build_scene(
        G, views[0].datacenters, msg, fold=fold, links=links, gaps=views[0].gaps
    )
    folds = scene.folded or bool(scene.folds)
    layout = None if scene.folded else lay_out(scene)
    by_id = {k: d for _, _, k, d in links}
    out = []
    for view in views:
        sites = _shown_sites(G, view, links)
        ctx = Look(
            G,
            view,
            msg,
            # The load is the planned one (the target's demand): today's map
            # is not coloured by it, or a link would read overloaded today.
            None if view.name == "current" else utilisation,
            max_utilisation,
            sites,
            _shown_links(view, sites, links),
            by_id,
            not scene.folded or len(scene.lines) <= _LABELLED_BUNDLES,
            _open_counts(view) if folds else {},
        )
        out.append("\n".join(_document(scene, layout, ctx, max_utilisation)) + "\n")
    return out


def _document(
    scene: Scene, layout: Layout | None, ctx: Look, limit: float
) -> list[str]:
    title = f"{scene.name}: {_view_title(ctx)}"
    graph = {
        **(GRAPH if layout else FOLDED_GRAPH),
        "label": legend(
            ctx.msg, title, utilisation=ctx.utilisation is not None, limit=limit
        ),
    }
    how = PINNED + " -Tsvg" if layout else "// render with: dot -Tsvg (layout=neato)"
    return [
        f"// planner: {scene.region}, view {ctx.view.name}",
        how,
        f"graph {quote(scene.region)} {{",
        f"  graph{attr_list(graph)};",
        f"  node{attr_list(NODE)};",
        f"  edge{attr_list(EDGE)};",
        *_clusters(scene, layout, ctx),
        *(
            f"  {p.id}{attr_list(place_attrs(p, layout, ctx))};"
            for p in scene.places
            if p.cluster is None
        ),
        *(f"  {ln.a} -- {ln.b}{attr_list(line_attrs(ln, ctx))};" for ln in scene.lines),
        "}",
    ]


def _open_counts(view: ViewState) -> GapCounts:
    return gap_counts(g for g in view.gaps if (g.kind, g.subject) in view.open_gaps)


def _view_title(ctx: Look) -> str:
    name, _, phase = ctx.view.name.partition(":")
    return ctx.msg(f"view.{name}", n=phase)


def _shown_sites(
    G: nx.MultiGraph[Any], view: ViewState, links: list[LinkEdge]
) -> frozenset[str]:
    shown = set()
    for n, d in G.nodes(data=True):
        if d["kind"] != "site":
            continue
        status = d["status"]
        if (
            status == "active"
            or (status == "planned" and view.planned_links is None)
            or (status == "decommissioning" and not view.retire_sites)
        ):
            shown.add(n)
    if view.planned_links:  # a phase: the planned sites its new links reach
        for u, v, k, _ in links:
            if k in view.planned_links:
                shown |= {u, v} - {"internet"}
    return frozenset(shown)


def _shown_links(
    view: ViewState, sites: frozenset[str], links: list[LinkEdge]
) -> frozenset[str]:
    shown = set()
    for u, v, k, d in links:
        ends = all(n in sites for n in (u, v) if n != "internet")
        planned = view.planned_links is None or k in view.planned_links
        if ends and (d["status"] == "active" or planned):
            shown.add(k)
    return frozenset(shown)


def _clusters(scene: Scene, layout: Layout | None, ctx: Look) -> list[str]:
    out = []
    for c in scene.clusters:
        bb = (
            None
            if layout is None
            else ",".join(f"{v:.1f}" for v in layout.clusters[c.id])
        )
        out.append(f"  subgraph {c.id} {{")
        out.append(f"    graph{attr_list({**CLUSTER, 'label': c.name, 'bb': bb})};")
        out += [
            f"    {p.id}{attr_list(place_attrs(p, layout, ctx))};"
            for p in scene.places
            if p.cluster == c.id
        ]
        out.append("  }")
    return out
