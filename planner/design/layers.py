"""The design's requirements as cut problems on small graphs.

Two *layers* share the candidate links: the backbone (every town hall to a
super-sink joined to every data centre, so either data centre counts) and
access (every other site to its town hall; no super-sink, which would be a
shortcut between data centres that no cable provides).

Each layer is reduced before the search, exactly:

- when no requirement asks for more than two paths, each 2-edge-connected
  component of today's network becomes one node: a cut of fewer than two
  links never splits such a component, so no requirement's answer changes;
- trees hanging on by bridges with no requirement end and no candidate end
  in them are dropped: no path between two other nodes can use them.

On a national inventory that leaves the town halls, data centres and
candidate ends: a few hundred nodes instead of twenty thousand.

:class:`Evaluator` answers, for a set of chosen candidates, how many
edge-disjoint paths each requirement has (capped at what it needs) and,
where too few, the cuts that prove it: ``(candidates crossing, links still
needed)``, valid inequalities for every solution.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from planner.algorithms.connectivity import BridgeTree, bridge_tree, components
from planner.algorithms.routing import Topology, index_network
from planner.analyses.network import find_datacenters, town_halls
from planner.graph import site_network
from planner.models.frozen import frozen
from planner.models.notice import Notice
from planner.models.target import Candidate, Target

__all__ = [
    "SINK",
    "Cut",
    "Evaluator",
    "Layer",
    "Requirement",
    "build_layers",
    "prune",
]

Node = str
SINK = "<datacentres>"  # a node name no site id can have (``Id``)
Cut = tuple[frozenset[int], int]
"""(candidate indices crossing the cut, how many of them are needed)."""


@frozen
class Requirement:
    """``need`` edge-disjoint paths from ``source`` to ``sink`` (layer nodes),
    for the gap of ``site``."""

    site: str
    cls: str  # backbone | access
    source: Node
    sink: Node
    need: int


@dataclass
class Layer:
    """Today's links (contracted), the candidates' ends in it, the
    requirements: everything a cut check needs."""

    cls: str
    links: list[tuple[Node, Node, str]]
    candidates: dict[int, tuple[Node, Node]]
    requirements: list[Requirement]
    nodes: set[Node] = field(default_factory=set)
    # Risk group -> its links in the layer (ids; candidates as ``_cid(i)``):
    # a group fails as one, so paths sharing one count once.
    groups: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def most(self) -> int:
        return max((r.need for r in self.requirements), default=0)


def build_layers(
    G: nx.MultiGraph[Any], target: Target, candidates: Sequence[Candidate]
) -> tuple[list[Layer], list[str]]:
    """The backbone and access layers of the target network (active sites,
    active and planned links), and the candidates left out, with why."""
    H = site_network(G, planned=True)
    warnings: list[str] = [
        Notice(
            f"candidate {c.id}: {end} is not an active site; left out",
            "candidate_left_out",
            candidate=c.id,
            site=end,
        )
        for c in candidates
        for end in (c.a, c.b)
        if end not in H
    ]
    usable: dict[int, tuple[Node, Node]] = {
        i: (c.a, c.b) for i, c in enumerate(candidates) if c.a in H and c.b in H
    }
    dcs = [dc for dc in find_datacenters(G, target) if dc in H]
    halls = town_halls(H)
    served = _served(H, set(halls.values()) | set(dcs))
    # Non-transit links carry only their served site's own paths: none of
    # the backbone's, and in access only that site's (its own layer below).
    links = [(u, v, k) for u, v, k in H.edges(keys=True) if k not in served]
    grouped = {
        k: tuple(d.get("risk_groups", ()))
        for _, _, k, d in H.edges(keys=True, data=True)
        if d.get("risk_groups")
    }
    grouped |= {
        _cid(i): c.risk_groups for i, c in enumerate(candidates) if c.risk_groups
    }
    layers = []
    need = target.network.backbone.redundancy
    if dcs:
        copies = max(need, 2)
        sink = [
            (SINK, dc, f"datacentres:{dc}:{i}") for dc in dcs for i in range(copies)
        ]
        reqs = [
            Requirement(th, "backbone", th, SINK, need)
            for th in sorted(halls.values())
            if th not in dcs
        ]
        layers.append(
            _layer("backbone", [*links, *sink], [*H, SINK], usable, reqs, grouped)
        )
    access = target.network.access
    reqs = [
        Requirement(
            n,
            "access",
            n,
            halls[d["municipality"]],
            access.for_role(d["role"]).redundancy,
        )
        for n, d in sorted(H.nodes(data=True))
        if d["role"] != "town-hall" and n not in dcs and d["municipality"] in halls
    ]
    own = {x for ends in served.values() for x in ends}
    shared = [r for r in reqs if r.site not in own]
    layers.append(_layer("access", links, list(H), usable, shared, grouped))
    for r in (r for r in reqs if r.site in own):  # with its own lines
        mine = [
            (u, v, k) for u, v, k in H.edges(keys=True) if r.site in served.get(k, ())
        ]
        layers.append(_layer("access", [*links, *mine], list(H), usable, [r], grouped))
    return layers, warnings


def _served(H: nx.MultiGraph[Any], hubs: set[str]) -> dict[str, tuple[str, ...]]:
    """Non-transit link id -> the sites it serves (its ends that are not
    hubs, ``planner.analyses.transit``); every other link id -> ()."""
    from planner.analyses.transit import served_ends

    ends = [
        (k, u, v, d.get("transit", True))
        for u, v, k, d in H.edges(keys=True, data=True)
    ]
    return served_ends(ends, hubs)


def _layer(
    cls: str,
    links: list[tuple[Node, Node, str]],
    nodes: list[Node],
    candidates: dict[int, tuple[Node, Node]],
    reqs: list[Requirement],
    grouped: dict[str, tuple[str, ...]],
) -> Layer:
    if max((r.need for r in reqs), default=0) > 2:
        layer = Layer(cls, links, dict(candidates), reqs, set(nodes))
        return _with_groups(layer, grouped)
    # Contract the 2-edge-connected components of the links in no risk
    # group: one group (or link) failing never splits such a component.
    # Grouped links between components are kept beside the bridges.
    topo = _index(nodes, [e for e in links if e[2] not in grouped])
    tree = bridge_tree(topo)
    reqs = [r for r in reqs if _paths(topo, tree, r) < r.need]  # the rest hold
    comp = {n: f"<c{tree.component[i]}>" for i, n in enumerate(topo.nodes)}
    bridges = {topo.links[k] for c, (_, k) in tree.parent.items()}
    kept = [
        (comp[u], comp[v], k)
        for u, v, k in links
        if k in bridges or (k in grouped and comp[u] != comp[v])
    ]
    cands = {i: (comp[a], comp[b]) for i, (a, b) in candidates.items()}
    cands = {i: (a, b) for i, (a, b) in cands.items() if a != b}
    reqs = [
        Requirement(r.site, r.cls, comp[r.source], comp[r.sink], r.need) for r in reqs
    ]
    keep = {r.source for r in reqs} | {r.sink for r in reqs}
    keep |= {end for ends in cands.values() for end in ends}
    kept, left = _prune(kept, set(comp.values()), keep)
    return _with_groups(Layer(cls, kept, cands, reqs, left), grouped)


def _with_groups(layer: Layer, grouped: dict[str, tuple[str, ...]]) -> Layer:
    """``layer`` with its risk groups: each group's links and candidates."""
    ids = [k for _, _, k in layer.links] + [_cid(i) for i in layer.candidates]
    groups: dict[str, set[str]] = {}
    for k in ids:
        for g in grouped.get(k, ()):
            groups.setdefault(g, set()).add(k)
    layer.groups = {g: frozenset(m) for g, m in sorted(groups.items())}
    return layer


