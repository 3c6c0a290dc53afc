"""``planner report`` through the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import MINI, ROOT
from tests.render.tools import requires_dot


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@requires_dot
def test_report_writes_a_folder_byte_identically(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    code, out, err = run("report", MINI, "-o", first)
    assert (code, err) == (0, "")
    assert out == f"wrote {first / 'index.html'} and 6 more files\n"
    assert run("report", MINI, "-o", second)[0] == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == [
        "bandwidth.json",
        "current.svg",
        "gaps.json",
        "gaps.svg",
        "index.html",
        "plan.xlsx",
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
    assert 'class="gantt"' in html and "move-email" in html  # id in small print
    # A diagram after each phase that changes the map (phase 2 only moves
    # systems), as planner render draws it, saying what changed.
    assert 'src="phase-1.svg"' in html and 'src="phase-3.svg"' in html
    assert 'src="phase-2.svg"' not in html
    assert "After phase 3 (2025 H2):</strong>" in html
    drawn = tmp_path / "phase-3.svg"
    code, _, _ = run(
        "render", MINI, "-p", plan, "--view", "phase:3", "--lang", "en", "-o", drawn
    )
    assert code == 0
    assert (tmp_path / "r" / "phase-3.svg").read_bytes() == drawn.read_bytes()


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


@requires_dot
def test_the_reports_gaps_are_gaps_gaps_under_the_same_failures(
    tmp_path: Path,
) -> None:
    """One set of numbers: the report's gap counts (the page and gaps.json)
    equal planner gap's with the same --failures, n-1 by default."""
    import json
    import re
    from collections import Counter

    target = ROOT / "topologies/kongsberg-target.yaml"
    inventory = ROOT / "inventories/kongsberg.yaml"
    counts: dict[str, bytes] = {}
    for mode in ("none", "n-1"):
        out = tmp_path / mode
        args = ["report", inventory, "-t", target, "-o", out, "--failures", mode]
        assert run(*args)[0] == 0
        code, doc, _ = run(
            "gap", inventory, "-t", target, "--failures", mode, "--format", "json"
        )
        assert code == 0
        gaps = json.loads(doc)["gaps"]
        assert (
            json.loads((out / "gaps.json").read_text(encoding="utf-8"))["gaps"] == gaps
        )
        html = (out / "index.html").read_text(encoding="utf-8")
        assert f"har {len(gaps)} avvik fra målbildet" in html
        shown = dict(
            re.findall(r'<a href="#all-(\w+)">[^<]*</a></th><td>(\d+)</td>', html)
        )
        assert {k: int(n) for k, n in shown.items()} == Counter(g["kind"] for g in gaps)
        assert f"--failures {mode}" in html  # the mode is stated
        counts[mode] = (out / "bandwidth.json").read_bytes()
    assert counts["n-1"] != counts["none"]  # the option reaches the analysis
    code, _, _ = run("report", inventory, "-t", target, "-o", tmp_path / "d")
    default = (tmp_path / "d" / "gaps.json").read_bytes()
    assert default == (tmp_path / "n-1" / "gaps.json").read_bytes()
