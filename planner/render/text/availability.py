"""Measured availability (``planner availability``) as text, Markdown, JSON."""

from __future__ import annotations

from planner.models.availability import OutageReport, ServiceUptime, format_duration
from planner.render.text.jsonout import to_json
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_percentage

__all__ = ["availability_json", "availability_markdown", "availability_text"]

_HEADERS = ("service", "outages", "downtime", "availability")


def _row(s: ServiceUptime) -> list[str]:
    return [
        s.service,
        str(s.outages),
        format_duration(s.downtime),
        format_percentage(s.availability, 2),
    ]


def _period(report: OutageReport) -> str:
    days = report.period.total_seconds() / 86400
    length = f"{days:g} days" if days == int(days) else format_duration(report.period)
    start, end = report.start.isoformat(sep=" "), report.end.isoformat(sep=" ")
    return f"{start} to {end} ({length})"


def availability_text(report: OutageReport) -> str:
    """A table for a terminal."""
    lines = [f"Measured availability, {_period(report)}", ""]
    lines += text_table(_HEADERS, [_row(s) for s in report.services], align="lrrr")
    return "\n".join(lines) + "\n"


def availability_markdown(report: OutageReport) -> str:
    """A Markdown table."""
    lines = ["# Measured availability", "", f"Period: {_period(report)}.", ""]
    lines += markdown_table(_HEADERS, [_row(s) for s in report.services], align="lrrr")
    return "\n".join(lines) + "\n"


def availability_json(report: OutageReport) -> str:
    """The ``planner/availability/v1`` JSON document."""
    return to_json(report.to_dict())
