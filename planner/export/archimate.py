"""An ArchiMate 3.1 Model Exchange File (The Open Group's XML format).

Archi, Sparx EA and BiZZdesign import it; Archi from *File > Import > Open
Exchange XML Model* and from its command line. The model comes from
:mod:`planner.export.archimodel`; this module writes it as text in the
order ``archimate3_Diagram.xsd`` requires (elements, relationships,
property definitions, views) with two diagrams:

- *Network*: municipalities as containers holding their sites at the
  positions of planner's own region diagrams (:mod:`planner.render.diagram.layout`,
  scaled to pixels, y pointing down), each link a small network node
  between its ends;
- *Migration*: the plateaus from today to the target in a row, each with
  the work packages that realize it below it.

Nodes come before connections, coordinates are integers, and the text is a
pure function of the model: the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from typing import Any

import networkx as nx

from planner.export.archimodel import (
    PROPERTIES,
    WORDS,
    ArchiModel,
    Element,
    Relationship,
    relationship_id,
)
from planner.render.diagram.layout import Layout, lay_out
from planner.render.diagram.metrics import node_size
from planner.render.diagram.scene import Scene, build_scene
from planner.render.i18n import Messages

__all__ = ["NAMESPACE", "archimate_xml"]

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
_SCHEMA = (
    f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
)
_SCALE = 2.0  # planner's layout is in points; Archi's diagrams in pixels
_MARGIN = 20
_NET = 16  # a link's node, in pixels
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile('[\x00-\x1f&<>"\ufffe\uffff]')

Box = tuple[int, int, int, int]


def _text(value: str) -> str:
    """Escaped element text; characters XML 1.0 cannot hold are dropped."""
    if _SPECIAL.search(value) is None:
        return value
    value = _INVALID.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;")


def archimate_xml(
    model: ArchiModel,
    G: nx.MultiGraph[Any],
    datacenters: Collection[str] = (),
    *,
    fold: bool | None = None,
) -> str:
    """The exchange file of ``model``, with the diagrams laid out as
    planner lays out ``G``'s region map (``datacenters`` marked in their
    labels, as there, so the nodes have the same sizes). ``fold`` as in
    ``planner render``: one node per municipality (None: above 150 sites)."""
    lang = model.lang
    scene = build_scene(G, datacenters, Messages(model.lang), fold=fold)
    network = (
        _folded_view(model, scene) if scene.folded else _network_view(model, scene)
    )
    views = [*network, *_migration_view(model)]
    used = {k for e in model.elements.values() for k, _ in e.props}
    defs = [(k, n, t) for k, n, t in PROPERTIES if k in used]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<model xmlns="{NAMESPACE}"',
        '       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        f'       xsi:schemaLocation="{_SCHEMA}"',
        f'       identifier="{model.id}">',
        f'  <name xml:lang="{lang}">{_text(model.name)}</name>',
        f'  <documentation xml:lang="{lang}">Exported by planner from the '
        f"inventory of {_text(model.name)}.</documentation>",
        "  <elements>",
        *_elements(model.elements.values(), lang),
        "  </elements>",
    ]
    if model.relationships:
        out.append("  <relationships>")
        out += _relationships(model.relationships.values(), lang)
        out.append("  </relationships>")
    if defs:
        out.append("  <propertyDefinitions>")
        out += [
            f'    <propertyDefinition identifier="prop-{k}" type="{t}">'
            f'<name xml:lang="{lang}">{_text(n)}</name></propertyDefinition>'
            for k, n, t in defs
        ]
        out.append("  </propertyDefinitions>")
    out += [
        "  <views>",
        "    <diagrams>",
        *views,
        "    </diagrams>",
        "  </views>",
        "</model>",
        "",  # the final newline, without copying 149 MB once more
    ]
    return "\n".join(out)


def _elements(elements: Iterable[Element], lang: str) -> list[str]:
    """The elements' lines. One loop, no call per element or property: a
    national model has ~85,000 elements with ~540,000 properties."""
    lines: list[str] = []
    add = lines.append
    # property values repeat (roles, statuses, kinds): escape each once
    escaped: dict[str, str] = {}
    for e in elements:
        head = (
            f'    <element identifier="{e.id}" xsi:type="{e.type}">'
            f'<name xml:lang="{lang}">{_text(e.name)}</name>'
        )
        if e.documentation is None and not e.props:
            add(f"{head}</element>")
            continue
        add(head)
        if e.documentation:
            add(
                f'      <documentation xml:lang="{lang}">'
                f"{_text(e.documentation)}</documentation>"
            )
        if e.props:
            add("      <properties>")
            for key, value in e.props:
                text = escaped.get(value)
                if text is None:
                    text = escaped[value] = _text(value)
                add(
                    f'        <property propertyDefinitionRef="prop-{key}">'
                    f"<value>{text}</value></property>"
                )
            add("      </properties>")
        add("    </element>")
    return lines


def _relationships(relationships: Iterable[Relationship], lang: str) -> list[str]:
    """The relationships' lines (~480,000 in a national model)."""
    return [
        f'    <relationship identifier="{r.id}" source="{r.source}" '
        f'target="{r.target}" xsi:type="{r.type}"/>'
        if r.name is None
        else f'    <relationship identifier="{r.id}" source="{r.source}" '
        f'target="{r.target}" xsi:type="{r.type}">'
        f'<name xml:lang="{lang}">{_text(r.name)}</name></relationship>'
        for r in relationships
    ]


