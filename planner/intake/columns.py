"""The workbook layout of an inventory: one sheet per kind, one column per key.

Column names are the YAML keys (``it_staff.strategic`` for a nested key,
``custom.NAME`` for a custom field), so a person who knows the YAML format
knows the workbook and the other way round. The notes are the format
reference (docs/formats.md) in a sentence; the closed vocabularies come from
the models themselves, so a new role in ``planner.models.inventory`` shows up
in the drop-downs without an edit here.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel

from planner.models.frozen import frozen
from planner.models.inventory import (
    Hosting,
    Link,
    Medium,
    ServerRole,
    Site,
    SiteRole,
)

__all__ = [
    "CUSTOM",
    "POPULATION_YEAR",
    "SHEETS",
    "Column",
    "Sheet",
    "choices_of",
    "population_year_column",
    "sheet_named",
]

CUSTOM = "custom."
INVENTORY_CUSTOM = "inventory.custom."
# Populations by year: one column per year on the Municipalities sheet.
POPULATION_YEAR = "population."


def choices_of(tp: object) -> tuple[str, ...]:
    """The values of a ``Literal`` type, in the model's order."""
    return tuple(str(x) for x in typing.get_args(tp))


def _field_choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    return choices_of(model.model_fields[name].annotation)


@frozen
class Column:
    """One column: its header (the YAML key), how its cells are read, the
    note on its header, and the drop-down it gets.

    ``kind`` is one of text, id, int, float, money, percentage, bandwidth,
    bool, date, choice. ``ref`` names a drop-down of ids from the workbook or
    the target (site, server, municipality, service, link-end) where the
    vocabulary is not fixed."""

    name: str
    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None


@frozen
class Sheet:
    """One sheet: its title, the inventory list its rows become and its
    columns (without the custom ones, which each inventory adds)."""

    title: str
    key: str
    columns: tuple[Column, ...]
    owned: bool = True  # rows name their municipality in the first column

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


_MUNI = Column(
    "municipality",
    "id",
    "The id of the municipality (Municipalities sheet) this row belongs to.",
    ref="municipality",
)
_MUNI_LINK = Column(
    "municipality",
    "id",
    "The municipality this link is listed under; leave empty for a link "
    "between municipalities (the region's links). It makes no difference to "
    "the analyses.",
    ref="municipality",
)

REGION = Sheet(
    "Region",
    "region",
    (
        Column(
            "id", "id", "The region's id: letters, digits, - _ . (no spaces).", True
        ),
        Column("name", "text", "The cooperation's name.", True),
        Column("as_of", "date", "The date the inventory describes (a date cell)."),
        Column("currency", "text", "Currency of every amount (default NOK)."),
    ),
    owned=False,
)

MUNICIPALITIES = Sheet(
    "Municipalities",
    "municipalities",
    (
        Column("id", "id", "The municipality's id, unique in the region.", True),
        Column("name", "text", "The municipality's name.", True),
        Column(
            "population",
            "int",
            "Inhabitants: drives population cost keys and picks the default data "
            "centre. Figures by year go in columns population.2016, "
            "population.2017, ... instead (leave this one empty then).",
            True,
        ),
        Column("employees", "int", "Employees: drives employee cost keys."),
        Column("workstations", "int", "Workstations: drives workstation cost keys."),
        Column("pupils", "int", "Pupils in primary and lower secondary school."),
        Column("pupil_pcs", "int", "PCs for pupils."),
        Column("it_staff.strategic", "float", "Strategic IT staff in FTE (årsverk)."),
        Column("it_staff.operations", "float", "IT operations staff in FTE."),
        Column("budget.operations", "money", "IT operating budget per year."),
        Column("budget.investment", "money", "IT investment budget per year."),
    ),
    owned=False,
)

