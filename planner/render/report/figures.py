"""The key figures of a region, per municipality and in total: what a
steering group reads first (how big is what we are pooling?)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from planner.models.frozen import frozen
from planner.models.inventory import Inventory, Municipality

__all__ = ["Figures", "key_figures"]


@frozen
class Figures:
    """One row of the key-figures table; ``None`` where nobody wrote it."""

    id: str
    name: str
    population: int
    workstations: int | None
    sites: int
    server_rooms: int
    servers: int
    systems: int
    it_fte: float | None
    operations: Decimal | None
    investment: Decimal | None


def _row(m: Municipality) -> Figures:
    staff = m.it_staff
    return Figures(
        id=m.id,
        name=m.name,
        population=m.population,
        workstations=m.workstations,
        sites=len(m.sites),
        server_rooms=sum(s.server_room for s in m.sites),
        servers=sum(s.count for s in m.servers),
        systems=len(m.systems),
        it_fte=None if staff is None else staff.strategic + staff.operations,
        operations=m.budget.operations if m.budget else None,
        investment=m.budget.investment if m.budget else None,
    )


N = TypeVar("N", int, float, Decimal)


def _sum(values: Iterable[N | None]) -> N | None:
    """The sum of the values given; None when none is."""
    given = [v for v in values if v is not None]
    return sum(given[1:], given[0]) if given else None


def _total(rows: list[Figures], name: str) -> Figures:
    fte = _sum(r.it_fte for r in rows)
    return Figures(
        id="",
        name=name,
        population=sum(r.population for r in rows),
        workstations=_sum(r.workstations for r in rows),
        sites=sum(r.sites for r in rows),
        server_rooms=sum(r.server_rooms for r in rows),
        servers=sum(r.servers for r in rows),
        systems=sum(r.systems for r in rows),
        it_fte=None if fte is None else round(fte, 2),
        operations=_sum(r.operations for r in rows),
        investment=_sum(r.investment for r in rows),
    )


def key_figures(inventory: Inventory, total_name: str) -> tuple[list[Figures], Figures]:
    """One row per municipality in file order, and the region's total."""
    rows = [_row(m) for m in inventory.municipalities]
    return rows, _total(rows, total_name)
