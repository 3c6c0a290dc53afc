"""Results of the network design: frozen dataclasses read by the renderers.
``to_dict`` gives the ``planner/design/v1`` JSON contract of docs/design.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.models.frozen import frozen

__all__ = ["DesignGap", "DesignLink", "DesignResult", "DesignUpgrade", "Unresolved"]


@frozen(order=True)
class DesignGap:
    """A backbone or access requirement the network misses today: ``kind``
    is ``reachability`` (no path) or ``redundancy`` (too few)."""

    subject: str  # the site
    cls: str  # backbone | access
    kind: str
    paths: int  # today's edge-disjoint paths (capped at required)
    required: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "class": self.cls,
            "kind": self.kind,
            "paths": self.paths,
            "required": self.required,
        }


@frozen
class DesignLink:
    """A chosen candidate and the gaps it is needed for (without it they
    would stay open)."""

    id: str
    a: str
    b: str
    capacity_mbps: float
    medium: str
    investment: Decimal
    per_year: Decimal
    cost: Decimal  # investment + horizon x per_year
    closes: tuple[DesignGap, ...]
    improves: tuple[DesignGap, ...] = ()  # unresolved gaps it narrows

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "a": self.a,
            "b": self.b,
            "capacity_mbps": self.capacity_mbps,
            "medium": self.medium,
            "investment": self.investment,
            "per_year": self.per_year,
            "cost": self.cost,
            "closes": [g.to_dict() for g in self.closes],
            "improves": [g.to_dict() for g in self.improves],
        }


@frozen
class DesignUpgrade:
    """A link of the designed network whose worst single-failure load
    exceeds ``max_utilisation``: the capacity tier it then needs."""

    id: str
    candidate: bool  # a link the design adds
    capacity_mbps: float
    upgrade_to_mbps: float | None  # None: above every tier
    worst_demand_mbps: float
    failed_link: str | None
    investment: Decimal | None
    per_year: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "candidate": self.candidate,
            "capacity_mbps": self.capacity_mbps,
            "upgrade_to_mbps": self.upgrade_to_mbps,
            "worst_demand_mbps": round(self.worst_demand_mbps, 6) + 0.0,
            "failed_link": self.failed_link,
            "investment": self.investment,
            "per_year": self.per_year,
        }


@frozen
class Unresolved:
    """A gap no set of candidates closes: ``possible`` paths at most, even
    with every candidate built (the design still reaches that many)."""

    gap: DesignGap
    possible: int
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.gap.to_dict(), "possible": self.possible, "why": self.why}


@frozen
class DesignResult:
    """The least-cost set of candidate links closing the network gaps."""

    region: str
    target: str
    currency: str
    datacenters: tuple[str, ...]
    horizon: int
    candidates: int
    gaps: tuple[DesignGap, ...]
    links: tuple[DesignLink, ...]
    upgrades: tuple[DesignUpgrade, ...]
    unresolved: tuple[Unresolved, ...]
    optimal: bool
    bound: Decimal  # a proven lower bound on the cost (= cost when optimal)
    rounds: int  # MIP solves of the cut loop
    cuts: int
    warnings: tuple[str, ...] = ()

    @property
    def investment(self) -> Decimal:
        return sum((ln.investment for ln in self.links), Decimal(0))

    @property
    def per_year(self) -> Decimal:
        return sum((ln.per_year for ln in self.links), Decimal(0))

    @property
    def cost(self) -> Decimal:
        return sum((ln.cost for ln in self.links), Decimal(0))

    def upgrade_totals(self) -> dict[str, Decimal]:
        return {
            "investment": sum(
                (u.investment or Decimal(0) for u in self.upgrades), Decimal(0)
            ),
            "per_year": sum(
                (u.per_year or Decimal(0) for u in self.upgrades), Decimal(0)
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        gap = (
            0.0
            if self.optimal or not self.cost
            else float((self.cost - self.bound) / self.cost)
        )
        return {
            "schema": "planner/design/v1",
            "region": self.region,
            "target": self.target,
            "currency": self.currency,
            "datacenters": list(self.datacenters),
            "design_horizon": self.horizon,
            "candidates": self.candidates,
            "gaps": [g.to_dict() for g in self.gaps],
            "links": [ln.to_dict() for ln in self.links],
            "upgrades": [u.to_dict() for u in self.upgrades],
            "upgrade_totals": self.upgrade_totals(),
            "unresolved": [u.to_dict() for u in self.unresolved],
            "investment": self.investment,
            "per_year": self.per_year,
            "cost": self.cost,
            "optimal": True if self.optimal else self.bound,
            "gap": round(gap, 6),
            "solver": {"name": "HiGHS", "rounds": self.rounds, "cuts": self.cuts},
            "warnings": list(self.warnings),
        }
