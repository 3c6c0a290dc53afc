"""Single link failures with non-transit links, incrementally, against
routing every failure from scratch (planner.analyses.transit)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import pytest

from planner.algorithms.routing import index_network
from planner.analyses.risks import Outage
from planner.analyses.transit import (
    route_transit,
    served_ends,
    served_index,
    transit_outages,
)
from planner.analyses.transit_sweep import transit_link_failures


def _fold(
    base: list[float], outs: Iterable[Outage]
) -> tuple[list[float], set[tuple[int, Any]]]:
    worst = list(base)
    lost: set[tuple[int, Any]] = set()
    for out in outs:
        for k, load in out.load.items():
            worst[k] = max(worst[k], load)
        lost |= {(x, out.failed) for x in out.unreachable}
    return worst, lost


@pytest.mark.parametrize("seed", range(60))
def test_incremental_equals_from_scratch(seed: int) -> None:
    """Random networks (spanning tree plus chords, metrics 1 or 2, one or
    two data centres, hubs at random, 30 % of the links non-transit): the
    worst load of every link over all single link failures, and the sites
    each failure cuts off, are the same either way."""
    rng = random.Random(seed)
    n = rng.randint(4, 12)
    links = []
    for i in range(1, n):
        links.append(
            (f"l{i}", f"n{rng.randrange(i)}", f"n{i}", rng.choice([1.0, 2.0]), 1.0)
        )
    for j in range(rng.randint(1, n)):
        a, b = rng.sample(range(n), 2)
        links.append((f"x{j}", f"n{a}", f"n{b}", rng.choice([1.0, 2.0]), 1.0))
    sinks = ["n0"] if rng.random() < 0.6 else ["n0", f"n{n - 1}"]
    hubs = set(sinks) | {f"n{i}" for i in range(n) if rng.random() < 0.3}
    flags = [(k, a, b, rng.random() >= 0.3) for k, a, b, _, _ in links]
    topo = index_network([f"n{i}" for i in range(n)], links)
    served = served_index(topo, served_ends(flags, hubs))
    vec = [float(rng.randint(0, 9)) for _ in topo.nodes]
    idx = [topo.index[s] for s in sinks]
    flow, _ = route_transit(topo, idx, vec, served)
    base = [abs(f) for f in flow]
    fast = _fold(base, transit_link_failures(topo, idx, vec, served))
    slow = _fold(base, transit_outages(topo, idx, vec, served, {}, sites=False))
    assert fast[0] == pytest.approx(slow[0], abs=1e-9)
    assert fast[1] == slow[1]
