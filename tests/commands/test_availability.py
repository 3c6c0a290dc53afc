"""``planner availability`` through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.test_cli import run

Write = Callable[[str, str], Path]

LOG = """\
service,start,end
portal,2013-01-05 10:00,2013-01-05 11:00
portal,2013-02-01 00:00,2013-02-01 00:38
politiske-saker,2013-02-01 00:00,2013-02-01 10:36:36
"""


def test_text_json_and_whole_days(write: Write) -> None:
    log = write("log.csv", LOG)
    code, out, _ = run(
        "availability", log, "--from", "2013-01-01", "--to", "2013-03-22"
    )
    assert code == 0
    assert "(81 days)" in out
    assert "portal" in out and "99.92 %" in out and "99.45 %" in out
    _, out, _ = run(
        "availability",
        log,
        "--from",
        "2013-01-01",
        "--to",
        "2013-03-22",
        "--format",
        "json",
    )
    doc = json.loads(out)
    assert doc["schema"] == "planner/availability/v1"
    assert doc["period_days"] == 81
    portal = next(s for s in doc["services"] if s["service"] == "portal")
    assert portal == {
        "service": "portal",
        "outages": 2,
        "downtime_seconds": 5880.0,
        "downtime": "1 h 38 min 0 s",
        "availability": portal["availability"],
        "availability_percent": 99.92,
    }


def test_errors_exit_2_located(write: Write) -> None:
    bad = write("bad.csv", "service,start,end\nportal,2013-13-01,2013-01-02\n")
    code, out, err = run(
        "availability", bad, "--from", "2013-01-01", "--to", "2013-02-01"
    )
    assert (code, out) == (2, "")
    assert err == (
        f"{bad}:2:8: '2013-13-01' is not an ISO date and time: write e.g. "
        "2013-03-01 14:05:30\n"
    )
    log = write("log.csv", LOG)
    code, _, err = run(
        "availability", log, "--from", "2013-02-01", "--to", "2013-01-01"
    )
    assert code == 2 and "is not after --from" in err
