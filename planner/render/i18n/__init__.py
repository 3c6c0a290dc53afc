"""The words of the diagrams and the report in bokmål, nynorsk and English.

A plain dict per language (``messages_nb``, ``messages_nn``, ``messages_en``):
one line per sentence reads and translates best, and a test checks the three
have the same keys and the same ``{fields}``. Numbers, money, periods and
dates follow each language's habit (``24 300``, ``25,4``, ``1. halvår 2007``
in Norwegian; ``24,300``, ``25.4``, ``2007 H1`` in English).
"""

from __future__ import annotations

from decimal import Decimal

from planner import language
from planner.render.i18n.en import EN
from planner.render.i18n.nb import NB
from planner.render.i18n.nn import NN

__all__ = ["LANGUAGES", "Messages", "messages"]

LANGUAGES = ("nb", "nn", "en")
_CATALOGUES = {"nb": NB, "nn": NN, "en": EN}


class Messages(language.Messages):
    """Look-ups and number formats for one language, over the whole
    catalogue (the gap sentences of ``planner.language`` included)."""

    def __init__(self, lang: str) -> None:
        if lang not in _CATALOGUES:
            raise ValueError(f"unknown language '{lang}'; choose from nb, nn, en")
        super().__init__(lang, _CATALOGUES[lang])

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

    def date(self, text: object) -> str:
        """An ISO date ``2006-09-01`` as ``1. september 2006``."""
        raw = str(text)
        parts = raw.split("-")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return raw
        month = self(f"month.{int(parts[1])}")
        return self("date", day=int(parts[2]), month=month, year=parts[0])


def messages(lang: str) -> Messages:
    """The :class:`Messages` of ``lang`` (``nb``, ``nn`` or ``en``)."""
    return Messages(lang)
