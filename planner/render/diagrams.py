"""Region diagrams as DOT text: a pure function of the graph and a view.

:func:`diagram_dot` draws the whole :class:`~planner.render.scene.Scene` in
every view and hides what the view lacks (``style=invis``), so every node
has the same place in each view. A region map is laid out by
:mod:`planner.render.layout` and pinned (drawn with ``neato -n2``); a folded
national map is laid out by ``neato``, which is deterministic without
clusters. One cluster per municipality; data centres and server rooms by
fill; links as wide as the log of their capacity, coloured by utilisation
when it is known; gaps red and dashed. Nothing here runs Graphviz: that is
:mod:`planner.render.draw`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from planner.render.dot import attr_list, quote
from planner.render.i18n import Messages
from planner.render.layout import Layout, lay_out
from planner.render.legend import legend
from planner.render.scene import (
    Line,
    LinkEdge,
    Place,
    Scene,
    build_scene,
    link_edges,
)
from planner.render.styles import (
    CLUSTER,
    COLOURS,
    EDGE,
    FOLDED_GRAPH,
    GRAPH,
    NODE,
    pen_width,
    utilisation_colour,
)
from planner.render.views import ViewState

__all__ = ["PINNED", "diagram_dot", "diagram_dots"]

Attrs = dict[str, str | float | int | None]

PINNED = "// render with: neato -n2"
"""First comment of a DOT text whose positions are fixed (see draw)."""

_LABELLED_BUNDLES = 60  # a folded map with more lines leaves them unlabelled


@dataclass(frozen=True)
class _Context:
    G: nx.MultiGraph[Any]
    view: ViewState
    msg: Messages
    utilisation: Mapping[str, float] | None
    limit: float
    shown_sites: frozenset[str]
    shown_links: frozenset[str]
    links: Mapping[str, dict[str, Any]]
    labels: bool


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

    ``utilisation`` maps link ids to demand / capacity today (from the
    bandwidth analysis); lines are coloured by it, and by the utilisation
    after an upgrade where the view upgrades a link. ``fold`` forces (True)
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
    scene = build_scene(G, views[0].datacenters, msg, fold=fold, links=links)
    layout = None if scene.folded else lay_out(scene)
    by_id = {k: d for _, _, k, d in links}
    out = []
    for view in views:
        sites = _shown_sites(G, view, links)
        ctx = _Context(
            G,
            view,
            msg,
            utilisation,
            max_utilisation,
            sites,
            _shown_links(view, sites, links),
            by_id,
            not scene.folded or len(scene.lines) <= _LABELLED_BUNDLES,
        )
        out.append("\n".join(_document(scene, layout, ctx, max_utilisation)) + "\n")
    return out


def _document(
    scene: Scene, layout: Layout | None, ctx: _Context, limit: float
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
            f"  {p.id}{attr_list(_place_attrs(p, layout, ctx))};"
            for p in scene.places
            if p.cluster is None
        ),
        *(
            f"  {ln.a} -- {ln.b}{attr_list(_line_attrs(ln, ctx))};"
            for ln in scene.lines
        ),
        "}",
    ]


def _view_title(ctx: _Context) -> str:
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


def _clusters(scene: Scene, layout: Layout | None, ctx: _Context) -> list[str]:
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
            f"    {p.id}{attr_list(_place_attrs(p, layout, ctx))};"
            for p in scene.places
            if p.cluster == c.id
        ]
        out.append("  }")
    return out


def _place_attrs(place: Place, layout: Layout | None, ctx: _Context) -> Attrs:
    if place.kind == "internet":
        attrs: Attrs = {"label": place.label, "shape": "ellipse", "style": "dashed"}
    elif place.kind == "municipality":
        attrs = _municipality_attrs(place, ctx)
    else:
        attrs = _site_attrs(place, ctx)
    if layout is not None:
        x, y = layout.pos[place.id]
        attrs["pos"] = f"{x:.1f},{y:.1f}"
    return attrs


def _site_attrs(place: Place, ctx: _Context) -> Attrs:
    (site,) = place.sites
    data = ctx.G.nodes[site]
    dc = site in ctx.view.datacenters
    room = data["server_room"] and site not in ctx.view.closed_rooms
    attrs: Attrs = {
        "label": place.label,
        "tooltip": f"{site} ({data['role']})",
        "fillcolor": _fill(dc, room),
        "fontcolor": "white" if dc else None,
        "fontsize": place.fontsize,
        "penwidth": 1.5 if data["role"] == "town-hall" else None,
    }
    _mark(attrs, dc, site in ctx.view.gap_sites, ctx.view)
    if site not in ctx.shown_sites:
        attrs["style"] = "invis"
    return attrs


def _municipality_attrs(place: Place, ctx: _Context) -> Attrs:
    nodes = ctx.G.nodes
    sites = [s for s in place.sites if s in ctx.shown_sites]
    dc = any(s in ctx.view.datacenters for s in sites)
    rooms = any(
        nodes[s]["server_room"] and s not in ctx.view.closed_rooms for s in sites
    )
    attrs: Attrs = {
        "label": place.label,
        "tooltip": place.label.replace("\n", ": "),
        "fillcolor": _fill(dc, rooms),
        "fontcolor": "white" if dc else None,
    }
    _mark(attrs, dc, any(s in ctx.view.gap_sites for s in sites), ctx.view)
    return attrs


def _fill(datacenter: bool, server_room: bool) -> str:
    if datacenter:
        return COLOURS["datacenter"]
    return COLOURS["server_room"] if server_room else COLOURS["site"]


def _mark(attrs: Attrs, dc: bool, gap: bool, view: ViewState) -> None:
    if gap:
        attrs.update(color=COLOURS["gap"], style="rounded,filled,dashed", penwidth=2.0)
    elif dc and view.emphasise_datacenters:
        attrs.update(penwidth=3.0, color=COLOURS["datacenter"])


def _line_attrs(line: Line, ctx: _Context) -> Attrs:
    links = [k for k in line.links if k in ctx.shown_links]
    if not links:
        return {"id": line.id, "style": "invis"}
    capacity = sum(_capacity(k, ctx) for k in links)
    gap = [k for k in links if k in ctx.view.gap_links]
    util = _utilisation(links, ctx)
    attrs: Attrs = {
        "id": line.id,
        "penwidth": pen_width(capacity),
        "tooltip": _line_tooltip(links, capacity, ctx),
    }
    if gap:
        attrs.update(color=COLOURS["gap"], style="dashed")
    elif util is not None:
        attrs["color"] = utilisation_colour(util, ctx.limit)
    elif any(_is_new(k, ctx) for k in links):
        attrs["color"] = COLOURS["new"]
    if line.backbone and ctx.labels:
        attrs["label"] = _line_label(links, capacity, util, gap, ctx)
    return attrs


def _capacity(link: str, ctx: _Context) -> float:
    return float(ctx.view.upgrades.get(link, ctx.links[link]["capacity"]))


def _is_new(link: str, ctx: _Context) -> bool:
    return link in ctx.view.upgrades or ctx.links[link]["status"] == "planned"


def _utilisation(links: list[str], ctx: _Context) -> float | None:
    """The highest utilisation among ``links``, after any upgrade."""
    if ctx.utilisation is None:
        return None
    values = [
        ctx.utilisation[k] * ctx.links[k]["capacity"] / _capacity(k, ctx)
        for k in links
        if k in ctx.utilisation
    ]
    return max(values) if values else None


def _line_label(
    links: list[str],
    capacity: float,
    util: float | None,
    gap: list[str],
    ctx: _Context,
) -> str:
    msg = ctx.msg
    text = msg.bandwidth(capacity)
    if len(links) > 1:
        text = f"{text} ({len(links)})"
    needs = [ctx.view.required[k] for k in gap if k in ctx.view.required]
    if needs and len(links) == 1:
        text += f" → {msg.bandwidth(needs[0])}"
    if util is not None:
        text += f"\n{msg.percent(util)}"
    return text


def _line_tooltip(links: list[str], capacity: float, ctx: _Context) -> str:
    shown = ", ".join(links[:5]) + (", …" if len(links) > 5 else "")
    return f"{shown}: {ctx.msg.bandwidth(capacity)}"
