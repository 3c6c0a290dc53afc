"""CSV files with a header of known columns, every mistake located.

The outage log and the actuals file are both exported from another tool
(monitoring, accounting) and fixed by a user in one round, so both read the
same way: at most 100 MB, no NUL byte, UTF-8, a header naming the columns
in any order (an unknown or repeated column is a located mistake, with a
did-you-mean), then one record per line; blank lines are skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import InputError, Problem, did_you_mean
from planner.load.guard import check_bytes, control_characters, read_bounded

__all__ = ["Table", "read_table", "read_text"]


def read_text(path: Path, name: str) -> str:
    """The file's text: bounded, NUL-free, UTF-8 (a BOM is dropped), no
    control or bidirectional character (located, as in YAML files)."""
    raw = read_bounded(path, name)
    check_bytes(raw, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError([Problem(name, 1, 1, f"cannot read: {e}")]) from None
    if problems := control_characters(text, name):
        raise InputError(problems)
    return text


@dataclass
class Table:
    """A CSV file split into lines and rows, its header read."""

    name: str
    lines: list[str]
    rows: list[list[str]]
    delimiter: str
    columns: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def col(self, line: str, row: list[str], i: int) -> int:
        """1-based column of field i on ``line`` (best effort when quoted)."""
        at = 0
        for cell in row[:i]:
            found = line.find(cell, at)
            at = (found if found >= 0 else at) + len(cell) + len(self.delimiter)
        found = line.find(row[i], at) if i < len(row) else -1
        return (found if found >= 0 else at) + 1

    def problem(
        self, number: int, line: str, row: list[str], key: str, text: str
    ) -> None:
        """A mistake in the field of column ``key`` on line ``number``."""
        col = self.col(line, row, self.columns[key])
        self.problems.append(Problem(self.name, number, col, text))

    def records(
        self, expected: tuple[str, ...]
    ) -> Iterator[tuple[int, str, list[str]]]:
        """``(line number, line, fields)`` of each non-blank record with as
        many fields as the header; none when the header itself is wrong
        (reported once, not per line)."""
        if len(self.columns) < len(expected):
            return
        for number, row in enumerate(self.rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(self.columns):
                self.problems.append(
                    Problem(
                        self.name,
                        number,
                        1,
                        f"{len(row)} fields, expected {len(self.columns)}",
                    )
                )
                continue
            line = self.lines[number - 1] if number - 1 < len(self.lines) else ""
            yield number, line, row

    def raise_problems(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def read_table(
    text: str,
    name: str,
    columns: tuple[str, ...],
    delimiter: str = ",",
    what: str = "file",
) -> Table:
    """Split ``text`` into rows and read its header of ``columns``; a file
    with no line but blanks is ``empty {what}``."""
    lines = text.splitlines()
    if not any(x.strip() for x in lines):
        header = ",".join(columns)
        raise InputError(
            [Problem(name, 1, 1, f"empty {what}; write a header {header}")]
        )
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    table = Table(name, lines, rows, delimiter)
    for i, cell in enumerate(table.rows[0]):
        key = cell.strip().lower()
        if key in columns and key not in table.columns:
            table.columns[key] = i
            continue
        what = "repeated" if key in table.columns else "unknown"
        hint = did_you_mean(key, columns) if what == "unknown" else ""
        message = f"{what} column '{cell}'" + (
            hint or f"; the columns are {','.join(columns)}"
        )
        table.problems.append(
            Problem(name, 1, table.col(lines[0], table.rows[0], i), message)
        )
    for missing in (c for c in columns if c not in table.columns):
        table.problems.append(Problem(name, 1, 1, f"missing column '{missing}'"))
    return table
