"""Generated work packages named and explained in the report's language.

The planner names a generated package in English with ids (``Upgrade
kongsberg-notodden to 1 Gbit/s``), for scripts and terminals. The report
rebuilds the name from the package's kind, its subject and the figures of
the gap it closes (``Oppgradere samband Kongsberg rådhus–Notodden rådhus til
1 Gbit/s``), and the reason from that gap's localised description. A
hand-written package keeps the name and reason its author wrote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from planner.models.bandwidth import BandwidthReport
from planner.models.frozen import frozen
from planner.models.gapdata import (
    CapacityGap,
    ConsolidationGap,
    HarmonisationGap,
    HostingGap,
)
from planner.models.inventory import Inventory
from planner.models.planresult import Package, PackageKind
from planner.models.results import Gap, GapReport
from planner.models.target import Target
from planner.render.i18n import Messages
from planner.render.report.gap_text import Names, describe_gap

__all__ = ["PackageWords", "package_words"]


@frozen
class PackageWords:
    """What the report needs to name packages: link ends, gaps by subject,
    the bandwidth analysis's recommendations and the capacity tiers."""

    names: Names
    link_ends: Mapping[str, tuple[str, str]]
    gaps: Mapping[tuple[str, str], Gap]
    rooms: Mapping[str, Gap]
    recommended: Mapping[str, float]
    tiers: Sequence[float]
    datacenters: Sequence[str]

    @classmethod
    def build(
        cls,
        inventory: Inventory,
        target: Target,
        gaps: GapReport,
        names: Names,
        bandwidth: BandwidthReport | None,
    ) -> PackageWords:
        ends = {ln.id: (ln.a, ln.b) for ln in inventory.all_links()}
        by_subject = {}
        rooms = {}
        for g in gaps.gaps:
            if isinstance(g.data, ConsolidationGap):
                rooms.update(dict.fromkeys(g.data.server_rooms_closed, g))
            else:
                by_subject[(g.kind, g.subject)] = g
        recommended = {
            ln.id: float(ln.recommended_capacity_mbps)
            for ln in (() if bandwidth is None else bandwidth.links)
            if ln.recommended_capacity_mbps is not None
        }
        return cls(
            names,
            ends,
            by_subject,
            rooms,
            recommended,
            tuple(target.network.capacity_tiers),
            tuple(gaps.datacenters),
        )

    def link(self, link: str) -> str:
        """``Kongsberg rådhus–Notodden rådhus``: a link by its ends' names."""
        ends = self.link_ends.get(link)
        if ends is None:
            return link
        site = self.names.site
        return "\u2013".join([site(e) for e in ends])


def package_words(wp: Package, words: PackageWords, msg: Messages) -> tuple[str, str]:
    """``(name, reason)`` of a work package."""
    name, reason, pid = wp.name, wp.reason, wp.id
    if not wp.generated:
        return name, _hand_written(pid, reason, words, msg)
    kind = wp.kind
    try:
        if kind == "link" and pid.startswith("build-"):
            return _build(wp, words, msg)
        if kind == "link":
            return _link(pid.removeprefix("link-"), words, msg)
        if kind == "datacenter":
            return _datacenter(words, msg)
        if kind in ("move", "harmonise"):
            return _service(kind, pid.partition("-")[2], words, msg)
        if kind == "close":
            return _close(pid.removeprefix("close-"), words, msg)
        if kind == "introduce":
            return _introduce(wp, words, msg)
    except (KeyError, TypeError, ValueError):
        pass
    return name, reason  # a kind or shape this module does not know


_HAND = "hand-written"
_REPLACES = " (replaces the generated package: "
_KINDS: dict[str, PackageKind] = {
    "link-": "link",
    "move-": "move",
    "harmonise-": "harmonise",
    "close-": "close",
}


def _hand_written(pid: str, reason: str, words: PackageWords, msg: Messages) -> str:
    """The author's reason, without the planner's English framing
    (``hand-written: ... (replaces the generated package: ...)``, see
    ``planner.planning.merge``), the replaced package named in words."""
    own = reason.removeprefix(_HAND).removeprefix(": ")
    extended = _EXTENDS.search(own)
    if extended is not None:
        own, key, pid = own[: extended.start()], "wp.extends", extended["id"]
    else:
        own, replaces, _ = own.partition(_REPLACES)
        if not replaces:
            return own
        key = "wp.replaces"
    kind: PackageKind = next(
        (k for p, k in _KINDS.items() if pid.startswith(p)), "datacenter"
    )
    generated = Package(id=pid, name=pid, kind=kind, reason="", generated=True)
    name, _ = package_words(generated, words, msg)
    replaced = msg(key, name=name)
    return f"{own} ({replaced})" if own else replaced


_EXTENDS = re.compile(r" ?\(extends the generated (?P<id>[^\s:]+): .*\)$", re.S)


