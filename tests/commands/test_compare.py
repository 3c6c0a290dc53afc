"""``planner compare`` through click's CliRunner: every figure of a scenario
is what ``planner plan`` (and ``planner bandwidth``) give for it alone; the
same comparison in one process or two gives the same bytes; ``-o DIR``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.commands.compare import OUTPUTS
from tests.conftest import MINI, ROOT

KONGSBERG = ROOT / "inventories" / "kongsberg.yaml"
TARGET = ROOT / "topologies" / "kongsberg-target.yaml"
SCENARIOS = ROOT / "plans" / "scenarios" / "scenarios.yaml"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _json(*args: object) -> Any:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def example() -> Any:
    return _json("compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS)


def test_example_has_the_four_scenarios(example: Any) -> None:
    assert example["schema"] == "planner/compare/v1"
    assert [s["name"] for s in example["scenarios"]] == [
        "Vulkan",
        "Evolusjon",
        "Big bang",
        "Kinaputt",
    ]
    assert example["discount"] == 0.04


@pytest.mark.parametrize("index", range(4))
def test_every_figure_is_what_plan_gives_alone(example: Any, index: int) -> None:
    s = example["scenarios"][index]
    plan_file = SCENARIOS.parent / s["plan"]
    alone = _json("plan", KONGSBERG, "-t", TARGET, "-p", plan_file)
    totals = alone["totals"]
    for key in ("investment", "operating", "per_year", "contingency", "total"):
        assert s[key] == totals[key], key
    assert s["totals"] == totals
    assert (s["start"], s["finish"]) == (
        alone["phases"][0]["id"],
        alone["phases"][-1]["id"],
    )
    assert s["break_even"] == alone["projection"]["break_even"]
    assert s["shares"] == alone["shares"]
    assert s["warnings"] == alone["warnings"]
    assert s["settings"] == alone["settings"]
    assert s["work_packages"] == len(alone["work_packages"])
    missed = [w for w in alone["warnings"] if "after its deadline" in w]
    assert len(s["missed_deadlines"]) == len(missed)
    # NPV, recomputed independently (floats) from the plan's projection.
    years = alone["projection"]["years"]
    first = years[0]["year"]
    npv = sum(y["saving"] / 1.04 ** (y["year"] - first) for y in years)
    assert s["npv_basis"] == "projection" and s["npv_from"] == first
    assert abs(s["npv"] - npv) < 1


def test_network_figures_are_what_bandwidth_gives(example: Any) -> None:
    bw = _json("bandwidth", KONGSBERG, "-t", TARGET, "--failures", "n-1")
    worst = max(
        (ln["worst"]["utilisation"], ln["id"])
        for ln in bw["links"]
        if ln["worst"]["utilisation"] is not None
    )
    cut = sorted({u["site"] for u in bw["unreachable"] if u["failed_link"]})
    for s in example["scenarios"]:
        assert s["worst_utilisation"] == worst[0]
        assert s["worst_link"] == worst[1]
        assert s["cut_off_by_one_failure"] == cut


def test_the_basics_cost_less_and_big_bang_finishes_sooner(example: Any) -> None:
    vulkan, evolusjon, big_bang, kinaputt = example["scenarios"]
    assert evolusjon["investment"] < vulkan["investment"]
    assert big_bang["investment"] == vulkan["investment"]  # same work, sooner
    assert big_bang["finish"] < vulkan["finish"]
    assert big_bang["npv"] > vulkan["npv"]
    assert kinaputt["finish"] <= evolusjon["finish"]


def test_one_process_or_two_give_the_same_bytes() -> None:
    args = ["compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS]
    one = run(*args, "--jobs", "1", "--format", "json")
    two = run(*args, "--jobs", "2", "--format", "json")
    assert one[0] == 0 and one == two


def test_scenario_options_and_plan_costs_npv(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("schema: planner/plan/v1\nstart: 2024H1\n", encoding="utf-8")
    doc = _json("compare", MINI, "--scenario", f"A={plan}", "--discount", "10%")
    (s,) = doc["scenarios"]
    alone = _json("plan", MINI, "-p", plan)
    assert s["total"] == alone["totals"]["total"]
    # No projection: the plan's costs, negative, discounted to their first year.
    by_year = alone["totals"]["by_year"]
    first = min(int(y) for y in by_year)
    expected = sum(
        -Decimal(str(t["investment"] + t["operating"]))
        / Decimal("1.1") ** (int(y) - first)
        for y, t in by_year.items()
    )
    assert s["npv_basis"] == "plan" and s["npv"] < 0
    assert s["npv"] == int(expected.quantize(Decimal(1)))
    assert s["break_even"] is None


def test_without_is_the_inventory_without_that_member(
    tmp_path: Path, write: Any
) -> None:
    # mini without gamma, written out by hand: gamma's block and its links gone.
    text = MINI.read_text(encoding="utf-8")
    start, end = text.index("  - id: gamma"), text.index("links:")
    kept = [ln for ln in (text[:start] + text[end:]).splitlines() if "gamma" not in ln]
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "beta.yaml").write_bytes(
        (MINI.parent / "mini" / "beta.yaml").read_bytes()
    )
    smaller = tmp_path / "mini.yaml"
    smaller.write_text("\n".join(kept) + "\n", encoding="utf-8")
    write("s/plan.yaml", "schema: planner/plan/v1\ncost_key: {population: 100%}\n")
    scen = write(
        "s/scenarios.yaml",
        """\
        schema: planner/scenarios/v1
        scenarios:
          - {name: three, plan: plan.yaml}
          - {name: two, plan: plan.yaml, without: [gamma]}
        """,
    )
    doc = _json("compare", MINI, "--scenarios", scen)
    three, two = doc["scenarios"]
    assert two["without"] == ["gamma"]
    assert [x["municipality"] for x in two["shares"]] == ["alpha", "beta"]
    alone = _json("plan", smaller, "-p", tmp_path / "s" / "plan.yaml")
    assert two["shares"] == alone["shares"]
    assert two["totals"] == alone["totals"]
    assert two["warnings"] == alone["warnings"]
    assert three["totals"] != two["totals"]


def test_output_folder_has_every_file_and_is_byte_identical(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        code, _, err = run(
            "compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS, "-o", folder
        )
        assert code == 0, err
        runs.append({f: (folder / f).read_bytes() for f in OUTPUTS})
    assert sorted(runs[0]) == sorted(OUTPUTS)
    assert runs[0] == runs[1]
    svg = ET.fromstring(runs[0]["compare.svg"])
    lines = svg.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 4
    md = runs[0]["compare.md"].decode()
    assert "| Vulkan | Evolusjon | Big bang | Kinaputt |" in md
    assert json.loads(runs[0]["compare.json"])["schema"] == "planner/compare/v1"


def test_text_shows_each_scenario_and_the_shares() -> None:
    code, out, err = run("compare", KONGSBERG, "-t", TARGET, "--scenarios", SCENARIOS)
    assert code == 0, err
    assert "Shares of the total:" in out
    assert "Kinaputt: deadlines, failures, warnings:" in out
    row = next(ln for ln in out.splitlines() if ln.strip().startswith("investment"))
    assert row.split()[1:] == ["21", "924", "900", "16", "880", "500"] * 2


def test_discount_above_100_percent_is_a_usage_error() -> None:
    code, out, err = run(
        "compare",
        MINI,
        "--scenario",
        f"A={ROOT / 'plans' / 'melhus.yaml'}",
        "--discount",
        "150%",
    )
    assert (code, out) == (2, "")
    assert err == (
        "error: --discount: '150%' is not between 0 % and 100 %; write e.g. "
        "--discount 4%\n"
    )


def test_scenario_option_without_equals_sign() -> None:
    code, _, err = run("compare", MINI, "--scenario", "plans/melhus.yaml")
    assert code == 2
    assert err.startswith("error: --scenario: 'plans/melhus.yaml': write NAME=PLAN")


def test_the_same_name_in_an_option_and_a_file(write: Any) -> None:
    write("plan.yaml", "schema: planner/plan/v1\n")
    scen = write(
        "s.yaml",
        "schema: planner/scenarios/v1\nscenarios: [{name: A, plan: plan.yaml}]\n",
    )
    code, _, err = run(
        "compare",
        MINI,
        "--scenario",
        f"A={scen.parent / 'plan.yaml'}",
        "--scenarios",
        scen,
    )
    assert code == 2
    assert "scenario 'A' is given twice" in err
