"""Time ``planner plan`` on a national-scale inventory, stage by stage.

Why: the example regions have a few dozen work packages; a country has
thousands (one upgrade per link below its minimum, one move and one
harmonisation per service, one closure per server room). This generates
the national inventory with benchmarks/generate_national.py (357
municipalities) unless given one, then times loading, the gap analysis,
generating and merging the work packages, scheduling (with a budget cap, so
the evolution search has work to do) and rendering every output.

Usage::

    python benchmarks/bench_plan.py [INVENTORY] [--municipalities 357]
        [--cap 50M] [--out benchmarks/out/plan]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from planner.analyses.gaps import find_gaps  # noqa: E402
from planner.commands.plan import render_all  # noqa: E402
from planner.graph import build_graph  # noqa: E402
from planner.load import load_inventory, load_target  # noqa: E402
from planner.models.plan import PlanFile  # noqa: E402
from planner.output import write_atomic  # noqa: E402
from planner.planning.costkey import parse_key  # noqa: E402
from planner.planning.plan import make_frame, make_plan, plan_packages  # noqa: E402
from planner.units import Period  # noqa: E402

T = TypeVar("T")


def timed(label: str, times: dict[str, float], f: Callable[[], T]) -> T:
    started = time.perf_counter()
    value = f()
    times[label] = time.perf_counter() - started
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory", nargs="?", type=Path)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--cap", default="50M", help="investment cap per phase")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "plan")
    args = parser.parse_args()
    inventory = args.inventory or HERE / "out" / f"national-{args.municipalities}.yaml"
    if args.inventory is None and not inventory.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_national.py"),
                str(inventory),
                "--municipalities",
                str(args.municipalities),
            ],
            check=True,
        )
    times: dict[str, float] = {}
    target = load_target(None)
    inv = timed("load", times, lambda: load_inventory(inventory, target))
    G = timed("graph", times, lambda: build_graph(inv.model, structure=False))
    report = timed("gaps", times, lambda: find_gaps(G, target.model))
    settings = PlanFile.model_validate(
        {"start": "2027H1", "budget_per_phase": {"investment": args.cap}}
    )
    packages, warnings = timed(
        "generate", times, lambda: plan_packages(G, report, target.model, settings)
    )
    frame = make_frame(settings, None, start=Period.parse("2027H1"))
    key = parse_key("50% equal, 50% population")
    result: Any = timed(
        "schedule+money",
        times,
        lambda: make_plan(inv.model, packages, frame, key, warnings=warnings),
    )
    files = timed("render", times, lambda: render_all(result))
    for name, data in files.items():
        write_atomic(args.out / name, data)
    planning = times["generate"] + times["schedule+money"]
    print(
        f"{inventory.name}: {len(inv.model.municipalities)} municipalities, "
        f"{len(report.gaps)} gaps -> {len(result.placements)} work packages in "
        f"{len(result.phases)} phases (cap {args.cap} per phase)"
    )
    for label, seconds in times.items():
        print(f"  {label:<15} {seconds:7.2f} s")
    print(f"  {'planning':<15} {planning:7.2f} s  (generate + schedule + money)")
    print(f"  {'total':<15} {sum(times.values()):7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
