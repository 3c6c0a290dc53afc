"""``planner costs`` as text, Markdown and JSON (``planner/costs/v1``)."""

from __future__ import annotations

from planner.models.planresult import CostsResult
from planner.render.text.jsonout import to_json
from planner.render.text.plan import right_align_last
from planner.render.text.tables import markdown_table, text_table
from planner.units import format_money, format_percentage

__all__ = ["costs_json", "costs_markdown", "costs_text"]

_HEADERS = ("municipality", "name", "fraction", "amount")


def _rows(result: CostsResult) -> list[list[str]]:
    rows = [
        [
            s.municipality,
            s.name,
            format_percentage(s.fraction.numerator / s.fraction.denominator, 2),
            format_money(s.amounts["amount"]),
        ]
        for s in result.shares
    ]
    rows.append(["total", "", "100.00 %", format_money(result.amount)])
    return rows


def _year(result: CostsResult) -> str:
    return f", populations of {result.year}" if result.year is not None else ""


def costs_text(result: CostsResult) -> str:
    """The shares as an aligned table."""
    lines = [
        f"{format_money(result.amount)} {result.currency} split by "
        f"{result.key.describe()} ({result.region}){_year(result)}",
        "",
        *text_table(*right_align_last(_HEADERS, _rows(result)), align="llrr"),
    ]
    return "\n".join(lines) + "\n"


def costs_markdown(result: CostsResult) -> str:
    """The shares as a Markdown table."""
    lines = [
        f"# Cost shares: {format_money(result.amount)} {result.currency}",
        "",
        f"Key: {result.key.describe()}{_year(result)}.",
        "",
        *markdown_table(_HEADERS, _rows(result), align="llrr"),
    ]
    return "\n".join(lines) + "\n"


def costs_json(result: CostsResult) -> str:
    """The ``planner/costs/v1`` JSON document."""
    return to_json(result.to_dict())
