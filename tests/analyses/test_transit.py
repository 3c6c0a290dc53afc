"""Non-transit links: the worked example of planner/analyses/transit.py by
hand, and random networks against per-source routing."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.algorithms.routing import INF, Topology, index_network, route
from planner.analyses.bandwidth import analyse_bandwidth, site_demands
from planner.analyses.gaps import find_gaps
from planner.analyses.transit import (
    route_transit,
    served_ends,
    served_index,
    transit_outages,
)
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from tests.conftest import DATA

# E - A - D, E - T - D; E-T carries only E's traffic (E is no hub).
LINKS = [
    ("ea", "E", "A", 1.0, 100.0),
    ("ad", "A", "D", 1.0, 100.0),
    ("et", "E", "T", 1.0, 100.0),
    ("td", "T", "D", 1.0, 100.0),
]


def _example() -> tuple[Topology, dict[int, tuple[int, ...]], list[float], list[int]]:
    topo = index_network("ADET", LINKS)
    hubs = {"A", "D", "T"}  # town halls and the data centre
    ends = served_ends([("et", "E", "T", False), ("ea", "E", "A", True)], hubs)
    assert ends == {"et": ("E",)}
    served = served_index(topo, ends)
    demand = [12.0 if n in "ET" else 0.0 for n in topo.nodes]
    return topo, served, demand, [topo.index["D"]]


def _by_name(topo: Topology, flow: list[float]) -> dict[str, float]:
    return {k: abs(f) for k, f in zip(topo.links, flow, strict=True)}


def test_route_transit_baseline_by_hand() -> None:
    topo, served, demand, sinks = _example()
    flow, dist = route_transit(topo, sinks, demand, served)
    assert _by_name(topo, flow) == {"ea": 6.0, "ad": 6.0, "et": 6.0, "td": 18.0}
    assert dist == [1.0, 0.0, 2.0, 1.0]  # A D E T


def test_route_transit_failure_cuts_the_hub_off() -> None:
    topo, served, demand, sinks = _example()
    td = frozenset({topo.links.index("td")})
    flow, dist = route_transit(topo, sinks, demand, served, td)
    loads = _by_name(topo, flow)
    assert (loads["ea"], loads["ad"], loads["et"]) == (12.0, 12.0, 0.0)
    assert dist[topo.index["T"]] == INF
    # without the flag T would come round through E: E-A carries 24
    plain = route(topo, sinks, demand)
    assert plain.flow[topo.links.index("ea")] != 0


def test_transit_outages_name_the_failure() -> None:
    topo, served, demand, sinks = _example()
    outs = {
        o.failed: o
        for o in transit_outages(topo, sinks, demand, served, {}, sites=True)
    }
    td = outs[("link", "td")]
    assert [topo.nodes[x] for x in td.unreachable] == ["T"]
    assert td.load[topo.links.index("ea")] == 12.0
    # site E down: its 12 gone, T's 12 stay on T-D
    e = outs[("site", "E")]
    assert e.load[topo.links.index("td")] == 12.0
    assert ("site", "D") not in outs


def test_no_non_transit_links_is_plain_routing() -> None:
    topo, _, demand, sinks = _example()
    flow, _ = route_transit(topo, sinks, demand, {})
    assert flow == pytest.approx(route(topo, sinks, demand).flow)


def _per_source(
    n: int,
    links: list[tuple[str, str, str, float, float]],
    nt: dict[str, tuple[str, ...]],
    sinks: list[str],
    demand: dict[str, float],
) -> dict[str, float]:
    """Route each site's demand alone in the network where the non-transit
    links not serving it are gone (a shortest path never returns to its
    source, so its own links are only ever its first hop)."""
    total = {k: 0.0 for k, *_ in links}
    nodes = [f"n{i}" for i in range(n)]
    for src in nodes:
        keep = [ln for ln in links if ln[0] not in nt or src in nt[ln[0]]]
        topo = index_network(nodes, keep)
        vec = [demand[src] if x == src else 0.0 for x in topo.nodes]
        r = route(topo, [topo.index[s] for s in sinks], vec)
        for k, f in zip(topo.links, r.flow, strict=True):
            total[k] += f
    return total


@pytest.mark.parametrize("seed", range(40))
def test_route_transit_matches_per_source_routing(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(4, 9)
    links = []
    for i in range(1, n):  # a spanning tree, then extra links
        links.append(
            (f"l{i}", f"n{rng.randrange(i)}", f"n{i}", rng.choice([1.0, 2.0]), 1.0)
        )
    for j in range(rng.randint(1, n)):
        a, b = rng.sample(range(n), 2)
        links.append((f"x{j}", f"n{a}", f"n{b}", rng.choice([1.0, 2.0]), 1.0))
    sinks = ["n0"] if rng.random() < 0.6 else ["n0", f"n{n - 1}"]
    hubs = set(sinks) | {f"n{i}" for i in range(n) if rng.random() < 0.3}
    flags = [(k, a, b, rng.random() < 0.6) for k, a, b, _, _ in links]
    nt = served_ends(flags, hubs)
    demand = {f"n{i}": float(rng.randint(0, 9)) for i in range(n)}
    topo = index_network([f"n{i}" for i in range(n)], links)
    vec = [demand[x] for x in topo.nodes]
    flow, _ = route_transit(
        topo, [topo.index[s] for s in sinks], vec, served_index(topo, nt)
    )
    expected = _per_source(n, links, nt, sinks, demand)
    assert dict(zip(topo.links, flow, strict=True)) == pytest.approx(expected)


INVENTORY = (DATA / "transit" / "region.yaml").read_text(encoding="utf-8")
TARGET = (DATA / "transit" / "target.yaml").read_text(encoding="utf-8")


def _region(write: Callable[[str, str], Path], transit: bool) -> tuple[Any, Any]:
    text = INVENTORY if not transit else INVENTORY.replace(", transit: false", "")
    target = load_target(write("t.yaml", TARGET))
    G = build_graph(load_inventory(write("i.yaml", text), target).model)
    return G, target.model


@pytest.mark.parametrize("transit", [False, True])
def test_backup_line_carries_only_its_site(
    write: Callable[[str, str], Path], transit: bool
) -> None:
    """The issue's case by hand: when the backbone fails, TH2's traffic
    would go TH2 - EC - TH1 over the emergency centre's backup line."""
    G, target = _region(write, transit)
    demand = site_demands(G, target)
    report = analyse_bandwidth(G, target, failures="n-1")
    backup = next(ln for ln in report.links if ln.id == "ec-backup")
    assert backup.demand_mbps == 0.0  # metric 10: EC goes via TH2 at baseline
    cut = {(u.site, u.failed_link) for u in report.unreachable}
    if transit:
        assert backup.worst_demand_mbps == pytest.approx(demand["th2"] + demand["ec"])
        assert backup.failed_link == "backbone"
        assert backup.upgrade is not None  # 2.5 Mbit/s on a 2 Mbit/s line
        assert cut == set()
    else:
        assert backup.worst_demand_mbps == pytest.approx(demand["ec"])
        assert cut == {("th2", "backbone")}  # TH2 is cut off, not re-routed
        assert backup.upgrade is None  # EC's own 0.5 Mbit/s fits


