"""Each gap in words, in any of the three languages and with the names
people use: the one description of a gap.

The English sentence is the gap's ``detail`` in the CLI and JSON
(``planner.analyses.gaps.find_gaps`` writes it); the report says the same in
bokmål, nynorsk or English. Every sentence is built from the gap's typed
``data`` (``planner.models.gapdata``), one function per payload type; mypy
checks each field read, so there is no fallback. Long listings name the
first few and count the rest (the full lists are in the gap's data).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner.language.messages import Messages
from planner.models.frozen import frozen
from planner.models.gapdata import (
    AvailabilityGap,
    CapacityGap,
    ConsolidationGap,
    CoverageGap,
    DueServer,
    DuplicationGap,
    HarmonisationGap,
    HostingGap,
    LifecycleGap,
    ReachabilityGap,
    RedundancyGap,
    UtilisationGap,
)
from planner.models.results import Gap

__all__ = ["LISTED", "Names", "describe_gap"]

LISTED = 6
"""A listing names at most this many items; a longer one names five and
counts the rest, so a national region's sentences stay readable."""


@frozen
class Names:
    """Display names by id; an id without a name shows as itself."""

    municipalities: Mapping[str, str]
    sites: Mapping[str, str]
    services: Mapping[str, str]

    def municipality(self, id_: str) -> str:
        return self.municipalities.get(id_, id_)

    def site(self, id_: str) -> str:
        return self.sites.get(id_, id_)

    def service(self, id_: str) -> str:
        return self.services.get(id_, id_)


def describe_gap(gap: Gap, msg: Messages, names: Names) -> str:
    """One or two sentences about ``gap`` in ``msg``'s language."""
    d = gap.data
    if isinstance(d, CoverageGap):
        return _coverage(gap, d, msg, names)
    if isinstance(d, HarmonisationGap):
        return _harmonisation(d, msg, names)
    if isinstance(d, HostingGap):
        return _hosting(d, msg, names)
    if isinstance(d, ConsolidationGap):
        return _consolidation(d, msg, names)
    if isinstance(d, CapacityGap):
        return _capacity(d, msg, names)
    if isinstance(d, RedundancyGap):
        return _redundancy(gap, d, msg, names)
    if isinstance(d, ReachabilityGap):
        return _reachability(gap, d, msg, names)
    if isinstance(d, UtilisationGap):
        return _utilisation(gap, d, msg)
    if isinstance(d, AvailabilityGap):
        return _availability(gap, d, msg, names)
    if isinstance(d, LifecycleGap):
        return _lifecycle(d, msg)
    return _duplication(gap, d, msg, names)


def _some(items: list[str], msg: Messages, sep: str = ", ") -> str:
    """The first items and a count of the rest."""
    if len(items) <= LISTED:
        return sep.join(items)
    rest = msg("gap.more", n=msg.number(len(items) - LISTED + 1))
    return sep.join([*items[: LISTED - 1], rest])


def _munis(ids: Iterable[str], names: Names, msg: Messages) -> str:
    return _some([names.municipality(m) for m in ids], msg)


def _coverage(gap: Gap, d: CoverageGap, msg: Messages, names: Names) -> str:
    return msg(
        "gap.coverage",
        municipality=_munis(gap.municipalities, names, msg),
        service=names.service(d.service),
    )


def _harmonisation(d: HarmonisationGap, msg: Messages, names: Names) -> str:
    listing = "; ".join(
        msg(
            "gap.product",
            product=p.product,
            users=msg.number(p.users),
            municipalities=_munis(p.municipalities, names, msg),
        )
        for p in d.products
    )
    source = "target" if d.standard_source == "target" else "most_users"
    movers = sorted({m.municipality for m in d.moving})
    text = msg.count(
        "gap.harmonisation",
        len(movers),
        listing=listing,
        standard=d.standard,
        source=msg(f"gap.source.{source}"),
        movers=_munis(movers, names, msg),
        users=msg.number(d.users_to_move),
    )
    if not d.several_products:
        return text
    who = [
        msg(
            "gap.several",
            municipality=names.municipality(s.municipality),
            products=", ".join(s.products),
        )
        for s in d.several_products
    ]
    return text + msg("gap.harmonisation.several", who=_some(who, msg, "; "))


def _hosting(d: HostingGap, msg: Messages, names: Names) -> str:
    where = _some(
        [
            f"{names.municipality(s.municipality)}: "
            + (
                msg(
                    "gap.hosting.shared",
                    product=s.product,
                    municipality=names.municipality(s.hosted_by),
                )
                if s.hosting == "shared" and s.hosted_by is not None
                else s.product
            )
            for s in d.systems
        ],
        msg,
        "; ",
    )
    goal = "central" if d.target_hosting == "central" else "saas"
    return msg.count(f"gap.hosting.{goal}", len(d.systems), where=where)


