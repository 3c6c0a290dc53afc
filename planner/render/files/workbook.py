"""The plan as an Excel workbook for project leads (openpyxl).

Sheets: Summary, Phases, Work packages, By year, Shares, Projection (when
the plan has one) and Warnings. Amounts are numbers with a thousands
format, so a project lead can add formulas of their own.

The same plan gives the same bytes: openpyxl stamps the document's
modified time and the zip entries' times with the clock, so the workbook is
written through openpyxl's writer with fixed document times and then
re-packed with fixed entry times. openpyxl also writes other bytes (same
content) through lxml when lxml is installed; planner does not depend on
lxml and asks openpyxl for its own writer (``OPENPYXL_LXML=False``, read
when openpyxl is first imported), so the bytes do not depend on it either.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

os.environ.setdefault("OPENPYXL_LXML", "False")  # before openpyxl: see above

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from planner.models.planresult import PlanResult, Projection
from planner.render.files.workbook_text import CellText, PackageText, cell_text
from planner.render.text.plan import (
    has_reinvestment,
    municipal_spec,
    projection_spec,
    with_reinvestment,
)

__all__ = [
    "FIXED_TIME",
    "PERCENT_COLUMNS",
    "WRAP_ABOVE",
    "Rewrite",
    "fill_sheet",
    "plan_sheets",
    "plan_workbook",
    "save_workbook",
    "sheet_name",
]

FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MONEY = "#,##0"
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_PERCENT_COLUMNS = {"fraction", "gain", "utilisation", "worst"}
PERCENT_COLUMNS = frozenset(_PERCENT_COLUMNS)
"""Columns (by their English header) whose fractions show as percentages."""
WRAP_ABOVE = 60
"""Text longer than this wraps in its cell."""


def plan_workbook(
    plan: PlanResult, lang: str = "en", text: PackageText | None = None
) -> bytes:
    """The ``.xlsx`` bytes of ``plan`` (deterministic); sheet names, headers
    and values (kinds, yes/no, periods, warnings; with ``text`` the
    packages' names and reasons) in ``lang`` (``en``, ``nb`` or ``nn``)."""
    wb = Workbook(write_only=True)
    plan_sheets(wb, plan, lang, text)
    wb.properties.creator = "planner"
    wb.properties.title = f"Plan: {plan.region_name}"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return _save(wb)


def plan_sheets(
    wb: Workbook,
    plan: PlanResult,
    lang: str = "en",
    text: PackageText | None = None,
    named: bool = False,
) -> None:
    """The plan's sheets added to ``wb`` (write-only), as
    :func:`plan_workbook` has them (``named``: see ``cell_text``)."""
    t = _words(lang)
    v = cell_text(plan, lang, text, named)

    def sheet(name: str) -> Any:
        return wb.create_sheet(t(name))

    money = v.money_format
    _summary(sheet("Summary"), plan, t, v)
    _fill(sheet("Phases"), *_phases(plan, v), t, money)
    _fill(sheet("Work packages"), *_packages(plan, v), t, money)
    _fill(sheet("By year"), *_years(plan, v), t, money)
    _fill(sheet("Shares"), *_shares(plan), t, money)
    if plan.projection is not None:
        _fill(sheet("Projection"), *_projection(plan.projection, v), t, money)
    if plan.by_municipality:
        _fill(sheet("Per municipality"), *_municipal(plan, v), t, money)
    if plan.matrix is not None:
        # Imported here: matrix_workbook builds on this module.
        from planner.render.files.matrix_workbook import overview_sheet

        overview_sheet(sheet("System overview"), plan.matrix, t)
    _fill(sheet("Warnings"), ("warning",), [[w] for w in v.warnings()], t)


def fill_sheet(
    ws: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    lang: str = "en",
    money: str = _MONEY,
    widths: Sequence[Sequence[Any]] | None = None,
) -> None:
    """A sheet of ``rows`` under ``headers`` (English words, shown in
    ``lang``), formatted as the plan's sheets are (amounts, percentages in
    the columns named ``fraction``, ``gain``, ``utilisation``, ``worst``);
    the columns as wide as ``widths``' values need (by default the rows')."""
    _fill(ws, headers, rows, _words(lang), money, widths)


def sheet_name(word: str, lang: str) -> str:
    """A sheet's name (an English word) in ``lang``."""
    return _words(lang)(word)


Rewrite = Callable[[bytes], bytes | Iterable[bytes]]
"""An entry's bytes -> its new bytes, whole or in pieces (a long sheet's
rows, compressed as they come: the same bytes as whole)."""


def save_workbook(
    wb: Workbook,
    rewrite: Mapping[str, Rewrite] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """The bytes of ``wb``, the same for the same content (fixed entry times;
    set the document's times to ``FIXED_TIME``); ``rewrite`` maps an entry of
    the package to a function that changes its bytes, ``extra`` entries are
    added at the end."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return _repack(raw.getvalue(), rewrite, extra)


def _save(wb: Workbook) -> bytes:
    return save_workbook(wb)


def _repack(
    data: bytes,
    rewrite: Mapping[str, Rewrite] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """The same zip with every entry's time fixed (entries keep their order).
    A rewrite given in pieces is compressed piece by piece (deflate writes
    the same stream however its input is cut)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content: bytes | Iterable[bytes] = src.read(info.filename)
            if rewrite and info.filename in rewrite:
                content = rewrite[info.filename](content)  # type: ignore[arg-type]
            if isinstance(content, bytes):
                dst.writestr(fixed, content)
                continue
            with dst.open(fixed, "w") as entry:
                for piece in content:
                    entry.write(piece)
        for name, content in (extra or {}).items():
            fixed = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)
    return out.getvalue()


Words = Callable[[str], str]


def _words(lang: str) -> Words:
    """A sheet name or header (the English word) in ``lang``: the English
    word itself in English, so an English workbook keeps its bytes."""
    if lang == "en":
        return lambda word: word
    from planner.render.i18n import Messages

    msg = Messages(lang)
    return lambda word: msg(f"xlsx.{word}")


def _fill(
    ws: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    t: Words = lambda word: word,
    money: str = _MONEY,
    widths: Sequence[Sequence[Any]] | None = None,
) -> None:
    """A header row (in the workbook's language), the rows, formats (money
    with thousands, fractions as percentages) and column widths that fit the
    content. The workbook is write-only (streamed), so widths and panes are
    set before the rows."""
    shown = [t(h) for h in headers]
    sized = rows if widths is None else widths
    for i, header in enumerate(shown):
        width = max([len(header), *(len(_shown(r[i])) for r in sized if i < len(r))])
        ws.column_dimensions[get_column_letter(i + 1)].width = min(60, width) + 2
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, h, font=_BOLD) for h in shown])
    for row in rows:
        ws.append(
            [_styled(ws, v, h, money) for v, h in zip(row, headers, strict=False)]
        )


