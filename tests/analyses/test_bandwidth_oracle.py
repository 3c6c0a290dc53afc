"""planner's routing against pyNTM, an independent traffic modeller.

pyNTM (tests/oracle) routes each demand over its IGP shortest paths with
per-hop ECMP; planner routes every demand at once over one DAG and
re-routes failures incrementally. On each topology both must give the same
utilisation on every link, in both directions, at baseline and after every
single link failure, to 1e-9.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.algorithms.failures import sweep
from planner.algorithms.routing import Routing, Topology, route, topology
from planner.analyses.bandwidth import analyse_bandwidth
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from tests.conftest import MINI, ROOT
from tests.oracle.client import model, run_oracle, standby_model
from tests.oracle.topologies import Link, hub_and_rings, to_graph


def _directions(topo: Topology, flow: dict[int, float], i: int) -> list[float]:
    f = flow[i] / topo.capacity[i]
    return [max(f, 0.0), max(-f, 0.0)]


def _planner(
    links: list[Link], demand: dict[str, float], dcs: list[str]
) -> dict[str | None, dict[str, list[float]]]:
    """Utilisation per scenario (None: baseline), link and direction."""
    topo = topology(to_graph(links))
    base = route(
        topo, [topo.index[d] for d in dcs], [demand.get(n, 0.0) for n in topo.nodes]
    )
    flows = dict(enumerate(base.flow))
    out = {None: {topo.links[i]: _directions(topo, flows, i) for i in flows}}
    for failure in sweep(topo, base):
        now = {**flows, **failure.flow}
        now.pop(failure.link)
        out[topo.links[failure.link]] = {
            topo.links[i]: _directions(topo, now, i) for i in now
        }
    return out


def _assert_same(links: list[Link], demand: dict[str, float], dcs: list[str]) -> None:
    failures: list[str | None] = [None, *(ln["id"] for ln in links)]
    oracle = run_oracle(model(links, demand, dcs, failures))
    ours = _planner(links, demand, dcs)
    assert len(oracle["results"]) == len(failures)
    for result in oracle["results"]:
        mine = ours[result["failed"]]
        for link, (ab, ba) in result["utilisation"].items():
            if link == result["failed"] or link not in mine:
                continue  # the failed link, or pyNTM's anycast links
            assert mine[link] == pytest.approx([ab, ba], abs=1e-9), (
                result["failed"],
                link,
            )


def _ecmp_unequal() -> tuple[list[Link], dict[str, float], list[str]]:
    """Per-hop ECMP over unequal branch counts, D the data centre::

        X - S = A == D      A reaches D over two parallel links of metric 2;
            S - B - C - D   B over C or E (metric 1 each): both 2 from D,
                B - E - D   so S (3 from D) has two next hops, A and B.

    S - D (metric 4) and C - E lie on no shortest path."""
    pairs = [("S", "A", 1), ("S", "B", 1), ("A", "D", 2), ("A", "D", 2)]
    pairs += [("B", "C", 1), ("B", "E", 1), ("C", "D", 1), ("E", "D", 1)]
    pairs += [("X", "S", 1), ("Y", "B", 1), ("C", "E", 1), ("S", "D", 4)]
    links = [
        {"id": f"{a}-{b}-{i}", "a": a, "b": b, "capacity": 10.0, "metric": w}
        for i, (a, b, w) in enumerate(pairs)
    ]
    return links, {"S": 12.0, "X": 4.0, "Y": 2.0, "C": 1.0}, ["D"]


def test_ecmp_unequal_branches_by_hand() -> None:
    links, demand, _ = _ecmp_unequal()
    topo = topology(to_graph(links))
    base: Routing = route(
        topo, [topo.index["D"]], [demand.get(n, 0.0) for n in topo.nodes]
    )
    flow = {topo.links[i]: f for i, f in enumerate(base.flow)}
    # S carries 12 + 4 (from X) = 16: 8 via A (4 on each parallel link), 8 via B,
    # which adds Y's 2: 10, split 5 to C and 5 to E; C adds its own 1. Split
    # per end-to-end path instead, S's four paths would carry 4 each.
    assert abs(flow["S-A-0"]) == 8 and abs(flow["S-B-1"]) == 8
    assert abs(flow["A-D-2"]) == abs(flow["A-D-3"]) == 4
    assert abs(flow["B-C-4"]) == abs(flow["B-E-5"]) == 5
    assert abs(flow["C-D-6"]) == 6 and abs(flow["E-D-7"]) == 5
    assert flow["C-E-10"] == 0 and flow["S-D-11"] == 0


def test_oracle_ecmp_unequal_branches() -> None:
    _assert_same(*_ecmp_unequal())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_oracle_hub_and_rings(seed: int) -> None:
    _assert_same(*hub_and_rings(60, seed))


@pytest.mark.parametrize("seed", [1, 2])
def test_oracle_risk_groups_and_site_failures(seed: int) -> None:
    """Shared-risk groups (pyNTM's SRLGs) and node failures, routed from
    scratch by planner.analyses.risks, against pyNTM: five groups of two or
    three random links, and every site but the data centres."""
    import random

    from planner.analyses.risks import route_without

    links, demand, dcs = hub_and_rings(60, seed)
    rng = random.Random(seed)
    groups = {
        f"trench-{g}": sorted(ln["id"] for ln in rng.sample(links, rng.choice([2, 3])))
        for g in range(5)
    }
    nodes = sorted({ln["a"] for ln in links} | {ln["b"] for ln in links} - set(dcs))
    failures: list[Any] = [{"srlg": g, "links": ids} for g, ids in groups.items()]
    failures += [{"node": n} for n in nodes]
    oracle = run_oracle(model(links, demand, dcs, failures))
    topo = topology(to_graph(links))
    sinks = [topo.index[d] for d in dcs]
    vector = [demand.get(n, 0.0) for n in topo.nodes]
    for result in oracle["results"]:
        failed = result["failed"]
        if "srlg" in failed:
            down = frozenset(topo.links.index(x) for x in failed["links"])
            flow, _ = route_without(topo, sinks, vector, down)
        else:
            flow, _ = route_without(
                topo, sinks, vector, node=topo.index[failed["node"]]
            )
        flows = dict(enumerate(flow))
        for link, (ab, ba) in result["utilisation"].items():
            if ab is None or link not in topo.links:
                continue  # down, or pyNTM's anycast links
            i = topo.links.index(link)
            assert _directions(topo, flows, i) == pytest.approx([ab, ba], abs=1e-9), (
                failed,
                link,
            )


def _inventory_case(
    path: Any, target: Any
) -> tuple[Any, list[Link], dict[str, float], Any]:
    from planner.analyses.bandwidth import site_demands, target_topology
    from planner.analyses.network import find_datacenters

    tgt = load_target(target)
    G = build_graph(load_inventory(path, tgt).model)
    demand = site_demands(G, tgt.model)
    topo = target_topology(G, demand)
    links = [
        {
            "id": topo.links[i],
            "a": topo.nodes[a],
            "b": topo.nodes[b],
            "capacity": topo.capacity[i],
            "metric": topo.metric[i],
        }
        for i, (a, b) in enumerate(topo.ends)
    ]
    dcs = [d for d in find_datacenters(G, tgt.model) if d in topo.index]
    p, s = tgt.model.datacenters.primary, tgt.model.datacenters.secondary
    standby = None if p is None or s is None else (p, s, tgt.model.network.replication)
    return (
        analyse_bandwidth(G, tgt.model, failures="n-1"),
        links,
        demand,
        (dcs, standby),
    )


def _to_secondary(
    links: list[Link], failed: Any, primary: str, secondary: str
) -> frozenset[str]:
    """The nodes a failure cuts off from the primary that still reach the
    secondary, found with networkx alone (independent of planner's routing)."""
    import networkx as nx

    H: nx.MultiGraph[Any] = nx.MultiGraph()
    down: set[str] = set()
    if isinstance(failed, str):
        down = {failed}
    elif isinstance(failed, dict) and "srlg" in failed:
        down = set(failed["links"])
    for ln in links:
        H.add_node(ln["a"])
        H.add_node(ln["b"])
        if ln["id"] not in down:
            H.add_edge(ln["a"], ln["b"], key=ln["id"])
    if isinstance(failed, dict) and "node" in failed:
        H.remove_node(failed["node"])
    return frozenset(
        nx.node_connected_component(H, secondary)
        - nx.node_connected_component(H, primary)
    )


def _standby_oracle(
    links: list[Link],
    demand: dict[str, float],
    standby: tuple[str, str, float],
    failures: list[Any],
) -> list[dict[str, Any]]:
    """pyNTM's results for every failure, in order, with the demands of the
    standby rule: one pyNTM run per set of nodes sent to the secondary."""
    groups: dict[frozenset[str], list[int]] = {}
    for i, failed in enumerate(failures):
        key = _to_secondary(links, failed, standby[0], standby[1])
        groups.setdefault(key, []).append(i)
    out: list[dict[str, Any]] = [{} for _ in failures]
    for key, ix in sorted(groups.items(), key=lambda kv: kv[1]):
        chosen = [failures[i] for i in ix]
        result = run_oracle(standby_model(links, demand, standby, set(key), chosen))
        for i, r in zip(ix, result["results"], strict=True):
            out[i] = r
    return out


@pytest.mark.parametrize(
    ("inventory", "target", "replication"),
    [
        (MINI, None, None),
        (
            ROOT / "inventories/kongsberg.yaml",
            ROOT / "topologies/kongsberg-target.yaml",
            None,
        ),
        (
            ROOT / "inventories/kongsberg.yaml",
            ROOT / "topologies/kongsberg-target.yaml",
            "500 Mbit/s",
        ),
    ],
)
def test_oracle_inventory_report(
    inventory: Any, target: Any, replication: str | None, tmp_path: Any
) -> None:
    """The report's baseline and worst utilisation per link, against pyNTM
    run over every failure. Kongsberg names a primary and a secondary: pyNTM
    gets the demands to the primary, and for a failure cutting sites off
    from it, theirs to the secondary, and the replication between the two."""
    if replication is not None:
        text = target.read_text(encoding="utf-8")
        target = tmp_path / "target.yaml"
        target.write_text(
            text.replace("network:\n", f"network:\n  replication: {replication}\n", 1),
            encoding="utf-8",
        )
    report, links, demand, (dcs, standby) = _inventory_case(inventory, target)
    failures: list[str | None] = [None, *(ln["id"] for ln in links)]
    if standby is None:
        results = run_oracle(model(links, demand, dcs, failures))["results"]
    else:
        results = _standby_oracle(links, demand, standby, failures)
        assert report.replication_mbps == (0.0 if replication is None else 500.0)
        assert any(  # a failure that sends sites to the secondary is covered
            _to_secondary(links, f, standby[0], standby[1]) for f in failures
        )
    base = results[0]["utilisation"]
    for ln in report.links:
        assert ln.utilisation == pytest.approx(max(base[ln.id]), abs=1e-9), ln.id
        worst = max(
            max(r["utilisation"][ln.id]) for r in results if r["failed"] != ln.id
        )
        assert ln.worst_utilisation == pytest.approx(worst, abs=1e-9), ln.id


@pytest.mark.parametrize("seed", [1])
def test_oracle_standby_failures(seed: int) -> None:
    """The secondary on standby with replication, routed from scratch by
    planner.analyses.standby, against pyNTM under every link, SRLG and node
    failure: among the SRLGs one cuts the primary's hub off the core, so the
    secondary takes everyone but the primary's own rings."""
    import random

    from planner.analyses.standby import Standby, route_standby, with_replication

    links, demand, (p, s) = hub_and_rings(60, seed)
    rng = random.Random(seed)
    groups = {
        f"trench-{g}": sorted(ln["id"] for ln in rng.sample(links, rng.choice([2, 3])))
        for g in range(5)
    }
    hubs = {ln["a"] for ln in links if ln["a"].startswith("hub")}
    groups["core"] = sorted(
        ln["id"]
        for ln in links
        if p in (ln["a"], ln["b"]) and {ln["a"], ln["b"]} <= hubs
    )
    nodes = sorted(({ln["a"] for ln in links} | {ln["b"] for ln in links}) - {p, s})
    failures: list[Any] = [None, *(ln["id"] for ln in links)]
    failures += [{"srlg": g, "links": ids} for g, ids in groups.items()]
    failures += [{"node": n} for n in nodes]
    results = _standby_oracle(links, demand, (p, s, 300.0), failures)
    topo = topology(to_graph(links))
    sb = Standby(topo.index[p], topo.index[s], 300.0)
    vector = with_replication(sb, [demand.get(n, 0.0) for n in topo.nodes])
    sent = 0
    for failed, result in zip(failures, results, strict=True):
        down: frozenset[int] = frozenset()
        node = None
        if isinstance(failed, str):
            down = frozenset({topo.links.index(failed)})
        elif isinstance(failed, dict) and "srlg" in failed:
            down = frozenset(topo.links.index(x) for x in failed["links"])
        elif isinstance(failed, dict):
            node = topo.index[failed["node"]]
        flow, _ = route_standby(topo, sb, vector, {}, down, node)
        sent += bool(_to_secondary(links, failed, p, s))
        flows = dict(enumerate(flow))
        for link, (ab, ba) in result["utilisation"].items():
            if ab is None:
                continue  # down
            i = topo.links.index(link)
            assert _directions(topo, flows, i) == pytest.approx([ab, ba], abs=1e-9), (
                failed,
                link,
            )
    assert sent >= 1  # the core SRLG at least


def test_missing_oracle_fails_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """No silent skip: a missing .venv-oracle fails and says what to run,
    unless PLANNER_NO_ORACLE=1 asks to skip."""
    import tests.oracle.client as client

    monkeypatch.setattr(client, "ORACLE_PYTHON", ROOT / "no-such-venv" / "python")
    monkeypatch.delenv("PLANNER_NO_ORACLE", raising=False)
    with pytest.raises(pytest.fail.Exception, match="run `make test`"):
        client.oracle_python()
    monkeypatch.setenv("PLANNER_NO_ORACLE", "1")
    with pytest.raises(pytest.skip.Exception):
        client.oracle_python()
