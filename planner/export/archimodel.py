"""The ArchiMate model of an analysed inventory and its plan, before XML.

A pure function of the graph, the target, the gaps and the plan: elements,
relationships and properties as plain records that
:mod:`planner.export.archimate` writes as an Open Group exchange file.
The mapping (docs/interop.md):

==========================  ===================================================
planner                     ArchiMate 3.1
==========================  ===================================================
municipality                BusinessActor
site                        Location; its server room or data centre a Facility
server                      Device (physical) or Node (virtual)
system                      ApplicationComponent
service                     ApplicationService (the target's layer a property)
link, the internet          CommunicationNetwork
today, each phase, target   Plateau, each triggering the next
gap                         Gap, associated with the plateaus it lies between
work package                WorkPackage realizing the plateau of its last phase
a package's services        Deliverable realizing the ApplicationServices
==========================  ===================================================

Every relationship is checked against the ArchiMate 3.1 table
(:mod:`planner.export.archimate_rules`) as it is made. Identifiers are the
planner id prefixed by the kind (``location-rollag-rh``), made valid XML
names, so a re-export of a changed inventory diffs element by element;
relationship identifiers are a hash of their type and ends, stable too.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

import networkx as nx

from planner.export.archimate_rules import allowed
from planner.models.inventory import INTERNET
from planner.models.planresult import Placement, PlanResult
from planner.models.results import Gap, GapReport
from planner.models.target import Target
from planner.units import Period

__all__ = [
    "PROPERTIES",
    "WORDS",
    "ArchiModel",
    "Element",
    "Relationship",
    "build_model",
    "relationship_id",
    "xml_id",
]

# (key, name, ArchiMate data type), in the order they are declared.
PROPERTIES: tuple[tuple[str, str, str], ...] = (
    ("planner-id", "planner id", "string"),
    ("kind", "planner kind", "string"),
    ("municipality", "municipality", "string"),
    ("population", "population", "number"),
    ("employees", "employees", "number"),
    ("workstations", "workstations", "number"),
    ("users", "users", "number"),
    ("role", "role", "string"),
    ("status", "status", "string"),
    ("platform", "platform", "string"),
    ("count", "count", "number"),
    ("purchased", "purchased (year)", "number"),
    ("product", "product", "string"),
    ("vendor", "vendor", "string"),
    ("version", "version", "string"),
    ("hosting", "hosting", "string"),
    ("licence-cost", "licence cost per year", "currency"),
    ("layer", "layer", "string"),
    ("harmonise", "harmonise", "boolean"),
    ("standard", "standard", "string"),
    ("capacity", "capacity (Mbit/s)", "number"),
    ("medium", "medium", "string"),
    ("provider", "provider", "string"),
    ("availability", "availability", "number"),
    ("link-cost", "cost per year", "currency"),
    ("phase-start", "phase start", "string"),
    ("phase-end", "phase end", "string"),
    ("investment", "investment", "currency"),
    ("operating", "operating (one-off)", "currency"),
    ("per-year", "running cost per year", "currency"),
    ("effort", "effort (FTE per phase)", "number"),
    ("duration", "duration (phases)", "number"),
    ("severity", "severity", "string"),
    ("currency", "currency", "string"),
)

WORDS = {
    "nb": {
        "today": "I dag",
        "after": "Etter fase {period}",
        "target": "Mål: {name}",
        "room": "serverrom",
        "datacenter": "datasenter",
        "internet": "Internett",
        "deliverable": "Leveranse: {name}",
        "network": "Nettverk",
        "migration": "Migrering",
    },
    "en": {
        "today": "Today",
        "after": "After phase {period}",
        "target": "Target: {name}",
        "room": "server room",
        "datacenter": "data centre",
        "internet": "Internet",
        "deliverable": "Deliverable: {name}",
        "network": "Network",
        "migration": "Migration",
    },
}

Props = tuple[tuple[str, str], ...]


class Element(NamedTuple):
    id: str
    type: str
    name: str
    props: Props = ()
    documentation: str | None = None


class Relationship(NamedTuple):
    """A named tuple, not a dataclass: a national model makes ~480,000 of
    them, and a frozen dataclass's ``__init__`` costs twice as much."""

    id: str
    type: str
    source: str
    target: str
    name: str | None = None


