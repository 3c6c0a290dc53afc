"""``planner design``: the cheapest candidate links that close the network gaps."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import Formats, render_as
from planner.design.network import design_network
from planner.graph import build_graph
from planner.load import load_inputs
from planner.models.design import DesignResult
from planner.render.text.design import design_json, design_markdown, design_text

__all__ = ["design", "render_design"]


def design(inventory: Path, target: Path | None) -> DesignResult:
    """Load, build the graph and design the network."""
    inputs = load_inputs(inventory, target)
    return design_network(build_graph(inputs.inventory.model), inputs.target.model)


FORMATS: Formats[DesignResult] = {
    "text": lambda r, width: design_text(r, width=width),
    "json": lambda r, _: design_json(r),
    "markdown": lambda r, _: design_markdown(r),
}


def render_design(result: DesignResult, fmt: str, width: int) -> str:
    return render_as(FORMATS, result, fmt, width)
