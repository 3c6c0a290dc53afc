"""Results of the bandwidth analysis: frozen dataclasses read by the
renderers. ``to_dict`` gives the ``planner/bandwidth/v1`` JSON contract of
docs/bandwidth.md: links and sites by the ids users wrote, lists sorted,
floats rounded to 6 decimals (a bit per second) so that output diffs cleanly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from planner.models.frozen import frozen

__all__ = [
    "BandwidthReport",
    "Failed",
    "FailureMode",
    "LinkLoad",
    "Unreachable",
    "Upgrade",
]

FailureMode = Literal["none", "n-1", "n-1+sites"]
"""``n-1``: every single link and every risk group; ``n-1+sites`` also
every single site but the data centres."""
Failed = tuple[str, str]
"""What failed: ``(kind, id)``, kind ``link``, ``risk-group`` or ``site``."""


def _failed(failed: Failed | None) -> dict[str, str] | None:
    return None if failed is None else {"kind": failed[0], "id": failed[1]}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6) + 0.0  # + 0.0: no "-0.0"


@frozen
class Upgrade:
    """Bringing a link up to a capacity tier, at the target's price (None:
    the target gives no ``upgrade_cost`` for that tier)."""

    capacity_mbps: float
    investment: Decimal | None
    per_year: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "capacity_mbps": self.capacity_mbps,
            "investment": self.investment,
            "per_year": self.per_year,
        }


@frozen
class LinkLoad:
    """One link's planned peak load, at baseline and at its worst single
    link failure (the baseline again when no failure makes it worse, or
    when failures were not computed: ``failed_link`` is then None)."""

    id: str
    a: str
    b: str
    status: str
    municipalities: tuple[str, ...]
    capacity_mbps: float
    demand_mbps: float
    towards: str | None  # the end the traffic flows to; None when idle
    utilisation: float | None  # None: zero capacity
    worst_demand_mbps: float
    worst_utilisation: float | None
    failed_link: str | None
    required_capacity_mbps: float
    recommended_capacity_mbps: float | None  # None: above every tier
    upgrade: Upgrade | None
    failed: Failed | None = None  # the worst failure, of any kind

    @property
    def worst_cause(self) -> str | None:
        """What failing makes this link's load worst, for tables."""
        if self.failed is None or self.failed[0] == "link":
            return self.failed_link
        return f"{self.failed[0]} {self.failed[1]}"

    def to_dict(self) -> dict[str, Any]:
        # The worst is the baseline for most links: rounded once (a national
        # report writes 19,000 links; rounding is most of the time).
        demand, util = _r(self.demand_mbps), _r(self.utilisation)
        same = self.worst_demand_mbps == self.demand_mbps
        return {
            "id": self.id,
            "a": self.a,
            "b": self.b,
            "status": self.status,
            "capacity_mbps": self.capacity_mbps,
            "demand_mbps": demand,
            "towards": self.towards,
            "utilisation": util,
            "worst": {
                "utilisation": util
                if same and self.worst_utilisation == self.utilisation
                else _r(self.worst_utilisation),
                "demand_mbps": demand if same else _r(self.worst_demand_mbps),
                "failed_link": self.failed_link,
                "failed": _failed(self.failed),
            },
            "required_capacity_mbps": _r(self.required_capacity_mbps),
            "recommended_capacity_mbps": self.recommended_capacity_mbps,
            "upgrade": None if self.upgrade is None else self.upgrade.to_dict(),
        }


@frozen(order=True)
class Unreachable:
    """A site with no path to any data centre: at baseline (``failed``
    None) or when a link, a risk group or a site fails (``failed_link`` is
    kept for link failures)."""

    site: str
    failed_link: str | None
    failed: Failed | None = None

    def sort_key(self) -> tuple[str, str, str, str]:
        kind, id_ = self.failed or ("", "")
        return (self.site, self.failed_link or "", kind, id_)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "failed_link": self.failed_link,
            "failed": _failed(self.failed),
        }


@frozen
class BandwidthReport:
    """Demand, utilisation and upgrade needs of every link of the target
    network (active and planned links)."""

    region: str
    target: str
    currency: str
    datacenters: tuple[str, ...]
    failures: FailureMode
    max_utilisation: float
    total_demand_mbps: float
    links: tuple[LinkLoad, ...]
    unreachable: tuple[Unreachable, ...]
    # Primary-secondary replication counted on the links (0: none, or the
    # data centres are peers; planner/analyses/standby.py).
    replication_mbps: float = 0.0

    @property
    def upgrades(self) -> tuple[LinkLoad, ...]:
        return tuple(ln for ln in self.links if ln.upgrade is not None)

    def upgrade_totals(self) -> dict[str, Decimal]:
        """The money of all priced upgrades."""
        return _totals(self.upgrades)

    def utilisation(self) -> dict[str, float]:
        """Link id -> utilisation today (demand / capacity), for the
        diagrams' line colours; links without capacity are left out."""
        return {
            ln.id: ln.utilisation for ln in self.links if ln.utilisation is not None
        }

    def to_dict(self) -> dict[str, Any]:
        ups = self.upgrades
        return {
            "schema": "planner/bandwidth/v1",
            "region": self.region,
            "target": self.target,
            "currency": self.currency,
            "datacenters": list(self.datacenters),
            "failures": self.failures,
            "max_utilisation": self.max_utilisation,
            "total_demand_mbps": _r(self.total_demand_mbps),
            "replication_mbps": _r(self.replication_mbps),
            "links": [ln.to_dict() for ln in self.links],
            "unreachable": [u.to_dict() for u in self.unreachable],
            "upgrades": {
                "links": len(ups),
                "unpriced": sorted(
                    ln.id
                    for ln in ups
                    if ln.upgrade is not None and ln.upgrade.investment is None
                ),
                "above_largest_tier": sorted(
                    ln.id for ln in self.links if ln.recommended_capacity_mbps is None
                ),
                **_totals(ups),
            },
        }


def _totals(links: tuple[LinkLoad, ...]) -> dict[str, Decimal]:
    ups = [ln.upgrade for ln in links if ln.upgrade is not None]
    return {
        "investment": sum((u.investment or Decimal(0) for u in ups), Decimal(0)),
        "per_year": sum((u.per_year or Decimal(0) for u in ups), Decimal(0)),
    }