SITES = Sheet(
    "Sites",
    "sites",
    (
        _MUNI,
        Column(
            "id",
            "id",
            "The site's id, unique in the region ('internet' is reserved).",
            True,
        ),
        Column("name", "text", "The site's name.", True),
        Column(
            "role",
            "choice",
            "What the site is; exactly one town-hall (the hub) per municipality.",
            True,
            choices_of(SiteRole),
        ),
        Column("users", "int", "People working there: drives bandwidth demand."),
        Column("server_room", "bool", "TRUE when a local server room exists."),
        Column(
            "datacenter", "bool", "TRUE when it may host the region's shared services."
        ),
        Column(
            "status",
            "choice",
            "active (default), planned or decommissioning; only active sites are in "
            "today's network.",
            choices=_field_choices(Site, "status"),
        ),
    ),
)

SERVERS = Sheet(
    "Servers",
    "servers",
    (
        _MUNI,
        Column("id", "id", "The server's id, unique in the region.", True),
        Column("site", "id", "The site it stands at (a site id).", True, ref="site"),
        Column("role", "choice", "What it serves.", True, choices_of(ServerRole)),
        Column("platform", "text", "Free text, e.g. windows-server-2003."),
        Column("count", "int", "Identical machines folded into this row (default 1)."),
        Column("virtual", "bool", "TRUE for a virtual machine."),
        Column("purchased", "int", "The year it was bought."),
    ),
)

SYSTEMS = Sheet(
    "Systems",
    "systems",
    (
        _MUNI,
        Column("id", "id", "The system's id, unique in the region.", True),
        Column(
            "service",
            "id",
            "A service id of the target's catalogue (the drop-down lists them).",
            True,
            ref="service",
        ),
        Column("product", "text", "The product, e.g. Visma Lønn.", True),
        Column("vendor", "text", "The vendor."),
        Column("version", "text", "The version, always read as text (7.2 stays 7.2)."),
        Column("users", "int", "Users: drives harmonisation and bandwidth."),
        Column(
            "hosting",
            "choice",
            "local (on a server of this municipality), shared (run by another "
            "municipality: hosted_by), hosted (an outside vendor) or saas.",
            True,
            choices_of(Hosting),
        ),
        Column(
            "server",
            "id",
            "With hosting local: the server it runs on; with shared it may name the "
            "host municipality's server.",
            ref="server",
        ),
        Column(
            "hosted_by",
            "id",
            "With hosting shared: the municipality that runs it.",
            ref="municipality",
        ),
        Column("licence_cost", "money", "Licence cost per year."),
    ),
)

LINKS = Sheet(
    "Links",
    "links",
    (
        _MUNI_LINK,
        Column("id", "id", "The link's id, unique in the region.", True),
        Column("a", "id", "One end: a site id.", True, ref="site"),
        Column(
            "b", "id", "The other end: a site id or internet.", True, ref="link-end"
        ),
        Column(
            "capacity",
            "bandwidth",
            "Capacity with a bit unit: 100 Mbit/s, 1 Gbit/s, 512 kbit/s.",
            True,
        ),
        Column(
            "medium",
            "choice",
            "The medium (default other).",
            choices=choices_of(Medium),
        ),
        Column("provider", "text", "The provider."),
        Column(
            "availability",
            "percentage",
            "Availability, e.g. 99.9% (default: the target's link_availability).",
        ),
        Column("cost_per_year", "money", "What the link costs per year."),
        Column("metric", "float", "Routing cost, above 0 (default 1: hop count)."),
        Column(
            "status",
            "choice",
            "active (default) or planned; planned links are left out of today's view.",
            choices=_field_choices(Link, "status"),
        ),
    ),
)

SHEETS: tuple[Sheet, ...] = (REGION, MUNICIPALITIES, SITES, SERVERS, SYSTEMS, LINKS)


def sheet_named(title: str) -> Sheet | None:
    """The sheet of this title, whatever its case and spacing."""
    wanted = title.strip().lower()
    return next((s for s in SHEETS if s.title.lower() == wanted), None)


def population_year_column(name: str) -> Column:
    """A ``population.YEAR`` column: the inhabitants in that year."""
    year = name[len(POPULATION_YEAR) :]
    return Column(
        name,
        "int",
        f"Inhabitants in {year} (population by year: a cost in a year is split "
        "with the latest figure at or before it). Leave population empty.",
    )


def custom_doc(name: str) -> str:
    return f"Your own field '{name}' (custom: in the YAML), kept as written."
