"""Long sheets (tens of thousands of rows) written as XML text.

openpyxl writes a cell in some 40 µs through its XML serialiser: the
national report's 35,000 gaps and links (245,000 cells) took 11 seconds.
Here openpyxl writes the header and one probe row (so the workbook's styles
hold the wrap and percentage formats the rows need, at the ids openpyxl
gives them), and :func:`long_sheet`'s rewrite replaces the probe with the
rows, written as openpyxl writes cells (inline strings, numbers), with the
same formats by the same rules (:data:`WRAP_ABOVE`, :data:`PERCENT_COLUMNS`).
Text is XML-escaped and characters XML cannot hold are replaced, so no
inventory string can break the sheet or run as a formula (inline strings
are text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl.utils import get_column_letter

from planner.render.files.workbook import (
    PERCENT_COLUMNS,
    WRAP_ABOVE,
    Rewrite,
    fill_sheet,
)
from planner.render.files.xmltext import escape

__all__ = ["long_sheet"]

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STYLE = re.compile(r'<c r="([A-Z]+)2" s="(\d+)"')


def long_sheet(
    ws: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]], lang: str
) -> Rewrite:
    """Fill ``ws`` (write-only) with its header and a probe row; the
    returned function puts ``rows`` in the probe's place in the sheet's XML
    (give it to :func:`~planner.render.files.workbook.save_workbook` as the
    rewrite of the sheet's entry). Values: text, numbers or None."""
    probe = [0.5 if h in PERCENT_COLUMNS else "x" * (WRAP_ABOVE + 1) for h in headers]
    fill_sheet(ws, headers, [probe], lang, widths=rows)
    letters = [get_column_letter(i + 1) for i in range(len(headers))]

    def rewrite(xml: bytes) -> Iterator[bytes]:
        text = xml.decode("utf-8")
        start = text.index('<row r="2"')
        end = text.index("</row>", start) + len("</row>")
        styles = dict(_STYLE.findall(text[start:end]))
        cells = [
            _Column(letter, styles.get(letter), header in PERCENT_COLUMNS)
            for letter, header in zip(letters, headers, strict=True)
        ]
        yield text[:start].encode("utf-8")
        for first in range(0, len(rows), _BATCH):
            batch = rows[first : first + _BATCH]
            yield _rows(first + 2, batch, cells).encode("utf-8")
        yield text[end:].encode("utf-8")

    return rewrite


_BATCH = 2000
"""Rows written (and compressed) at a time: a national sheet's 20 MB of XML
is never one text."""


class _Column:
    """One column's cells. A text's cell after its reference is the same
    wherever it stands, so a short text (a severity, a kind, a
    municipality: repeated thousands of times) is escaped and laid out
    once."""

    def __init__(self, letter: str, style: str | None, percent: bool) -> None:
        self.letter = letter
        self.open = f'<c r="{letter}'
        self.style = f' s="{style}"' if style else ""
        self.percent = percent
        self.texts: dict[str, str] = {}

    def cells(self, nums: Sequence[str], values: Sequence[Any]) -> list[str]:
        """The column's cells of the rows ``nums`` (a text's looked up by
        the loop itself: a quarter of a million cells in a national
        report)."""
        known, begin, out = self.texts.get, self.open, []
        number = f'"{self.style if self.percent else ""} t="n"><v>'
        for num, value in zip(nums, values, strict=True):
            kind = type(value)
            if kind is str:
                tail = known(value)
                if tail is None:
                    tail = self._text(value)
                    if len(value) <= _REMEMBER_TEXT:
                        self.texts[value] = tail
                out.append(begin + num + tail)
            elif kind is float:
                out.append(f"{begin}{num}{number}{value!r}</v></c>")
            elif value is None:
                out.append("")
            else:
                out.append(self.cell(num, value))
        return out

    def cell(self, num: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            tail = self.texts.get(value)
            if tail is None:
                tail = self._text(value)
                if len(value) <= _REMEMBER_TEXT:
                    self.texts[value] = tail
            return self.open + num + tail
        at = f"{self.letter}{num}"
        if isinstance(value, bool):
            return f'<c r="{at}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float):
            style = self.style if self.percent and isinstance(value, float) else ""
            return f'<c r="{at}"{style} t="n"><v>{value!r}</v></c>'
        raise TypeError(f"a long sheet holds text and numbers, not {value!r}")

    def _text(self, value: str) -> str:
        """A text's cell after ``<c r="A1``."""
        value = _ILLEGAL.sub("\ufffd", value)
        wrap = self.style if len(value) > WRAP_ABOVE and not self.percent else ""
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'"{wrap} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


_REMEMBER_TEXT = 40
"""Texts up to this long are remembered per column (longer ones, a gap's
detail, are mostly written once)."""


def _rows(first: int, rows: Sequence[Sequence[Any]], cells: Sequence[_Column]) -> str:
    """Rows numbered from ``first``, column by column (a row shorter than
    the columns has no cells past its end)."""
    nums = [str(n) for n in range(first, first + len(rows))]
    columns = [
        c.cells(nums, [r[i] if i < len(r) else None for r in rows])
        for i, c in enumerate(cells)
    ]
    return "".join(
        [
            f'<row r="{n}">{"".join(row)}</row>'
            for n, row in zip(nums, zip(*columns, strict=True), strict=True)
        ]
    )