@dataclass
class ArchiModel:
    """Elements and relationships in the order they are written."""

    id: str
    name: str
    lang: str
    elements: dict[str, Element] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)
    # planner's references -> element ids, for the views
    site: dict[str, str] = field(default_factory=dict)
    municipality: dict[str, str] = field(default_factory=dict)
    link: dict[str, str] = field(default_factory=dict)
    link_ends: dict[str, tuple[str, str]] = field(default_factory=dict)
    site_municipality: dict[str, str] = field(default_factory=dict)
    plateaus: list[str] = field(default_factory=list)
    package_plateau: dict[str, str] = field(default_factory=dict)

    def add(self, element: Element) -> str:
        if element.id in self.elements:
            raise ValueError(f"duplicate ArchiMate id {element.id}")
        self.elements[element.id] = element
        return element.id

    def relate(
        self, type_: str, source: str, target: str, name: str | None = None
    ) -> str:
        """Add a relationship the ArchiMate 3.1 table allows (else a bug)."""
        elements = self.elements
        s, t = elements[source].type, elements[target].type
        if not _allowed(type_, s, t):
            raise ValueError(f"ArchiMate 3.1 forbids {type_} from {s} to {t}")
        # relationship_id, inlined: a national model relates ~480,000 times
        digest = _sha1(f"{type_}|{source}|{target}".encode()).hexdigest()
        rid = f"rel-{_lower(type_)}-{digest[:16]}"
        if rid not in self.relationships:
            self.relationships[rid] = Relationship(rid, type_, source, target, name)
        return rid

    def relate_all(self, type_: str, pairs: Iterable[tuple[str, str]]) -> None:
        """:meth:`relate` for each ``(source, target)`` in order, in one
        loop: the plan's ~216,000 dependencies of a national model."""
        elements, relationships = self.elements, self.relationships
        head = f"rel-{type_.lower()}-"
        for source, target in pairs:
            s, t = elements[source].type, elements[target].type
            if not _allowed(type_, s, t):
                raise ValueError(f"ArchiMate 3.1 forbids {type_} from {s} to {t}")
            digest = _sha1(f"{type_}|{source}|{target}".encode()).hexdigest()
            rid = head + digest[:16]
            if rid not in relationships:
                relationships[rid] = Relationship(rid, type_, source, target)


def relationship_id(type_: str, source: str, target: str) -> str:
    """``rel-<type>-<hash of type and ends>``: stable while its ends are."""
    digest = _sha1(f"{type_}|{source}|{target}".encode()).hexdigest()
    return f"rel-{_lower(type_)}-{digest[:16]}"


_sha1 = hashlib.sha1
_lower = cache(str.lower)
# the table's answer per (relationship, source type, target type): a
# national model asks ~480,000 times about a few dozen triples
_allowed = cache(allowed)


_SAFE = re.compile(r"[A-Za-z0-9.\-\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff]")
_ALL_SAFE = re.compile(r"[A-Za-z0-9.\-\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff]*")


@cache
def xml_id(kind: str, planner_id: str) -> str:
    """``kind-id`` as a valid XML ID (an NCName): letters, digits, ``.``
    and ``-`` (æøå and other Latin letters too) stay, any other character
    (``_`` included, so the mapping is one-to-one) becomes ``_xHEX_``.
    Kinds contain no ``-``, so the first one ends the prefix."""
    if _ALL_SAFE.fullmatch(planner_id):
        return f"{kind}-{planner_id}"
    body = "".join(c if _SAFE.fullmatch(c) else f"_x{ord(c):X}_" for c in planner_id)
    return f"{kind}-{body}"


def build_model(
    G: nx.MultiGraph[Any],
    target: Target,
    gaps: GapReport,
    plan: PlanResult | None,
    *,
    lang: str = "nb",
) -> ArchiModel:
    """The ArchiMate model of the inventory graph ``G`` (``planner.graph``)
    against ``target``, with ``gaps`` and, when given, the phased ``plan``."""
    words = WORDS[lang]
    model = ArchiModel(xml_id("model", G.graph["region"]), G.graph["name"], lang)
    _services(model, target)
    _inventory(model, G, words)
    _migration(model, G, target, gaps, plan, words)
    return model


def _p(key: str, value: object) -> tuple[str, str] | None:
    if type(value) is str:  # most values: the quick way
        return (key, value) if value else None
    if value is None:
        return None
    if isinstance(value, bool):
        return (key, "true" if value else "false")
    if isinstance(value, Decimal):
        return (key, f"{value.normalize():f}")
    if isinstance(value, float):
        return (key, f"{value:g}" if value != int(value) else str(int(value)))
    return (key, str(value))


