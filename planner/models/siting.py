"""Results of ``planner site``: data-centre candidates ranked
(``planner/site/v1``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.models.frozen import frozen

__all__ = ["Candidate", "SiteResult"]

DESIGN_NOTE = (
    "design_investment is null: the target has no candidate links (network."
    "candidates, or per_km with max_km), so the network design has nothing to "
    "price; total is the upgrade investment alone"
)
DESIGNED_NOTE = (
    "design_investment is the network design's optimum for each candidate "
    "(what planner design gives with a target naming it); total is "
    "design_investment + upgrade_investment, per_year both links' per_year"
)


@frozen
class Candidate:
    """One town hall (or pair) as the data centre(s), and what the target
    would then cost and give."""

    primary: str
    secondary: str | None
    upgrade_investment: Decimal
    per_year: Decimal
    upgrades: int
    unpriced: tuple[str, ...]
    above_largest_tier: tuple[str, ...]
    min_availability: float
    min_availability_municipality: str | None
    distance: float | None
    cut_off: int
    # The network design's chosen links for this candidate (None: the target
    # has no candidate links, so no design was made).
    design_investment: Decimal | None = None
    design_per_year: Decimal = Decimal(0)
    design_links: int = 0
    design_unresolved: int = 0

    @property
    def total(self) -> Decimal:
        return self.upgrade_investment + (self.design_investment or Decimal(0))

    @property
    def all_per_year(self) -> Decimal:
        """The upgrades' and the designed links' per_year."""
        return self.per_year + self.design_per_year

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.total,
            len(self.above_largest_tier),
            -self.min_availability,
            self.distance if self.distance is not None else float("inf"),
            self.primary,
            self.secondary or "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "primary": self.primary,
            "secondary": self.secondary,
            "total": self.total,
            "design_investment": self.design_investment,
            "design_per_year": None
            if self.design_investment is None
            else self.design_per_year,
            "design_links": self.design_links,
            "design_unresolved": self.design_unresolved,
            "upgrade_investment": self.upgrade_investment,
            "upgrade_per_year": self.per_year,
            "per_year": self.all_per_year,
            "upgrades": self.upgrades,
            "unpriced": list(self.unpriced),
            "above_largest_tier": list(self.above_largest_tier),
            "min_availability": round(self.min_availability, 9),
            "min_availability_municipality": self.min_availability_municipality,
            "demand_weighted_distance": None
            if self.distance is None
            else round(self.distance, 6),
            "cut_off_by_one_failure": self.cut_off,
        }


@frozen
class SiteResult:
    region: str
    target: str
    currency: str
    count: int
    candidates: tuple[Candidate, ...]
    method: str = "exhaustive"
    designed: bool = False

    @property
    def note(self) -> str:
        return DESIGNED_NOTE if self.designed else DESIGN_NOTE

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/site/v1",
            "region": self.region,
            "target": self.target,
            "currency": self.currency,
            "count": self.count,
            "exact": self.method == "exhaustive",
            "method": self.method,
            "note": self.note,
            "candidates": [c.to_dict() for c in self.candidates],
        }
