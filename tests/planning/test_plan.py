"""make_frame and make_plan: the frame, contingency, the D-IKT key in a plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from planner.errors import UsageError
from planner.load import load_inventory
from planner.models.plan import PlanFile
from planner.models.planresult import Package
from planner.planning.costkey import key_from_file, parse_key
from planner.planning.plan import contingency, make_frame, make_plan
from planner.units import Period
from tests.conftest import MINI


def test_frame_from_the_plan_file_and_overrides() -> None:
    plan = PlanFile.model_validate(
        {"start": "V2009", "phase": "quarter", "budget_per_phase": {"investment": "2M"}}
    )
    f = make_frame(plan, None)
    assert (str(f.start), f.phase, f.budget_investment) == (
        "2009Q1",
        "quarter",
        2_000_000,
    )
    f = make_frame(plan, None, start=Period.parse("2010Q3"), phase="half-year")
    assert (str(f.start), f.phase) == ("2010H2", "half-year")


def test_default_start_is_the_phase_after_as_of() -> None:
    """as_of 2006-09-01 is in 2006H2: planning starts 2007H1 (2006Q4 in
    quarters)."""
    assert str(make_frame(PlanFile(), dt.date(2006, 9, 1)).start) == "2007H1"
    quarter = make_frame(PlanFile(phase="quarter"), dt.date(2006, 9, 1))
    assert str(quarter.start) == "2006Q4"
    with pytest.raises(UsageError, match=r"^start: no period to start from: give one"):
        make_frame(PlanFile(), None)


def test_contingency_to_the_øre() -> None:
    """25 % of 5 130 000 = 1 282 500; 33.3 % of 1 000 001 = 333 000.333
    -> 333 000.33."""
    assert contingency(Decimal(5_130_000), Decimal("0.25")) == Decimal(1_282_500)
    assert contingency(Decimal(1_000_001), Decimal("0.333")) == Decimal("333000.33")


def _package(id_: str, inv: int, op: int = 0) -> Package:
    return Package(
        id=id_,
        name=id_,
        kind="hand-written",
        reason="test",
        generated=False,
        investment=Decimal(inv),
        operating=Decimal(op),
    )


def test_dikt_key_in_a_plan() -> None:
    """Mini, 9M investment + 1M operating = 10M; base 2M each, the rest (4M)
    by workstations 300 / 120 / 40: fractions 0.460869..., 0.304347...,
    0.234782...; investment 9M -> 4 147 826.09 / 2 739 130.43 / 2 113 043.48;
    the floors add up to 8 999 999 and the krone left goes to the largest
    remainder (.48, gamma): 4 147 826 / 2 739 130 / 2 113 044."""
    inv = load_inventory(MINI).model
    frame = make_frame(PlanFile(start=Period.parse("2030H1")), None)
    key = parse_key("base 2M, 100% workstations")
    plan = make_plan(inv, [_package("a", 9_000_000, 1_000_000)], frame, key)
    shares = {s.municipality: s.amounts for s in plan.shares}
    assert shares["alpha"]["investment"] == 4_147_826
    assert shares["beta"]["investment"] == 2_739_130
    assert shares["gamma"]["investment"] == 2_113_044
    assert sum(s["operating"] for s in shares.values()) == 1_000_000
    assert plan.key.to_dict() == {"workstations": 1.0, "base": Decimal(2_000_000)}


def test_totals_per_year_with_quarters() -> None:
    inv = load_inventory(MINI).model
    frame = make_frame(PlanFile(start=Period.parse("2030Q3"), phase="quarter"), None)
    packages: list[Any] = [
        _package("a", 100),
        _package("b", 200, 5),
        Package(**{**_package("c", 300).__dict__, "depends_on": ("b",)}),
        Package(**{**_package("d", 400).__dict__, "depends_on": ("c",)}),
        Package(**{**_package("e", 500).__dict__, "depends_on": ("d",)}),
    ]
    plan = make_plan(inv, packages, frame, parse_key("equal"))
    by_year = {y: (t.investment, t.operating) for y, t in plan.totals.by_year.items()}
    assert by_year == {2030: (600, 5), 2031: (900, 0)}
    assert [str(p.period) for p in plan.phases] == [
        "2030Q3",
        "2030Q4",
        "2031Q1",
        "2031Q2",
    ]


def test_the_dikt_base_is_per_year() -> None:
    """Base 2M each (3 members), the rest by workstations 300 / 120 / 40:
    6M in 2030 and 6M in 2031 are each exactly the three bases, so each
    member pays 2M a year, 4M in all (applied once to the 12M, the base
    would leave 6M to split 0.652 / 0.261 / 0.087). A year of 3M, less
    than the bases, is split equally: 1M each."""
    inv = load_inventory(MINI).model
    frame = make_frame(PlanFile(start=Period.parse("2030"), phase="year"), None)
    key = parse_key("base 2M, 100% workstations")
    a = _package("a", 6_000_000)
    b = Package(**{**_package("b", 6_000_000).__dict__, "depends_on": ("a",)})
    plan = make_plan(inv, [a, b], frame, key)
    assert [s.amounts["investment"] for s in plan.shares] == [4_000_000] * 3
    small = make_plan(inv, [_package("c", 3_000_000)], frame, key)
    assert [s.amounts["investment"] for s in small.shares] == [1_000_000] * 3


def test_separate_keys_for_investment_and_operating() -> None:
    """cost_key: {investment: equal, operating: population}; mini's
    populations 7 000 / 3 000 / 1 000: 300 000 invested -> 100 000 each;
    110 000 from operations -> 70 000 / 30 000 / 10 000."""
    settings = PlanFile.model_validate(
        {
            "cost_key": {
                "investment": {"equal": "100%"},
                "operating": {"population": "100%"},
            }
        }
    )
    key = key_from_file(settings.cost_key)
    assert key.describe() == "investment: 100 % equal; operating: 100 % population"
    assert key.to_dict() == {
        "investment": {"equal": 1.0},
        "operating": {"population": 1.0},
    }
    inv = load_inventory(MINI).model
    frame = make_frame(PlanFile(start=Period.parse("2030H1")), None)
    plan = make_plan(inv, [_package("a", 300_000, 110_000)], frame, key)
    assert [(s.amounts["investment"], s.amounts["operating"]) for s in plan.shares] == [
        (100_000, 70_000),
        (100_000, 30_000),
        (100_000, 10_000),
    ]
