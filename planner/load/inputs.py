"""The files a command reads, loaded in the one order every command uses.

The target first (an inventory's services are checked against its
catalogue), then the inventory, then the plan file when one is named. Each
raises on the first file with problems, all of that file's problems at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.load.loader import load_inventory, load_plan, load_target
from planner.load.source import Loaded
from planner.models.inventory import Inventory
from planner.models.target import Target

if TYPE_CHECKING:  # its models are built on first use (20 ms; gap has no plan)
    from planner.models.plan import PlanFile

__all__ = ["Inputs", "load_inputs"]


@dataclass(frozen=True)
class Inputs:
    """A command's loaded files, each with the sources its problems point into."""

    inventory: Loaded[Inventory]
    target: Loaded[Target]
    plan: Loaded[PlanFile] | None = None


def load_inputs(
    inventory: str | Path, target: str | Path | None, plan: str | Path | None = None
) -> Inputs:
    """Load ``target`` (the built-in one when None), ``inventory`` against it
    and ``plan`` when given."""
    tgt = load_target(target)
    inv = load_inventory(inventory, tgt)
    loaded = load_plan(plan) if plan is not None else None
    return Inputs(inv, tgt, loaded)
