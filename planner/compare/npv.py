"""Net present value of a scenario's yearly cash flows.

With a projection the cash flow of a year is its saving (the 0-alternative
less the cost with cooperation, establishment included); without one it is
minus the plan's establishment cost of the year (investment + operating).
Each flow is discounted to the first year of the series::

    NPV = sum over years y of flow(y) / (1 + r) ** (y - y0)

computed exactly to 60 digits and rounded half up to whole currency units
once, at the end. A positive NPV is a gain.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from planner.models.planresult import PlanResult

__all__ = ["cash_flows", "npv"]


def cash_flows(plan: PlanResult) -> tuple[str, dict[int, Decimal]]:
    """``("projection", savings by year)`` or ``("plan", -costs by year)``."""
    if plan.projection is not None:
        return "projection", {y.year: y.saving for y in plan.projection.years}
    return "plan", {
        y: -(t.investment + t.operating) for y, t in plan.totals.by_year.items()
    }


def npv(flows: Mapping[int, Decimal], rate: Decimal) -> Decimal:
    """The flows discounted at ``rate`` (a fraction) to their first year."""
    if not flows:
        return Decimal(0)
    first = min(flows)
    with localcontext() as ctx:
        ctx.prec = 60
        value = sum(
            (v / (1 + rate) ** (y - first) for y, v in flows.items()), Decimal(0)
        )
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
