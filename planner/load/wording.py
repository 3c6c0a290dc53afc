"""Turn pydantic validation errors into one-line messages a user can act on.

Pydantic's own texts ("Input should be 'a', 'b' or 'c'") name neither the key
nor what to write; these say both, with a did-you-mean for unknown keys and
misspelt choices.
"""

from __future__ import annotations

import calendar
import re
import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from planner.errors import did_you_mean

__all__ = ["describe", "without_echoes"]

_SINGULAR = {
    "municipalities": "municipality",
    "sites": "site",
    "servers": "server",
    "systems": "system",
    "links": "link",
    "services": "service",
    "work_packages": "work package",
}


def without_echoes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop a "missing key" error when the same mapping has an unknown key
    that is its misspelling: the user made one mistake, not two."""
    unknown = {
        (tuple(e["loc"][:-1]), str(e["loc"][-1]))
        for e in errors
        if e["type"] == "extra_forbidden"
    }

    def echo(e: ErrorDetails) -> bool:
        if e["type"] != "missing":
            return False
        parent, name = tuple(e["loc"][:-1]), str(e["loc"][-1])
        typos = [k for p, k in unknown if p == parent]
        return bool(did_you_mean(name, typos)) or any(
            did_you_mean(k, [name]) for k in typos
        )

    return [e for e in errors if not echo(e)]


def describe(
    error: ErrorDetails, root: type[BaseModel], data: Any = None
) -> tuple[tuple[str | int, ...], str, bool]:
    """``(loc, message, at_key)`` for one pydantic error.

    ``at_key`` asks the locator for the key's position rather than the
    value's (an unknown key is the key's fault).
    """
    loc = tuple(p for p in error["loc"] if p != "[key]")
    kind = error["type"]
    name = _field_name(loc)
    value = error.get("input")
    if kind == "missing":
        where = _where(loc[:-1], data)
        return loc[:-1], f"missing required key '{loc[-1]}'{where}", False
    if kind == "extra_forbidden":
        fields = _fields_at(root, loc[:-1])
        hint = did_you_mean(str(loc[-1]), fields)
        return (
            loc,
            f"unknown key '{loc[-1]}'{hint or _choices(fields)}"
            " (own data goes under custom:)",
            True,
        )
    if "[key]" in error["loc"]:
        parent = _field_name(loc[:-1])
        if parent == "population":
            return loc, _population_year(loc, data), True
        return loc, f"{parent}: {_value_message(error, value, parent)}", True
    return loc, f"{name}: {_value_message(error, value, name)}", False


def _value_message(error: ErrorDetails, value: Any, name: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return (
            f"'{value}' is not one of {', '.join(choices)}"
            f"{did_you_mean(str(value), choices)}"
        )
    if kind == "string_type":
        return f'expected text, got {_show(value)}; write it in quotes: "{value}"'
    if kind == "string_pattern_mismatch":
        slug = re.sub(r"[^\w.\-]+", "-", str(value).strip()).strip("-").lower()
        return (
            f"'{value}' is not a valid id (letters, digits, '-', '_', '.'; "
            f"no spaces): write '{slug}'"
        )
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_show(value)}"
    if kind == "finite_number":
        return f"expected a finite number, got {_show(value)}; write a number"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number, got {_show(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_show(value)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a mapping (key: value lines), got {_show(value)}"
    if kind in {"list_type", "tuple_type"}:
        return f"expected a list ('- item' lines or [a, b]), got {_show(value)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return _date_message(value)
    if kind.startswith(("greater", "less")):
        return f"{_show(value)} is out of range: {_bound(ctx)}"
    if kind == "is_instance_of":
        return f"invalid value {_show(value)}"
    return f"{error['msg']} (got {_show(value)})"


def _population_year(loc: tuple[str | int, ...], data: Any) -> str:
    """A population by year whose key is no year: say what to write, with
    the year after the latest good one and the figure given."""
    node = data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
            break
    key = loc[-1]
    years = [int(k) for k in node if _is_year(k)] if isinstance(node, dict) else []
    year = max(years) + 1 if years else 2024
    if isinstance(key, int) and 0 <= key < 100:  # 16 for 2016
        year = 2000 + key
    figure = node.get(key) if isinstance(node, dict) else None
    shown = (
        figure if isinstance(figure, int) and not isinstance(figure, bool) else 26955
    )
    return f"population year {_show(key)} is not a year; write e.g. {year}: {shown}"


def _is_year(key: Any) -> bool:
    if isinstance(key, str) and key.isdigit():
        key = int(key)
    return isinstance(key, int) and not isinstance(key, bool) and 1900 <= key <= 2200


def _date_message(value: Any) -> str:
    """An ISO date whose day or month does not exist says so."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", str(value).strip())
    if m:
        year, month, day = (int(g) for g in m.groups())
        if not 1 <= month <= 12:
            return f"'{value}': there is no month {month}; write YYYY-MM-DD"
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return (
                f"'{value}': the day does not exist ({calendar.month_name[month]} "
                f"{year} has {last} days)"
            )
    return f"expected a date such as 2006-09-01, got {_show(value)}"


def _bound(ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"write {ctx['ge']} or more"
    if "gt" in ctx:
        return f"write more than {ctx['gt']}"
    if "le" in ctx:
        return f"write {ctx['le']} or less"
    return f"write less than {ctx.get('lt')}"


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"'{_short(value)}'"
    return _short(str(value))


def _short(text: str) -> str:
    """Long values (a 500-digit number) shown by their ends and length."""
    if len(text) <= 60:
        return text
    return f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def _field_name(loc: tuple[str | int, ...]) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else "value"


def _where(loc: tuple[str | int, ...], data: Any) -> str:
    """`` in municipality 'beta'`` from the data, or `` in region``."""
    if not loc:
        return ""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
            break
    name = _field_name(loc)
    kind = _SINGULAR.get(name, name)
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return f" in {kind} '{node['id']}'"
    return f" in {kind}"


def _choices(fields: list[str]) -> str:
    return f"; expected one of: {', '.join(fields)}" if fields else ""


def _fields_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys the model at ``loc`` accepts (by alias), for did-you-mean."""
    tp: Any = root
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return []
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return sorted((f.alias or n) for n, f in tp.model_fields.items())
    return []


def _step(tp: Any, part: str | int) -> Any:
    tp = _unwrap(tp)
    if isinstance(part, int):
        args = typing.get_args(tp)
        return args[0] if typing.get_origin(tp) is list and args else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for n, f in tp.model_fields.items():
            if part in (n, f.alias):
                return f.annotation
        return None
    if typing.get_origin(tp) is dict:
        return typing.get_args(tp)[1]
    return None


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated layers down to the model or container type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        elif origin is Literal:
            return tp
        else:
            return tp
