"""The report's Gantt chart in HTML: groups by kind and municipality that
fold, numbered rows that list the rows they wait for, deadlines, at the
size of a large region (150 packages)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from planner.commands.report import report
from planner.models.planresult import Package, Phase, Placement, PlanResult
from planner.render.i18n import Messages
from planner.render.report.gantt_html import _ranges, gantt_groups
from planner.units import Period
from tests.conftest import ROOT
from tests.render.samples import PLAN as SAMPLE
from tests.render.tools import requires_dot

KONGSBERG = ROOT / "inventories/kongsberg.yaml"
TARGET = ROOT / "topologies/kongsberg-target.yaml"
EXTRA = 75


def big_plan(folder: Path) -> Path:
    """Kongsberg's plan (77 packages) with 75 more written by hand: chains
    of five, each chain waiting for the data centre, every tenth due in
    2008H1 (too early: missed)."""
    doc = yaml.safe_load((ROOT / "plans/kongsberg.yaml").read_text(encoding="utf-8"))
    doc["budget_per_phase"] = {"investment": "6M"}
    doc["staff_per_phase"] = 6.0
    for i in range(EXTRA):
        wp: dict[str, object] = {
            "id": f"tiltak-{i:02d}",
            "name": f"Lokalt tiltak nummer {i}",
            "investment": "100k",
            "effort": 0.1,
            "depends_on": [f"tiltak-{i - 1:02d}"] if i % 5 else ["datacenter"],
        }
        if i % 10 == 9:
            wp["deadline"] = "2008H1"
        doc["work_packages"].append(wp)
    path = folder / "big-plan.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def test_ranges() -> None:
    assert _ranges([]) == ""
    assert _ranges([1, 2, 4, 5, 6, 9]) == "1, 2, 4\u20136, 9"


def _doc() -> PlanResult:
    """Two packages in three phases: ``b`` waits for ``a`` and misses its
    deadline (the rest of the plan does not matter here)."""
    p = Period.parse
    b = Package(
        "b",
        "B",
        "move",
        "",
        True,
        investment=Decimal(10),
        municipalities=("x",),
        depends_on=("a",),
        deadline=p("2007H2"),
    )
    a = Package("a", "A", "link", "", True, municipalities=("x", "y"))
    phases = tuple(
        Phase(p(q), (), Decimal(0), Decimal(0), 0.0, Decimal(0))
        for q in ("2007H1", "2007H2", "2008H1")
    )
    return replace(
        SAMPLE,
        phases=phases,
        placements=(
            Placement(b, p("2007H2"), p("2008H1")),
            Placement(a, p("2007H1"), p("2007H1")),
        ),
    )


def test_groups_rows_and_deadlines_by_hand() -> None:
    g = gantt_groups(
        _doc(), {"a": "Samband A", "b": "Flytting B"}, {"x": "X"}, Messages("nb")
    )
    assert g is not None and g["phases"] == 3 and (g["cost"], g["waits"]) == (6, 7)
    assert [grp["title"] for grp in g["groups"]] == [
        "Samband: flere kommuner",
        "Flytting: X",
    ]
    link, move = g["groups"][0]["rows"][0], g["groups"][1]["rows"][0]
    assert (link["n"], link["start"], link["end"], link["waits"]) == (1, 3, 4, "")
    assert (move["n"], move["start"], move["end"], move["waits"]) == (2, 4, 6, "1")
    # due at the end of 2007H2, done in 2008H1: missed, the marker in 2007H2
    assert move["late"] and move["deadline"] == 4 and not link["late"]
    assert move["deadline_text"] == "frist 2. halvår 2007: nås ikke"
    assert move["money"] == "10\u00a0kr" and move["waits_names"] == "Samband A"


@requires_dot
@pytest.mark.slow
def test_a_plan_of_150_packages(tmp_path: Path) -> None:
    files = report(KONGSBERG, TARGET, big_plan(tmp_path), lang="nb")
    doc = json.loads(files["plan.json"])
    packages = {wp["id"]: wp for wp in doc["work_packages"]}
    assert len(packages) == 77 + EXTRA
    html = files["index.html"].decode("utf-8")
    chart = html[html.index('<div class="gantt"') : html.index('<p class="caption">')]
    rows = re.findall(
        r'<div class="grow( late)?" id="wp-(\d+)">.*?<small class="id">([^<]+)</small>'
        r'.*?<span class="waits"[^>]*>([^<]*)</span>',
        chart,
        re.S,
    )
    assert [int(r[1]) for r in rows] == list(range(1, len(packages) + 1))
    number = {r[2]: int(r[1]) for r in rows}
    assert set(number) == set(packages)
    for late, _, pid, waits in rows:
        wp = packages[pid]
        want = sorted(number[d] for d in wp["depends_on"])
        assert waits == _ranges(want), pid
        missed = wp["deadline"] is not None and wp["phase_end"] > wp["deadline"]
        assert bool(late) == missed, pid
    assert sum(1 for r in rows if r[0]) >= EXTRA // 10  # the early deadlines
    # one folding group per kind and municipality, in order, each open
    titles = re.findall(r"<details open class=\"ggroup\">\s*<summary>([^<]+)<", chart)
    assert len(titles) == len(set(titles)) == chart.count("<details")
    assert "Egne arbeidspakker: hele regionen" in [t.strip() for t in titles]
    assert "Samband: Kongsberg" in [t.strip() for t in titles]
