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

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from planner.load.csvfile import Table, read_table, read_text
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
    text = read_text(path, name)  # at most 100 MB, a NUL byte located
    delimiter = ";" if ";" in text.split("\n", 1)[0] else ","
    table = read_table(text, name, COLUMNS, delimiter)
    out = [
        got
        for number, line, row in table.records(COLUMNS)
        if (got := _row(table, number, line, row)) is not None
    ]
    table.raise_problems()
    return out


def _row(table: Table, number: int, line: str, row: list[str]) -> ActualsRow | None:
    columns = table.columns
    before = len(table.problems)
    item = row[columns["item"]].strip()
    if not item:
        table.problem(number, line, row, "item", "empty item")
    year_text = row[columns["year"]].strip()
    if not re.fullmatch(r"[12][0-9]{3}", year_text):
        message = f"year '{year_text}' is not a year: write e.g. 2016"
        table.problem(number, line, row, "year", message)
    amounts: dict[str, Decimal] = {}
    for key in ("budget", "actual"):
        try:
            amounts[key] = parse_amount(row[columns[key]])
        except ValueError as e:
            table.problem(number, line, row, key, f"{key}: {e}")
    if len(table.problems) > before:
        return None
    return ActualsRow(
        item, int(year_text), amounts["budget"], amounts["actual"], number
    )
