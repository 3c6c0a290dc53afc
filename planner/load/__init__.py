"""The loading stage: YAML files -> validated models, every mistake located.

Entry points: :func:`load_inventory`, :func:`load_target`, :func:`load_plan`
(``loader``). Beside them: ``source`` (the YAML text and its positions),
``checks`` (references between objects), ``wording`` (pydantic errors in
words a user acts on), ``salvage`` (keep checking after a shape error),
``targets`` (a target over the default), ``outagelog`` (the CSV outage log)
and ``schema`` (the JSON Schemas of the formats).
"""

from planner.load.loader import (
    default_target,
    load_inventory,
    load_plan,
    load_scenarios,
    load_target,
)
from planner.load.source import Loaded, Sources

__all__ = [
    "Loaded",
    "Sources",
    "default_target",
    "load_inventory",
    "load_plan",
    "load_scenarios",
    "load_target",
]