def _tier(need: float, tiers: Sequence[float]) -> float:
    return next((t for t in sorted(tiers) if t >= need), need)


def _link(link: str, words: PackageWords, msg: Messages) -> tuple[str, str]:
    gap = words.gaps.get(("capacity", link))
    rec = words.recommended.get(link)
    if gap is None and rec is None:
        raise KeyError(link)  # not from this report's figures: keep the planner's
    need = max(gap.data_as(CapacityGap).upgrade_to_mbps if gap else 0.0, rec or 0.0)
    name = msg(
        "wp.link", link=words.link(link), tier=msg.bandwidth(_tier(need, words.tiers))
    )
    reasons = [describe_gap(gap, msg, words.names)] if gap else []
    if rec is not None:
        reasons.append(msg("wp.link.load", need=msg.bandwidth(rec)))
    return name, " ".join(reasons)


def _datacenter(words: PackageWords, msg: Messages) -> tuple[str, str]:
    central = [
        g
        for (kind, _), g in sorted(words.gaps.items())
        if isinstance(g.data, HostingGap) and g.data.target_hosting == "central"
    ]
    systems = sum(len(g.data_as(HostingGap).systems) for g in central)
    where = ", ".join(words.names.site(s) for s in words.datacenters)
    reason = msg(
        "wp.datacenter.reason",
        systems=msg.number(systems),
        services=msg.number(len(central)),
        where=where or msg("datacenter"),
    )
    return msg("wp.datacenter"), reason


def _service(
    kind: str, service: str, words: PackageWords, msg: Messages
) -> tuple[str, str]:
    gap_kind = "hosting" if kind == "move" else "harmonisation"
    gap = words.gaps[(gap_kind, service)]
    svc = words.names.service(service)
    if kind == "harmonise":
        standard = gap.data_as(HarmonisationGap).standard
        name = msg("wp.harmonise", service=svc, standard=standard)
    elif gap.data_as(HostingGap).target_hosting == "central":
        name = msg("wp.move.central", service=svc)
    else:
        name = msg("wp.move.saas", service=svc)
    return name, describe_gap(gap, msg, words.names)


_INTRODUCE = re.compile(r"^Introduce (?P<product>.+) in \S+$")
_USERS = re.compile(r"about (?P<users>\d+) users")


def _introduce(wp: Package, words: PackageWords, msg: Messages) -> tuple[str, str]:
    """The standard product brought where a required service is missing:
    the product (a name the user wrote) and the estimated users are read
    from the planner's words, the rest rebuilt."""
    (service,) = wp.services
    (municipality,) = wp.municipalities
    gap = words.gaps[("coverage", service)]
    product = _INTRODUCE.match(wp.name)
    users = _USERS.search(wp.reason)
    if product is None or users is None:
        raise ValueError(wp.id)
    name = msg(
        "wp.introduce",
        product=product["product"],
        municipality=words.names.municipality(municipality),
    )
    reason = msg(
        "wp.introduce.reason",
        gap=describe_gap(gap, msg, words.names),
        users=msg.number(int(users["users"])),
    )
    return name, reason


def _close(room: str, words: PackageWords, msg: Messages) -> tuple[str, str]:
    gap = words.rooms[room]
    name = msg("wp.close", site=words.names.site(room))
    return name, describe_gap(gap, msg, words.names)


_BUILD = re.compile(
    r"^Build link \S+ \((?P<a>\S+) - (?P<b>\S+), "
    r"(?P<figure>[\d.]+) (?P<unit>[TGMk]?bit/s)\)$"
)
_CLOSES = re.compile(r"(?P<site>[^\s,]+) \((?P<cls>backbone|access)\)")
_UNITS = {"Tbit/s": 1e6, "Gbit/s": 1e3, "Mbit/s": 1.0, "kbit/s": 1e-3, "bit/s": 1e-6}


def _build(wp: Package, words: PackageWords, msg: Messages) -> tuple[str, str]:
    """A link the network design builds (``planner.planning.network``): its
    ends, capacity and the gaps it closes are read from the planner's words
    (ids and figures), the sentence rebuilt."""
    built = _BUILD.match(wp.name)
    if built is None:
        raise ValueError(wp.id)
    mbps = float(built["figure"]) * _UNITS[built["unit"]]
    link = "\u2013".join(words.names.site(built[e]) for e in ("a", "b"))
    name = msg("wp.build", link=link, bandwidth=msg.bandwidth(mbps))
    _, _, closes = wp.reason.partition("closes the network gaps of ")
    gaps = [
        f"{words.names.site(m['site'])} ({msg('notice.network.' + m['cls'])})"
        for m in _CLOSES.finditer(closes)
    ]
    if not gaps:
        return name, msg("wp.build.reason.none")
    return name, msg("wp.build.reason", gaps=", ".join(gaps))
