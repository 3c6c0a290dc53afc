"""The inventory format (``planner/inventory/v1``): what each municipality has.

Field names follow NetBox where NetBox has the concept (site, role, platform,
provider, status). Models only describe shape and single values; references
between objects are checked in ``planner.load`` where the file positions are
known.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from planner.models.common import (
    FTE,
    Bandwidth,
    Count,
    Custom,
    Id,
    Model,
    Money,
    Percentage,
    PeriodValue,
)
from planner.models.population import PopulationValue

__all__ = [
    "INTERNET",
    "Budget",
    "Inventory",
    "ItStaff",
    "Link",
    "Municipality",
    "Project",
    "Region",
    "Server",
    "Site",
    "System",
]

INTERNET = "internet"
"""The special link endpoint for an internet connection."""

SiteRole = Literal[
    "town-hall",
    "school",
    "care-home",
    "kindergarten",
    "health",
    "library",
    "office",
    "depot",
    "datacenter",
    "other",
]
ServerRole = Literal[
    "file",
    "application",
    "database",
    "mail",
    "web",
    "directory",
    "terminal",
    "backup",
    "print",
    "other",
]
Hosting = Literal["local", "shared", "hosted", "saas"]
Medium = Literal["fiber", "copper", "radio", "dsl", "leased-line", "vpn", "other"]


class Region(Model):
    id: Id
    name: str
    as_of: dt.date | None = None
    currency: str = "NOK"
    custom: Custom = None


class ItStaff(Model):
    strategic: FTE = 0.0
    operations: FTE = 0.0


class Budget(Model):
    operations: Money | None = None
    investment: Money | None = None


class Site(Model):
    id: Id
    name: str
    role: SiteRole
    users: Count = 0
    server_room: bool = False
    datacenter: bool = False
    status: Literal["active", "planned", "decommissioning"] = "active"
    # NetBox's field names; with the target's network.per_km, planner design
    # prices candidate links between sites up to network.max_km apart.
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    custom: Custom = None


class Server(Model):
    id: Id
    site: Id
    role: ServerRole
    platform: str | None = None
    count: int = Field(default=1, ge=1, le=10**6)
    virtual: bool = False
    purchased: int | None = Field(default=None, ge=1950, le=2100)
    custom: Custom = None


class System(Model):
    id: Id
    service: Id
    product: str
    vendor: str | None = None
    version: str | None = None
    users: Count = 0
    hosting: Hosting
    server: Id | None = None
    hosted_by: Id | None = None
    licence_cost: Money | None = None
    # When the licence or contract ends: the date a change of product is
    # cheapest (``planner matrix`` shows it).
    contract_end: dt.date | None = None
    custom: Custom = None


class Link(Model):
    id: Id
    a: Id
    b: Id
    capacity: Bandwidth
    medium: Medium = "other"
    provider: str | None = None
    availability: Percentage | None = None
    cost_per_year: Money | None = None
    metric: float = Field(default=1.0, gt=0, le=1e9)
    status: Literal["active", "planned"] = "active"
    # Shared risks (one trench, one provider's exchange): links of a group
    # fail together in --failures n-1 and count as one path for redundancy.
    risk_groups: tuple[Id, ...] = ()
    # False: a customer's line (an emergency centre's backup) that carries
    # only its own site's traffic, never other sites' (analyses/transit.py).
    transit: bool = True
    custom: Custom = None


class Project(Model):
    """An IT project under way or planned in one municipality: several
    municipalities running one on the same service is a ``duplication``
    gap (Kongsberg: 71 projects under way, 53 planned, "many about the
    same things")."""

    name: str
    service: Id
    cost: Money | None = None
    period: PeriodValue | None = None
    custom: Custom = None


class Municipality(Model):
    id: Id
    name: str
    population: PopulationValue
    employees: Count | None = None
    workstations: Count | None = None
    pupils: Count | None = None
    pupil_pcs: Count | None = None
    it_staff: ItStaff | None = None
    budget: Budget | None = None
    sites: list[Site] = []
    servers: list[Server] = []
    systems: list[System] = []
    links: list[Link] = []
    projects: list[Project] = []
    custom: Custom = None

    @property
    def town_hall(self) -> Site:
        """The municipality's hub (load guarantees exactly one)."""
        return next(s for s in self.sites if s.role == "town-hall")


class Inventory(Model):
    schema_: Literal["planner/inventory/v1"] = Field(
        default="planner/inventory/v1", alias="schema"
    )
    region: Region
    municipalities: list[Municipality]
    links: list[Link] = []
    custom: Custom = None

    def all_links(self) -> list[Link]:
        """Region links, then each municipality's, in file order."""
        return self.links + [x for m in self.municipalities for x in m.links]
