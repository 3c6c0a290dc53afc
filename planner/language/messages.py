"""Look-ups in a catalogue of sentences and the numbers of one language.

The catalogue is a plain dict (key -> sentence with ``{fields}``); the
numbers come from ``planner.units`` in the language's marks, so the CLI's
``1.5 Gbit/s`` and the report's ``1,5 Gbit/s`` are the same figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from string import Formatter
from typing import Any

from planner.units import (
    NumberStyle,
    format_bandwidth,
    format_number,
    format_percentage,
)

__all__ = ["NORWEGIAN", "STYLES", "Messages"]

NORWEGIAN = ("nb", "nn")
_NBSP = "\u00a0"
STYLES = {
    "en": NumberStyle(decimal=".", group=",", minus="-", space=_NBSP),
    "nb": NumberStyle(decimal=",", group=_NBSP, minus="\u2212", space=_NBSP),
    "nn": NumberStyle(decimal=",", group=_NBSP, minus="\u2212", space=_NBSP),
}
"""Each language's number marks: ``24,300`` and ``25.4`` in English,
``24 300`` and ``25,4`` in Norwegian; a unit never breaks from its figure."""


@lru_cache(maxsize=2048)
def _filler(text: str) -> Callable[[Mapping[str, object]], str]:
    """``text.format_map``, compiled once per sentence to an f-string: a
    national gap report fills 30,000 sentences, and ``str.format`` parses
    its template every time (3 µs, against under 2). The catalogues'
    fields are plain names (``{site}``); a template with anything else is
    filled by ``str.format_map`` (tests/language/test_messages.py compares
    every sentence both ways)."""
    pieces = list(Formatter().parse(text))
    if any(
        name is not None and (spec or conv or not name.isidentifier())
        for _, name, spec, conv in pieces
    ):
        return text.format_map
    literals = tuple(literal for literal, *_ in pieces)
    body = "".join(
        f"{{_l[{i}]}}" + ("" if name is None else f"{{v[{name!r}]}}")
        for i, (_, name, _, _) in enumerate(pieces)
    )
    scope: dict[str, Any] = {}
    exec(f"def fill(v, _l=_l):\n    return f{body!r}\n", {"_l": literals}, scope)
    fill: Callable[[Mapping[str, object]], str] = scope["fill"]
    return fill


class Messages:
    """Look-ups and number formats for one language."""

    def __init__(
        self, lang: str, table: Mapping[str, str], style: NumberStyle | None = None
    ) -> None:
        if lang not in STYLES:
            raise ValueError(f"unknown language '{lang}'; choose from nb, nn, en")
        self.lang = lang
        self.style = STYLES[lang] if style is None else style
        self._table = table

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key``, with ``{name}`` fields filled in."""
        text = self._table[key]
        return _filler(text)(values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """The text for ``key`` with ``n`` filled in, in the singular form
        (``key.one``) when ``n`` is 1 and the catalogue has one."""
        one = f"{key}.one"
        chosen = one if n == 1 and one in self._table else key
        return self(chosen, n=self.number(n), **values)

    def number(self, value: float | int | Decimal, digits: int = 0) -> str:
        """Grouped thousands and the language's decimal mark."""
        return format_number(value, digits, self.style)

    @property
    def norwegian(self) -> bool:
        return self.lang in NORWEGIAN

    def has(self, key: str) -> bool:
        return key in self._table

    def percent(self, fraction: float | Decimal, digits: int = 0) -> str:
        return format_percentage(fraction, digits, self.style)

    def bandwidth(self, mbps: float) -> str:
        """``1000`` -> ``1 Gbit/s``; ``0.512`` -> ``512 kbit/s``
        (``planner.units.format_bandwidth`` in the language's marks)."""
        return format_bandwidth(mbps, self.style)

    def period(self, text: object) -> str:
        """A plan period in words: ``2007H1`` -> ``1. halvår 2007``."""
        raw = str(text)
        for mark, key in (("H", "period.half"), ("Q", "period.quarter")):
            year, sep, index = raw.partition(mark)
            if sep and year.isdigit() and index.isdigit():
                return self(key, year=year, n=index)
        return raw
