"""``planner render``: one view of the region as a Graphviz diagram."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.gaps import find_gaps
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.render.diagrams import diagram_dot
from planner.render.draw import FORMATS, draw
from planner.render.views import select_view

__all__ = ["format_for", "render"]


def render(
    inventory: Path,
    target: Path | None,
    view: str,
    fmt: str,
    *,
    lang: str = "nb",
    fold: bool | None = None,
) -> bytes:
    """Load, find the gaps and draw ``view`` in ``fmt``."""
    tgt = load_target(target)
    G = build_graph(load_inventory(inventory, tgt).model)
    state = select_view(find_gaps(G, tgt.model), view)
    dot = diagram_dot(
        G,
        state,
        lang=lang,
        max_utilisation=tgt.model.network.max_utilisation,
        fold=fold,
    )
    return draw(dot, fmt)


def format_for(output: Path, fmt: str | None) -> str:
    """``-f`` when given, else the output's suffix when it names a format,
    else SVG."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "svg"
