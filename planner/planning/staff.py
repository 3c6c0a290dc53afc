"""IT staff (FTE) year by year, without and with cooperation.

Without cooperation: the projection's ``staff_without`` figures (Melhus: 9,
10, 12, 13, 14, 14), later years keeping the last; else, when the
inventory gives ``it_staff``, its total (strategic + operations) grown from
the base year by the projection's growth, like the 0-alternative (or by
``staff_growth``: the 0-alternative's growth includes inflation), to 0.1
FTE. With cooperation: the plan's ``staff`` (one figure, or figures by year
with the last holding) from the first year of cooperation (a gain or a
figure "with cooperation" for it); before that, the staff without.
"""

from __future__ import annotations

from decimal import Decimal

from planner.models.inventory import Inventory
from planner.models.plan import ProjectionFile

__all__ = ["staff_with", "staff_without"]


def staff_without(
    settings: ProjectionFile, inventory: Inventory | None, year: int
) -> float | None:
    if settings.staff_without:
        given = [y for y in settings.staff_without if y <= year]
        return settings.staff_without[max(given)] if given else None
    if inventory is None:
        return None
    staff = [m.it_staff for m in inventory.municipalities if m.it_staff]
    if not staff:
        return None
    total = sum(s.strategic + s.operations for s in staff)
    rate = settings.growth if settings.staff_growth is None else settings.staff_growth
    grown = Decimal(str(total)) * (1 + rate) ** (year - settings.base_year)
    return float(round(grown, 1))


def staff_with(
    settings: ProjectionFile, without: float | None, cooperating: bool, year: int
) -> float | None:
    if settings.staff is None or not cooperating:
        return without
    if isinstance(settings.staff, dict):
        given = [y for y in settings.staff if y <= year]
        return settings.staff[max(given)] if given else without
    return settings.staff
