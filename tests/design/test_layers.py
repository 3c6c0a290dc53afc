"""Risk groups and non-transit links in the design: worked examples, and the
optimum against exhaustive search with an oracle of its own (networkx
connectivity after every single link and every risk group fails, in the
network each site may use)."""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from itertools import combinations
from typing import Any

import networkx as nx
import pytest

from planner.design.network import design_network
from planner.graph import build_graph, network
from planner.models.inventory import Inventory
from planner.models.target import Candidate, Target
from tests.design.instances import candidate, inventory, target_with


def _with(inv: Inventory, extra: dict[int, dict[str, Any]]) -> Inventory:
    """``inv`` with link ``n``'s fields updated by ``extra[n]``."""
    links = [ln.model_copy(update=extra.get(n, {})) for n, ln in enumerate(inv.links)]
    return inv.model_copy(update={"links": links})


def _grouped(c: Candidate, *groups: str) -> Candidate:
    return dataclasses.replace(c, risk_groups=tuple(groups))


def _robust(H: nx.MultiGraph[Any], target: Target) -> bool:
    """Every requirement met, counting a risk group as one failure: each
    town hall reaches a data centre, each other site its town hall, in the
    network without the non-transit links that do not serve it; with two
    paths required, still after any one link or any one group fails."""
    dcs = [s for s in (target.datacenters.primary, target.datacenters.secondary) if s]
    halls = {
        d["municipality"]: n for n, d in H.nodes(data=True) if d["role"] == "town-hall"
    }
    hubs = set(halls.values()) | set(dcs)
    for n, d in H.nodes(data=True):
        if n in dcs:
            continue
        if d["role"] == "town-hall":
            dest, need = set(dcs), target.network.backbone.redundancy
        else:
            dest = {halls[d["municipality"]]}
            need = target.network.access.for_role(d["role"]).redundancy
        usable = [
            (u, v, k, e)
            for u, v, k, e in H.edges(keys=True, data=True)
            if e.get("transit", True) or (n in (u, v) and n not in hubs)
        ]
        fails: list[set[str]] = [set()]
        if need >= 2:
            fails += [{k} for _, _, k, _ in usable]
            groups = {g for *_, e in usable for g in e.get("risk_groups", ())}
            fails += [
                {k for _, _, k, e in usable if g in e.get("risk_groups", ())}
                for g in sorted(groups)
            ]
        for down in fails:
            U: nx.MultiGraph[Any] = nx.MultiGraph()
            U.add_nodes_from(H)
            U.add_edges_from((u, v, k) for u, v, k, _ in usable if k not in down)
            if not nx.node_connected_component(U, n) & dest:
                return False
    return True


def _built(H0: nx.MultiGraph[Any], combo: tuple[Candidate, ...]) -> nx.MultiGraph[Any]:
    H = H0.copy()
    for c in combo:
        H.add_edge(c.a, c.b, key=c.id, risk_groups=c.risk_groups, transit=True)
    return H


def _exhaustive(G: Any, target: Target) -> Decimal | None:
    H0 = network(G, planned=True)
    cands = target.network.candidates
    horizon = target.network.design_horizon
    if not _robust(_built(H0, cands), target):
        return None
    subsets = [c for r in range(len(cands) + 1) for c in combinations(cands, r)]
    subsets.sort(key=lambda s: sum((c.cost(horizon) for c in s), Decimal(0)))
    for combo in subsets:
        if _robust(_built(H0, combo), target):
            return sum((c.cost(horizon) for c in combo), Decimal(0))
    raise AssertionError("unreachable")


def test_a_shared_trench_is_one_path() -> None:
    """t1 has two links to the data centre t0, both in trench-1: in effect
    one path. A third line in the same trench (c-twin, 100k) adds nothing;
    the ring through t2 (c-ring, 300k) closes the gap."""
    inv = inventory(3, [("t1", "t0"), ("t1", "t0"), ("t2", "t0"), ("t2", "t0")], {})
    inv = _with(
        inv, {0: {"risk_groups": ["trench-1"]}, 1: {"risk_groups": ["trench-1"]}}
    )
    cands = [
        _grouped(candidate("c-twin", "t1", "t0", 100_000), "trench-1"),
        candidate("c-ring", "t1", "t2", 300_000),
    ]
    G = build_graph(inv)
    result = design_network(G, target_with(cands), upgrades=False)
    assert [g.subject for g in result.gaps] == ["t1"]
    assert result.gaps[0].paths == 1
    assert [ln.id for ln in result.links] == ["c-ring"]
    assert result.optimal and result.cost == Decimal(300_000)
    # without the trench the two links are two paths: nothing to build
    plain = design_network(
        build_graph(inventory(3, [("t1", "t0")] * 2 + [("t2", "t0")] * 2, {})),
        target_with(cands),
        upgrades=False,
    )
    assert plain.links == () and plain.gaps == ()


def test_unresolved_names_the_risk_group() -> None:
    inv = inventory(2, [("t1", "t0"), ("t1", "t0")], {})
    inv = _with(
        inv, {0: {"risk_groups": ["trench-1"]}, 1: {"risk_groups": ["trench-1"]}}
    )
    cands = [_grouped(candidate("c-twin", "t1", "t0", 100_000), "trench-1")]
    result = design_network(build_graph(inv), target_with(cands), upgrades=False)
    [u] = result.unresolved
    assert u.gap.subject == "t1" and u.possible == 1
    assert "risk group trench-1" in u.why


