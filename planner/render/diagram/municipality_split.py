"""A large municipality's access tree cut into pieces that print legibly.

A 200-site tree drawn whole is some 4,000 points tall: on an A4 page its
8-point labels shrink to under 2 points. Above :data:`SPLIT_ABOVE` sites the
report draws it as an overview (the town hall, the sites hung directly on
it and each district hub, labelled with how many sites hang behind it) and
one map per hub: the hub's sub-tree with the town hall (and any site of
another hub or municipality its links reach) dashed at the edge. Each piece
keeps the whole map's styles, so the gaps read alike, and leaves out its
legend (wider than a piece: the report prints it with the region's maps).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from planner.models.frozen import frozen
from planner.render.diagram.municipality import Tree, tree_dot
from planner.render.diagram.scene import Place

__all__ = ["SPLIT_ABOVE", "Piece", "split_tree"]

SPLIT_ABOVE = 40
"""Sites of a municipality above which its detail map is cut per hub: a
tree of 40 leaves prints at about 6 points on an A4 page."""


@frozen
class Piece:
    """One piece of a cut tree: ``hub`` the hub's place on the map (None for the
    overview), ``name`` its name, ``sites`` how many sites it draws of the
    municipality's, and its DOT text."""

    hub: str | None
    name: str
    sites: int
    dot: str


def split_tree(tree: Tree, above: int = SPLIT_ABOVE) -> list[Piece]:
    """The overview and a piece per hub (a site on the town hall with
    sites behind it), in the order of the map; [] when the municipality has
    at most ``above`` sites or its tree has no hub to cut at."""
    if len(tree.own) <= above or tree.hall is None:
        return []
    below = _subtrees(tree)
    hubs = [p for p in tree.shown if p.id in below]
    if len(hubs) < 2:
        return []
    msg = tree.ctx.msg
    places = {p.id: p for p in tree.shown}
    behind = {n for members in below.values() for n in members} - set(below)
    top = [
        ln for ln in tree.lines if ln.a not in behind and ln.b not in behind
    ]  # the lines among the town hall, the hubs and the sites on neither
    ends = {n for ln in top for n in (ln.a, ln.b)}
    overview = [
        p
        for p in tree.shown
        if p.id in ends or (p.id in tree.own and p.id not in behind)
    ]
    labels = {
        h.id: msg.count("diagram.hub", len(below[h.id]) - 1, name=h.label) for h in hubs
    }
    pieces = [
        Piece(
            None,
            tree.names[tree.municipality],
            sum(1 for p in overview if p.id in tree.own),
            tree_dot(
                tree,
                msg("diagram.hubs", title=tree.title),
                overview,
                top,
                tree.hall,
                labels,
                ", hubs",
                keyed=False,
            ),
        )
    ]
    for h in hubs:
        members = below[h.id]
        lines = [ln for ln in tree.lines if ln.a in members or ln.b in members]
        ends = {n for ln in lines for n in (ln.a, ln.b)}
        shown = [places[n] for n in places if n in ends or n in members]
        edge = _edge(tree, shown, members)
        pieces.append(
            Piece(
                h.id,
                h.label,
                len(members),
                tree_dot(
                    edge,
                    msg("diagram.hub_title", title=tree.title, name=h.label),
                    shown,
                    lines,
                    tree.hall if tree.hall in ends else h.id,
                    part=f", hub {h.id}",
                    keyed=False,
                ),
            )
        )
    return pieces


def _subtrees(tree: Tree) -> dict[str, set[str]]:
    """Each hub (a child of the town hall with children of its own) and
    the sites of the municipality in its sub-tree, itself included."""
    children: dict[str, list[str]] = defaultdict(list)
    for node, up in tree.parent.items():
        children[up].append(node)
    out = {}
    for child in children.get(str(tree.hall), []):
        if child not in tree.own or not children.get(child):
            continue
        members, stack = set(), [child]
        while stack:
            node = stack.pop()
            if node in tree.own:
                members.add(node)
                stack += children.get(node, [])
        out[child] = members
    return out


def _edge(tree: Tree, shown: list[Place], members: set[str]) -> Tree:
    """``tree`` with only ``members`` its own: the town hall and the sites
    of other hubs a piece reaches stand dashed at its edge, like another
    municipality's."""
    own = frozenset(p.id for p in shown if p.id in members)
    names: Mapping[str, str] = tree.names
    return Tree(
        tree.G,
        tree.ctx,
        tree.municipality,
        names,
        tree.region,
        own,
        tree.shown,
        tree.lines,
        tree.hall,
        tree.parent,
        tree.max_utilisation,
    )
