"""A long sheet written as XML text reads back as openpyxl's own writer
would have written it: the same values, formats and wrapping."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from planner.render.files import long_sheet as long_sheet_module
from planner.render.files.long_sheet import long_sheet
from planner.render.files.workbook import fill_sheet, save_workbook

HEADERS = ("link", "id", "capacity (Mbit/s)", "utilisation", "worst")
ROWS: list[list[Any]] = [
    ["Alpha rådhus–Beta rådhus", "alpha-beta", 1000.0, 0.125, 0.5],
    ['=HYPERLINK("x")', "<b>&amp;</b>", 2, 54.845, None],
    ["  leading and trailing  ", "bell\x07here", 100, 0.0, 1.0],
    ["a" * 61, "b" * 70, 10.5, 1e-07, 3],
]


def _cells(book: bytes, title: str) -> list[list[tuple[Any, str, bool]]]:
    ws = load_workbook(io.BytesIO(book))[title]
    return [
        [(c.value, c.number_format, bool(c.alignment.wrap_text)) for c in row]
        for row in ws.iter_rows()
    ]


def _book(long: bool) -> bytes:
    wb = Workbook(write_only=True)
    wb.create_sheet("before")  # the entry is the second sheet's
    ws = wb.create_sheet("Links")
    if long:
        rewrite = {"xl/worksheets/sheet2.xml": long_sheet(ws, HEADERS, ROWS, "en")}
        return save_workbook(wb, rewrite)
    fill_sheet(ws, HEADERS, ROWS, "en")
    return save_workbook(wb)


def test_the_same_cells_as_openpyxl_writes() -> None:
    fast, slow = _book(True), _book(False)
    assert _cells(fast, "Links") == _cells(slow, "Links")
    cells = _cells(fast, "Links")
    assert cells[2][0][0] == '=HYPERLINK("x")'  # text, not a formula
    assert cells[2][1][0] == "<b>&amp;</b>"
    assert cells[3][0][0] == "  leading and trailing  "
    assert cells[3][1][0] == "bell\ufffdhere"
    assert cells[1][3][1] == "0.00%" and cells[4][0][2]  # percent, wrapped
    assert fast == _book(True)  # the same bytes twice
    ws = load_workbook(io.BytesIO(fast))["Links"]
    assert ws.column_dimensions["B"].width == 62  # by every row, 60 at most


def test_rows_written_in_pieces_give_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rows are compressed a batch at a time: cut anywhere, the
    workbook's bytes are those of the sheet written whole."""
    whole = _book(True)
    for batch in (1, 3):
        monkeypatch.setattr(long_sheet_module, "_BATCH", batch)
        assert _book(True) == whole

    def at_once(xml: bytes) -> bytes:
        pieces = rewrite(xml)
        assert not isinstance(pieces, bytes)
        return b"".join(pieces)

    wb = Workbook(write_only=True)
    wb.create_sheet("before")
    rewrite = long_sheet(wb.create_sheet("Links"), HEADERS, ROWS, "en")
    assert save_workbook(wb, {"xl/worksheets/sheet2.xml": at_once}) == whole
