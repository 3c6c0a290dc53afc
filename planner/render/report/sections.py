"""The report's optional sections and its assumptions, as plain rows.

Bandwidth and plan come in as the analyses' results
(:class:`BandwidthReport`, :class:`PlanResult`); figures the page writes
into ``data-sort`` are the numbers of ``bandwidth.json`` and ``plan.json``
beside it (rounded and written as those files write them), so the page
and the files agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from planner.models.bandwidth import BandwidthReport
from planner.models.plan import PlanFile
from planner.models.planresult import CostKey, PlanResult
from planner.models.target import Target
from planner.planning.costkey import key_from_file
from planner.render.i18n import Messages
from planner.render.report.gantt import dependency_names
from planner.render.report.gantt_html import gantt_groups
from planner.render.report.gap_text import Names
from planner.render.report.notice_text import say_notices
from planner.render.report.package_text import PackageWords, package_words
from planner.render.report.risks import PRINT_ROWS

__all__ = [
    "PRINT_NAMES",
    "as_written",
    "assumptions",
    "bandwidth_rows",
    "plan_section",
    "six",
]

Money = Callable[[Decimal | float | int | None], str]


def six(x: float | None) -> float | None:
    """A figure as ``bandwidth.json`` writes it: 6 decimals, no ``-0.0``."""
    return None if x is None else round(x, 6) + 0.0


def as_written(amount: Decimal) -> int | float:
    """An amount as the JSON files write it (whole kroner as integers)."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


PRINT_NAMES = 12
"""Sites cut off named per municipality in print (the page names all)."""


