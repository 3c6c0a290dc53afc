"""Time ``planner gap`` end to end against the fastest parse of the same file.

Issue 2's goal: ``planner gap`` on a national-scale inventory (357
municipalities, ~19,000 sites, links and systems) within 4x the fastest YAML
parse of the same file, both timed in the same run on the same machine.

    python benchmarks/bench_gap.py [--municipalities 357] [--repeat 3]

Generates benchmarks/out/national.yaml when missing. Reports the best of
``--repeat`` runs for each measurement (the least disturbed by other load).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=357)
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
    text = out.read_text(encoding="utf-8")

    import yaml
    import yaml_rs

    parse_rs = best_of(args.repeat, lambda: yaml_rs.loads(text, parse_datetime=False))
    parse_c = best_of(1, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    planner = Path(sys.executable).parent / "planner"
    gap = best_of(
        args.repeat,
        lambda: subprocess.run(
            [str(planner), "gap", str(out), "-o", str(HERE / "out" / "gap.txt")],
            check=True,
        ),
    )
    size = out.stat().st_size / 1e6
    print(f"inventory: {out.name}, {size:.1f} MB")
    print(f"parse, PyYAML CSafeLoader:  {parse_c:7.2f} s")
    print(f"parse, yaml-rs (fastest):   {parse_rs:7.2f} s")
    print(f"planner gap, end to end:    {gap:7.2f} s")
    print(f"ratio gap / fastest parse:  {gap / parse_rs:7.1f}x  (goal <= 4x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
