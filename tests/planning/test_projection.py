"""Projections against the Region Vest and Melhus figures of DOMAIN.md,
computed by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.models.plan import ProjectionFile
from planner.planning.projection import project

M = Decimal(1_000_000)


def _column(projection: Any, name: str) -> list[Decimal]:
    return [getattr(y, name) for y in projection.years]


def test_region_vest_13_percent_growth_and_efficiency_gains() -> None:
    """44 MNOK in 2010 growing 13 % a year (1.13^n, rounded half up):
    2011 49 720 000; 2012 56 183 600; 2013 63 487 468; 2014 71 740 838.84
    -> 71 740 839; 2015 81 067 147.8892 -> 81 067 148; 2016
    91 605 877.114796 -> 91 605 877.

    Gains 0 % (2013), 3 %, 10 %, 15 % (2016): with cooperation 2014
    71 740 839 x 0.97 = 69 588 613.83 -> 69 588 614 (saving 2 152 225);
    2015 x 0.90 = 72 960 433.2 -> 72 960 433 (8 106 715); 2016 x 0.85 =
    77 864 995.45 -> 77 864 995 (13 740 882).

    Establishment (not given for Region Vest; 5 MNOK in 2012 and in 2013
    here): cumulative 0, 0, -5 000 000, -10 000 000, -7 847 775, +258 940,
    13 999 822: break-even 2015.
    """
    settings = ProjectionFile.model_validate(
        {
            "base_year": 2010,
            "base_cost": "44M",
            "growth": "13%",
            "efficiency": {2013: "0%", 2014: "3%", 2015: "10%", 2016: "15%"},
            "establishment": {2012: "5M", 2013: "5M"},
        }
    )
    p = project(settings, {})
    assert [y.year for y in p.years] == list(range(2010, 2017))
    assert _column(p, "baseline") == [
        44_000_000,
        49_720_000,
        56_183_600,
        63_487_468,
        71_740_839,
        81_067_148,
        91_605_877,
    ]
    assert _column(p, "cooperation")[3:] == [
        68_487_468,
        69_588_614,
        72_960_433,
        77_864_995,
    ]
    assert _column(p, "saving") == [
        0,
        0,
        -5_000_000,
        -5_000_000,
        2_152_225,
        8_106_715,
        13_740_882,
    ]
    assert _column(p, "cumulative")[-3:] == [-7_847_775, 258_940, 13_999_822]
    assert p.break_even == 2015


def test_melhus_series_as_given() -> None:
    """Melhus and Midtre Gauldal, MNOK: without cooperation 14.3, 14.8, 15.4,
    16.0 (2009-2012) against 12.4, 12.4, 12.5, 12.8 with (financing
    included, so no establishment added): savings 1.9, 2.4, 2.9, 3.2;
    10.4 MNOK over the four years; the saving starts at once (2009)."""
    settings = ProjectionFile.model_validate(
        {
            "base_year": 2007,
            "baseline": {
                2007: "10.9M",
                2008: "12.2M",
                2009: "14.3M",
                2010: "14.8M",
                2011: "15.4M",
                2012: "16.0M",
            },
            "cooperation": {2009: "12.4M", 2010: "12.4M", 2011: "12.5M", 2012: "12.8M"},
            "establishment": "none",
        }
    )
    p = project(settings, {2009: Decimal(1_600_000)})
    assert _column(p, "saving") == [
        0,
        0,
        Decimal("1.9") * M,
        Decimal("2.4") * M,
        Decimal("2.9") * M,
        Decimal("3.2") * M,
    ]
    assert p.years[-1].cumulative == Decimal("10.4") * M
    assert p.break_even == 2009


def test_establishment_from_the_plan_and_no_break_even() -> None:
    """10M a year growing 0 %, 1 % gain from 2021, the plan spends 5M in
    2020: savings 100 000 a year never repay it by 2025."""
    settings = ProjectionFile.model_validate(
        {
            "base_year": 2020,
            "base_cost": "10M",
            "efficiency": {2021: "1%"},
            "until": 2025,
        }
    )
    p = project(settings, {2020: Decimal(5_000_000), 2021: Decimal(0)})
    assert _column(p, "establishment") == [5_000_000, 0, 0, 0, 0, 0]
    assert p.years[-1].cumulative == -4_500_000
    assert p.break_even is None
    assert p.years[-1].efficiency == Decimal("0.01")  # the last gain holds
