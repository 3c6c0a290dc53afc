"""The Kongsberg example plan in plans/kongsberg/ is what the tool produces.

A golden test: when the tool's output changes on purpose, regenerate the
files with ``make plans`` (or ``pytest --update-golden``) and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.commands.plan import OUTPUTS, plan, render_all
from tests.conftest import ROOT, Golden

GOLDEN = ROOT / "plans" / "kongsberg"


@pytest.fixture(scope="module")
def produced() -> dict[str, bytes]:
    result = plan(
        ROOT / "inventories" / "kongsberg.yaml",
        ROOT / "topologies" / "kongsberg-target.yaml",
        ROOT / "plans" / "kongsberg.yaml",
    )
    return render_all(result)


@pytest.mark.parametrize("name", OUTPUTS)
def test_example_plan_is_up_to_date(
    produced: dict[str, bytes], name: str, golden: Golden
) -> None:
    golden.check(GOLDEN / name, produced[name], f" (plans/kongsberg/{name})")


def test_the_report_order_links_first(produced: dict[str, bytes]) -> None:
    """The backbone upgrades come first (2007H1), the extranet after them
    (2007H2, its deadline), the data centre after the extranet (2008H1), and
    every move after the data centre; no warnings."""
    doc = json.loads(produced["plan.json"])
    start = {w["id"]: w["phase_start"] for w in doc["work_packages"]}
    assert start["link-kongsberg-notodden"] == "2007H1"
    assert (start["extranet"], start["datacenter"]) == ("2007H2", "2008H1")
    moves = [s for i, s in start.items() if i.startswith("move-")]
    assert len(moves) == 18 and min(moves) == "2008H2"
    assert doc["warnings"] == []


def test_golden_folder_holds_only_the_outputs() -> None:
    assert sorted(p.name for p in Path(GOLDEN).iterdir()) == sorted(OUTPUTS)