def _props(*pairs: tuple[str, object]) -> Props:
    """The pairs that have a value, as text (:func:`_p`), in order: one
    call per element, not one per property (~600,000 nationally)."""
    out = []
    for key, value in pairs:
        if type(value) is str:
            if value:
                out.append((key, value))
        else:
            pair = _p(key, value)
            if pair is not None:
                out.append(pair)
    return tuple(out)


def _services(model: ArchiModel, target: Target) -> None:
    for s in sorted(target.services.values(), key=lambda s: s.id):
        model.add(
            Element(
                xml_id("service", s.id),
                "ApplicationService",
                s.name,
                _props(
                    ("planner-id", s.id),
                    ("kind", "service"),
                    ("layer", s.layer),
                    ("hosting", s.hosting),
                    ("harmonise", s.harmonise),
                    ("standard", s.standard),
                    ("availability", s.availability),
                ),
            )
        )
    for s in sorted(target.services.values(), key=lambda s: s.id):
        for dep in s.depends_on:
            if dep in target.services:
                model.relate("Serving", xml_id("service", dep), xml_id("service", s.id))


def _inventory(model: ArchiModel, G: nx.MultiGraph[Any], words: dict[str, str]) -> None:
    nodes = list(G.nodes(data=True))
    for _, d in nodes:
        if d["kind"] == "municipality":
            _municipality(model, d)
    for n, d in nodes:
        if d["kind"] == "site":
            _site(model, n, d, words)
    for _, d in nodes:
        if d["kind"] == "server":
            _server(model, d)
    for _, d in nodes:
        if d["kind"] == "system":
            _system(model, d)
    links = [d for _, _, d in G.edges(data=True) if d["kind"] == "link"]
    if any(INTERNET in (d["a"], d["b"]) for d in links):
        model.site[INTERNET] = model.add(
            Element(
                xml_id("network", INTERNET),
                "CommunicationNetwork",
                words["internet"],
                _props(("kind", "internet")),
            )
        )
    for d in links:
        _link(model, d)


def _municipality(model: ArchiModel, d: dict[str, Any]) -> None:
    model.municipality[d["id"]] = model.add(
        Element(
            xml_id("actor", d["id"]),
            "BusinessActor",
            d["name"],
            _props(
                ("planner-id", d["id"]),
                ("kind", "municipality"),
                ("population", d["population"]),
                ("employees", d.get("employees")),
                ("workstations", d.get("workstations")),
            ),
        )
    )


def _site(model: ArchiModel, n: str, d: dict[str, Any], words: dict[str, str]) -> None:
    loc = model.add(
        Element(
            xml_id("location", n),
            "Location",
            d["name"],
            _props(
                ("planner-id", n),
                ("kind", "site"),
                ("municipality", d["municipality"]),
                ("role", d["role"]),
                ("users", d["users"]),
                ("status", d["status"]),
            ),
        )
    )
    model.site[n] = loc
    model.site_municipality[n] = d["municipality"]
    model.relate("Association", model.municipality[d["municipality"]], loc)
    if d["server_room"] or d["datacenter"]:
        room = words["datacenter" if d["datacenter"] else "room"]
        fac = model.add(
            Element(
                xml_id("facility", n),
                "Facility",
                f"{d['name']} ({room})",
                _props(("planner-id", n), ("kind", "server-room")),
            )
        )
        model.relate("Aggregation", loc, fac)


def _server(model: ArchiModel, d: dict[str, Any]) -> None:
    eid = model.add(
        Element(
            xml_id("node" if d["virtual"] else "device", d["id"]),
            "Node" if d["virtual"] else "Device",
            f"{d['id']} ({d['role']})",
            _props(
                ("planner-id", d["id"]),
                ("kind", "server"),
                ("municipality", d["municipality"]),
                ("role", d["role"]),
                ("platform", d["platform"]),
                ("count", d["count"]),
                ("purchased", d["purchased"]),
            ),
        )
    )
    room = xml_id("facility", d["site"])
    model.relate(
        "Aggregation", room if room in model.elements else model.site[d["site"]], eid
    )


