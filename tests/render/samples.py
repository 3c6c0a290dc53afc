"""A bandwidth analysis and a plan for the mini region, built by hand as
the analyses' result types, for the report's seams."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from planner.models.bandwidth import BandwidthReport, LinkLoad, Unreachable
from planner.models.planresult import (
    CostKey,
    Frame,
    Package,
    Phase,
    Placement,
    PlanResult,
    Share,
    Totals,
    YearTotal,
)
from planner.units import Period


def _load(link: str, a: str, b: str, capacity: float, demand: float) -> LinkLoad:
    return LinkLoad(
        id=link,
        a=a,
        b=b,
        status="active",
        municipalities=(),
        capacity_mbps=capacity,
        demand_mbps=demand,
        towards=a,
        utilisation=demand / capacity,
        worst_demand_mbps=demand,
        worst_utilisation=demand / capacity,
        failed_link=None,
        required_capacity_mbps=demand,
        recommended_capacity_mbps=1000.0,
        upgrade=None,
    )


BANDWIDTH = BandwidthReport(
    region="mini",
    target="default",
    currency="NOK",
    datacenters=("alpha-radhus",),
    failures="n-1",
    max_utilisation=0.7,
    total_demand_mbps=205.0,
    links=(
        _load("beta-gamma", "beta-radhus", "gamma-radhus", 100.0, 85.0),
        _load("alpha-beta", "alpha-radhus", "beta-radhus", 1000.0, 120.0),
    ),
    unreachable=(Unreachable("gamma-radhus", "beta-gamma"),),
)

_NETWORK = Package(
    id="network",
    name="network",
    kind="hand-written",
    reason="links between the municipalities first",
    generated=False,
    investment=Decimal(600000),
)
_DATA = Package(
    id="data-layer",
    name="data-layer",
    kind="harmonise",
    reason="<b>capacity</b> gap beta-gamma",
    generated=True,
    investment=Decimal(1000000),
)


def _share(muni: str, name: str, fraction: Fraction, amount: int) -> Share:
    money = Decimal(amount)
    return Share(
        muni,
        name,
        fraction,
        {
            "investment": money,
            "operating": Decimal(0),
            "total": money,
            "running": Decimal(0),
            "per_year": Decimal(0),
            "capital": Decimal(0),
        },
    )


PLAN = PlanResult(
    region="mini",
    region_name="Mini",
    currency="NOK",
    frame=Frame(start=Period.parse("2009Q3"), phase="quarter"),
    key=CostKey(weights=(("population", Decimal(1)),)),
    phases=(
        Phase(
            Period.parse("2009Q3"),
            ("network",),
            Decimal(850000),
            Decimal(0),
            0.0,
            Decimal(0),
        ),
        Phase(
            Period.parse("2010Q2"),
            ("data-layer",),
            Decimal(1000000),
            Decimal(0),
            0.0,
            Decimal(0),
        ),
    ),
    placements=(
        Placement(_NETWORK, Period.parse("2009Q3"), Period.parse("2009Q4")),
        Placement(_DATA, Period.parse("2010Q2"), Period.parse("2010Q2")),
    ),
    totals=Totals(
        investment=Decimal(1850000),
        operating=Decimal(0),
        contingency=Decimal(0),
        per_year=Decimal(0),
        by_year={
            2010: YearTotal(investment=Decimal(1000000)),
            2009: YearTotal(investment=Decimal(850000)),
        },
    ),
    shares=(
        _share("alpha", "Alpha", Fraction(6, 10), 1110000),
        _share("beta", "Beta", Fraction(3, 10), 555000),
        _share("gamma", "Gamma", Fraction(1, 10), 185000),
    ),
    projection=None,
    warnings=("phase 2010Q2 is over the budget per phase",),
)

GANTT = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60" '
    'viewBox="0 0 400 60"><rect x="10" y="10" width="120" height="16" '
    'fill="#1f4e79"/><rect x="140" y="34" width="200" height="16" '
    'fill="#1f78b4"/></svg>\n'
)
