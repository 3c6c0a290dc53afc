"""The shared network index: the same index as indexing the networkx view,
made once per graph and again after the graph changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.algorithms.index import (
    _links_between,
    network_index,
    site_index,
    site_links,
    target_topology,
)
from planner.algorithms.routing import topology
from planner.analyses.bandwidth import site_demands
from planner.graph import build_graph, edge_list, network, site_network
from planner.load import load_inventory, load_target

ROOT = Path(__file__).parents[2]


def _kongsberg() -> Any:
    target = load_target(ROOT / "topologies/kongsberg-target.yaml")
    inv = load_inventory(ROOT / "inventories/kongsberg.yaml", target)
    return build_graph(inv.model), target.model


@pytest.mark.parametrize("planned", [False, True])
def test_site_index_is_the_index_of_the_site_network(planned: bool) -> None:
    G, _ = _kongsberg()
    topo = site_index(G, planned=planned)
    assert topo == topology(network(G, planned=planned))
    assert site_index(G, planned=planned) is topo  # made once, shared
    H = site_network(G, planned=planned)
    assert network_index(H) == topo
    assert network_index(H) is network_index(H)
    links = site_links(G, planned=planned)
    assert sorted(links) == sorted(k for _, _, k, _ in edge_list(H))


def test_bandwidth_routes_over_the_shared_index() -> None:
    G, target = _kongsberg()
    sites = site_demands(G, target)
    assert site_index(G, planned=True) is target_topology(G, sites)  # one object
    # the links in the order bandwidth read them before (G.edges order)
    assert list(site_links(G, planned=True)) == list(_links_between(G, set(sites)))


def test_site_index_follows_changes_and_unfrozen_networks(mini_graph: Any) -> None:
    G = mini_graph.copy()
    before = site_index(G)
    site = next(n for n, d in G.nodes(data=True) if d["kind"] == "site")
    G.add_node("extra-site", kind="site", municipality="x", status="active")
    G.add_edge(
        site,
        "extra-site",
        key="extra-link",
        kind="link",
        status="active",
        a=site,
        b="extra-site",
        metric=1.0,
        capacity=100.0,
    )
    after = site_index(G)
    assert "extra-link" in after.links and "extra-link" not in before.links
    H = network(G)  # not frozen: indexed afresh, never cached
    assert network_index(H) is not network_index(H)
    assert network_index(H) == after


def test_today_view_is_made_once_and_again_after_a_change(mini_graph: Any) -> None:
    """The gap analysis and a script asking again read one view; a link
    added (planned) is in the next one, left out as planned."""
    from planner.algorithms.index import today_view

    G = mini_graph.copy()
    first = today_view(G)
    assert today_view(G) is first
    # Two sites not yet adjacent: the views are made again when nodes or
    # adjacencies change (a parallel link is not watched, as documented).
    site, other = next(
        (u, v)
        for u, du in G.nodes(data=True)
        for v, dv in G.nodes(data=True)
        if du["kind"] == dv["kind"] == "site" and u < v and v not in G[u]
    )
    G.add_edge(
        site,
        other,
        key="extra-link",
        kind="link",
        status="planned",
        a=site,
        b=other,
        metric=1.0,
        capacity=100.0,
    )
    topo, planned = today_view(G)
    assert topo is not first[0] and "extra-link" in topo.links
    assert topo.links.index("extra-link") in planned
    assert planned - {topo.links.index("extra-link")} == {
        topo.links.index(k) for k in (first[0].links[i] for i in first[1])
    }


def test_the_script_of_docs_graph_runs(mini_graph: Any, capsys: Any) -> None:
    """The example of docs/graph.md, run on the mini region."""
    text = (ROOT / "docs/graph.md").read_text(encoding="utf-8")
    after = text.split("A script reads them the same way:", 1)[1]
    code = after.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "docs/graph.md", "exec"), {"G": mini_graph})
    assert capsys.readouterr().out == "['alpha-beta', 'beta-gamma']\n"


def test_today_view_answers_as_indexing_today(mini_graph: Any) -> None:
    """Redundancy and reachability over the target's index without its
    planned links give the gaps of today's network indexed on its own."""
    from planner.algorithms.index import today_view
    from planner.analyses.network import (
        find_datacenters,
        reachability_gaps,
        redundancy_gaps,
    )

    G, target = _kongsberg()
    graphs = []
    for base, count in ((G, 12), (mini_graph, 100)):
        for k in sorted(site_links(base))[:count]:  # each link planned in turn
            graph = base.copy()
            edge = next(
                d for _, _, key, d in graph.edges(keys=True, data=True) if key == k
            )
            edge["status"] = "planned"
            graphs.append(graph)
    for graph in graphs:
        topo, planned = today_view(graph)
        assert len(planned) == 1
        H = site_network(graph)
        dcs = find_datacenters(graph, target)
        view = (topo, planned)
        assert redundancy_gaps(H, target, dcs, view) == redundancy_gaps(H, target, dcs)
        assert reachability_gaps(H, dcs, view) == reachability_gaps(H, dcs)
