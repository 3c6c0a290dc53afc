"""Benchmark ``planner bandwidth --failures n-1`` (issue 3).

1. National scale: ``planner bandwidth --failures n-1`` end to end (a fresh
   process, as a user runs it) on the inventory of
   benchmarks/generate_national.py, against the fastest YAML parse of the
   same file (``yaml_rs.loads``) in the same run. Goal: at most 10x.
2. Side by side with pyNTM (tests/oracle, .venv-oracle) on hub-and-rings
   networks of 500 and 2,000 nodes, one demand per node: planner's full n-1
   sweep against a sample of pyNTM's failures (pyNTM recomputes everything,
   about a minute per failure at 2,000 nodes). Goal: at least 1000x faster
   per failure, with the same utilisations to 1e-9 on the sampled failures.

Usage::

    python benchmarks/bench_bandwidth.py [--sizes 500,2000] [--sample 3]
        [--repeat 3] [--skip-national] [--skip-pyntm]

Figures go to stdout; nothing is asserted on time (machines differ).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.algorithms.failures import sweep  # noqa: E402
from planner.algorithms.routing import route, topology  # noqa: E402
from tests.oracle.client import ORACLE_PYTHON, model, run_oracle  # noqa: E402
from tests.oracle.topologies import hub_and_rings, to_graph  # noqa: E402

NATIONAL = ROOT / "benchmarks" / "out" / "national.yaml"
PLANNER = Path(sys.executable).parent / "planner"


def _best(times: list[float]) -> str:
    return f"best {min(times):.2f} s, median {statistics.median(times):.2f} s"


def national(repeat: int) -> None:
    """End-to-end command time against the YAML parse, interleaved so that
    both see the same machine load."""
    import yaml_rs

    if not NATIONAL.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks/generate_national.py"),
                str(NATIONAL),
            ],
            check=True,
        )
    text = NATIONAL.read_text(encoding="utf-8")
    parse, runs = [], {"text": [], "json": []}
    for _ in range(repeat):
        start = time.perf_counter()
        yaml_rs.loads(text, parse_datetime=False)
        parse.append(time.perf_counter() - start)
        for fmt in runs:
            runs[fmt].append(_command(fmt))
    print(f"national inventory: {NATIONAL.stat().st_size:,} bytes")
    print(f"  yaml_rs.loads: {_best(parse)}")
    for fmt, times in runs.items():
        ratio = min(times) / min(parse)
        print(
            f"  planner bandwidth --failures n-1 --format {fmt}: {_best(times)}; "
            f"{ratio:.1f}x the parse (goal <= 10x)"
        )


def _command(fmt: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            str(PLANNER),
            "bandwidth",
            str(NATIONAL),
            "--failures",
            "n-1",
            "--format",
            fmt,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _ours(links: list[dict[str, Any]], demand: dict[str, float], dcs: list[str]) -> Any:
    topo = topology(to_graph(links))
    start = time.perf_counter()
    base = route(
        topo, [topo.index[d] for d in dcs], [demand.get(n, 0.0) for n in topo.nodes]
    )
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    failures = {topo.links[f.link]: f for f in sweep(topo, base)}
    swept = time.perf_counter() - start
    return topo, base, failures, baseline, swept


def _sample(topo: Any, base: Any, k: int) -> list[str]:
    """k failures spread over the links that carry traffic (the ones that
    make pyNTM and planner re-route)."""
    busy = [topo.links[i] for i, f in enumerate(base.flow) if f != 0]
    step = max(1, len(busy) // k)
    return busy[::step][:k]


def _max_difference(
    topo: Any, base: Any, failure: Any, oracle: dict[str, Any]
) -> float:
    flows = {**dict(enumerate(base.flow)), **failure.flow}
    worst = 0.0
    for i, link in enumerate(topo.links):
        if i == failure.link:
            continue
        util = flows[i] / topo.capacity[i]
        ab, ba = oracle["utilisation"][link]
        worst = max(worst, abs(max(util, 0.0) - ab), abs(max(-util, 0.0) - ba))
    return worst


def side_by_side(nodes: int, sample: int) -> None:
    links, demand, dcs = hub_and_rings(nodes)
    topo, base, failures, baseline, swept = _ours(links, demand, dcs)
    per_failure = swept / len(topo.links)
    print(f"hub-and-rings, {len(topo.nodes)} nodes, {len(topo.links)} links:")
    print(
        f"  planner: baseline {baseline * 1e3:.1f} ms; full n-1 sweep "
        f"({len(topo.links)} failures) {swept * 1e3:.1f} ms = "
        f"{per_failure * 1e6:.0f} us per failure"
    )
    chosen = _sample(topo, base, sample)
    oracle = run_oracle(model(links, demand, dcs, [None, *chosen]))
    results = oracle["results"]
    pyntm = [r["seconds"] for r in results[1:]]
    diff = max(
        _max_difference(topo, base, failures[r["failed"]], r) for r in results[1:]
    )
    print(
        f"  pyNTM: build {oracle['build_seconds']:.1f} s, baseline "
        f"{results[0]['seconds']:.1f} s, {statistics.mean(pyntm):.2f} s per failure "
        f"(mean of {len(pyntm)}: {', '.join(chosen)})"
    )
    print(
        f"  speed-up per failure: {statistics.mean(pyntm) / per_failure:,.0f}x "
        f"(goal >= 1000x); largest utilisation difference {diff:.1e} (goal <= 1e-9)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000")
    parser.add_argument("--sample", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--skip-pyntm", action="store_true")
    args = parser.parse_args()
    if not args.skip_national:
        national(args.repeat)
    if not args.skip_pyntm:
        if not ORACLE_PYTHON.exists():
            sys.exit("the pyNTM oracle is missing: run `make oracle` first")
        for size in (int(s) for s in args.sizes.split(",")):
            side_by_side(size, args.sample)


if __name__ == "__main__":
    main()