def bandwidth_rows(
    report: BandwidthReport | None,
    words: PackageWords,
    municipality_of: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """Every link, busiest first, named by its ends, and the sites a single
    break cuts off, per municipality (``municipality_of``: site id ->
    municipality id), most first; None without a bandwidth analysis."""
    if report is None:
        return None
    # Each link's utilisation rounded once, for the order and the row.
    links = [(six(ln.utilisation), ln) for ln in report.links]
    links.sort(key=lambda x: (-(x[0] or 0.0), x[1].id))
    rows = [
        {
            "id": ln.id,
            "name": words.link(ln.id),
            "capacity": ln.capacity_mbps,
            "demand": six(ln.demand_mbps),
            "utilisation": utilisation,
            "worst": six(ln.worst_utilisation),
            "failed_link": None
            if ln.failed_link is None
            else words.link(ln.failed_link),
            "recommended": ln.recommended_capacity_mbps,
            "printed": i < PRINT_ROWS,  # the busiest first
        }
        for i, (utilisation, ln) in enumerate(links)
    ]
    unprinted = max(0, len(rows) - PRINT_ROWS)
    cut = {u.site for u in report.unreachable}
    return {
        "rows": rows,
        "unreachable": _cut_off(cut, words, municipality_of or {}),
        "cut_off": len(cut),
        "unprinted": unprinted,
    }


def _cut_off(
    sites: set[str], words: PackageWords, municipality_of: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The sites cut off, by municipality: most first, then by name; each
    with the names printed and the rest (on screen only)."""
    by: dict[str, list[str]] = {}
    for site in sites:
        muni = municipality_of.get(site)
        name = words.names.municipality(muni) if muni is not None else "–"
        by.setdefault(name, []).append(words.names.site(site))
    out = []
    for muni, names in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        names.sort(key=str.casefold)
        out.append(
            {
                "name": muni,
                "count": len(names),
                "shown": names[:PRINT_NAMES],
                "rest": names[PRINT_NAMES:],
            }
        )
    return out


def plan_section(
    plan: PlanResult | None, gantt: bool, words: PackageWords, msg: Messages
) -> dict[str, Any] | None:
    """Phases, work packages (named in the report's language) and their
    money; None without a plan."""
    if plan is None:
        return None
    packages: list[dict[str, Any]] = []
    for x in plan.placements:
        wp = x.package
        name, reason = package_words(wp, words, msg)
        packages.append(
            {
                "id": wp.id,
                "generated": wp.generated,
                "deadline": None if wp.deadline is None else str(wp.deadline),
                "depends_on": sorted(wp.depends_on),
                "investment": as_written(wp.investment),
                "operating": as_written(wp.operating),
                "per_year": as_written(wp.per_year),
                "label": name,
                "why": reason,
                "period": _period(msg, str(x.start), str(x.end)),
                "municipality_names": ", ".join(
                    words.names.municipality(m) for m in sorted(wp.municipalities)
                ),
            }
        )
    label: dict[str, str] = {row["id"]: row["label"] for row in packages}
    for row in packages:
        row["dependencies"] = dependency_names(row["depends_on"], label)
    phases = [str(p.period) for p in plan.phases]
    return {
        "phases": [
            {
                "id": str(p.period),
                "investment": p.investment,
                "operating": p.operating,
                "contingency": p.contingency,
                "count": len(p.packages),
            }
            for p in plan.phases
        ],
        "packages": packages,
        "labels": label,
        "warnings": say_notices(plan.warnings, label, words, msg, plan.currency),
        "gantt": gantt,
        "gantt_rows": gantt_groups(plan, label, words.names.municipalities, msg),
        "first": phases[0] if phases else None,
        "last": phases[-1] if phases else None,
    }


def _period(msg: Messages, start: str, end: str) -> str:
    if end == start:
        return msg.period(start)
    return f"{msg.period(start)} – {msg.period(end)}"


def assumptions(
    target: Target,
    datacenters: Sequence[str],
    settings: PlanFile | None,
    msg: Messages,
    names: Names,
    money: Money,
    key: CostKey | None = None,
) -> list[tuple[str, str]]:
    """``(what, value)`` rows: the target's numbers, then the plan's (its
    cost key ``key`` as the plan used it, else read from ``settings``)."""
    net = target.network
    rows = [
        (
            msg("assumptions.datacenters"),
            ", ".join(names.site(s) for s in datacenters) or "–",
        ),
        (msg("assumptions.backbone"), _class(msg, net.backbone)),
        (msg("assumptions.access"), _class(msg, net.access)),
        (msg("assumptions.max_utilisation"), msg.percent(net.max_utilisation)),
        (
            msg("assumptions.link_availability"),
            msg.percent(net.link_availability, 1),
        ),
        (
            msg("assumptions.tiers"),
            ", ".join(msg.bandwidth(t) for t in net.capacity_tiers),
        ),
    ]
    rows += [
        (
            msg("assumptions.upgrade", tier=msg.bandwidth(tier)),
            msg(
                "assumptions.upgrade_cost",
                investment=money(cost.investment),
                per_year=money(cost.per_year),
            ),
        )
        for tier, cost in net.upgrade_cost.items()
    ]
    rows += [
        (
            msg("assumptions.standard", service=svc.name),
            svc.standard or msg("assumptions.most_users"),
        )
        for svc in target.services.values()
        if svc.harmonise
    ]
    if settings is None:
        return rows
    return rows + _plan_rows(settings, msg, money, key)


def _class(msg: Messages, cls: Any) -> str:
    return msg.count(
        "assumptions.class", cls.redundancy, capacity=msg.bandwidth(cls.min_capacity)
    )


def _plan_rows(
    settings: PlanFile, msg: Messages, money: Money, given: CostKey | None
) -> list[tuple[str, str]]:
    cost_key = key_from_file(settings.cost_key) if given is None else given
    key = ", ".join(
        f"{msg.percent(share)} {msg(f'criterion.{criterion}')}"
        for criterion, share in cost_key.weights
    )
    if cost_key.base:
        base = money(cost_key.base)
        key = msg("assumptions.cost_key_base", base=base, rest=key)
    rows = [
        (msg("assumptions.plan_phase"), msg(f"phase.{settings.phase}")),
        (msg("assumptions.plan_strategy"), msg(f"strategy.{settings.strategy}")),
        (msg("assumptions.cost_key"), key),
        (msg("assumptions.uncertainty"), msg.percent(settings.uncertainty)),
    ]
    if settings.start is not None:
        rows.insert(0, (msg("assumptions.plan_start"), msg.period(settings.start)))
    return rows
