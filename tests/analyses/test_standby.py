"""The secondary data centre on standby, and replication between the two:
the worked example of docs/bandwidth.md by hand, and the incremental sweep
against routing every failure from scratch on random networks."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.algorithms.routing import INF, index_network, route
from planner.analyses.bandwidth import _standby_loads, analyse_bandwidth
from planner.analyses.standby import (
    Standby,
    route_standby,
    standby_outages,
    with_replication,
)
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from tests.conftest import DATA

INVENTORY = (DATA / "standby" / "region.yaml").read_text(encoding="utf-8")
TARGET = (DATA / "standby" / "target.yaml").read_text(encoding="utf-8")


def _report(
    write: Callable[[str, str], Path], failures: Any, target: str = TARGET
) -> dict[str, Any]:
    tgt = load_target(write("t.yaml", target))
    G = build_graph(load_inventory(write("i.yaml", INVENTORY), tgt).model)
    report = analyse_bandwidth(G, tgt.model, failures=failures)
    return report.to_dict()


def _loads(report: dict[str, Any], key: str = "demand_mbps") -> dict[str, float]:
    if key == "worst":
        return {ln["id"]: ln["worst"]["demand_mbps"] for ln in report["links"]}
    return {ln["id"]: ln[key] for ln in report["links"]}


def test_baseline_goes_to_the_primary(write: Callable[[str, str], Path]) -> None:
    """A (10) is one hop from both data centres but goes to P; B (20) goes
    through S to P, and S-P carries B's 20 and the replication's 5."""
    report = _report(write, "none")
    assert _loads(report) == {"a-p": 10.0, "a-s": 0.0, "b-s": 20.0, "p-s": 25.0}
    assert report["replication_mbps"] == 5.0
    assert report["total_demand_mbps"] == 30.0
    assert {ln["id"]: ln["towards"] for ln in report["links"]} == {
        "a-p": "p",
        "a-s": None,
        "b-s": "s",
        "p-s": "p",
    }


def test_failures_by_hand(write: Callable[[str, str], Path]) -> None:
    """a-p down: A goes A-S-P (S-P 10 + 20 + 5 = 35); p-s down: S reaches P
    through A, so B and the replication go S-A-P (a-s 25, a-p 35); trench-1
    (a-p and p-s) cuts both A and S off from P: A and B go to S, replication
    stops (a-s 10, b-s 20); b-s down cuts B off."""
    report = _report(write, "n-1")
    assert _loads(report, "worst") == {
        "a-p": 35.0,
        "a-s": 25.0,
        "b-s": 20.0,
        "p-s": 35.0,
    }
    causes = {ln["id"]: ln["worst"]["failed"] for ln in report["links"]}
    assert causes == {
        "a-p": {"kind": "link", "id": "p-s"},
        "a-s": {"kind": "link", "id": "p-s"},
        "b-s": None,
        "p-s": {"kind": "link", "id": "a-p"},
    }
    assert report["unreachable"] == [
        {"site": "b", "failed_link": "b-s", "failed": {"kind": "link", "id": "b-s"}}
    ]


def test_peers_split_without_a_secondary(write: Callable[[str, str], Path]) -> None:
    """What the standby replaces: with both data centres as peers A splits
    5/5 and S-P carries nothing (the issue's D-IKT observation)."""
    topo = index_network("abps", _LINKS)
    peers = route(topo, [topo.index["p"], topo.index["s"]], [10.0, 20.0, 0.0, 0.0])
    flow = {k: abs(f) for k, f in zip(topo.links, peers.flow, strict=True)}
    assert flow == {"a-p": 5.0, "a-s": 5.0, "b-s": 20.0, "p-s": 0.0}
    # without a secondary named, s is an ordinary site: a-p 10, p-s 20
    text = TARGET.replace("{primary: p, secondary: s}", "{primary: p}")
    report = _report(write, "none", text)
    assert _loads(report)["p-s"] == 20.0
    assert report["replication_mbps"] == 0.0


_LINKS = [
    ("a-p", "a", "p", 1.0, 100.0),
    ("a-s", "a", "s", 1.0, 100.0),
    ("b-s", "b", "s", 1.0, 100.0),
    ("p-s", "p", "s", 1.0, 100.0),
]


def test_secondary_cut_off_takes_what_the_primary_lost() -> None:
    topo = index_network("abps", _LINKS)
    sb = Standby(topo.index["p"], topo.index["s"], 5.0)
    vector = with_replication(sb, [10.0, 20.0, 0.0, 0.0])
    trench = frozenset({topo.links.index("a-p"), topo.links.index("p-s")})
    flow, dist = route_standby(topo, sb, vector, {}, trench)
    assert {k: abs(f) for k, f in zip(topo.links, flow, strict=True)} == {
        "a-p": 0.0,
        "a-s": 10.0,
        "b-s": 20.0,
        "p-s": 0.0,
    }
    assert dist == [1.0, 1.0, 0.0, 0.0]  # a b p s: a and b served by s
    bs = frozenset({topo.links.index("b-s")})
    _, dist = route_standby(topo, sb, vector, {}, bs)
    assert dist[topo.index["b"]] == INF


def _fold_from_scratch(
    topo: Any, sb: Standby, vector: list[float], groups: dict[str, frozenset[int]]
) -> tuple[list[float], set[tuple[int, Any]]]:
    flow, _ = route_standby(topo, sb, vector, {})
    worst = [abs(f) for f in flow]
    lost: set[tuple[int, Any]] = set()
    for out in standby_outages(topo, sb, vector, {}, groups, links=True, sites=True):
        for k, load in out.load.items():
            worst[k] = max(worst[k], load)
        lost |= {(x, out.failed) for x in out.unreachable}
    return worst, lost


@pytest.mark.parametrize("seed", range(30))
def test_incremental_sweep_matches_from_scratch(seed: int) -> None:
    """The incremental single-link sweep with the secondary on standby (and
    from-scratch re-routing where a failure cuts S off from P) gives the
    worst load of every link and the sites cut off that routing every
    failure from scratch gives."""
    rng = random.Random(seed)
    n = rng.randint(4, 10)
    links = []
    for i in range(1, n):
        links.append(
            (f"l{i}", f"n{rng.randrange(i)}", f"n{i}", rng.choice([1.0, 2.0]), 10.0)
        )
    for j in range(rng.randint(0, n)):
        a, b = rng.sample(range(n), 2)
        links.append((f"x{j}", f"n{a}", f"n{b}", rng.choice([1.0, 2.0]), 10.0))
    topo = index_network([f"n{i}" for i in range(n)], links)
    p, s = rng.sample(range(n), 2)
    demand = {f"n{i}": float(rng.randint(0, 9)) for i in range(n)}
    sb = Standby(topo.index[f"n{p}"], topo.index[f"n{s}"], float(rng.randint(0, 5)))
    vector = with_replication(sb, [demand[x] for x in topo.nodes])
    picked = rng.sample(range(len(links)), min(3, len(links)))
    groups = {"g": frozenset(topo.links.index(links[i][0]) for i in picked)}
    link_data = {
        k: {"risk_groups": ["g"]} if topo.links.index(k) in groups["g"] else {}
        for k, *_ in links
    }
    _, worst, _, _, lost = _standby_loads(
        topo, link_data, sb, demand, {}, "n-1+sites", None
    )
    expected, expected_lost = _fold_from_scratch(topo, sb, vector, groups)
    assert worst == pytest.approx(expected, abs=1e-9)
    got = {(topo.index[u.site], u.failed) for u in lost if u.failed is not None}
    assert got == expected_lost
