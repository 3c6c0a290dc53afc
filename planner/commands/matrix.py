"""``planner matrix``: the system overview of an inventory."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.matrix import service_matrix
from planner.graph import build_graph
from planner.load import load_inventory, load_target
from planner.models.matrix import Matrix
from planner.render.files.matrix_workbook import matrix_workbook
from planner.render.text.matrix import matrix_json, matrix_markdown, matrix_text

__all__ = ["matrix", "matrix_workbook", "render_matrix", "wants_workbook"]


def matrix(inventory: Path, target: Path | None) -> Matrix:
    """Load the files and build the overview."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    return service_matrix(build_graph(inv.model), tgt.model)


def wants_workbook(output: Path | None) -> bool:
    """``-o NAME.xlsx`` writes the workbook, whatever ``--format`` says."""
    return output is not None and output.suffix.lower() == ".xlsx"


def render_matrix(result: Matrix, fmt: str, width: int = 100) -> str:
    if fmt == "json":
        return matrix_json(result)
    if fmt == "markdown":
        return matrix_markdown(result)
    return matrix_text(result, width=width)
