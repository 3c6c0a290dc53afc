"""The gap report as text, Markdown and JSON."""

from __future__ import annotations

from planner.models.results import GAP_KINDS, Gap, GapReport
from planner.render.text.jsonout import to_json, to_json_bytes
from planner.render.text.tables import markdown_table, text_table, wrap

__all__ = ["gaps_json", "gaps_json_bytes", "gaps_markdown", "gaps_text"]

_HEADERS = ("severity", "subject", "municipalities", "detail")


def _rows(gaps: list[Gap]) -> list[list[str]]:
    return [
        [g.severity, g.subject, ", ".join(g.municipalities), g.detail] for g in gaps
    ]


def _by_kind(report: GapReport) -> dict[str, list[Gap]]:
    groups: dict[str, list[Gap]] = {k: [] for k in GAP_KINDS}
    for g in report.gaps:
        groups[g.kind].append(g)
    return {k: v for k, v in groups.items() if v}


def gaps_text(report: GapReport, *, width: int = 100) -> str:
    """A readable report: a summary, then one table per gap kind."""
    total = len(report.gaps)
    lines = [
        f"Gap analysis of {report.region} against {report.target}",
        f"Data centres: {', '.join(report.datacenters) or 'none'}",
        "",
        "Summary:",
        *text_table(
            ("kind", "gaps"),
            [[k, str(n)] for k, n in report.summary.items()] + [["total", str(total)]],
            align="lr",
        ),
    ]
    for kind, gaps in _by_kind(report).items():
        lines += ["", f"{kind.capitalize()} ({len(gaps)}):"]
        lines += _gap_blocks(gaps, width)
    if not total:
        lines += ["", "No gaps: the inventory meets the target."]
    return "\n".join(lines) + "\n"


def _gap_blocks(gaps: list[Gap], width: int) -> list[str]:
    """One line per gap (severity, subject, municipalities), the detail
    wrapped below it: readable on a terminal however long the detail."""
    subject = max(len(g.subject) for g in gaps)
    out = []
    for g in gaps:
        head = (
            f"  {g.severity:<6}  {g.subject:<{subject}}  {', '.join(g.municipalities)}"
        )
        out.append(head.rstrip())
        out += wrap(g.detail, width, " " * 10)
    return out


def gaps_markdown(report: GapReport) -> str:
    """The report as Markdown, for wikis and pull requests."""
    lines = [
        f"# Gap analysis: {report.region}",
        "",
        f"Target: {report.target}. Data centres: "
        f"{', '.join(report.datacenters) or 'none'}.",
        "",
        "## Summary",
        "",
        *markdown_table(
            ("kind", "gaps"),
            [[k, str(n)] for k, n in report.summary.items()]
            + [["**total**", str(len(report.gaps))]],
            align="lr",
        ),
    ]
    for kind, gaps in _by_kind(report).items():
        lines += ["", f"## {kind.capitalize()} ({len(gaps)})", ""]
        lines += markdown_table(_HEADERS, _rows(gaps))
    return "\n".join(lines) + "\n"


def gaps_json(report: GapReport) -> str:
    """The ``planner/gap/v1`` JSON document."""
    return to_json(report.to_dict())


def gaps_json_bytes(report: GapReport) -> bytes:
    """:func:`gaps_json` in UTF-8, as ``planner gap`` writes it."""
    return to_json_bytes(report.to_dict())
