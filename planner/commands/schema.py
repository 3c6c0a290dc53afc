"""``planner schema``: the JSON Schema of a file format, for editors."""

from __future__ import annotations

from planner.render.jsonout import to_json
from planner.schema import json_schema

__all__ = ["schema"]


def schema(kind: str) -> str:
    return to_json(json_schema(kind))
