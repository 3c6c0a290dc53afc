"""JSON output: sorted keys, exact money, a trailing newline; the same data
always gives the same bytes."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = ["to_json"]


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value)
    return str(value)


def to_json(data: Any) -> str:
    """Serialise ``data`` (dicts, lists, Decimals) as indented JSON."""
    return (
        json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=_default)
        + "\n"
    )
