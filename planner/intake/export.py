"""An inventory as a workbook, and the empty workbook a municipality fills in.

One sheet per kind (Region, Municipalities, Sites, Servers, Systems, Links)
with the YAML keys as headers, a note on every header, frozen header rows and
drop-downs for every closed vocabulary and id reference; a hidden Lists sheet
holds the vocabularies (an inline list is limited to 255 characters, the
service catalogue is longer). Values are written so that reading them back
gives the same model (``planner.intake.read``): amounts and percentages as
numbers where a float holds them exactly, else as text; bandwidth as text
with its unit. The bytes are the same for the same inventory
(``planner.render.files.workbook.save_workbook``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel

from planner.intake.columns import (
    CUSTOM,
    INVENTORY_CUSTOM,
    MUNICIPALITIES,
    POPULATION_YEAR,
    SHEETS,
    SITES,
    Column,
    Sheet,
    custom_doc,
    population_year_column,
)
from planner.intake.sheetxml import SharedStrings, render_rows, splice_rows
from planner.models.inventory import INTERNET, Inventory
from planner.models.population import Population
from planner.models.target import Target
from planner.render.files.workbook import FIXED_TIME, save_workbook
from planner.units import format_bandwidth, parse_bandwidth

__all__ = [
    "Table",
    "bandwidth_text",
    "cell_value",
    "inventory_tables",
    "inventory_workbook",
    "template_workbook",
]

_BOLD = Font(bold=True)
ErrorStyle = Literal["stop", "warning"]
_LAST_ROW = 1_048_576
_LISTS = "Lists"
_FORMATS = {"money": "#,##0.##", "percentage": "0.0##%", "date": "yyyy-mm-dd"}


class Table:
    """The rows of one sheet: its columns (custom ones included) and values."""

    def __init__(self, sheet: Sheet, custom: Sequence[str] = ()) -> None:
        self.sheet = sheet
        self.columns: list[Column] = [*sheet.columns]
        self.columns += [
            Column(k, "custom", custom_doc(k[len(CUSTOM) :])) for k in custom
        ]
        self.rows: list[list[Any]] = []


def inventory_workbook(inv: Inventory, target: Target) -> bytes:
    """The ``.xlsx`` bytes of ``inv``, drop-downs from ``target``'s catalogue."""
    tables = inventory_tables(inv)
    ends = [INTERNET, *(s.id for m in inv.municipalities for s in m.sites)]
    return _workbook(tables, target, ends, f"Inventory: {inv.region.name}")


def template_workbook(target: Target, municipality: str | None = None) -> bytes:
    """An empty inventory workbook; with ``municipality`` its id pre-filled."""
    tables = {s.title: Table(s) for s in SHEETS}
    if municipality is not None:
        width = len(tables[MUNICIPALITIES.title].columns)
        tables[MUNICIPALITIES.title].rows.append([municipality] + [None] * (width - 1))
    return _workbook(list(tables.values()), target, [INTERNET], "Inventory template")


def inventory_tables(inv: Inventory) -> list[Table]:
    """The inventory's rows, sheet by sheet, in file order."""
    region = _values(inv.region)
    region.update({INVENTORY_CUSTOM + k: v for k, v in (inv.custom or {}).items()})
    munis = [_population_by_year(_values(m)) for m in inv.municipalities]
    owned: dict[str, list[dict[str, Any]]] = {"sites": [], "servers": [], "systems": []}
    links = [_values(x, municipality=None) for x in inv.links]
    for m in inv.municipalities:
        for key, rows in owned.items():
            rows.extend(_values(x, municipality=m.id) for x in getattr(m, key))
        links.extend(_values(x, municipality=m.id) for x in m.links)
    by_key = {"region": [region], "municipalities": munis, **owned, "links": links}
    return [_table(s, by_key[s.key]) for s in SHEETS]


