"""Edge-disjoint paths over the network index: bridges and the bridge tree
in linear time, and shortest augmenting paths with the minimum cut they
leave for more.

Every function takes the integer-indexed network routing uses
(:class:`planner.algorithms.routing.Topology`, built once per graph by
``planner.algorithms.index``) and node and link *indices*; a subset of the
network is a parameter, ``down`` (the link indices left out: links not
serving a site, a failed link), never a second index. An augmented network
(the design's candidate links) is an index of its own.

Two edge-disjoint paths between a and b exist exactly when no bridge
separates them (Menger), so the common redundancy requirement of two paths
needs only the bridges, found with one depth-first search (Tarjan). The
bridges on the tree path between two 2-edge-connected components are the
single points of failure between them. ``joined`` nodes count as one (the
data centres as anycast: a path to either counts), as if joined to a common
sink by parallel links.

networkx's ``bridges`` converts a multigraph to a simple graph and runs a
chain decomposition; on a national inventory that took seconds, this takes
milliseconds. Parallel links are handled by link index: a doubled link is
never a bridge.

More than two paths (and the paths themselves, which the availability
estimate multiplies along) come from :func:`disjoint_paths`: augmenting
paths over unit-capacity links, each link used in one direction at most,
neighbours visited in node order. :func:`min_cut` counts them and names the
cut nearest the sinks, the one networkx's ``minimum_cut`` returns.

Link indices are numbered in sorted id order, so sorted indices are sorted
ids (``topo.links[i]``).
"""

from __future__ import annotations

import weakref
from collections import OrderedDict, deque
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from planner.algorithms.routing import Topology

__all__ = [
    "Arc",
    "BridgeTree",
    "bridge_tree",
    "components",
    "disjoint_paths",
    "find_bridges",
    "forget_views",
    "min_cut",
]

Arc = tuple[int, int, int]
"""(link, from, to): a link used in one direction."""
_Arcs = list[list[tuple[int, int]]]  # node -> [(link, neighbour)]

_NONE: frozenset[int] = frozenset()


def _arcs(
    topo: Topology,
    down: frozenset[int],
    joined: Iterable[int] = (),
    *,
    ordered: bool = False,
) -> _Arcs:
    """Each node's ``(link, neighbour)`` without the links ``down``; the
    ``joined`` nodes are one (their first), the links between them gone;
    ``ordered``: by neighbour, then link. Read it, do not change it: the
    last few are kept, as an analysis asks for one view per site."""
    together = tuple(sorted(joined))
    key = (id(topo), down, together, ordered)
    cached = _ARCS.get(key)
    if cached is not None and cached[0]() is topo:
        _ARCS.move_to_end(key)
        return cached[1]
    arcs = _build_arcs(topo, down, together)
    if ordered:
        arcs = [sorted(a, key=_by_neighbour) for a in arcs]
    _ARCS[key] = (weakref.ref(topo), arcs)
    if len(_ARCS) > 16:
        _ARCS.popitem(last=False)
    return arcs


_ARCS: OrderedDict[
    tuple[int, frozenset[int], tuple[int, ...], bool],
    tuple[weakref.ref[Topology], _Arcs],
] = OrderedDict()


def forget_views() -> None:
    """Drop the views kept for the next analysis (:func:`_arcs`): the gap
    analysis calls it when its last analysis is done, as the few views of a
    national network it kept are 10 MB that the plan would otherwise carry
    through its own peak."""
    _ARCS.clear()


def _build_arcs(
    topo: Topology, down: frozenset[int], together: tuple[int, ...]
) -> _Arcs:
    rep = list(range(len(topo.nodes)))
    for s in together:
        rep[s] = together[0]
    arcs: _Arcs = [[] for _ in topo.nodes]
    for x, links in enumerate(topo.adj):
        r = rep[x]
        out = arcs[r]
        for link, y, _ in links:
            if link not in down and rep[y] != r:
                out.append((link, rep[y]))
    return arcs


def _by_neighbour(arc: tuple[int, int]) -> tuple[int, int]:
    return arc[1], arc[0]


def find_bridges(topo: Topology, down: frozenset[int] = _NONE) -> set[int]:
    """Link indices whose removal disconnects their ends (iterative Tarjan),
    the links ``down`` left out."""
    return set(_bridges(_arcs(topo, down)))


