"""The figures behind each kind of gap: one frozen dataclass per kind.

Planning, the diagram views and the gap sentences read these typed fields
(mypy checks every read); ``to_dict`` gives the ``data`` object of the
``planner/gap/v1`` JSON, key for key what the analyses wrote before the
payloads were typed (optional keys absent rather than ``null`` where they
were absent then).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.models.availability import Estimate
from planner.models.bandwidth import Upgrade
from planner.models.frozen import frozen

__all__ = [
    "AvailabilityGap",
    "CapacityGap",
    "ConsolidationGap",
    "CoverageGap",
    "DueServer",
    "DuplicationGap",
    "GapData",
    "HarmonisationGap",
    "HostedSystem",
    "HostingGap",
    "LifecycleGap",
    "Mover",
    "ProductUse",
    "Project",
    "ReachabilityGap",
    "RedundancyGap",
    "SeveralProducts",
    "UtilisationGap",
]


@frozen
class CoverageGap:
    """A municipality has no system for a required service."""

    service: str

    def to_dict(self) -> dict[str, Any]:
        return {"service": self.service}


@frozen
class ProductUse:
    """One product of a service: its users and where it runs."""

    product: str
    users: int
    municipalities: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "users": self.users,
            "municipalities": list(self.municipalities),
        }


@frozen
class Mover:
    """A municipality leaving ``product`` for the standard."""

    municipality: str
    product: str
    users: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "product": self.product,
            "users": self.users,
        }


@frozen
class SeveralProducts:
    """A municipality running more than one product of the service."""

    municipality: str
    products: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"municipality": self.municipality, "products": list(self.products)}


@frozen
class HarmonisationGap:
    """A service on more than one product, or not on the standard."""

    products: tuple[ProductUse, ...]
    standard: str
    standard_source: str  # "target" or "most users"
    moving: tuple[Mover, ...]
    users_to_move: int
    several_products: tuple[SeveralProducts, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "products": [p.to_dict() for p in self.products],
            "standard": self.standard,
            "standard_source": self.standard_source,
            "moving": [m.to_dict() for m in self.moving],
            "users_to_move": self.users_to_move,
            "several_products": [s.to_dict() for s in self.several_products],
        }


@frozen
class HostedSystem:
    """A system that has to move to the target's hosting."""

    system: str
    municipality: str
    product: str
    hosting: str
    server: str | None
    hosted_by: str | None
    users: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "municipality": self.municipality,
            "product": self.product,
            "hosting": self.hosting,
            "server": self.server,
            "hosted_by": self.hosted_by,
            "users": self.users,
        }


@frozen
class HostingGap:
    """Systems of a service not hosted as the target wants."""

    target_hosting: str  # "central" or "saas"
    systems: tuple[HostedSystem, ...]
    users: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "target_hosting": self.target_hosting,
            "systems": [s.to_dict() for s in self.systems],
            "users": self.users,
        }


@frozen
class ConsolidationGap:
    """A municipality's servers that consolidation retires (kind ``hosting``)."""

    servers_retired: int
    servers_total: int
    servers: tuple[str, ...]
    server_rooms_closed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "consolidation": True,
            "servers_retired": self.servers_retired,
            "servers_total": self.servers_total,
            "servers": list(self.servers),
            "server_rooms_closed": list(self.server_rooms_closed),
        }


@frozen
class CapacityGap:
    """A link below its class's minimum capacity, between sites ``a`` and ``b``."""

    link_class: str  # "backbone" or "access"; "class" in JSON
    a: str
    b: str
    capacity_mbps: float
    required_mbps: float
    upgrade_to_mbps: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "class": self.link_class,
            "a": self.a,
            "b": self.b,
            "capacity_mbps": self.capacity_mbps,
            "required_mbps": self.required_mbps,
            "upgrade_to_mbps": self.upgrade_to_mbps,
        }


