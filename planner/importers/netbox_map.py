"""NetBox objects -> a planner inventory: a pure function of the API records.

The records are NetBox's REST API JSON (``GET /api/dcim/sites/`` and so on;
:mod:`planner.importers.netbox_fetch` reads them page by page). Mapping
(docs/interop.md):

========================================  ======================================
NetBox                                    planner
========================================  ======================================
tenancy.tenant (of ``--tenant-group``)    municipality (id = slug)
dcim.site: tenant, group or tag, status,  site: municipality, role, status,
latitude, longitude                       ``custom: {latitude, longitude}``
dcim.device with a server role            server (physical); its site has a
                                          server room
virtualization.virtual_machine            server (``virtual: true``)
circuits.circuit: commit rate, provider,  link: capacity, provider, medium;
type, terminations at two sites (one      the other end ``internet`` when
site and no other: the internet)          only one end is a site
dcim.cable between devices at two sites   link: capacity from the interface
                                          speed
========================================  ======================================

NetBox has no systems, users or populations: the files get commented
placeholders for them (``population: 0  # TODO``) and the report lists
what to fill in. A record that cannot be mapped is an error naming it
(``dcim.site 42 'Rollag rådhus': no tenant``), all of them at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planner.errors import PlannerError, did_you_mean
from planner.load.guard import control_character
from planner.models.inventory import INTERNET

__all__ = [
    "SITE_ROLES",
    "Imported",
    "NetBoxData",
    "NetBoxError",
    "to_inventory",
]

SITE_ROLES = (
    "town-hall",
    "school",
    "care-home",
    "health",
    "library",
    "office",
    "depot",
    "datacenter",
    "other",
)
# Norwegian and NetBox-ish spellings of a site group or tag slug.
_ROLE_SYNONYMS = {
    "radhus": "town-hall",
    "rådhus": "town-hall",
    "townhall": "town-hall",
    "skole": "school",
    "sykehjem": "care-home",
    "helse": "health",
    "legekontor": "health",
    "bibliotek": "library",
    "kontor": "office",
    "lager": "depot",
    "datasenter": "datacenter",
    "data-centre": "datacenter",
    "data-center": "datacenter",
    "dc": "datacenter",
    "annet": "other",
}
SERVER_ROLES = (
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
)
_STATUS = {
    "active": "active",
    "planned": "planned",
    "staging": "planned",
    "decommissioning": "decommissioning",
}
_MEDIA = {
    "fiber": "fiber",
    "fibre": "fiber",
    "dark-fiber": "fiber",
    "copper": "copper",
    "radio": "radio",
    "microwave": "radio",
    "dsl": "dsl",
    "adsl": "dsl",
    "vdsl": "dsl",
    "leased-line": "leased-line",
    "mpls": "leased-line",
    "l2vpn": "vpn",
    "vpn": "vpn",
    "internet": "other",
}


class NetBoxError(PlannerError):
    """NetBox records planner cannot map, one line each, naming the record."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(self.problems))

    def lines(self) -> list[str]:
        return list(self.problems)


@dataclass
class NetBoxData:
    """The API records planner reads, by endpoint."""

    tenants: list[dict[str, Any]] = field(default_factory=list)
    sites: list[dict[str, Any]] = field(default_factory=list)
    devices: list[dict[str, Any]] = field(default_factory=list)
    virtual_machines: list[dict[str, Any]] = field(default_factory=list)
    circuits: list[dict[str, Any]] = field(default_factory=list)
    circuit_terminations: list[dict[str, Any]] = field(default_factory=list)
    cables: list[dict[str, Any]] = field(default_factory=list)
    interfaces: list[dict[str, Any]] = field(default_factory=list)
    region_id: str = "netbox"
    region_name: str = "NetBox"


@dataclass
class Imported:
    """The inventory as plain data (the YAML writer's input) and the report:
    what was skipped and what NetBox lacks."""

    region: dict[str, Any]
    municipalities: list[dict[str, Any]]
    links: list[dict[str, Any]]
    report: list[str]


def _name(kind: str, rec: dict[str, Any]) -> str:
    label = rec.get("name") or rec.get("cid") or rec.get("label") or ""
    return f"{kind} {rec.get('id')} '{label}'" if label else f"{kind} {rec.get('id')}"


def _ref(value: Any, key: str = "slug") -> Any:
    """A nested object's field (``{"id": 3, "slug": "x"}`` -> ``"x"``)."""
    return value.get(key) if isinstance(value, dict) else None


