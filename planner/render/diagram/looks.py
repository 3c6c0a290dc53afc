"""How a view styles each node and line of a scene.

Only attributes that leave a node's size alone change between views
(colours, pen widths, dash styles, visibility), so the layout stays the
same; labels belong to the scene. See :mod:`planner.render.diagram.styles` for the
values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

import networkx as nx

from planner.models.frozen import frozen
from planner.render.diagram.layout import Layout, place_size
from planner.render.diagram.scene import GapCounts, Line, Place, gap_line
from planner.render.diagram.styles import COLOURS, pen_width, utilisation_colour
from planner.render.diagram.views import ViewState
from planner.render.i18n import Messages

__all__ = ["Attrs", "Look", "line_attrs", "place_attrs"]

Attrs = dict[str, str | float | int | None]


@frozen
class Look:
    """What styling one view needs: the view, its words, the utilisation,
    and what the view shows (computed once per view)."""

    G: nx.MultiGraph[Any]
    view: ViewState
    msg: Messages
    utilisation: Mapping[str, float] | None
    limit: float
    shown_sites: frozenset[str]
    shown_links: frozenset[str]
    links: Mapping[str, dict[str, Any]]
    labels: bool
    # The gaps the view marks, per municipality (folded boxes show them).
    open_counts: GapCounts = field(default_factory=dict)


def place_attrs(place: Place, layout: Layout | None, ctx: Look) -> Attrs:
    """The DOT attributes of a node in this view (its position when the
    layout is pinned)."""
    if place.kind == "internet":
        attrs: Attrs = {"label": place.label, "shape": "ellipse", "style": "dashed"}
    elif place.kind == "municipality":
        attrs = _municipality_attrs(place, layout, ctx)
    else:
        attrs = _site_attrs(place, ctx)
    if layout is not None:
        x, y = layout.pos[place.id]
        attrs["pos"] = f"{x:.1f},{y:.1f}"
    return attrs


def _site_attrs(place: Place, ctx: Look) -> Attrs:
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


def _municipality_attrs(place: Place, layout: Layout | None, ctx: Look) -> Attrs:
    nodes = ctx.G.nodes
    sites = [s for s in place.sites if s in ctx.shown_sites]
    dc = any(s in ctx.view.datacenters for s in sites)
    rooms = any(
        nodes[s]["server_room"] and s not in ctx.view.closed_rooms for s in sites
    )
    label = place.label
    if place.municipality is not None and place.reserve:
        line = gap_line(ctx.open_counts, place.municipality, ctx.msg)
        label += f"\n{line}" if line else ""
    attrs: Attrs = {
        "label": label,
        "tooltip": label.replace("\n", ": "),
        "fillcolor": _fill(dc, rooms),
        "fontcolor": "white" if dc else None,
    }
    if place.reserve and layout is None:  # neato: the same size in every view
        width, height = place_size(place)
        attrs.update(width=round(width / 72, 2), height=round(height / 72, 2))
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


def line_attrs(line: Line, ctx: Look) -> Attrs:
    """The DOT attributes of a line in this view: width by capacity after
    any upgrade; red and dashed for a gap, else blue when new or upgraded,
    else coloured by the planned utilisation; the medium as line style
    (:data:`MEDIA`); hidden when the view lacks it."""
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
    medium = _medium(links, ctx)
    if gap:
        attrs.update(color=COLOURS["gap"], style="dashed")
    elif any(_is_new(k, ctx) for k in links):
        attrs["color"] = COLOURS["new"]
    elif util is not None:
        attrs["color"] = utilisation_colour(util, ctx.limit)
    if not gap and medium == "radio":
        attrs["style"] = "dotted"
    elif not gap and medium == "wire":
        colour = str(attrs.get("color") or COLOURS["link"])
        attrs["color"] = f"{colour}:invis:{colour}"  # a double line
    if line.backbone and ctx.labels:
        attrs["label"] = _line_label(links, capacity, util, gap, ctx)
    return attrs


MEDIA = {"fiber": "fiber", "radio": "radio"}
"""Line styles by medium: fibre solid, radio dotted, the rest (copper, DSL,
leased lines, VPN, other) a double line; a gap's dashes win."""


def _medium(links: list[str], ctx: Look) -> str:
    kinds = {MEDIA.get(str(ctx.links[k].get("medium")), "wire") for k in links}
    return kinds.pop() if len(kinds) == 1 else "fiber"


def _capacity(link: str, ctx: Look) -> float:
    return float(ctx.view.upgrades.get(link, ctx.links[link]["capacity"]))


def _is_new(link: str, ctx: Look) -> bool:
    return link in ctx.view.upgrades or ctx.links[link]["status"] == "planned"


def _utilisation(links: list[str], ctx: Look) -> float | None:
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
    ctx: Look,
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


def _line_tooltip(links: list[str], capacity: float, ctx: Look) -> str:
    shown = ", ".join(links[:5]) + (", …" if len(links) > 5 else "")
    media = sorted({str(ctx.links[k].get("medium")) for k in links})
    return f"{shown}: {ctx.msg.bandwidth(capacity)} ({', '.join(media)})"
