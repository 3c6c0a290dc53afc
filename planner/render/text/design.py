"""The network design as text, Markdown and JSON."""

from __future__ import annotations

from planner.models.design import DesignGap, DesignLink, DesignResult, DesignUpgrade
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_bandwidth, format_money

__all__ = ["design_json", "design_markdown", "design_text"]

_LINK_HEADERS = ("link", "between", "capacity", "investment", "per year", "closes")
_UPGRADE_HEADERS = ("link", "capacity", "needs", "worst load", "when down")


def design_json(result: DesignResult) -> str:
    return to_json(result.to_dict())


def _gap(g: DesignGap) -> str:
    return f"{g.subject} ({g.cls})"


def _link_row(ln: DesignLink) -> list[str]:
    return [
        ln.id,
        f"{ln.a} - {ln.b}",
        format_bandwidth(ln.capacity_mbps),
        format_money(ln.investment),
        format_money(ln.per_year),
        ", ".join(_gap(g) for g in ln.closes) or "-",
    ]


def _upgrade_row(u: DesignUpgrade) -> list[str]:
    to = u.upgrade_to_mbps
    return [
        u.id + (" (new)" if u.candidate else ""),
        format_bandwidth(u.capacity_mbps),
        "above largest tier" if to is None else format_bandwidth(to),
        format_bandwidth(u.worst_demand_mbps),
        u.failed_link or "-",
    ]


def _summary(r: DesignResult) -> list[str]:
    cur = r.currency
    if r.optimal:
        proof = "optimal (proven)"
    else:
        proof = (
            f"not proven optimal: the optimum costs at least "
            f"{format_money(r.bound)} {cur}"
        )
    ups = r.upgrade_totals()
    return [
        f"Data centres: {', '.join(r.datacenters) or 'none'}",
        f"Network gaps: {len(r.gaps)}; candidates: {r.candidates}; chosen: "
        f"{len(r.links)}; unresolved: {len(r.unresolved)}",
        f"Cost: {format_money(r.cost)} {cur} over {r.horizon} years "
        f"(investment {format_money(r.investment)} {cur}, "
        f"{format_money(r.per_year)} {cur} per year); {proof}",
        f"Upgrades for the worst single failure: {_count(len(r.upgrades), 'link')}, "
        f"investment {format_money(ups['investment'])} {cur}, "
        f"{format_money(ups['per_year'])} {cur} per year",
    ]


def design_text(result: DesignResult, width: int = 100) -> str:
    lines = [f"Network design for {result.region} (target {result.target})", ""]
    lines += _summary(result)
    if result.links:
        lines += ["", "Links to build:"]
        lines += text_table(
            _LINK_HEADERS, [_link_row(ln) for ln in result.links], width=width
        )
    if result.upgrades:
        lines += ["", "Capacity needed under the worst single link failure:"]
        lines += text_table(
            _UPGRADE_HEADERS, [_upgrade_row(u) for u in result.upgrades], width=width
        )
    if result.unresolved:
        lines += ["", "Unresolved (no candidate closes them):"]
        lines += [f"  {_gap(u.gap)}: {u.why}" for u in result.unresolved]
    for w in result.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines) + "\n"


def design_markdown(result: DesignResult) -> str:
    lines = [f"# Network design for {result.region}", ""]
    lines += [f"- {line}" for line in _summary(result)]
    if result.links:
        lines += ["", "## Links to build", ""]
        lines += markdown_table(_LINK_HEADERS, [_link_row(ln) for ln in result.links])
    if result.upgrades:
        lines += ["", "## Capacity under the worst single link failure", ""]
        lines += markdown_table(
            _UPGRADE_HEADERS, [_upgrade_row(u) for u in result.upgrades]
        )
    if result.unresolved:
        lines += ["", "## Unresolved", ""]
        lines += markdown_table(
            ("site", "class", "paths", "required", "why"),
            [
                [u.gap.subject, u.gap.cls, str(u.gap.paths), str(u.gap.required), u.why]
                for u in result.unresolved
            ],
        )
    for w in result.warnings:
        lines += ["", f"Warning: {w}"]
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