_ID_CHARS = re.compile(r"[^\w.\-]+")


def slug(text: str) -> str:
    """A planner id from a NetBox name: spaces and other characters to
    ``-``, lower case (``'Rollag rådhus'`` -> ``rollag-rådhus``)."""
    return _ID_CHARS.sub("-", text.strip().lower()).strip("-") or "x"


def to_inventory(data: NetBoxData) -> Imported:
    """Map the records; raise :class:`NetBoxError` listing every record that
    cannot be mapped."""
    problems: list[str] = []
    report: list[str] = []
    munis = _tenants(data, problems)
    sites, site_ids = _sites(data, munis, problems, report)
    ids = _Ids()
    server_sites = _servers(data, sites, site_ids, munis, ids, problems, report)
    for site_id in server_sites:
        sites[site_id][1]["server_room"] = True
    links = _circuits(data, site_ids, ids, problems, report)
    links += _cables(data, site_ids, ids, problems)
    problems += _control_characters(munis.values(), links)
    for m in munis.values():
        if not any(s["role"] == "town-hall" for s in m["sites"]):
            problems.append(
                f"{m['_ref']}: no site with role town-hall: put its town hall in the "
                "site group 'town-hall' or tag it 'town-hall'"
            )
    if problems:
        raise NetBoxError(problems)
    region_links: list[dict[str, Any]] = []
    for ln in links:
        ma, mb = (sites[e][0] if e in sites else None for e in (ln["a"], ln["b"]))
        owner = ma if mb in (None, ma) else None
        if ln["b"] == INTERNET:
            owner = ma
        (munis[owner]["links"] if owner else region_links).append(ln)
    ordered = sorted(munis.values(), key=lambda m: m["id"])
    for m in ordered:
        m.pop("_ref")
    report.append(
        f"imported {len(ordered)} municipalities, {len(sites)} sites, "
        f"{sum(len(m['servers']) for m in ordered)} servers, {len(links)} links"
    )
    report.append(
        "NetBox has no populations, users or systems: fill in the lines marked "
        "TODO (population of each municipality, users of each site, systems)"
    )
    region = {"id": data.region_id, "name": data.region_name}
    return Imported(region, ordered, region_links, report)


def _tenants(data: NetBoxData, problems: list[str]) -> dict[str, dict[str, Any]]:
    munis: dict[str, dict[str, Any]] = {}
    for t in data.tenants:
        mid = slug(t.get("slug") or t.get("name") or "")
        if mid in munis:
            problems.append(f"{_name('tenancy.tenant', t)}: slug '{mid}' twice")
            continue
        munis[mid] = {
            "id": mid,
            "name": t.get("name") or mid,
            "_ref": _name("tenancy.tenant", t),
            "_nb": t.get("id"),
            "sites": [],
            "servers": [],
            "links": [],
        }
    return munis


def _site_role(rec: dict[str, Any]) -> str | None:
    candidates = [_ref(rec.get("group"))] + [_ref(tag) for tag in rec.get("tags") or []]
    for c in candidates:
        if not c:
            continue
        c = str(c).lower()
        c = c.removeprefix("role-")
        if c in SITE_ROLES:
            return c
        if c in _ROLE_SYNONYMS:
            return _ROLE_SYNONYMS[c]
    return None


