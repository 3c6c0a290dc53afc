"""Running costs, savings and financing year by year, worked by hand."""

from __future__ import annotations

from decimal import Decimal

from planner.planning.series import accrued, annuity, capital_by_year
from planner.units import Period


def test_a_running_cost_accrues_pro_rata_from_the_phase_it_is_in_service() -> None:
    """480 000 a year from 2030Q2: 3 quarters of 2030 (360 000), then the
    whole year; from 2030H2 half of it; nothing before the year it starts."""
    q2 = Period.parse("2030Q2")
    assert accrued(Decimal(480_000), q2, 2029) == 0
    assert accrued(Decimal(480_000), q2, 2030) == 360_000
    assert accrued(Decimal(480_000), q2, 2031) == 480_000
    assert accrued(Decimal(480_000), Period.parse("2030H2"), 2030) == 240_000
    assert accrued(Decimal(480_000), Period.parse("2031"), 2030) == 0
    assert accrued(Decimal("0.02"), q2, 2030) == Decimal("0.015")  # exact


def test_one_annuity_by_hand() -> None:
    """1 000 000 over 5 years at 5 %: 1.05^5 = 1.2762815625, 1 - 1/that =
    0.21647383...; 50 000 / 0.21647383 = 230 974.80 -> 230 975 a year. At 0 %:
    200 000 a year."""
    assert annuity(Decimal(1_000_000), Decimal("0.05"), 5) == 230_975
    assert annuity(Decimal(1_000_000), Decimal(0), 5) == 200_000
    assert annuity(Decimal(1_000_000), Decimal(1), 1) == 2_000_000


def test_each_years_investment_is_paid_from_the_next_year() -> None:
    """1M in 2030 and 1M in 2031 over 2 years at 0 %: 500 000 in 2031,
    1 000 000 in 2032 (both loans), 500 000 in 2033."""
    got = capital_by_year({2030: Decimal(10**6), 2031: Decimal(10**6)}, Decimal(0), 2)
    assert got == {2031: 500_000, 2032: 1_000_000, 2033: 500_000}


def test_running_costs_add_up_as_each_stream_by_itself() -> None:
    """Streams alike are added as one amount times their count: the same
    value and the same digits as adding each stream's accrual, for prices
    written with other exponents (12.50 and 12.5), zeros and phases."""
    from planner.models.planresult import Package, Placement
    from planner.planning.series import plan_series

    # 12.5 alone accrues in 2030 (digits 1 place), 12.50 from 2031 (2).
    prices = [Decimal("12.5"), Decimal("12.50"), Decimal(0), Decimal("480000")]
    starts = ["2030Q1", "2031Q3", "2030Q2", "2030Q2"]
    placements = [
        Placement(
            Package(f"p{i}", "p", "link", "", True, per_year=prices[i % 4]),
            Period.parse(starts[i % 4]),
            Period.parse(starts[i % 4]),
        )
        for i in range(20)
    ]
    series = plan_series(placements, {}, {})
    for year in range(2029, 2034):
        naive = sum(
            (accrued(s.per_year, s.since, year) for s in series.streams), Decimal(0)
        )
        assert str(series.running(year)) == str(naive)
        assert series.savings(year) == 0
