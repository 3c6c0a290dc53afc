"""``planner availability``: measured availability from an outage log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.analyses.outages import measure_availability
from planner.commands.shared import Formats, render_as
from planner.errors import UsageError
from planner.load.outagelog import parse_time, read_outages
from planner.models.availability import OutageReport
from planner.render.text.availability import (
    availability_json,
    availability_markdown,
    availability_text,
)

__all__ = ["availability", "period", "render_availability"]


def period(start: str, end: str) -> tuple[dt.datetime, dt.datetime]:
    """The period from ``--from`` and ``--to``. A date alone is a whole day
    on either side: ``--from 2013-01-01 --to 2013-03-22`` is 81 days."""
    try:
        begin, finish = parse_time(start), parse_time(end)
    except ValueError as e:
        raise UsageError(f"--from/--to: {e}") from None
    if _date_only(end):
        finish += dt.timedelta(days=1)
    if finish <= begin:
        raise UsageError(f"--to {end} is not after --from {start}")
    return begin, finish


def _date_only(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def availability(log: Path, start: str, end: str) -> OutageReport:
    """Read the log and measure every service over the period."""
    begin, finish = period(start, end)
    return measure_availability(read_outages(log), begin, finish)


FORMATS: Formats[OutageReport] = {
    "text": lambda r, _: availability_text(r),
    "json": lambda r, _: availability_json(r),
    "markdown": lambda r, _: availability_markdown(r),
}


def render_availability(report: OutageReport, fmt: str) -> str:
    return render_as(FORMATS, report, fmt)
