"""The stages import only earlier stages (docs/architecture.md): a model,
an analysis or the planning that imported the loader, a renderer or a
command would tie the library to files and terminals again."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PLANNER = Path(__file__).resolve().parent.parent / "planner"

LATER = {"load", "render", "commands", "cli", "output", "cache"}
FORBIDDEN = {
    "models": LATER | {"analyses", "planning", "graph", "language", "algorithms"},
    "language": LATER | {"analyses", "planning", "graph", "algorithms"},
    "algorithms": LATER | {"analyses", "planning", "design", "language"},
    "analyses": LATER | {"planning"},
    "planning": LATER,
    "render": LATER - {"render"},
}


def _imports(path: Path) -> set[str]:
    """The ``planner.X`` packages a module imports, at the top or in a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "planner" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_a_stage_imports_no_later_stage(stage: str) -> None:
    wrong = {
        str(p.relative_to(PLANNER)): sorted(_imports(p) & FORBIDDEN[stage])
        for p in sorted((PLANNER / stage).rglob("*.py"))
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from planner.load import Loaded\n")
    assert _imports(module) == {"load"}
