"""``planner matrix``: the system overview of an inventory."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.matrix import service_matrix
from planner.commands.shared import Formats, render_as
from planner.graph import build_graph
from planner.load import load_inputs
from planner.models.matrix import Matrix
from planner.render.files.matrix_workbook import matrix_workbook
from planner.render.text.matrix import matrix_json, matrix_markdown, matrix_text

__all__ = ["matrix", "matrix_workbook", "render_matrix", "wants_workbook"]


def matrix(inventory: Path, target: Path | None) -> Matrix:
    """Load the files and build the overview."""
    inputs = load_inputs(inventory, target)
    return service_matrix(build_graph(inputs.inventory.model), inputs.target.model)


def wants_workbook(output: Path | None) -> bool:
    """``-o NAME.xlsx`` writes the workbook, whatever ``--format`` says."""
    return output is not None and output.suffix.lower() == ".xlsx"


FORMATS: Formats[Matrix] = {
    "text": lambda r, width: matrix_text(r, width=width),
    "json": lambda r, _: matrix_json(r),
    "markdown": lambda r, _: matrix_markdown(r),
}


def render_matrix(result: Matrix, fmt: str, width: int = 100) -> str:
    return render_as(FORMATS, result, fmt, width)
