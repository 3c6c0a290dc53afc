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
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from planner.analyses.connectivity import Adjacency, BridgeTree, adjacency, bridge_tree
from planner.analyses.network import find_datacenters, town_halls
from planner.graph import site_network
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

Node = Hashable
SINK = ("datacentres",)  # a node key no site can have
Cut = tuple[frozenset[int], int]
"""(candidate indices crossing the cut, how many of them are needed)."""


@dataclass(frozen=True)
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
    links = [(u, v, k) for u, v, k in H.edges(keys=True)]
    dcs = [dc for dc in find_datacenters(G, target) if dc in H]
    halls = town_halls(H)
    layers = []
    need = target.network.backbone.redundancy
    if dcs:
        copies = max(need, 2)
        sink = [(SINK, dc, f"{SINK[0]}:{dc}:{i}") for dc in dcs for i in range(copies)]
        reqs = [
            Requirement(th, "backbone", th, SINK, need)
            for th in sorted(halls.values())
            if th not in dcs
        ]
        layers.append(_layer("backbone", [*links, *sink], [*H, SINK], usable, reqs))
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
    layers.append(_layer("access", links, list(H), usable, reqs))
    return layers, warnings


def _layer(
    cls: str,
    links: list[tuple[Node, Node, str]],
    nodes: list[Node],
    candidates: dict[int, tuple[Node, Node]],
    reqs: list[Requirement],
) -> Layer:
    if max((r.need for r in reqs), default=0) > 2:
        return Layer(cls, links, dict(candidates), reqs, set(nodes))
    adj = adjacency(links, nodes)
    tree = bridge_tree(adj)
    reqs = [r for r in reqs if _paths(tree, r) < r.need]  # the rest hold today
    comp: dict[Node, Node] = {n: ("c", tree.component[n]) for n in adj}
    bridges = {k for c, (_, k) in tree.parent.items()}
    kept = [(comp[u], comp[v], k) for u, v, k in links if k in bridges]
    cands = {i: (comp[a], comp[b]) for i, (a, b) in candidates.items()}
    cands = {i: (a, b) for i, (a, b) in cands.items() if a != b}
    reqs = [
        Requirement(r.site, r.cls, comp[r.source], comp[r.sink], r.need) for r in reqs
    ]
    keep = {r.source for r in reqs} | {r.sink for r in reqs}
    keep |= {end for ends in cands.values() for end in ends}
    kept, left = _prune(kept, set(comp.values()), keep)
    return Layer(cls, kept, cands, reqs, left)


def _paths(tree: BridgeTree, r: Requirement) -> int:
    """Edge-disjoint paths of ``r`` in a bridge tree, counted up to two."""
    path = tree.path(r.source, r.sink)
    return 0 if path is None else (1 if path else 2)


def prune(layer: Layer) -> Layer:
    """``layer`` without the trees that no requirement or candidate reaches."""
    keep = {r.source for r in layer.requirements} | {r.sink for r in layer.requirements}
    keep |= {end for ends in layer.candidates.values() for end in ends}
    links, nodes = _prune(layer.links, layer.nodes, keep)
    return Layer(layer.cls, links, layer.candidates, layer.requirements, nodes)


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


@dataclass(frozen=True)
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

    def _graph(self, picked: list[int]) -> Adjacency:
        cands = self.layer.candidates
        extra = [(*cands[i], _cid(i)) for i in picked]
        return adjacency([*self.layer.links, *extra], self.layer.nodes)

    def _check_bridges(self, picked: list[int]) -> list[Check]:
        tree = bridge_tree(self._graph(picked))
        euler = _Euler(tree)
        out = []
        for r in self.layer.requirements:
            path = tree.path(r.source, r.sink)
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
            out.append(Check(paths, tuple(cuts), tuple(path or ())))
        return out

    def _crossing(self, inside: Any) -> frozenset[int]:
        return frozenset(
            i for i, (a, b) in self.layer.candidates.items() if inside(a) != inside(b)
        )

    def _check_flow(self, picked: list[int]) -> list[Check]:
        simple: nx.Graph[Any] = nx.Graph()
        simple.add_nodes_from(self.layer.nodes)
        cands = self.layer.candidates
        for u, v in [(u, v) for u, v, _ in self.layer.links] + [
            cands[i] for i in picked
        ]:
            w = simple.get_edge_data(u, v, {"capacity": 0})["capacity"]
            simple.add_edge(u, v, capacity=w + 1)
        out = []
        for r in self.layer.requirements:
            value, (side, _) = nx.minimum_cut(simple, r.source, r.sink)
            paths = min(round(value), r.need)
            cuts: list[Cut] = []
            if paths < r.need:
                have = sum(
                    1 for u, v, _ in self.layer.links if (u in side) != (v in side)
                )
                cuts.append((self._crossing(side.__contains__), r.need - have))
            out.append(Check(paths, tuple(cuts), ()))
        return out


_CAND = "candidate:"


def _cid(i: int) -> str:
    return f"{_CAND}{i}"


def candidate_index(link: str) -> int | None:
    """The candidate index of a link id made by the evaluator, else None."""
    return int(link[len(_CAND) :]) if link.startswith(_CAND) else None


class _Euler:
    """Subtree membership in a bridge forest by entry/exit numbers."""

    def __init__(self, tree: BridgeTree) -> None:
        self.tree = tree
        children: dict[int, list[int]] = defaultdict(list)
        self.child_of: dict[str, int] = {}
        for c, (p, link) in tree.parent.items():
            children[p].append(c)
            self.child_of[link] = c
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

    def tree_of(self, node: Node) -> Any:
        root = self.tree.depth[self.tree.component[node]][0]
        return lambda x: self.tree.depth[self.tree.component[x]][0] == root

    def below(self, link: str) -> Any:
        c = self.child_of[link]
        lo, hi = self.tin[c], self.tout[c]
        return lambda x: lo <= self.tin[self.tree.component[x]] < hi
