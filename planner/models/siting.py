"""Results of ``planner site``: data-centre candidates ranked
(``planner/site/v1``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["Candidate", "SiteResult"]

DESIGN_NOTE = (
    "design_investment is null until the network design (planner design) can "
    "price each pair's new links; total is the upgrade investment alone"
)


@dataclass(frozen=True)
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

    @property
    def total(self) -> Decimal:
        return self.upgrade_investment

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
            "design_investment": None,
            "upgrade_investment": self.upgrade_investment,
            "per_year": self.per_year,
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


@dataclass(frozen=True)
class SiteResult:
    region: str
    target: str
    currency: str
    count: int
    candidates: tuple[Candidate, ...]
    method: str = "exhaustive"

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/site/v1",
            "region": self.region,
            "target": self.target,
            "currency": self.currency,
            "count": self.count,
            "exact": self.method == "exhaustive",
            "method": self.method,
            "note": DESIGN_NOTE,
            "candidates": [c.to_dict() for c in self.candidates],
        }
