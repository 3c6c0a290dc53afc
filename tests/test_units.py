import re
from decimal import Decimal

import pytest

from planner.units import (
    NumberStyle,
    Period,
    format_bandwidth,
    format_money,
    format_number,
    format_percentage,
    parse_bandwidth,
    parse_money,
    parse_percentage,
)


@pytest.mark.parametrize(
    ("text", "mbps"),
    [
        ("100 Mbit/s", 100.0),
        ("1 Gbit/s", 1000.0),
        ("10 Gbps", 10000.0),
        ("512 kbit/s", 0.512),
        ("2,5 Mbit/s", 2.5),
        ("1Tbit/s", 1e6),
        ("64000 bit/s", 0.064),
        ("100 Mbps", 100.0),
    ],
)
def test_parse_bandwidth(text: str, mbps: float) -> None:
    assert parse_bandwidth(text) == pytest.approx(mbps)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (100, "needs a unit: write '100 Mbit/s'"),
        ("100", "needs a unit"),
        ("100 MB/s", "is in bytes; planner counts bits: write '800 Mbit/s'"),
        ("fast", "is not a bandwidth"),
    ],
)
def test_parse_bandwidth_refuses(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_bandwidth(value)


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        (600000, Decimal(600000)),
        ("600k", Decimal(600000)),
        ("5.13M", Decimal(5130000)),
        ("5,13 MNOK", Decimal(5130000)),
        ("1 050 000", Decimal(1050000)),
        (5.13, Decimal("5.13")),
        ("kr 250 000", Decimal(250000)),
        ("1.5 mill", Decimal(1500000)),
        ("0.1M", Decimal(100000)),
    ],
)
def test_parse_money(value: object, amount: Decimal) -> None:
    assert parse_money(value) == amount


def test_parse_money_is_exact() -> None:
    # 0.1 + 0.2 in float is 0.30000000000000004; money must not drift.
    assert parse_money("0.1M") + parse_money("0.2M") == parse_money("0.3M")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5k", "negative"),
        ("1,200,000", "ambiguous"),
        ("lots", "is not an amount"),
        (True, "expected an amount"),
    ],
)
def test_parse_money_refuses(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_money(value)


@pytest.mark.parametrize(
    ("value", "fraction"),
    [
        ("99.9%", Decimal("0.999")),
        (0.999, Decimal("0.999")),
        ("70 %", Decimal("0.7")),
        ("99,5 %", Decimal("0.995")),
        (0, Decimal(0)),
    ],
)
def test_parse_percentage(value: object, fraction: Decimal) -> None:
    assert parse_percentage(value) == fraction


def test_parse_percentage_number_above_one_is_an_error() -> None:
    with pytest.raises(ValueError, match="write '70%' for a percentage"):
        parse_percentage(70)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2009Q3", "2009Q3"),
        ("2012H1", "2012H1"),
        ("V2012", "2012H1"),
        ("H2012", "2012H2"),
        ("2013", "2013"),
        ("2009q1", "2009Q1"),
    ],
)
def test_period_parse(text: str, canonical: str) -> None:
    assert str(Period.parse(text)) == canonical


def test_period_order_and_arithmetic() -> None:
    q = Period.parse("2009Q4")
    assert q.shift(1) == Period.parse("2010Q1")
    assert Period.parse("V2012") < Period.parse("H2012")
    assert Period.parse("2009Q3").start_date() == "2009-07-01"
    assert Period.parse("2009Q3").as_kind("half-year") == Period.parse("2009H2")


@pytest.mark.parametrize("bad", ["2009Q5", "Q3", "2009-07", "H12"])
def test_period_refuses(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a period"):
        Period.parse(bad)


def test_format_bandwidth() -> None:
    assert format_bandwidth(1000.0) == "1 Gbit/s"
    assert format_bandwidth(100.0) == "100 Mbit/s"
    assert format_bandwidth(0.512) == "512 kbit/s"
    assert format_bandwidth(2.5) == "2.5 Mbit/s"


NORSK = NumberStyle(decimal=",", group="\u00a0", minus="\u2212", space="\u00a0")


def test_one_formatter_per_quantity_in_any_language_s_marks() -> None:
    """The CLI's plain figures and a Norwegian report's differ only in the
    marks: the same rounding, the same unit."""
    assert format_number(-1234567.891, 2) == "-1234567.89"
    assert format_number(-1234567.891, 2, NORSK) == "\u22121\u00a0234\u00a0567,89"
    assert format_number(Decimal("2.5")) == "2"  # half to even, as round() does
    assert format_percentage(0.999) == "99.9 %"
    assert format_percentage(0.7, 0, NORSK) == "70\u00a0%"
    assert format_bandwidth(2.048) == "2048 kbit/s"
    assert format_bandwidth(2.048, NORSK) == "2048\u00a0kbit/s"  # never 2,048
    assert format_bandwidth(1500, NORSK) == "1,5\u00a0Gbit/s"
    assert format_bandwidth(24.99, NORSK) == "24,99\u00a0Mbit/s"


def test_format_money() -> None:
    assert format_money(Decimal(1050000)) == "1 050 000"
    assert format_money(Decimal("7440000.50")) == "7 440 000.50"


@pytest.mark.parametrize("value", [1, "1", 1.0])
def test_a_bare_one_is_ambiguous_as_a_percentage(value: object) -> None:
    with pytest.raises(
        ValueError, match=r"ambiguous: 100 % or 1 %\? write '100%' or '1%'"
    ):
        parse_percentage(value)


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("1.000", "1 or 1000? write 1 or 1000"),
        ("1,000", "1 or 1000? write 1 or 1000"),
        ("12.500k", "12.5 or 12500? write 12.5k or 12500k"),
    ],
)
def test_one_thousands_group_is_ambiguous_money(text: str, readings: str) -> None:
    with pytest.raises(
        ValueError, match=re.escape(f"'{text}' is ambiguous: {readings}")
    ):
        parse_money(text)


def test_one_thousands_group_is_ambiguous_bandwidth() -> None:
    with pytest.raises(ValueError, match="write 1 Mbit/s or 1000 Mbit/s"):
        parse_bandwidth("1.000 Mbit/s")
    assert parse_bandwidth("1.5 Gbit/s") == 1500.0


@pytest.mark.parametrize("text", ["9" * 500, "2000000000000000", "2 mrd mrd"])
def test_money_beyond_a_quadrillion_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text)


def test_bandwidth_beyond_a_petabit_is_refused() -> None:
    with pytest.raises(ValueError, match="over 1 Pbit/s"):
        parse_bandwidth("2000 Tbit/s")
    with pytest.raises(ValueError, match="too large"):
        parse_bandwidth("9" * 400 + " Mbit/s")


@pytest.mark.parametrize("mbps", [2.048, 2.0485, 1765.87, 1234.0, 0.5, 1000.0])
def test_formatted_bandwidth_reads_back_one_way(mbps: float) -> None:
    """planner never writes a figure like 2.048 that it would refuse."""
    text = format_bandwidth(mbps)
    assert parse_bandwidth(text) == pytest.approx(mbps, rel=1e-3)
