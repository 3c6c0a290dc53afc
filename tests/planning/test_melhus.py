"""The Melhus and Midtre Gauldal establishment table (seed 003, DOMAIN.md)
reproduced exactly from plans/melhus.yaml and inventories/melhus.yaml.

The report, section 5a (NOK excl. VAT): start-up 200 000 (Q1 2009), SLA
100 000 (Q1-Q3 2009), design 450 000 (Q2-Q3 2009), physical infrastructure
250 000 and network 600 000 (Q3-Q4 2009), data layer 1 000 000, application
farm 400 000, infrastructure administration 600 000, core services 280 000
(Q2 2010), e-mail 50 000, PC operations 600 000, terminal services 600 000
(Q3 2010). By hand:
- investment 2009: 200 000 + 250 000 + 600 000 = 1 050 000;
- from operations 2009 (SLA and design): 100 000 + 450 000 = 550 000;
- investment 2010: 1 000 000 + 400 000 + 600 000 + 280 000 + 50 000
  + 600 000 + 600 000 = 3 530 000;
- total 1 050 000 + 550 000 + 3 530 000 = 5 130 000, investment 4 580 000;
- 25 % uncertainty beside it: 1 282 500 (2009: 400 000, 2010: 882 500).
Key 50 % equal, 50 % population with populations 70:30: Melhus 0.25 + 0.35
= 0.6, Midtre Gauldal 0.4; investment 4 580 000 -> 2 748 000 / 1 832 000.
"""

from __future__ import annotations

from typing import Any

import pytest

from planner.commands.plan import plan
from tests.conftest import ROOT

INVENTORY = ROOT / "inventories" / "melhus.yaml"
PLAN = ROOT / "plans" / "melhus.yaml"


@pytest.fixture(scope="module")
def melhus() -> Any:
    return plan(INVENTORY, None, PLAN)


def test_each_sub_project_starts_and_ends_in_the_reports_quarter(melhus: Any) -> None:
    got = {x.package.id: (str(x.start), str(x.end)) for x in melhus.placements}
    assert got == {
        "start-up": ("2009Q1", "2009Q1"),
        "organisational-launch": ("2009Q1", "2009Q1"),
        "sla": ("2009Q1", "2009Q3"),
        "design": ("2009Q2", "2009Q3"),
        "physical-infrastructure": ("2009Q3", "2009Q4"),
        "network": ("2009Q3", "2009Q4"),
        "data-layer": ("2010Q2", "2010Q2"),
        "application-farm": ("2010Q2", "2010Q2"),
        "infrastructure-administration": ("2010Q2", "2010Q2"),
        "core-services": ("2010Q2", "2010Q2"),
        "email": ("2010Q3", "2010Q3"),
        "pc-operations": ("2010Q3", "2010Q3"),
        "terminal-services": ("2010Q3", "2010Q3"),
    }


def test_totals_by_year_match_the_table(melhus: Any) -> None:
    t = melhus.totals
    assert (t.investment, t.operating, t.total) == (4_580_000, 550_000, 5_130_000)
    assert {y: (v.investment, v.operating) for y, v in t.by_year.items()} == {
        2009: (1_050_000, 550_000),
        2010: (3_530_000, 0),
    }


def test_uncertainty_is_beside_the_figures_not_in_them(melhus: Any) -> None:
    t = melhus.totals
    assert t.contingency == 1_282_500
    assert t.by_year[2009].contingency == 400_000
    assert t.by_year[2010].contingency == 882_500
    assert t.total == 5_130_000  # not 6 412 500


def test_shares_under_the_50_50_key(melhus: Any) -> None:
    shares = {s.municipality: s for s in melhus.shares}
    assert float(shares["melhus"].fraction) == 0.6
    assert shares["melhus"].amounts["investment"] == 2_748_000
    assert shares["midtre-gauldal"].amounts["investment"] == 1_832_000
    assert shares["melhus"].amounts["operating"] == 330_000
    assert melhus.warnings == ()


def test_operating_cost_projection(melhus: Any) -> None:
    """Savings 1.9 + 2.4 + 2.9 + 3.2 = 10.4 MNOK over 2009-2012."""
    p = melhus.projection
    assert p.years[-1].cumulative == 10_400_000
    assert p.break_even == 2009


def test_it_staff_without_and_with_cooperation(melhus: Any) -> None:
    """The report: 9, 10, 12, 13, 14, 14 FTE without cooperation
    (2007-2012); 12 with it from 2009, the first year with cooperation."""
    p = melhus.projection
    assert [y.staff_without for y in p.years] == [9, 10, 12, 13, 14, 14]
    assert [y.staff_with for y in p.years] == [9, 10, 12, 12, 12, 12]
