"""Time ``planner site``: ``--count 2`` end to end on Kongsberg and on a
national-shaped inventory small enough to be exhaustive, and one candidate
evaluation of the national inventory (357 municipalities), from which the
exhaustive national run is bounded (63,546 pairs, each a full n-1 sweep).

Usage: ``python benchmarks/bench_site.py [--municipalities 30]`` (or
``make bench-site``). Figures vary with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
NATIONAL = OUT / "national.yaml"
PLANNER = Path(sys.executable).parent / "planner"


def _generate(path: Path, municipalities: int) -> None:
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks/generate_national.py"),
                str(path),
                "--municipalities",
                str(municipalities),
            ],
            check=True,
        )


def _command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(PLANNER), "site", *args, "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _per_candidate(path: Path, samples: int) -> tuple[float, int, int]:
    from planner.analyses.siting import candidate_sites, evaluate_site
    from planner.graph import build_graph
    from planner.load import load_inventory, load_target

    target = load_target(None)
    G = build_graph(load_inventory(path, target).model)
    pairs = list(candidate_sites(G, 2))
    halls = len(list(candidate_sites(G, 1)))
    start = time.perf_counter()
    for pair in pairs[:samples]:
        evaluate_site(G, target.model, *pair)
    return (time.perf_counter() - start) / samples, halls, len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=30)
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    kongsberg = _command(
        str(ROOT / "inventories/kongsberg.yaml"),
        "-t",
        str(ROOT / "topologies/kongsberg-target.yaml"),
        "--count",
        "2",
    )
    print(f"Kongsberg, 7 town halls, 21 pairs, --count 2: {kongsberg:.2f} s")
    small = OUT / f"national-{args.municipalities}.yaml"
    _generate(small, args.municipalities)
    took = _command(str(small), "--count", "2", "--exhaustive")
    n = args.municipalities
    print(
        f"national-shaped, {n} town halls, {n * (n - 1) // 2} pairs, --count 2 "
        f"--exhaustive: {took:.2f} s on {cores} cores"
    )
    _generate(NATIONAL, 357)
    each, halls, pairs = _per_candidate(NATIONAL, args.samples)
    hours = pairs * each / cores / 3600
    print(
        f"national, {halls} town halls: {each:.2f} s per candidate (one process); "
        f"exhaustive --count 2 ({pairs:,} pairs) bounded by {hours:.1f} h "
        f"on {cores} cores; the default shortlist ({halls} + 190 candidates) "
        f"{(halls + 190) * each / cores / 60:.1f} min"
    )


if __name__ == "__main__":
    main()
