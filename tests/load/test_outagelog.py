"""Reading outage logs: every mistake located as file:line:col."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.load.outagelog import read_outages

Write = Callable[[str, str], Path]


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as e:
        read_outages(path, "log.csv")
    return [str(p) for p in e.value.problems]


def test_reads_iso_times_any_column_order(write: Write) -> None:
    path = write(
        "log.csv",
        """\
        start,end,service
        2013-01-05 10:00,2013-01-05T11:00:30,portal

        2013-01-06T10:00+01:00,2013-01-06 09:30Z,esa
        """,
    )
    a, b = read_outages(path)
    assert (a.service, a.end - a.start, a.line) == (
        "portal",
        dt.timedelta(seconds=3630),
        2,
    )
    assert b.start == dt.datetime(2013, 1, 6, 9, 0)  # converted to UTC
    assert b.end == dt.datetime(2013, 1, 6, 9, 30)


def test_bad_date_end_before_start_unknown_column(write: Write) -> None:
    bad = write(
        "bad.csv",
        """\
        service,start,end
        portal,2013-02-30 10:00,2013-03-01 11:00
        portal,2013-01-05 12:00,2013-01-05 11:00
        portal,2013-01-05 12:00
        """,
    )
    assert _problems(bad) == [
        "log.csv:2:8: '2013-02-30 10:00' is not an ISO date and time: write e.g. "
        "2013-03-01 14:05:30",
        "log.csv:3:25: end 2013-01-05 11:00:00 is before start 2013-01-05 12:00:00",
        "log.csv:4:1: 2 fields, expected 3",
    ]
    header = write(
        "header.csv", "servce,start,end,note\nportal,2013-01-01,2013-01-02\n"
    )
    assert _problems(header) == [
        "log.csv:1:1: missing column 'service'",
        "log.csv:1:1: unknown column 'servce'; did you mean 'service'?",
        "log.csv:1:18: unknown column 'note'; the columns are service,start,end",
    ]


def test_missing_and_empty_files(tmp_path: Path, write: Write) -> None:
    assert _problems(tmp_path / "none.csv") == ["log.csv:1:1: file not found"]
    assert _problems(write("empty.csv", "")) == [
        "log.csv:1:1: empty log; write a header service,start,end"
    ]


def test_a_semicolon_log_says_so(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("service;start;end\nemail;2013-01-01;2013-01-02\n")
    with pytest.raises(InputError) as e:
        read_outages(log)
    assert [str(p) for p in e.value.problems] == [
        f"{log}:1:8: the columns are separated by ';' (Norwegian Excel's CSV); "
        "separate them by ',': service,start,end (or save as "
        "'CSV UTF-8 (comma delimited)')"
    ]


def test_a_nul_byte_in_the_log_is_located(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(b"service,start,end\nemail,2013-01-01,\x002013-01-02\n")
    with pytest.raises(InputError, match=r":2:18: a NUL byte"):
        read_outages(log)


def test_a_bidirectional_override_in_the_log_is_located(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("service,start,end\nemail\u202e,2013-01-01,2013-01-02\n")
    with pytest.raises(InputError, match=r":2:6: a control character \(U\+202E\)"):
        read_outages(log)