def _consolidation(d: ConsolidationGap, msg: Messages, names: Names) -> str:
    text = msg(
        "gap.consolidation",
        count=msg.number(d.servers_retired),
        total=msg.number(d.servers_total),
    )
    rooms = d.server_rooms_closed
    if rooms:
        text += msg.count(
            "gap.consolidation.rooms",
            len(rooms),
            rooms=_some([names.site(r) for r in rooms], msg),
        )
    return text + "."


def _capacity(d: CapacityGap, msg: Messages, names: Names) -> str:
    return msg(
        f"gap.capacity.{d.link_class}",
        capacity=msg.bandwidth(d.capacity_mbps),
        a=names.site(d.a),
        b=names.site(d.b),
        need=msg.bandwidth(d.required_mbps),
        tier=msg.bandwidth(d.upgrade_to_mbps),
    )


def _redundancy(gap: Gap, d: RedundancyGap, msg: Messages, names: Names) -> str:
    if d.risk_group is not None:
        return msg(
            f"gap.redundancy.risk_group.{d.link_class}",
            site=names.site(gap.subject),
            group=d.risk_group,
            links=", ".join(d.cut),
            need=msg.number(d.required),
        )
    text = msg.count(
        f"gap.redundancy.{d.link_class}",
        d.paths,
        site=names.site(gap.subject),
        need=msg.number(d.required),
    )
    cut = d.single_points_of_failure
    if cut:
        return text + msg("gap.redundancy.cut", links=", ".join(cut))
    if d.cut:
        return text + msg("gap.redundancy.smallest_cut", links=", ".join(d.cut))
    return text


def _reachability(gap: Gap, d: ReachabilityGap, msg: Messages, names: Names) -> str:
    return msg(
        "gap.reachability.transit" if d.through_non_transit else "gap.reachability",
        site=names.site(gap.subject),
        role=msg(f"role.{d.role}"),
    )


def _utilisation(gap: Gap, d: UtilisationGap, msg: Messages) -> str:
    baseline = d.utilisation is None or d.utilisation > d.limit
    load = d.demand_mbps if baseline else d.worst_demand_mbps
    util = d.utilisation if baseline else d.worst_utilisation
    text = msg(
        "gap.utilisation" if baseline else "gap.utilisation.failure",
        link=gap.subject,
        load=msg.bandwidth(load),
        capacity=msg.bandwidth(d.capacity_mbps),
        util=msg.percent(util) if util is not None else "–",
        failed=d.failed_link,
        limit=msg.percent(d.limit),
    )
    rec = d.recommended_capacity_mbps
    if rec is None:
        return text + msg("gap.utilisation.no_tier")
    return text + msg("gap.utilisation.upgrade", tier=msg.bandwidth(rec))


def _availability(gap: Gap, d: AvailabilityGap, msg: Messages, names: Names) -> str:
    below = _some(
        [
            msg.count(
                "gap.availability.estimate",
                len(e.paths),
                municipality=names.municipality(e.municipality),
                value=msg.percent(e.availability, 2),
            )
            for e in d.estimates
        ],
        msg,
    )
    return msg(
        "gap.availability",
        service=names.service(gap.subject),
        goal=msg.percent(d.target, 2),
        below=below,
    )


def _lifecycle(d: LifecycleGap, msg: Messages) -> str:
    servers = _some([_due(s, msg) for s in d.servers], msg)
    n = d.servers_due
    text = msg("gap.lifecycle.one" if n == 1 else "gap.lifecycle", n=n, servers=servers)
    if d.reinvestment is not None:
        text += msg("gap.lifecycle.reinvestment", amount=msg.number(d.reinvestment))
    return text


def _due(s: DueServer, msg: Messages) -> str:
    """A server with why it is due: its age, its platform's end of support."""
    facts = [s.platform or "–", str(s.purchased or "–")]
    if s.age is not None:
        facts.append(msg("gap.lifecycle.age", age=s.age))
    if s.end_of_support is not None:
        facts.append(msg("gap.lifecycle.unsupported", date=s.end_of_support))
    return f"{s.server} ({', '.join(facts)})"


def _duplication(gap: Gap, d: DuplicationGap, msg: Messages, names: Names) -> str:
    listing = _some(
        [
            f"{names.municipality(p.municipality)}: {p.name}"
            + (f" {msg.number(p.cost)}" if p.cost is not None else "")
            + (f" ({msg.period(p.period)})" if p.period is not None else "")
            for p in d.projects
        ],
        msg,
        "; ",
    )
    return msg(
        "gap.duplication",
        n=len(d.projects),
        service=names.service(gap.subject),
        listing=listing,
        at_stake=msg.number(d.at_stake),
        total=msg.number(d.total),
    )
