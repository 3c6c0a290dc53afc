from __future__ import annotations

from typing import Any

from planner.graph import network


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
