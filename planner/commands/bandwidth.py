"""``planner bandwidth``: demand, utilisation and upgrades of every link."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from planner.models.bandwidth import BandwidthReport, FailureMode
from planner.render.text.bandwidth import (
    bandwidth_json,
    bandwidth_markdown,
    bandwidth_text,
)

__all__ = ["bandwidth", "failing", "render_bandwidth"]


def bandwidth(
    inventory: Path, target: Path | None, failures: FailureMode
) -> BandwidthReport:
    """Load, build the graph and analyse the target network's bandwidth.
    (The analyses are imported here: a cached run renders without them.)"""
    from planner.analyses.bandwidth import analyse_bandwidth
    from planner.graph import build_graph
    from planner.load import load_inventory, load_target
    from planner.render.text.progress import ProgressBar

    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    G = build_graph(inv.model)
    with ProgressBar("n-1 failures") as bar:
        return analyse_bandwidth(G, tgt.model, failures=failures, progress=bar)


def render_bandwidth(report: BandwidthReport, fmt: str, width: int) -> str:
    if fmt == "json":
        return bandwidth_json(report)
    if fmt == "markdown":
        return bandwidth_markdown(report)
    return bandwidth_text(report, width=width)


def failing(report: BandwidthReport, kinds: Collection[str]) -> bool:
    """Whether ``--fail-on`` matches: ``utilisation`` (a link over the
    limit), ``reachability`` (a site cut off, today or by one failure)."""
    from planner.analyses.utilisation import utilisation_gaps

    if "reachability" in kinds and report.unreachable:
        return True
    return "utilisation" in kinds and bool(utilisation_gaps(report))
