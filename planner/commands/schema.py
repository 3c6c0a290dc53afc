"""``planner schema``: the JSON Schema of a file format, for editors."""

from __future__ import annotations

from planner.load.schema import json_schema
from planner.render.text.jsonout import to_json

__all__ = ["schema"]


def schema(kind: str) -> str:
    return to_json(json_schema(kind))
