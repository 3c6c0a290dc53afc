"""Time ``planner design`` at national scale and compare it with networkx.

Issue 16's goal: the design of the national-scale inventory (357
municipalities, ~19,000 sites) with about three candidate links per town
hall within seconds, proven optimal; and how much networkx's
``k_edge_augmentation`` (the weighted 2-edge-connectivity approximation)
pays for the same gaps.

    python benchmarks/bench_design.py [--municipalities 357] [--seed 1] [--repeat 3]

Generates benchmarks/out/national-<N>.yaml when missing, and a target with
the candidates (benchmarks/out/national-<N>-design.yaml): for every town
hall three links to town halls two to four backbone hops away, priced
200k + 150k per hop (plus noise) and 6k-30k a year, seeded.

networkx gets the same problem: the backbone layer the design reduces to
(each 2-edge-connected component one node, every data centre in one node
with the super-sink), where 2-edge-connecting every node is exactly "every
town hall has two edge-disjoint paths to a data centre". Both costs count
investment + 5 x per_year.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections import deque
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def best_of(repeat: int, fn: Any) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def hall_graph(G: Any) -> dict[str, set[str]]:
    """Town hall -> town halls one backbone link away (data centres folded
    into their town hall's municipality)."""
    from planner.analyses.network import town_halls

    halls = town_halls(G)
    hub = {
        n: halls[d["municipality"]]
        for n, d in G.nodes(data=True)
        if d["kind"] == "site"
    }
    nbrs: dict[str, set[str]] = {h: set() for h in halls.values()}
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "link" and u in hub and v in hub and hub[u] != hub[v]:
            nbrs[hub[u]].add(hub[v])
            nbrs[hub[v]].add(hub[u])
    return nbrs


def candidates_yaml(G: Any, seed: int, per_hall: int = 3) -> str:
    rng = random.Random(seed)
    nbrs = hall_graph(G)
    seen: set[tuple[str, str]] = set()
    lines = [
        "schema: planner/target/v1",
        "extends: default",
        "network:",
        "  design_horizon: 5",
        "  candidates:",
    ]
    for hall in sorted(nbrs):
        dist = {hall: 0}
        todo = deque([hall])
        while todo:
            x = todo.popleft()
            if dist[x] < 4:
                for y in sorted(nbrs[x]):
                    if y not in dist:
                        dist[y] = dist[x] + 1
                        todo.append(y)
        far = sorted(y for y, d in dist.items() if 2 <= d <= 4)
        for other in rng.sample(far, min(per_hall, len(far))):
            pair = (min(hall, other), max(hall, other))
            if pair in seen:
                continue
            seen.add(pair)
            hops = dist[other]
            invest = 200 + 150 * hops + rng.randrange(0, 200)
            lines.append(
                f"    - {{id: cand-{len(seen):04d}, a: {pair[0]}, b: {pair[1]}, "
                f"capacity: 1 Gbit/s, investment: {invest}k, "
                f"per_year: {rng.randrange(6, 31)}k}}"
            )
    return "\n".join(lines) + "\n"


def networkx_design(G: Any, target: Any) -> tuple[float, Decimal | None, int, str]:
    """(seconds, cost or None when networkx finds none, parallels dropped,
    what happened)."""
    import networkx as nx

    from planner.design.layers import build_layers

    cands = target.network.candidates
    layers, _ = build_layers(G, target, cands)
    backbone = next(layer for layer in layers if layer.cls == "backbone")
    simple: nx.Graph[Any] = nx.Graph()
    simple.add_nodes_from(backbone.nodes)
    simple.add_edges_from((u, v) for u, v, _ in backbone.links)
    horizon = target.network.design_horizon
    avail: dict[tuple[Any, Any], tuple[float, int]] = {}
    parallel = 0
    for i, (a, b) in backbone.candidates.items():
        if simple.has_edge(a, b):
            # A simple graph cannot double an edge: subdivide the link, so
            # that the candidate beside it closes the same cycle.
            parallel += 1
            simple.remove_edge(a, b)
            simple.add_edge(a, ("mid", i))
            simple.add_edge(("mid", i), b)
        key = (a, b) if str(a) <= str(b) else (b, a)
        cost = float(cands[i].cost(horizon))
        if key not in avail or cost < avail[key][0]:
            avail[key] = (cost, i)
    weighted = [(a, b, {"weight": c}) for (a, b), (c, _) in avail.items()]
    start = time.perf_counter()
    try:
        added = list(nx.k_edge_augmentation(simple, 2, avail=weighted, partial=False))
    except nx.NetworkXUnfeasible as e:
        return time.perf_counter() - start, None, parallel, f"unfeasible: {e}"
    seconds = time.perf_counter() - start
    price = {frozenset(k): Decimal(repr(c)) for k, (c, _) in avail.items()}
    cost = sum((price[frozenset((u, v))] for u, v in added), Decimal(0))
    size = f"{simple.number_of_nodes()} nodes, {len(added)} links added"
    return seconds, cost, parallel, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out = HERE / "out" / f"national-{args.municipalities}.yaml"
    if not out.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_national.py"),
                str(out),
                "--municipalities",
                str(args.municipalities),
            ],
            check=True,
        )
    from planner.analyses.network import redundancy_gaps
    from planner.design.network import augmented, design_network
    from planner.graph import build_graph, network
    from planner.load import load_inventory, load_target

    inv = load_inventory(out)
    G = build_graph(inv.model)
    target_path = out.with_name(f"national-{args.municipalities}-design.yaml")
    target_path.write_text(candidates_yaml(G, args.seed), encoding="utf-8")
    target = load_target(target_path).model
    load_inventory(out, load_target(target_path))  # the candidates check out
    halls = sum(1 for _, d in G.nodes(data=True) if d.get("role") == "town-hall")
    print(
        f"{out.name}: {G.number_of_nodes()} nodes, {halls} town halls, "
        f"{len(target.network.candidates)} candidates"
    )
    seconds, result = best_of(
        args.repeat, lambda: design_network(G, target, upgrades=False)
    )
    print(
        f"design (no upgrades): {seconds:.2f} s best of {args.repeat}; "
        f"{len(result.gaps)} gaps, {len(result.links)} links chosen, "
        f"{len(result.unresolved)} unresolved, cost {result.cost}, "
        f"optimal {result.optimal}, {result.rounds} MIP solves, {result.cuts} cuts"
    )
    start = time.perf_counter()
    full = design_network(G, target)
    print(
        f"design with n-1 upgrades: {time.perf_counter() - start:.2f} s; "
        f"{len(full.upgrades)} upgrades"
    )
    built = [
        c for c in target.network.candidates if c.id in {x.id for x in result.links}
    ]
    H = network(augmented(G, built), planned=True)
    from planner.analyses.network import find_datacenters

    left = [
        g
        for g in redundancy_gaps(H, target, find_datacenters(G, target))
        if g.data["class"] == "backbone"
    ]
    unresolved = {u.gap.subject for u in result.unresolved if u.gap.cls == "backbone"}
    assert {g.subject for g in left} == unresolved, "the design left a gap open"
    print(
        f"check: gap analysis of the designed network: {len(left)} backbone gaps left"
    )
    nx_seconds, nx_cost, parallel, what = networkx_design(G, target)
    if nx_cost is None:
        print(f"networkx k_edge_augmentation: {nx_seconds:.2f} s, {what}")
    else:
        ratio = nx_cost / result.cost if result.cost else Decimal(0)
        print(
            f"networkx k_edge_augmentation: {nx_seconds:.2f} s, {what}, cost "
            f"{nx_cost} = {float(ratio):.3f} x the optimum"
            f" ({parallel} links subdivided for candidates beside them)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