def _values(obj: BaseModel, **first: Any) -> dict[str, Any]:
    """Column name -> model value (nested models and custom flattened)."""
    out = dict(first)
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, list):
            continue
        if name == "custom":
            out.update({CUSTOM + k: v for k, v in (value or {}).items()})
        elif isinstance(value, BaseModel):
            out.update({f"{name}.{k}": v for k, v in _values(value).items()})
        else:
            out[name] = value
    return out


def _population_by_year(row: dict[str, Any]) -> dict[str, Any]:
    """A population by year as ``population.YEAR`` cells, ``population`` empty."""
    value = row.get("population")
    if isinstance(value, Population):
        row["population"] = None
        row.update({f"{POPULATION_YEAR}{y}": n for y, n in value.by_year.items()})
    return row


def _year_columns(table: Table, rows: list[dict[str, Any]]) -> None:
    """The ``population.YEAR`` columns every row's years need, in year
    order, right after ``population``."""
    years = sorted(
        {
            int(k[len(POPULATION_YEAR) :])
            for r in rows
            for k in r
            if k.startswith(POPULATION_YEAR)
        }
    )
    if not years:
        return
    at = next(i for i, c in enumerate(table.columns) if c.name == "population") + 1
    table.columns[at:at] = [
        population_year_column(f"{POPULATION_YEAR}{y}") for y in years
    ]


def _table(sheet: Sheet, rows: list[dict[str, Any]]) -> Table:
    extra: dict[str, None] = {}
    for row in rows:
        extra.update(dict.fromkeys(k for k in row if k.startswith(CUSTOM)))
    inventory_custom = [k for k in extra if k.startswith(INVENTORY_CUSTOM)]
    table = Table(sheet, [k for k in extra if k not in inventory_custom])
    table.columns += [
        Column(k, "custom", custom_doc(k)) for k in inventory_custom
    ]  # only on the Region sheet
    if sheet.key == "municipalities":
        _year_columns(table, rows)
    for row in rows:
        table.rows.append([row.get(c.name) for c in table.columns])
    return table


def _workbook(
    tables: Sequence[Table], target: Target, ends: Sequence[str], title: str
) -> bytes:
    wb = Workbook(write_only=True)
    lists = _vocabularies(tables, target, ends)
    strings = SharedStrings()
    rewrite: dict[str, Callable[[bytes], bytes]] = {
        "[Content_Types].xml": strings.content_types,
        "xl/_rels/workbook.xml.rels": strings.relationships,
    }
    for n, table in enumerate(tables, start=1):
        rewrite[f"xl/worksheets/sheet{n}.xml"] = _sheet(wb, table, lists, strings)
    _lists_sheet(wb, lists)
    wb.properties.creator = "planner"
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return save_workbook(wb, rewrite, {strings.PART: strings.xml()})


def _vocabularies(
    tables: Sequence[Table], target: Target, ends: Sequence[str]
) -> dict[str, list[str]]:
    """The Lists sheet's columns: every closed vocabulary and link ends."""
    lists: dict[str, list[str]] = {"service": sorted(target.services)}
    for table in tables:
        for c in table.columns:
            if c.choices:
                lists.setdefault(f"{table.sheet.title}.{c.name}", list(c.choices))
    lists["link-end"] = list(ends)
    return lists


def _lists_sheet(wb: Workbook, lists: dict[str, list[str]]) -> None:
    ws = wb.create_sheet(_LISTS)
    ws.sheet_state = "hidden"
    names = list(lists)
    ws.append(names)
    for i in range(max(len(v) for v in lists.values())):
        ws.append([lists[n][i] if i < len(lists[n]) else None for n in names])


