"""``planner export archimate``: the inventory, its gaps and its plan as an
ArchiMate 3.1 Model Exchange File (docs/interop.md)."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.gaps import analyse
from planner.commands.plan import _period
from planner.export.archimate import archimate_xml
from planner.export.archimodel import build_model
from planner.load import load_inventory, load_plan, load_target
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
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan_file) if plan_file is not None else None
    analysis = analyse(inv.model, tgt.model, failures=failures)
    plan = plan_analysed(analysis, inv, tgt.model, loaded, Overrides(_period(start)))
    model = build_model(analysis.G, tgt.model, analysis.gaps, plan, lang=lang)
    text = archimate_xml(model, analysis.G, analysis.gaps.datacenters, fold=fold)
    plateaus = len(model.plateaus)
    summary = (
        f"{len(model.elements)} elements, {len(model.relationships)} relationships, "
        f"{plateaus} plateaus, 2 views"
    )
    return text, summary
