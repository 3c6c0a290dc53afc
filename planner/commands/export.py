"""``planner export archimate``: the inventory, its gaps and its plan as an
ArchiMate 3.1 Model Exchange File; ``planner export archi-csv``: the same
model as Archi's CSV trio (docs/interop.md)."""

from __future__ import annotations

from pathlib import Path

from planner.analyses.gaps import Analysis
from planner.commands.shared import analysed, period_setting
from planner.export.archicsv import archi_csv
from planner.export.archimate import archimate_xml
from planner.export.archimodel import ArchiModel, build_model
from planner.load import load_inputs
from planner.models.bandwidth import FailureMode
from planner.planning.pipeline import Overrides, plan_analysed

__all__ = ["export_archi_csv", "export_archimate"]


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
    model, analysis = _model(inventory, target, plan_file, failures, lang, start)
    text = archimate_xml(model, analysis.G, analysis.gaps.datacenters, fold=fold)
    plateaus = len(model.plateaus)
    summary = (
        f"{len(model.elements)} elements, {len(model.relationships)} relationships, "
        f"{plateaus} plateaus, 2 views"
    )
    return text, summary


def export_archi_csv(
    inventory: Path,
    target: Path | None = None,
    plan_file: Path | None = None,
    *,
    failures: FailureMode = "n-1",
    lang: str = "nb",
    start: str | None = None,
) -> tuple[dict[str, str], str]:
    """Archi's CSV trio of the model :func:`export_archimate` writes (the
    same ids, so it updates a model imported from that file), and a
    one-line summary."""
    model, _ = _model(inventory, target, plan_file, failures, lang, start)
    props = sum(len(e.props) for e in model.elements.values())
    summary = (
        f"{len(model.elements)} elements, {len(model.relationships)} relations, "
        f"{props} properties"
    )
    return archi_csv(model), summary


def _model(
    inventory: Path,
    target: Path | None,
    plan_file: Path | None,
    failures: FailureMode,
    lang: str,
    start: str | None,
) -> tuple[ArchiModel, Analysis]:
    inputs = load_inputs(inventory, target, plan_file)
    tgt = inputs.target
    analysis = analysed(inputs.inventory.model, tgt.model, failures=failures)
    overrides = Overrides(period_setting(start, "start"))
    plan = plan_analysed(analysis, inputs.inventory, tgt.model, inputs.plan, overrides)
    return build_model(analysis.G, tgt.model, analysis.gaps, plan, lang=lang), analysis
