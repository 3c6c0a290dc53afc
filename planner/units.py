"""Parsing and formatting of the value types users write: bandwidth, money,
percentages and periods.

Parsers raise ``ValueError`` with a message that says what to write instead;
the models turn those into located errors. Money is ``Decimal`` throughout:
cost shares must add up to the øre.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache, total_ordering

from planner.models.frozen import frozen

__all__ = [
    "PLAIN",
    "NumberStyle",
    "Period",
    "format_bandwidth",
    "format_money",
    "format_number",
    "format_percentage",
    "parse_bandwidth",
    "parse_money",
    "parse_percentage",
]

_NUMBER = r"(?P<num>[0-9][0-9 _\u00a0]*(?:[.,][0-9]+)?)"

# Bandwidth: value in Mbit/s. Bit-based units only (a byte unit is a classic
# factor-8 mistake, so it gets its own hint).
_BIT_PREFIX = {"": 1e-6, "k": 1e-3, "m": 1.0, "g": 1e3, "t": 1e6}
_BANDWIDTH = re.compile(
    _NUMBER + r"\s*(?P<prefix>[kKmMgGtT]?)(?P<unit>bit/s|bps|b/s|bit)$"
)
_BYTES = re.compile(_NUMBER + r"\s*(?P<prefix>[kKmMgGtT]?)(?:B/s|Bps|byte/s)$")


def _number(text: str) -> Decimal:
    """A decimal from user text: spaces as thousands separators, ',' or '.'
    as the decimal mark (Norwegian documents use the comma)."""
    cleaned = re.sub(r"[ _\u00a0]", "", text).replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None
    if not number.is_finite():
        raise ValueError(f"'{text.strip()}' is not a number")
    if abs(number.adjusted()) > 30:
        raise ValueError(
            f"'{_shorten(text.strip())}' is too large (or small) to be right; "
            "check the number"
        )
    return number


_ONE_GROUP = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
# Money beyond this is a typo (a national budget is 1e12): refused before
# the arithmetic of shares overflows the decimal context.
MAX_MONEY = Decimal(10) ** 15
MAX_BANDWIDTH = 1e9  # Mbit/s: a petabit


def _unambiguous(text: str, number: str) -> None:
    """Refuse ``1.000`` and ``1,000``: one, or a thousand written with a
    thousands mark? Both readings are shown."""
    if _ONE_GROUP.fullmatch(number):
        from planner.load.guard import ambiguous

        raise ValueError(ambiguous(text))


def parse_bandwidth(value: object) -> float:
    """Mbit/s from ``"100 Mbit/s"``, ``"10 Gbps"``, ``"512 kbit/s"``."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a bandwidth such as '100 Mbit/s'")
    return _bandwidth(value)


# Inventories repeat a few values thousands of times ("100 Mbit/s"): parsing
# each distinct value once halves the validation time of a large file.
@lru_cache(maxsize=4096, typed=True)
def _bandwidth(value: str | int | float) -> float:
    text = str(value).strip()
    if isinstance(value, int | float) or re.fullmatch(_NUMBER, text):
        raise ValueError(
            f"bandwidth '{text}' needs a unit: write '{text} Mbit/s' "
            "(or kbit/s, Gbit/s, Tbit/s)"
        )
    if m := _BYTES.fullmatch(text):
        bits = _number(m["num"]) * 8
        raise ValueError(
            f"bandwidth '{text}' is in bytes; planner counts bits: "
            f"write '{bits.normalize():f} {m['prefix'].upper().replace('K', 'k')}bit/s'"
        )
    m = _BANDWIDTH.fullmatch(text)
    if not m:
        raise ValueError(
            f"'{text}' is not a bandwidth: write e.g. '100 Mbit/s', '1 Gbit/s' "
            "or '10 Gbps'"
        )
    _unambiguous(text, m["num"])
    mbps = float(_number(m["num"])) * _BIT_PREFIX[m["prefix"].lower()]
    if mbps > MAX_BANDWIDTH:
        raise ValueError(f"bandwidth '{text}' is over 1 Pbit/s; check the number")
    return mbps


