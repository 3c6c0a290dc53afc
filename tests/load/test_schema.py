"""JSON Schemas: current in schemas/, draft-07, and accepting the shipped
files (what an editor with the YAML language server will check)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from planner.load.schema import KINDS, json_schema
from planner.render.text.jsonout import to_json
from tests.conftest import ROOT


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_current(kind: str) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == to_json(json_schema(kind)), "run `make schemas`"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_valid_draft_07(kind: str) -> None:
    schema = json_schema(kind)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


def _files() -> list[tuple[str, Path]]:
    out = [("inventory", ROOT / "inventories" / "kongsberg.yaml")]
    out += [
        ("municipality", p) for p in sorted((ROOT / "inventories").glob("*/*.yaml"))
    ]
    out += [("target", p) for p in sorted((ROOT / "topologies").glob("*.yaml"))]
    out += [("plan", p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
    for p in sorted((ROOT / "plans" / "scenarios").glob("*.yaml")):
        out.append(("scenarios" if p.name == "scenarios.yaml" else "plan", p))
    return out


@pytest.mark.parametrize(
    ("kind", "path"), _files(), ids=lambda x: getattr(x, "name", x)
)
def test_shipped_files_pass_their_schema(kind: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema="), "modeline missing"
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    jsonschema.Draft7Validator(json_schema(kind)).validate(data)
