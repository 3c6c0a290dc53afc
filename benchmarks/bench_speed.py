"""Cold and warm runs of planner against the fastest parse of the same file.

Issue 13's goals, as ratios to P = one in-process ``yaml_rs.loads`` of the
national-scale inventory, measured in the same run: cold ``gap --format
json`` <= 5x, ``bandwidth --failures n-1 --format json`` <= 5x, ``plan
--format json`` <= 8x, ``report -o DIR`` <= 12x; warm (a second run, the
cache filled) ``gap`` <= 2x.

    python benchmarks/bench_speed.py [--municipalities 357] [--repeat 5]

Each measurement is paired with parses timed just before and just after it
(their mean: the machine's speed drifts) and reported as the median ratio,
in CPU time (user + system of the process: on a shared machine wall time
mostly measures the neighbours) and in wall time.
Cold runs use a fresh cache folder each time; warm runs one filled first.
Then the stages of a cold gap, timed in process, those of a cold plan
(CPU seconds; the planning stages nested as they call each other) and those
of a cold report (``--report-stages``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
        # A parse before and one after: this machine's speed drifts by a fifth
        # within minutes, so the run is set against the mean of its neighbours.
        before = parse_time(text)
        cpu, wall, rss = run_time(args, env())
        after = parse_time(text)
        cpu_ratios.append(cpu / ((before[0] + after[0]) / 2))
        wall_ratios.append(wall / ((before[1] + after[1]) / 2))
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
    G = build_graph(inv.model, structure=False)  # as the commands build it
    marks.append(("graph", time.perf_counter() - t))
    t = time.perf_counter()
    report = find_gaps(G, load_target(None).model)
    marks.append(("analyses", time.perf_counter() - t))
    t = time.perf_counter()
    gaps_json(report)
    marks.append(("JSON", time.perf_counter() - t))
    for name, seconds in marks:
        print(f"  {name:<20} {seconds:6.2f} s")


PLAN_STAGES = (
    # (module, function, label, depth): each function is timed where the
    # pipeline calls it (its caller's module), nested under its caller.
    ("planner.analyses.gaps", "build_graph", "graph", 0),
    ("planner.analyses.gaps", "analyse_bandwidth", "bandwidth, n-1 sweep", 0),
    ("planner.analyses.gaps", "find_gaps", "gaps", 0),
    ("planner.planning.pipeline", "merged_packages", "packages", 0),
    ("planner.planning.plan", "generate_packages", "generate", 1),
    ("planner.planning.generate", "_link_deps", "links crossed", 2),
    ("planner.planning.pipeline", "make_plan", "schedule and money", 0),
    ("planner.planning.plan", "schedule", "schedule", 1),
    ("planner.planning.plan", "_totals", "totals", 1),
    ("planner.planning.plan", "plan_shares", "shares", 1),
    ("planner.planning.pipeline", "service_matrix", "system matrix", 0),
)


@contextlib.contextmanager
def timing(times: dict[str, float]) -> Iterator[None]:
    """The functions of :data:`PLAN_STAGES` timed (CPU) into ``times``."""
    saved = []
    for module, name, label, _ in PLAN_STAGES:
        mod = importlib.import_module(module)
        saved.append((mod, name, getattr(mod, name)))

        def timed(*a: Any, _f: Any = saved[-1][2], _l: str = label, **k: Any) -> Any:
            started = time.process_time()
            try:
                return _f(*a, **k)
            finally:
                times[_l] = times.get(_l, 0.0) + time.process_time() - started

        setattr(mod, name, timed)
    try:
        yield
    finally:
        for mod, name, f in saved:
            setattr(mod, name, f)


def plan_stages(path: Path) -> None:
    """Where a cold ``plan --format json`` spends its CPU time, in process
    (the collector off): the analyses it shares with ``gap`` (whose
    bandwidth analysis skips the n-1 sweep), then the planning."""
    gc.disable()
    t = time.process_time()
    import planner.analyses.gaps
    import planner.load
    import planner.planning.pipeline  # noqa: F401
    from planner.commands.plan import plan, render_plan

    marks = [("imports", time.process_time() - t, 0)]
    times: dict[str, float] = {}
    with timing(times):
        t = time.process_time()
        result = plan(path)
        total = time.process_time() - t
    t = time.process_time()
    render_plan(result, "json")
    json_time = time.process_time() - t
    inner = sum(times.get(label, 0.0) for *_, label, depth in PLAN_STAGES if not depth)
    marks.append(("load and validate", total - inner, 0))  # and the rest
    marks += [(label, times.get(label, 0.0), depth) for *_, label, depth in PLAN_STAGES]
    marks.append(("JSON", json_time, 0))
    for name, seconds, depth in marks:
        print(f"  {'  ' * depth + name:<24} {seconds:6.2f} s")
    own = ("packages", "schedule and money", "system matrix")
    planning = sum(times.get(x, 0.0) for x in own) + json_time
    print(f"  {'planning and JSON':<24} {planning:6.2f} s")


REPORT_STAGES = (
    # (module, object, function, label): timed where the report calls it.
    ("planner.commands.report", None, "load_inputs", "load and validate"),
    ("planner.commands.report", None, "analyse_and_plan", "graph and bandwidth"),
    ("planner.analyses.gaps", None, "find_gaps", "gaps"),
    ("planner.render.diagram.maps", "Maps", "view", "map views"),
    ("planner.render.diagram.maps", "Maps", "dots", "DOT texts"),
    ("planner.render.report.build", None, "draw_all", "Graphviz (wall)"),
    ("planner.render.report.build", None, "_matrix", "system matrix"),
    ("planner.render.report.html", None, "_context", "page's tables"),
    ("planner.render.report.html", None, "_page", "page"),
    ("planner.render.report.html", None, "_workbook", "workbook"),
    ("planner.render.report.html", None, "_gaps_json", "gaps.json"),
    ("planner.render.report.build", None, "to_json_bytes", "bandwidth.json"),
    ("planner.commands.staging", "Staged", "add", "set aside"),
    ("planner.commands.staging", "Staged", "write", "renamed into place"),
)


def report_stages(path: Path) -> None:
    """Where a cold ``report -o DIR`` spends its CPU time, in process (the
    collector off); Graphviz runs in child processes, so its line is wall
    time and its CPU is printed apart."""
    import resource

    gc.disable()
    t = time.process_time()
    from planner.commands.report import report_files, write_staged

    marks = [("imports", time.process_time() - t)]
    times: dict[str, float] = {}
    saved = []
    for module, owner, name, label in REPORT_STAGES:
        mod = importlib.import_module(module)
        where = mod if owner is None else getattr(mod, owner)
        saved.append((where, name, getattr(where, name)))
        clock = time.perf_counter if "wall" in label else time.process_time

        def timed(
            *a: Any, _f: Any = saved[-1][2], _l: str = label, _c: Any = clock, **k: Any
        ) -> Any:
            started = _c()
            try:
                return _f(*a, **k)
            finally:
                times[_l] = times.get(_l, 0.0) + _c() - started

        setattr(where, name, timed)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.process_time()
        write_staged(report_files(path, None, None), Path(tmp) / "report", [path])
        total = time.process_time() - t
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    for where, name, f in saved:
        setattr(where, name, f)
    cpu = [label for *_, label in REPORT_STAGES if "wall" not in label]
    marks.append(("the rest", total - sum(times.get(x, 0.0) for x in cpu)))
    marks += [(label, times.get(label, 0.0)) for *_, label in REPORT_STAGES]
    graphviz = done.ru_utime + done.ru_stime - children.ru_utime - children.ru_stime
    marks.append(("Graphviz (CPU, apart)", graphviz))
    for name, seconds in marks:
        print(f"  {name:<24} {seconds:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--plan-stages", action="store_true", help="only the plan's stages"
    )
    parser.add_argument(
        "--report-stages", action="store_true", help="only the report's stages"
    )
    args = parser.parse_args()
    path = national(args.municipalities)
    compiled()
    if args.plan_stages:
        plan_stages(path)
        return 0
    if args.report_stages:
        report_stages(path)
        return 0
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
    print("stages of a cold plan --format json, in process (CPU):", flush=True)
    # In a process of its own: nothing imported or indexed by the runs above.
    count = ["--municipalities", str(args.municipalities)]
    subprocess.run([sys.executable, __file__, "--plan-stages", *count], check=True)
    print("stages of a cold report -o DIR, in process (CPU):", flush=True)
    subprocess.run([sys.executable, __file__, "--report-stages", *count], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
