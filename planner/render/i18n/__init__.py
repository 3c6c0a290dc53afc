"""The words of the diagrams and the report in bokmål and English.

A plain dict per language: small enough to read in one go, and a test checks
both languages have the same keys. Numbers follow each language's habit
(``24 300`` and ``25,4`` in bokmål, ``24,300`` and ``25.4`` in English).
"""

from __future__ import annotations

from decimal import Decimal

from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB

__all__ = ["LANGUAGES", "Messages", "messages"]

LANGUAGES = ("nb", "en")
_CATALOGUES = {"nb": NB, "en": EN}


class Messages:
    """Look-ups and number formats for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in _CATALOGUES:
            raise ValueError(f"unknown language '{lang}'; choose from nb, en")
        self.lang = lang
        self._table = _CATALOGUES[lang]

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key``, with ``{name}`` fields filled in."""
        text = self._table[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """The text for ``key`` with ``n`` filled in, in the singular form
        (``key.one``) when ``n`` is 1 and the catalogue has one."""
        one = f"{key}.one"
        chosen = one if n == 1 and one in self._table else key
        return self(chosen, n=self.number(n), **values)

    def number(self, value: float | int | Decimal, digits: int = 0) -> str:
        """Grouped thousands and the language's decimal mark."""
        text = f"{float(value):,.{digits}f}" if digits else f"{round(value):,}"
        if self.lang == "nb":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def percent(self, fraction: float | Decimal, digits: int = 0) -> str:
        return f"{self.number(float(fraction) * 100, digits)}\u00a0%"

    def money(self, amount: float | int | Decimal, currency: str) -> str:
        """Whole currency units: ``1 050 000 kr`` / ``NOK 1,050,000``."""
        if self.lang == "nb" and currency == "NOK":
            return f"{self.number(amount)}\u00a0kr"
        return f"{currency}\u00a0{self.number(amount)}"

    def bandwidth(self, mbps: float) -> str:
        """``1000`` -> ``1 Gbit/s``; ``0.512`` -> ``512 kbit/s``."""
        for unit, factor in (("Gbit/s", 1e3), ("Mbit/s", 1.0), ("kbit/s", 1e-3)):
            if mbps >= factor or unit == "kbit/s":
                value = mbps / factor
                digits = 0 if value == round(value) else 1
                return f"{self.number(value, digits)}\u00a0{unit}"
        raise AssertionError("unreachable")


def messages(lang: str) -> Messages:
    """The :class:`Messages` of ``lang`` (``nb`` or ``en``)."""
    return Messages(lang)
