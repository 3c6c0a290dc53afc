"""Measured availability from an outage log, per service over a period.

availability = 1 - downtime / period, where downtime is the time within the
period that a service was down: outages are cut to the period, and
overlapping outages of one service count once. The D-IKT report rounds to
two decimals of a percent (81 days with 1 h 38 min down: 99.92 %).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.models.availability import Outage, OutageReport, ServiceUptime

__all__ = ["measure_availability"]


def measure_availability(
    outages: Iterable[Outage], start: dt.datetime, end: dt.datetime
) -> OutageReport:
    """Outages, downtime and availability of every service in the log
    (services with no outage within the period included, at 100 %)."""
    if end <= start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    by_service: dict[str, list[tuple[dt.datetime, dt.datetime]]] = {}
    for o in outages:
        spans = by_service.setdefault(o.service, [])
        if o.end > start and o.start < end:
            spans.append((max(o.start, start), min(o.end, end)))
    return OutageReport(
        start=start,
        end=end,
        services=tuple(
            ServiceUptime(name, len(spans), _union(spans), end - start)
            for name, spans in sorted(by_service.items())
        ),
    )


def _union(spans: list[tuple[dt.datetime, dt.datetime]]) -> dt.timedelta:
    """Total length of the spans, overlaps counted once."""
    total = dt.timedelta()
    reach: dt.datetime | None = None
    for a, b in sorted(spans):
        if reach is not None and a < reach:
            a = reach
        if b > a:
            total += b - a
        reach = b if reach is None else max(reach, b)
    return total
