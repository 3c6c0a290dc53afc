"""Every setting the library names in a ``SettingError`` is one the CLI
knows the option of, so a user always reads the option they typed."""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner

from planner.cli import _OPTION_OF, cli
from tests.conftest import ROOT

PLANNER = ROOT / "planner"


def _settings(path: Path) -> set[str]:
    """The first argument of each ``SettingError(...)`` in ``path``: a
    literal, or a module constant holding one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        t.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "SettingError"
            and node.args
        ):
            arg = node.args[0]
            if isinstance(arg, ast.Constant):
                found.add(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in constants:
                found.add(constants[arg.id])
    return found


def test_every_named_setting_has_its_option() -> None:
    named = set().union(*(_settings(p) for p in PLANNER.rglob("*.py")))
    assert {"cost key", "scenario", "start", "view", "NetBox address"} <= named
    assert named - set(_OPTION_OF) == set()


def test_the_cli_says_the_option_of_a_setting(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["compare", str(ROOT / "tests/data/mini.yaml"), "--scenario", "A=none.yaml"],
    )
    assert result.exit_code == 2
    assert result.stderr == "error: --scenario: A: plan file 'none.yaml' not found\n"
