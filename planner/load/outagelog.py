"""Reading an outage log: CSV with the columns ``service,start,end``.

One outage per line, times in ISO 8601 (``2013-03-01 14:05``,
``2013-03-01T14:05:30``; a UTC offset such as ``+01:00`` is converted to
UTC). Every mistake is reported at once as ``file:line:col: message``: a log
is usually exported from a monitoring tool, and a user fixes the export in
one round.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.errors import InputError, Problem
from planner.load.csvfile import Table, read_table, read_text
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
    text = read_text(path, name)
    first = text.split("\n", 1)[0]
    if ";" in first and "," not in first:
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    first.index(";") + 1,
                    "the columns are separated by ';' (Norwegian Excel's CSV); "
                    "separate them by ',': service,start,end (or save as "
                    "'CSV UTF-8 (comma delimited)')",
                )
            ]
        )
    table = read_table(text, name, COLUMNS, what="log")
    outages = [
        outage
        for number, line, row in table.records(COLUMNS)
        if (outage := _outage(table, number, line, row)) is not None
    ]
    table.raise_problems()
    return outages


def _outage(table: Table, number: int, line: str, row: list[str]) -> Outage | None:
    columns = table.columns
    service = row[columns["service"]].strip()
    if not service:
        table.problem(number, line, row, "service", "empty service")
    times = {}
    for key in ("start", "end"):
        try:
            times[key] = parse_time(row[columns[key]])
        except ValueError as e:
            table.problem(number, line, row, key, str(e))
    if len(times) < 2 or not service:
        return None
    if times["end"] < times["start"]:
        message = f"end {times['end']} is before start {times['start']}"
        table.problem(number, line, row, "end", message)
        return None
    return Outage(service, times["start"], times["end"], number)
