"""Generate a synthetic national-scale inventory for benchmarking `planner`.

Why this exists: the real inventories in ``inventories/`` describe one small region
(a handful of municipalities), so they say nothing about how the loader, the checks
and the network analyses behave on a country. This script writes one region file
(format ``planner/inventory/v1``, see FORMATS.md section 1) for a made-up Norway:
by default 357 municipalities grouped into 20 counties, about 19,000 sites, 19,000
links and 19,000 systems (8.5 MB of YAML), all municipalities inline.

The data is plausible rather than real: skewed populations, one town hall per
municipality, access links from every other site to its town hall, town halls
chained into rings per county with some spurs (bridges) and a few links between
counties, one datacenter per county, systems spread over the default catalogue with
2-4 competing products per service and a few coverage gaps in required services.

The output is deterministic: the same arguments give a byte-identical file. The YAML
is written as text (block style, like a person would write it) instead of through a
YAML library, so the script is fast and needs only the standard library.

Usage::

    python benchmarks/generate_national.py OUT.yaml [--municipalities 357] [--seed 1]

``--municipalities N`` scales sites, links, systems and counties proportionally, so a
test can make a small file (for example 5 municipalities) with the same shape.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MUNICIPALITIES = 357
SITES_PER_MUNICIPALITY = 52.5  # town hall included; datacenters come on top
SYSTEMS_PER_MUNICIPALITY = 53
MUNICIPALITIES_PER_COUNTY = 357 / 20
MIN_SITES = 4
MIN_SYSTEMS = 36
AS_OF = "2026-01-01"

REQUIRED_SERVICES = ("email", "office", "case-archive", "payroll", "finance", "hr")
GAP_SHARE = 0.02  # share of municipalities lacking one required service

# service id -> [(product, vendor), ...]; 2-4 products each so harmonising has work.
PRODUCTS: dict[str, list[tuple[str, str]]] = {
    "care": [
        ("Gerica", "Tietoevry"),
        ("Visma Profil", "Visma"),
        ("CosDoc", "CGM"),
    ],
    "health": [
        ("Infodoc Plenario", "CGM"),
        ("System X", "CGM"),
        ("WinMed", "CGM"),
        ("Pridok", "Pridok"),
    ],
    "hr": [
        ("Visma HRM", "Visma"),
        ("Unit4 ERP", "Unit4"),
        ("SAP SuccessFactors", "SAP"),
    ],
    "payroll": [
        ("Visma Lønn", "Visma"),
        ("Unit4 ERP", "Unit4"),
        ("Huldt & Lillevik Lønn", "Visma"),
    ],
    "property": [
        ("KomTek", "Norkart"),
        ("Plania", "Plania"),
        ("Famac", "Famac"),
    ],
    "finance": [
        ("Unit4 ERP", "Unit4"),
        ("Visma Enterprise", "Visma"),
        ("Xledger", "Xledger"),
        ("SAP S/4HANA", "SAP"),
    ],
    "accounting": [
        ("Unit4 ERP", "Unit4"),
        ("Visma Enterprise", "Visma"),
        ("Xledger", "Xledger"),
    ],
    "tax": [
        ("SOFIE", "Skatteetaten"),
        ("Komfakt", "Tietoevry"),
        ("KomTek Eiendomsskatt", "Norkart"),
    ],
    "case-archive": [
        ("Elements", "Sikri"),
        ("Public 360", "Tietoevry"),
        ("Acos WebSak", "Acos"),
        ("ePhorte", "Sikri"),
    ],
    "management": [
        ("Framsikt", "Framsikt"),
        ("Stratsys", "Stratsys"),
        ("Pleno", "Pleno"),
    ],
    "school": [
        ("Visma Flyt Skole", "Visma"),
        ("IST Everyday", "IST"),
        ("Vigilo", "Vigilo"),
        ("SkoleArena", "Tietoevry"),
    ],
    "kindergarten": [
        ("Visma Flyt Barnehage", "Visma"),
        ("IST Extens Barnehage", "IST"),
        ("Vigilo Barnehage", "Vigilo"),
    ],
    "library": [
        ("Bibliofil", "Bibliotek-Systemer"),
        ("Mikromarc", "Bibliotek-Systemer"),
        ("Quria", "Axiell"),
    ],
    "office": [
        ("Microsoft 365", "Microsoft"),
        ("Microsoft Office 2019", "Microsoft"),
        ("LibreOffice", "The Document Foundation"),
        ("Google Workspace", "Google"),
    ],
    "email": [
        ("Exchange Online", "Microsoft"),
        ("Exchange Server 2019", "Microsoft"),
        ("Gmail", "Google"),
    ],
    "calendar": [
        ("Exchange Online", "Microsoft"),
        ("Exchange Server 2019", "Microsoft"),
        ("Google Calendar", "Google"),
    ],
    "telephony": [
        ("Teams Telefoni", "Microsoft"),
        ("Telenor Bedriftsnett", "Telenor"),
        ("Telia Smart Connect", "Telia"),
        ("Puzzel", "Puzzel"),
    ],
    "internet": [
        ("FortiGate", "Fortinet"),
        ("Palo Alto NGFW", "Palo Alto Networks"),
        ("Cisco ASA", "Cisco"),
    ],
    "web": [
        ("Enonic XP", "Enonic"),
        ("Optimizely CMS", "Optimizely"),
        ("WordPress", "Automattic"),
        ("Acos Innbyggerportal", "Acos"),
    ],
    "directory": [
        ("Active Directory", "Microsoft"),
        ("Entra ID", "Microsoft"),
        ("FreeIPA", "Red Hat"),
    ],
    "security": [
        ("Microsoft Defender", "Microsoft"),
        ("Sophos Intercept X", "Sophos"),
        ("Trend Micro Apex One", "Trend Micro"),
        ("CrowdStrike Falcon", "CrowdStrike"),
    ],
    "infosec": [
        ("Risk Manager", "Risk Manager"),
        ("Mitigo ISMS", "Mitigo"),
        ("KommIT ISMS", "KS"),
    ],
    "gis": [
        ("Norkart Kommunekart", "Norkart"),
        ("ArcGIS", "Esri"),
        ("QGIS", "QGIS"),
    ],
    "monitoring": [
        ("PRTG", "Paessler"),
        ("Zabbix", "Zabbix"),
        ("Nagios", "Nagios"),
        ("SolarWinds NPM", "SolarWinds"),
    ],
    "service-management": [
        ("TOPdesk", "TOPdesk"),
        ("ServiceNow", "ServiceNow"),
        ("Easit GO", "Easit"),
    ],
    "messaging": [
        ("SvarUt", "KS"),
        ("eFormidling", "Digdir"),
        ("Digipost", "Posten"),
    ],
    "storage": [
        ("NetApp ONTAP", "NetApp"),
        ("Dell PowerStore", "Dell"),
        ("HPE Nimble", "HPE"),
    ],
    "backup": [
        ("Veeam Backup & Replication", "Veeam"),
        ("Commvault", "Commvault"),
        ("Rubrik", "Rubrik"),
    ],
    "service-desk": [
        ("TOPdesk", "TOPdesk"),
        ("ServiceNow", "ServiceNow"),
        ("Jira Service Management", "Atlassian"),
    ],
    "user-support": [
        ("TeamViewer", "TeamViewer"),
        ("BeyondTrust Remote Support", "BeyondTrust"),
        ("Microsoft Intune", "Microsoft"),
    ],
}
SERVICES = tuple(PRODUCTS)

# Products that only exist as a cloud service.
SAAS_PRODUCTS = frozenset(
    {
        "Exchange Online",
        "Microsoft 365",
        "Google Workspace",
        "Gmail",
        "Google Calendar",
        "Entra ID",
        "Teams Telefoni",
        "Puzzel",
        "SvarUt",
        "eFormidling",
        "Digipost",
        "ServiceNow",
        "Xledger",
        "Framsikt",
        "Stratsys",
        "Vigilo",
        "Vigilo Barnehage",
        "IST Everyday",
        "Jira Service Management",
        "SAP SuccessFactors",
    }
)

# How likely an extra system (beyond one per service) is of each service: several
# care, school and finance systems per municipality are common, a second e-mail is not.
EXTRA_WEIGHTS: dict[str, int] = {
    "care": 6, "health": 5, "hr": 2, "payroll": 1, "property": 4, "finance": 3,
    "accounting": 2, "tax": 1, "case-archive": 2, "management": 2, "school": 6,
    "kindergarten": 3, "library": 1, "office": 1, "email": 1, "calendar": 1,
    "telephony": 2, "internet": 1, "web": 3, "directory": 1, "security": 3,
    "infosec": 2, "gis": 3, "monitoring": 2, "service-management": 1,
    "messaging": 2, "storage": 2, "backup": 2, "service-desk": 1, "user-support": 2,
}  # fmt: skip

# Share of a municipality's workstations that use a system of the service.
USER_SHARE: dict[str, float] = {
    "office": 1.0, "email": 1.0, "calendar": 1.0, "directory": 1.0, "security": 1.0,
    "telephony": 0.8, "internet": 1.0, "user-support": 1.0, "case-archive": 0.4,
    "care": 0.3, "school": 0.3, "kindergarten": 0.08, "health": 0.06,
}  # fmt: skip
DEFAULT_USER_SHARE = 0.04

# Which server role a locally hosted system of the service prefers.
SERVER_ROLE_FOR: dict[str, str] = {
    "email": "mail", "calendar": "mail", "directory": "directory",
    "storage": "file", "backup": "file", "office": "file",
    "finance": "database", "accounting": "database", "payroll": "database",
    "hr": "database", "case-archive": "database",
}  # fmt: skip
SERVER_ROLES = ("application", "file", "database", "mail", "directory")
SERVER_SHORT = {
    "application": "app",
    "file": "file",
    "database": "db",
    "mail": "mail",
    "directory": "dir",
}
PLATFORMS = (
    "windows-server-2016",
    "windows-server-2019",
    "windows-server-2022",
    "red-hat-enterprise-linux-8",
    "ubuntu-22.04",
)

# Site role -> (id word, name word, weight among ordinary sites, users min, users max)
SITE_KINDS: dict[str, tuple[str, str, int, int, int]] = {
    "school": ("skole", "skole", 34, 15, 160),
    "care-home": ("sykehjem", "sykehjem", 20, 20, 220),
    "health": ("helse", "helsestasjon", 10, 10, 120),
    "library": ("bibliotek", "bibliotek", 5, 5, 40),
    "office": ("kontor", "servicekontor", 18, 10, 400),
    "depot": ("drift", "driftsstasjon", 13, 5, 60),
}
SITE_ROLES = tuple(SITE_KINDS)
SITE_WEIGHTS = tuple(kind[2] for kind in SITE_KINDS.values())

# Access links: (capacity, weight, media)
ACCESS_CAPACITIES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("2 Mbit/s", 3, ("dsl",)),
    ("4 Mbit/s", 3, ("dsl",)),
    ("8 Mbit/s", 5, ("dsl", "radio")),
    ("10 Mbit/s", 6, ("dsl", "radio")),
    ("20 Mbit/s", 8, ("dsl", "radio")),
    ("50 Mbit/s", 8, ("radio", "fiber")),
    ("100 Mbit/s", 30, ("fiber", "fiber", "radio")),
    ("1 Gbit/s", 25, ("fiber",)),
)
BACKBONE_CAPACITIES = (("100 Mbit/s", 2), ("1 Gbit/s", 6), ("10 Gbit/s", 2))
INTERNET_CAPACITIES = (("100 Mbit/s", 2), ("1 Gbit/s", 5), ("10 Gbit/s", 1))
PROVIDERS = ("Telenor", "Telia", "Broadnet", "Lyse", "Eidsiva", "Tafjord", "Altibox")

PREFIXES = (
    "Ask", "Aur", "Bak", "Ber", "Bjør", "Bø", "Dal", "Eid", "Fjell", "Fla", "Fol",
    "Frø", "Gran", "Grim", "Ha", "Hol", "Hov", "Hå", "Kval", "Lang", "Lei", "Lil",
    "Lun", "Mal", "Mo", "Nes", "Nord", "Os", "Rau", "Ris", "Ro", "Sand", "Sel",
    "Skog", "Sol", "Stor", "Sul", "Sør", "Tin", "Tor", "Trø", "Tys", "Ul", "Va",
    "Vest", "Vik", "Vin", "Ål", "Ør", "Øst", "Ås",
)  # fmt: skip
SUFFIXES = (
    "dal", "vik", "nes", "stad", "berg", "fjord", "øy", "sund", "heim", "land",
    "eid", "ås", "bø", "rud", "set", "vang", "haug", "moen", "bakken", "li",
    "strand", "voll", "åsen", "bygd",
)  # fmt: skip

_PLAIN = re.compile(r"[A-Za-z0-9ÆØÅæøåÉé][A-Za-z0-9ÆØÅæøåÉé .,_/()+-]*")
_NOT_PLAIN = frozenset(
    {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~", ""}
)
_NUMBER = re.compile(
    r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf|\.nan"
)
_DATE = re.compile(r"\d{4}-\d\d?-\d\d?")


def q(text: str) -> str:
    """Return ``text`` as a YAML scalar, double-quoted only when it needs it."""
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith((" ", "."))
        and text.lower() not in _NOT_PLAIN
        and not _NUMBER.fullmatch(text)
        and not _DATE.match(text)
    ):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@dataclass
class Site:
    id: str
    name: str
    role: str
    users: int
    server_room: bool = False
    datacenter: bool = False


@dataclass
class Municipality:
    index: int
    id: str
    name: str
    population: int
    county: int = 0
    sites: list[Site] = field(default_factory=list)

    @property
    def town_hall(self) -> str:
        return f"{self.id}-radhus"


@dataclass
class Link:
    id: str
    a: str
    b: str
    capacity: str
    medium: str
    provider: str | None = None
    cost_per_year: str | None = None
    metric: int | None = None


def allocate(total: int, weights: list[float], minimum: int) -> list[int]:
    """Split ``total`` into integers proportional to ``weights``, each >= minimum."""
    rest = max(0, total - minimum * len(weights))
    scale = sum(weights)
    shares = [rest * w / scale for w in weights]
    counts = [math.floor(s) for s in shares]
    left = rest - sum(counts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[:left]:
        counts[i] += 1
    return [minimum + c for c in counts]


def weighted(rng: random.Random, items: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([i[0] for i in items], weights=[i[1] for i in items])[0]


def place_name(rng: random.Random) -> str:
    return rng.choice(PREFIXES) + rng.choice(SUFFIXES)


def money(amount: int) -> str:
    """Write a NOK amount the way inventories do: "95k", "1.2M"."""
    if amount >= 1_000_000:
        return f'"{amount / 1_000_000:.1f}M"'
    return f'"{round(amount / 1000)}k"'


class Generator:
    def __init__(self, municipalities: int, seed: int) -> None:
        self.n = municipalities
        self.seed = seed
        self.rng = random.Random(seed)
        self.width = max(3, len(str(municipalities)))
        self.munis: list[Municipality] = []
        self.counties: list[list[Municipality]] = []
        self.region_links: list[Link] = []
        self.link_pairs: set[tuple[str, str]] = set()
        # (county, service) -> the product most of that county uses
        self.county_product: dict[tuple[int, str], int] = {}
        self.system_counts: list[int] = []
        # municipality index -> the required service it lacks (a coverage gap)
        self.gaps: dict[int, str] = {}
        self.out: list[str] = []

    # ----------------------------------------------------------------- model
    def make_municipalities(self) -> None:
        rng = self.rng
        used_names: set[str] = set()
        for i in range(1, self.n + 1):
            name = place_name(rng)
            while name in used_names and len(used_names) < 900:
                name = place_name(rng)
            used_names.add(name)
            if i == 1:
                population = 700_000  # the capital
            else:
                population = int(rng.lognormvariate(math.log(5000), 1.2))
                population = min(700_000, max(1000, round(population, -1)))
            muni_id = f"kommune-{i:0{self.width}d}"
            self.munis.append(Municipality(i, muni_id, name, population))

    def make_counties(self) -> None:
        rng = self.rng
        count = round(self.n / MUNICIPALITIES_PER_COUNTY)
        count = max(1 if self.n < 4 else 2, min(count, self.n))
        sizes = allocate(self.n, [rng.uniform(0.5, 1.5) for _ in range(count)], 1)
        start = 0
        for c, size in enumerate(sizes):
            members = self.munis[start : start + size]
            for m in members:
                m.county = c
            self.counties.append(members)
            start += size
        for c in range(count):
            for service, products in PRODUCTS.items():
                self.county_product[c, service] = rng.randrange(len(products))

    def make_sites(self) -> None:
        rng = self.rng
        total = round(SITES_PER_MUNICIPALITY * self.n)
        weights = [m.population**0.6 for m in self.munis]
        for m, count in zip(
            self.munis, allocate(total, weights, MIN_SITES), strict=True
        ):
            users = max(
                15, min(900, round(m.population * 0.08 * rng.uniform(0.1, 0.3)))
            )
            m.sites.append(
                Site(
                    m.town_hall,
                    f"{m.name} rådhus",
                    "town-hall",
                    users,
                    server_room=True,
                )
            )
            # Every municipality has a library, a depot and a health centre if it can.
            roles = ["library", "depot", "health"][: count - 1]
            roles += rng.choices(
                SITE_ROLES, weights=SITE_WEIGHTS, k=count - 1 - len(roles)
            )
            roles.sort(key=SITE_ROLES.index)  # grouped by role, as a person lists them
            numbers: dict[str, int] = {}
            for role in roles:
                word, noun, _, low, high = SITE_KINDS[role]
                numbers[role] = numbers.get(role, 0) + 1
                site_id = f"{m.id}-{word}-{numbers[role]:02d}"
                place = m.name if numbers[role] == 1 else place_name(rng)
                # Skewed: most sites small, a few large.
                users = low + int((high - low) * rng.random() ** 2.5)
                server_room = users > 60 and rng.random() < 0.08
                m.sites.append(
                    Site(site_id, f"{place} {noun}", role, users, server_room)
                )

    def add_datacenters(self) -> None:
        rng = self.rng
        for members in self.counties:
            big = max(members, key=lambda m: (m.population, -m.index))
            big.sites.append(
                Site(
                    f"{big.id}-datasenter",
                    f"{big.name} datasenter",
                    "datacenter",
                    rng.randint(8, 40),
                    server_room=True,
                    datacenter=True,
                )
            )

    def add_region_link(self, a: str, b: str, capacity: str, medium: str) -> None:
        pair = (min(a, b), max(a, b))
        if a == b or pair in self.link_pairs:
            return
        self.link_pairs.add(pair)
        metric = {"10 Gbit/s": 1, "1 Gbit/s": 2}.get(capacity, 10)
        provider = self.rng.choice(PROVIDERS) if medium != "fiber" else None
        link_id = f"{a.removesuffix('-radhus')}-{b.removesuffix('-radhus')}"
        self.region_links.append(
            Link(link_id, a, b, capacity, medium, provider=provider, metric=metric)
        )

    def backbone_link(self, a: Municipality, b: Municipality) -> None:
        capacity = weighted(self.rng, BACKBONE_CAPACITIES)
        medium = "fiber" if self.rng.random() < 0.85 else "radio"
        if capacity == "10 Gbit/s":
            medium = "fiber"
        self.add_region_link(a.town_hall, b.town_hall, capacity, medium)

    def make_backbone(self) -> None:
        """Rings of town halls per county, some spurs, a few links between counties."""
        rng = self.rng
        for members in self.counties:
            big = max(members, key=lambda m: (m.population, -m.index))
            ring = [m for m in members if m is big or rng.random() >= 0.15]
            spurs = [m for m in members if m not in ring]
            if len(ring) >= 2:
                for k in range(len(ring) if len(ring) >= 3 else 1):
                    self.backbone_link(ring[k], ring[(k + 1) % len(ring)])
            if len(ring) >= 8:  # one chord across a large ring
                self.backbone_link(ring[0], ring[len(ring) // 2])
            hung: list[Municipality] = []
            for spur in spurs:
                # Mostly hang off the ring; now and then off an earlier spur (a chain).
                chain = hung and rng.random() < 0.2
                parent = hung[-1] if chain else rng.choice(ring)
                self.backbone_link(spur, parent)
                hung.append(spur)
            # The datacenter: to its own town hall (an access link, written in the
            # municipality) and to a second town hall of the county.
            if len(members) >= 2:
                second = sorted(members, key=lambda m: (-m.population, m.index))[1]
                self.add_region_link(
                    f"{big.id}-datasenter", second.town_hall, "10 Gbit/s", "fiber"
                )
        count = len(self.counties)
        pairs = [(c, c + 1) for c in range(count - 1)]
        for _ in range(count // 4):
            c1, c2 = sorted(rng.sample(range(count), 2))
            if (c1, c2) not in pairs:
                pairs.append((c1, c2))
        for c1, c2 in pairs:
            self.backbone_link(
                rng.choice(self.counties[c1]), rng.choice(self.counties[c2])
            )

    # ----------------------------------------------------------------- writing
    def w(self, line: str) -> None:
        self.out.append(line)

    def write_link(self, link: Link, indent: str) -> None:
        w = self.w
        w(f"{indent}- id: {q(link.id)}")
        w(f"{indent}  a: {q(link.a)}")
        w(f"{indent}  b: {q(link.b)}")
        w(f"{indent}  capacity: {link.capacity}")
        w(f"{indent}  medium: {link.medium}")
        if link.provider:
            w(f"{indent}  provider: {q(link.provider)}")
        if link.cost_per_year:
            w(f"{indent}  cost_per_year: {link.cost_per_year}")
        if link.metric is not None:
            w(f"{indent}  metric: {link.metric}")

    def write_municipality(self, m: Municipality) -> None:
        rng = self.rng
        w = self.w
        employees = max(60, round(m.population * rng.uniform(0.07, 0.10)))
        workstations = round(employees * rng.uniform(0.5, 0.75))
        w(f"  - id: {m.id}")
        w(f"    name: {q(m.name)}")
        w(f"    population: {m.population}")
        w(f"    employees: {employees}")
        w(f"    workstations: {workstations}")
        w("    custom:")
        w(f"      county: fylke-{m.county + 1:02d}")

        w("    sites:")
        for s in m.sites:
            w(f"      - id: {q(s.id)}")
            w(f"        name: {q(s.name)}")
            w(f"        role: {s.role}")
            w(f"        users: {s.users}")
            if s.server_room:
                w("        server_room: true")
            if s.datacenter:
                w("        datacenter: true")

        servers = self.write_servers(m)
        self.write_systems(m, workstations, servers)

        w("    links:")
        capacity = weighted(rng, INTERNET_CAPACITIES)
        self.write_link(
            Link(
                f"{m.id}-internet",
                m.town_hall,
                "internet",
                capacity,
                "fiber",
                provider=rng.choice(PROVIDERS),
                cost_per_year=money(rng.randrange(60, 400) * 1000),
            ),
            "      ",
        )
        capacities = [c[0] for c in ACCESS_CAPACITIES]
        cap_weights = [c[1] for c in ACCESS_CAPACITIES]
        media = {c[0]: c[2] for c in ACCESS_CAPACITIES}
        for s in m.sites[1:]:
            if s.datacenter:
                link = Link(f"{s.id}-link", s.id, m.town_hall, "10 Gbit/s", "fiber")
                self.write_link(link, "      ")
                continue
            capacity = rng.choices(capacities, weights=cap_weights)[0]
            medium = rng.choice(media[capacity])
            provider = rng.choice(PROVIDERS) if medium == "dsl" else None
            cost = money(rng.randrange(5, 60) * 1000) if rng.random() < 0.15 else None
            self.write_link(
                Link(
                    f"{s.id}-link", s.id, m.town_hall, capacity, medium, provider, cost
                ),
                "      ",
            )

    def write_servers(self, m: Municipality) -> dict[str, list[str]]:
        """Write the servers; return server ids by role."""
        rng = self.rng
        w = self.w
        entries = min(6, 2 + int(math.log10(m.population / 1000) * 1.6 + rng.random()))
        roles = ["application", "database", "file", "mail", "directory"][:entries]
        if entries > len(roles):
            roles.append("application")
        size = max(1, round(m.population / 15_000))
        by_role: dict[str, list[str]] = {}
        w("    servers:")
        for role in roles:
            number = len(by_role.get(role, []))
            server_id = f"{m.id}-srv-{SERVER_SHORT[role]}" + (
                f"-{number + 1}" if number else ""
            )
            by_role.setdefault(role, []).append(server_id)
            w(f"      - id: {server_id}")
            w(f"        site: {m.town_hall}")
            w(f"        role: {role}")
            w(f"        platform: {rng.choice(PLATFORMS)}")
            count = max(1, round(size * rng.uniform(0.5, 2.0)))
            if count > 1:
                w(f"        count: {count}")
            if rng.random() < 0.6:
                w("        virtual: true")
            w(f"        purchased: {rng.randint(2015, 2025)}")
        # A few other sites have a server room with a server of their own.
        for s in m.sites[1:]:
            if s.server_room and not s.datacenter:
                server_id = f"{s.id}-srv"
                by_role.setdefault("local", []).append(server_id)
                w(f"      - id: {server_id}")
                w(f"        site: {s.id}")
                w(f"        role: {rng.choice(('application', 'file'))}")
                w(f"        platform: {rng.choice(PLATFORMS)}")
                w(f"        purchased: {rng.randint(2012, 2024)}")
        return by_role

    def host_for(self, m: Municipality) -> Municipality | None:
        """A municipality of the same county to share a system with, if any: the
        county's largest (it has the datacenter) or a next-door one."""
        members = self.counties[m.county]
        if len(members) < 2:
            return None
        big = max(members, key=lambda x: (x.population, -x.index))
        if big is not m and self.rng.random() < 0.5:
            return big
        k = members.index(m)
        return members[(k + self.rng.choice((-1, 1))) % len(members)]

    def write_systems(
        self, m: Municipality, workstations: int, servers: dict[str, list[str]]
    ) -> None:
        rng = self.rng
        w = self.w
        count = self.system_counts[m.index - 1]
        missing = self.gaps.get(m.index)
        services = [s for s in SERVICES if s != missing]
        pool = [s for s in SERVICES if s != missing]
        extra_weights = [EXTRA_WEIGHTS[s] for s in pool]
        services += rng.choices(
            pool, weights=extra_weights, k=max(0, count - len(services))
        )
        services.sort(key=SERVICES.index)
        per_service = {s: services.count(s) for s in SERVICES}
        w("    systems:")
        for number, service in enumerate(services, start=1):
            products = PRODUCTS[service]
            if rng.random() < 0.6:
                product, vendor = products[self.county_product[m.county, service]]
            else:
                product, vendor = rng.choice(products)
            # Systems sharing a service split its users (one per department).
            share = USER_SHARE.get(service, DEFAULT_USER_SHARE) / per_service[service]
            users = max(1, round(workstations * share * rng.uniform(0.3, 1.0)))
            w(f"      - id: {m.id}-sys-{number:03d}")
            w(f"        service: {service}")
            w(f"        product: {q(product)}")
            if rng.random() < 0.3:  # inventories often leave the vendor out
                w(f"        vendor: {q(vendor)}")
            w(f"        users: {users}")
            roll = rng.random()
            host = self.host_for(m) if roll < 0.06 else None
            if product in SAAS_PRODUCTS:
                w("        hosting: saas")
            elif host is not None:
                w("        hosting: shared")
                w(f"        hosted_by: {host.id}")
            elif roll > 0.9:
                w("        hosting: hosted")
            else:
                role = SERVER_ROLE_FOR.get(service, "application")
                choices = servers.get(role) or servers["application"]
                if "local" in servers and rng.random() < 0.1:
                    choices = servers["local"]
                w("        hosting: local")
                w(f"        server: {rng.choice(choices)}")
            if rng.random() < 0.15:
                w(f"        licence_cost: {money(rng.randrange(10, 800) * 1000)}")

    def generate(self) -> str:
        self.make_municipalities()
        self.make_counties()
        self.make_sites()
        self.add_datacenters()
        self.make_backbone()
        self.system_counts = allocate(
            round(SYSTEMS_PER_MUNICIPALITY * self.n),
            [m.population**0.3 for m in self.munis],
            MIN_SYSTEMS,
        )
        # About 2 % of the municipalities lack one required service; at least one, so
        # that a small test file has a coverage gap too.
        gaps = max(1, round(GAP_SHARE * self.n)) if self.n >= 2 else 0
        for index in sorted(self.rng.sample(range(2, self.n + 1), gaps)):
            self.gaps[index] = self.rng.choice(REQUIRED_SERVICES)
        w = self.w
        w("# Synthetic national inventory for benchmarks; not real data.")
        w(
            "# Generated by benchmarks/generate_national.py "
            f"--municipalities {self.n} --seed {self.seed}"
        )
        w("schema: planner/inventory/v1")
        w("region:")
        w("  id: norge")
        w("  name: Norge (syntetisk)")
        w(f"  as_of: {AS_OF}")
        w("  currency: NOK")
        w("municipalities:")
        for m in self.munis:
            self.write_municipality(m)
        w("# Backbone: town halls in rings per county, spurs, links between counties.")
        w("links:" if self.region_links else "links: []")
        for link in self.region_links:
            self.write_link(link, "  ")
        return "\n".join(self.out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the YAML file to write")
    parser.add_argument(
        "--municipalities",
        type=int,
        default=DEFAULT_MUNICIPALITIES,
        help=f"number of municipalities (default {DEFAULT_MUNICIPALITIES})",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.municipalities < 1:
        parser.error("--municipalities must be at least 1")
    started = time.perf_counter()
    text = Generator(args.municipalities, args.seed).generate()
    args.out.write_text(text, encoding="utf-8")
    seconds = time.perf_counter() - started
    size = len(text.encode("utf-8"))
    print(f"wrote {args.out}: {size:,} bytes in {seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