def _sites(
    data: NetBoxData,
    munis: dict[str, dict[str, Any]],
    problems: list[str],
    report: list[str],
) -> tuple[dict[str, tuple[str, dict[str, Any]]], dict[Any, str]]:
    """Planner site id -> (municipality id, site), and NetBox site id ->
    planner site id."""
    by_tenant = {m["_nb"]: mid for mid, m in munis.items()}
    sites: dict[str, tuple[str, dict[str, Any]]] = {}
    site_ids: dict[Any, str] = {}
    for rec in sorted(data.sites, key=lambda r: r.get("id") or 0):
        ref = _name("dcim.site", rec)
        tenant = rec.get("tenant")
        if not isinstance(tenant, dict):
            problems.append(f"{ref}: no tenant: set the municipality as its tenant")
            continue
        muni = by_tenant.get(tenant.get("id"))
        if muni is None:
            continue  # a tenant outside the tenant group
        status = _ref(rec.get("status"), "value") or "active"
        if status == "retired":
            report.append(f"{ref}: retired, left out")
            continue
        if status not in _STATUS:
            problems.append(f"{ref}: unknown status '{status}'")
            continue
        role = _site_role(rec)
        if role is None:
            hint = _ref(rec.get("group")) or ""
            problems.append(
                f"{ref}: no role: put it in a site group or give it a tag named "
                f"after the role ({', '.join(SITE_ROLES)})"
                + (did_you_mean(hint, SITE_ROLES) if hint else "")
            )
            continue
        sid = slug(rec.get("slug") or rec.get("name") or "")
        if sid in sites:
            problems.append(f"{ref}: slug '{sid}' twice")
            continue
        site: dict[str, Any] = {
            "id": sid,
            "name": rec.get("name") or sid,
            "role": role,
            "users": 0,
        }
        if role == "datacenter":
            site["datacenter"] = True
        if _STATUS[status] != "active":
            site["status"] = _STATUS[status]
        position = {
            k: rec[k] for k in ("latitude", "longitude") if rec.get(k) is not None
        }
        if position:
            site["custom"] = {k: float(v) for k, v in position.items()}
        site["custom"] = {**site.get("custom", {}), "netbox_id": rec.get("id")}
        sites[sid] = (muni, site)
        site_ids[rec.get("id")] = sid
        munis[muni]["sites"].append(site)
    return sites, site_ids


