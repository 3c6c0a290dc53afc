"""An inventory as the YAML files a person would write: a region file with
``file:`` includes, one file per municipality.

Keys come in the models' order (id first), values in their written form
(``100 Mbit/s``, ``99.5%``, amounts as whole numbers or exact text), values
equal to the default left out, and a comment above each list saying which
workbook, sheet and rows it came from. Text is quoted only where YAML 1.2
would read it as something else; quoted text is JSON, which is YAML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from planner.intake.columns import SHEETS
from planner.intake.export import bandwidth_text
from planner.models.inventory import Inventory, Municipality
from planner.models.population import Population

__all__ = ["inventory_yaml", "scalar", "written"]

Origin = Callable[[tuple[str | int, ...]], str | None]

_KINDS: dict[str, str] = {
    c.name: c.kind
    for s in SHEETS
    for c in s.columns
    if c.kind in ("bandwidth", "percentage")
}
_PLAIN = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä_/(][\w .,/()+&'-]*", re.UNICODE)
_INDICATOR = re.compile(r": |\s#|[,\[\]{}]")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def scalar(value: Any) -> str:
    """``value`` as a YAML 1.2 scalar that reads back as the same value."""
    if isinstance(value, str):
        return _text(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value else ".nan"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(str(value))


@lru_cache(maxsize=65536)  # roles, products, platforms repeat thousands of times
def _text(text: str) -> str:
    if (
        _PLAIN.fullmatch(text)
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not _INDICATOR.search(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def written(name: str, value: Any) -> Any:
    """The written form of a model value."""
    kind = _KINDS.get(name)
    if isinstance(value, Population):  # by year: compared year by year
        return {str(y): n for y, n in value.by_year.items()}
    if kind == "bandwidth":
        return bandwidth_text(float(value))
    if kind == "percentage" and isinstance(value, Decimal):
        return f"{(value * 100).normalize():f}%"
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else f"{value:f}"
    return value


def _fields(obj: BaseModel) -> list[tuple[str, Any]]:
    """Set fields in model order, defaults and empty lists left out."""
    out = []
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if value is None or (value == info.default and not info.is_required()):
            continue
        if isinstance(value, list) and not value:
            continue
        out.append((name, value))
    return out


def _lines(
    obj: Any, indent: int, origin: Origin, loc: tuple[str | int, ...]
) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    items = _fields(obj) if isinstance(obj, BaseModel) else list(obj.items())
    for name, value in items:
        key = scalar(name)
        if isinstance(value, BaseModel | dict):
            inner = _lines(value, indent + 2, origin, (*loc, name))
            out += [f"{pad}{key}:", *inner] if inner else [f"{pad}{key}: {{}}"]
        elif isinstance(value, list):
            out += _list(key, value, indent, origin, (*loc, name))
        elif isinstance(value, Population):  # by year: {2016: 26955, ...}
            years = ", ".join(f"{y}: {n}" for y, n in value.by_year.items())
            out.append(f"{pad}{key}: {{{years}}}")
        elif isinstance(obj, BaseModel):
            out.append(f"{pad}{key}: {scalar(written(str(name), value))}")
        else:  # a custom field: as written
            out.append(f"{pad}{key}: {scalar(value)}")
    return out


def _list(
    key: str, items: list[Any], indent: int, origin: Origin, loc: tuple[str | int, ...]
) -> list[str]:
    pad = " " * indent
    if not items:
        return [f"{pad}{key}: []"]
    where = origin(loc)
    out = [f"{pad}# {where}"] if where else []
    out.append(f"{pad}{key}:")
    for i, item in enumerate(items):
        if isinstance(item, BaseModel | dict):
            inner = _lines(item, indent + 4, origin, (*loc, i))
            if not inner:
                out.append(f"{pad}  - {{}}")
                continue
            out.append(f"{pad}  - {inner[0].lstrip()}")
            out += inner[1:]
        elif isinstance(item, list):
            out.append(f"{pad}  - {json.dumps(item, ensure_ascii=False)}")
        else:
            out.append(f"{pad}  - {scalar(item)}")
    return out


def inventory_yaml(
    inv: Inventory,
    origin: Origin,
    schemas: tuple[str, str],
    header: Sequence[str] = (),
) -> dict[str, str]:
    """Relative path -> YAML text: ``REGION.yaml`` and ``REGION/MUNI.yaml``
    per municipality. ``schemas`` are the modelines' schema paths for the
    region file and a municipality file; ``origin(loc)`` says where the list
    at ``loc`` came from (or None)."""
    folder = _safe(inv.region.id, "region")
    files: dict[str, str] = {}
    region = [f"# yaml-language-server: $schema={schemas[0]}", *header]
    region += [f"schema: {inv.schema_}", "region:"]
    region += _lines(inv.region, 2, origin, ("region",))
    region.append("municipalities:")
    for i, m in enumerate(inv.municipalities):
        name = f"{folder}/{_safe(m.id, f'municipality-{i + 1}')}.yaml"
        region.append(f"  - file: {scalar(name)}")
        files[name] = _municipality(m, i, origin, schemas[1], header)
    region += _list("links", inv.links, 0, origin, ("links",))
    if inv.custom is not None:
        region += _lines({"custom": inv.custom}, 0, origin, ())
    files[f"{folder}.yaml"] = "\n".join(region) + "\n"
    return dict(sorted(files.items()))


def _safe(name: str, instead: str) -> str:
    """A file name from an id; an id of dots only would name a folder."""
    return instead if not name.strip(".") else name


def _municipality(
    m: Municipality, i: int, origin: Origin, schema: str, header: Sequence[str]
) -> str:
    lines = [f"# yaml-language-server: $schema={schema}", *header]
    where = origin(("municipalities", i))
    if where:
        lines.append(f"# {where}")
    lines += _lines(m, 0, origin, ("municipalities", i))
    return "\n".join(lines) + "\n"
