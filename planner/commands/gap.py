"""``planner gap``: the gap analysis of an inventory against a target."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from planner.models.results import GapReport
from planner.render.text.gaps import gaps_json, gaps_markdown, gaps_text

if TYPE_CHECKING:
    from planner.models.bandwidth import FailureMode

__all__ = ["gap", "render_gaps"]


def gap(
    inventory: Path, target: Path | None, failures: FailureMode = "none"
) -> GapReport:
    """Load, build the graph and find the gaps. (The analyses are imported
    here: a cached run renders without them.)"""
    from planner.analyses.gaps import find_gaps
    from planner.graph import build_graph
    from planner.load import load_inventory, load_target

    tgt = load_target(target)
    G = build_graph(load_inventory(inventory, tgt).model, release=True)
    # The graph holds every value the analyses read: the models and the
    # file's text are released before they run (a national inventory).
    return find_gaps(G, tgt.model, failures=failures)


def render_gaps(report: GapReport, fmt: str, width: int) -> str:
    if fmt == "json":
        return gaps_json(report)
    if fmt == "markdown":
        return gaps_markdown(report)
    return gaps_text(report, width=width)


def failing(report: GapReport, kinds: Collection[str]) -> bool:
    """Whether the report has a gap of one of ``kinds`` (``--fail-on``)."""
    return any(g.kind in kinds for g in report.gaps)
