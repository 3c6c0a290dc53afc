"""Reading an outage log: CSV with the columns ``service,start,end``.

One outage per line, times in ISO 8601 (``2013-03-01 14:05``,
``2013-03-01T14:05:30``; a UTC offset such as ``+01:00`` is converted to
UTC). Every mistake is reported at once as ``file:line:col: message``: a log
is usually exported from a monitoring tool, and a user fixes the export in
one round.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from planner.errors import InputError, Problem, did_you_mean
from planner.models.availability import Outage

__all__ = ["COLUMNS", "parse_time", "read_outages"]

COLUMNS = ("service", "start", "end")


def parse_time(text: str) -> dt.datetime:
    """A naive datetime from ISO 8601 text; a date alone means midnight."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"'{text}' is not an ISO date and time: write e.g. 2013-03-01 14:05:30"
        ) from None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def read_outages(path: Path, display: str | None = None) -> list[Outage]:
    """The outages of the log at ``path``, in file order."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem(name, 1, 1, "file not found")]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError([Problem(name, 1, 1, f"cannot read: {e}")]) from None
    lines = text.splitlines()
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise InputError(
            [Problem(name, 1, 1, "empty log; write a header service,start,end")]
        )
    problems: list[Problem] = []
    columns = _header(rows[0], lines[0], name, problems)
    outages = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        line = lines[number - 1] if number - 1 < len(lines) else ""
        outage = _outage(row, columns, number, line, name, problems)
        if outage is not None:
            outages.append(outage)
    if problems:
        raise InputError(problems)
    return outages


def _col(line: str, row: list[str], i: int) -> int:
    """1-based column of field i (best effort for quoted fields)."""
    at = 0
    for cell in row[:i]:
        found = line.find(cell, at)
        at = (found if found >= 0 else at) + len(cell) + 1
    found = line.find(row[i], at) if i < len(row) else -1
    return (found if found >= 0 else at) + 1


def _header(
    row: list[str], line: str, name: str, problems: list[Problem]
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = cell.strip().lower()
        if key in COLUMNS and key not in columns:
            columns[key] = i
        else:
            what = "repeated" if key in columns else "unknown"
            hint = did_you_mean(key, COLUMNS) if what == "unknown" else ""
            message = f"{what} column '{cell}'" + (
                hint or "; the columns are service,start,end"
            )
            problems.append(Problem(name, 1, _col(line, row, i), message))
    for missing in (c for c in COLUMNS if c not in columns):
        problems.append(Problem(name, 1, 1, f"missing column '{missing}'"))
    return columns


def _outage(
    row: list[str],
    columns: dict[str, int],
    number: int,
    line: str,
    name: str,
    problems: list[Problem],
) -> Outage | None:
    if len(columns) < len(COLUMNS):
        return None  # the header is wrong: reported once, not per line
    if len(row) != len(columns):
        problems.append(
            Problem(name, number, 1, f"{len(row)} fields, expected {len(columns)}")
        )
        return None
    service = row[columns["service"]].strip()
    if not service:
        problems.append(
            Problem(name, number, _col(line, row, columns["service"]), "empty service")
        )
    times = {}
    for key in ("start", "end"):
        try:
            times[key] = parse_time(row[columns[key]])
        except ValueError as e:
            problems.append(
                Problem(name, number, _col(line, row, columns[key]), str(e))
            )
    if len(times) < 2 or not service:
        return None
    if times["end"] < times["start"]:
        problems.append(
            Problem(
                name,
                number,
                _col(line, row, columns["end"]),
                f"end {times['end']} is before start {times['start']}",
            )
        )
        return None
    return Outage(service, times["start"], times["end"], number)