@frozen
class NumberStyle:
    """How a language writes a number: the decimal mark, the thousands
    separator, the minus sign and the space before a unit. One formatter per
    quantity takes a style, so the CLI and the report's languages differ only
    in these marks, never in rounding or units."""

    decimal: str = "."
    group: str = ""
    minus: str = "-"
    space: str = " "


PLAIN = NumberStyle()
"""The CLI's and JSON's style: ``1050000``, ``99.9 %``, ``1.5 Gbit/s``."""


def format_number(
    value: float | int | Decimal, digits: int = 0, style: NumberStyle = PLAIN
) -> str:
    """``value`` rounded to ``digits`` decimals in ``style``'s marks."""
    text = f"{float(value):,.{digits}f}" if digits else f"{round(value):,}"
    return text.translate(_marks(style))


_MARKS: dict[int, tuple[NumberStyle, dict[int, str]]] = {}


def _marks(style: NumberStyle) -> dict[int, str]:
    """``style``'s translation of ``,``, ``.`` and ``-``, made once per style
    object (a national report formats 50,000 numbers; hashing the style's
    fields each time cost as much as the formatting)."""
    found = _MARKS.get(id(style))
    if found is None or found[0] is not style:  # the style keeps its id taken
        table = {ord(","): style.group, ord("."): style.decimal, ord("-"): style.minus}
        found = _MARKS[id(style)] = (style, table)
    return found[1]


@lru_cache(maxsize=4096)  # a national report writes the same few tiers 45,000 times
def format_bandwidth(mbps: float, style: NumberStyle = PLAIN) -> str:
    """``1000.0`` -> ``'1 Gbit/s'``; the largest unit with a value >= 1 whose
    figure reads one way (``2.048 Mbit/s`` is ambiguous, so ``2048 kbit/s``),
    at most three decimals and never a thousands separator."""
    units = (("Tbit/s", 1e6), ("Gbit/s", 1e3), ("Mbit/s", 1.0), ("kbit/s", 1e-3))
    for unit, factor in units:
        if mbps >= factor:
            figure = _trim(mbps / factor)
            if not _ONE_GROUP.fullmatch(figure):
                return f"{figure.replace('.', style.decimal)}{style.space}{unit}"
    return f"{_trim(mbps * 1e6).replace('.', style.decimal)}{style.space}bit/s"


