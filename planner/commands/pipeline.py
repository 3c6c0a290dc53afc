"""Load, analyse and plan: the sequence ``planner render`` and ``planner
report`` share (the maps and the report then start from its results)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.analyses.gaps import Analysis, analyse
from planner.load import Loaded, load_inventory, load_plan, load_target
from planner.models.bandwidth import FailureMode
from planner.models.inventory import Inventory
from planner.models.plan import PlanFile
from planner.models.planresult import PlanResult
from planner.models.target import Target
from planner.planning.pipeline import plan_analysed

__all__ = ["Analysed", "Inputs", "analysed", "load_inputs"]


@dataclass(frozen=True)
class Inputs:
    """The inventory, the target (the default one without a file) and the
    plan settings, loaded and checked."""

    inventory: Loaded[Inventory]
    target: Loaded[Target]
    plan: Loaded[PlanFile] | None


@dataclass(frozen=True)
class Analysed:
    """The inputs, their analysis and, when asked for, the plan."""

    inputs: Inputs
    analysis: Analysis
    plan: PlanResult | None


def load_inputs(inventory: Path, target: Path | None, plan: Path | None) -> Inputs:
    """Load the target first (the inventory's checks use it), then the
    inventory and the plan file; every problem located in its file."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    return Inputs(inv, tgt, load_plan(plan) if plan is not None else None)


def analysed(
    inputs: Inputs, *, failures: FailureMode = "n-1", planned: bool = False
) -> Analysed:
    """Analyse under ``failures`` and, when ``planned``, make the plan (with
    the plan file's settings, else the defaults)."""
    analysis = analyse(inputs.inventory.model, inputs.target.model, failures=failures)
    result = None
    if planned:
        result = plan_analysed(
            analysis, inputs.inventory, inputs.target.model, inputs.plan
        )
    return Analysed(inputs, analysis, result)