# Text a spreadsheet would run: stored as text, never as a formula.
_FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _styled(ws: Any, value: Any, header: str, money: str = _MONEY) -> Any:
    if isinstance(value, str):
        value = _ILLEGAL.sub("\ufffd", value)
        if value.startswith(_FORMULA_START):
            cell = _cell(ws, value)
            cell.data_type = "s"
            return cell
    if isinstance(value, Decimal):
        return _cell(ws, value, number_format=money)
    if header in _PERCENT_COLUMNS and isinstance(value, float):
        return _cell(ws, value, number_format="0.00%")
    if isinstance(value, str) and len(value) > WRAP_ABOVE:
        return _cell(ws, value, alignment=_WRAP)
    return value


def _cell(ws: Any, value: Any, **style: Any) -> Cell:
    cell = WriteOnlyCell(ws, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.0f}"
    return "" if value is None else str(value)


def _summary(ws: Any, plan: PlanResult, word: Words, v: CellText) -> None:
    t = plan.totals
    rows: list[tuple[str, Any]] = [
        ("region", plan.region_name),
        ("currency", plan.currency),
        ("frame", v.frame()),
        ("cost key", v.key()),
        ("work packages", len(plan.placements)),
        ("phases", len(plan.phases)),
        ("investment", t.investment),
        ("operating", t.operating),
        ("total", t.total),
        ("contingency (beside the total)", t.contingency),
        ("running costs added per year", t.per_year),
        ("running costs within the plan's years", t.running),
        ("warnings", len(plan.warnings)),
    ]
    if plan.projection is not None:
        rows.append(("break-even year", plan.projection.break_even or "-"))
    shown = [(word(i), x) for i, x in rows]
    _fill(ws, ("item", "value"), shown, word, v.money_format)