def test_a_non_transit_line_is_no_path_for_the_town_hall() -> None:
    """t1's school has its own line to t1 and a backup line to t2 that is
    transit: false. The school has two paths to its town hall (its line is
    its own), t1 has one to the data centre t0: t1 - school - t2 - t0 would
    cross the school's line, and so t2 one (t2 - school - t1). The design
    builds c-t1 (250k), not nothing."""
    links = [("t1", "t0"), ("t2", "t0"), ("t1", "t1-school"), ("t1-school", "t2")]
    inv = inventory(3, links, {"t1": ["t1-school"]})
    inv = _with(inv, {3: {"transit": False}})
    cands = [candidate("c-t1", "t1", "t2", 250_000)]
    target = target_with(cands, access=2)
    result = design_network(build_graph(inv), target, upgrades=False)
    assert [(g.subject, g.paths) for g in result.gaps] == [("t1", 1), ("t2", 1)]
    assert [ln.id for ln in result.links] == ["c-t1"]
    # as a transit link the school's line would be t1's and t2's second path
    plain = design_network(
        build_graph(_with(inv, {3: {"transit": True}})), target, upgrades=False
    )
    assert plain.gaps == () and plain.links == ()


def _instance(seed: int) -> tuple[Any, Target]:
    """8 town halls on a random tree plus a chord, three with a school,
    two risk groups over a few links and candidates, and in half of them a
    school's backup line to another town hall that is transit: false."""
    rng = random.Random(seed)
    halls = 8
    names = [f"t{i}" for i in range(halls)]
    links = [(names[i], names[rng.randrange(i)]) for i in range(1, halls)]
    a, b = rng.sample(names, 2)
    links.append((a, b))
    schools: dict[str, list[str]] = {}
    ends = list(names)
    for th in rng.sample(names, 3):
        schools[th] = [f"{th}-school"]
        links.append((th, f"{th}-school"))
        ends.append(f"{th}-school")
    extra: dict[int, dict[str, Any]] = {}
    if rng.random() < 0.5:
        school = rng.choice(sorted(s for ss in schools.values() for s in ss))
        other = rng.choice([n for n in names if not school.startswith(n + "-")])
        links.append((school, other))
        extra[len(links) - 1] = {"transit": False}
    for g in ("trench-a", "trench-b"):
        for n in rng.sample(range(len(links)), 3):
            extra.setdefault(n, {}).setdefault("risk_groups", []).append(g)
    cands, seen = [], set()
    while len(cands) < 11:
        x, y = rng.sample(ends, 2)
        if (x, y) in seen:
            continue
        seen.add((x, y))
        c = candidate(f"c{len(cands):02d}", x, y, rng.randrange(10, 100) * 10_000)
        if rng.random() < 0.3:
            c = _grouped(c, rng.choice(["trench-a", "trench-b"]))
        cands.append(c)
    access = 2 if rng.random() < 0.5 else 1
    dcs = ("t0", f"t{halls - 1}") if rng.random() < 0.3 else ("t0",)
    inv = _with(inventory(halls, links, schools), extra)
    return build_graph(inv), target_with(cands, access=access, datacenters=dcs)


def _cases(count: int) -> list[int]:
    out = []
    for seed in range(400):
        G, target = _instance(seed)
        H0 = network(G, planned=True)
        if _robust(_built(H0, target.network.candidates), target):
            out.append(seed)
        if len(out) == count:
            return out
    raise AssertionError("too few feasible instances")


CASES = _cases(10)


@pytest.mark.parametrize("seed", CASES)
def test_optimum_with_risk_groups_and_transit_equals_exhaustive(seed: int) -> None:
    G, target = _instance(seed)
    best = _exhaustive(G, target)
    result = design_network(G, target, upgrades=False)
    assert result.optimal and not result.unresolved
    assert result.cost == best
    chosen = {ln.id for ln in result.links}
    built = tuple(c for c in target.network.candidates if c.id in chosen)
    assert _robust(_built(network(G, planned=True), built), target)


def test_risk_groups_change_some_optima() -> None:
    """The groups matter: on some instances the optimum ignoring them is
    not robust (it would count a shared trench as two paths)."""
    differs = 0
    for seed in CASES:
        G, target = _instance(seed)
        result = design_network(G, target, upgrades=False)
        cands = tuple(
            dataclasses.replace(c, risk_groups=()) for c in target.network.candidates
        )
        net = dataclasses.replace(target.network, candidates=cands)
        blind = dataclasses.replace(target, network=net)
        naive = design_network(_strip_graph(G), blind, upgrades=False)
        chosen = {ln.id for ln in naive.links}
        built = tuple(c for c in target.network.candidates if c.id in chosen)
        if not _robust(_built(network(G, planned=True), built), target):
            differs += 1
            assert naive.cost < result.cost
    assert differs >= 1


def _strip_graph(G: Any) -> Any:
    """``G`` with no risk groups on its links."""
    G2 = G.copy()
    for _, _, d in G2.edges(data=True):
        if d.get("kind") == "link":
            d["risk_groups"] = ()
    return G2
