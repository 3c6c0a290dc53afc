"""``planner validate --plan``: the plan file is checked as ``planner plan``
would check it, against the packages generated from the gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT
from tests.test_cli import run

Write = Callable[[str, str], Path]


def test_validate_with_the_example_plan() -> None:
    code, out, err = run(
        "validate",
        str(ROOT / "inventories/melhus.yaml"),
        "--plan",
        str(ROOT / "plans/melhus.yaml"),
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0].endswith(
        "2 municipalities, 2 sites, 0 servers, 0 systems, 1 link"
    )
    assert out.splitlines()[2].endswith(
        "13 work packages written, 0 generated from the gaps, 0 warnings"
    )


def test_a_reference_to_a_generated_package_is_checked(write: Write) -> None:
    """mini generates move-email (tests/planning/test_phases.py); a typo in
    a reference to it is the same located error planner plan gives."""
    plan = write(
        "plan.yaml",
        "schema: planner/plan/v1\nwork_packages:\n"
        "  - id: x\n    depends_on: [move-emial]\n",
    )
    expected = (
        f"{plan}:4:18: unknown work package 'move-emial' (neither generated nor "
        "written here); did you mean 'move-email'?\n"
    )
    mini = str(ROOT / "tests/data/mini.yaml")
    assert run("validate", mini, "--plan", str(plan)) == (2, "", expected)
    assert run("plan", mini, "--plan", str(plan)) == (2, "", expected)


def test_validate_reports_the_warnings_plan_gives(write: Write) -> None:
    """A missed deadline is a warning of the schedule: validate --plan
    schedules as plan does and prints the same warnings."""
    plan = write(
        "plan.yaml",
        "schema: planner/plan/v1\nstart: 2024H1\nwork_packages:\n"
        "  - id: a\n    duration: 4\n"
        "  - id: b\n    depends_on: [a]\n    deadline: 2024H2\n",
    )
    mini = str(ROOT / "tests/data/mini.yaml")
    code, out, err = run("validate", mini, "--plan", str(plan))
    assert (code, err) == (0, "")
    warnings = [ln for ln in out.splitlines() if ln.startswith("warning: ")]
    assert (
        "warning: work package b finishes in 2026H1, after its deadline 2024H2"
        in warnings
    )
    code, plan_json, _ = run("plan", mini, "--plan", str(plan), "--format", "json")
    import json

    assert [f"warning: {w}" for w in json.loads(plan_json)["warnings"]] == warnings
    assert f"{len(warnings)} warning" in out.splitlines()[2]
