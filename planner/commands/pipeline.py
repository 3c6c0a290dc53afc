"""Analyse and plan loaded inputs: the sequence ``planner render`` and
``planner report`` share (the maps and the report then start from its
results)."""

from __future__ import annotations

from planner.analyses.gaps import Analysis
from planner.commands.shared import analysed
from planner.load import Inputs
from planner.models.bandwidth import FailureMode
from planner.models.frozen import frozen
from planner.models.planresult import PlanResult
from planner.planning.pipeline import plan_analysed

__all__ = ["Analysed", "analyse_and_plan"]


@frozen
class Analysed:
    """The inputs, their analysis and, when asked for, the plan."""

    inputs: Inputs
    analysis: Analysis
    plan: PlanResult | None


def analyse_and_plan(
    inputs: Inputs, *, failures: FailureMode = "n-1", planned: bool = False
) -> Analysed:
    """Analyse under ``failures`` (the progress bar on a terminal) and, when
    ``planned``, make the plan (with the plan file's settings, else the
    defaults)."""
    analysis = analysed(inputs.inventory.model, inputs.target.model, failures=failures)
    result = None
    if planned:
        result = plan_analysed(
            analysis, inputs.inventory, inputs.target.model, inputs.plan
        )
    return Analysed(inputs, analysis, result)