def _index(nodes: Iterable[Node], links: Iterable[tuple[Node, Node, str]]) -> Topology:
    """The network index of a layer's nodes and links (no metrics: the
    layers count paths)."""
    return index_network(nodes, ((k, u, v, 1.0, 1.0) for u, v, k in links))


def _paths(topo: Topology, tree: BridgeTree, r: Requirement) -> int:
    """Edge-disjoint paths of ``r`` in a bridge tree, counted up to two."""
    path = tree.path(topo.index[r.source], topo.index[r.sink])
    return 0 if path is None else (1 if path else 2)


def prune(layer: Layer) -> Layer:
    """``layer`` without the trees that no requirement or candidate reaches."""
    keep = {r.source for r in layer.requirements} | {r.sink for r in layer.requirements}
    keep |= {end for ends in layer.candidates.values() for end in ends}
    links, nodes = _prune(layer.links, layer.nodes, keep)
    alive = {k for _, _, k in links} | {_cid(i) for i in layer.candidates}
    groups = {g: m & alive for g, m in layer.groups.items() if m & alive}
    return Layer(layer.cls, links, layer.candidates, layer.requirements, nodes, groups)


def _prune(
    links: list[tuple[Node, Node, str]], nodes: set[Node], keep: set[Node]
) -> tuple[list[tuple[Node, Node, str]], set[Node]]:
    """Drop leaves (of a forest) that are not in ``keep``, repeatedly."""
    degree: dict[Node, int] = dict.fromkeys(nodes, 0)
    nbrs: dict[Node, list[Node]] = defaultdict(list)
    for u, v, _ in links:
        degree[u] += 1
        degree[v] += 1
        nbrs[u].append(v)
        nbrs[v].append(u)
    gone: set[Node] = set()
    todo = [n for n, d in degree.items() if d <= 1 and n not in keep]
    while todo:
        n = todo.pop()
        if n in gone:
            continue
        gone.add(n)
        for m in nbrs[n]:
            if m not in gone:
                degree[m] -= 1
                if degree[m] <= 1 and m not in keep:
                    todo.append(m)
    return [e for e in links if e[0] not in gone and e[1] not in gone], nodes - gone


