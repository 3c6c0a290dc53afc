"""JSON output: sorted keys, exact money, a trailing newline; the same data
always gives the same bytes.

orjson writes it: the standard library's indented encoder is pure Python and
took seconds on a national gap report (orjson: a tenth of a second). orjson
writes floats below 1e-4 positionally (``0.00001`` where ``json`` writes
``1e-05``: the same number); what it refuses (an integer beyond 64 bits)
goes to the standard encoder, which writes the same layout.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import orjson

__all__ = ["to_json", "to_json_bytes"]

_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_SORT_KEYS
    | orjson.OPT_NON_STR_KEYS
    | orjson.OPT_APPEND_NEWLINE  # not + "\n": a copy of a national plan's 18 MB
)


_NUMBERS: dict[Decimal, int | float] = {}


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value)
    return str(value)


def _number(value: Decimal) -> int | float:
    """A Decimal as JSON writes it, remembered by value: a national plan
    writes the same few prices tens of thousands of times (equal values,
    whatever their exponents, write the same)."""
    found = _NUMBERS.get(value) if value.is_finite() else None
    if found is None:
        found = int(value) if value == value.to_integral_value() else float(value)
        if value.is_finite() and len(_NUMBERS) < 1 << 16:
            _NUMBERS[value] = found
    return found


def to_json(data: Any) -> str:
    """Serialise ``data`` (dicts, lists, Decimals) as indented JSON."""
    return to_json_bytes(data).decode("utf-8")


def to_json_bytes(data: Any) -> bytes:
    """:func:`to_json` as the UTF-8 it is written in: a command prints these
    bytes as they are (a national gap report is 15 MB: no text made of it
    and encoded again)."""
    try:
        return orjson.dumps(data, default=_default, option=_OPTIONS)
    except (orjson.JSONEncodeError, TypeError):
        return _stdlib(data).encode("utf-8")


def _stdlib(data: Any) -> str:
    text = json.dumps(
        data, indent=2, sort_keys=True, ensure_ascii=False, default=_default
    )
    return text + "\n"
