"""Cost keys: parsing, fractions and largest-remainder rounding, each
figure worked out by hand."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from planner.errors import UsageError
from planner.load import load_inventory
from planner.models.planresult import CostKey
from planner.planning.costkey import check_key, key_fractions, parse_key, split_amount
from tests.conftest import MINI

D = Decimal


def test_parse_key_spellings() -> None:
    both = ((("equal", D("0.5")), ("population", D("0.5"))), D(0))
    assert parse_key("50% equal, 50% population") == CostKey(*both)
    assert parse_key("equal 50 %, population 50 %") == CostKey(*both)
    assert parse_key("30/70 equal/population") == CostKey(
        (("equal", D("0.3")), ("population", D("0.7")))
    )
    assert parse_key("users") == CostKey((("users", D(1)),))
    assert parse_key("base 2M, 100% users") == CostKey((("users", D(1)),), D(2_000_000))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("50% equal, 40% population", "add up to 90 %, not 100 %"),
        (
            "50% equal, 50% popluation",
            "unknown criterion 'popluation'; did you mean 'population'?",
        ),
        ("30/70/10 equal/population", "3 numbers for 2 criteria"),
        ("half equal", "cannot read 'half equal'"),
        ("50% equal, 50% equal", "'equal' is named twice"),
    ],
)
def test_parse_key_errors(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_key(text)


def test_split_amount_largest_remainder() -> None:
    """100 in thirds: 33.33 each, 1 krone left goes to 'a' (tie: first id)."""
    thirds = {m: Fraction(1, 3) for m in "cab"}
    assert split_amount(D(100), thirds) == {"a": D(34), "b": D(33), "c": D(33)}


def test_split_amount_largest_remainder_beats_larger_fraction() -> None:
    """10 by 0.46 / 0.33 / 0.21: raw 4.6 / 3.3 / 2.1 -> floors 4 + 3 + 2 = 9;
    the one krone left goes to the largest remainder (0.6, 'x')."""
    fr = {"x": Fraction(46, 100), "y": Fraction(33, 100), "z": Fraction(21, 100)}
    assert split_amount(D(10), fr) == {"x": D(5), "y": D(3), "z": D(2)}


def test_split_amount_to_the_øre_and_øre_amounts() -> None:
    """100 kr in thirds to the øre: 33.34 + 33.33 + 33.33. An amount with
    øre is split to the øre even when whole kroner are asked for."""
    thirds = {m: Fraction(1, 3) for m in "abc"}
    assert split_amount(D(100), thirds, D("0.01")) == {
        "a": D("33.34"),
        "b": D("33.33"),
        "c": D("33.33"),
    }
    assert sum(split_amount(D("100.05"), thirds).values()) == D("100.05")


def test_key_fractions_mini() -> None:
    """Mini: populations 7000 / 3000 / 1000 (11000); 50 % equal, 50 % by
    population: alpha 1/6 + 7/22 = 32/66, beta 1/6 + 3/22 = 20/66,
    gamma 1/6 + 1/22 = 14/66."""
    inv = load_inventory(MINI).model
    fr = key_fractions(inv, parse_key("50% equal, 50% population"))
    assert fr == {
        "alpha": Fraction(32, 66),
        "beta": Fraction(20, 66),
        "gamma": Fraction(14, 66),
    }


def test_key_fractions_users_sum_system_users() -> None:
    """Users = the sum of system users: alpha 100+100+80+10+20+5 = 315,
    beta 60+60+40+5+10 = 175, gamma 20+20+15+3+4+2 = 64; total 554."""
    inv = load_inventory(MINI).model
    fr = key_fractions(inv, parse_key("users"))
    assert fr == {
        "alpha": Fraction(315, 554),
        "beta": Fraction(175, 554),
        "gamma": Fraction(64, 554),
    }


def test_key_fractions_dikt_base() -> None:
    """D-IKT form: 10M with a 2M base each, the rest by workstations
    (300 / 120 / 40 of 460). The 4M left: alpha 2M + 2 608 695.65 =
    4 608 695.65, beta 2M + 1 043 478.26, gamma 2M + 347 826.09; floors add
    up to 9 999 999 and the krone left goes to alpha (remainder .65). A base
    of 3 x 2M is more than 5M: an error."""
    inv = load_inventory(MINI).model
    key = parse_key("base 2M, 100% workstations")
    fr = key_fractions(inv, key, D(10_000_000))
    assert fr["gamma"] == (2_000_000 + Fraction(4_000_000 * 40, 460)) / 10_000_000
    shares = split_amount(D(10_000_000), fr)
    assert shares == {
        "alpha": D(4_608_696),
        "beta": D(3_043_478),
        "gamma": D(2_347_826),
    }
    assert sum(shares.values()) == D(10_000_000)
    with pytest.raises(UsageError, match="base 2 000 000 x 3 municipalities is more"):
        key_fractions(inv, key, D(5_000_000))


def test_check_key_names_the_municipality_without_the_figure() -> None:
    inv = load_inventory(MINI).model
    inv.municipalities[2].workstations = None
    seen: list[Any] = []

    def problem_at(loc: Any, message: str) -> str:
        seen.append((tuple(loc), message))
        return message

    check_key(inv, parse_key("workstations"), problem_at)  # type: ignore[arg-type]
    assert seen == [
        (
            ("municipalities", 2, "id"),
            "municipality 'gamma' has no workstations: the cost key splits by "
            "workstations; add workstations: N",
        )
    ]
