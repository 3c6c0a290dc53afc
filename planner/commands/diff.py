"""``planner diff``: what changed between two inventories (YAML or
workbooks) or two plans, and with a target the gaps closed and opened."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import Formats, analysed, render_as
from planner.diff.inventory import diff_gaps, diff_inventories
from planner.diff.model import DiffResult
from planner.diff.plan import diff_plans, read_plan_json
from planner.diff.render import diff_json, diff_markdown, diff_text
from planner.errors import UsageError
from planner.load.inputs import load_each, load_inventories
from planner.models.inventory import Inventory
from planner.models.results import GapReport
from planner.models.target import Target

__all__ = ["diff", "render_diff"]


def diff(
    old: Path, new: Path, target: Path | None, *, plan: bool = False
) -> DiffResult:
    """The changes from ``old`` to ``new``; both files are checked first and
    every problem of either is raised at once."""
    if plan:
        if target is not None:
            raise UsageError("--target goes with inventories, not with --plan")
        before, after = load_each(read_plan_json, (old, new))
        return DiffResult("plan", str(old), str(new), diff_plans(before, after))
    tgt, (a, b) = load_inventories((old, new), target)
    changes = diff_inventories(a, b)
    gaps = None
    if target is not None:
        gaps = diff_gaps(_gaps(a, tgt.model), _gaps(b, tgt.model))
    return DiffResult("inventory", str(old), str(new), changes, gaps)


def _gaps(inv: Inventory, target: Target) -> GapReport:
    return analysed(inv, target).gaps


FORMATS: Formats[DiffResult] = {
    "text": lambda r, _: diff_text(r),
    "json": lambda r, _: diff_json(r),
    "markdown": lambda r, _: diff_markdown(r),
}


def render_diff(result: DiffResult, fmt: str) -> str:
    return render_as(FORMATS, result, fmt)