def _bridges(arcs: _Arcs) -> dict[int, tuple[int, int]]:
    """Bridge link -> its ends (found from, to)."""
    disc = [-1] * len(arcs)
    low = [0] * len(arcs)
    count = 0
    bridges: dict[int, tuple[int, int]] = {}
    for root in range(len(arcs)):
        if disc[root] >= 0:
            continue
        disc[root] = low[root] = count
        count += 1
        stack = [(root, -1, iter(arcs[root]))]
        while stack:
            node, via, it = stack[-1]
            for link, nbr in it:
                if link == via:
                    continue
                if disc[nbr] >= 0:
                    low[node] = min(low[node], disc[nbr])
                else:
                    disc[nbr] = low[nbr] = count
                    count += 1
                    stack.append((nbr, link, iter(arcs[nbr])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > disc[parent]:
                        bridges[via] = (parent, node)
    return bridges


@dataclass
class BridgeTree:
    """2-edge-connected components joined by bridges, rooted per tree."""

    component: list[int]  # node -> component
    parent: dict[int, tuple[int, int]]  # component -> (parent, bridge link)
    depth: dict[int, tuple[int, int]]  # component -> (root, depth)

    def path(self, a: int, b: int) -> list[int] | None:
        """Bridge links between nodes a and b, sorted; [] when
        2-edge-connected, None when disconnected."""
        ca, cb = self.component[a], self.component[b]
        if self.depth[ca][0] != self.depth[cb][0]:
            return None
        links = []
        while ca != cb:
            if self.depth[ca][1] < self.depth[cb][1]:
                ca, cb = cb, ca
            ca, link = self.parent[ca]
            links.append(link)
        return sorted(links)


def bridge_tree(
    topo: Topology, down: frozenset[int] = _NONE, *, joined: Iterable[int] = ()
) -> BridgeTree:
    """The bridge tree (forest) of the network without the links ``down``,
    the ``joined`` nodes counted as one."""
    together = sorted(joined)
    arcs = _arcs(topo, down, together)
    bridges = _bridges(arcs)
    component = _labels(arcs, bridges)
    for s in together:
        component[s] = component[together[0]]
    return _root(bridges, component)


def components(topo: Topology, down: frozenset[int] = _NONE) -> list[int]:
    """Each node's connected component (a number) without the links ``down``."""
    return _labels(_arcs(topo, down), _NONE)


def _labels(arcs: _Arcs, gone: Container[int]) -> list[int]:
    """Component numbers of the nodes, the links ``gone`` left out."""
    component = [-1] * len(arcs)
    count = 0
    for start in range(len(arcs)):
        if component[start] >= 0:
            continue
        cid, count = count, count + 1
        component[start] = cid
        todo = [start]
        while todo:
            node = todo.pop()
            for link, nbr in arcs[node]:
                if link not in gone and component[nbr] < 0:
                    component[nbr] = cid
                    todo.append(nbr)
    return component


def _root(bridges: dict[int, tuple[int, int]], component: list[int]) -> BridgeTree:
    tree: list[list[tuple[int, int]]] = [
        [] for _ in range(max(component, default=-1) + 1)
    ]
    for link, (u, v) in bridges.items():
        tree[component[u]].append((component[v], link))
        tree[component[v]].append((component[u], link))
    parent: dict[int, tuple[int, int]] = {}
    depth: dict[int, tuple[int, int]] = {}
    for root in range(len(tree)):
        if root in depth:
            continue
        depth[root] = (root, 0)
        todo = [root]
        while todo:
            c = todo.pop()
            for nxt, link in tree[c]:
                if nxt not in depth:
                    depth[nxt] = (root, depth[c][1] + 1)
                    parent[nxt] = (c, link)
                    todo.append(nxt)
    return BridgeTree(component, parent, depth)


def disjoint_paths(
    topo: Topology,
    source: int,
    sinks: Iterable[int],
    down: frozenset[int] = _NONE,
) -> list[list[Arc]]:
    """As many edge-disjoint paths from ``source`` to any of ``sinks`` as
    exist without the links ``down``, each a list of ``(link, from, to)``:
    shortest augmenting paths (fewest links), so the paths are as short as
    the maximum allows."""
    ends = set(sinks)
    if source in ends:
        return []
    arcs = _arcs(topo, down, ordered=True)
    return _decompose(source, ends, _max_flow(arcs, source, ends))


def _max_flow(arcs: _Arcs, source: int, sinks: set[int]) -> dict[int, tuple[int, int]]:
    """Link -> the direction a maximum unit flow uses it (shortest
    augmenting paths, Edmonds-Karp)."""
    flow: dict[int, tuple[int, int]] = {}
    while (path := _augmenting_path(arcs, source, sinks, flow)) is not None:
        for link, u, v in path:
            if flow.get(link) == (v, u):
                del flow[link]  # cancels the earlier use in the other direction
            else:
                flow[link] = (u, v)
    return flow


def _augmenting_path(
    arcs: _Arcs, source: int, sinks: set[int], flow: dict[int, tuple[int, int]]
) -> list[Arc] | None:
    parent: dict[int, Arc | None] = {source: None}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        if u in sinks:
            path = []
            while (arc := parent[u]) is not None:
                path.append(arc)
                u = arc[1]
            return path[::-1]
        for link, v in arcs[u]:
            if v not in parent and flow.get(link) != (u, v):
                parent[v] = (link, u, v)
                queue.append(v)
    return None


def _decompose(
    source: int, sinks: set[int], flow: dict[int, tuple[int, int]]
) -> list[list[Arc]]:
    out_of: dict[int, list[Arc]] = {}
    for link, (u, v) in sorted(flow.items()):
        out_of.setdefault(u, []).append((link, u, v))
    paths = []
    while out_of.get(source):
        path, node = [], source
        while node not in sinks:
            arc = out_of[node].pop()
            path.append(arc)
            node = arc[2]
        paths.append(path)
    return sorted(paths, key=lambda p: (len(p), p))


def min_cut(
    topo: Topology,
    source: int,
    sinks: Sequence[int],
    down: frozenset[int] = _NONE,
) -> tuple[int, list[int]]:
    """The number of edge-disjoint paths from ``source`` to any of ``sinks``
    (without the links ``down``) and the links of a minimum cut between
    them, sorted: the cut nearest the sinks (every node that can still
    reach one in the residual network is on their side)."""
    ends = set(sinks)
    if source in ends:
        raise ValueError(f"min_cut: the source {topo.nodes[source]} is a sink")
    arcs = _arcs(topo, down)
    flow = _max_flow(arcs, source, ends)
    towards = set(ends)
    queue = deque(ends)
    while queue:
        v = queue.popleft()
        for link, u in arcs[v]:  # u -> v has capacity left unless used so
            if u not in towards and flow.get(link) != (u, v):
                towards.add(u)
                queue.append(u)
    paths = sum(1 for link, v in arcs[source] if flow.get(link) == (source, v))
    cut = {
        link
        for u, nbrs in enumerate(arcs)
        if u not in towards
        for link, v in nbrs
        if v in towards
    }
    return paths, sorted(cut)
