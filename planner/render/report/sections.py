"""The report's optional sections and its assumptions, as plain rows.

Bandwidth and plan come in as their JSON documents (docs/cli.md's contract),
read with ``.get`` so a field the analysis adds later does no harm and one
it leaves out shows as a dash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from planner.models.plan import PlanFile
from planner.models.planresult import CostKey
from planner.models.target import Target
from planner.planning.costkey import key_from_file
from planner.render.i18n import Messages
from planner.render.report.gantt import dependency_names
from planner.render.report.gantt_html import gantt_groups
from planner.render.report.gap_text import Names
from planner.render.report.notice_text import notice_texts
from planner.render.report.package_text import PackageWords, package_words
from planner.render.report.risks import PRINT_ROWS

__all__ = ["assumptions", "bandwidth_rows", "plan_section"]

Money = Callable[[Decimal | float | int | None], str]


def bandwidth_rows(
    doc: Mapping[str, Any] | None, words: PackageWords
) -> dict[str, Any] | None:
    """Every link, busiest first, named by its ends, and the sites a single
    break cuts off; None without a bandwidth document."""
    if doc is None:
        return None
    links = sorted(
        doc.get("links", []),
        key=lambda ln: (-(ln.get("utilisation") or 0.0), str(ln.get("id"))),
    )
    rows = [
        {
            "id": ln.get("id"),
            "name": words.link(str(ln.get("id"))),
            "capacity": ln.get("capacity_mbps"),
            "demand": ln.get("demand_mbps"),
            "utilisation": ln.get("utilisation"),
            "worst": (ln.get("worst") or {}).get("utilisation"),
            "failed_link": _failed(words, (ln.get("worst") or {}).get("failed_link")),
            "recommended": ln.get("recommended_capacity_mbps"),
        }
        for ln in links
    ]
    for i, row in enumerate(rows):
        row["printed"] = i < PRINT_ROWS  # the busiest first
    unreachable = sorted(
        {words.names.site(str(u.get("site"))) for u in doc.get("unreachable", [])}
    )
    unprinted = max(0, len(rows) - PRINT_ROWS)
    return {"rows": rows, "unreachable": unreachable, "unprinted": unprinted}


def _failed(words: PackageWords, link: Any) -> str | None:
    return None if link is None else words.link(str(link))


def plan_section(
    doc: Mapping[str, Any] | None, gantt: bool, words: PackageWords, msg: Messages
) -> dict[str, Any] | None:
    """Phases, work packages (named in the report's language) and their
    money; None without a plan document."""
    if doc is None:
        return None
    packages = []
    for wp in doc.get("work_packages", []):
        name, reason = package_words(wp, words, msg)
        packages.append(
            {
                **_PACKAGE_DEFAULTS,
                **wp,
                "label": name,
                "why": reason,
                "period": _period(msg, wp.get("phase_start"), wp.get("phase_end")),
                "municipality_names": ", ".join(
                    words.names.municipality(m) for m in wp.get("municipalities", [])
                ),
            }
        )
    label = {wp["id"]: wp["label"] for wp in packages}
    for wp in packages:
        wp["dependencies"] = dependency_names(wp.get("depends_on") or [], label)
    return {
        "phases": [
            {
                **p,
                "count": len(p.get("work_packages", [])),
                "names": ", ".join(label.get(w, w) for w in p.get("work_packages", [])),
            }
            for p in doc.get("phases", [])
        ],
        "packages": packages,
        "labels": label,
        "settings": doc.get("settings", {}),
        "warnings": notice_texts(doc, label, words, msg),
        "gantt": gantt,
        "gantt_rows": gantt_groups(doc, label, words.names.municipalities, msg),
        "first": doc.get("phases", [{}])[0].get("id") if doc.get("phases") else None,
        "last": doc.get("phases", [{}])[-1].get("id") if doc.get("phases") else None,
    }


_PACKAGE_DEFAULTS: dict[str, Any] = {
    "investment": 0,
    "operating": 0,
    "per_year": 0,
    "deadline": None,
    "generated": False,
    "municipalities": [],
}


def _period(msg: Messages, start: Any, end: Any) -> str:
    if start is None:
        return "–"
    if end in (None, start):
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
