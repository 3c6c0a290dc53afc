"""JSON Schema (draft-07, what editors support) of the file formats.

Pydantic writes draft 2020-12; editors such as the YAML language server
expect draft-07, so ``$defs`` become ``definitions``. The inventory's
``municipalities`` also accept ``{file: ...}`` includes.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from planner.models.inventory import Inventory, Municipality
from planner.models.plan import PlanFile
from planner.models.scenarios import ScenarioFile
from planner.models.target import TargetFile

__all__ = ["KINDS", "json_schema"]

KINDS: dict[str, type[BaseModel]] = {
    "inventory": Inventory,
    "municipality": Municipality,
    "target": TargetFile,
    "plan": PlanFile,
    "scenarios": ScenarioFile,
}
_INCLUDE = {
    "type": "object",
    "properties": {
        "file": {
            "type": "string",
            "description": "a municipality file, relative to this file's folder",
        }
    },
    "required": ["file"],
    "additionalProperties": False,
}


def json_schema(kind: str) -> dict[str, Any]:
    """The draft-07 JSON Schema of one format: inventory, municipality,
    target or plan."""
    schema = KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    text = json.dumps(schema).replace("#/$defs/", "#/definitions/")
    schema = json.loads(text)
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    if kind == "inventory":
        items = schema["properties"]["municipalities"]["items"]
        schema["properties"]["municipalities"]["items"] = {"anyOf": [items, _INCLUDE]}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **schema,
    }
