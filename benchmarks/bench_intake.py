"""Time ``planner export xlsx`` and ``planner import xlsx`` on a national-scale
inventory (~19,000 sites, systems and links), stage by stage.

Why: the issue asks for both within seconds at that size. This generates the
national inventory with benchmarks/generate_national.py (357 municipalities)
unless given one, then times loading the YAML, building the workbook, reading
it back (openpyxl read-only), validating the rows with the inventory's models
and checks, and writing the YAML files; and checks that the round trip gives
the same inventory.

Usage::

    python benchmarks/bench_intake.py [INVENTORY] [--municipalities 357]
        [--out benchmarks/out/intake]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from planner.commands.intake import import_xlsx  # noqa: E402
from planner.intake.assemble import assemble  # noqa: E402
from planner.intake.export import inventory_workbook  # noqa: E402
from planner.intake.read import read_workbook  # noqa: E402
from planner.load import load_inventory, load_target  # noqa: E402
from planner.load.loader import check_inventory_data  # noqa: E402
from planner.output import write_atomic  # noqa: E402

T = TypeVar("T")


CPU: dict[str, float] = {}


def timed(label: str, times: dict[str, float], f: Callable[[], T]) -> T:
    """Wall-clock seconds into ``times``, CPU seconds into ``CPU`` (the
    machine may be shared: CPU time says what the work costs)."""
    started, cpu = time.perf_counter(), time.process_time()
    value = f()
    times[label] = time.perf_counter() - started
    CPU[label] = time.process_time() - cpu
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory", nargs="?", type=Path)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "intake")
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
    target = load_target(None)
    times: dict[str, float] = {}
    inv = timed("load YAML", times, lambda: load_inventory(inventory, target).model)
    data = timed(
        "export: build workbook", times, lambda: inventory_workbook(inv, target.model)
    )
    book = args.out / "national.xlsx"
    timed("export: write file", times, lambda: write_atomic(book, data))
    read = timed("import: read workbook", times, lambda: read_workbook(book, str(book)))
    rows = timed("import: assemble rows", times, lambda: assemble([read]))
    back = timed(
        "import: validate and check",
        times,
        lambda: check_inventory_data(rows[0], rows[1], target),
    )
    files = timed(
        "import: whole command, YAML text",
        times,
        lambda: import_xlsx([book], None, args.out / "yaml"),
    )
    timed(
        "import: write YAML files",
        times,
        lambda: [write_atomic(p, t) for p, t in files.items()],
    )
    counts = {
        "sites": sum(len(m.sites) for m in inv.municipalities),
        "servers": sum(len(m.servers) for m in inv.municipalities),
        "systems": sum(len(m.systems) for m in inv.municipalities),
        "links": len(inv.all_links()),
    }
    print(f"{inventory}: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    print(f"workbook {book}: {len(data):,} bytes")
    print(f"  {'stage':<34} {'wall':>7} {'cpu':>7}")
    for label, seconds in times.items():
        print(f"  {label:<34} {seconds:6.2f}s {CPU[label]:6.2f}s")
    totals = {
        "export xlsx (after loading)": ["export: build workbook", "export: write file"],
        "import xlsx (whole command)": [
            "import: whole command, YAML text",
            "import: write YAML files",
        ],
    }
    for name, parts in totals.items():
        wall, cpu = sum(times[p] for p in parts), sum(CPU[p] for p in parts)
        print(f"  {name:<34} {wall:6.2f}s {cpu:6.2f}s")
    same = back == inv
    print(f"round trip gives the same inventory: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