@frozen
class Check:
    """One requirement's answer: paths found (capped at its need), and the
    cuts proving there are no more (empty when it has enough), and the
    links on the way every path crosses (for ``unresolved``'s why)."""

    paths: int
    cuts: tuple[Cut, ...]
    bottleneck: tuple[str, ...]


class Evaluator:
    """Paths and cuts of a layer's requirements for chosen candidates."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer

    def check(self, chosen: Iterable[int]) -> list[Check]:
        if not self.layer.requirements:
            return []
        picked = [i for i in sorted(set(chosen)) if i in self.layer.candidates]
        if self.layer.most <= 2:
            return self._check_bridges(picked)
        return self._check_flow(picked)

    def _graph(self, picked: list[int]) -> Topology:
        """The index of the layer with the ``picked`` candidates built."""
        cands = self.layer.candidates
        extra = [(*cands[i], _cid(i)) for i in picked]
        return _index(self.layer.nodes, [*self.layer.links, *extra])

    def _check_bridges(self, picked: list[int]) -> list[Check]:
        graph = self._graph(picked)
        tree = bridge_tree(graph)
        labels: dict[str, dict[Node, int]] | None = None
        euler = _Euler(graph, tree)
        out = []
        for r in self.layer.requirements:
            found = tree.path(graph.index[r.source], graph.index[r.sink])
            path = None if found is None else [graph.links[k] for k in found]
            paths = 0 if path is None else (1 if path else 2)
            paths = min(paths, r.need)
            cuts: list[Cut] = []
            if paths < r.need:
                if path is None:
                    side = euler.tree_of(r.source)
                    cuts.append((self._crossing(side), r.need))
                else:
                    for link in path:
                        side = euler.below(link)
                        have = 0 if link.startswith(_CAND) else 1
                        cuts.append((self._crossing(side), r.need - have))
            bottleneck = tuple(path or ())
            if paths == 2 and r.need == 2 and self.layer.groups:
                if labels is None:  # each group's failure, labelled once
                    labels = {
                        g: _components(graph, m) for g, m in self.layer.groups.items()
                    }
                for g, cut in self._group_cuts(labels, r):
                    paths, bottleneck = 1, (f"risk group {g}",)
                    cuts.append(cut)
            out.append(Check(paths, tuple(cuts), bottleneck))
        return out

    def _group_cuts(
        self, labels: dict[str, dict[Node, int]], r: Requirement
    ) -> list[tuple[str, Cut]]:
        """The risk groups whose failure alone cuts ``r``'s source from its
        sink, each with its cut: a candidate outside the group must cross."""
        out = []
        for g, label in labels.items():
            here = label[r.source]
            if label[r.sink] != here:
                crossing = self._crossing(lambda x, lb=label, c=here: lb.get(x) == c)
                out.append((g, (self._outside(crossing, self.layer.groups[g]), 1)))
        return out

    def _outside(
        self, crossing: frozenset[int], members: frozenset[str]
    ) -> frozenset[int]:
        return frozenset(i for i in crossing if _cid(i) not in members)

    def _crossing(self, inside: Any) -> frozenset[int]:
        return frozenset(
            i for i, (a, b) in self.layer.candidates.items() if inside(a) != inside(b)
        )

    def _check_flow(self, picked: list[int]) -> list[Check]:
        """Max-flow per requirement; with risk groups, also with every set of
        fewer than ``need`` groups failed: ``R`` groups down and a cut of
        ``c`` links left mean ``|R| + c`` elements cut the requirement."""
        cands = self.layer.candidates
        edges = [*self.layer.links, *((*cands[i], _cid(i)) for i in picked)]
        most = self.layer.most
        downs: list[tuple[str, ...]] = [()]
        for size in range(1, most):
            downs += list(combinations(self.layer.groups, size))
        out = []
        for r in self.layer.requirements:
            paths, cuts = r.need, []
            for down in downs:
                if len(down) >= r.need:
                    continue
                gone = frozenset().union(*(self.layer.groups[g] for g in down))
                simple = self._simple([e for e in edges if e[2] not in gone])
                value, (side, _) = nx.minimum_cut(simple, r.source, r.sink)
                count = len(down) + round(value)
                if count < r.need:
                    have = sum(
                        1
                        for u, v, k in self.layer.links
                        if (u in side) != (v in side) and k not in gone
                    )
                    crossing = self._outside(self._crossing(side.__contains__), gone)
                    cuts.append((crossing, r.need - len(down) - have))
                    paths = min(paths, count)
            out.append(Check(paths, tuple(cuts), ()))
        return out

    def _simple(self, edges: list[tuple[Node, Node, str]]) -> nx.Graph[Any]:
        simple: nx.Graph[Any] = nx.Graph()
        simple.add_nodes_from(self.layer.nodes)
        for u, v, _ in edges:
            w = simple.get_edge_data(u, v, {"capacity": 0})["capacity"]
            simple.add_edge(u, v, capacity=w + 1)
        return simple


_CAND = "candidate:"


def _components(graph: Topology, down: frozenset[str]) -> dict[Node, int]:
    """Each node's component without the links ``down`` (ids)."""
    gone = frozenset(i for i, k in enumerate(graph.links) if k in down)
    return dict(zip(graph.nodes, components(graph, gone), strict=True))


