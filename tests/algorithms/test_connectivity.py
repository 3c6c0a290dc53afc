"""Bridges, bridge-tree paths, cuts and components over the network index,
against networkx as an oracle."""

from __future__ import annotations

import random
from collections.abc import Iterable

import networkx as nx
import pytest

from planner.algorithms.connectivity import (
    bridge_tree,
    components,
    disjoint_paths,
    find_bridges,
    min_cut,
)
from planner.algorithms.routing import Topology, index_network

Edges = list[tuple[str, str, str]]


def _name(i: int) -> str:
    return f"n{i:02d}"  # sorted names in number order


def _random_multigraph(seed: int) -> Edges:
    rng = random.Random(seed)
    edges = [(_name(i), _name(rng.randrange(i)), f"t{i:02d}") for i in range(1, 40)]
    edges += [
        (*map(_name, rng.sample(range(40), 2)), f"x{j:02d}")
        for j in range(rng.randrange(0, 30))
    ]
    return edges


def _index(edges: Edges, nodes: Iterable[str] = ()) -> Topology:
    names = {*nodes, *(u for u, _, _ in edges), *(v for _, v, _ in edges)}
    return index_network(names, ((k, u, v, 1.0, 1.0) for u, v, k in edges))


def _ids(topo: Topology, links: Iterable[int]) -> set[str]:
    return {topo.links[i] for i in links}


def _down(topo: Topology, ids: Iterable[str]) -> frozenset[int]:
    return frozenset(topo.links.index(k) for k in ids)


@pytest.mark.parametrize("seed", range(30))
def test_find_bridges_matches_networkx(seed: int) -> None:
    edges = _random_multigraph(seed)
    G = nx.MultiGraph()
    G.add_edges_from((u, v, k) for u, v, k in edges)
    expected = {
        next(iter(G[u][v])) for u, v in nx.bridges(G)
    }  # a bridge of a multigraph has exactly one edge
    topo = _index(edges)
    assert _ids(topo, find_bridges(topo)) == expected


@pytest.mark.parametrize("seed", range(15))
def test_links_down_are_as_if_never_there(seed: int) -> None:
    """``down`` answers as the index of the network without those links."""
    edges = _random_multigraph(seed)
    rng = random.Random(seed)
    gone = {k for _, _, k in rng.sample(edges, 8)}
    topo = _index(edges)
    rest = _index([e for e in edges if e[2] not in gone], topo.nodes)
    down = _down(topo, gone)
    assert _ids(topo, find_bridges(topo, down)) == _ids(rest, find_bridges(rest))
    label, expected = components(topo, down), components(rest)
    assert len(set(label)) == len(set(expected))
    for a in range(len(topo.nodes)):
        for b in range(len(topo.nodes)):
            assert (label[a] == label[b]) == (expected[a] == expected[b])
    for _ in range(5):
        s, t = rng.sample(range(len(topo.nodes)), 2)
        count, cut = min_cut(topo, s, [t], down)
        assert (count, _ids(topo, cut)) == (
            min_cut(rest, s, [t])[0],
            _ids(rest, min_cut(rest, s, [t])[1]),
        )
        tree, other = bridge_tree(topo, down), bridge_tree(rest)
        path, want = tree.path(s, t), other.path(s, t)
        assert (path is None) == (want is None)
        assert _ids(topo, path or ()) == _ids(rest, want or ())
        paths = disjoint_paths(topo, s, [t], down)
        assert len(paths) == count
        assert not {k for p in paths for k, _, _ in p} & down


def test_parallel_links_are_not_bridges() -> None:
    topo = _index([("a", "b", "one"), ("a", "b", "two"), ("b", "c", "three")])
    assert _ids(topo, find_bridges(topo)) == {"three"}


