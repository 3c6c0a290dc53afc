"""The net present value, against hand calculations."""

from __future__ import annotations

from decimal import Decimal

from planner.compare.npv import npv


def test_npv_discounts_to_the_first_year() -> None:
    # -100 now, 104 a year later at 4 %: 104 / 1.04 = 100, so 0.
    assert npv({2020: Decimal(-100), 2021: Decimal(104)}, Decimal("0.04")) == 0


def test_npv_counts_missing_years_as_time() -> None:
    # 1000 in 2010 and 2012 at 10 %: 1000 + 1000 / 1.21 = 1826.446...
    flows = {2012: Decimal(1000), 2010: Decimal(1000)}
    assert npv(flows, Decimal("0.1")) == 1826


def test_npv_rounds_once_half_up() -> None:
    # 0.5 + 0.5 / 1.0 : no discount, 1 (not 0 + 0 from rounding each year).
    assert npv({1: Decimal("0.5"), 2: Decimal("0.5")}, Decimal(0)) == 1
    assert npv({1: Decimal("2.5")}, Decimal(0)) == 3


def test_npv_of_nothing_is_zero() -> None:
    assert npv({}, Decimal("0.04")) == 0