def _system(model: ArchiModel, d: dict[str, Any]) -> None:
    eid = model.add(
        Element(
            xml_id("component", d["id"]),
            "ApplicationComponent",
            d["product"],
            _props(
                ("planner-id", d["id"]),
                ("kind", "system"),
                ("municipality", d["municipality"]),
                ("product", d["product"]),
                ("vendor", d["vendor"]),
                ("version", d["version"]),
                ("users", d["users"]),
                ("hosting", d["hosting"]),
                ("licence-cost", d["licence_cost"]),
            ),
        )
    )
    service = xml_id("service", d["service"])
    if service in model.elements:
        model.relate("Realization", eid, service)
    model.relate("Serving", eid, model.municipality[d["municipality"]])
    if d["server"] is not None:
        for kind in ("device", "node"):
            server = xml_id(kind, d["server"])
            if server in model.elements:
                model.relate("Serving", server, eid)
    if d["hosted_by"] is not None and d["hosted_by"] in model.municipality:
        model.relate(
            "Association", model.municipality[d["hosted_by"]], eid, "hosted by"
        )


def _link(model: ArchiModel, d: dict[str, Any]) -> None:
    eid = model.add(
        Element(
            xml_id("network", d["id"]),
            "CommunicationNetwork",
            d["id"],
            _props(
                ("planner-id", d["id"]),
                ("kind", "link"),
                ("capacity", d["capacity"]),
                ("medium", d["medium"]),
                ("provider", d["provider"]),
                ("availability", d["availability"]),
                ("link-cost", d["cost_per_year"]),
                ("status", d["status"]),
            ),
        )
    )
    model.link[d["id"]] = eid
    model.link_ends[d["id"]] = (d["a"], d["b"])
    for end in (d["a"], d["b"]):
        model.relate("Association", eid, model.site[end])
    ma, mb = (model.site_municipality.get(e) for e in (d["a"], d["b"]))
    if ma is not None and mb is not None and ma != mb:
        # what a folded map draws: the two municipalities are connected
        a, b = sorted((ma, mb))
        model.relate(
            "Association", model.municipality[a], model.municipality[b], "connected"
        )


def _migration(
    model: ArchiModel,
    G: nx.MultiGraph[Any],
    target: Target,
    gaps: GapReport,
    plan: PlanResult | None,
    words: dict[str, str],
) -> None:
    today = model.add(
        Element("plateau-today", "Plateau", words["today"], _props(("kind", "today")))
    )
    phases = [] if plan is None else [p.period for p in plan.phases]
    middle = [
        model.add(
            Element(
                xml_id("plateau", f"phase-{p}"),
                "Plateau",
                words["after"].format(period=p),
                _props(("kind", "phase"), ("phase-end", p)),
            )
        )
        for p in phases
    ]
    goal = model.add(
        Element(
            "plateau-target",
            "Plateau",
            words["target"].format(name=target.name),
            _props(("planner-id", target.id), ("kind", "target")),
        )
    )
    model.plateaus = [today, *middle, goal]
    for a, b in zip(model.plateaus, model.plateaus[1:], strict=False):
        model.relate("Triggering", a, b)
    _plateau_contents(model, G, target, today, goal)
    gap_ids = _gaps(model, gaps, plan, today, middle, goal)
    if plan is not None:
        _packages(model, plan, middle or [goal], gap_ids, words)


def _plateau_contents(
    model: ArchiModel,
    G: nx.MultiGraph[Any],
    target: Target,
    today: str,
    goal: str,
) -> None:
    """Today aggregates what is in service; the target its services and
    the planned links (the rest of the target state is the gaps closed)."""
    members: list[tuple[str, str]] = []
    for eid, e in model.elements.items():
        if e.type == "Plateau":
            continue
        status = dict(e.props).get("status", "active")
        if e.type == "ApplicationService":
            members.append((goal, eid))
        elif status == "active":
            members.append((today, eid))
        elif e.type == "CommunicationNetwork" and status == "planned":
            members.append((goal, eid))
    model.relate_all("Aggregation", members)


def _gaps(
    model: ArchiModel,
    gaps: GapReport,
    plan: PlanResult | None,
    today: str,
    middle: list[str],
    goal: str,
) -> dict[tuple[str, str], list[str]]:
    """One Gap per gap, associated with today and the plateau after which
    it is closed (the target when no phase closes it)."""
    closed_in = _closed_in(plan, middle) if plan is not None and plan.phases else {}
    ids: dict[tuple[str, str], list[str]] = {}
    for gap in gaps.gaps:
        key = (gap.kind, gap.subject)
        eid = _unique(model, xml_id("gap", f"{gap.kind}.{gap.subject}"))
        ids.setdefault(key, []).append(eid)
        model.add(_gap_element(eid, gap))
        model.relate("Association", eid, today)
        model.relate("Association", eid, closed_in.get(key, goal))
        subject = _subject(model, gap.subject)
        if subject is not None:
            model.relate("Association", eid, subject)
    return ids