class _Ids:
    """Unique planner ids for servers and links."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str, nb_id: Any) -> str:
        candidate = base
        if candidate in self.used:
            candidate = f"{base}-{nb_id}"
        self.used.add(candidate)
        return candidate


def _server_role(rec: dict[str, Any]) -> str | None:
    """The planner role of a device or VM role slug, None when the device
    is not a server (a switch, a router)."""
    role = _ref(rec.get("role")) or _ref(rec.get("device_role"))
    if role is None:
        return None
    role = str(role).lower().removesuffix("-server").removesuffix("-servers")
    if role in SERVER_ROLES:
        return role
    if role in ("server", "servers", "vm", "virtual-machine"):
        return "other"
    return None


def _servers(
    data: NetBoxData,
    sites: dict[str, tuple[str, dict[str, Any]]],
    site_ids: dict[Any, str],
    munis: dict[str, dict[str, Any]],
    ids: _Ids,
    problems: list[str],
    report: list[str],
) -> set[str]:
    """Add the servers; the sites holding physical ones."""
    rooms: set[str] = set()
    skipped: dict[str, int] = defaultdict(int)
    kinds = (
        ("dcim.device", data.devices, False),
        ("virtualization.virtual_machine", data.virtual_machines, True),
    )
    for kind, records, virtual in kinds:
        for rec in sorted(records, key=lambda r: r.get("id") or 0):
            ref = _name(kind, rec)
            role = _server_role(rec) if not virtual else _server_role(rec) or "other"
            if role is None:
                skipped[str(_ref(rec.get("role")) or "no role")] += 1
                continue
            site_nb = _ref(rec.get("site"), "id")
            if site_nb is None:
                problems.append(f"{ref}: no site: set the site it stands in")
                continue
            if site_nb not in site_ids:
                continue  # a site outside the tenant group, or retired
            sid = site_ids[site_nb]
            server: dict[str, Any] = {
                "id": ids.take(
                    slug(rec.get("name") or f"{kind}-{rec.get('id')}"), rec.get("id")
                ),
                "site": sid,
                "role": role,
            }
            platform = _ref(rec.get("platform"), "name")
            if platform:
                server["platform"] = platform
            if virtual:
                server["virtual"] = True
            else:
                rooms.add(sid)
            munis[sites[sid][0]]["servers"].append(server)
    for role, n in sorted(skipped.items()):
        report.append(f"dcim.device: {n} with role '{role}' are not servers, left out")
    return rooms


def _circuits(
    data: NetBoxData,
    site_ids: dict[Any, str],
    ids: _Ids,
    problems: list[str],
    report: list[str],
) -> list[dict[str, Any]]:
    ends: dict[Any, dict[str, Any]] = defaultdict(dict)
    for t in data.circuit_terminations:
        circuit = _ref(t.get("circuit"), "id")
        ends[circuit][str(t.get("term_side"))] = t
    out = []
    for rec in sorted(data.circuits, key=lambda r: r.get("id") or 0):
        ref = _name("circuits.circuit", rec)
        at = [_termination_site(ends[rec.get("id")].get(side)) for side in ("A", "Z")]
        mine = [s for s in at if s is not None and s in site_ids]
        if not mine:
            if any(s is not None for s in at):
                continue  # both ends outside the tenant group
            problems.append(f"{ref}: no termination at a site")
            continue
        rate = rec.get("commit_rate")
        if not rate:
            problems.append(
                f"{ref}: no commit rate: set it (kbit/s) so planner knows the capacity"
            )
            continue
        if len(mine) < sum(s is not None for s in at):
            report.append(f"{ref}: one end outside the tenant group, left out")
            continue
        a = site_ids[mine[0]]
        b = site_ids[mine[1]] if len(mine) > 1 else INTERNET
        link: dict[str, Any] = {
            "id": ids.take(
                slug(rec.get("cid") or f"circuit-{rec.get('id')}"), rec.get("id")
            ),
            "a": a,
            "b": b,
            "capacity": _mbps(rate / 1000),
            "medium": _MEDIA.get(str(_ref(rec.get("type")) or "").lower(), "other"),
        }
        provider = _ref(rec.get("provider"), "name")
        if provider:
            link["provider"] = provider
        if _ref(rec.get("status"), "value") == "planned":
            link["status"] = "planned"
        out.append(link)
    return out


def _termination_site(t: dict[str, Any] | None) -> Any:
    if t is None:
        return None
    if t.get("termination_type") == "dcim.site":
        return t.get("termination_id") or _ref(t.get("termination"), "id")
    return _ref(t.get("site"), "id")  # NetBox before 4.2


def _mbps(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{text} Mbit/s"


def _cables(
    data: NetBoxData, site_ids: dict[Any, str], ids: _Ids, problems: list[str]
) -> list[dict[str, Any]]:
    device_site = {d.get("id"): _ref(d.get("site"), "id") for d in data.devices}
    speed = {i.get("id"): i.get("speed") for i in data.interfaces}
    out = []
    for rec in sorted(data.cables, key=lambda r: r.get("id") or 0):
        ends = []
        rates = []
        for side in ("a_terminations", "b_terminations"):
            for t in rec.get(side) or []:
                if t.get("object_type") != "dcim.interface":
                    continue
                obj = t.get("object") or {}
                ends.append(device_site.get(_ref(obj.get("device"), "id")))
                rates.append(speed.get(t.get("object_id")) or obj.get("speed"))
                break
        if len(ends) != 2 or None in ends or ends[0] == ends[1]:
            continue  # inside one site, or not between interfaces
        if not all(s in site_ids for s in ends):
            continue
        known = [r for r in rates if r]
        ref = _name("dcim.cable", rec)
        if not known:
            problems.append(
                f"{ref}: no capacity: set the speed of the interfaces at its ends"
            )
            continue
        out.append(
            {
                "id": ids.take(
                    slug(rec.get("label") or f"cable-{rec.get('id')}"), rec.get("id")
                ),
                "a": site_ids[ends[0]],
                "b": site_ids[ends[1]],
                "capacity": _mbps(min(known) / 1000),
                "medium": _cable_medium(rec.get("type")),
            }
        )
    return out


def _cable_medium(kind: Any) -> str:
    """NetBox cable types: ``smf``, ``mmf-om4``... are fibre; ``cat6`` and
    the like copper; anything else other."""
    text = str(kind or "").lower()
    if text.startswith(("smf", "mmf")) or "fiber" in text:
        return "fiber"
    if text.startswith(("cat", "dac", "coaxial", "power")):
        return "copper"
    return "other"


def _control_characters(
    munis: Iterable[dict[str, Any]], links: list[dict[str, Any]]
) -> list[str]:
    """Text with a control or bidirectional character (a name that shows
    differently than it reads) is refused, as the YAML loader would refuse
    the files written from it: named, to be fixed in NetBox."""
    problems = []
    records = [("link", ln) for ln in links]
    for m in munis:
        records.append(("tenant", m))
        records += [("site", x) for x in m["sites"]]
        records += [("server", x) for x in m["servers"]]
    for kind, rec in records:
        for key, value in rec.items():
            if key.startswith("_") or not isinstance(value, str):
                continue
            if ch := control_character(value):
                problems.append(
                    f"{kind} {rec.get('id')}: {key} holds a control character "
                    f"(U+{ord(ch):04X}); remove it in NetBox"
                )
    return problems
