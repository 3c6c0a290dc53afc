"""The words of the diagrams and the report in bokmål, nynorsk and English.

A plain dict per language (``messages_nb``, ``messages_nn``, ``messages_en``):
one line per sentence reads and translates best, and a test checks the three
have the same keys and the same ``{fields}``. Numbers, money, periods and
dates follow each language's habit (``24 300``, ``25,4``, ``1. halvår 2007``
in Norwegian; ``24,300``, ``25.4``, ``2007 H1`` in English).
"""

from __future__ import annotations

from decimal import Decimal

from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB
from planner.render.i18n.nn import NN

__all__ = ["LANGUAGES", "Messages", "messages"]

LANGUAGES = ("nb", "nn", "en")
_CATALOGUES = {"nb": NB, "nn": NN, "en": EN}
NORWEGIAN = ("nb", "nn")


class Messages:
    """Look-ups and number formats for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in _CATALOGUES:
            raise ValueError(f"unknown language '{lang}'; choose from nb, nn, en")
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
        if self.norwegian:
            text = text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")
        return text

    @property
    def norwegian(self) -> bool:
        return self.lang in NORWEGIAN

    def has(self, key: str) -> bool:
        return key in self._table

    def percent(self, fraction: float | Decimal, digits: int = 0) -> str:
        return f"{self.number(float(fraction) * 100, digits)}\u00a0%"

    def money(self, amount: float | int | Decimal, currency: str) -> str:
        """Whole currency units: ``1 050 000 kr`` / ``NOK 1,050,000``."""
        if self.norwegian and currency == "NOK":
            return f"{self.number(amount)}\u00a0kr"
        return f"{currency}\u00a0{self.number(amount)}"

    def unit(self, currency: str) -> str:
        """``kr`` for kroner in Norwegian, else the currency code."""
        return "kr" if self.norwegian and currency == "NOK" else currency

    def millions(self, amount: float | int | Decimal, currency: str) -> str:
        """``12,3 mill. kr`` / ``NOK 12.3 million``: the summary's figures."""
        value = self.number(float(amount) / 1e6, 1)
        if self.norwegian and currency == "NOK":
            return self("money.millions", value=value)
        return self("money.millions_currency", value=value, currency=currency)

    def period(self, text: object) -> str:
        """A plan period in words: ``2007H1`` -> ``1. halvår 2007``."""
        raw = str(text)
        for mark, key in (("H", "period.half"), ("Q", "period.quarter")):
            year, sep, index = raw.partition(mark)
            if sep and year.isdigit() and index.isdigit():
                return self(key, year=year, n=index)
        return raw

    def date(self, text: object) -> str:
        """An ISO date ``2006-09-01`` as ``1. september 2006``."""
        raw = str(text)
        parts = raw.split("-")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return raw
        month = self(f"month.{int(parts[1])}")
        return self("date", day=int(parts[2]), month=month, year=parts[0])

    def bandwidth(self, mbps: float) -> str:
        """``1000`` -> ``1 Gbit/s``; ``0.512`` -> ``512 kbit/s``."""
        for unit, factor in (("Gbit/s", 1e3), ("Mbit/s", 1.0), ("kbit/s", 1e-3)):
            if mbps >= factor or unit == "kbit/s":
                value = mbps / factor
                digits = 0 if value == round(value) else 1
                return f"{self.number(value, digits)}\u00a0{unit}"
        raise AssertionError("unreachable")


def messages(lang: str) -> Messages:
    """The :class:`Messages` of ``lang`` (``nb``, ``nn`` or ``en``)."""
    return Messages(lang)
