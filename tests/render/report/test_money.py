"""The money picture against hand calculations on Kongsberg's plan."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planner.commands.plan import plan
from planner.models.planresult import MunicipalYear, PlanResult
from planner.render.i18n import Messages
from planner.render.report.charts import Series, _nice, line_chart
from planner.render.report.gap_text import Names
from planner.render.report.money import (
    money_chart,
    money_section,
    staff_rows,
    with_without,
)
from planner.render.text.plan import plan_json
from tests.conftest import ROOT

PLAN = ROOT / "plans/kongsberg/plan.json"  # kept identical to the tool's by make plans


@pytest.fixture(scope="module")
def result() -> PlanResult:
    """Kongsberg's plan, the one plans/kongsberg/plan.json holds."""
    made = plan(
        ROOT / "inventories/kongsberg.yaml",
        ROOT / "topologies/kongsberg-target.yaml",
        ROOT / "plans/kongsberg.yaml",
    )
    assert plan_json(made) == Path(PLAN).read_text(encoding="utf-8")
    return made


@pytest.fixture(scope="module")
def doc(result: PlanResult) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(plan_json(result))
    return loaded


def test_totals_and_payback(result: PlanResult, doc: dict[str, Any]) -> None:
    cash = money_section(result, Names({}, {}, {}))
    assert cash is not None
    assert cash["total"] == Decimal(21924900 + 600000)
    assert cash["with_contingency"] == Decimal(22524900 + 5631225)
    assert cash["per_year"] == Decimal(1560000)
    # Break-even: the first year the cumulative saving is back at zero or
    # above after being negative.
    rows = cash["projection"]
    down = next(i for i, r in enumerate(rows) if r["cumulative"] < 0)
    first = next(r["year"] for r in rows[down:] if r["cumulative"] >= 0)
    assert cash["break_even"] == first == doc["projection"]["break_even"]
    assert [r["year"] for r in cash["projection"]][:2] == [2006, 2007]
    assert cash["years"] == [2007, 2008, 2009, 2010, 2011]


def test_each_municipalitys_years_add_up_exactly(result: PlanResult) -> None:
    cash = money_section(result, Names({"kongsberg": "Kongsberg"}, {}, {}))
    assert cash is not None
    munis = cash["municipalities"]
    assert munis[0]["name"] == "Kongsberg"
    for i, row in enumerate(cash["year_rows"]):
        assert sum(m["by_year"][i] for m in munis) == row["total"]
    assert sum(m["running"] for m in munis) == cash["per_year"]
    for m in munis:  # a municipality's years add up to its share of the plan
        assert sum(m["by_year"]) == m["total"]
    # Kongsberg pays 36.93 % of the population key: 2007's 5 550 000 kr.
    assert (
        abs(munis[0]["by_year"][0] - Decimal("5550000") * Decimal("0.369300912")) <= 1
    )


def test_no_plan_no_money() -> None:
    assert money_section(None, Names({}, {}, {})) is None


def test_the_chart_is_deterministic_and_escaped(result: PlanResult) -> None:
    cash = money_section(result, Names({}, {}, {}))
    assert cash is not None
    svg = money_chart(cash, Messages("nb"), "NOK")
    assert svg is not None and svg == money_chart(cash, Messages("nb"), "NOK")
    assert f"lønnsomt fra {cash['break_even']}" in svg and "Med samarbeid" in svg
    assert svg.count("<polyline") == 2
    hostile = line_chart("<b>", [1, 2], [Series("<i>&", [1.0, 2.0], "#000")], str)
    assert "<b>" not in hostile and "&lt;i&gt;&amp;" in hostile


def test_round_axis_tops() -> None:
    assert [_nice(v) for v in (104, 0.7, 1, 11, 260)] == [120, 0.8, 1, 12, 300]


def test_staff_by_year_without_and_with_cooperation(result: PlanResult) -> None:
    """Kongsberg's it_staff adds up to 7.0 + 18.4 = 25.4 FTE (DOMAIN.md) in
    2006, grown 13 % a year like the 0-alternative: 28.702 -> 28.7 in 2007,
    32.43 -> 32.4 in 2008; the plan sets no staff of its own, so with
    cooperation it is the same."""
    cash = money_section(result, Names({}, {}, {}))
    assert cash is not None and cash["staff"] is not None
    staff = cash["staff"]
    assert staff["years"] == list(range(2006, 2013))
    assert staff["without"][:3] == [25.4, 28.7, 32.4]
    assert staff["with"] == staff["without"]
    assert [r["staff_without"] for r in cash["projection"]] == staff["without"]
    assert staff_rows(None) is None


def test_each_municipality_with_and_without_cooperation(result: PlanResult) -> None:
    """Kongsberg's own IT operating budget, 15 500 000 in 2006, grown 13 %:
    17 515 000 in 2007. With cooperation in 2006 (no gain, no plan money
    yet) the same; the saving is without - with in every year."""
    cash = money_section(result, Names({"kongsberg": "Kongsberg"}, {}, {}))
    assert cash is not None
    table = cash["with_without"]
    assert table["years"] == list(range(2006, 2013))
    assert [m["id"] for m in table["municipalities"]][:2] == ["kongsberg", "øvre-eiker"]
    kongsberg = table["municipalities"][0]
    assert kongsberg["name"] == "Kongsberg"
    assert kongsberg["without"][:2] == [Decimal(15_500_000), Decimal(17_515_000)]
    assert kongsberg["with"][0] == Decimal(15_500_000)
    for m in table["municipalities"]:
        assert m["saving"] == [
            a - b for a, b in zip(m["without"], m["with"], strict=True)
        ]
    assert with_without((), Names({}, {}, {})) is None
    # a municipality without a budget has no figure without cooperation
    rows = (MunicipalYear("x", 2030, None, Decimal(5)),)
    got = with_without(rows, Names({}, {}, {}))
    assert got is not None and got["municipalities"][0]["without"] == [None]
