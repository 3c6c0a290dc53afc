"""The target architecture format (``planner/target/v1``).

Two layers: :class:`TargetFile` is what a user writes (almost everything
optional, since a target may ``extends: default`` and override parts);
:class:`Target` is the resolved target the analyses use, every value filled
in from the file, the default target or the documented fallbacks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from planner.models.common import (
    FTE,
    Bandwidth,
    Custom,
    Id,
    Model,
    Money,
    Percentage,
)
from planner.models.frozen import frozen
from planner.models.inventory import Medium, SiteRole

__all__ = [
    "Candidate",
    "CandidateFile",
    "Datacenters",
    "Lifecycle",
    "LifecycleFile",
    "NetworkClass",
    "NetworkFile",
    "Service",
    "ServiceFile",
    "Target",
    "TargetFile",
    "UpgradeCost",
]

Layer = Literal["functional", "core"]
ServiceHosting = Literal["central", "local", "saas"]


class RoleClassFile(Model):
    min_capacity: Bandwidth | None = None
    redundancy: int | None = Field(default=None, ge=1, le=16)


class NetworkClassFile(Model):
    min_capacity: Bandwidth | None = None
    redundancy: int | None = Field(default=None, ge=1, le=16)
    # Access only: the requirement for every site (``default``, or the two
    # keys above) and per site role (a role's missing key: the default's).
    default: RoleClassFile | None = None
    roles: dict[SiteRole, RoleClassFile] | None = None


class UpgradeCost(Model):
    investment: Money = Decimal(0)
    per_year: Money = Decimal(0)


class CandidateFile(Model):
    """A link that could be built (a provider's quote), for ``planner design``."""

    id: Id
    a: Id
    b: Id
    capacity: Bandwidth
    medium: Medium = "fiber"
    investment: Money = Decimal(0)
    per_year: Money = Decimal(0)
    metric: float = Field(default=1.0, gt=0)
    # Shared risks once built (a trench it would share with existing links).
    risk_groups: list[Id] = []


class NetworkFile(Model):
    backbone: NetworkClassFile | None = None
    access: NetworkClassFile | None = None
    max_utilisation: Percentage | None = None
    link_availability: Percentage | None = None
    datacenter_availability: Percentage | None = None
    capacity_tiers: list[Bandwidth] | None = None
    upgrade_cost: dict[Bandwidth, UpgradeCost] | None = None
    candidates: list[CandidateFile] | None = None
    design_horizon: int | None = Field(default=None, ge=0, le=100)
    demand_growth: Percentage | None = None
    replication: Bandwidth | None = None
    per_km: dict[Medium, UpgradeCost] | None = None
    max_km: float | None = Field(default=None, gt=0)

    @field_validator("max_utilisation")
    @classmethod
    def _room(cls, value: Decimal | None) -> Decimal | None:
        if value == 0:
            raise ValueError(
                "0 % leaves no room on any link; write the share a link may "
                "carry, e.g. 70%"
            )
        return value


class Datacenters(Model):
    primary: Id | None = None
    secondary: Id | None = None


class ServiceFile(Model):
    id: Id
    name: str | None = None
    layer: Layer | None = None
    harmonise: bool | None = None
    standard: str | None = None
    hosting: ServiceHosting | None = None
    demand_per_user: Bandwidth | None = None
    demand_per_pupil: Bandwidth | None = None
    availability: Percentage | None = None
    depends_on: list[Id] | None = None
    required: bool | None = None
    migration_cost_per_user: Money | None = None
    custom: Custom = None


GeneratedKind = Literal["link", "datacenter", "move", "harmonise", "introduce", "close"]


class LifecycleFile(Model):
    """When servers are due for replacement: ``server_years`` after they
    were bought, or when their platform's support ends (the default table
    of planner/data/lifecycle.py, overridden or extended here)."""

    server_years: int | None = Field(default=None, ge=1, le=50)
    platforms: dict[str, dt.date] = {}
    server_replacement_cost: Money | None = None


class TargetFile(Model):
    schema_: Literal["planner/target/v1"] = Field(
        default="planner/target/v1", alias="schema"
    )
    id: Id | None = None
    name: str | None = None
    extends: Literal["default"] | None = None
    datacenters: Datacenters | None = None
    network: NetworkFile | None = None
    # FTE each generated work package of a kind takes in each of its phases.
    effort: dict[GeneratedKind, FTE] | None = None
    services: list[ServiceFile] = []
    lifecycle: LifecycleFile | None = None
    custom: Custom = None


# The resolved target: plain frozen dataclasses, every field present.


@frozen
class NetworkClass:
    min_capacity: float  # Mbit/s
    redundancy: int
    # Per site role (access only): care homes may need two paths, schools
    # and kindergartens differ in capacity.
    roles: tuple[tuple[str, NetworkClass], ...] = ()

    def for_role(self, role: str) -> NetworkClass:
        """The requirement of a site with ``role``."""
        return next((c for r, c in self.roles if r == role), self)

    @property
    def most_redundancy(self) -> int:
        return max([self.redundancy, *(c.redundancy for _, c in self.roles)])


@frozen
class Candidate:
    """A candidate link, resolved: capacity in Mbit/s, exact prices."""

    id: str
    a: str
    b: str
    capacity: float
    medium: str = "fiber"
    investment: Decimal = Decimal(0)
    per_year: Decimal = Decimal(0)
    metric: float = 1.0
    risk_groups: tuple[str, ...] = ()

    def cost(self, horizon: int) -> Decimal:
        """What the design minimises: investment + horizon x per_year."""
        return self.investment + horizon * self.per_year


@frozen
class Network:
    backbone: NetworkClass
    access: NetworkClass
    max_utilisation: float
    link_availability: float
    capacity_tiers: tuple[float, ...]  # Mbit/s, ascending
    upgrade_cost: dict[float, UpgradeCost]
    # A data centre's own availability (power, cooling, hosts), for the
    # availability estimate; 99.95 % is a common figure for a tier-3 room.
    datacenter_availability: float = 0.9995
    # Links that could be built, and the years of per_year the design counts.
    candidates: tuple[Candidate, ...] = ()
    design_horizon: int = 5
    # Yearly growth of demand: links are sized for design_horizon years on.
    demand_growth: float = 0.0
    # Replication between the primary and the secondary data centre (Mbit/s),
    # counted on the path between them (planner/analyses/standby.py).
    replication: float = 0.0
    # Price per km of a new link by medium, and how far apart two sites may
    # be for planner design to propose one (0: no generated candidates).
    per_km: tuple[tuple[str, UpgradeCost], ...] = ()
    max_km: float = 0.0


@frozen
class Service:
    id: str
    name: str
    layer: Layer = "functional"
    harmonise: bool = False
    standard: str | None = None
    hosting: ServiceHosting = "central"
    demand_per_user: float = 0.0  # Mbit/s
    demand_per_pupil: float = 0.0  # Mbit/s, at the municipality's schools
    availability: float | None = None
    depends_on: tuple[str, ...] = ()
    required: bool = False
    migration_cost_per_user: Decimal | None = None


@frozen
class Lifecycle:
    server_years: int | None
    platforms: dict[str, dt.date]  # normalised platform -> end of support
    server_replacement_cost: Decimal | None = None


@frozen
class Target:
    id: str
    name: str
    network: Network
    services: dict[str, Service]
    datacenters: Datacenters = field(default_factory=Datacenters)
    # Generated work package kind -> FTE per phase it runs (0 when absent).
    effort: dict[str, float] = field(default_factory=dict)
    # Lifecycle gaps are checked only when the target has a lifecycle section.
    lifecycle: Lifecycle | None = None