def _cid(i: int) -> str:
    return f"{_CAND}{i}"


def candidate_index(link: str) -> int | None:
    """The candidate index of a link id made by the evaluator, else None."""
    return int(link[len(_CAND) :]) if link.startswith(_CAND) else None


class _Euler:
    """Subtree membership in a bridge forest by entry/exit numbers."""

    def __init__(self, topo: Topology, tree: BridgeTree) -> None:
        self.tree = tree
        self.index = topo.index
        children: dict[int, list[int]] = defaultdict(list)
        self.child_of: dict[str, int] = {}
        for c, (p, link) in tree.parent.items():
            children[p].append(c)
            self.child_of[topo.links[link]] = c
        self.tin: dict[int, int] = {}
        self.tout: dict[int, int] = {}
        clock = 0
        for root in sorted(c for c in tree.depth if c not in tree.parent):
            stack: list[tuple[int, bool]] = [(root, False)]
            while stack:
                c, done = stack.pop()
                if done:
                    self.tout[c] = clock
                    continue
                self.tin[c] = clock
                clock += 1
                stack.append((c, True))
                stack.extend((x, False) for x in children[c])

    def _component(self, node: Node) -> int:
        return self.tree.component[self.index[node]]

    def tree_of(self, node: Node) -> Any:
        root = self.tree.depth[self._component(node)][0]
        return lambda x: self.tree.depth[self._component(x)][0] == root

    def below(self, link: str) -> Any:
        c = self.child_of[link]
        lo, hi = self.tin[c], self.tout[c]
        return lambda x: lo <= self.tin[self._component(x)] < hi