def _sheet(
    wb: Workbook, table: Table, lists: dict[str, list[str]], strings: SharedStrings
) -> Callable[[bytes], bytes]:
    """The sheet with its header row; returns what adds the data rows to its
    XML (``planner.intake.sheetxml``: openpyxl's writer is too slow for
    100,000 rows)."""
    ws = wb.create_sheet(table.sheet.title)
    sample = table.rows[:200]
    for i, c in enumerate(table.columns):
        width = max([len(c.name), *(len(_shown(r[i])) for r in sample)])
        ws.column_dimensions[get_column_letter(i + 1)].width = min(50, width) + 2
    ws.freeze_panes = "A2"
    for i, c in enumerate(table.columns):
        if dv := _validation(table.sheet, c, lists):
            letter = get_column_letter(i + 1)
            dv.add(f"{letter}2:{letter}{_LAST_ROW}")
            ws.data_validations.append(dv)
    ws.append([_header(ws, c) for c in table.columns])
    styles = [_style(ws, c.kind) for c in table.columns]
    values = [
        [cell_value(c.kind, v) for c, v in zip(table.columns, row, strict=False)]
        for row in table.rows
    ]
    rows = render_rows(values, styles, strings)
    last, width = len(table.rows) + 1, len(table.columns)
    return lambda xml: splice_rows(xml, rows, last, width)


def _style(ws: Any, kind: str) -> int | None:
    """The style id openpyxl gives numbers of this kind (registered now)."""
    if kind not in _FORMATS:
        return None
    cell = WriteOnlyCell(ws, value=0)
    cell.number_format = _FORMATS[kind]
    return int(cell.style_id)


def _header(ws: Any, column: Column) -> Any:
    cell = WriteOnlyCell(ws, value=column.name)
    cell.font = _BOLD
    note = column.doc + (" Required." if column.required else "")
    comment = Comment(note, "planner")
    comment.width, comment.height = 300, 90
    cell.comment = comment
    return cell


_REFERENCES = {
    "site": (SITES.title, "B", "a site id of the Sites sheet"),
    "server": ("Servers", "B", "a server id of the Servers sheet"),
    "municipality": (MUNICIPALITIES.title, "A", "a municipality id"),
}


def _validation(
    sheet: Sheet, column: Column, lists: dict[str, list[str]]
) -> DataValidation | None:
    """A drop-down: a stop for closed vocabularies, a warning for ids (an id
    may be in another municipality's workbook)."""
    if column.choices:
        key = f"{sheet.title}.{column.name}"
        return _list(_range(lists, key), "stop", f"one of {', '.join(column.choices)}")
    if column.kind == "bool":
        return _list('"TRUE,FALSE"', "stop", "TRUE or FALSE")
    if column.ref == "service":
        return _list(_range(lists, "service"), "stop", "a service of the target")
    if column.ref == "link-end":
        return _list(_range(lists, "link-end"), "warning", "a site id or internet")
    if column.ref in _REFERENCES:
        title, letter, what = _REFERENCES[column.ref]
        ref = f"{quote_sheetname(title)}!${letter}$2:${letter}${_LAST_ROW}"
        return _list(ref, "warning", what)
    return None


def _range(lists: dict[str, list[str]], key: str) -> str:
    letter = get_column_letter(list(lists).index(key) + 1)
    return f"{_LISTS}!${letter}$2:${letter}${len(lists[key]) + 1}"


def _list(formula: str, style: ErrorStyle, what: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle=style,
        errorTitle="planner",
        error=f"Write {what}.",
    )


def cell_value(kind: str, value: Any) -> Any:
    """What a cell holds for a model value, so that reading it gives it back."""
    if value is None:
        return None
    if kind == "bandwidth":
        return bandwidth_text(float(value))
    if isinstance(value, Decimal):
        return _exact_number(value)
    if kind == "custom" and isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def bandwidth_text(mbps: float) -> str:
    """Mbit/s as text that parses back to exactly ``mbps``."""
    text = format_bandwidth(mbps)
    if parse_bandwidth(text) == mbps:
        return text
    return f"{Decimal(repr(mbps)):f} Mbit/s"


def _exact_number(d: Decimal) -> int | float | str:
    """A number when a float holds ``d`` exactly, else its text."""
    if d == d.to_integral_value() and abs(d) < 2**53:
        return int(d)
    f = float(d)
    return f if Decimal(repr(f)) == d else f"{d:f}"


def _shown(value: Any) -> str:
    return "" if value is None else str(value)
