"""``planner bandwidth``: demand, utilisation and upgrades of every link."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import ByteFormats, analysed, render_as
from planner.models.bandwidth import BandwidthReport, FailureMode
from planner.render.text.bandwidth import (
    bandwidth_json_bytes,
    bandwidth_markdown,
    bandwidth_text,
)

__all__ = ["bandwidth", "found_kinds", "render_bandwidth"]


def bandwidth(
    inventory: Path, target: Path | None, failures: FailureMode
) -> BandwidthReport:
    """Load and analyse the target network's bandwidth (the gaps are not
    looked for). (The analyses are imported here: a cached run renders
    without them.)"""
    from planner.load import load_inputs

    inputs = load_inputs(inventory, target)
    model, tgt = inputs.inventory.model, inputs.target.model
    del inputs  # as for gap: the text now, the models as the graph is built
    return analysed(model, tgt, failures=failures, release=True).bandwidth


FORMATS: ByteFormats[BandwidthReport] = {
    "text": lambda r, width: bandwidth_text(r, width=width),
    "json": lambda r, _: bandwidth_json_bytes(r),
    "markdown": lambda r, _: bandwidth_markdown(r),
}


def render_bandwidth(report: BandwidthReport, fmt: str, width: int) -> str | bytes:
    return render_as(FORMATS, report, fmt, width)


def found_kinds(report: BandwidthReport) -> frozenset[str]:
    """What ``--fail-on`` exits 1 on that the report has: ``utilisation``
    (a link over the limit), ``reachability`` (a site cut off, today or by
    one failure)."""
    from planner.analyses.utilisation import utilisation_gaps

    found = {"reachability"} if report.unreachable else set()
    if utilisation_gaps(report):
        found.add("utilisation")
    return frozenset(found)
