"""A cell's value as the YAML value a person would have written.

Excel's habits are undone here and nowhere else: text is stripped of
trailing spaces, numbers stored as text become numbers in number columns,
numbers become text in text columns (a version typed as 7.2), ``1 050``
and the Norwegian decimal comma ``2,5`` are read, dates arrive as date cells,
serial numbers or text, booleans as TRUE/FALSE, 1/0 or ja/nei. Anything that
is still not the right type is passed on unchanged, so the models reject it
with the same message a YAML file would get.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any

from openpyxl.utils.datetime import from_excel

__all__ = ["EMPTY", "read_value"]


class _Empty:
    def __repr__(self) -> str:
        return "EMPTY"


EMPTY: Any = _Empty()
"""An empty cell: the key is left out, so the model's default applies."""

_SPACES = re.compile(r"[ \u00a0\u202f\u2009_]")
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?[0-9]*[.,]?[0-9]+(?:[eE][+-]?[0-9]+)?")
_NORWEGIAN_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_TRUE = {"true", "yes", "ja", "sann", "x"}
_FALSE = {"false", "no", "nei", "usann"}
_LAST_SERIAL = 2_958_465  # 9999-12-31


def read_value(kind: str, raw: Any, choices: tuple[str, ...] = ()) -> Any:
    """The value of a cell of a column of ``kind`` (see ``Column``)."""
    if isinstance(raw, str):
        raw = raw.strip().strip("\u00a0")
        if not raw:
            return EMPTY
    if raw is None:
        return EMPTY
    return _READERS.get(kind, _as_is)(raw, choices)


def _as_is(raw: Any, _: tuple[str, ...]) -> Any:
    return raw


def _text(raw: Any, _: tuple[str, ...]) -> Any:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return raw
    return _number_text(raw)


def _number_text(x: int | float) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return str(int(x))
    return repr(x) if isinstance(x, float) else str(x)


def _choice(raw: Any, choices: tuple[str, ...]) -> Any:
    """One of ``choices``, whatever the case (autocorrect capitalises)."""
    if isinstance(raw, str) and raw not in choices:
        return _folded(choices).get(raw.lower(), raw)
    return raw


@lru_cache(maxsize=64)
def _folded(choices: tuple[str, ...]) -> dict[str, str]:
    return {c.lower(): c for c in choices}


def _int(raw: Any, _: tuple[str, ...]) -> Any:
    if isinstance(raw, str):
        compact = _SPACES.sub("", raw)
        if _INT.fullmatch(compact):
            return int(compact)
        if _FLOAT.fullmatch(compact):
            return _whole(float(compact.replace(",", ".")))
        return raw
    if isinstance(raw, float):
        return _whole(raw)
    return raw


def _whole(x: float) -> int | float:
    return int(x) if x.is_integer() else x


def _float(raw: Any, _: tuple[str, ...]) -> Any:
    if isinstance(raw, str):
        compact = _SPACES.sub("", raw)
        if _FLOAT.fullmatch(compact):
            return float(compact.replace(",", "."))
    return raw


def _bool(raw: Any, _: tuple[str, ...]) -> Any:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    return raw


def _date(raw: Any, _: tuple[str, ...]) -> Any:
    if isinstance(raw, dt.datetime):
        return raw.date() if raw.time() == dt.time() else raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 0 < raw <= _LAST_SERIAL:
            return from_excel(raw).date()
        return raw
    if isinstance(raw, str) and (m := _NORWEGIAN_DATE.fullmatch(raw)):
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return raw
    return raw


def _custom(raw: Any, _: tuple[str, ...]) -> Any:
    """Custom fields keep their cell type; a list or mapping comes as JSON."""
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, str) and raw[0] in "[{":
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            return raw  # kept as text, as any cell that is not JSON
    return raw


_READERS = {
    "text": _text,
    "id": _text,
    "choice": lambda raw, choices: _choice(_text(raw, ()), choices),
    "int": _int,
    "float": _float,
    "bool": _bool,
    "date": _date,
    "custom": _custom,
    "money": _as_is,
    "percentage": _as_is,
    "bandwidth": _as_is,
}
