"""``planner design``: the cheapest candidate links that close the network gaps."""

from __future__ import annotations

from pathlib import Path

from planner.design.network import design_network
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.models.design import DesignResult
from planner.render.text.design import design_json, design_markdown, design_text

__all__ = ["design", "render_design"]


def design(inventory: Path, target: Path | None) -> DesignResult:
    """Load, build the graph and design the network."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    return design_network(build_graph(inv.model), tgt.model)


def render_design(result: DesignResult, fmt: str, width: int) -> str:
    if fmt == "json":
        return design_json(result)
    if fmt == "markdown":
        return design_markdown(result)
    return design_text(result, width=width)
