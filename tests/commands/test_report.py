"""``planner report`` through the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import MINI
from tests.render.tools import requires_dot


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@requires_dot
def test_report_writes_a_folder_byte_identically(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    code, out, err = run("report", MINI, "-o", first)
    assert (code, err) == (0, "")
    assert out == f"wrote {first / 'index.html'} and 5 more files\n"
    assert run("report", MINI, "-o", second)[0] == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == [
        "bandwidth.json",
        "current.svg",
        "gaps.json",
        "gaps.svg",
        "index.html",
        "target.svg",
    ]
    # The report's bandwidth analysis is planner bandwidth's, every failure in.
    code, doc, _ = run("bandwidth", MINI, "--failures", "n-1", "--format", "json")
    assert code == 0
    assert (first / "bandwidth.json").read_text(encoding="utf-8") == doc
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@requires_dot
def test_report_in_english_with_plan_settings(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    plan = write("plan.yaml", "cost_key: {equal: 30%, population: 70%}\n")
    assert (
        run("report", MINI, "--plan", plan, "--lang", "en", "-o", tmp_path / "r")[0]
        == 0
    )
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "30\u00a0% equally, 70\u00a0% by population" in html
    # The plan is made with those settings and shown, with its files beside.
    code, doc, _ = run("plan", MINI, "--plan", plan, "--format", "json")
    assert code == 0
    assert (tmp_path / "r" / "plan.json").read_text(encoding="utf-8") == doc
    assert (tmp_path / "r" / "gantt.svg").exists()
    assert 'src="gantt.svg"' in html and "move-email" in html
    # A diagram after each of the plan's three phases, as planner render draws it.
    for n in (1, 2, 3):
        assert f'src="phase-{n}.svg"' in html
    assert "After phase 2 (2025H1)" in html
    drawn = tmp_path / "phase-2.svg"
    code, _, _ = run(
        "render", MINI, "-p", plan, "--view", "phase:2", "--lang", "en", "-o", drawn
    )
    assert code == 0
    assert (tmp_path / "r" / "phase-2.svg").read_bytes() == drawn.read_bytes()


def test_long_plans_leave_the_phase_diagrams_to_render() -> None:
    from types import SimpleNamespace
    from typing import Any

    from planner.commands.report import MAX_PHASE_DIAGRAMS, _phases

    def plan(phases: int) -> Any:
        return SimpleNamespace(
            phases=[SimpleNamespace(period=f"P{i}") for i in range(phases)]
        )

    assert _phases(None) == []
    assert _phases(plan(MAX_PHASE_DIAGRAMS)) == [
        f"P{i}" for i in range(MAX_PHASE_DIAGRAMS)
    ]
    assert _phases(plan(MAX_PHASE_DIAGRAMS + 1)) == []


def test_report_never_overwrites_an_input(tmp_path: Path) -> None:
    inventory = tmp_path / "index.html"  # an odd name, but an input
    inventory.write_bytes(MINI.read_bytes())
    before = inventory.read_bytes()
    code, _, err = run("report", inventory, "-o", tmp_path)
    assert code == 2 and "would overwrite the input" in err
    assert inventory.read_bytes() == before


def test_report_needs_a_folder(tmp_path: Path) -> None:
    afile = tmp_path / "x"
    afile.write_text("", encoding="utf-8")
    code, _, err = run("report", MINI, "-o", afile)
    assert code == 2 and "is a file" in err
