from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from planner.graph import build_graph, edge_list, network, nodes_of, site_network
from planner.load import load_inventory
from tests.conftest import ROOT, write_national


def test_graph_schema(mini_graph: Any) -> None:
    G = mini_graph
    assert G.graph["region"] == "mini"
    assert G.nodes["alpha-radhus"]["kind"] == "site"
    assert G.nodes["alpha-radhus"]["municipality"] == "alpha"
    assert G.nodes["municipality:beta"]["population"] == 3000
    assert G.nodes["server:alpha-srv"]["count"] == 2
    assert G.nodes["system:beta-lonn"]["hosted_by"] == "alpha"
    assert G.has_edge("system:beta-lonn", "municipality:alpha")
    assert G.has_edge("system:alpha-mail", "service:email")
    link = G.edges["beta-radhus", "gamma-radhus", "beta-gamma"]
    assert link["capacity"] == 100.0
    assert link["medium"] == "radio"
    assert link["availability"] is None


def test_network_view_keeps_sites_and_links_only(mini_graph: Any) -> None:
    H = network(mini_graph)
    assert "internet" not in H
    assert "server:alpha-srv" not in H
    assert H.number_of_nodes() == 6
    assert sorted(k for _, _, k in H.edges(keys=True)) == [
        "alpha-beta",
        "alpha-skole-link",
        "beta-gamma",
        "beta-omsorg-link",
    ]
    assert network(mini_graph, internet=True).degree("internet") == 2


def test_nodes_of_and_edge_list_match_networkx_views(mini_graph: Any) -> None:
    G = mini_graph
    for kind in ("site", "municipality", "system", "server", "service", "internet"):
        expected = [(n, d) for n, d in G.nodes(data=True) if d["kind"] == kind]
        assert list(nodes_of(G, kind)) == expected
    for graph in (G, network(G), network(G, planned=True, internet=True)):
        assert edge_list(graph) == list(graph.edges(keys=True, data=True))


def test_site_network_is_shared_frozen_and_follows_changes(mini_graph: Any) -> None:
    G = mini_graph.copy()
    H = site_network(G, planned=True)
    assert site_network(G, planned=True) is H
    fresh = network(G, planned=True)
    assert sorted(H.edges(keys=True)) == sorted(fresh.edges(keys=True))
    with pytest.raises(nx.NetworkXError):
        H.remove_node(next(iter(H)))
    site = next(n for n, d in G.nodes(data=True) if d["kind"] == "site")
    G.add_node("extra-site", kind="site", municipality="x", status="active")
    G.add_edge(site, "extra-site", key="extra-link", kind="link", status="active")
    assert "extra-link" in {k for _, _, k in site_network(G).edges(keys=True)}


def test_release_empties_the_inventory_and_builds_the_same_graph() -> None:
    path = ROOT / "inventories" / "kongsberg.yaml"
    kept = build_graph(load_inventory(path).model)
    inventory = load_inventory(path).model
    released = build_graph(inventory, release=True)
    assert inventory.municipalities == []  # each dropped as it was copied
    assert list(released.nodes(data=True)) == list(kept.nodes(data=True))
    assert list(released.edges(keys=True, data=True)) == list(
        kept.edges(keys=True, data=True)
    )
    # The edges between objects share one attribute dict per kind.
    has = [d for _, _, d in released.edges(data=True) if d["kind"] == "has"]
    assert len(has) > 1 and all(d is has[0] for d in has)


def test_release_network_moves_only_the_sites_and_links() -> None:
    """``release="network"`` (the plan's): the same graph; the sites and
    links leave the inventory, the municipalities, servers and systems stay."""
    path = ROOT / "inventories" / "kongsberg.yaml"
    kept = build_graph(load_inventory(path).model)
    whole = load_inventory(path).model
    inventory = load_inventory(path).model
    released = build_graph(inventory, release="network")
    assert list(released.nodes(data=True)) == list(kept.nodes(data=True))
    assert list(released.edges(keys=True, data=True)) == list(
        kept.edges(keys=True, data=True)
    )
    assert inventory.links == [] and whole.links != []
    for m, w in zip(inventory.municipalities, whole.municipalities, strict=True):
        assert m.sites == [] and m.links == [] and w.sites != []
        assert (m.id, m.servers, m.systems) == (w.id, w.servers, w.systems)


def _reports(path: Path, structure: bool) -> tuple[str, str]:
    from planner.analyses.gaps import analyse
    from planner.load import load_target
    from planner.render.text.bandwidth import bandwidth_json
    from planner.render.text.gaps import gaps_json

    target = load_target(None)
    inventory = load_inventory(path, target).model
    analysis = analyse(
        inventory, target.model, failures="n-1+sites", structure=structure
    )
    return gaps_json(analysis.gaps), bandwidth_json(analysis.bandwidth)


@pytest.mark.parametrize(
    "name", ["kongsberg.yaml", "melhus.yaml", "kongsberg-2008.yaml", "national"]
)
def test_the_analyses_walk_no_object_edges(
    name: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``gap`` and ``bandwidth`` build their graph without the edges between
    objects (``structure=False``): every analysis must give the same."""
    if name == "national":
        path = write_national(
            tmp_path_factory.mktemp("structure") / "national.yaml", 12
        )
    else:
        path = ROOT / "inventories" / name
    lean = build_graph(load_inventory(path).model, structure=False)
    assert {d["kind"] for _, _, d in lean.edges(data=True)} == {"link"}
    whole, links_only = _reports(path, True), _reports(path, False)
    assert '"kind": "capacity"' in whole[0] or '"kind": "redundancy"' in whole[0]
    assert whole == links_only