def _trim(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")


# Money: Decimal in the region's currency.
_MONEY_SCALE = {
    "": Decimal(1),
    "k": Decimal(1000),
    "m": Decimal(1_000_000),
    "mill": Decimal(1_000_000),
    "mrd": Decimal(1_000_000_000),
}
_MONEY = re.compile(
    r"(?:(?:kr|NOK|[A-Z]{3})\s*)?"
    + _NUMBER
    + r"\s*(?P<scale>k|K|M|mill\.?|mrd\.?)?\s*(?:kr\.?|NOK|[A-Z]{3})?$"
)


def parse_money(value: object) -> Decimal:
    """Exact money from ``600000``, ``"600k"``, ``"5.13M"``, ``"5,13 MNOK"``."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError("expected an amount such as 600000, '600k' or '5.13M'")
    return _money(value)


@lru_cache(maxsize=4096, typed=True)
def _money(value: str | int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("the amount is not a finite number; check it")
        value = repr(value)  # shortest round-trip text, so 5.13 stays 5.13
    text = str(value).strip()
    if text.startswith("-"):
        raise ValueError(f"amount '{text}' is negative; costs are written positive")
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3}){2,}", text):
        raise ValueError(
            f"'{text}' is ambiguous: ',' is the decimal mark here; write "
            f"'{text.replace(',', ' ')}' for thousands"
        )
    m = _MONEY.fullmatch(text)
    if not m:
        raise ValueError(
            f"'{text}' is not an amount: write e.g. 600000, '600k', '5.13M' "
            "or '5,13 MNOK'"
        )
    _unambiguous(text, m["num"])
    scale = (m["scale"] or "").rstrip(".").lower()
    amount = _number(m["num"]) * _MONEY_SCALE[scale]
    if amount > MAX_MONEY:
        raise ValueError(f"amount '{_shorten(text)}' is over 10^15; check the number")
    return amount


def _shorten(text: str) -> str:
    return (
        text
        if len(text) <= 40
        else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"
    )


def format_money(amount: Decimal) -> str:
    """``Decimal('1050000')`` -> ``'1 050 000'`` (Norwegian digit grouping)."""
    whole = amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount
    return f"{whole:,f}".replace(",", " ")


# Percentages: Decimal fraction in [0, 1].
_PERCENT = re.compile(_NUMBER + r"\s*%$")


def parse_percentage(value: object) -> Decimal:
    """A fraction from ``"99.9%"``, ``0.999`` or ``"70 %"``."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError("expected a percentage such as '99.9%' or 0.999")
    return _percentage(value)


@lru_cache(maxsize=1024, typed=True)
def _percentage(value: str | int | float | Decimal) -> Decimal:
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip()
    if m := _PERCENT.fullmatch(text):
        fraction = _number(m["num"]) / 100
    else:
        try:
            fraction = _number(text)
        except ValueError:
            raise ValueError(
                f"'{text}' is not a percentage: write e.g. '99.9%' or 0.999"
            ) from None
        if fraction == 1:
            raise ValueError(f"{text} is ambiguous: 100 % or 1 %? write '100%' or '1%'")
        if fraction > 1:
            raise ValueError(
                f"{text} is above 1: write '{text}%' for a percentage "
                f"or {fraction / 100} as a fraction"
            )
    if not 0 <= fraction <= 1:
        raise ValueError(f"'{text}' is not between 0 % and 100 %")
    return fraction


def format_percentage(
    fraction: float | Decimal, digits: int = 1, style: NumberStyle = PLAIN
) -> str:
    """``0.999`` -> ``'99.9 %'``."""
    return f"{format_number(float(fraction) * 100, digits, style)}{style.space}%"


# Periods: quarters, half-years and years.
_PERIOD = re.compile(
    r"(?P<year>[0-9]{4})(?:(?P<q>Q[1-4])|(?P<h>H[12]))?$"
    r"|(?P<season>[VH])(?P<syear>[0-9]{4})$"
)
_MONTHS = {"quarter": 3, "half-year": 6, "year": 12}


@total_ordering
@frozen
class Period:
    """A quarter, half-year or year: ``2009Q3``, ``2012H1``, ``2013``.

    Compared by start month; ``V2012`` (vår, spring) reads as ``2012H1`` and
    ``H2012`` (høst, autumn) as ``2012H2``.
    """

    year: int
    kind: str  # quarter | half-year | year
    index: int  # 1-based within the year

    @classmethod
    def parse(cls, value: object) -> Period:
        if isinstance(value, Period):
            return value
        text = str(value).strip().upper()
        m = _PERIOD.fullmatch(text)
        if isinstance(value, bool) or not m:
            raise ValueError(
                f"'{value}' is not a period: write a quarter (2009Q3), a half-year "
                "(2012H1, or V2012 / H2012) or a year (2013)"
            )
        if m["season"]:
            return cls(int(m["syear"]), "half-year", 1 if m["season"] == "V" else 2)
        if m["q"]:
            return cls(int(m["year"]), "quarter", int(m["q"][1]))
        if m["h"]:
            return cls(int(m["year"]), "half-year", int(m["h"][1]))
        return cls(int(m["year"]), "year", 1)

    @property
    def start_month(self) -> int:
        """Months since year 0: the ordering key."""
        return self.year * 12 + (self.index - 1) * _MONTHS[self.kind]

    @property
    def end_month(self) -> int:
        return self.start_month + _MONTHS[self.kind]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start_month, self.end_month) < (other.start_month, other.end_month)

    def __str__(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}Q{self.index}"
        if self.kind == "half-year":
            return f"{self.year}H{self.index}"
        return str(self.year)

    def as_kind(self, kind: str) -> Period:
        """The period of ``kind`` that contains this period's start."""
        month0 = self.start_month - self.year * 12
        return Period(self.year, kind, month0 // _MONTHS[kind] + 1)

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (same kind)."""
        per_year = 12 // _MONTHS[self.kind]
        k = self.year * per_year + self.index - 1 + n
        return Period(k // per_year, self.kind, k % per_year + 1)

    def start_date(self) -> str:
        """ISO date of the first day: ``2009Q3`` -> ``'2009-07-01'``."""
        return f"{self.year:04d}-{self.start_month - self.year * 12 + 1:02d}-01"
