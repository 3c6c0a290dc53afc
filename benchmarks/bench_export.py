"""Time ``planner export archimate`` on a national-scale inventory, stage
by stage.

Why: the issue asks for the national export "within seconds"; the model
has tens of thousands of elements and hundreds of thousands of
relationships (one per work package dependency, per gap's plateaus, per
plateau member). This generates the national inventory with
benchmarks/generate_national.py (357 municipalities) unless given one,
then times loading, the analysis (``--failures``, default none), the plan,
building the ArchiMate model and writing the XML, each in CPU and wall
seconds (CPU is the figure to compare on a shared machine), with the
cyclic garbage collector off as ``planner.cli.main`` runs.

Usage::

    python benchmarks/bench_export.py [INVENTORY] [--municipalities 357]
        [--failures none|n-1] [--out benchmarks/out/national.xml]
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from planner.analyses.gaps import analyse  # noqa: E402
from planner.export.archimate import archimate_xml  # noqa: E402
from planner.export.archimodel import build_model  # noqa: E402
from planner.load import load_inventory, load_target  # noqa: E402
from planner.output import write_atomic  # noqa: E402
from planner.planning.pipeline import plan_analysed  # noqa: E402

T = TypeVar("T")


def timed(label: str, times: dict[str, tuple[float, float]], f: Callable[[], T]) -> T:
    """Run ``f``, adding its (CPU, wall) seconds to ``times[label]``."""
    cpu, wall = time.process_time(), time.perf_counter()
    value = f()
    was = times.get(label, (0.0, 0.0))
    times[label] = (
        was[0] + time.process_time() - cpu,
        was[1] + time.perf_counter() - wall,
    )
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory", nargs="?", type=Path)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--failures", choices=["none", "n-1"], default="none")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "national.xml")
    args = parser.parse_args()
    inventory = args.inventory or HERE / "out" / f"national-{args.municipalities}.yaml"
    if args.inventory is None and not inventory.exists():
        inventory.parent.mkdir(parents=True, exist_ok=True)
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
    gc.disable()  # as planner.cli.main does
    times: dict[str, tuple[float, float]] = {}
    target = timed("load", times, lambda: load_target(None))
    inv = timed("load", times, lambda: load_inventory(inventory, target))
    failures: Any = args.failures
    a = timed(
        "analyse", times, lambda: analyse(inv.model, target.model, failures=failures)
    )
    plan = timed("plan", times, lambda: plan_analysed(a, inv, target.model, None))
    model = timed("model", times, lambda: build_model(a.G, target.model, a.gaps, plan))
    text = timed("xml", times, lambda: archimate_xml(model, a.G, a.gaps.datacenters))
    timed("write", times, lambda: write_atomic(args.out, text))
    print(
        f"{inventory.name}: {len(model.elements):,} elements, "
        f"{len(model.relationships):,} relationships, {len(text) / 1e6:.0f} MB "
        f"(--failures {args.failures})"
    )
    print(f"  {'':<8} {'CPU':>7}   {'wall':>7}")
    for label, (cpu, wall) in times.items():
        print(f"  {label:<8} {cpu:7.2f} s {wall:7.2f} s")
    export = [times[k] for k in ("model", "xml", "write")]
    print(
        f"  {'export':<8} {sum(c for c, _ in export):7.2f} s "
        f"{sum(w for _, w in export):7.2f} s  (model + xml + write)"
    )
    print(
        f"  {'total':<8} {sum(c for c, _ in times.values()):7.2f} s "
        f"{sum(w for _, w in times.values()):7.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
