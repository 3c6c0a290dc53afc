"""``planner gap``: the gap analysis of an inventory against a target."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.commands.shared import ByteFormats, analysed, render_as
from planner.models.results import GapReport
from planner.render.text.gaps import gaps_json_bytes, gaps_markdown, gaps_text

if TYPE_CHECKING:
    from planner.models.bandwidth import FailureMode

__all__ = ["found_kinds", "gap", "render_gaps"]


def gap(
    inventory: Path, target: Path | None, failures: FailureMode = "none"
) -> GapReport:
    """Load, analyse and return the gaps. (The analyses are imported here: a
    cached run renders without them.)"""
    from planner.load import load_inputs

    inputs = load_inputs(inventory, target)
    model, tgt = inputs.inventory.model, inputs.target.model
    # Nothing but the graph is needed once it is built: the file's text goes
    # now, the models as they are copied into the graph (a national inventory).
    del inputs
    return analysed(model, tgt, failures=failures, release=True).gaps


FORMATS: ByteFormats[GapReport] = {
    "text": lambda r, width: gaps_text(r, width=width),
    "json": lambda r, _: gaps_json_bytes(r),
    "markdown": lambda r, _: gaps_markdown(r),
}


def render_gaps(report: GapReport, fmt: str, width: int) -> str | bytes:
    return render_as(FORMATS, report, fmt, width)


def found_kinds(report: GapReport) -> frozenset[str]:
    """The kinds of gap the report has (``--fail-on`` exits 1 on them)."""
    return frozenset(g.kind for g in report.gaps)
