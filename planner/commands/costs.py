"""``planner costs``: split an amount between the municipalities by a key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from planner.commands.shared import Formats, render_as
from planner.errors import InputError, SettingError
from planner.load import load_inputs
from planner.models.planresult import CostsResult, Share
from planner.planning.costkey import check_key, key_fractions, parse_key, split_amount
from planner.render.text.costs import costs_json, costs_markdown, costs_text
from planner.units import parse_money

__all__ = ["costs", "render_costs"]


def costs(
    inventory: Path,
    target: Path | None,
    amount: str,
    key: str,
    decimals: int = 0,
    *,
    year: int | None = None,
) -> CostsResult:
    """Load the inventory, read ``amount`` and ``key`` as written on the
    command line, and split the amount (to whole units, or øre with
    ``decimals=2``), with the populations of ``year`` (default: the
    latest)."""
    try:
        total = parse_money(amount)
    except ValueError as e:
        raise SettingError("amount", str(e)) from None
    cost_key = parse_key(key)
    inv = load_inputs(inventory, target).inventory
    if problems := check_key(inv.model, cost_key, inv.sources.problem):
        raise InputError(problems)
    fractions = key_fractions(inv.model, cost_key, total, year)
    amounts = split_amount(total, fractions, Decimal(1).scaleb(-decimals))
    shares = tuple(
        Share(m.id, m.name, fractions[m.id], {"amount": amounts[m.id]})
        for m in inv.model.municipalities
    )
    region = inv.model.region
    return CostsResult(region.id, region.currency, total, cost_key, shares, year)


FORMATS: Formats[CostsResult] = {
    "text": lambda r, _: costs_text(r),
    "json": lambda r, _: costs_json(r),
    "markdown": lambda r, _: costs_markdown(r),
}


def render_costs(result: CostsResult, fmt: str) -> str:
    return render_as(FORMATS, result, fmt)
