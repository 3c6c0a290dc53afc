"""``planner export archimate``: the inventory, its gaps and its plan as an
ArchiMate 3.1 Model Exchange File (docs/interop.md)."""

from __future__ import annotations

from pathlib import Path

from planner.commands.shared import analysed, period_setting
from planner.export.archimate import archimate_xml
from planner.export.archimodel import build_model
from planner.load import load_inputs
from planner.models.bandwidth import FailureMode
from planner.planning.pipeline import Overrides, plan_analysed

__all__ = ["export_archimate"]


def export_archimate(
    inventory: Path,
    target: Path | None = None,
    plan_file: Path | None = None,
    *,
    failures: FailureMode = "n-1",
    lang: str = "nb",
    fold: bool | None = None,
    start: str | None = None,
) -> tuple[str, str]:
    """The exchange file and a one-line summary of it. Loads, analyses and
    plans (with ``plan_file``'s settings, else the defaults, as ``planner
    plan`` does)."""
    inputs = load_inputs(inventory, target, plan_file)
    tgt = inputs.target
    analysis = analysed(inputs.inventory.model, tgt.model, failures=failures)
    overrides = Overrides(period_setting(start, "start"))
    plan = plan_analysed(analysis, inputs.inventory, tgt.model, inputs.plan, overrides)
    model = build_model(analysis.G, tgt.model, analysis.gaps, plan, lang=lang)
    text = archimate_xml(model, analysis.G, analysis.gaps.datacenters, fold=fold)
    plateaus = len(model.plateaus)
    summary = (
        f"{len(model.elements)} elements, {len(model.relationships)} relationships, "
        f"{plateaus} plateaus, 2 views"
    )
    return text, summary
