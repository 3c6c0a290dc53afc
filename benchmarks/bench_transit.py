"""Benchmark ``bandwidth --failures n-1`` with ``transit: false`` links and
with a standby secondary data centre, on the national inventory (issue 16).

The national inventory of benchmarks/generate_national.py gets N backup
lines (the issue's emergency-centre case): a site's ``transit: false`` radio
line (metric 10) to a neighbouring municipality's town hall. Measured, in
process (the parse is bench-bandwidth's): ``analyse_bandwidth`` with the n-1
sweep; one failure routed from scratch (what every failure cost before the
incremental transit sweep), times the number of failures, for comparison;
and the sweep with the data centres as primary and standby secondary.

Usage::

    python benchmarks/bench_transit.py [--lines 50] [--repeat 3]

Figures go to stdout; nothing is asserted on time (machines differ).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.algorithms import index  # noqa: E402
from planner.analyses import bandwidth as bw  # noqa: E402
from planner.analyses.network import find_datacenters, town_halls  # noqa: E402
from planner.analyses.transit import route_transit, served_index  # noqa: E402
from planner.graph import build_graph  # noqa: E402
from planner.load import default_target, load_inventory  # noqa: E402
from planner.models.target import Datacenters, Target  # noqa: E402

NATIONAL = ROOT / "benchmarks" / "out" / "national.yaml"


def national(lines: int, seed: int = 1) -> tuple[Any, Target]:
    """The national graph with ``lines`` non-transit backup lines."""
    if not NATIONAL.exists():
        script = ROOT / "benchmarks/generate_national.py"
        subprocess.run([sys.executable, str(script), str(NATIONAL)], check=True)
    target = default_target().model
    G = build_graph(load_inventory(NATIONAL, default_target()).model)
    halls = town_halls(G)
    hubs = set(halls.values()) | set(find_datacenters(G, target))
    rng = random.Random(seed)
    sites = sorted(
        x
        for x, d in G.nodes(data=True)
        if d["kind"] == "site" and d["status"] == "active" and x not in hubs
    )
    added = 0
    for s in rng.sample(sites, len(sites)):
        if added == lines:
            break
        muni = G.nodes[s]["municipality"]
        h = halls.get(muni)
        others = (
            []
            if h is None
            else sorted(
                y for y in G[h] if y in hubs and G.nodes[y]["municipality"] != muni
            )
        )
        if not others:
            continue
        far, key = rng.choice(others), f"backup-{added}"
        G.add_edge(
            s, far, key=key, kind="link", id=key, a=s, b=far, capacity=10.0,
            medium="radio", provider=None, availability=None, cost_per_year=None,
            metric=10.0, status="active", risk_groups=(), transit=False,
        )  # fmt: skip
        added += 1
    return G, target


def _time(f: Any, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        out.append(time.perf_counter() - start)
    return out


def _best(times: list[float]) -> str:
    return f"best {min(times):.2f} s, median {statistics.median(times):.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    G, target = national(args.lines)
    plain, _ = national(0)
    sweep = _time(lambda: bw.analyse_bandwidth(G, target, failures="n-1"), args.repeat)
    ref = _time(lambda: bw.analyse_bandwidth(plain, target, failures="n-1"), 1)
    demand = bw.site_demands(G, target)
    links = index._links_between(G, set(demand))
    topo = index._index(set(demand), links)
    dcs = find_datacenters(G, target)
    sinks = [topo.index[d] for d in dcs if d in topo.index]
    served = served_index(topo, bw._served(G, links, dcs))
    vec = [demand.get(n, 0.0) for n in topo.nodes]
    one = _time(lambda: route_transit(topo, sinks, vec, served, frozenset({0})), 3)
    print(f"national inventory: {len(topo.nodes):,} sites, {len(topo.links):,} links")
    print(f"  n-1, no transit: false link: {_best(ref)}")
    print(f"  n-1, {len(served)} transit: false backup lines: {_best(sweep)}")
    print(
        f"  one failure from scratch: {min(one) * 1000:.0f} ms; x {len(topo.links):,}"
        f" failures = {min(one) * len(topo.links):.0f} s (the sweep before)"
    )
    pair = Datacenters(primary=dcs[0], secondary=dcs[1]) if len(dcs) > 1 else None
    if pair is not None:
        net = dataclasses.replace(target.network, replication=500.0)
        standby = dataclasses.replace(target, datacenters=pair, network=net)
        times = _time(
            lambda: bw.analyse_bandwidth(plain, standby, failures="n-1"), args.repeat
        )
        print(
            f"  n-1, primary {pair.primary} + standby {pair.secondary}, "
            f"replication 500 Mbit/s: {_best(times)}"
        )


if __name__ == "__main__":
    main()
