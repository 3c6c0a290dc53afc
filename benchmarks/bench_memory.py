"""Peak memory (maximum resident set size) of planner's commands on a
~100 MB inventory, and how early endless or huge inputs are refused.

Why: issue 9 asks for bad input handled within 1 GB for inputs up to 100 MB
and larger inputs refused up front. This generates a national-shaped
inventory of 4,200 municipalities (benchmarks/generate_national.py, ~100 MB,
12x the 357 of the national benchmark) unless given one, runs each command
as its own process (``planner --no-cache``) and prints the peak RSS the
kernel measured for it (``os.wait4``) and its wall time. Nothing is asserted:
the machine may be shared, and the figures are for reading.

Usage::

    python benchmarks/bench_memory.py [INVENTORY] [--municipalities 4200]
        [--commands validate,gap]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLANNER = [sys.executable, "-m", "planner", "--no-cache"]


def measure(args: list[str]) -> tuple[int, float, int, str]:
    """Exit code, wall seconds, peak RSS in MB and the first line of stderr
    of one planner run."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [*PLANNER, *args], stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = err.read().decode(errors="replace").partition("\n")[0]
    wall = time.perf_counter() - started
    return proc.returncode, wall, usage.ru_maxrss // 1024, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory", nargs="?", type=Path)
    parser.add_argument("--municipalities", type=int, default=4200)
    parser.add_argument("--commands", default="validate,gap")
    args = parser.parse_args()
    inventory = args.inventory or HERE / "out" / f"national-{args.municipalities}.yaml"
    if not inventory.exists():
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
    size = inventory.stat().st_size / 1e6
    print(f"inventory: {inventory} ({size:.1f} MB)")
    print(f"{'command':<40} {'exit':>4} {'peak RSS':>10} {'wall':>8}")
    runs = [[c, str(inventory)] for c in args.commands.split(",") if c]
    with tempfile.TemporaryDirectory() as tmp:
        sparse = Path(tmp) / "sparse-1GB.yaml"
        with sparse.open("wb") as f:
            f.truncate(1024**3)  # no disk used
        runs += [["validate", "/dev/zero"], ["validate", str(sparse)]]
        for run in runs:
            code, wall, peak, first = measure(run)
            label = f"{run[0]} {Path(run[1]).name}"
            print(f"{label:<40} {code:>4} {peak:>7} MB {wall:>7.1f}s")
            if code != 0:
                print(f"    {first[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
