"""Gaps described for a steering group, in its language and with names.

The analyses write each gap's ``detail`` in English with ids, for scripts
and terminals; a report reads better in bokmål with the names people use.
Every sentence is rebuilt from the gap's ``data``; a kind this module does
not know (or data it does not recognise) falls back to ``detail``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from planner.models.results import Gap
from planner.render.i18n import Messages

__all__ = ["Names", "describe_gap"]


@dataclass(frozen=True)
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
    kind = "consolidation" if gap.data.get("consolidation") else gap.kind
    describe = _DESCRIBE.get(kind)
    if describe is None:
        return gap.detail
    try:
        return describe(gap, msg, names)
    except (KeyError, TypeError, ValueError):
        return gap.detail  # data of another shape than this module knows


def _munis(ids: Any, names: Names) -> str:
    return ", ".join(names.municipality(m) for m in ids)


def _coverage(gap: Gap, msg: Messages, names: Names) -> str:
    return msg(
        "gap.coverage",
        municipality=_munis(gap.municipalities, names),
        service=names.service(gap.data["service"]),
    )


def _harmonisation(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    listing = "; ".join(
        msg(
            "gap.product",
            product=p["product"],
            users=msg.number(p["users"]),
            municipalities=_munis(p["municipalities"], names),
        )
        for p in d["products"]
    )
    source = "target" if d["standard_source"] == "target" else "most_users"
    return msg(
        "gap.harmonisation",
        listing=listing,
        standard=d["standard"],
        source=msg(f"gap.source.{source}"),
        movers=_munis(sorted({m["municipality"] for m in d["moving"]}), names),
        users=msg.number(d["users_to_move"]),
    )


def _hosting(gap: Gap, msg: Messages, names: Names) -> str:
    systems = gap.data["systems"]
    where = "; ".join(
        f"{names.municipality(s['municipality'])}: {s['product']}" for s in systems
    )
    goal = "central" if gap.data["target_hosting"] == "central" else "saas"
    return msg.count(f"gap.hosting.{goal}", len(systems), where=where)


def _consolidation(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    text = msg(
        "gap.consolidation",
        count=msg.number(d["servers_retired"]),
        total=msg.number(d["servers_total"]),
    )
    rooms = d["server_rooms_closed"]
    if rooms:
        text += msg.count(
            "gap.consolidation.rooms",
            len(rooms),
            rooms=", ".join(names.site(r) for r in rooms),
        )
    return text + "."


def _capacity(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    return msg(
        f"gap.capacity.{d['class']}",
        capacity=msg.bandwidth(d["capacity_mbps"]),
        a=names.site(d["a"]),
        b=names.site(d["b"]),
        need=msg.bandwidth(d["required_mbps"]),
        tier=msg.bandwidth(d["upgrade_to_mbps"]),
    )


def _redundancy(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    text = msg.count(
        f"gap.redundancy.{d['class']}",
        d["paths"],
        site=names.site(gap.subject),
        need=msg.number(d["required"]),
    )
    cut = d["single_points_of_failure"]
    if cut:
        text += msg("gap.redundancy.cut", links=", ".join(cut))
    return text


def _reachability(gap: Gap, msg: Messages, names: Names) -> str:
    return msg(
        "gap.reachability",
        site=names.site(gap.subject),
        role=msg(f"role.{gap.data['role']}"),
    )


def _utilisation(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    baseline = (d["utilisation"] or 0.0) > d["limit"]
    load = d["demand_mbps"] if baseline else d["worst_demand_mbps"]
    util = d["utilisation"] if baseline else d["worst_utilisation"]
    text = msg(
        "gap.utilisation" if baseline else "gap.utilisation.failure",
        link=gap.subject,
        load=msg.bandwidth(load),
        capacity=msg.bandwidth(d["capacity_mbps"]),
        util=msg.percent(util) if util is not None else "–",
        failed=d["failed_link"],
        limit=msg.percent(d["limit"]),
    )
    rec = d["recommended_capacity_mbps"]
    if rec is None:
        return text + msg("gap.utilisation.no_tier")
    return text + msg("gap.utilisation.upgrade", tier=msg.bandwidth(rec))


def _availability(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    below = ", ".join(
        msg.count(
            "gap.availability.estimate",
            len(e["paths"]),
            municipality=names.municipality(e["municipality"]),
            value=msg.percent(e["availability"], 2),
        )
        for e in d["estimates"]
    )
    return msg(
        "gap.availability",
        service=names.service(gap.subject),
        goal=msg.percent(d["target"], 2),
        below=below,
    )


def _lifecycle(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    servers = ", ".join(
        f"{s['server']} ({s['platform'] or '–'}, {s['purchased'] or '–'})"
        for s in d["servers"]
    )
    n = d["servers_due"]
    text = msg("gap.lifecycle.one" if n == 1 else "gap.lifecycle", n=n, servers=servers)
    if d["reinvestment"] is not None:
        text += msg("gap.lifecycle.reinvestment", amount=msg.number(d["reinvestment"]))
    return text


def _duplication(gap: Gap, msg: Messages, names: Names) -> str:
    d = gap.data
    listing = "; ".join(
        f"{names.municipality(p['municipality'])}: {p['name']}"
        + (f" {msg.number(p['cost'])}" if p["cost"] is not None else "")
        for p in d["projects"]
    )
    return msg(
        "gap.duplication",
        n=len(d["projects"]),
        service=names.service(gap.subject),
        listing=listing,
        at_stake=msg.number(d["at_stake"]),
        total=msg.number(d["total"]),
    )


_DESCRIBE: dict[str, Callable[[Gap, Messages, Names], str]] = {
    "coverage": _coverage,
    "harmonisation": _harmonisation,
    "hosting": _hosting,
    "consolidation": _consolidation,
    "capacity": _capacity,
    "redundancy": _redundancy,
    "reachability": _reachability,
    "utilisation": _utilisation,
    "availability": _availability,
    "lifecycle": _lifecycle,
    "duplication": _duplication,
}
