"""The lifecycle and duplication gaps through ``planner gap``: text,
Markdown, JSON and ``--fail-on``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.analyses.test_lifecycle import TARGET
from tests.analyses.test_projects import REGION
from tests.conftest import MINI


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_lifecycle_gap_outputs_and_fail_on(write: Callable[[str, str], Path]) -> None:
    tgt = write("t.yaml", TARGET)
    code, out, err = run("gap", MINI, "-t", tgt, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["summary"]["lifecycle"] == 1
    (gap,) = [g for g in doc["gaps"] if g["kind"] == "lifecycle"]
    assert gap["data"]["reinvestment"] == 80000
    _, text, _ = run("gap", MINI, "-t", tgt)
    assert "\nLifecycle (1):\n  high    alpha  alpha\n" in text
    _, md, _ = run("gap", MINI, "-t", tgt, "--format", "markdown")
    assert "\n## Lifecycle (1)\n" in md
    assert run("gap", MINI, "-t", tgt, "--fail-on", "lifecycle")[0] == 1
    assert run("gap", MINI, "--fail-on", "lifecycle")[0] == 0


def test_duplication_gap_and_fail_on(write: Callable[[str, str], Path]) -> None:
    inv = write("r.yaml", REGION)
    code, out, _ = run("gap", inv, "--format", "json", "--fail-on", "duplication")
    assert code == 1
    (gap,) = [g for g in json.loads(out)["gaps"] if g["kind"] == "duplication"]
    assert (gap["subject"], gap["data"]["at_stake"]) == ("payroll", 250000)


def test_fail_on_names_the_new_kinds() -> None:
    code, _, err = run("gap", MINI, "--fail-on", "lifecycel")
    assert code == 2
    assert "reachability, lifecycle, duplication, any" in err
