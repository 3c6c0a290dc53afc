"""The loading stage: YAML files -> validated models, every mistake located.

Entry points: :func:`load_inventory`, :func:`load_target`, :func:`load_plan`
(``loader``), and :func:`load_inputs` (``inputs``: the three in the order every
command loads them; beside it ``load_inventories``, ``load_workbooks`` and
``load_each`` for commands that read several files of a kind). Beside them:
``source`` (the YAML text and its positions), ``checks`` (references between
objects), ``wording`` (pydantic errors in words a user acts on), ``salvage``
(keep checking after a shape error), ``targets`` (a target over the default),
``outagelog`` (the CSV outage log) and ``schema`` (the JSON Schemas of the
formats).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.load.inputs import (
        Inputs,
        Workbooks,
        load_each,
        load_inputs,
        load_inventories,
        load_workbooks,
    )
    from planner.load.loader import (
        default_target,
        load_inventory,
        load_plan,
        load_scenarios,
        load_target,
    )
    from planner.load.source import Loaded, Sources

__all__ = [
    "Inputs",
    "Loaded",
    "Sources",
    "Workbooks",
    "default_target",
    "load_each",
    "load_inputs",
    "load_inventories",
    "load_inventory",
    "load_plan",
    "load_scenarios",
    "load_target",
    "load_workbooks",
]

_WHERE = {
    "Inputs": "inputs",
    "Workbooks": "inputs",
    "load_each": "inputs",
    "load_inputs": "inputs",
    "load_inventories": "inputs",
    "load_workbooks": "inputs",
    "Loaded": "source",
    "Sources": "source",
    "default_target": "loader",
    "load_inventory": "loader",
    "load_plan": "loader",
    "load_scenarios": "loader",
    "load_target": "loader",
}


def __getattr__(name: str) -> Any:
    """The entry points, imported on first use: a cached run, or the output
    stage asking ``planner.load.guard`` which files were read, does not pay
    for pydantic and the checks (PEP 562)."""
    if name not in _WHERE:
        raise AttributeError(f"module 'planner.load' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"planner.load.{_WHERE[name]}"), name)
