"""The bandwidth report as text, Markdown and JSON.

Text is for a terminal: a summary, the links that need more capacity, the
busiest links and the sites cut off; Markdown and JSON list every link.
"""

from __future__ import annotations

import heapq

from planner.models.bandwidth import BandwidthReport, LinkLoad, Unreachable
from planner.render.text.jsonout import to_json, to_json_bytes
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_bandwidth, format_money, format_percentage

__all__ = [
    "bandwidth_json",
    "bandwidth_json_bytes",
    "bandwidth_markdown",
    "bandwidth_text",
]

_BUSIEST = 10
_MOST = 40  # rows of a text table: a terminal, not a document
_HEADERS = (
    "link",
    "capacity",
    "demand",
    "utilisation",
    "worst",
    "worst when down",
    "recommended",
)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else format_percentage(x)


def _row(ln: LinkLoad) -> list[str]:
    rec = ln.recommended_capacity_mbps
    return [
        ln.id,
        format_bandwidth(ln.capacity_mbps),
        format_bandwidth(ln.demand_mbps) if ln.demand_mbps else "0",
        _pct(ln.utilisation),
        _pct(ln.worst_utilisation),
        ln.worst_cause or "-",
        "above largest tier" if rec is None else format_bandwidth(rec),
    ]


def _summary(report: BandwidthReport) -> list[str]:
    over = sum(
        1 for ln in report.links if (ln.worst_utilisation or 0) > report.max_utilisation
    )
    totals = report.upgrade_totals()
    failures = {
        "n-1": "every single link failure",
        "n-1+sites": "every single link and site failure",
    }.get(report.failures, "none")
    return [
        f"Data centres: {', '.join(report.datacenters) or 'none'}",
        f"Failures considered: {failures}",
        *(
            [f"Replication: {format_bandwidth(report.replication_mbps)}"]
            if report.replication_mbps
            else []
        ),
        f"Total demand: {format_bandwidth(report.total_demand_mbps)}; "
        f"{len(report.links)} links, {over} over "
        f"{format_percentage(report.max_utilisation, 0)}",
        f"Upgrades: {_count(len(report.upgrades), 'link')}, investment "
        f"{format_money(totals['investment'])} {report.currency}, "
        f"{format_money(totals['per_year'])} {report.currency} per year",
        _unreachable_line(report),
    ]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _unreachable_line(report: BandwidthReport) -> str:
    """Sites cut off today, and the sites one broken link can cut off (with
    n-1; the tables list which failure does it)."""
    today = {u.site for u in report.unreachable if u.failed is None}
    line = f"Unreachable: {_count(len(today), 'site')} today"
    if report.failures != "none":
        cut = {u.site for u in report.unreachable if u.failed is not None}
        what = "link failure" if report.failures == "n-1" else "failure"
        line += f"; {_count(len(cut), 'site')} a single {what} can cut off"
    return line


def _needing(report: BandwidthReport) -> list[LinkLoad]:
    return [
        ln
        for ln in report.links
        if ln.upgrade is not None or ln.recommended_capacity_mbps is None
    ]


def _busiest(report: BandwidthReport) -> list[LinkLoad]:
    loaded = (ln for ln in report.links if ln.worst_demand_mbps > 0)
    # sorted(...)[:10] without sorting 19,000 links (ids make keys unique)
    return heapq.nsmallest(
        _BUSIEST,
        loaded,
        key=lambda ln: (-(ln.worst_utilisation or float("inf")), ln.id),
    )


def _unreachable_rows(report: BandwidthReport) -> list[list[str]]:
    return [[u.site, _cause(u) or "(none: no path today)"] for u in report.unreachable]


def _cause(u: Unreachable) -> str | None:
    if u.failed is None or u.failed[0] == "link":
        return u.failed_link
    return f"{u.failed[0]} {u.failed[1]}"


def _cut_off_by_failure(report: BandwidthReport) -> list[list[str]]:
    """One row per cause, most sites first: what a terminal reader needs."""
    groups: dict[str, list[str]] = {}
    for u in report.unreachable:
        groups.setdefault(_cause(u) or "(no path today)", []).append(u.site)
    order = sorted(groups, key=lambda k: (-len(groups[k]), k))
    return [[k, str(len(groups[k])), ", ".join(groups[k])] for k in order]


def bandwidth_text(report: BandwidthReport, *, width: int = 100) -> str:
    """A readable summary for a terminal."""
    lines = [f"Bandwidth of {report.region} against {report.target}", ""]
    lines += _summary(report)
    needing = _needing(report)
    if needing:
        needing.sort(key=lambda ln: (-(ln.worst_utilisation or float("inf")), ln.id))
        lines += ["", f"Links needing more capacity ({len(needing)}, worst first):"]
        shown = needing[:_MOST]
        lines += text_table(_HEADERS, [_row(ln) for ln in shown], width=width)
        if len(needing) > _MOST:
            lines.append(f"  ... and {len(needing) - _MOST} more")
    lines += ["", f"Busiest links (worst utilisation, top {_BUSIEST}):"]
    lines += text_table(_HEADERS, [_row(ln) for ln in _busiest(report)], width=width)
    rows = _cut_off_by_failure(report)
    if rows:
        lines += ["", "Sites cut off from every data centre, by failed link:"]
        lines += text_table(
            ("failed link", "sites", "which"), rows[:_BUSIEST], width=width, align="lr"
        )
        if len(rows) > _BUSIEST:
            lines.append(f"  ... and {len(rows) - _BUSIEST} more failures")
    lines += ["", "Every link and site: --format markdown or --format json."]
    return "\n".join(lines) + "\n"


def bandwidth_markdown(report: BandwidthReport) -> str:
    """Every link as a Markdown table, for wikis and pull requests."""
    lines = [f"# Bandwidth: {report.region}", ""]
    lines += [f"- {line}" for line in _summary(report)]
    lines += ["", "## Links", ""]
    lines += markdown_table(
        _HEADERS, [_row(ln) for ln in report.links], align="lrrrrll"
    )
    if report.unreachable:
        lines += ["", "## Unreachable sites", ""]
        lines += markdown_table(("site", "failed link"), _unreachable_rows(report))
    return "\n".join(lines) + "\n"


def bandwidth_json(report: BandwidthReport) -> str:
    """The ``planner/bandwidth/v1`` JSON document."""
    return to_json(report.to_dict())


def bandwidth_json_bytes(report: BandwidthReport) -> bytes:
    """:func:`bandwidth_json` in UTF-8, as ``planner bandwidth`` writes it."""
    return to_json_bytes(report.to_dict())
