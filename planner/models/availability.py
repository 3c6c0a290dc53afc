"""Results about availability: the estimate from the network (per
municipality) and the measurement from an outage log (per service)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.models.frozen import frozen

__all__ = ["Estimate", "Outage", "OutageReport", "ServiceUptime"]


@frozen
class Estimate:
    """How likely a municipality's town hall reaches a running data centre
    (model in ``planner.analyses.availability``)."""

    municipality: str
    site: str
    paths: tuple[tuple[str, ...], ...]  # link ids of each edge-disjoint path
    network: float
    datacenter: float

    @property
    def availability(self) -> float:
        return self.network * self.datacenter

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "site": self.site,
            "paths": [list(p) for p in self.paths],
            "network": self.network,
            "datacenter": self.datacenter,
            "availability": self.availability,
        }


@frozen
class Outage:
    """One line of an outage log: a service down from ``start`` to ``end``."""

    service: str
    start: dt.datetime
    end: dt.datetime
    line: int


@frozen
class ServiceUptime:
    """A service's outages within the period and the availability they
    leave: 1 - downtime / period."""

    service: str
    outages: int
    downtime: dt.timedelta
    period: dt.timedelta

    @property
    def availability(self) -> float:
        return 1 - self.downtime / self.period

    def to_dict(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "outages": self.outages,
            "downtime_seconds": self.downtime.total_seconds(),
            "downtime": format_duration(self.downtime),
            "availability": self.availability,
            "availability_percent": round(self.availability * 100, 2),
        }


@frozen
class OutageReport:
    """Measured availability of every service in a log, over one period."""

    start: dt.datetime
    end: dt.datetime
    services: tuple[ServiceUptime, ...]

    @property
    def period(self) -> dt.timedelta:
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planner/availability/v1",
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "period_seconds": self.period.total_seconds(),
            "period_days": self.period.total_seconds() / 86400,
            "services": [s.to_dict() for s in self.services],
        }


def format_duration(d: dt.timedelta) -> str:
    """``3 h 5 min 25 s``, as the D-IKT report writes downtime."""
    seconds = round(d.total_seconds())
    days, rest = divmod(seconds, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{h} h"] if h or days else []
    parts += [f"{m} min", f"{s} s"] if (h or days or m) else [f"{s} s"]
    return " ".join(parts)
