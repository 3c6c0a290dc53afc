"""Cold and warm runs of planner against the fastest parse of the same file.

Issue 13's goals, as ratios to P = one in-process ``yaml_rs.loads`` of the
national-scale inventory, measured in the same run: cold ``gap --format
json`` <= 5x, ``bandwidth --failures n-1 --format json`` <= 5x, ``plan
--format json`` <= 8x, ``report -o DIR`` <= 12x; warm (a second run, the
cache filled) ``gap`` <= 2x.

    python benchmarks/bench_speed.py [--municipalities 357] [--repeat 5]

Each measurement is paired with a parse timed just before it and reported as
the median ratio of the pairs, in CPU time (user + system of the process: on
a shared machine wall time mostly measures the neighbours) and in wall time.
Cold runs use a fresh cache folder each time; warm runs one filled first.
Then the stages of a cold gap, timed in process.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
PLANNER = Path(sys.executable).parent / "planner"


def national(municipalities: int) -> Path:
    out = HERE / "out" / f"national-{municipalities}.yaml"
    if not out.exists():
        out.parent.mkdir(exist_ok=True)
        script = str(HERE / "generate_national.py")
        count = ["--municipalities", str(municipalities)]
        subprocess.run([sys.executable, script, str(out), *count], check=True)
    return out


def compiled() -> None:
    """planner's modules byte-compiled, as an installed planner has them (pip
    compiles on install). An editable install where PYTHONDONTWRITEBYTECODE
    is set (these machines) compiles every module again on every run: 0.1 s
    of each cold run, which is not planner's."""
    import planner

    package = str(Path(planner.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)


def parse_time(text: str) -> tuple[float, float]:
    import yaml_rs

    cpu, wall = time.process_time(), time.perf_counter()
    yaml_rs.loads(text, parse_datetime=False)
    return time.process_time() - cpu, time.perf_counter() - wall


def run_time(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU and wall seconds of one planner run, and its peak memory (KiB)."""
    wall = time.perf_counter()
    child = subprocess.Popen([str(PLANNER), *args], env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - wall
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"planner {' '.join(args)} exited {child.returncode}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def paired(
    label: str,
    text: str,
    repeat: int,
    args: list[str],
    env: Callable[[], dict[str, str]],
) -> None:
    cpu_ratios, wall_ratios, peak = [], [], 0
    for _ in range(repeat):
        p_cpu, p_wall = parse_time(text)
        cpu, wall, rss = run_time(args, env())
        cpu_ratios.append(cpu / p_cpu)
        wall_ratios.append(wall / p_wall)
        peak = max(peak, rss)
    print(
        f"{label:<42} {statistics.median(cpu_ratios):5.1f}x cpu  "
        f"{statistics.median(wall_ratios):5.1f}x wall  peak {peak / 1024:5.0f} MiB"
    )


def stages(path: Path) -> None:
    """Where a cold ``gap`` spends its time, in process (the cyclic garbage
    collector off, as ``planner.cli.main`` runs)."""
    gc.disable()
    t = time.perf_counter()
    from planner.analyses.gaps import find_gaps
    from planner.graph import build_graph
    from planner.load import load_inventory, load_target
    from planner.render.text.gaps import gaps_json

    marks = [("imports", time.perf_counter() - t)]
    t = time.perf_counter()
    inv = load_inventory(path, load_target(None))
    marks.append(("load and validate", time.perf_counter() - t))
    t = time.perf_counter()
    G = build_graph(inv.model)
    marks.append(("graph", time.perf_counter() - t))
    t = time.perf_counter()
    report = find_gaps(G, load_target(None).model)
    marks.append(("analyses", time.perf_counter() - t))
    t = time.perf_counter()
    gaps_json(report)
    marks.append(("JSON", time.perf_counter() - t))
    for name, seconds in marks:
        print(f"  {name:<20} {seconds:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = national(args.municipalities)
    compiled()
    text = path.read_text(encoding="utf-8")
    _, p_wall = parse_time(text)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, P = {p_wall:.2f} s wall")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def cold() -> dict[str, str]:
            return {**os.environ, "PLANNER_CACHE_DIR": tempfile.mkdtemp(dir=tmp)}

        warm_dir = out / "warm"
        warm = {**os.environ, "PLANNER_CACHE_DIR": str(warm_dir)}
        inv = str(path)
        runs = [
            ("cold gap --format json", ["gap", inv, "--format", "json"], cold),
            ("cold gap (text)", ["gap", inv], cold),
            (
                "cold bandwidth --failures n-1 --format json",
                ["bandwidth", inv, "--failures", "n-1", "--format", "json"],
                cold,
            ),
            ("cold plan --format json", ["plan", inv, "--format", "json"], cold),
            ("cold report -o DIR", ["report", inv, "-o", str(out / "report")], cold),
        ]
        for label, argv, env in runs:
            paired(label, text, args.repeat, argv, env)
        subprocess.run(
            [str(PLANNER), "gap", inv, "--format", "json"],
            env=warm,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        paired(
            "warm gap --format json",
            text,
            args.repeat,
            ["gap", inv, "--format", "json"],
            lambda: warm,
        )
    print("stages of a cold gap, in process:")
    stages(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
