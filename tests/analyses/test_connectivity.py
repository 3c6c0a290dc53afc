"""Bridges and bridge-tree paths against networkx as an oracle."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from planner.analyses.connectivity import (
    adjacency,
    bridge_tree,
    disjoint_paths,
    find_bridges,
    min_cut,
)


def _random_multigraph(seed: int) -> list[tuple[int, int, str]]:
    rng = random.Random(seed)
    edges = [(i, rng.randrange(i), f"t{i}") for i in range(1, 40)]
    edges += [(*rng.sample(range(40), 2), f"x{j}") for j in range(rng.randrange(0, 30))]
    return edges


@pytest.mark.parametrize("seed", range(30))
def test_find_bridges_matches_networkx(seed: int) -> None:
    edges = _random_multigraph(seed)
    G = nx.MultiGraph()
    G.add_edges_from((u, v, k) for u, v, k in edges)
    expected = {
        next(iter(G[u][v])) for u, v in nx.bridges(G)
    }  # a bridge of a multigraph has exactly one edge
    assert find_bridges(adjacency(edges)) == expected


def test_parallel_links_are_not_bridges() -> None:
    edges = [("a", "b", "one"), ("a", "b", "two"), ("b", "c", "three")]
    assert find_bridges(adjacency(edges)) == {"three"}


def test_bridge_tree_path() -> None:
    # a-b-c triangle, c-d bridge, d-e bridge; f apart
    edges = [("a", "b", "ab"), ("b", "c", "bc"), ("c", "a", "ca"), ("c", "d", "cd")]
    edges.append(("d", "e", "de"))
    tree = bridge_tree(adjacency(edges, ["f"]))
    assert tree.path("a", "b") == []
    assert tree.path("e", "a") == ["cd", "de"]
    assert tree.path("e", "d") == ["de"]
    assert tree.path("a", "f") is None


def _networkx_cut(
    edges: list[tuple[int, int, str]], source: int, sink: int
) -> tuple[int, list[str]]:
    """What the redundancy analysis computed before: a max flow and
    ``minimum_cut`` on the simple graph with parallel links as capacity."""
    simple: nx.Graph[int] = nx.Graph()
    for u, v, _ in edges:
        w = simple.get_edge_data(u, v, {"capacity": 0})["capacity"]
        simple.add_edge(u, v, capacity=w + 1)
    value, (side, _) = nx.minimum_cut(simple, source, sink)
    cut = sorted({k for u, v, k in edges if (u in side) != (v in side)})
    return round(value), cut


@pytest.mark.parametrize("seed", range(40))
def test_min_cut_matches_networkx(seed: int) -> None:
    """Path counts and the cut nearest the sink, pair by pair, on random
    multigraphs with parallel links and cycles (networkx as the oracle)."""
    edges = _random_multigraph(seed)
    adj = adjacency(edges)
    rng = random.Random(seed)
    for _ in range(5):
        source, sink = rng.sample(range(40), 2)
        assert min_cut(adj, source, sink) == _networkx_cut(edges, source, sink)
        paths = disjoint_paths(adj, source, [sink])
        assert len(paths) == min_cut(adj, source, sink)[0]
        used = [link for path in paths for link, _, _ in path]
        assert len(used) == len(set(used))  # edge-disjoint
