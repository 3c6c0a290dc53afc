"""Reading actuals CSV: Norwegian number forms, both separators, located
errors; and ROR-IKT's 2016 operating frame (DOMAIN.md) from the shipped
example: 33.502 MNOK budgeted, 3.065 MNOK overrun."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.load.actuals import parse_amount, read_actuals
from planner.models.progress import share
from planner.planning.followup import compare_actuals
from tests.conftest import ROOT

ROR = ROOT / "plans" / "ror-ikt-actuals-2016.csv"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", "1234"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234\u202f567", "1234567"),
        ("1.234.567,5", "1234567.5"),
        ("1,234,567.5", "1234567.5"),
        ("1.234.567", "1234567"),
        ("14,015", "14.015"),  # a lone comma is the decimal mark
        ("33.502", "33.502"),
        ("-2 798 000", "-2798000"),
        ("\u2212500", "-500"),
    ],
)
def test_parse_amount(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "12 kr", "1.23.4", "abc", "1,2,3"])
def test_parse_amount_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_amount(text)


def test_ror_ikt_2016_frame_and_overrun() -> None:
    """Licences 14.015 against 8.630, links 4.478 against 4.000 (DOMAIN.md);
    the third line is the rest of the 33.502 frame and of the actual
    33.502 + 3.065 = 36.567, derived by hand."""
    rows = read_actuals(ROR)
    actuals, warnings = compare_actuals(rows, {}, None, str(ROR))
    assert warnings == []
    assert actuals.budget == Decimal(33_502_000)
    assert actuals.actual == Decimal(36_567_000)
    total = actuals.to_dict()["total"]
    assert total["overrun"] == Decimal(3_065_000)
    # 3.065 / 33.502 = 0.0914871...: 9.15 % (DOMAIN.md truncates to 9.14 %).
    assert total["overrun_share"] == 0.091487
    lic, links, other = actuals.lines
    assert (lic.item, lic.overrun) == ("licences", Decimal(5_385_000))
    assert share(lic.overrun, lic.budget) == 0.623986  # 5.385 / 8.630
    assert (links.overrun, share(links.overrun, links.budget)) == (478_000, 0.1195)
    assert other.overrun == Decimal(-2_798_000)
    assert {x.kind for x in actuals.lines} == {"budget_line"}


def test_comma_separated_with_quoted_norwegian_numbers(
    write: Callable[[str, str], Path],
) -> None:
    path = write(
        "a.csv", 'Item,Year,Budget,Actual\nlinks,2016,"4 000 000,00",4478000\n'
    )
    (row,) = read_actuals(path)
    assert (row.item, row.year, row.budget, row.actual, row.line) == (
        "links",
        2016,
        Decimal("4000000.00"),
        Decimal(4478000),
        2,
    )


def test_every_mistake_located(write: Callable[[str, str], Path]) -> None:
    path = write(
        "a.csv",
        "item;year;budget;actual\n"
        "licences;2016;8 630 000;fjorten\n"
        "links;16;4 000 000\n"
        ";2016;1;2\n"
        "other;20x6;1;2,5,1\n",
    )
    with pytest.raises(InputError) as e:
        read_actuals(path, "a.csv")
    assert e.value.lines() == [
        "a.csv:2:25: actual: 'fjorten' is not a number: write e.g. 8630000, "
        "'8 630 000' or '8 630 000,50' (amounts in the region's currency)",
        "a.csv:3:1: 3 fields, expected 4",
        "a.csv:4:1: empty item",
        "a.csv:5:7: year '20x6' is not a year: write e.g. 2016",
        "a.csv:5:14: actual: '2,5,1' is not a number: write e.g. 8630000, "
        "'8 630 000' or '8 630 000,50' (amounts in the region's currency)",
    ]


def test_header_mistakes(write: Callable[[str, str], Path]) -> None:
    path = write("a.csv", "item,yaer,budget\n")
    with pytest.raises(InputError) as e:
        read_actuals(path, "a.csv")
    assert e.value.lines() == [
        "a.csv:1:1: missing column 'actual'",
        "a.csv:1:1: missing column 'year'",
        "a.csv:1:6: unknown column 'yaer'; did you mean 'year'?",
    ]
