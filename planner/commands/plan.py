"""``planner plan``: a phased migration plan with costs and shares.

Loads the files, finds the gaps, generates and merges the work packages,
checks the references between them (located in the plan file) and the
cost key against the inventory (located there), then plans. ``-o DIR``
writes every output; all are rendered before the first file is written, so
a failure leaves the folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from planner.analyses.bandwidth import analyse_bandwidth
from planner.analyses.gaps import find_gaps
from planner.errors import InputError, Problem, UsageError
from planner.graph import build_graph
from planner.load import Loaded, load_inventory, load_plan, load_target
from planner.models.bandwidth import BandwidthReport, FailureMode
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile
from planner.models.planresult import PlanResult
from planner.models.results import GapReport
from planner.models.target import Target
from planner.output import refuse_overwrite, write_atomic
from planner.planning.costkey import check_key, key_from_file
from planner.planning.merge import check_references, check_services
from planner.planning.plan import make_frame, make_plan, plan_packages
from planner.render.gantt import plan_gantt
from planner.render.plan import plan_json, plan_markdown, plan_text
from planner.render.workbook import plan_workbook
from planner.units import Period

__all__ = [
    "OUTPUTS",
    "Overrides",
    "plan",
    "plan_analysed",
    "render_all",
    "render_plan",
    "write_plan",
]

OUTPUTS = ("plan.md", "plan.json", "plan.txt", "plan.xlsx", "gantt.svg")


def plan(
    inventory: Path,
    target: Path | None = None,
    plan_file: Path | None = None,
    *,
    start: str | None = None,
    phase: str | None = None,
    strategy: str | None = None,
    failures: FailureMode = "n-1",
) -> PlanResult:
    """Load the files and make the plan (``start``, ``phase`` and
    ``strategy`` override the plan file's). Links are sized by the bandwidth
    analysis, by default for the worst single link failure (``failures``)."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan_file) if plan_file is not None else None
    G = build_graph(inv.model)
    bandwidth = analyse_bandwidth(G, tgt.model, failures=failures)
    report = find_gaps(G, tgt.model, bandwidth=bandwidth)
    frame = Overrides(_period(start), phase, strategy)
    return plan_analysed(G, inv, tgt.model, loaded, bandwidth, report, frame)


@dataclass(frozen=True)
class Overrides:
    """Command-line settings that override the plan file's."""

    start: Period | None = None
    phase: str | None = None
    strategy: str | None = None


def plan_analysed(
    G: nx.MultiGraph[Any],
    inv: Loaded[Inventory],
    target: Target,
    loaded: Loaded[PlanFile] | None,
    bandwidth: BandwidthReport,
    report: GapReport,
    overrides: Overrides = Overrides(),
) -> PlanResult:
    """The plan of an inventory already analysed (``planner report`` shares
    its graph, bandwidth and gaps): generate and merge the packages, check
    the references and the cost key (located in their files), schedule."""
    settings = loaded.model if loaded else PlanFile()
    packages, warnings = plan_packages(
        G, report, target, settings, recommended=recommendations(bandwidth)
    )
    key = key_from_file(settings.cost_key)
    problems: list[Problem] = check_key(inv.model, key, inv.sources.problem)
    if loaded is not None:
        problems += check_references(settings, packages, loaded.sources.problem)
        problems += check_services(settings, target.services, loaded.sources.problem)
    if problems:
        raise InputError(problems)
    frame = make_frame(
        settings,
        inv.model.region.as_of,
        start=overrides.start,
        phase=overrides.phase,
        strategy=overrides.strategy,
    )
    return make_plan(
        inv.model, packages, frame, key, settings.projection, warnings=warnings
    )


def recommendations(bandwidth: BandwidthReport) -> dict[str, float]:
    """Link id -> the capacity (Mbit/s) the bandwidth analysis recommends,
    for the links that need more than they have."""
    return {
        ln.id: ln.recommended_capacity_mbps
        for ln in bandwidth.links
        if ln.recommended_capacity_mbps is not None
        and ln.recommended_capacity_mbps > ln.capacity_mbps
    }


def _period(text: str | None) -> Period | None:
    if text is None:
        return None
    try:
        return Period.parse(text)
    except ValueError as e:
        raise UsageError(f"--start: {e}") from None


def render_plan(result: PlanResult, fmt: str, width: int = 100) -> str:
    if fmt == "json":
        return plan_json(result)
    if fmt == "markdown":
        return plan_markdown(result)
    return plan_text(result, width=width)


def render_all(result: PlanResult) -> dict[str, bytes]:
    """Every output file of ``-o DIR``, by name."""
    return {
        "plan.md": plan_markdown(result).encode(),
        "plan.json": plan_json(result).encode(),
        "plan.txt": plan_text(result).encode(),
        "plan.xlsx": plan_workbook(result),
        "gantt.svg": plan_gantt(result).encode(),
    }


def write_plan(result: PlanResult, folder: Path, inputs: list[Path | None]) -> None:
    """Write every output into ``folder``, each file atomically."""
    files = render_all(result)
    for name in files:
        refuse_overwrite(folder / name, inputs)
    for name, data in files.items():
        write_atomic(folder / name, data)