@frozen
class RedundancyGap:
    """A site with fewer independent paths than its class requires.

    ``risk_group`` is set when a shared risk leaves one path in effect
    (absent from JSON otherwise).
    """

    link_class: str  # "backbone" or "access"; "class" in JSON
    paths: int
    required: int
    single_points_of_failure: tuple[str, ...]
    cut: tuple[str, ...]
    risk_group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "class": self.link_class,
            "paths": self.paths,
            "required": self.required,
            "single_points_of_failure": list(self.single_points_of_failure),
            "cut": list(self.cut),
        }
        if self.risk_group is not None:
            out["risk_group"] = self.risk_group
        return out


@frozen
class ReachabilityGap:
    """A site with no path to a data centre; ``through_non_transit`` when
    one would exist through other sites' ``transit: false`` links (JSON
    ``"through_non_transit": true``, absent otherwise)."""

    site: str
    role: str
    through_non_transit: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"site": self.site, "role": self.role}
        if self.through_non_transit:
            out["through_non_transit"] = True
        return out


@frozen
class UtilisationGap:
    """A link the planned peak pushes over ``limit`` (at baseline, or when
    ``failed_link`` fails)."""

    capacity_mbps: float
    demand_mbps: float
    utilisation: float | None
    worst_utilisation: float | None
    worst_demand_mbps: float
    failed_link: str | None
    towards: str | None
    limit: float
    recommended_capacity_mbps: float | None
    upgrade: Upgrade | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "capacity_mbps": self.capacity_mbps,
            "demand_mbps": self.demand_mbps,
            "utilisation": self.utilisation,
            "worst_utilisation": self.worst_utilisation,
            "worst_demand_mbps": self.worst_demand_mbps,
            "failed_link": self.failed_link,
            "towards": self.towards,
            "limit": self.limit,
            "recommended_capacity_mbps": self.recommended_capacity_mbps,
            "upgrade": None if self.upgrade is None else self.upgrade.to_dict(),
        }


@frozen
class AvailabilityGap:
    """Municipalities whose estimated availability of a service is below
    ``target``."""

    target: float
    estimates: tuple[Estimate, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "estimates": [e.to_dict() for e in self.estimates],
        }


@frozen
class DueServer:
    """A server due for replacement: by ``age`` (years), by its platform's
    ``end_of_support`` (ISO date), or both; each absent from JSON when None."""

    server: str
    count: int
    platform: str | None
    purchased: int | None
    age: int | None = None
    end_of_support: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "server": self.server,
            "count": self.count,
            "platform": self.platform,
            "purchased": self.purchased,
        }
        if self.age is not None:
            out["age"] = self.age
        if self.end_of_support is not None:
            out["end_of_support"] = self.end_of_support
        return out


@frozen
class LifecycleGap:
    """A municipality's servers due for replacement and what replacing them costs."""

    servers: tuple[DueServer, ...]
    servers_due: int
    reinvestment: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "servers": [s.to_dict() for s in self.servers],
            "servers_due": self.servers_due,
            "reinvestment": self.reinvestment,
        }


@frozen
class Project:
    """One municipality's project on a service."""

    municipality: str
    name: str
    cost: Decimal | None
    period: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "name": self.name,
            "cost": self.cost,
            "period": self.period,
        }


@frozen
class DuplicationGap:
    """Several municipalities' projects on one service; ``at_stake`` is what
    one joint project saves of ``total``."""

    projects: tuple[Project, ...]
    total: Decimal
    at_stake: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {
            "projects": [p.to_dict() for p in self.projects],
            "total": self.total,
            "at_stake": self.at_stake,
        }


GapData = (
    CoverageGap
    | HarmonisationGap
    | HostingGap
    | ConsolidationGap
    | CapacityGap
    | RedundancyGap
    | ReachabilityGap
    | UtilisationGap
    | AvailabilityGap
    | LifecycleGap
    | DuplicationGap
)