@pytest.mark.parametrize("transit", [False, True])
def test_backup_line_is_no_path_for_the_town_hall(
    write: Callable[[str, str], Path], transit: bool
) -> None:
    G, target = _region(write, transit)
    gaps = find_gaps(G, target).gaps
    redundancy = {
        g.subject: g.data.to_dict()["paths"] for g in gaps if g.kind == "redundancy"
    }
    # TH2 has the backbone and TH2-EC-TH1; the latter only while EC's line
    # carries others' traffic. EC keeps two paths to TH2: its line is its own.
    assert redundancy == ({} if transit else {"th2": 1})


def test_site_behind_a_non_transit_line_is_cut_off(
    write: Callable[[str, str], Path],
) -> None:
    text = INVENTORY.replace(
        "  - {id: backbone, a: th2, b: th1, capacity: 1 Gbit/s}\n", ""
    )
    target = load_target(write("t.yaml", TARGET))
    G = build_graph(load_inventory(write("i.yaml", text), target).model)
    gaps = find_gaps(G, target.model).gaps
    [gap] = [g for g in gaps if g.kind == "reachability"]
    assert gap.subject == "th2"
    assert "transit: false" in gap.detail
    report = analyse_bandwidth(G, target.model)
    assert [u.site for u in report.unreachable] == ["th2"]
    backup = next(ln for ln in report.links if ln.id == "ec-backup")
    assert backup.demand_mbps == pytest.approx(site_demands(G, target.model)["ec"])


@pytest.mark.parametrize("transit", [False, True])
def test_shared_risk_gap_ignores_other_sites_lines(
    write: Callable[[str, str], Path], transit: bool
) -> None:
    """TH2 gets a second backbone link in the same trench as the first: two
    edge-disjoint paths, one in effect. With EC's backup line transit: false
    nothing else is left, a shared-risk gap naming the trench; as an
    ordinary link TH2 would survive the trench through EC."""
    text = INVENTORY.replace(
        "  - {id: backbone, a: th2, b: th1, capacity: 1 Gbit/s}\n",
        "  - {id: backbone, a: th2, b: th1, capacity: 1 Gbit/s, risk_groups: [t9]}\n"
        "  - {id: backbone2, a: th2, b: th1, capacity: 1 Gbit/s, risk_groups: [t9]}\n",
    )
    if transit:
        text = text.replace(", transit: false", "")
    target = load_target(write("t.yaml", TARGET))
    G = build_graph(load_inventory(write("i.yaml", text), target).model)
    gaps = [g for g in find_gaps(G, target.model).gaps if g.kind == "redundancy"]
    found = [(g.subject, g.data.risk_group) for g in gaps]
    assert found == ([] if transit else [("th2", "t9")])
