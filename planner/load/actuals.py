"""Reading budget against actuals: CSV with the columns
``item,year,budget,actual``.

One line per budget line or work package and year, as exported from an
accounting system: comma or semicolon separated (the header decides), and
numbers as Norwegian spreadsheets write them (``1 234 567,50``,
``1.234.567,50``, ``1234567.50``; a space, a no-break space or a thin space
groups the thousands). Every mistake is reported at once as
``file:line:col: message``, as in ``planner.outagelog``.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from planner.errors import InputError, Problem, did_you_mean
from planner.models.progress import ActualsRow

__all__ = ["COLUMNS", "parse_amount", "read_actuals"]

COLUMNS = ("item", "year", "budget", "actual")
_GROUPS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")


def parse_amount(text: str) -> Decimal:
    """An exact amount from spreadsheet text (see the module docstring):
    with both ``.`` and ``,`` the last one is the decimal mark; a lone ``,``
    is the decimal mark (Norwegian), as is a lone ``.``; repeated marks in
    groups of three are thousands."""
    raw = text.strip()
    s = re.sub(r"[\s\u00a0\u202f]", "", raw).replace("\u2212", "-")
    sign, digits = ("-", s[1:]) if s.startswith("-") else ("", s)
    if "." in digits and "," in digits:
        mark = max(digits.rfind("."), digits.rfind(","))
        whole = re.sub(r"[.,]", "", digits[:mark])
        digits = f"{whole}.{digits[mark + 1 :]}"
    elif digits.count(",") + digits.count(".") > 1:
        if not _GROUPS.fullmatch(digits):
            raise ValueError(_not_a_number(raw))
        digits = re.sub(r"[.,]", "", digits)
    else:
        digits = digits.replace(",", ".")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", digits):
        raise ValueError(_not_a_number(raw))
    try:
        return Decimal(sign + digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(_not_a_number(raw)) from None


def _not_a_number(text: str) -> str:
    return (
        f"'{text}' is not a number: write e.g. 8630000, '8 630 000' or "
        "'8 630 000,50' (amounts in the region's currency)"
    )


def read_actuals(path: Path, display: str | None = None) -> list[ActualsRow]:
    """The lines of the actuals file at ``path``, in file order."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem(name, 1, 1, "file not found")]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError([Problem(name, 1, 1, f"cannot read: {e}")]) from None
    lines = text.splitlines()
    if not any(x.strip() for x in lines):
        raise InputError(
            [Problem(name, 1, 1, "empty file; write a header item,year,budget,actual")]
        )
    delimiter = ";" if ";" in lines[0] else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    problems: list[Problem] = []
    columns = _header(rows[0], lines[0], name, delimiter, problems)
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        line = lines[number - 1] if number - 1 < len(lines) else ""
        got = _row(row, columns, number, line, name, problems)
        if got is not None:
            out.append(got)
    if problems:
        raise InputError(problems)
    return out


def _col(line: str, row: list[str], i: int, sep: str) -> int:
    """1-based column of field i (best effort for quoted fields)."""
    at = 0
    for cell in row[:i]:
        found = line.find(cell, at)
        at = (found if found >= 0 else at) + len(cell) + len(sep)
    found = line.find(row[i], at) if i < len(row) else -1
    return (found if found >= 0 else at) + 1


def _header(
    row: list[str], line: str, name: str, sep: str, problems: list[Problem]
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
                hint or "; the columns are item,year,budget,actual"
            )
            problems.append(Problem(name, 1, _col(line, row, i, sep), message))
    for missing in (c for c in COLUMNS if c not in columns):
        problems.append(Problem(name, 1, 1, f"missing column '{missing}'"))
    return columns


def _row(
    row: list[str],
    columns: dict[str, int],
    number: int,
    line: str,
    name: str,
    problems: list[Problem],
) -> ActualsRow | None:
    if len(columns) < len(COLUMNS):
        return None  # the header is wrong: reported once, not per line
    sep = ";" if ";" in line else ","
    if len(row) != len(columns):
        problems.append(
            Problem(name, number, 1, f"{len(row)} fields, expected {len(columns)}")
        )
        return None

    def at(key: str) -> int:
        return _col(line, row, columns[key], sep)

    before = len(problems)
    item = row[columns["item"]].strip()
    if not item:
        problems.append(Problem(name, number, at("item"), "empty item"))
    year_text = row[columns["year"]].strip()
    if not re.fullmatch(r"[12][0-9]{3}", year_text):
        problems.append(
            Problem(
                name,
                number,
                at("year"),
                f"year '{year_text}' is not a year: write e.g. 2016",
            )
        )
    amounts: dict[str, Decimal] = {}
    for key in ("budget", "actual"):
        try:
            amounts[key] = parse_amount(row[columns[key]])
        except ValueError as e:
            problems.append(Problem(name, number, at(key), f"{key}: {e}"))
    if len(problems) > before:
        return None
    return ActualsRow(
        item, int(year_text), amounts["budget"], amounts["actual"], number
    )
