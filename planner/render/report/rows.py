"""The appendix's long tables, row by row, as HTML text.

A national report lists 15,750 gaps and 19,000 links; Jinja's loop over
them (an attribute lookup and an escape per value) was most of the page's
rendering time. These functions write the same rows the templates wrote,
every value escaped by the same ``markupsafe.escape``; the templates put
the result in place. A row the PDF leaves out is marked ``unprinted`` and
each run of them wrapped in an inert ``<template>`` (the page's script puts
them in the table on screen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

try:  # markupsafe's own escaping of a text, without the Markup around it
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its C speedups
    from markupsafe._native import _escape_inner

from planner.render.i18n import Messages

__all__ = [
    "PIECE_ROWS",
    "Pieces",
    "bandwidth_rows_html",
    "bandwidth_rows_pieces",
    "gap_rows_html",
    "gap_rows_pieces",
]

Row = Mapping[str, Any]


def _rows(rows: Sequence[Row], cells: Callable[[Row], str]) -> Markup:
    return Markup("".join(_pieces(rows, cells)))


class Pieces:
    """A table's rows as HTML in pieces of :data:`PIECE_ROWS` rows, made as
    the page is written (``{% for part in table %}{{ part }}{% endfor %}``):
    the page of a national report never holds its 10 MB tables as text.
    Joined, the pieces are the rows the ``*_rows_html`` functions write."""

    def __init__(self, rows: Sequence[Row], cells: Callable[[Row], str]) -> None:
        self._rows = rows
        self._cells = cells

    def __iter__(self) -> Iterator[Markup]:
        return _pieces(self._rows, self._cells)

    def __str__(self) -> str:
        return "".join(self)


PIECE_ROWS = 1000


def _pieces(rows: Sequence[Row], cells: Callable[[Row], str]) -> Iterator[Markup]:
    out: list[str] = []
    last = len(rows) - 1
    for i, row in enumerate(rows):
        printed = row["printed"]
        if not printed and (i == 0 or rows[i - 1]["printed"]):
            out.append('<template class="unprinted">\n')
        out.append("<tr>\n" if printed else '<tr class="unprinted">\n')
        out.append(cells(row))
        out.append("</tr>\n")
        if not printed and (i == last or rows[i + 1]["printed"]):
            out.append("</template>\n")
        if i % PIECE_ROWS == PIECE_ROWS - 1:
            yield Markup("".join(out))
            out = []
    if out:
        yield Markup("".join(out))


def gap_rows_html(rows: Sequence[Row], msg: Messages) -> Markup:
    """The rows of one gap table (severity, subject, municipalities, what)."""
    return _rows(rows, _gap_cells(msg))


def gap_rows_pieces(rows: Sequence[Row], msg: Messages) -> Pieces:
    """:func:`gap_rows_html` in pieces (:class:`Pieces`)."""
    return Pieces(rows, _gap_cells(msg))


def _gap_cells(msg: Messages) -> Callable[[Row], str]:
    severity = {s: escape(msg(f"severity.{s}")) for s in ("high", "medium", "low")}

    def cells(row: Row) -> str:
        sev = row["severity"]
        said = severity.get(sev) or escape(msg(f"severity.{sev}"))
        return (
            f'<td data-sort="{_text(row["rank"])}"><span class="severity '
            f'{_text(sev)}">{said}</span></td>\n'
            f"<td>{_text(row['subject'])}</td>\n"
            f"<td>{_text(row['municipalities'])}</td>\n"
            f"<td>{_text(row['detail'])}</td>\n"
        )

    return cells


def bandwidth_rows_html(rows: Sequence[Row], msg: Messages) -> Markup:
    """The rows of the bandwidth table (capacity, load, worst case)."""
    return _rows(rows, _link_cells(msg))


def bandwidth_rows_pieces(rows: Sequence[Row], msg: Messages) -> Pieces:
    """:func:`bandwidth_rows_html` in pieces (:class:`Pieces`)."""
    return Pieces(rows, _link_cells(msg))


def _link_cells(msg: Messages) -> Callable[[Row], str]:
    bw = lru_cache(maxsize=None)(lambda v: _or_dash(msg.bandwidth, v))
    pct = lru_cache(maxsize=None)(lambda v: _or_dash(msg.percent, v))

    def cells(row: Row) -> str:
        failed = row["failed_link"]
        when = (
            f"<br><small>{escape(msg('bandwidth.when', link=failed))}</small>"
            if failed
            else ""
        )
        return (
            f'<th scope="row" class="text">{_text(row["name"])}</th>\n'
            f'<td data-sort="{_sort(row["capacity"])}">{bw(row["capacity"])}</td>\n'
            f'<td data-sort="{_sort(row["demand"])}">{bw(row["demand"])}</td>\n'
            f'<td data-sort="{_sort(row["utilisation"])}">'
            f"{pct(row['utilisation'])}</td>\n"
            f'<td class="text" data-sort="{_sort(row["worst"])}">'
            f"{pct(row['worst'])}{when}</td>\n"
            f'<td data-sort="{_sort(row["recommended"])}">'
            f"{bw(row['recommended'])}</td>\n"
        )

    return cells


def _sort(value: Any) -> str:
    """A ``data-sort`` value as the template wrote ``{{ v or 0 }}`` (a
    number's text has nothing to escape: 95,000 of them in a national
    report)."""
    kind = type(value)
    if kind is float or kind is int:
        return str(value or 0)
    return _text(value or 0)


def _text(value: Any) -> str:
    """``escape(value)``'s text, without making the Markup it returns (half
    the time of the 200,000 cells of a national report's tables)."""
    if type(value) is str:
        return _escape_inner(value)
    return str(escape(value))


def _or_dash(format_: Callable[[Any], str], value: Any) -> Markup:
    return escape("–" if value is None else str(format_(value)))
