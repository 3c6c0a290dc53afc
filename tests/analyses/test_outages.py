"""Measured availability against the D-IKT figures (DOMAIN.md).

The report's convention, found by reproducing it: availability =
1 - unplanned downtime / period, shown to two decimals of a percent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.analyses.outages import measure_availability
from planner.models.availability import Outage

START = dt.datetime(2013, 1, 1)


def _log(service: str, count: int, seconds: int, days: int) -> list[Outage]:
    """``count`` outages adding up to ``seconds``, one every few days."""
    base, extra = divmod(seconds, count)
    out = []
    for i in range(count):
        begin = START + dt.timedelta(days=i * days / count, hours=3)
        length = dt.timedelta(seconds=base + (1 if i < extra else 0))
        out.append(Outage(service, begin, begin + length, i + 2))
    return out


def _percent(outages: list[Outage], days: int) -> str:
    report = measure_availability(outages, START, START + dt.timedelta(days=days))
    (svc,) = report.services
    return f"{svc.availability * 100:.2f}"


def test_81_days_25_outages_1h38m_is_99_92() -> None:
    """5,880 s of 6,998,400 s: 1 - 0.00084 = 99.916 % -> 99.92 %."""
    log = _log("portal", 25, 1 * 3600 + 38 * 60, 81)
    assert _percent(log, 81) == "99.92"
    report = measure_availability(log, START, START + dt.timedelta(days=81))
    assert report.services[0].outages == 25
    assert report.services[0].downtime == dt.timedelta(hours=1, minutes=38)


def test_political_documents_8_outages_10h36m36s_is_99_45() -> None:
    """The report gives no period for these 8 outages; it is the same
    81 days as the portal's 25: 38,196 s of 6,998,400 s = 99.454 % ->
    99.45 %. Any period from 79.65 to 81.12 days rounds to 99.45 %."""
    log = _log("politiske-saker", 8, 10 * 3600 + 36 * 60 + 36, 81)
    assert _percent(log, 81) == "99.45"
    assert _percent(log, 80) == "99.45"
    assert _percent(log, 79) != "99.45"


def test_75_days_20_outages_3h5m25s_is_99_83_not_the_reported_99_80() -> None:
    """Not reproducible: 11,125 s of 75 days (6,480,000 s) is 99.828 %,
    which rounds to 99.83 %, while the report says 99.80 %. 99.80 % needs
    12,636-13,284 s of downtime in 75 days (25 to 36 minutes more than the
    unplanned outages: the report's chart also shows planned maintenance,
    whose length it does not give), or a period of 62.8 to 66.0 days."""
    log = _log("portal", 20, 3 * 3600 + 5 * 60 + 25, 75)
    assert _percent(log, 75) == "99.83"
    extra = Outage("portal", START, START + dt.timedelta(seconds=1_600), 99)
    assert _percent([*log, extra], 75) == "99.80"


def test_outages_are_cut_to_the_period_and_overlaps_count_once() -> None:
    day = dt.timedelta(days=1)
    log = [
        Outage("a", START - day, START + dt.timedelta(hours=1), 2),  # 1 h inside
        Outage("a", START + dt.timedelta(hours=5), START + dt.timedelta(hours=7), 3),
        Outage("a", START + dt.timedelta(hours=6), START + dt.timedelta(hours=8), 4),
        Outage("b", START + 3 * day, START + 4 * day, 5),  # after the period
    ]
    report = measure_availability(log, START, START + 2 * day)
    a, b = report.services
    assert (a.outages, a.downtime) == (3, dt.timedelta(hours=4))
    assert a.availability == pytest.approx(1 - 4 / 48)
    assert (b.outages, b.availability) == (0, 1.0)


def test_period_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        measure_availability([], START, START)