def _closed_in(plan: PlanResult, middle: list[str]) -> dict[tuple[str, str], str]:
    """The plateau after which each gap is closed: the first phase by whose
    end every package closing it has ended, as
    :func:`planner.planning.phases.phase_state` counts it, in one pass
    (phase_state per phase walked every package once per phase)."""
    ends = [_months(p.period) for p in plan.phases]
    done: dict[str, tuple[int, int]] = {}  # a package's earliest end
    for x in plan.placements:
        end = _months(x.end)
        if x.package.id not in done or end < done[x.package.id]:
            done[x.package.id] = end
    last: dict[tuple[str, str], tuple[int, int]] = {}  # its last worker's end
    for x in plan.placements:
        end = done[x.package.id]
        for key in x.package.closes:
            if key not in last or last[key] < end:
                last[key] = end
    closed_in: dict[tuple[str, str], str] = {}
    for key, end in last.items():
        n = bisect.bisect_left(ends, end)
        if n < len(middle):
            closed_in[key] = middle[n]
    return closed_in


def _months(period: Period) -> tuple[int, int]:
    """A period's ordering key (as ``Period.__lt__`` orders them)."""
    return (period.start_month, period.end_month)


def _unique(model: ArchiModel, eid: str) -> str:
    if eid not in model.elements:
        return eid
    n = 2
    while f"{eid}.{n}" in model.elements:
        n += 1
    return f"{eid}.{n}"


def _gap_element(eid: str, gap: Gap) -> Element:
    return Element(
        eid,
        "Gap",
        f"{gap.kind}: {gap.subject}",
        _props(
            ("kind", gap.kind),
            ("planner-id", gap.subject),
            ("severity", gap.severity),
            ("municipality", ", ".join(gap.municipalities)),
        ),
        gap.detail,
    )


def _subject(model: ArchiModel, subject: str) -> str | None:
    for kind in ("service", "network", "location"):
        eid = xml_id(kind, subject)
        if eid in model.elements:
            return eid
    return None


def _packages(
    model: ArchiModel,
    plan: PlanResult,
    plateaus: list[str],
    gap_ids: dict[tuple[str, str], list[str]],
    words: dict[str, str],
) -> None:
    periods = [p.period for p in plan.phases]
    wp_of: dict[str, str] = {}
    for x in plan.placements:
        wp = model.add(_package_element(x, plan.currency))
        wp_of[x.package.id] = wp
        # the plateau after the phase the package ends in
        i = next((i for i, p in enumerate(periods) if p >= x.end), len(periods) - 1)
        plateau = plateaus[max(0, min(i, len(plateaus) - 1))]
        model.relate("Realization", wp, plateau)
        model.package_plateau[wp] = plateau
        for m in sorted(x.package.municipalities):
            if m in model.municipality:
                model.relate("Assignment", model.municipality[m], wp)
        for key in x.package.closes:
            for gap in gap_ids.get(key, []):
                model.relate("Association", wp, gap)
        _deliverable(model, x, wp, words)
    model.relate_all(
        "Triggering",
        (
            (wp_of[dep], wp_of[x.package.id])
            for x in plan.placements
            for dep in sorted(x.package.depends_on)
            if dep in wp_of  # not a package of the plan: nothing to trigger
        ),
    )


def _package_element(x: Placement, currency: str) -> Element:
    p = x.package
    return Element(
        xml_id("wp", p.id),
        "WorkPackage",
        p.name,
        _props(
            ("planner-id", p.id),
            ("kind", p.kind),
            ("phase-start", x.start),
            ("phase-end", x.end),
            ("investment", p.investment),
            ("operating", p.operating),
            ("per-year", p.per_year),
            ("effort", p.effort),
            ("duration", p.duration),
            ("currency", currency),
        ),
        p.reason or None,
    )


def _deliverable(
    model: ArchiModel, x: Placement, wp: str, words: dict[str, str]
) -> None:
    services = [
        xml_id("service", s)
        for s in sorted(x.package.services)
        if xml_id("service", s) in model.elements
    ]
    if not services:
        return
    d = model.add(
        Element(
            xml_id("deliverable", x.package.id),
            "Deliverable",
            words["deliverable"].format(name=x.package.name),
            _props(("planner-id", x.package.id)),
        )
    )
    model.relate("Realization", wp, d)
    for s in services:
        model.relate("Realization", d, s)


def element_types(model: ArchiModel) -> Iterable[str]:
    """The element types used, for the tests and the docs."""
    return sorted({e.type for e in model.elements.values()})