def _node(
    vid: str, ref: str, box: Box, indent: str, children: list[str] | None = None
) -> list[str]:
    x, y, w, h = box
    head = (
        f'{indent}<node identifier="{vid}" elementRef="{ref}" '
        f'xsi:type="Element" x="{x}" y="{y}" w="{w}" h="{h}"'
    )
    if not children:
        return [head + "/>"]
    return [head + ">", *children, f"{indent}</node>"]


def _connection(rel: str, source: str, target: str) -> str:
    return (
        f'        <connection identifier="vc-{rel}" relationshipRef="{rel}" '
        f'xsi:type="Relationship" source="{source}" target="{target}"/>'
    )


def _view_head(vid: str, name: str, lang: str, viewpoint: str) -> str:
    return (
        f'      <view identifier="{vid}" xsi:type="Diagram" viewpoint="{viewpoint}">'
        f'<name xml:lang="{lang}">{_text(name)}</name>'
    )


def _network_view(model: ArchiModel, scene: Scene) -> list[str]:
    """Municipality boxes holding their sites, as planner draws the region;
    each link a small network node half-way between its ends, joined to
    them by its associations."""
    layout = lay_out(scene)
    site_of = {p.id: p.sites[0] if p.sites else p.id for p in scene.places}
    sizes = {p.id: node_size(p.label, p.fontsize) for p in scene.places}
    box = _boxer(layout, sizes)

    centre: dict[str, tuple[int, int]] = {}
    vnode: dict[str, str] = {}
    site_boxes: dict[str, Box] = {}
    for p in scene.places:
        element = model.site.get(site_of[p.id])
        if element is None:
            continue
        b = box(*layout.pos[p.id], *sizes[p.id])
        site_boxes[p.id] = b
        vnode[element] = f"vn-{element}"
        centre[element] = (b[0] + b[2] // 2, b[1] + b[3] // 2)
    cluster_of = {p.id: p.cluster for p in scene.places}
    muni_of_cluster = {c.id: c.municipality for c in scene.clusters}
    inner: dict[str | None, list[str]] = defaultdict(list)
    for p in scene.places:
        element = model.site.get(site_of[p.id])
        if element is not None:
            inner[cluster_of[p.id]] += _node(
                vnode[element], element, site_boxes[p.id], _indent(cluster_of[p.id])
            )
    connections: list[str] = []
    element_cluster = {
        model.site[site_of[p.id]]: cluster_of[p.id]
        for p in scene.places
        if site_of[p.id] in model.site
    }
    for link, (end_a, end_b) in model.link_ends.items():
        ea, eb = model.site.get(end_a), model.site.get(end_b)
        if ea is None or eb is None or ea not in centre or eb not in centre:
            continue
        net = model.link[link]
        (xa, ya), (xb, yb) = centre[ea], centre[eb]
        half = _NET // 2
        cbox = ((xa + xb) // 2 - half, (ya + yb) // 2 - half, _NET, _NET)
        same = element_cluster.get(ea) == element_cluster.get(eb)
        where = element_cluster.get(ea) if same else None
        inner[where] += _node(f"vn-{net}", net, cbox, _indent(where))
        for end in (ea, eb):
            rel = _find(model, "Association", net, end)
            connections.append(_connection(rel, f"vn-{net}", vnode[end]))
    lines = [_view_head("view-network", _word(model, "network"), model.lang, "Layered")]
    for c in scene.clusters:
        actor = model.municipality.get(muni_of_cluster[c.id])
        if actor is None:
            continue
        llx, lly, urx, ury = layout.clusters[c.id]
        b = box((llx + urx) / 2, (lly + ury) / 2, urx - llx, ury - lly)
        lines += _node(f"vn-{actor}", actor, b, "        ", inner.pop(c.id, []))
    lines += inner.pop(None, [])
    lines += connections
    lines.append("      </view>")
    return lines


def _boxer(
    layout: Layout, sizes: dict[str, tuple[float, float]]
) -> Callable[[float, float, float, float], Box]:
    """Centre and size in points (y up) -> an integer box in pixels (y
    down, from the top left corner)."""
    top = max(
        [y + sizes[p][1] / 2 for p, (_, y) in layout.pos.items()]
        + [bb[3] for bb in layout.clusters.values()]
        + [0.0]
    )

    def box(cx: float, cy: float, w: float, h: float) -> Box:
        return (
            _MARGIN + round((cx - w / 2) * _SCALE),
            _MARGIN + round((top - cy - h / 2) * _SCALE),
            max(1, round(w * _SCALE)),
            max(1, round(h * _SCALE)),
        )

    return box


def _folded_view(model: ArchiModel, scene: Scene) -> list[str]:
    """A national map folded as planner folds it: one node per
    municipality, one connection per pair of neighbouring municipalities
    (the association that joins them). planner draws a folded map with
    Graphviz's ``neato``; here the municipalities are placed in a grid in
    inventory order (county by county), which needs no Graphviz and takes
    no time at 357 municipalities."""
    lines = [_view_head("view-network", _word(model, "network"), model.lang, "Layered")]
    actor_of: dict[str, str] = {}
    per_row = max(1, math.ceil(math.sqrt(len(scene.places))))
    for i, p in enumerate(scene.places):
        muni = model.site_municipality.get(p.sites[0]) if p.sites else None
        actor = model.municipality.get(muni) if muni else None
        if actor is None:
            continue
        actor_of[p.id] = actor
        row, col = divmod(i, per_row)
        cell = (
            _MARGIN + col * (_CELL_W + 2 * _GAP),
            _MARGIN + row * (_CELL_H + 2 * _GAP),
            _CELL_W,
            _CELL_H,
        )
        lines += _node(f"vn-{actor}", actor, cell, "        ")
    for ln in scene.lines:
        if ln.a in actor_of and ln.b in actor_of:
            a, b = actor_of[ln.a], actor_of[ln.b]
            rel = _find(model, "Association", a, b)
            lines.append(_connection(rel, f"vn-{a}", f"vn-{b}"))
    lines.append("      </view>")
    return lines


def _indent(cluster: str | None) -> str:
    return "        " if cluster is None else "          "


def _find(model: ArchiModel, type_: str, source: str, target: str) -> str:
    """The id of a relationship the model has (a view only shows them)."""
    rid = relationship_id(type_, source, target)
    if rid not in model.relationships:
        raise ValueError(f"no {type_} from {source} to {target} in the model")
    return rid


def _word(model: ArchiModel, key: str) -> str:
    return WORDS[model.lang][key]


_CELL_W, _CELL_H = 160, 60
_PLATEAU_W, _PLATEAU_H = 200, 60
_WP_W, _WP_H, _GAP = 200, 50, 10


def _migration_view(model: ArchiModel) -> list[str]:
    """The plateaus in a row, triggering one another; under each the work
    packages that realize it."""
    lines = [
        _view_head(
            "view-migration",
            _word(model, "migration"),
            model.lang,
            "Implementation and Migration",
        )
    ]
    column = {p: i for i, p in enumerate(model.plateaus)}
    x0 = {p: _MARGIN + i * (_PLATEAU_W + 4 * _GAP) for p, i in column.items()}
    for p in model.plateaus:
        lines += _node(
            f"vn-{p}", p, (x0[p], _MARGIN, _PLATEAU_W, _PLATEAU_H), "        "
        )
    below: dict[str, int] = defaultdict(int)
    connections = []
    for wp, plateau in model.package_plateau.items():
        y = _MARGIN + _PLATEAU_H + 3 * _GAP + below[plateau] * (_WP_H + _GAP)
        below[plateau] += 1
        lines += _node(f"vn-{wp}", wp, (x0[plateau], y, _WP_W, _WP_H), "        ")
        rel = _find(model, "Realization", wp, plateau)
        connections.append(_connection(rel, f"vn-{wp}", f"vn-{plateau}"))
    for a, b in zip(model.plateaus, model.plateaus[1:], strict=False):
        rel = _find(model, "Triggering", a, b)
        connections.append(_connection(rel, f"vn-{a}", f"vn-{b}"))
    lines += connections
    lines.append("      </view>")
    return lines
