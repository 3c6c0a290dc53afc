"""The data rows of a worksheet as SpreadsheetML text, written directly.

openpyxl's own XML writer (without lxml, which planner does not depend on)
spends about 25 µs per cell: a national inventory's 100,000 rows took a
quarter of a minute. The workbook is still made by openpyxl (header, notes,
drop-downs, styles, frozen panes); only the rows below the header are
rendered here, as the same ``<c>`` elements openpyxl writes (inline strings,
``t="n"``/``t="b"``, ``s=`` the style openpyxl registered), and spliced into
its sheet. A ``<dimension>`` is added so readers need not scan the sheet for
its size.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from planner.errors import UsageError

__all__ = ["SharedStrings", "render_rows", "splice_rows"]

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class SharedStrings:
    """The workbook's table of text (``xl/sharedStrings.xml``): each text is
    stored once and cells refer to it, as Excel and LibreOffice write them;
    readers look a text up instead of parsing it in every cell."""

    PART = "xl/sharedStrings.xml"
    _TYPE = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    )
    _REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def add(self, text: str) -> int:
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> bytes:
        items = "".join(f"<si>{_text(t)}</si>" for t in self.index)
        return (
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'uniqueCount="{len(self.index)}">{items}</sst>'
        ).encode()

    def content_types(self, xml: bytes) -> bytes:
        part = f'<Override PartName="/{self.PART}" ContentType="{self._TYPE}" />'
        return xml.replace(b"</Types>", part.encode() + b"</Types>", 1)

    def relationships(self, xml: bytes) -> bytes:
        rel = (
            f'<Relationship Type="{self._REL}" Target="sharedStrings.xml" '
            'Id="rIdStrings" />'
        )
        return xml.replace(b"</Relationships>", rel.encode() + b"</Relationships>", 1)


def render_rows(
    rows: Sequence[Sequence[Any]],
    styles: Sequence[int | None],
    strings: SharedStrings,
    first: int = 2,
) -> str:
    """``<row>`` elements for ``rows`` from row number ``first``; ``styles``
    is the style id of each column's numbers (None: unstyled)."""
    letters = [get_column_letter(i + 1) for i in range(len(styles))]
    out: list[str] = []
    for n, row in enumerate(rows, start=first):
        cells = [
            _cell(f"{letters[i]}{n}", v, styles[i], strings)
            for i, v in enumerate(row)
            if v is not None
        ]
        out.append(f'<row r="{n}">{"".join(cells)}</row>')
    return "".join(out)


def _cell(ref: str, value: Any, style: int | None, strings: SharedStrings) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{strings.add(value)}</v></c>'
    s = "" if style is None else f' s="{style}"'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}"{s} t="n"><v>{_serial(value)}</v></c>'
    return f'<c r="{ref}"{s} t="n"><v>{value!r}</v></c>'


def _serial(value: dt.date) -> int | float:
    serial: int | float = to_excel(value)  # type: ignore[no-untyped-call]
    return serial


def _text(value: str) -> str:
    if _ILLEGAL.search(value):
        raise UsageError(
            f"the text {value!r} holds a control character a workbook cannot "
            "store; remove it from the inventory"
        )
    escaped = value.translate(_ESCAPES)
    if value != value.strip() or "\n" in value:
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


def splice_rows(sheet_xml: bytes, rows: str, last_row: int, width: int) -> bytes:
    """``sheet_xml`` (openpyxl's, header row only) with ``rows`` after the
    header and the sheet's dimension."""
    text = sheet_xml.decode("utf-8")
    end = "</row></sheetData>"
    if end not in text:
        raise AssertionError("unexpected sheet XML from openpyxl")
    text = text.replace(end, f"</row>{rows}</sheetData>", 1)
    ref = f"A1:{get_column_letter(max(1, width))}{last_row}"
    text = text.replace("<sheetViews>", f'<dimension ref="{ref}" /><sheetViews>', 1)
    return text.encode("utf-8")