def test_bridge_tree_path() -> None:
    # a-b-c triangle, c-d bridge, d-e bridge; f apart
    edges = [("a", "b", "ab"), ("b", "c", "bc"), ("c", "a", "ca"), ("c", "d", "cd")]
    edges.append(("d", "e", "de"))
    topo = _index(edges, ["f"])
    ix = topo.index
    tree = bridge_tree(topo)
    assert tree.path(ix["a"], ix["b"]) == []
    assert [topo.links[i] for i in tree.path(ix["e"], ix["a"]) or ()] == ["cd", "de"]
    assert tree.path(ix["e"], ix["d"]) == [topo.links.index("de")]
    assert tree.path(ix["a"], ix["f"]) is None


@pytest.mark.parametrize("seed", range(20))
def test_joined_nodes_are_one_sink(seed: int) -> None:
    """Bridges to joined nodes are those to a super-sink tied to each of
    them by two parallel links (networkx's bridges of that graph)."""
    edges = _random_multigraph(seed)
    rng = random.Random(seed)
    sinks = sorted(rng.sample(sorted({u for u, _, _ in edges}), 3))
    G = nx.MultiGraph()
    G.add_edges_from((u, v, k) for u, v, k in edges)
    for s in sinks:
        G.add_edges_from([("SINK", s, f"sink-{s}-1"), ("SINK", s, f"sink-{s}-2")])
    oracle = bridge_tree(_index([(u, v, k) for u, v, k in G.edges(keys=True)]))
    topo = _index(edges)
    tree = bridge_tree(topo, joined=[topo.index[s] for s in sinks])
    joined = _index([(u, v, k) for u, v, k in G.edges(keys=True)])
    for x in range(len(topo.nodes)):
        path = tree.path(x, topo.index[sinks[0]])
        want = oracle.path(joined.index[topo.nodes[x]], joined.index["SINK"])
        assert (path is None) == (want is None)
        assert _ids(topo, path or ()) == _ids(joined, want or ())
        if topo.nodes[x] in sinks:
            continue
        count, cut = min_cut(topo, x, [topo.index[s] for s in sinks])
        assert (count, [topo.links[i] for i in cut]) == _networkx_cut(
            edges, topo.nodes[x], *sinks
        )


def _simple(edges: Iterable[tuple[str, str, str]]) -> nx.Graph[str]:
    simple: nx.Graph[str] = nx.Graph()
    for u, v, _ in edges:
        w = simple.get_edge_data(u, v, {"capacity": 0})["capacity"]
        simple.add_edge(u, v, capacity=w + 1)
    return simple


def _networkx_cut(edges: Edges, source: str, *sinks: str) -> tuple[int, list[str]]:
    """What the redundancy analysis computed before: a max flow and
    ``minimum_cut`` on the simple graph with parallel links as capacity
    (several sinks tied to one by links no cut takes)."""
    simple = _simple(edges)
    for s in sinks:
        simple.add_edge(s, "SINK", capacity=len(edges) + 1)
    value, (side, _) = nx.minimum_cut(simple, source, "SINK")
    cut = sorted({k for u, v, k in edges if (u in side) != (v in side)})
    return round(value), cut


@pytest.mark.parametrize("seed", range(40))
def test_min_cut_matches_networkx(seed: int) -> None:
    """Path counts and the cut nearest the sink, pair by pair, on random
    multigraphs with parallel links and cycles (networkx as the oracle)."""
    edges = _random_multigraph(seed)
    topo = _index(edges)
    rng = random.Random(seed)
    for _ in range(5):
        s, t = rng.sample(range(40), 2)
        count, cut = min_cut(topo, s, [t])
        assert (count, [topo.links[i] for i in cut]) == _networkx_cut(
            edges, topo.nodes[s], topo.nodes[t]
        )
        assert disjoint_paths(topo, s, [s]) == []
        paths = disjoint_paths(topo, s, [t])
        assert len(paths) == count
        used = [link for path in paths for link, _, _ in path]
        assert len(used) == len(set(used))  # edge-disjoint
        for path in paths:  # each a walk from s to t along its links
            at = s
            for link, u, v in path:
                assert u == at and {u, v} == set(topo.ends[link])
                at = v
            assert at == t