def _phases(plan: PlanResult, v: CellText) -> tuple[Sequence[str], list[list[Any]]]:
    headers = (
        "phase",
        "start",
        "investment",
        "operating",
        "FTE",
        "contingency",
        "overrun",
        "work packages starting",
    )
    rows = [
        [
            v.period(ph.period),
            ph.period.start_date(),
            ph.investment,
            ph.operating,
            ph.effort,
            ph.contingency,
            v.overrun(ph.overrun),
            v.packages(ph.packages),
        ]
        for ph in plan.phases
    ]
    return headers, rows


def _packages(plan: PlanResult, v: CellText) -> tuple[Sequence[str], list[list[Any]]]:
    headers = (
        "id",
        "name",
        "kind",
        "phase start",
        "phase end",
        "investment",
        "operating",
        "per year after",
        "saving per year",
        "FTE",
        "generated",
        "depends on",
        "reason",
    )
    rows = [
        [
            x.package.id,
            v.name(x.package.id, x.package.name),
            v.kind(x.package.kind),
            v.period(x.start),
            v.period(x.end),
            x.package.investment,
            x.package.operating,
            x.package.per_year,
            x.package.saving_per_year,
            x.package.effort,
            v.yes(x.package.generated),
            v.packages(sorted(x.package.depends_on)),
            v.reason(x.package.id, x.package.reason),
        ]
        for x in plan.placements
    ]
    return headers, rows


def _years(plan: PlanResult, v: CellText) -> tuple[Sequence[str], list[list[Any]]]:
    headers = (
        "year",
        "investment",
        "operating",
        "running",
        "package savings",
        "capital",
        "total",
        "contingency",
    )
    t = plan.totals
    rows: list[list[Any]] = [
        [
            v.year(y),
            x.investment,
            x.operating,
            x.running,
            x.savings,
            x.capital,
            x.total,
            x.contingency,
        ]
        for y, x in sorted(t.by_year.items())
    ]
    rows.append(
        [
            v.word("total"),
            t.investment,
            t.operating,
            t.running,
            t.savings,
            t.capital,
            t.total + t.running,
            t.contingency,
        ]
    )
    return headers, rows


def _shares(plan: PlanResult) -> tuple[Sequence[str], list[list[Any]]]:
    headers = (
        "municipality",
        "name",
        "fraction",
        "investment",
        "operating",
        "total",
        "running",
        "running per year",
    )
    rows = [
        [
            s.municipality,
            s.name,
            round(float(s.fraction), 6),
            s.amounts["investment"],
            s.amounts["operating"],
            s.amounts["total"],
            s.amounts["running"],
            s.amounts["per_year"],
        ]
        for s in plan.shares
    ]
    return headers, rows


def _municipal(plan: PlanResult, v: CellText) -> tuple[Sequence[str], list[list[Any]]]:
    headers = municipal_spec(plan)[0]
    shown = len(headers) > 5  # the servers' reinvestment (docs/planning.md)
    rows: list[list[Any]] = [
        [
            v.municipality(r.municipality),
            r.year,
            r.without,
            *([r.reinvestment, r.reinvestment_with] if shown else []),
            r.with_,
            None if r.without is None else r.without - r.with_,
        ]
        for r in plan.by_municipality
    ]
    return headers, rows


def _projection(p: Projection, v: CellText) -> tuple[Sequence[str], list[list[Any]]]:
    headers = projection_spec(p)[0]
    rows: list[list[Any]] = [
        [
            y.year,
            y.baseline,
            None if y.efficiency is None else float(y.efficiency),
            y.establishment,
            y.running,
            y.savings,
            y.capital,
            y.cooperation,
            y.saving,
            y.cumulative,
            y.staff_without,
            y.staff_with,
        ]
        for y in p.years
    ]
    if has_reinvestment(p):
        rows = [
            with_reinvestment(r, y.reinvestment, y.reinvestment_with)
            for r, y in zip(rows, p.years, strict=True)
        ]
    rows.append([v.word("break-even"), p.break_even or v.no_break_even()])
    return headers, rows
