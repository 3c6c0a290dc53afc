"""``planner progress`` on tests/data/mini.yaml, worked out by hand.

The mini plan (no caps, half-years from 2024H2): datacenter,
link-alpha-skole-link and link-beta-gamma in 2024H2; the four moves (each
after datacenter) in 2025H1; close-beta-radhus and three harmonisations
(after the moves) in 2025H2. Today, at 2025H1, the school link is upgraded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import DATA, MINI, ROOT

PLAN = "schema: planner/plan/v1\n"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _now(tmp: Path, old: str = "", new: str = "") -> Path:
    """mini.yaml as of 2025-03-01 with the school link at 100 Mbit/s (and
    ``old`` replaced by ``new`` in beta's file)."""
    (tmp / "mini").mkdir(exist_ok=True)
    beta = (DATA / "mini" / "beta.yaml").read_text(encoding="utf-8")
    beta = beta.replace(
        "alpha-skole, capacity: 10 Mbit/s", "alpha-skole, capacity: 100 Mbit/s"
    )
    (tmp / "mini" / "beta.yaml").write_text(beta.replace(old, new), encoding="utf-8")
    region = MINI.read_text(encoding="utf-8").replace("2024-01-01", "2025-03-01")
    (tmp / "now.yaml").write_text(region, encoding="utf-8")
    return tmp / "now.yaml"


def _progress(tmp: Path, *args: object) -> dict:  # type: ignore[type-arg]
    (tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, out, err = run(
        "progress", MINI, "--plan", tmp / "plan.yaml", "--format", "json", *args
    )
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def _table(doc: dict) -> dict[str, tuple]:  # type: ignore[type-arg]
    return {
        p["id"]: (p["status"], p["forecast_start"], p["slip"])
        for p in doc["work_packages"]
    }


def test_status_and_reforecast(tmp_path: Path) -> None:
    doc = _progress(tmp_path, "--now", _now(tmp_path))
    assert doc["schema"] == "planner/progress/v1"
    assert doc["as_of"] == "2025H1"  # 2025-03-01 is in the first half
    assert _table(doc) == {
        # Closes no gap and no dependent is done: the calendar says late.
        "datacenter": ("late", "2025H1", 1),
        "link-alpha-skole-link": ("done", None, None),
        "link-beta-gamma": ("late", "2025H1", 1),
        "move-case-archive": ("due", "2025H2", 1),
        "move-email": ("due", "2025H2", 1),
        "move-finance": ("due", "2025H2", 1),
        "move-office": ("due", "2025H2", 1),
        "introduce-hr-beta": ("due", "2025H2", 1),
        "close-beta-radhus": ("planned", "2026H1", 1),
        "harmonise-case-archive": ("planned", "2026H1", 1),
        "harmonise-email": ("planned", "2026H1", 1),
        "harmonise-office": ("planned", "2026H1", 1),
    }
    assert doc["status"] == {"done": 1, "late": 2, "due": 5, "planned": 4}
    assert (doc["finish"], doc["forecast_finish"], doc["slip"]) == (
        "2025H2",
        "2026H1",
        1,
    )
    beta_gamma = next(p for p in doc["work_packages"] if p["id"] == "link-beta-gamma")
    assert beta_gamma["open_gaps"] == [{"kind": "capacity", "subject": "beta-gamma"}]


def test_done_marks_a_package_no_gap_shows(tmp_path: Path) -> None:
    doc = _progress(tmp_path, "--now", _now(tmp_path), "--done", "datacenter")
    table = _table(doc)
    assert table["datacenter"] == ("done", None, None)
    # The moves wait for nothing now: on plan in 2025H1.
    assert table["move-email"] == ("due", "2025H1", 0)
    assert table["harmonise-email"] == ("planned", "2025H2", 0)
    assert (doc["forecast_finish"], doc["slip"]) == ("2025H2", 0)


def test_done_inferred_from_a_done_dependent(tmp_path: Path) -> None:
    """Beta's mail moved to MS Exchange as SaaS: the hosting and the
    harmonisation gap of email are closed, so move-email and
    harmonise-email are done, and datacenter, which move-email waited for."""
    now = _now(
        tmp_path,
        "product: GroupWise, users: 60, hosting: local, server: beta-srv",
        "product: MS Exchange, users: 60, hosting: saas",
    )
    doc = _progress(tmp_path, "--now", now)
    table = _table(doc)
    assert table["move-email"][0] == table["harmonise-email"][0] == "done"
    assert table["datacenter"] == ("done", None, None)
    dc = next(p for p in doc["work_packages"] if p["id"] == "datacenter")
    assert dc["status_inferred"] is True


def test_actuals_against_the_plan_and_warnings(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(
        "item;year;budget;actual\n"
        "link-beta-gamma;2025;250 000;310 000\n"
        "link-beta-gama;2025;0;1\n"
        "licences;2016;8 630 000;14 015 000\n",
        encoding="utf-8",
    )
    doc = _progress(tmp_path, "--actuals", csv)
    assert doc["as_of"] is None and doc["status"] is None
    lines = doc["actuals"]["lines"]
    assert lines[0] == {
        "item": "link-beta-gamma",
        "year": 2025,
        "kind": "work_package",
        "budget": 250000,
        "actual": 310000,
        "overrun": 60000,
        "overrun_share": 0.24,
        "planned": 250000,
        "against_plan": 60000,
    }
    assert [x["kind"] for x in lines[1:]] == ["budget_line", "budget_line"]
    assert doc["actuals"]["total"] == {
        "budget": 8_880_000,
        "actual": 14_325_001,
        "overrun": 5_445_001,
        "overrun_share": 0.613176,  # 5 445 001 / 8 880 000
    }
    assert doc["warnings"] == [
        f"{csv}:3: 'link-beta-gama' is not a work package of the plan; kept as a "
        "budget line; did you mean 'link-beta-gamma'?",
        f"{csv}:4: year 2016 is outside the plan (2024-2025)",
    ]


def test_ror_ikt_actuals_text(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, out, _ = run(
        "progress",
        MINI,
        "--plan",
        tmp_path / "plan.yaml",
        "--actuals",
        ROOT / "plans" / "ror-ikt-actuals-2016.csv",
    )
    assert code == 0
    assert "Budget 33 502 000, actual 36 567 000: overrun 3 065 000 (9.15 %)" in out
    assert (
        "  licences (budget line)          2016   8 630 000  14 015 000   5 385 000"
        "   62.40 %\n" in out
    )


def test_bad_actuals_exit_2(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("item,year,budget,actual\nx,2025,1O0,5\n", encoding="utf-8")
    code, out, err = run(
        "progress", MINI, "--plan", tmp_path / "plan.yaml", "--actuals", csv
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"{csv}:2:8: budget: '1O0' is not a number")


def test_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    base = ["progress", MINI, "--plan", tmp_path / "plan.yaml"]
    code, _, err = run(*base, "--as-of", "2025H1")
    assert (code, err) == (
        2,
        "error: --as-of needs --now (the inventory as it is today)\n",
    )
    shutil.copy(MINI, tmp_path / "mini.yaml")
    code, _, err = run(*base, "--now", _now(tmp_path), "--done", "datacentre")
    assert code == 2
    assert "'datacentre' is not a work package of the plan; did you mean" in err


def test_kongsberg_example_of_the_readme() -> None:
    """The tour's run: the backbone upgraded by 2008H2 (inventories/
    kongsberg-2008.yaml), the hand-written packages marked done."""
    code, out, err = run(
        "progress",
        ROOT / "inventories" / "kongsberg.yaml",
        "-t",
        ROOT / "topologies" / "kongsberg-target.yaml",
        "-p",
        ROOT / "plans" / "kongsberg.yaml",
        "--now",
        ROOT / "inventories" / "kongsberg-2008.yaml",
        "--done",
        "organisation,extranet,datacenter",
        "--actuals",
        ROOT / "plans" / "kongsberg-actuals-2007.csv",
        "--format",
        "json",
    )
    assert code == 0, err
    doc = json.loads(out)
    table = _table(doc)
    # The seven links between the town halls are 1 Gbit/s now: done, but a
    # generated link package closes only the gaps of its own link.
    assert table["link-kongsberg-notodden"] == ("done", None, None)
    assert table["organisation"] == ("done", None, None)
    assert doc["actuals"]["total"] == {
        "budget": 5_150_000,  # 600 000 + 1 200 000 + 250 000 + 3 100 000
        "actual": 5_752_500,  # 712 500 + 1 380 000 + 250 000 + 3 410 000
        "overrun": 602_500,
        "overrun_share": 0.11699,  # 602 500 / 5 150 000 = 0.116990...
    }
    assert doc["warnings"] == []


def test_as_of_before_the_plan_starts(tmp_path: Path) -> None:
    """At 2024H1, before the plan's first phase 2024H2: nothing is due yet,
    and the forecast is the plan itself (no slip)."""
    doc = _progress(tmp_path, "--now", _now(tmp_path), "--as-of", "2024H1")
    table = _table(doc)
    assert table["link-beta-gamma"] == ("planned", "2024H2", 0)
    assert table["link-alpha-skole-link"] == ("done", None, None)
    assert doc["status"] == {"done": 1, "late": 0, "due": 0, "planned": 11}
    assert (doc["forecast_finish"], doc["slip"]) == ("2025H2", 0)


# The links' running costs and the introduction of HR in beta left out, so
# the figures below stay the ones worked out by hand for this test.
PROJECTED = """\
schema: planner/plan/v1
work_packages:
  - {id: link-beta-gamma, per_year: 0}
  - {id: link-alpha-skole-link, per_year: 0}
  - {id: introduce-hr-beta, investment: 0}
projection:
  base_year: 2024
  base_cost: 1M
  efficiency: {2024: 20%}
  until: 2027
"""


def test_break_even_from_the_forecast_spending(tmp_path: Path) -> None:
    """The projection's gains run by the calendar (200 000 a year from
    2024); the plan spends 300 000 in 2024 and 445 000 in 2025. Savings
    -100, -245, +200, +200 (thousands): cumulative -100, -345, -145, +55, so
    the plan breaks even in 2027. At 2026H1, only the school link done
    (50 000, 2024): the rest moves to 2026 (250 000 + 235 000) and 2027
    (210 000): savings +150, +200, -285, -10, cumulative never below zero,
    so break-even is 2024, the first year with a saving. Delay moves the
    spending, not the gains: a limit of the projection (docs/followup.md)."""
    (tmp_path / "plan.yaml").write_text(PROJECTED, encoding="utf-8")
    code, out, err = run(
        "progress", MINI, "--plan", tmp_path / "plan.yaml", "--format", "json",
        "--now", _now(tmp_path), "--as-of", "2026H1",
    )  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["break_even"], doc["forecast_break_even"]) == (2027, 2024)
    assert (doc["forecast_finish"], doc["slip"]) == ("2027H1", 3)


def test_now_of_another_region_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    other = _now(tmp_path)
    other.write_text(
        other.read_text(encoding="utf-8").replace("id: mini", "id: maxi"),
        encoding="utf-8",
    )
    code, _, err = run(
        "progress", MINI, "--plan", tmp_path / "plan.yaml", "--now", other
    )
    assert code == 2
    assert err == (
        f"error: --now {other} describes region 'maxi', the plan region 'mini': "
        "give the same region as it is today\n"
    )
