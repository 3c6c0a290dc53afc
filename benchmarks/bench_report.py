"""How long the diagrams and the report take, stage by stage.

Why: a steering group's report must come out in seconds even for a country
(issue 5). This times each stage for the Kongsberg region and the synthetic
national inventory (made by generate_national.py when missing), then the
two commands end to end as a user runs them:

    python benchmarks/bench_report.py [--repeat 3]

Each figure is the best of ``--repeat`` runs (the least disturbed by other
work on the machine). The results also go to benchmarks/out/bench_report.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.analyses.gaps import analyse, find_gaps
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.render.diagram.diagrams import diagram_dots
from planner.render.diagram.draw import draw
from planner.render.diagram.views import select_view
from planner.render.report.html import DIAGRAMS, ReportData, render_report
from planner.render.report.pdf import find_chromium, print_pdf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
NATIONAL = OUT / "national.yaml"
CASES = {
    "kongsberg": (
        ROOT / "inventories/kongsberg.yaml",
        ROOT / "topologies/kongsberg-target.yaml",
    ),
    "national": (NATIONAL, None),
}


def best(repeat: int, step: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs of ``step``, and its result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return min(times), result


def stages(inventory: Path, target: Path | None, repeat: int) -> dict[str, float]:
    """Seconds per stage of ``planner report``, in the order it runs them."""
    tgt = load_target(target)
    t: dict[str, float] = {}
    t["load"], inv = best(repeat, lambda: load_inventory(inventory, tgt).model)
    t["graph"], G = best(repeat, lambda: build_graph(inv))
    t["gaps"], gaps = best(repeat, lambda: find_gaps(G, tgt.model))
    views = [select_view(gaps, v) for v in DIAGRAMS]
    t["diagram text (3 views)"], texts = best(repeat, lambda: diagram_dots(G, views))
    t["draw svg (3 views)"], svgs = best(
        repeat, lambda: [draw(text, "svg").decode() for text in texts]
    )
    folded = "pos=" not in texts[0]
    t["bandwidth (n-1) and gaps"], analysis = best(1, lambda: analyse(inv, tgt.model))
    data = ReportData(
        inv,
        tgt.model,
        analysis.gaps,
        dict(zip(DIAGRAMS, svgs, strict=True)),
        folded,
        bandwidth=analysis.bandwidth,
    )
    t["html, gaps.json, plan.xlsx"], files = best(repeat, lambda: render_report(data))
    t["print to pdf (Chromium)"] = _pdf(files, repeat)
    t["sites"] = sum(len(m.sites) for m in inv.municipalities)
    return t


def _pdf(files: dict[str, bytes], repeat: int) -> float:
    """Seconds Chromium takes to print the page (``planner report --pdf``
    less the rest); NaN without Chromium."""
    if find_chromium() is None:
        return float("nan")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            (Path(tmp) / name).write_bytes(data)
        return best(repeat, lambda: print_pdf(Path(tmp) / "index.html"))[0]


def commands(inventory: Path, target: Path | None, repeat: int) -> dict[str, float]:
    """Wall-clock seconds of the commands, process start included (the
    report with --pdf includes Chromium printing it)."""
    planner = [sys.executable, "-m", "planner"]
    tgt = ["--target", str(target)] if target else []
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "planner render --view current": [
                *planner,
                "render",
                str(inventory),
                *tgt,
                "-o",
                f"{tmp}/map.svg",
            ],
            "planner report": [
                *planner,
                "report",
                str(inventory),
                *tgt,
                "-o",
                f"{tmp}/r",
            ],
            "planner report --pdf": [
                *planner,
                "report",
                str(inventory),
                *tgt,
                "--pdf",
                "-o",
                f"{tmp}/p",
            ],
        }
        return {
            name: best(
                repeat,
                lambda argv=argv: subprocess.run(argv, check=True, capture_output=True),
            )[0]
            for name, argv in runs.items()
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not NATIONAL.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        generator = ROOT / "benchmarks" / "generate_national.py"
        subprocess.run([sys.executable, str(generator), str(NATIONAL)], check=True)
    results: dict[str, dict[str, float]] = {}
    for name, (inventory, target) in CASES.items():
        results[name] = {
            **stages(inventory, target, args.repeat),
            **commands(inventory, target, args.repeat),
        }
    _print(results)
    (OUT / "bench_report.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _print(results: dict[str, dict[str, float]]) -> None:
    names = list(results)
    rows = list(next(iter(results.values())))
    width = max(len(r) for r in rows)
    print(
        f"{'seconds (best of runs)':<{width}}  " + "  ".join(f"{n:>10}" for n in names)
    )
    for row in rows:
        cells = []
        for n in names:
            value = results[n][row]
            cells.append(f"{value:>10,.0f}" if row == "sites" else f"{value:>10.2f}")
        print(f"{row:<{width}}  " + "  ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
